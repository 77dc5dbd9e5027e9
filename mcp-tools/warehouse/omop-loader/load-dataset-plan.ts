import type { Transaction } from '../../db/index.js';
import { createSchemaIndexes, recreateSchema } from '../schema/recreate-schema.js';
import type { DatasetSource } from './dataset-source.js';
import { detectCdmVersion } from './detect-cdm-version.js';
import type { DuplicateKeyPolicy, LoadProgress, LoadReport } from './load-report.js';
import { loadTable } from './load-table.js';
import type { DatasetLoadPlan } from './plan-dataset-load.js';

/**
 * Carries out a plan inside the caller's transaction: recreates each planned schema (so tables the
 * dataset lacks end up empty), loads every file, then builds the schemas' indexes.
 */
export async function loadDatasetPlan({
  transaction,
  source,
  plan,
  onDuplicateKey,
  onProgress,
  signal,
}: {
  transaction: Transaction;
  source: DatasetSource;
  plan: DatasetLoadPlan;
  onDuplicateKey: DuplicateKeyPolicy;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}): Promise<LoadReport> {
  for (const schema of plan.schemas) await recreateSchema(transaction, schema);
  const filesByPath = new Map(source.files.map((file) => [file.path, file]));
  const tables: LoadReport['tables'] = {};
  const ignoredColumns: LoadReport['ignoredColumns'] = {};
  const droppedPrimaryKeys: LoadReport['droppedPrimaryKeys'] = [];
  const headerEvidence: ('5.3' | '5.4')[] = [];
  for (const { path, table } of plan.files) {
    const file = filesByPath.get(path);
    if (file === undefined) throw new Error(`planned file ${path} is not in the dataset`);
    const load = await loadTable({ transaction, file, table, onDuplicateKey, onProgress, signal });
    if (load.droppedPrimaryKey !== undefined)
      droppedPrimaryKeys.push({ table: table.name, reason: load.droppedPrimaryKey });
    tables[table.name] = load.rows;
    if (load.ignoredColumns.length > 0) ignoredColumns[table.name] = [...load.ignoredColumns];
    if (load.cdmVersion !== undefined) headerEvidence.push(load.cdmVersion);
  }
  for (const schema of plan.schemas) await createSchemaIndexes(transaction, schema);
  const declared =
    tables.cdm_source === undefined
      ? []
      : (
          await transaction.query<{ cdm_version: string | null }>('SELECT cdm_version FROM cdm.cdm_source')
        ).rows.map((row) => row.cdm_version);
  return {
    tables,
    skipped: plan.skipped,
    ignoredColumns,
    droppedPrimaryKeys,
    replacedSchemas: plan.schemas,
    cdmVersion: detectCdmVersion({ declared, headerEvidence }),
  };
}
