import type { Request, RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Connection counts of a database pool (node-postgres calls them totalCount, idleCount, waitingCount). */
export interface PoolUsage {
  total: number;
  idle: number;
  waiting: number;
}

/** Hale's Prometheus metrics for one app. */
export interface HttpMetrics {
  /** This app's own registry; nothing is registered globally. */
  registry: Registry;
  /** Counts and times every request under its matched route pattern. Mount first. */
  middleware: RequestHandler;
  /** Serves the text exposition format, for `GET /metrics`. */
  metricsHandler: RequestHandler;
  observeToolCall(call: { tool: string; outcome: string; seconds: number }): void;
  observeModelCall(call: {
    model: string;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
    seconds: number;
  }): void;
  observeGovernance(outcome: string): void;
  observeGrounding(grounded: boolean): void;
  observeCache(hit: boolean): void;
  /** Reads the pool's usage at every scrape; call once with a reader over the live pool. */
  observePoolUsage(readUsage: () => PoolUsage): void;
}

// Prometheus's default buckets stop at 10 s; agent turns and event streams run for minutes.
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/**
 * Creates Hale's metrics (`hale_…`) and the default Node.js process metrics in a fresh `Registry`,
 * so two apps in one process, or two tests, never clash over the global one.
 */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const httpRequests = new Counter({
    name: 'hale_http_requests_total',
    help: 'HTTP requests answered, by method, matched route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'hale_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing (or abandoning) its response.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: durationBuckets,
    registers,
  });
  const toolCalls = new Counter({
    name: 'hale_tool_calls_total',
    help: 'Tool calls, by tool and outcome.',
    labelNames: ['tool', 'outcome'] as const,
    registers,
  });
  const toolDuration = new Histogram({
    name: 'hale_tool_call_duration_seconds',
    help: 'Tool call duration.',
    labelNames: ['tool'] as const,
    buckets: durationBuckets,
    registers,
  });
  const modelTokens = new Counter({
    name: 'hale_model_tokens_total',
    help: 'Language model tokens, by model and direction (input or output).',
    labelNames: ['model', 'direction'] as const,
    registers,
  });
  const modelCost = new Counter({
    name: 'hale_model_cost_usd_total',
    help: 'Estimated language model cost in US dollars.',
    labelNames: ['model'] as const,
    registers,
  });
  const modelDuration = new Histogram({
    name: 'hale_model_call_duration_seconds',
    help: 'Language model call duration.',
    labelNames: ['model'] as const,
    buckets: durationBuckets,
    registers,
  });
  const governanceDecisions = new Counter({
    name: 'hale_governance_decisions_total',
    help: 'Governance gate decisions, by outcome.',
    labelNames: ['outcome'] as const,
    registers,
  });
  const groundingChecks = new Counter({
    name: 'hale_grounding_checks_total',
    help: 'Answer grounding checks, by verdict (grounded or ungrounded).',
    labelNames: ['verdict'] as const,
    registers,
  });
  const cacheRequests = new Counter({
    name: 'hale_tool_cache_requests_total',
    help: 'Tool result cache lookups, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers,
  });

  const middleware: RequestHandler = (request, response, next) => {
    const started = process.hrtime.bigint();
    const routePattern = watchRoutePattern(request);
    let recorded = false;
    // 'finish' marks a response sent; 'close' alone, a client that left first (a closed event
    // stream). Either way the request is counted once.
    const record = () => {
      if (recorded) return;
      recorded = true;
      const labels = { method: request.method, route: routePattern(), status: String(response.statusCode) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    response.once('finish', record);
    response.once('close', record);
    next();
  };

  const metricsHandler: RequestHandler = async (_request, response) => {
    const exposition = await registry.metrics();
    response.type(registry.contentType).send(exposition);
  };

  return {
    registry,
    middleware,
    metricsHandler,
    observeToolCall({ tool, outcome, seconds }) {
      toolCalls.inc({ tool, outcome });
      toolDuration.observe({ tool }, seconds);
    },
    observeModelCall({ model, inputTokens, outputTokens, costUsd, seconds }) {
      modelTokens.inc({ model, direction: 'input' }, inputTokens);
      modelTokens.inc({ model, direction: 'output' }, outputTokens);
      modelCost.inc({ model }, costUsd);
      modelDuration.observe({ model }, seconds);
    },
    observeGovernance(outcome) {
      governanceDecisions.inc({ outcome });
    },
    observeGrounding(grounded) {
      groundingChecks.inc({ verdict: grounded ? 'grounded' : 'ungrounded' });
    },
    observeCache(hit) {
      cacheRequests.inc({ result: hit ? 'hit' : 'miss' });
    },
    observePoolUsage(readUsage) {
      new Gauge({
        name: 'hale_database_pool_connections',
        help: 'Database pool connections, by state (total, idle, or waiting clients).',
        labelNames: ['state'] as const,
        registers,
        collect() {
          const usage = readUsage();
          this.set({ state: 'total' }, usage.total);
          this.set({ state: 'idle' }, usage.idle);
          this.set({ state: 'waiting' }, usage.waiting);
        },
      });
    },
  };
}

/**
 * Reads the full pattern of the route that handles `request`: the route pattern, not the URL, since a
 * label per conversation id would grow without bound, and one shared label for requests no route
 * matched (404s, static files) for the same reason. Express sets `request.route` on entering a route,
 * while `request.baseUrl` is still the enclosing router's mount path; by the time the response
 * finishes, a router left through `next(error)` has reset `baseUrl`, so the pattern is caught when
 * the route is assigned.
 */
function watchRoutePattern(request: Request): () => string {
  let pattern = 'unmatched';
  let route: unknown;
  Object.defineProperty(request, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      const path = (value as { path?: unknown } | undefined)?.path;
      if (typeof path === 'string') pattern = `${request.baseUrl ?? ''}${path}`;
    },
  });
  return () => pattern;
}
