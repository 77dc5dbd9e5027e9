import { createHash } from 'node:crypto';
import type { Database, Transaction } from './database.js';
import { DatabaseError } from './database-error.js';
import type { DatabaseExtension, Migration } from './migrations/index.js';

/** Arbitrary constant shared by every Hale process: serialises migrations across processes. */
const migrationLockKey = 7_341_120_901;

/** Which optional extensions the database has; features that need a missing one are disabled. */
export type DatabaseFeatures = Readonly<Record<DatabaseExtension, boolean>>;

/** What a migration run did, for start-up output and `/readyz`. */
export interface MigrationReport {
  applied: number[];
  pending: { version: number; name: string; missing: DatabaseExtension[] }[];
  features: DatabaseFeatures;
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex').slice(0, 16);
}

async function tryCreateExtension(transaction: Transaction, extension: DatabaseExtension): Promise<boolean> {
  // A savepoint keeps the migration transaction usable when the server lacks the extension.
  await transaction.exec('SAVEPOINT create_extension');
  try {
    await transaction.exec(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    await transaction.exec('RELEASE SAVEPOINT create_extension');
    return true;
  } catch {
    await transaction.exec('ROLLBACK TO SAVEPOINT create_extension');
    const installed = await transaction.query('SELECT 1 FROM pg_extension WHERE extname = $1', [extension]);
    return installed.rowCount > 0;
  }
}

/**
 * Brings the `hale` schema up to date. Everything runs in one transaction under an advisory lock, so
 * two processes starting together on one server apply each migration exactly once; a failure rolls
 * the whole run back. Migrations whose extensions are missing stay pending instead of failing.
 */
export async function migrate(
  database: Database,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  return database.transaction(async (transaction) => {
    await transaction.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await transaction.exec(`
      CREATE SCHEMA IF NOT EXISTS hale;
      CREATE TABLE IF NOT EXISTS hale.schema_migration (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    const features: DatabaseFeatures = {
      vector: await tryCreateExtension(transaction, 'vector'),
      pg_trgm: await tryCreateExtension(transaction, 'pg_trgm'),
    };
    const applied = await transaction.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM hale.schema_migration',
    );
    const appliedChecksums = new Map(applied.rows.map((row) => [row.version, row.checksum]));
    const report: MigrationReport = { applied: [], pending: [], features };
    for (const migration of migrations) {
      const recorded = appliedChecksums.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== checksum(migration.sql)) {
          throw new DatabaseError(
            'migration_failed',
            `migration ${migration.version} (${migration.name}) was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      if (migration.retired) continue;
      const missing = (migration.requires ?? []).filter((extension) => !features[extension]);
      if (missing.length > 0) {
        report.pending.push({ version: migration.version, name: migration.name, missing });
        continue;
      }
      try {
        await transaction.exec(migration.sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseError(
          'migration_failed',
          `migration ${migration.version} (${migration.name}) failed: ${reason}`,
          {
            cause: error,
          },
        );
      }
      await transaction.query(
        'INSERT INTO hale.schema_migration (version, name, checksum) VALUES ($1, $2, $3)',
        [migration.version, migration.name, checksum(migration.sql)],
      );
      report.applied.push(migration.version);
    }
    return report;
  });
}

/**
 * Throws a clear, actionable error when a feature needs an extension the database lacks.
 * Used by the features themselves, so only they fail on such a server.
 */
export function requireExtension(
  features: DatabaseFeatures,
  extension: DatabaseExtension,
  { feature, location }: { feature: string; location: string },
): void {
  if (features[extension]) return;
  throw new DatabaseError(
    'extension_missing',
    `${feature} needs the ${extension} extension, which ${location} does not have: install it and run CREATE EXTENSION ${extension}; (as a superuser), then restart Hale`,
  );
}
