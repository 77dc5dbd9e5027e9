/** A closed range of magnitudes a claim accepts. */
export interface Interval {
  low: number;
  high: number;
}

export type PairOperation = 'difference' | 'sum' | 'ratio' | 'product';

/** Distinct values, sorted ascending, for binary search (a typed array sorts natively, fast). */
export function sortedDistinct(values: Iterable<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let length = 0;
  for (let index = 0; index < sorted.length; index++) {
    const value = sorted[index] as number;
    if (length === 0 || value !== sorted[length - 1]) sorted[length++] = value;
  }
  return sorted.subarray(0, length);
}

/** Index of the first value not below `target`, or the length when there is none. */
function lowerBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function hasValueIn(sorted: Float64Array, { low, high }: Interval): boolean {
  const index = lowerBound(sorted, low);
  return index < sorted.length && (sorted[index] as number) <= high;
}

export function closestTo(sorted: Float64Array, target: number): number | undefined {
  const index = lowerBound(sorted, target);
  const above = sorted[index];
  const below = sorted[index - 1];
  if (above === undefined) return below;
  if (below === undefined) return above;
  return target - below <= above - target ? below : above;
}

/** Whether any pair could fall in the interval at all, from the group's extremes: most cannot. */
function canReach(sorted: Float64Array, interval: Interval, operation: PairOperation): boolean {
  const count = sorted.length;
  const smallest = sorted[0] as number;
  const largest = sorted[count - 1] as number;
  const secondLargest = sorted[count - 2] as number;
  if (operation === 'difference') return interval.low <= largest - smallest;
  if (operation === 'sum')
    return interval.low <= largest + secondLargest && interval.high >= smallest + (sorted[1] as number);
  const smallestPositive = smallest > 0 ? smallest : sorted[1];
  if (operation === 'ratio') {
    return (
      smallestPositive !== undefined && smallestPositive > 0 && interval.low <= largest / smallestPositive
    );
  }
  return interval.low <= largest * secondLargest;
}

/**
 * Whether two different values `a` and `b` of a sorted group of magnitudes give `a − b`, `a + b`,
 * `a / b` or `a × b` inside the interval. One binary search per value, O(n log n) for n values;
 * the loop stops as soon as the partner it needs is past the group's largest or smallest value.
 */
export function hasPairIn(sorted: Float64Array, interval: Interval, operation: PairOperation): boolean {
  const count = sorted.length;
  if (count < 2) return false;
  const smallest = sorted[0] as number;
  const largest = sorted[count - 1] as number;
  if (!canReach(sorted, interval, operation)) return false;
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
    } else if (operation === 'ratio') {
      if (second === 0) continue;
      low = interval.low * second;
      high = interval.high * second;
      if (low > largest) return false;
    } else {
      if (second === 0) continue;
      low = interval.low / second;
      high = interval.high / second;
      if (high < smallest) return false;
    }
    let first = lowerBound(sorted, low);
    if (first === index) first++;
    if (first < count && (sorted[first] as number) <= high) return true;
  }
  return false;
}
