import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../mcp-tools/db/index.js';
import { runHale, spawnHale } from './support/run-hale.js';
import { createServerDatabase, createTemporaryDirectory, testDatabaseUrl } from './support/test-databases.js';
import { waitForReady } from './support/wait-for-ready.js';

const scratch = createTemporaryDirectory('hale-start-');
afterAll(() => scratch.remove());

describe('hale start', () => {
  it('seeds an empty data directory, becomes ready, holds the lock, and shuts down cleanly', async () => {
    const dataDirectory = join(scratch.path, 'fresh');
    const port = 31_000 + Math.floor(Math.random() * 2000);
    const server = spawnHale(['start', '--port', String(port), '--scale', '0.05'], {
      env: { HALE_DATA_DIR: dataDirectory },
    });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      const probes = await waitForReady(url, 90_000);
      expect(probes.at(-1)?.body).toMatchObject({
        status: 'ready',
        checks: [
          { name: 'database', ready: true },
          { name: 'warehouse', ready: true },
        ],
      });
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<title>Hale</title>');
      const missing = await fetch(`${url}/no-such-page`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(await missing.json()).toMatchObject({ code: 'not_found', status: 404 });

      const second = await runHale(['seed', '--data-dir', dataDirectory]);
      expect(second.exitCode).toBe(1);
      expect(second.stderr).toContain(`in use by another Hale process (pid ${server.pid}`);
    } finally {
      server.kill('SIGTERM');
      const [exitCode] = await once(server, 'exit');
      expect(exitCode).toBe(143);
    }
    expect(stderr).toContain('stopped: databases closed');
    expect(existsSync(join(dataDirectory, 'hale.lock'))).toBe(false);

    // The lock is gone and the data persisted: a new process reuses the seeded warehouse.
    const again = await runHale(['seed', '--data-dir', dataDirectory]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('the warehouse already holds data (clinical: demo, scheduling: demo');
  }, 150_000);

  if (!testDatabaseUrl)
    console.warn(
      '[hale tests] TEST_DATABASE_URL is not set: skipping two servers starting on one PostgreSQL',
    );

  it.skipIf(!testDatabaseUrl)(
    'lets two servers start at once on one PostgreSQL: migrations and seed happen once, retrieval waits for pgvector',
    async () => {
      const server = await createServerDatabase();
      const ports = [33_000, 33_001].map((port) => port + Math.floor(Math.random() * 900) * 2);
      const children = ports.map((port) =>
        spawnHale(['start', '--port', String(port), '--scale', '0.05'], {
          env: { DATABASE_URL: server.url },
        }),
      );
      const stderr = ['', ''];
      for (const [index, child] of children.entries()) {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr[index] += chunk.toString();
        });
      }
      try {
        for (const port of ports) await waitForReady(`http://127.0.0.1:${port}`, 120_000);
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        try {
          const versions = await client.query(
            'SELECT version, count(*)::int AS times FROM hale.schema_migration GROUP BY 1 ORDER BY 1',
          );
          const hasVector =
            (await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'vector'`)).rowCount === 1;
          // Every migration exactly once; those needing pgvector wait on a server without it.
          const applicable = migrations.filter(
            (migration) => hasVector || !migration.requires?.includes('vector'),
          );
          expect(versions.rows).toEqual(
            applicable.map((migration) => ({ version: migration.version, times: 1 })),
          );
          expect(applicable.length).toBeGreaterThanOrEqual(2);
          if (!hasVector) expect(stderr.join('')).toContain('waits for CREATE EXTENSION vector');
          const patients = await client.query('SELECT count(*)::int AS count FROM scheduling.patient');
          expect(patients.rows).toEqual([{ count: 500 }]);
        } finally {
          await client.end();
        }
      } finally {
        for (const child of children) child.kill('SIGTERM');
        await Promise.all(children.map((child) => once(child, 'exit')));
        await server.drop();
      }
    },
    180_000,
  );
});
