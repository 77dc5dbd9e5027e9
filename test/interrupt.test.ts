import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../mcp-tools/db/index.js';
import { runHale, spawnHale } from './support/run-hale.js';
import { createTemporaryDirectory } from './support/test-databases.js';

const scratch = createTemporaryDirectory('hale-interrupt-');
afterAll(() => scratch.remove());

describe('Ctrl-C during a seed', () => {
  it('stops, rolls back to the previous warehouse, and releases the data directory', async () => {
    const dataDirectory = join(scratch.path, 'data');
    const first = await runHale(['seed', '--scale', '0.05', '--data-dir', dataDirectory]);
    expect(first.exitCode, first.stderr).toBe(0);

    const reseed = spawnHale(['seed', '--scale', '2', '--force', '--data-dir', dataDirectory]);
    let stderr = '';
    const started = new Promise<void>((resolve) => {
      reseed.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Interrupt once rows are flowing into the new warehouse.
        if (stderr.includes('scheduling.patient')) resolve();
      });
    });
    await started;
    reseed.kill('SIGINT');
    const [exitCode] = await once(reseed, 'exit');
    expect(exitCode).toBe(130);
    expect(stderr).toContain('hale seed: interrupted; nothing was changed');
    expect(existsSync(join(dataDirectory, 'hale.lock'))).toBe(false);

    const database = await openEmbeddedDatabase({ directory: dataDirectory });
    try {
      const patients = await database.query<{ count: number }>(
        'SELECT count(*) AS count FROM scheduling.patient',
      );
      expect(patients.rows).toEqual([{ count: 500 }]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
