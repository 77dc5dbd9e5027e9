import type { CsvRow } from './csv-row-stream.js';
import { encodeCsvField } from './encode-csv-field.js';
import type { HeaderMapping } from './header-mapping.js';
import { locatedMessage, OmopLoadError } from './omop-load-error.js';
import { createValueNormalizer, InvalidValueError } from './value-normalizer.js';

/** COPY receives text in pieces of about this size; a whole file is never held in memory. */
const chunkBytes = 1024 * 1024;
/** How often a long table reports progress. */
const progressEveryRows = 100_000;

/**
 * Re-emits a file's data rows as normalized CSV for COPY, in the mapping's column order. Every
 * value is validated first; the first invalid one throws an `invalid_row` error naming the file,
 * the physical line and the column as spelled in the header.
 */
export async function* normalizedCsvChunks({
  rows,
  mapping,
  file,
  onRows,
  signal,
}: {
  rows: AsyncIterable<CsvRow>;
  mapping: HeaderMapping;
  file: string;
  onRows?: (rows: number) => void;
  /** Aborts the load between chunks (Ctrl-C): the caller's transaction then rolls back. */
  signal?: AbortSignal;
}): AsyncGenerator<string> {
  const normalizers = mapping.columns.map(createValueNormalizer);
  const sources = mapping.sources;
  let pending: string[] = [];
  let pendingBytes = 0;
  let rowNumber = 0;
  const fields: string[] = new Array(sources.length);
  for await (const row of rows) {
    rowNumber += 1;
    for (let index = 0; index < sources.length; index += 1) {
      const source = sources[index];
      if (source?.kind === 'field') {
        try {
          fields[index] = encodeCsvField(
            (normalizers[index] as (raw: string) => string | null)(row.fields[source.index] ?? ''),
          );
        } catch (error) {
          if (!(error instanceof InvalidValueError)) throw error;
          const location = { file, line: row.line, column: source.header };
          throw new OmopLoadError(
            'invalid_row',
            locatedMessage({ ...location, reason: error.message }),
            location,
          );
        }
      } else {
        fields[index] = source?.fill === 'row-number' ? String(rowNumber) : '0';
      }
    }
    const line = `${fields.join(',')}\n`;
    pending.push(line);
    pendingBytes += line.length;
    if (pendingBytes >= chunkBytes) {
      signal?.throwIfAborted();
      yield pending.join('');
      pending = [];
      pendingBytes = 0;
    }
    if (rowNumber % progressEveryRows === 0) onRows?.(rowNumber);
  }
  if (pending.length > 0) yield pending.join('');
}
