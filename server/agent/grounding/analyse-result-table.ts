import { analysedRows, groupLimit, isIdentifierKey, numericValue } from './result-cells.js';

/** What an answer may compute from a result table, beyond its cells. */
export interface TableFigures {
  /** Row counts, distinct counts, totals, subtotals and averages. */
  values: number[];
  /** Sets of related totals whose differences, sums, ratios and products count as derived. */
  relatedGroups: number[][];
}

type ColumnKind = 'numeric' | 'category' | 'other';

function addGroup(groups: number[][], group: number[]): void {
  if (group.length >= 2) groups.push(group.slice(0, groupLimit));
}

/** Adds a total and its average to the figures and returns its magnitude; nothing for an empty column. */
function addTotal(values: number[], { sum, count }: { sum: number; count: number }): number | undefined {
  if (count === 0) return undefined;
  values.push(Math.abs(sum), Math.abs(sum / count));
  return Math.abs(sum);
}

/**
 * Subtotals: "Lyon had 412 cancellations over the year" sums Lyon's monthly rows. One value's
 * subtotals across columns are related (Lyon's rate), and so are one column's subtotals across
 * values (Lyon against Paris). A subtotal of one row is that row, already a cell.
 */
function addSubtotals(
  figures: TableFigures,
  rows: readonly Record<string, unknown>[],
  { category, numericColumns }: { category: string; numericColumns: readonly string[] },
): void {
  const subtotals = new Map<unknown, { rows: number; sums: number[]; counts: number[] }>();
  for (const row of rows) {
    const value = row[category];
    if (value === null || value === undefined) continue;
    let subtotal = subtotals.get(value);
    if (!subtotal) {
      subtotal = { rows: 0, sums: numericColumns.map(() => 0), counts: numericColumns.map(() => 0) };
      subtotals.set(value, subtotal);
    }
    subtotal.rows++;
    numericColumns.forEach((column, index) => {
      const number = numericValue(row[column]);
      if (number === undefined || !subtotal) return;
      subtotal.sums[index] = (subtotal.sums[index] ?? 0) + number;
      subtotal.counts[index] = (subtotal.counts[index] ?? 0) + 1;
    });
  }
  const acrossValues: number[][] = numericColumns.map(() => []);
  for (const subtotal of subtotals.values()) {
    // "5 of the 12 months were Lyon's": rows per value.
    figures.values.push(subtotal.rows);
    if (subtotal.rows < 2) continue;
    const acrossColumns: number[] = [];
    subtotal.sums.forEach((sum, index) => {
      const total = addTotal(figures.values, { sum, count: subtotal.counts[index] ?? 0 });
      if (total === undefined) return;
      acrossColumns.push(total);
      acrossValues[index]?.push(total);
    });
    addGroup(figures.relatedGroups, acrossColumns);
  }
  for (const group of acrossValues) addGroup(figures.relatedGroups, group);
}

/**
 * The figures of a result table an answer may state without them being cells: the number of
 * distinct values of each column ("across 4 cities") and, for tables of at most 200 rows, each
 * numeric column's total and average and the subtotals and averages per value of each text
 * column. Id columns are never summed.
 */
export function analyseResultTable(rows: readonly Record<string, unknown>[]): TableFigures {
  const figures: TableFigures = { values: [], relatedGroups: [] };
  const kinds = new Map<string, ColumnKind>();
  const distinct = new Map<string, Set<unknown>>();
  const summed = rows.length <= analysedRows;
  for (const row of rows) {
    for (const column in row) {
      const cell = row[column];
      if (cell === null || cell === undefined) continue;
      let values = distinct.get(column);
      if (!values) {
        values = new Set();
        distinct.set(column, values);
      }
      values.add(cell);
      if (!summed) continue;
      const kind: ColumnKind =
        numericValue(cell) !== undefined
          ? 'numeric'
          : typeof cell === 'string' || typeof cell === 'boolean'
            ? 'category'
            : 'other';
      const previous = kinds.get(column);
      kinds.set(column, previous === undefined || previous === kind ? kind : 'other');
    }
  }
  for (const values of distinct.values()) figures.values.push(values.size);
  if (!summed) return figures;

  const numericColumns = [...kinds]
    .filter(([column, kind]) => kind === 'numeric' && !isIdentifierKey(column))
    .map(([column]) => column);
  // Column totals are related to each other: total cancellations over total appointments is the
  // overall rate.
  const columnTotals: number[] = [];
  for (const column of numericColumns) {
    let sum = 0;
    let count = 0;
    for (const row of rows) {
      const number = numericValue(row[column]);
      if (number === undefined) continue;
      sum += number;
      count++;
    }
    const total = addTotal(figures.values, { sum, count });
    if (total !== undefined) columnTotals.push(total);
  }
  addGroup(figures.relatedGroups, columnTotals);
  for (const [category, kind] of kinds) {
    if (kind === 'category') addSubtotals(figures, rows, { category, numericColumns });
  }
  return figures;
}
