/** A result set as the tools return it: column names and rows keyed by column. */
export interface ResultSet {
  columns: readonly string[];
  rows: readonly Readonly<Record<string, unknown>>[];
}

/** How two result sets compare, with the reason when they differ. */
export interface ExecutionAccuracyVerdict {
  match: boolean;
  reason: string;
}

function normalise(value: unknown, tolerance: number): string {
  if (
    typeof value === 'number' ||
    (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
  ) {
    const number = Number(value);
    // Round to the tolerance so 0.3333333 and 0.33333334 compare equal.
    const step = tolerance > 0 ? tolerance : Number.EPSILON;
    return `n:${Math.round(number / step) * step}`;
  }
  if (value === null || value === undefined) return 'null';
  return `s:${String(value)}`;
}

/**
 * BIRD-style execution accuracy: the answer's rows equal the gold rows as multisets of tuples.
 * Column order and names are ignored (each row becomes its sorted values), row order is ignored unless
 * the gold query ordered its rows, and numbers match within `tolerance`.
 */
export function compareResultSets({
  gold,
  actual,
  ordered = false,
  tolerance = 1e-6,
}: {
  gold: ResultSet;
  actual: ResultSet;
  ordered?: boolean;
  tolerance?: number;
}): ExecutionAccuracyVerdict {
  if (gold.columns.length !== actual.columns.length) {
    return { match: false, reason: `expected ${gold.columns.length} columns, got ${actual.columns.length}` };
  }
  if (gold.rows.length !== actual.rows.length) {
    return { match: false, reason: `expected ${gold.rows.length} rows, got ${actual.rows.length}` };
  }
  const tuples = (result: ResultSet) =>
    result.rows.map((row) =>
      result.columns
        .map((column) => normalise(row[column], tolerance))
        .sort()
        .join('\u0000'),
    );
  const goldTuples = tuples(gold);
  const actualTuples = tuples(actual);
  if (!ordered) {
    goldTuples.sort();
    actualTuples.sort();
  }
  const index = goldTuples.findIndex((tuple, position) => tuple !== actualTuples[position]);
  if (index === -1) return { match: true, reason: 'same rows' };
  return {
    match: false,
    reason: ordered ? `row ${index + 1} differs (order matters: the gold query sorts)` : 'the rows differ',
  };
}
