/** Polls `/readyz` until it answers 200; returns every probe seen (status and body). */
export async function waitForReady(
  url: string,
  timeoutMs: number,
): Promise<{ status: number; body: unknown }[]> {
  const seen: { status: number; body: unknown }[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/readyz`);
      const body = await response.json();
      seen.push({ status: response.status, body });
      if (response.status === 200) return seen;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms: ${JSON.stringify(seen.at(-1))}`);
}
