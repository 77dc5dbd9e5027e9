import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTemporaryDirectory } from './support/test-databases.js';

const scratch = createTemporaryDirectory('hale-lock-');
afterAll(() => scratch.remove());
const child = fileURLToPath(new URL('./fixtures/hold-data-directory-lock.ts', import.meta.url));

async function race(directory: string, contenders: number): Promise<string[]> {
  const processes = Array.from({ length: contenders }, () =>
    spawn(process.execPath, ['--import', 'tsx', child, directory, '1500'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const outputs = processes.map((process) => {
    let output = '';
    process.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    return once(process, 'exit').then(() => output.trim());
  });
  return Promise.all(outputs);
}

describe('data-directory lock across processes', () => {
  it('gives the lock to exactly one of many processes starting together', async () => {
    const results = await race(scratch.path, 8);
    expect(results.filter((result) => result === 'locked')).toHaveLength(1);
    expect(results.filter((result) => result === 'refused data_directory_locked')).toHaveLength(7);
    expect(existsSync(join(scratch.path, 'hale.lock'))).toBe(false);
  }, 60_000);

  it('takes over a dead process lock once, even when many race for it', async () => {
    const directory = join(scratch.path, 'stale');
    mkdirSync(directory);
    // pid 2^22 + 1 is above Linux's default pid_max, so no live process has it.
    writeFileSync(
      join(directory, 'hale.lock'),
      JSON.stringify({ pid: 4_194_305, hostname: hostname(), startedAt: 'earlier' }),
    );
    const results = await race(directory, 8);
    expect(results.filter((result) => result === 'locked')).toHaveLength(1);
  }, 60_000);
});
