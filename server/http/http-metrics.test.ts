import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpMetrics, type HttpMetrics } from './http-metrics.js';
import { startTestServer, type TestServer } from './start-test-server.js';

describe('createHttpMetrics', () => {
  let server: TestServer;
  let metrics: HttpMetrics;

  beforeAll(async () => {
    metrics = createHttpMetrics();
    const app = express();
    app.use(metrics.middleware);
    const api = express.Router();
    api.get('/conversations/:conversationId', (request, response) => {
      response.json({ id: request.params.conversationId });
    });
    api.get('/broken', () => {
      throw new Error('boom');
    });
    api.get('/events', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': open\n\n');
    });
    app.use('/api', api);
    app.get('/metrics', metrics.metricsHandler);
    app.use((_request, response) => {
      response.status(404).end();
    });
    server = await startTestServer(app);
  });
  afterAll(() => server.close());

  const scrape = async () => {
    const response = await fetch(server.url('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('counts requests under the matched route pattern, not the raw URL', async () => {
    for (const id of ['a1', 'b2', 'c3']) await fetch(server.url(`/api/conversations/${id}`));
    await fetch(server.url('/no/such/page/1'));
    await fetch(server.url('/no/such/page/2'));
    const exposition = await scrape();
    expect(exposition).toContain(
      'hale_http_requests_total{method="GET",route="/api/conversations/:conversationId",status="200"} 3',
    );
    expect(exposition).toContain('hale_http_requests_total{method="GET",route="unmatched",status="404"} 2');
    expect(exposition).toContain(
      'hale_http_request_duration_seconds_count{method="GET",route="/api/conversations/:conversationId",status="200"} 3',
    );
    expect(exposition).not.toContain('a1');
    expect(exposition).not.toContain('/no/such');
  });

  it('labels a request that failed inside a router with its full pattern and status', async () => {
    await fetch(server.url('/api/broken'));
    expect(await scrape()).toContain(
      'hale_http_requests_total{method="GET",route="/api/broken",status="500"} 1',
    );
  });

  it('counts an event stream the client closed before it finished', async () => {
    const abort = new AbortController();
    const stream = await fetch(server.url('/api/events'), { signal: abort.signal });
    expect(stream.status).toBe(200);
    abort.abort();
    const counted = 'hale_http_requests_total{method="GET",route="/api/events",status="200"} 1';
    await expect.poll(scrape).toContain(counted);
  });

  it("exposes the agent's tool, model, governance, grounding and cache observations", async () => {
    metrics.observeToolCall({ tool: 'query_metric', outcome: 'ok', seconds: 0.2 });
    metrics.observeToolCall({ tool: 'query_metric', outcome: 'error', seconds: 0.1 });
    metrics.observeModelCall({
      model: 'gpt-test',
      inputTokens: 1200,
      outputTokens: 300,
      costUsd: 0.0042,
      seconds: 1.5,
    });
    metrics.observeGovernance('allowed');
    metrics.observeGovernance('denied');
    metrics.observeGovernance('denied');
    metrics.observeGrounding(true);
    metrics.observeGrounding(false);
    metrics.observeCache(true);
    metrics.observeCache(false);
    metrics.observeCache(false);
    metrics.observePoolUsage(() => ({ total: 10, idle: 7, waiting: 1 }));
    const exposition = await scrape();
    for (const line of [
      'hale_tool_calls_total{tool="query_metric",outcome="ok"} 1',
      'hale_tool_calls_total{tool="query_metric",outcome="error"} 1',
      'hale_tool_call_duration_seconds_count{tool="query_metric"} 2',
      'hale_model_tokens_total{model="gpt-test",direction="input"} 1200',
      'hale_model_tokens_total{model="gpt-test",direction="output"} 300',
      'hale_model_cost_usd_total{model="gpt-test"} 0.0042',
      'hale_model_call_duration_seconds_sum{model="gpt-test"} 1.5',
      'hale_governance_decisions_total{outcome="denied"} 2',
      'hale_grounding_checks_total{verdict="grounded"} 1',
      'hale_grounding_checks_total{verdict="ungrounded"} 1',
      'hale_tool_cache_requests_total{result="hit"} 1',
      'hale_tool_cache_requests_total{result="miss"} 2',
      'hale_database_pool_connections{state="idle"} 7',
      'hale_database_pool_connections{state="waiting"} 1',
    ]) {
      expect(exposition).toContain(line);
    }
  });

  it('includes the default Node.js process metrics', async () => {
    const exposition = await scrape();
    expect(exposition).toContain('process_cpu_seconds_total');
    expect(exposition).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps two apps in one process apart', async () => {
    const other = createHttpMetrics();
    other.observeGovernance('allowed');
    expect(await other.registry.metrics()).toContain('hale_governance_decisions_total{outcome="allowed"} 1');
    expect(await other.registry.metrics()).not.toContain('hale_http_requests_total{');
    expect(await other.registry.metrics()).not.toContain('outcome="denied"');
    expect(await metrics.registry.metrics()).toContain(
      'hale_governance_decisions_total{outcome="allowed"} 1',
    );
  });
});
