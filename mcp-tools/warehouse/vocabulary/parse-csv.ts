import { parse } from 'csv-parse/sync';

/** One row of a source CSV file, keyed by lower-case column name. */
export type CsvRow = Record<string, string>;

/**
 * Parses a source dataset's CSV text into rows keyed by column name. Headers are trimmed and
 * lower-cased because GiBleed (CDM 5.3) spells them in upper case and Synthea in lower case; quotes
 * are relaxed so that a stray double quote inside a name does not abort the build.
 */
export function parseCsv(text: string): CsvRow[] {
  return parse(text, {
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_quotes: true,
  }) as CsvRow[];
}
