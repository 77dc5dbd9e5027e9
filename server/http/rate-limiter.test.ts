import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

function clock() {
  let time = 1_000_000;
  return { now: () => time, advance: (milliseconds: number) => (time += milliseconds) };
}

describe('createRateLimiter', () => {
  it('allows a burst of capacity, then refuses with the seconds until the next token', () => {
    const { now } = clock();
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5, now });
    expect([1, 2, 3].map(() => limiter.take('ana'))).toEqual([
      { allowed: true, retryAfterSeconds: 0, remaining: 2, limit: 3, resetSeconds: 2 },
      { allowed: true, retryAfterSeconds: 0, remaining: 1, limit: 3, resetSeconds: 4 },
      { allowed: true, retryAfterSeconds: 0, remaining: 0, limit: 3, resetSeconds: 6 },
    ]);
    expect(limiter.take('ana')).toEqual({
      allowed: false,
      retryAfterSeconds: 2,
      remaining: 0,
      limit: 3,
      resetSeconds: 6,
    });
  });

  it('refills at the configured rate, never beyond capacity', () => {
    const { now, advance } = clock();
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now });
    limiter.take('ana');
    limiter.take('ana');
    advance(500);
    expect(limiter.take('ana')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    advance(500);
    expect(limiter.take('ana')).toMatchObject({ allowed: true, remaining: 0 });
    advance(60_000);
    expect(limiter.take('ana')).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take('ana')).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take('ana').allowed).toBe(false);
  });

  it('keeps a separate bucket per key', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, now: clock().now });
    expect(limiter.take('ana').allowed).toBe(true);
    expect(limiter.take('ana').allowed).toBe(false);
    expect(limiter.take('ben').allowed).toBe(true);
  });

  it('forgets the least recently used keys beyond maximumKeys', () => {
    const limiter = createRateLimiter({
      capacity: 1,
      refillPerSecond: 0.001,
      now: clock().now,
      maximumKeys: 2,
    });
    limiter.take('ana');
    limiter.take('ben');
    expect(limiter.take('ana').allowed).toBe(false); // ana is now the most recently used
    limiter.take('cy'); // evicts ben, not ana
    expect(limiter.take('ana').allowed).toBe(false);
    expect(limiter.take('ben').allowed).toBe(true);
  });

  it('does not drain a bucket when the clock steps backwards', () => {
    const { now, advance } = clock();
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now });
    limiter.take('ana');
    advance(-10_000);
    expect(limiter.take('ana')).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('never allows more than capacity plus what the elapsed time refills', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 200 }),
        (capacity, refillPerSecond, gaps) => {
          const { now, advance } = clock();
          const limiter = createRateLimiter({ capacity, refillPerSecond, now });
          let allowed = 0;
          let elapsed = 0;
          for (const gap of gaps) {
            advance(gap);
            elapsed += gap;
            if (limiter.take('key').allowed) allowed += 1;
          }
          return allowed <= capacity + Math.floor(((elapsed - (gaps[0] ?? 0)) / 1000) * refillPerSecond);
        },
      ),
    );
  });

  it('rejects settings that could never allow a request', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrowError(RangeError);
    expect(() => createRateLimiter({ capacity: 5, refillPerSecond: 0 })).toThrowError(RangeError);
    expect(() => createRateLimiter({ capacity: 5, refillPerSecond: 1, maximumKeys: 0 })).toThrowError(
      RangeError,
    );
  });
});
