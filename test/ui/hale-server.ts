import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnHale } from '../support/run-hale.js';
import { createTemporaryDirectory } from '../support/test-databases.js';
import { waitForReady } from '../support/wait-for-ready.js';

const clientBuild = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url));

/** A real `hale start` on a fresh data directory, serving the built chat UI. */
export interface RunningHale {
  url: string;
  child: ChildProcess;
  logs: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `hale start --scale 0.05` on a temporary data directory and waits until it is ready. The
 * client must be built (`npm install` builds it; `npm run build:client` after editing it).
 */
export async function startHale({ env = {} }: { env?: Record<string, string> } = {}): Promise<RunningHale> {
  if (!existsSync(clientBuild))
    throw new Error(
      'client/dist is missing: run `npm run build:client` (npm install runs it) before the UI tests',
    );
  const scratch = createTemporaryDirectory('hale-ui-');
  const port = 35_000 + Math.floor(Math.random() * 2000);
  const child = spawnHale(['start', '--port', String(port), '--scale', '0.05'], {
    env: { HALE_DATA_DIR: join(scratch.path, 'data'), ...env },
  });
  let logs = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    logs += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    scratch.remove();
    throw new Error(`hale start did not become ready: ${String(error)}\n${logs}`);
  }
  return {
    url,
    child,
    logs: () => logs,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      scratch.remove();
    },
  };
}
