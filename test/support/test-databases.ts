import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openEmbeddedDatabase, openPostgresDatabase } from '../../mcp-tools/db/index.js';

/** A database made for one test file, and how to throw it away. */
export interface DisposableDatabase {
  database: Database;
  /** For the embedded adapter: the data directory; for the server: the connection URL. */
  location: string;
  dispose(): Promise<void>;
}

/** One way of making a fresh database; the contract suites run once per adapter. */
export interface TestDatabaseAdapter {
  name: 'pglite' | 'postgres';
  create(): Promise<DisposableDatabase>;
}

/** The real PostgreSQL server to test against, or undefined when CI did not provide one. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** Makes a new, empty database on the real server (one per test file keeps files independent). */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `hale_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A fresh temporary directory, removed by the returned function. */
export function createTemporaryDirectory(prefix = 'hale-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const pgliteAdapter: TestDatabaseAdapter = {
  name: 'pglite',
  async create() {
    const directory = createTemporaryDirectory();
    const location = join(directory.path, 'data');
    const database = await openEmbeddedDatabase({ directory: location });
    return {
      database,
      location,
      async dispose() {
        await database.close();
        directory.remove();
      },
    };
  },
};

const postgresAdapter: TestDatabaseAdapter = {
  name: 'postgres',
  async create() {
    const server = await createServerDatabase();
    const database = await openPostgresDatabase({ url: server.url });
    return {
      database,
      location: server.url,
      async dispose() {
        await database.close();
        await server.drop();
      },
    };
  },
};

if (!testDatabaseUrl) {
  console.warn('[hale tests] TEST_DATABASE_URL is not set: database contract suites run on PGlite only');
}

/** Every adapter available here: PGlite always, the real server when TEST_DATABASE_URL is set. */
export const testDatabaseAdapters: readonly TestDatabaseAdapter[] = testDatabaseUrl
  ? [pgliteAdapter, postgresAdapter]
  : [pgliteAdapter];
