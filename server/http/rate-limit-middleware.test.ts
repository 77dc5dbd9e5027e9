import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from './problem-schema.js';
import { rateLimitMiddleware, userOrAddressKey } from './rate-limit-middleware.js';
import { createRateLimiter } from './rate-limiter.js';
import { startTestServer, type TestServer } from './start-test-server.js';

describe('rateLimitMiddleware', () => {
  let server: TestServer;
  let time = 0;

  beforeAll(async () => {
    const app = express();
    // Stands in for the authentication middleware, which runs before the limiter.
    app.use((request, response, next) => {
      const user = request.header('X-Test-User');
      if (user) response.locals.principal = { user, role: 'analyst', attributes: {} };
      next();
    });
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.1, now: () => time });
    app.use(rateLimitMiddleware(limiter, userOrAddressKey));
    app.get('/api/ping', (_request, response) => {
      response.json({ pong: true });
    });
    server = await startTestServer(app);
  });
  afterAll(() => server.close());

  const ping = (user?: string) =>
    fetch(server.url('/api/ping'), { headers: user ? { 'X-Test-User': user } : {} });

  it('lets requests through within the budget and says what is left', async () => {
    const response = await ping('ana');
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBe('2');
    expect(response.headers.get('ratelimit-remaining')).toBe('1');
    expect(response.headers.get('ratelimit-reset')).toBe('10');
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('answers 429 rate_limited with Retry-After once the budget is spent, per user', async () => {
    expect((await ping('ana')).status).toBe(200);
    const refused = await ping('ana');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(await refused.json())).toMatchObject({ status: 429, code: 'rate_limited' });

    expect((await ping('ben')).status).toBe(200);

    time += 10_000;
    expect((await ping('ana')).status).toBe(200);
  });

  it('limits anonymous requests by remote address', async () => {
    expect((await ping()).status).toBe(200);
    expect((await ping()).status).toBe(200);
    expect((await ping()).status).toBe(429);
    expect((await ping('cy')).status).toBe(200);
  });
});

describe('userOrAddressKey', () => {
  const request = (ip: string | undefined) => ({ ip }) as express.Request;
  const response = (principal: unknown) => ({ locals: { principal } }) as unknown as express.Response;

  it('prefers the authenticated user, then the address, and keeps the two apart', () => {
    expect(userOrAddressKey(request('10.0.0.1'), response({ user: 'ana' }))).toBe('user:ana');
    expect(userOrAddressKey(request('10.0.0.1'), response(undefined))).toBe('address:10.0.0.1');
    expect(userOrAddressKey(request('10.0.0.1'), response({ user: '10.0.0.1' }))).toBe('user:10.0.0.1');
    expect(userOrAddressKey(request(undefined), response(undefined))).toBeUndefined();
  });
});
