import type { Transaction } from '../../db/index.js';
import { quoteQualifiedName } from '../../db/index.js';
import type { TableDefinition } from '../schema/table-definition.js';
import type { DatasetFile } from './dataset-source.js';
import type { DuplicateKeyPolicy, LoadProgress } from './load-report.js';
import { loadTableFile, type TableFileLoad } from './load-table-file.js';
import { OmopLoadError } from './omop-load-error.js';

/** The PostgreSQL fields of a unique violation, as both adapters' driver errors carry them. */
function primaryKeyViolation(error: OmopLoadError, table: TableDefinition): string | undefined {
  const cause = error.cause as { code?: unknown; constraint?: unknown; detail?: unknown } | undefined;
  if (error.code !== 'copy_failed' || cause?.code !== '23505') return undefined;
  if (cause.constraint !== `${table.name}_pkey`) return undefined;
  const key = /^Key \((.+)\)=\((.+)\) already exists/.exec(
    typeof cause.detail === 'string' ? cause.detail : '',
  );
  return key ? `${key[1]} ${key[2]} appears more than once` : 'a primary key value appears more than once';
}

/**
 * Loads one file, and under the `keep-rows` policy survives duplicate primary keys: the official
 * CDM ships its primary keys as an optional script, and real exports (Eunomia GiBleed's
 * OBSERVATION) repeat ids. The COPY is retried without the table's primary key so every source row
 * is kept, and the dropped key is reported. Any other failure propagates.
 */
export async function loadTable({
  transaction,
  file,
  table,
  onDuplicateKey,
  onProgress,
  signal,
}: {
  transaction: Transaction;
  file: DatasetFile;
  table: TableDefinition;
  onDuplicateKey: DuplicateKeyPolicy;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}): Promise<TableFileLoad & { droppedPrimaryKey?: string }> {
  signal?.throwIfAborted();
  if (onDuplicateKey === 'fail' || !table.primaryKey?.length) {
    return loadTableFile({ transaction, file, table, onProgress, signal });
  }
  await transaction.exec('SAVEPOINT omop_table_load');
  try {
    const load = await loadTableFile({ transaction, file, table, onProgress, signal });
    await transaction.exec('RELEASE SAVEPOINT omop_table_load');
    return load;
  } catch (error) {
    const violation = error instanceof OmopLoadError ? primaryKeyViolation(error, table) : undefined;
    if (violation === undefined) throw error;
    await transaction.exec('ROLLBACK TO SAVEPOINT omop_table_load');
    await transaction.exec(
      `ALTER TABLE ${quoteQualifiedName(`${table.schema}.${table.name}`)} DROP CONSTRAINT ${quoteQualifiedName(`${table.name}_pkey`)}`,
    );
    const load = await loadTableFile({ transaction, file, table, onProgress, signal });
    return {
      ...load,
      droppedPrimaryKey: `${file.path}: ${violation} (perhaps among others); primary key dropped, all rows kept`,
    };
  }
}
