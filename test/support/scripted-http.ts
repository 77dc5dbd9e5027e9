import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request's body as text, its JSON (or the text when it is not JSON) and its path. */
export async function readScriptedRequest(
  request: IncomingMessage,
): Promise<{ text: string; body: unknown; path: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text: the scripted server records it and refuses it.
  }
  return { text, body, path: new URL(request.url ?? '/', 'http://127.0.0.1').pathname };
}

/**
 * Delays of a scripted server's faults: `wait` resolves true after `ms`, or false as soon as the
 * client goes away (a timeout or an abort); `cancelAll` clears what is pending when it closes.
 */
export function createClientWaiter(): {
  wait(ms: number, response: ServerResponse): Promise<boolean>;
  cancelAll(): void;
} {
  const pending = new Set<NodeJS.Timeout>();
  return {
    wait: (ms, response) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve(true);
        }, ms);
        pending.add(timer);
        response.once('close', () => {
          clearTimeout(timer);
          pending.delete(timer);
          resolve(false);
        });
      }),
    cancelAll() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}

/** Answers JSON. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Answers an OpenAI-style error body (`{error: {message, type, param, code}}`). */
export function sendError(
  response: ServerResponse,
  status: number,
  {
    message,
    type = 'invalid_request_error',
    code,
    headers,
  }: { message: string; type?: string; code?: string; headers?: Record<string, string> },
): void {
  sendJson(response, status, { error: { message, type, param: null, code: code ?? null } }, headers);
}
