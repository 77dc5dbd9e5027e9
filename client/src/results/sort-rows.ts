import type { Cell } from './result-table-data.js';

/** Sorts rows by one column: numbers as numbers, text in natural order, empty cells last. */
export function sortRows<Row extends Record<string, Cell>>(
  rows: readonly Row[],
  { column, direction }: { column: string; direction: 'ascending' | 'descending' },
): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...rows].sort((left, right) => {
    const a = left[column];
    const b = right[column];
    const aEmpty = a === null || a === undefined;
    const bEmpty = b === null || b === undefined;
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
    if (typeof a === 'number' && typeof b === 'number') return (a - b) * sign;
    return collator.compare(String(a), String(b)) * sign;
  });
}
