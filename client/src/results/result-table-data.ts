/** A cell as the tools return it. */
export type Cell = string | number | boolean | null | unknown[] | Record<string, unknown>;

/** A column of a result; `role` is known for query_metrics, inferred for run_sql. */
export interface ResultColumn {
  name: string;
  label: string;
  role: 'time' | 'dimension' | 'entity' | 'metric' | 'value';
}

/** The rows of a governed query, ready to show. */
export interface ResultTableData {
  columns: ResultColumn[];
  rows: Record<string, Cell>[];
  rowCount: number;
  truncated: boolean;
}

const datePattern = /^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

function isNumeric(value: Cell): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
}

function inferRole(name: string, rows: readonly Record<string, Cell>[]): ResultColumn['role'] {
  const values = rows.map((row) => row[name]).filter((value) => value !== null && value !== undefined);
  if (values.length === 0) return 'value';
  if (values.every((value) => typeof value === 'string' && datePattern.test(value))) return 'time';
  if (values.every(isNumeric) && !/(^|_)(id|year|code)$/.test(name)) return 'metric';
  return 'dimension';
}

/**
 * Reads the table out of a query_metrics or run_sql result (`structuredContent`); undefined when the
 * result has no rows to show (another tool, or a refusal).
 */
export function resultTableOf(structured: Record<string, unknown> | undefined): ResultTableData | undefined {
  if (!structured || !Array.isArray(structured.columns) || !Array.isArray(structured.rows)) return undefined;
  const rows = structured.rows as Record<string, Cell>[];
  const columns = (structured.columns as unknown[]).map((column): ResultColumn => {
    if (typeof column === 'string') return { name: column, label: column, role: inferRole(column, rows) };
    const described = column as { name: string; label?: string; role?: ResultColumn['role'] };
    return {
      name: described.name,
      label: described.label ?? described.name,
      role: described.role ?? inferRole(described.name, rows),
    };
  });
  return {
    columns,
    rows,
    rowCount: typeof structured.rowCount === 'number' ? structured.rowCount : rows.length,
    truncated: structured.truncated === true,
  };
}

/** A number to draw, or undefined when the cell is not one. */
export function numberOf(value: Cell | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** A cell as text in a table: numbers grouped, at most 4 decimals; JSON for structures. */
export function formatCell(value: Cell | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number')
    return value.toLocaleString('en', { maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 });
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Whether a metric column holds shares of 1 (a rate named so, every value between 0 and 1): shown
 * as percentages, as the answer writes them. The CSV keeps the values as they came.
 */
export function isShareColumn(column: ResultColumn, rows: readonly Record<string, Cell>[]): boolean {
  if (column.role !== 'metric' || !/(^|_)(rate|share|ratio|proportion)(_|$)/.test(column.name)) return false;
  const values = rows.map((row) => numberOf(row[column.name])).filter((value) => value !== undefined);
  return values.length > 0 && values.every((value) => value >= 0 && value <= 1);
}

/** A share of 1 as a percentage: 0.0486 → "4.86%". */
export function formatShare(value: Cell | undefined): string {
  const number = numberOf(value);
  if (number === undefined) return formatCell(value);
  return `${(number * 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;
}
