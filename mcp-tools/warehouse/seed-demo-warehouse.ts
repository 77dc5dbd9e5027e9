import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from '../db/index.js';
import { generateDemoWarehouse } from './demo-data/generate-demo-warehouse.js';
import { loadVocabularyFolder } from './omop-loader/index.js';
import { addPrimaryKeys } from './schema/add-primary-keys.js';
import { createSchemaIndexes, recreateSchema } from './schema/recreate-schema.js';
import { WarehouseError } from './warehouse-error.js';
import { hasWarehouseState, recordWarehouseState } from './warehouse-state.js';

/** Shared by every Hale process: two processes seeding one server take turns. */
const seedLockKey = 7_341_120_902;

/** The bundled, curated vocabulary subset in Athena format. */
export const bundledVocabularyPath = fileURLToPath(new URL('./vocabulary/data/', import.meta.url));

/** What `hale seed` reports. */
export interface SeedReport {
  scale: number;
  seed: number;
  referenceDate: string;
  /** Rows per qualified table name. */
  tables: Record<string, number>;
  durationMs: number;
}

/** Yields the chunks, stopping with the abort reason as soon as the signal fires (Ctrl-C). */
function* stopWhenAborted(chunks: readonly string[], signal: AbortSignal | undefined): Generator<string> {
  for (const chunk of chunks) {
    signal?.throwIfAborted();
    yield chunk;
  }
}

async function existingWarehouse(warehouse: Queryable): Promise<string | undefined> {
  if (await hasWarehouseState(warehouse)) {
    const parts = await warehouse.query<{ part: string; source: string }>(
      'SELECT part, source FROM hale.warehouse_state ORDER BY part',
    );
    if (parts.rowCount > 0) return parts.rows.map((row) => `${row.part}: ${row.source}`).join(', ');
  }
  const schemas = await warehouse.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname IN ('cdm', 'vocab', 'scheduling') ORDER BY 1`,
  );
  return schemas.rowCount > 0
    ? `schemas ${schemas.rows.map((row) => row.nspname).join(', ')} exist`
    : undefined;
}

/**
 * Generates the demo warehouse and replaces `cdm`, `vocab` and `scheduling` with it in one
 * transaction (a failure leaves the previous data). Generation happens before the transaction opens,
 * rows go in with COPY, indexes are built after the load. Refuses to replace existing data unless
 * `force` is set.
 */
export async function seedDemoWarehouse({
  warehouse,
  scale,
  seed,
  referenceDate,
  force,
  onProgress,
  signal,
}: {
  warehouse: Database;
  scale: number;
  seed: number;
  referenceDate: string;
  force: boolean;
  onProgress?: (event: { table: string; rows: number }) => void;
  /** Aborting (Ctrl-C) stops between tables and rolls the seed back. */
  signal?: AbortSignal;
}): Promise<SeedReport> {
  const started = performance.now();
  const refuseExisting = async (database: Queryable) => {
    const existing = force ? undefined : await existingWarehouse(database);
    if (existing) {
      throw new WarehouseError(
        'warehouse_not_empty',
        `the warehouse already holds data (${existing}); run "hale seed --force" to replace it with demo data`,
      );
    }
  };
  await refuseExisting(warehouse);
  const generated = await generateDemoWarehouse({ scale, seed, referenceDate, signal });
  const tables: Record<string, number> = {};
  await warehouse.transaction(async (transaction) => {
    // Checked again under the lock: another process may have seeded while this one generated.
    await transaction.query('SELECT pg_advisory_xact_lock($1)', [seedLockKey]);
    await refuseExisting(transaction);
    for (const schema of ['cdm', 'scheduling'] as const) await recreateSchema(transaction, schema);
    const vocabulary = await loadVocabularyFolder({
      transaction,
      path: bundledVocabularyPath,
      onDuplicateKey: 'fail',
      signal,
    });
    for (const [table, rows] of Object.entries(vocabulary.tables)) {
      tables[`vocab.${table}`] = rows;
      onProgress?.({ table: `vocab.${table}`, rows });
    }
    for (const table of generated.tables) {
      signal?.throwIfAborted();
      tables[table.table] = await transaction.copyFrom({
        table: table.table,
        columns: table.columns,
        chunks: stopWhenAborted(table.chunks, signal),
      });
      onProgress?.({ table: table.table, rows: tables[table.table] ?? 0 });
    }
    const duplicates = await addPrimaryKeys(transaction, 'cdm');
    if (duplicates.length > 0) {
      // The generator numbers rows itself: a repeated key is a bug in it, not in the user's data.
      throw new Error(
        `demo generator repeated a key: ${duplicates.map((duplicate) => duplicate.detail).join('; ')}`,
      );
    }
    for (const schema of ['cdm', 'scheduling'] as const) await createSchemaIndexes(transaction, schema);
    if (await hasWarehouseState(transaction)) {
      const details = { scale, seed, referenceDate };
      await recordWarehouseState(transaction, { part: 'scheduling', source: 'demo', details });
      await recordWarehouseState(transaction, { part: 'clinical', source: 'demo', details });
      await recordWarehouseState(transaction, { part: 'vocabulary', source: 'bundled subset', details: {} });
    }
  });
  return { scale, seed, referenceDate, tables, durationMs: Math.round(performance.now() - started) };
}
