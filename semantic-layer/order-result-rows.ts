/** Compares two cells: numbers by value, text in French collation, NULL last. */
function compareCells(left: unknown, right: unknown): number {
  if (left === right) return 0;
  if (left === null || left === undefined) return 1;
  if (right === null || right === undefined) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right), 'fr');
}

/**
 * Rows ordered by the given columns, ascending: how a metric query's result reads when the query
 * asked for no order (the SQL leaves it unordered, see `compileMetricQuery`).
 */
export function orderResultRows<Row extends Record<string, unknown>>(
  rows: readonly Row[],
  columns: readonly string[],
): Row[] {
  return [...rows].sort((left, right) => {
    for (const column of columns) {
      const difference = compareCells(left[column], right[column]);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}
