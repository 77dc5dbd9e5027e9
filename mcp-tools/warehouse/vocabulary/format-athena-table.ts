import { athenaFileName } from './athena-file-name.js';
import { vocabularyTableColumns } from './vocabulary-table-columns.js';

/** One row to write, keyed by official column name. */
export type AthenaRow = Readonly<Record<string, string | number>>;

/**
 * Formats rows of a vocabulary table in the Athena download format (pure): a header of the official
 * lower-case column names, one tab-delimited line per row, no quoting, a final newline. A row missing
 * a column, or a value holding a tab or line break (which would split the row), throws.
 */
export function formatAthenaTable({
  tableName,
  rows,
}: {
  tableName: string;
  rows: readonly AthenaRow[];
}): string {
  const fileName = athenaFileName(tableName);
  const columns = vocabularyTableColumns(tableName);
  const lines = [columns.join('\t')];
  for (const row of rows) {
    const cells = columns.map((column) => {
      const value = row[column];
      if (value === undefined) throw new Error(`${fileName}: row has no ${column}: ${JSON.stringify(row)}`);
      const cell = String(value);
      if (/[\t\r\n]/.test(cell)) throw new Error(`${fileName}: value contains a tab or newline: ${cell}`);
      return cell;
    });
    lines.push(cells.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
