import { basename } from 'node:path';
import type { Database, Transaction } from '../../db/index.js';
import { recreateSchema } from '../schema/recreate-schema.js';
import { hasWarehouseState, recordWarehouseState } from '../warehouse-state.js';
import { openDatasetSource } from './dataset-source.js';
import { loadDatasetPlan } from './load-dataset-plan.js';
import type { DuplicateKeyPolicy, LoadProgress, LoadReport } from './load-report.js';
import { OmopLoadError } from './omop-load-error.js';
import { planDatasetLoad } from './plan-dataset-load.js';
import { recordLoadInWarehouseState } from './record-load-in-warehouse-state.js';

/** Whether the booking mart holds Hale's demo data (never a user's own mart, which stays untouched). */
async function holdsDemoScheduling(transaction: Transaction): Promise<boolean> {
  if (!(await hasWarehouseState(transaction))) return false;
  const part = await transaction.query<{ source: string }>(
    `SELECT source FROM hale.warehouse_state WHERE part = 'scheduling'`,
  );
  return part.rows[0]?.source === 'demo';
}

/**
 * Loads an OMOP CDM dataset (a folder or `.zip` of CDM 5.3/5.4 CSVs and/or Athena vocabulary
 * files) into the warehouse in one transaction. A dataset is a unit: any clinical table file
 * replaces the whole `cdm` schema and any vocabulary file the whole `vocab` schema, so no earlier
 * rows mix with the new ones; every value is validated before COPY, and any failure (an
 * `OmopLoadError` naming file, line and column) rolls everything back. The load is recorded in
 * `hale.warehouse_state` when that table exists. Replacing the clinical data also empties the demo
 * booking mart, whose rows point at demo persons, providers and care sites.
 */
export async function loadOmopDataset({
  database,
  path,
  onDuplicateKey = 'keep-rows',
  onProgress,
  signal,
}: {
  database: Database;
  path: string;
  onDuplicateKey?: DuplicateKeyPolicy;
  onProgress?: (progress: LoadProgress) => void;
  /** Aborting (Ctrl-C) rolls the whole load back. */
  signal?: AbortSignal;
}): Promise<LoadReport> {
  const source = await openDatasetSource({ path });
  try {
    const plan = planDatasetLoad({ paths: source.files.map((file) => file.path) });
    if (plan.files.length === 0) {
      throw new OmopLoadError(
        'no_omop_tables',
        `${path} holds no OMOP table file: expected CSV files named after CDM or vocabulary tables (PERSON.csv, CONCEPT.csv, …); nothing was changed`,
      );
    }
    return await database.transaction(async (transaction) => {
      const report = await loadDatasetPlan({ transaction, source, plan, onDuplicateKey, onProgress, signal });
      if (report.replacedSchemas.includes('cdm') && (await holdsDemoScheduling(transaction))) {
        await recreateSchema(transaction, 'scheduling');
        await recordWarehouseState(transaction, {
          part: 'scheduling',
          source: 'none',
          details: {
            reason: `demo booking data removed when omop:${basename(path)} replaced the clinical data`,
          },
        });
        report.emptiedSchemas.push('scheduling');
      }
      await recordLoadInWarehouseState({ transaction, report, source: `omop:${basename(path)}` });
      return report;
    });
  } finally {
    await source.close();
  }
}
