import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  type Database,
  migrate,
  migrations,
  openEmbeddedDatabase,
  openPostgresDatabase,
} from '../../mcp-tools/db/index.js';
import {
  createGovernedWarehouse,
  type GovernancePolicy,
  type GovernedWarehouse,
  governedSchemas,
  readWarehouseCatalog,
  type WarehouseCatalog,
} from '../../mcp-tools/governance/index.js';
import { seedDemoWarehouse } from '../../mcp-tools/warehouse/index.js';
import { withTemporaryDirectory } from '../temporary-directory.js';

/** Where a bench warehouse lives: a fresh embedded data directory, or a fresh database on a server. */
export type BenchTarget = { kind: 'embedded' } | { kind: 'postgres'; serverUrl: string };

/** A seeded demo warehouse with the gate over it, for one target. */
export interface BenchWarehouse {
  kind: BenchTarget['kind'];
  database: Database;
  governed: GovernedWarehouse;
  catalog: WarehouseCatalog;
  seedSeconds: number;
}

/**
 * Seeds the demo warehouse at `scale` into a database made for this run, builds the gate over it
 * (audit entries go to the same database, as with the embedded default) and hands it to `work`.
 * Afterwards the database is thrown away, and on a server the roles named `rolePrefix…` are dropped
 * too: roles belong to the whole server, so they would outlive the database.
 */
export async function withBenchWarehouse<T>({
  target,
  scale,
  policy,
  rolePrefix,
  work,
}: {
  target: BenchTarget;
  scale: number;
  policy: GovernancePolicy;
  rolePrefix: string;
  work: (warehouse: BenchWarehouse) => Promise<T>;
}): Promise<T> {
  const run = async (database: Database) => {
    await migrate(database, migrations);
    const started = performance.now();
    // The same seed and reference date as the seed bench; the corpus' date ranges assume them.
    await seedDemoWarehouse({
      warehouse: database,
      scale,
      seed: 1,
      referenceDate: '2026-11-23',
      force: true,
    });
    const seedSeconds = (performance.now() - started) / 1000;
    const catalog = await readWarehouseCatalog(database, governedSchemas);
    const governed = createGovernedWarehouse({ warehouse: database, auditLog: database, policy, catalog });
    return work({ kind: target.kind, database, governed, catalog, seedSeconds });
  };

  if (target.kind === 'embedded') {
    return withTemporaryDirectory(async (path) => {
      const database = await openEmbeddedDatabase({ directory: join(path, 'data') });
      try {
        return await run(database);
      } finally {
        await database.close();
      }
    });
  }

  const maintenance = await openMaintenanceDatabase(target.serverUrl);
  const name = `hale_bench_governance_${randomBytes(4).toString('hex')}`;
  try {
    await maintenance.exec(`CREATE DATABASE ${name}`);
    const url = new URL(target.serverUrl);
    url.pathname = `/${name}`;
    const database = await openPostgresDatabase({ url: url.toString(), applicationName: 'hale-bench' });
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  } finally {
    await maintenance.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const roles = await maintenance.query<{ rolname: string }>(
      'SELECT rolname FROM pg_catalog.pg_roles WHERE starts_with(rolname, $1)',
      [rolePrefix],
    );
    for (const { rolname } of roles.rows) await maintenance.exec(`DROP ROLE IF EXISTS "${rolname}"`);
    await maintenance.close();
  }
}

/**
 * A connection to the server for creating and dropping the run's database: the given database, or
 * the server's `postgres` database when the given one does not exist (the bench never writes to it).
 */
async function openMaintenanceDatabase(serverUrl: string): Promise<Database> {
  try {
    return await openPostgresDatabase({ url: serverUrl, maxConnections: 1 });
  } catch (error) {
    const missingDatabase = (error as { cause?: { code?: unknown } }).cause?.code === '3D000';
    if (!missingDatabase) throw error;
    const url = new URL(serverUrl);
    url.pathname = '/postgres';
    return openPostgresDatabase({ url: url.toString(), maxConnections: 1 });
  }
}
