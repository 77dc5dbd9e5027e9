import type { Request, RequestHandler, Response } from 'express';
import { sendProblem } from '../problem.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * The rate-limit key of a request: its authenticated user (`response.locals.principal.user`, set by
 * the authentication middleware, which must run first) or else its remote address. The prefixes keep
 * a user named like an address from sharing that address's bucket.
 */
export function userOrAddressKey(request: Request, response: Response): string | undefined {
  const user: unknown = response.locals.principal?.user;
  if (typeof user === 'string' && user !== '') return `user:${user}`;
  return request.ip ? `address:${request.ip}` : undefined;
}

/**
 * Express middleware that spends one of the key's tokens per request and answers 429 `rate_limited`
 * with `Retry-After` once they run out. Every response carries `RateLimit-Limit`, `RateLimit-Remaining`
 * and `RateLimit-Reset` (draft-ietf-httpapi-ratelimit-headers, the draft-6 fields most clients read).
 * Requests without a key (a socket already gone) pass unlimited.
 */
export function rateLimitMiddleware(
  limiter: RateLimiter,
  keyOf: (request: Request, response: Response) => string | undefined,
): RequestHandler {
  return (request, response, next) => {
    const key = keyOf(request, response);
    if (key === undefined) {
      next();
      return;
    }
    const decision = limiter.take(key);
    response.setHeader('RateLimit-Limit', String(decision.limit));
    response.setHeader('RateLimit-Remaining', String(decision.remaining));
    response.setHeader('RateLimit-Reset', String(decision.resetSeconds));
    if (decision.allowed) {
      next();
      return;
    }
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    sendProblem(response, {
      status: 429,
      code: 'rate_limited',
      title: 'Too many requests',
      detail: `rate limit of ${decision.limit} requests reached; retry after ${decision.retryAfterSeconds} seconds`,
    });
  };
}
