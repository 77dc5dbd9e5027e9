import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type CsvDelimiter, detectDelimiter } from './detect-delimiter.js';
import { locatedMessage, OmopLoadError } from './omop-load-error.js';

/** One parsed record and where it sits in the file. */
export interface CsvRow {
  fields: string[];
  /** The physical 1-based line the record starts on (a quoted field may span several lines). */
  line: number;
}

function countNewlines(fields: readonly string[]): number {
  let newlines = 0;
  for (const field of fields) {
    for (let index = field.indexOf('\n'); index !== -1; index = field.indexOf('\n', index + 1)) newlines += 1;
  }
  return newlines;
}

/** A header line is far shorter; the cap keeps a newline-less file from being read whole. */
const headerPeekBytes = 64 * 1024;

/** Reads up to the first newline and hands back everything read, so no byte is lost to the peek. */
async function peekHeaderLine(
  chunks: AsyncIterator<Buffer | string>,
): Promise<{ headerLine: string; read: Buffer[] }> {
  const read: Buffer[] = [];
  let readBytes = 0;
  while (readBytes < headerPeekBytes) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    read.push(chunk);
    readBytes += chunk.length;
    if (chunk.includes(10)) break;
  }
  const text = Buffer.concat(read).toString('utf8');
  return { headerLine: text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')), read };
}

function parserOptions(delimiter: CsvDelimiter) {
  return {
    delimiter,
    // Athena files are tab-delimited without quoting, and concept names contain literal double quotes.
    quote: delimiter === '\t' ? false : '"',
    bom: true,
    // Line numbers and the field count are tracked here: csv-parse's per-record `info` snapshot
    // halves its throughput, which matters on a multi-gigabyte CONCEPT_RELATIONSHIP.
    relax_column_count: true,
    // A stray quote inside an unquoted field (`12" ruler`) is data, as PostgreSQL's own CSV reader sees it.
    relax_quotes: true,
  } as const;
}

function fileError(file: string, error: unknown): OmopLoadError {
  if (error instanceof OmopLoadError) return error;
  if (error instanceof CsvError) {
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    const reason = error.message.replace(/ (?:at|on) line \d+/, '');
    return new OmopLoadError('invalid_row', locatedMessage({ file, line, reason }), {
      file,
      line,
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new OmopLoadError('unreadable_dataset', `${file}: cannot read the file: ${reason}`, {
    file,
    cause: error,
  });
}

/**
 * Streams the records of one OMOP CSV file, header first, with their physical line numbers. The
 * delimiter (comma or tab) is detected from the header line; parse and read failures become
 * `OmopLoadError`s naming the file and line. Memory stays bounded whatever the file size.
 */
export async function* readCsvRows({
  stream,
  file,
}: {
  stream: Readable;
  file: string;
}): AsyncGenerator<CsvRow> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let parser: ReturnType<typeof parse>;
  try {
    const { headerLine, read } = await peekHeaderLine(chunks);
    async function* replay() {
      yield* read;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    }
    parser = parse(parserOptions(detectDelimiter(headerLine)));
    pipeline(Readable.from(replay(), { objectMode: false }), parser, () => {});
  } catch (error) {
    stream.destroy();
    throw fileError(file, error);
  }
  try {
    let nextLine = 1;
    let headerLength: number | undefined;
    for await (const fields of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + countNewlines(fields);
      if (fields.length === 1 && fields[0] === '') continue;
      headerLength ??= fields.length;
      if (fields.length !== headerLength) {
        const reason = `has ${fields.length} fields but the header has ${headerLength}`;
        throw new OmopLoadError('invalid_row', locatedMessage({ file, line, reason }), { file, line });
      }
      yield { fields, line };
    }
  } catch (error) {
    throw fileError(file, error);
  } finally {
    parser.destroy();
    stream.destroy();
  }
}
