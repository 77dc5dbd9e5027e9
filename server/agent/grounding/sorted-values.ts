/** A closed range of magnitudes a claim accepts. */
export interface Interval {
  low: number;
  high: number;
}

export type PairOperation = 'difference' | 'sum' | 'ratio';

/** Distinct values, sorted ascending, for binary search. */
export function sortedDistinct(values: Iterable<number>): number[] {
  const sorted = Array.from(values).sort((first, second) => first - second);
  let length = 0;
  for (const value of sorted) {
    if (length === 0 || value !== sorted[length - 1]) sorted[length++] = value;
  }
  sorted.length = length;
  return sorted;
}

/** Index of the first value not below `target`, or the length when there is none. */
function lowerBound(sorted: readonly number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function hasValueIn(sorted: readonly number[], { low, high }: Interval): boolean {
  const index = lowerBound(sorted, low);
  return index < sorted.length && (sorted[index] as number) <= high;
}

export function closestTo(sorted: readonly number[], target: number): number | undefined {
  const index = lowerBound(sorted, target);
  const above = sorted[index];
  const below = sorted[index - 1];
  if (above === undefined) return below;
  if (below === undefined) return above;
  return target - below <= above - target ? below : above;
}

/**
 * Whether two different values `a` and `b` of a sorted group of magnitudes give `a − b`, `a + b`
 * or `a / b` inside the interval. One binary search per value, O(n log n) for n values, and the
 * loop stops as soon as the partner it needs is past the group's largest or smallest value.
 */
export function hasPairIn(sorted: readonly number[], interval: Interval, operation: PairOperation): boolean {
  const count = sorted.length;
  if (count < 2) return false;
  const smallest = sorted[0] as number;
  const largest = sorted[count - 1] as number;
  for (let index = 0; index < count; index++) {
    const second = sorted[index] as number;
    let low: number;
    let high: number;
    if (operation === 'difference') {
      low = second + interval.low;
      high = second + interval.high;
      if (low > largest) return false;
    } else if (operation === 'sum') {
      low = interval.low - second;
      high = interval.high - second;
      if (high < smallest) return false;
    } else {
      if (second === 0) continue;
      low = interval.low * second;
      high = interval.high * second;
      if (low > largest) return false;
    }
    let first = lowerBound(sorted, low);
    if (first === index) first++;
    if (first < count && (sorted[first] as number) <= high) return true;
  }
  return false;
}
