import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const first = new Random(42);
    const second = new Random(42);
    const other = new Random(43);
    const draws = Array.from({ length: 5 }, () => first.next());
    expect(Array.from({ length: 5 }, () => second.next())).toEqual(draws);
    expect(Array.from({ length: 5 }, () => other.next())).not.toEqual(draws);
  });

  it('draws uniform floats in [0, 1) and integers within bounds', () => {
    const random = new Random(7);
    let sum = 0;
    for (let index = 0; index < 20_000; index++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      sum += value;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    const integers = new Set(Array.from({ length: 1000 }, () => random.integer(3, 5)));
    expect([...integers].sort()).toEqual([3, 4, 5]);
  });

  it('weights picks by the given weights', () => {
    const random = new Random(1);
    const counts = { rare: 0, common: 0 };
    for (let index = 0; index < 10_000; index++) {
      counts[random.weighted(['rare', 'common'] as const, (item) => (item === 'rare' ? 1 : 9))]++;
    }
    expect(counts.rare / 10_000).toBeCloseTo(0.1, 1);
  });

  it('has the requested means for normal, gamma and Poisson draws', () => {
    const random = new Random(3);
    const mean = (draw: () => number) => {
      let total = 0;
      for (let index = 0; index < 20_000; index++) total += draw();
      return total / 20_000;
    };
    expect(mean(() => random.normal(10, 2))).toBeCloseTo(10, 0);
    expect(mean(() => random.gamma(0.8))).toBeCloseTo(1, 1);
    expect(mean(() => random.poisson(4))).toBeCloseTo(4, 0);
  });
});
