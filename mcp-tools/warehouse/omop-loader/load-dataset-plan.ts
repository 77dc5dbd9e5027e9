import type { Transaction } from '../../db/index.js';
import { addPrimaryKeys } from '../schema/add-primary-keys.js';
import { createSchemaIndexes, recreateSchema } from '../schema/recreate-schema.js';
import type { DatasetSource } from './dataset-source.js';
import { detectCdmVersion } from './detect-cdm-version.js';
import type { DuplicateKeyPolicy, LoadProgress, LoadReport } from './load-report.js';
import { loadTableFile } from './load-table-file.js';
import { OmopLoadError } from './omop-load-error.js';
import type { DatasetLoadPlan } from './plan-dataset-load.js';

/**
 * Carries out a plan inside the caller's transaction: recreates each planned schema (so tables the
 * dataset lacks end up empty), loads every file, then builds primary keys and indexes. A file that
 * repeats a primary key fails the load under the `fail` policy; under `keep-rows` its table keeps
 * every row without the key, and the report says so.
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
    const load = await loadTableFile({ transaction, file, table, onProgress, signal });
    tables[table.name] = load.rows;
    if (load.ignoredColumns.length > 0) ignoredColumns[table.name] = [...load.ignoredColumns];
    if (load.cdmVersion !== undefined) headerEvidence.push(load.cdmVersion);
  }
  const fileOfTable = new Map(plan.files.map(({ path, table }) => [table.name, path]));
  for (const schema of plan.schemas) {
    for (const { table, detail } of await addPrimaryKeys(transaction, schema)) {
      const file = fileOfTable.get(table.name) ?? table.name;
      if (onDuplicateKey === 'fail') {
        throw new OmopLoadError(
          'duplicate_key',
          `${file}: ${detail} (${table.name} needs unique ${table.primaryKey?.join(', ')}); load without --strict to keep every row without the key`,
          { file },
        );
      }
      droppedPrimaryKeys.push({
        table: table.name,
        reason: `${file}: ${detail} Primary key not created; all rows kept.`,
      });
    }
    await createSchemaIndexes(transaction, schema);
  }
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
    emptiedSchemas: [],
    cdmVersion: detectCdmVersion({ declared, headerEvidence }),
  };
}
