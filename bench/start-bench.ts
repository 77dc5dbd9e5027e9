import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withTemporaryDirectory } from './temporary-directory.js';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));

async function timeToReady({
  dataDirectory,
  port,
}: {
  dataDirectory: string;
  port: number;
}): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...process.env, HALE_DATA_DIR: dataDirectory, HALE_PORT: String(port), HALE_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (performance.now() - started > 300_000) throw new Error('not ready after 300 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (response.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    // npm start runs node in a child: signal the whole process group.
    process.kill(-(child.pid ?? 0), 'SIGTERM');
    await once(child, 'exit');
  }
}

async function timeCommand(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', args, { cwd: projectRoot, stdio: 'ignore' });
  await once(child, 'exit');
  return (performance.now() - started) / 1000;
}

/**
 * Time from `npm start` to a 200 on /readyz, on a fresh data directory (initdb + seed at scale 1) and
 * on an existing one. The baseline is `npm run hale -- version`: the cost of npm, Node and the
 * TypeScript loader before Hale does anything.
 */
export async function benchStart() {
  const baselineSeconds = await timeCommand(['run', '--silent', 'hale', '--', 'version']);
  return withTemporaryDirectory(async (path) => {
    const dataDirectory = join(path, 'data');
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const freshSeconds = await timeToReady({ dataDirectory, port });
    const existing: number[] = [];
    for (let run = 0; run < 3; run++) existing.push(await timeToReady({ dataDirectory, port }));
    const existingSeconds = existing.sort((left, right) => left - right)[1] ?? 0;
    const result = {
      target: 'ready on an existing data directory under 5 s',
      baselineCliSeconds: round(baselineSeconds),
      freshDataDirectorySeconds: round(freshSeconds),
      existingDataDirectorySeconds: round(existingSeconds),
      existingRuns: existing.map(round),
      existingToBaselineRatio: round(existingSeconds / baselineSeconds),
    };
    process.stderr.write(`start ${JSON.stringify(result)}\n`);
    return result;
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
