import { parse } from 'csv-parse/sync';

/** One row of a source CSV file, keyed by lower-case column name. */
export type CsvRow = Record<string, string>;

/**
 * Parses a source dataset's CSV text into rows keyed by column name. Headers are trimmed and
 * lower-cased because the CDM 5.3 exports spell them in upper case; quotes are relaxed because some
 * concept names hold a stray double quote.
 */
export function parseCsv(text: string): CsvRow[] {
  return parse(text, {
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_quotes: true,
  }) as CsvRow[];
}
