/** The outcome of asking a rate limiter for one request's token. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until a token is available again; 0 when allowed. */
  retryAfterSeconds: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** The bucket's capacity: the largest burst a key can make. */
  limit: number;
  /** Whole seconds until the bucket is full again. */
  resetSeconds: number;
}

/** Per-key token buckets. */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket if it has one. */
  take(key: string): RateLimitDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key: each key may burst `capacity` requests, then gets `refillPerSecond` more
 * per second. Pure apart from the clock, which is injected (milliseconds, default `Date.now`).
 * Memory is bounded by `maximumKeys` (default 10 000): past it the least recently used key is
 * forgotten, which at worst hands that key a full bucket again.
 */
export function createRateLimiter({
  capacity,
  refillPerSecond,
  now = Date.now,
  maximumKeys = 10_000,
}: {
  capacity: number;
  refillPerSecond: number;
  now?: () => number;
  maximumKeys?: number;
}): RateLimiter {
  if (!(capacity >= 1)) throw new RangeError(`rate limit capacity must be at least 1, got ${capacity}`);
  if (!(refillPerSecond > 0))
    throw new RangeError(`rate limit refill must be positive, got ${refillPerSecond}`);
  if (!(maximumKeys >= 1)) throw new RangeError(`rate limiter must keep at least 1 key, got ${maximumKeys}`);

  // A Map iterates in insertion order; re-inserting a key on every use keeps the least recently used first.
  const buckets = new Map<string, Bucket>();

  function take(key: string): RateLimitDecision {
    const time = now();
    const previous = buckets.get(key);
    buckets.delete(key);
    // max(0, …) so a clock that steps backwards never drains a bucket.
    const elapsedSeconds = previous ? Math.max(0, time - previous.updatedAt) / 1000 : 0;
    const available = previous
      ? Math.min(capacity, previous.tokens + elapsedSeconds * refillPerSecond)
      : capacity;
    const allowed = available >= 1;
    const tokens = allowed ? available - 1 : available;
    buckets.set(key, { tokens, updatedAt: time });
    for (const oldest of buckets.keys()) {
      if (buckets.size <= maximumKeys) break;
      buckets.delete(oldest);
    }
    return {
      allowed,
      retryAfterSeconds: allowed ? 0 : Math.ceil((1 - tokens) / refillPerSecond),
      remaining: Math.floor(tokens),
      limit: capacity,
      resetSeconds: Math.ceil((capacity - tokens) / refillPerSecond),
    };
  }

  return { take };
}
