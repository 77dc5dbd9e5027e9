import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { apiRoutes } from './api/api-routes.js';
import { type ApiDependencies, createApiRouter } from './api/create-api-router.js';
import type { ApiRoute } from './http/api-route.js';
import type { HttpMetrics } from './http/http-metrics.js';
import { buildOpenApiDocument } from './http/openapi-document.js';
import { rateLimitMiddleware, userOrAddressKey } from './http/rate-limit-middleware.js';
import { createRateLimiter } from './http/rate-limiter.js';
import { validatedHandler } from './http/validated-handler.js';
import { authenticateRequest, type IdentitySettings } from './identity/authenticate-request.js';
import { sendProblem } from './problem.js';
import type { ReadinessProbe } from './readiness.js';

/** Requests per person: a burst, then a steady rate (chat turns are the expensive ones). */
export interface RateLimits {
  api: { capacity: number; refillPerSecond: number };
  chat: { capacity: number; refillPerSecond: number };
}

export const defaultRateLimits: RateLimits = {
  api: { capacity: 120, refillPerSecond: 2 },
  chat: { capacity: 20, refillPerSecond: 1 / 3 },
};

/** Everything the HTTP app needs, built by the composition root. */
export interface AppDependencies {
  version: string;
  readiness: ReadinessProbe;
  /** Directory of the built client, served at `/`; omitted in API-only tests. */
  clientDirectory?: string;
  log: (level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>) => void;
  /** The MCP endpoint (`/mcp` and its protected-resource metadata), built by the composition root. */
  mcp?: RequestHandler;
  /** The FHIR terminology endpoint (`/fhir/…`), built by the composition root. */
  fhir?: RequestHandler;
  /** The chat API; omitted in tests of other endpoints. */
  api?: Omit<ApiDependencies, 'log' | 'identityMode' | 'policy'> & { identity: IdentitySettings };
  /** Prometheus metrics (`/metrics`); the composition root also feeds them from the agent. */
  metrics?: HttpMetrics;
  rateLimits?: RateLimits;
}

/**
 * Builds the Express app. It never listens: `hale start` does, and tests drive it directly.
 */
export function createApp({
  version,
  readiness,
  log,
  clientDirectory,
  mcp,
  fhir,
  api,
  metrics,
  rateLimits = defaultRateLimits,
}: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  if (metrics) app.use(metrics.middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The client is served from here and talks to this origin only; no inline scripts.
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'connect-src': ["'self'"],
        },
      },
    }),
  );
  app.use((_request, response, next) => {
    response.setHeader('X-Hale-Version', version);
    next();
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', version });
  });

  app.get('/readyz', async (_request, response) => {
    const checks = await readiness();
    const ready = checks.every((check) => check.ready);
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting', version, checks });
  });

  if (metrics) app.get('/metrics', metrics.metricsHandler);

  if (api) {
    const routes: ApiRoute[] = Object.values(apiRoutes) as ApiRoute[];
    const openApi = buildOpenApiDocument(routes, {
      title: 'Hale API',
      version,
      description:
        'Governed, conversational data assistant: ask questions, manage conversations, read traces and usage, give feedback. Errors are application/problem+json.',
    });
    app.get('/openapi.json', (_request, response) => {
      response.json(openApi);
    });
    const addressLimiter = rateLimitMiddleware(createRateLimiter(rateLimits.api), userOrAddressKey);
    app.get(
      apiRoutes.identity.path,
      addressLimiter,
      ...validatedHandler(apiRoutes.identity, (_input, _request, response) => {
        const policy = api.identity.policy();
        response.json({
          mode: api.identity.mode,
          demoUsers:
            api.identity.mode === 'demo' && policy
              ? [...policy.principals.values()].map((principal) => ({
                  user: principal.user,
                  role: principal.role,
                  description: principal.description,
                }))
              : [],
        });
      }),
    );
    const chatLimiter = rateLimitMiddleware(createRateLimiter(rateLimits.chat), userOrAddressKey);
    const userLimiter = rateLimitMiddleware(createRateLimiter(rateLimits.api), userOrAddressKey);
    // Failed sign-ins are limited per address (guessing tokens gets 429s); requests per person after.
    const failedSignIns = createRateLimiter({ capacity: 20, refillPerSecond: 0.2 });
    app.use('/api', authenticateRequest({ ...api.identity, failedSignIns }), userLimiter);
    app.post(apiRoutes.chat.path, chatLimiter);
    app.use(
      createApiRouter({
        ...api,
        identityMode: api.identity.mode,
        policy: api.identity.policy,
        log,
      }),
    );
  }

  if (mcp) app.use(mcp);
  if (fhir) app.use(fhir);

  if (clientDirectory) app.use(express.static(clientDirectory, { index: 'index.html', maxAge: '5m' }));

  app.use((request, response) => {
    sendProblem(response, {
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: `no route for ${request.method} ${request.path}`,
    });
  });

  const handleError: ErrorRequestHandler = (error, _request, response, _next) => {
    log('error', 'request failed', { error: error instanceof Error ? error.stack : String(error) });
    if (response.headersSent) {
      response.end();
      return;
    }
    sendProblem(response, { status: 500, code: 'internal_error', title: 'Internal server error' });
  };
  app.use(handleError);
  return app;
}
