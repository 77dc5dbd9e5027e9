/** The value below which `fraction` of the samples fall (nearest rank), or NaN without samples. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((left, right) => left - right);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Rounds to a number of significant-enough decimals for a JSON figure. */
export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Milliseconds `work` took, and what it returned. */
export async function timed<T>(work: () => Promise<T>): Promise<{ milliseconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { milliseconds: performance.now() - started, value };
}

/**
 * How many timed repetitions a measurement gets: enough to fill about `budgetMs` when one run is
 * fast (fast runs are the noisy ones), at least `minimum` and at most `maximum`.
 */
export function repetitionsFor({
  singleRunMs,
  budgetMs,
  minimum,
  maximum,
}: {
  singleRunMs: number;
  budgetMs: number;
  minimum: number;
  maximum: number;
}): number {
  return Math.min(maximum, Math.max(minimum, Math.ceil(budgetMs / Math.max(singleRunMs, 0.01))));
}

/** Ratios summarised: median, spread and count. */
export function ratioSummary(ratios: readonly number[]) {
  return {
    count: ratios.length,
    median: round(median(ratios)),
    p10: round(percentile(ratios, 0.1)),
    p90: round(percentile(ratios, 0.9)),
    max: round(Math.max(...ratios)),
  };
}
