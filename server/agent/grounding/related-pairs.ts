import { hasPairIn, hasValueIn, type Interval, type PairOperation, sortedDistinct } from './sorted-values.js';

/** Groups up to this size have every pair worked out once; larger ones are searched per claim. */
const expandedGroupSize = 12;

/** The pairs of related numbers a turn offers, ready to search. */
export interface RelatedPairs {
  /** Every difference, sum, ratio and product within a small group (a row), sorted per operation. */
  expanded: Readonly<Record<PairOperation, Float64Array>>;
  /** Larger groups (a column across rows and calls), sorted, searched per claim in O(n log n). */
  searched: readonly Float64Array[];
}

/**
 * Indexes groups of related magnitudes for pair derivations. A row of five numbers has twenty
 * ordered pairs; working them out once turns two hundred row searches per claim into one binary
 * search, which matters when an answer carries many numbers.
 */
export function indexRelatedPairs(groups: readonly (ArrayLike<number> & Iterable<number>)[]): RelatedPairs {
  const results: Record<PairOperation, number[]> = { difference: [], sum: [], ratio: [], product: [] };
  const searched: Float64Array[] = [];
  for (const group of groups) {
    if (group.length < 2) continue;
    if (group.length > expandedGroupSize) {
      const values = sortedDistinct(group);
      if (values.length >= 2) searched.push(values);
      continue;
    }
    for (let first = 0; first < group.length; first++) {
      const a = group[first] as number;
      for (let second = first + 1; second < group.length; second++) {
        const b = group[second] as number;
        // Two equal cells are one value: their difference and ratio say nothing.
        if (a === b) continue;
        results.difference.push(Math.abs(b - a));
        results.sum.push(a + b);
        results.product.push(a * b);
        if (a !== 0) results.ratio.push(b / a);
        if (b !== 0) results.ratio.push(a / b);
      }
    }
  }
  return {
    expanded: {
      difference: sortedDistinct(results.difference),
      sum: sortedDistinct(results.sum),
      ratio: sortedDistinct(results.ratio),
      product: sortedDistinct(results.product),
    },
    searched,
  };
}

/** Whether two related numbers of the turn give a result inside the interval by the operation. */
export function hasRelatedPair(pairs: RelatedPairs, interval: Interval, operation: PairOperation): boolean {
  return (
    hasValueIn(pairs.expanded[operation], interval) ||
    pairs.searched.some((group) => hasPairIn(group, interval, operation))
  );
}
