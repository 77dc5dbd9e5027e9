import { median, repetitionsFor } from './timing-statistics.js';

/** How many timed repetitions each runner gets, sized from the slowest warm-up run. */
export interface RepetitionPolicy {
  /** Total time to aim for per runner when runs are fast. */
  budgetMs: number;
  minimum: number;
  maximum: number;
}

/**
 * Median milliseconds of each runner. Every runner first runs once untimed (caches, plans, JIT);
 * then the runners take turns, the order rotating each repetition, so drift and cache warmth from
 * the previous run fall on all of them alike.
 */
export async function interleavedMedians<Name extends string>({
  runners,
  repetitions,
}: {
  runners: ReadonlyMap<Name, () => Promise<unknown>>;
  repetitions: RepetitionPolicy;
}): Promise<{ medians: Map<Name, number>; repetitions: number }> {
  const names = [...runners.keys()];
  let slowest = 0;
  for (const name of names) {
    const started = performance.now();
    await runners.get(name)?.();
    slowest = Math.max(slowest, performance.now() - started);
  }
  const count = repetitionsFor({ singleRunMs: slowest, ...repetitions });
  const samples = new Map<Name, number[]>(names.map((name) => [name, []]));
  for (let repetition = 0; repetition < count; repetition++) {
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(repetition + offset) % names.length] as Name;
      const started = performance.now();
      await runners.get(name)?.();
      samples.get(name)?.push(performance.now() - started);
    }
  }
  return {
    medians: new Map(names.map((name) => [name, median(samples.get(name) ?? [])])),
    repetitions: count,
  };
}
