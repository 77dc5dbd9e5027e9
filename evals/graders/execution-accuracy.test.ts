import { describe, expect, it } from 'vitest';
import { compareResultSets } from './execution-accuracy.js';

const gold = {
  columns: ['city', 'cancelled'],
  rows: [
    { city: 'Lyon', cancelled: 12 },
    { city: 'Paris', cancelled: 40 },
  ],
};

describe('compareResultSets', () => {
  it('ignores row order, column order and column names', () => {
    const actual = {
      columns: ['n', 'town'],
      rows: [
        { n: 40, town: 'Paris' },
        { n: '12', town: 'Lyon' },
      ],
    };
    expect(compareResultSets({ gold, actual })).toEqual({ match: true, reason: 'same rows' });
  });

  it('respects order when the gold query sorts', () => {
    const reversed = { columns: gold.columns, rows: [...gold.rows].reverse() };
    expect(compareResultSets({ gold, actual: reversed, ordered: true })).toMatchObject({ match: false });
    expect(compareResultSets({ gold, actual: reversed })).toMatchObject({ match: true });
  });

  it('compares numbers within the tolerance and catches wrong values and shapes', () => {
    const rate = (value: number) => ({ columns: ['rate'], rows: [{ rate: value }] });
    expect(compareResultSets({ gold: rate(1 / 3), actual: rate(0.33333334), tolerance: 1e-4 }).match).toBe(
      true,
    );
    expect(compareResultSets({ gold: rate(0.33), actual: rate(0.34), tolerance: 1e-4 }).match).toBe(false);
    expect(
      compareResultSets({ gold, actual: { columns: ['city'], rows: [{ city: 'Lyon' }, { city: 'Paris' }] } }),
    ).toEqual({
      match: false,
      reason: 'expected 2 columns, got 1',
    });
    const duplicated = { columns: gold.columns, rows: [gold.rows[0] ?? {}, gold.rows[0] ?? {}] };
    expect(compareResultSets({ gold, actual: duplicated }).match).toBe(false);
  });
});
