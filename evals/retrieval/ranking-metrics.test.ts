import { describe, expect, it } from 'vitest';
import { rankingMetrics } from './ranking-metrics.js';

describe('rankingMetrics', () => {
  it('counts documents once, however many of their chunks were retrieved', () => {
    const metrics = rankingMetrics(
      [
        { relevant: ['a', 'b'], retrieved: ['x', 'a', 'a', 'y', 'z', 'w', 'b'] },
        { relevant: ['c'], retrieved: ['c'] },
        { relevant: ['d'], retrieved: ['x', 'y'] },
      ],
      5,
    );
    // Question 1: a in the first 5 documents (x a y z w), b sixth: recall 1/2, first relevant at 2.
    expect(metrics.recallAtK).toBeCloseTo((0.5 + 1 + 0) / 3, 10);
    expect(metrics.meanReciprocalRank).toBeCloseTo((0.5 + 1 + 0) / 3, 10);
    expect(metrics.questions).toBe(3);
  });
});
