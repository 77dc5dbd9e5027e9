import type { Transaction } from '../../db/index.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { readCsvRows } from './csv-row-stream.js';
import type { DatasetFile } from './dataset-source.js';
import { type HeaderMapping, mapHeader } from './header-mapping.js';
import type { LoadProgress } from './load-report.js';
import { normalizedCsvChunks } from './normalized-csv-chunks.js';
import { OmopLoadError } from './omop-load-error.js';

/** What loading one file did. */
export interface TableFileLoad {
  rows: number;
  ignoredColumns: readonly string[];
  cdmVersion: HeaderMapping['cdmVersion'];
}

/**
 * Streams one CSV file into its (freshly created, empty) table with COPY: header mapped, every
 * value validated and normalized on the way. Database failures (a value COPY rejects, …) become
 * `copy_failed` errors naming the file.
 */
export async function loadTableFile({
  transaction,
  file,
  table,
  onProgress,
  signal,
}: {
  transaction: Transaction;
  file: DatasetFile;
  table: TableDefinition;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}): Promise<TableFileLoad> {
  const rows = readCsvRows({ stream: await file.open(), file: file.path });
  try {
    const header = await rows.next();
    if (header.done) {
      onProgress?.({ table: table.name, rows: 0 });
      return { rows: 0, ignoredColumns: [], cdmVersion: undefined };
    }
    const mapping = mapHeader({ table, header: header.value.fields, file: file.path });
    let failure: unknown;
    // A bad row ends the COPY cleanly instead of throwing into the adapter mid-stream: aborting a
    // COPY leaves each driver in its own half-failed state, while the rows already sent simply
    // roll back with the transaction once the failure is rethrown below.
    async function* chunksUntilFailure(): AsyncGenerator<string> {
      try {
        yield* normalizedCsvChunks({
          rows: { [Symbol.asyncIterator]: () => rows },
          mapping,
          file: file.path,
          onRows: (count) => onProgress?.({ table: table.name, rows: count }),
          signal,
        });
      } catch (error) {
        failure = error;
      }
    }
    const loaded = await transaction.copyFrom({
      table: `${table.schema}.${table.name}`,
      columns: mapping.columns.map((column) => column.name),
      chunks: chunksUntilFailure(),
    });
    if (failure !== undefined) throw failure;
    onProgress?.({ table: table.name, rows: loaded });
    return { rows: loaded, ignoredColumns: mapping.ignoredColumns, cdmVersion: mapping.cdmVersion };
  } catch (error) {
    if (error instanceof OmopLoadError || signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new OmopLoadError('copy_failed', `${file.path}: the database rejected the rows: ${reason}`, {
      file: file.path,
      cause: error,
    });
  } finally {
    await rows.return(undefined);
  }
}
