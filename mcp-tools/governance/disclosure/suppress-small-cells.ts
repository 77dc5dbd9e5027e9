import type { SuppressionReport } from '../governed-query.js';

type Row = Record<string, unknown>;

/**
 * Disclosure control on an aggregate result (pure). A group is hidden when it counts fewer than
 * `minimumCellSize` distinct patients, or when a FILTERed aggregate in it counts between 1 and
 * `minimumCellSize - 1`. Then complementary suppression: along each dimension, a slice (rows that
 * agree on every other dimension) with exactly one hidden group loses its next-smallest group too,
 * so the hidden one cannot be recovered as a total minus the rest. Hidden columns are dropped.
 */
export function suppressSmallCells({
  rows,
  columns,
  dimensionColumns,
  groupCountColumns,
  filteredCountColumns,
  minimumCellSize,
}: {
  rows: readonly Row[];
  columns: readonly string[];
  /** Output columns that are grouping values (not aggregates). */
  dimensionColumns: readonly string[];
  /** Hidden columns with each group's distinct patient count. */
  groupCountColumns: readonly string[];
  /** Hidden columns with the distinct patient count of each FILTERed aggregate. */
  filteredCountColumns: readonly string[];
  minimumCellSize: number;
}): { rows: Row[]; columns: string[]; report: SuppressionReport } {
  const groupSize = (row: Row) => Math.min(...groupCountColumns.map((column) => Number(row[column] ?? 0)));
  const hidden = new Set<number>();
  rows.forEach((row, index) => {
    const small = groupSize(row) < minimumCellSize;
    const smallFiltered = filteredCountColumns.some((column) => {
      const count = Number(row[column] ?? 0);
      return count > 0 && count < minimumCellSize;
    });
    if (small || smallFiltered) hidden.add(index);
  });
  const smallGroups = hidden.size;

  let changed = smallGroups > 0;
  while (changed) {
    changed = false;
    for (const dimension of dimensionColumns) {
      const others = dimensionColumns.filter((column) => column !== dimension);
      const slices = new Map<string, number[]>();
      rows.forEach((row, index) => {
        const key = JSON.stringify(others.map((column) => row[column]));
        slices.set(key, [...(slices.get(key) ?? []), index]);
      });
      for (const members of slices.values()) {
        if (members.length < 2 || members.filter((index) => hidden.has(index)).length !== 1) continue;
        const visible = members.filter((index) => !hidden.has(index));
        const smallest = visible.reduce((best, index) =>
          groupSize(rows[index] as Row) < groupSize(rows[best] as Row) ? index : best,
        );
        hidden.add(smallest);
        changed = true;
      }
    }
  }

  const hiddenColumns = new Set([...groupCountColumns, ...filteredCountColumns]);
  const visibleColumns = columns.filter((column) => !hiddenColumns.has(column));
  const kept = rows
    .filter((_, index) => !hidden.has(index))
    .map((row) => Object.fromEntries(visibleColumns.map((column) => [column, row[column]])));
  return {
    rows: kept,
    columns: visibleColumns,
    report: { smallGroups, complementaryGroups: hidden.size - smallGroups, minimumCellSize },
  };
}
