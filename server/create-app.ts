import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { sendProblem } from './problem.js';
import type { ReadinessProbe } from './readiness.js';

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
}

/**
 * Builds the Express app. It never listens: `hale start` does, and tests drive it directly.
 */
export function createApp({ version, readiness, log, clientDirectory, mcp, fhir }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
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
    sendProblem(response, { status: 500, code: 'internal_error', title: 'Internal server error' });
  };
  app.use(handleError);
  return app;
}
