import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../bin/config/load-config.js';
import { createChatRuntime, createChatStores } from '../bin/create-chat-runtime.js';
import { createToolRuntime } from '../bin/create-tool-runtime.js';
import { bundledPolicyFile, openGovernedWarehouse } from '../bin/open-governed-warehouse.js';
import { migrate, migrations, openDatabases, openEmbeddedDatabase } from '../mcp-tools/db/index.js';
import { resolvePrincipal } from '../mcp-tools/governance/index.js';
import { loadSemanticLayer } from '../mcp-tools/semantic/index.js';
import { seedDemoWarehouse } from '../mcp-tools/warehouse/index.js';
import { createApp } from '../server/index.js';
import { median, percentile, round } from './governance/timing-statistics.js';
import { withTemporaryDirectory } from './temporary-directory.js';

/** Questions of every kind, asked by different people, as a day of use would mix them. */
const questions: readonly { user: string; question: string }[] = [
  { user: 'admin', question: 'How many appointments were there last month?' },
  { user: 'alice', question: 'What is the no-show rate by booking channel?' },
  { user: 'carol', question: 'How many teleconsultations were cancelled last month?' },
  { user: 'dana', question: 'Top 5 specialties by no-show rate this year' },
  { user: 'bob', question: 'How many completed visits per month this year?' },
  { user: 'admin', question: 'Lyon vs Paris cancellations in 2026' },
  { user: 'alice', question: 'How is a no-show defined?' },
  { user: 'admin', question: 'What is the SNOMED concept for type 2 diabetes?' },
  { user: 'carol', question: 'Which tables can I see?' },
  { user: 'dana', question: 'What is the average booking lead time by region?' },
];

interface TurnSample {
  milliseconds: number;
  traceId: string;
}

/**
 * The chat's speed with the built-in model at scale 1, over real HTTP (`POST /api/chat`, in process,
 * tool-result cache off so every turn runs its SQL): turn latency p50/p95 one at a time, throughput
 * with 8 and 32 concurrent clients, and the server's own time per turn — the turn's latency minus
 * its tool calls' time (from the stored spans). The baseline is the same tool calls made directly on
 * the registry in the same process.
 */
export async function benchChat({ scale = 1, turns = 60 }: { scale?: number; turns?: number } = {}) {
  return withTemporaryDirectory(async (path) => {
    const seeded = await openEmbeddedDatabase({ directory: path });
    await migrate(seeded, migrations);
    const referenceDate = new Date().toISOString().slice(0, 10);
    await seedDemoWarehouse({ warehouse: seeded, scale, seed: 1, referenceDate, force: true });
    await seeded.close();

    const databases = await openDatabases({ dataDirectory: path });
    const config = loadConfig({
      env: {},
      flags: { dataDirectory: path, policies: bundledPolicyFile, toolCacheSeconds: '0' },
    });
    const governed = await openGovernedWarehouse({ config, databases });
    const semanticLayer = await loadSemanticLayer();
    const runtime = createToolRuntime({
      governed,
      semanticLayer,
      applicationDatabase: databases.application,
      log: () => {},
    });
    const stores = createChatStores(databases.application);
    const output = { progress: () => {}, log: () => {} };
    const agent = await createChatRuntime({ config, stores, governed, semanticLayer, runtime, output });
    const app = createApp({
      version: 'bench',
      readiness: async () => [],
      log: () => {},
      api: {
        agent: () => agent,
        tools: () => runtime,
        ...stores,
        identity: { mode: 'demo', policy: () => governed.policy },
        defaultModel: 'builtin',
        dailyTokenBudget: () => undefined,
        now: () => new Date(),
      },
      rateLimits: {
        api: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
        chat: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
      },
    });
    const http = createServer(app);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

    const turn = async (index: number): Promise<TurnSample> => {
      const { user, question } = questions[index % questions.length] as (typeof questions)[number];
      const started = performance.now();
      const response = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hale-Demo-User': user },
        body: JSON.stringify({ question }),
      });
      const body = await response.text();
      const milliseconds = performance.now() - started;
      if (response.status !== 200 || !body.includes('"type":"finish"'))
        throw new Error(`turn failed (${response.status}): ${body.slice(0, 300)}`);
      const traceId = /"traceId":"([0-9a-f-]{36})"/.exec(body)?.[1];
      if (!traceId) throw new Error('no trace id in the stream');
      return { milliseconds, traceId };
    };

    try {
      // Warm-up: every question once (linking tables, dimension-value indexes, JIT).
      for (let index = 0; index < questions.length; index += 1) await turn(index);

      const sequential: TurnSample[] = [];
      for (let index = 0; index < turns; index += 1) sequential.push(await turn(index));

      // The server's own time: the turn minus its tool calls, from the stored spans.
      const overheads: number[] = [];
      const toolTimes: number[] = [];
      const modelTimes: number[] = [];
      for (const sample of sequential) {
        const trace = await stores.traces.get(sample.traceId);
        if (!trace) throw new Error(`trace ${sample.traceId} not stored`);
        const tools = trace.spans
          .filter((span) => span.kind === 'tool')
          .reduce((sum, span) => sum + span.durationMs, 0);
        const model = trace.spans
          .filter((span) => span.kind === 'model')
          .reduce((sum, span) => sum + span.durationMs, 0);
        toolTimes.push(tools);
        modelTimes.push(model);
        overheads.push(sample.milliseconds - tools);
      }

      // Baseline: the same tool calls, straight on the registry.
      const direct: number[] = [];
      for (const sample of sequential.slice(0, questions.length)) {
        const trace = await stores.traces.get(sample.traceId);
        const principal = resolvePrincipal(governed.policy, trace?.trace.principal ?? 'admin');
        const started = performance.now();
        for (const span of trace?.spans.filter((candidate) => candidate.kind === 'tool') ?? [])
          await runtime.registry.execute(
            String(span.attributes.tool),
            JSON.parse(String(span.attributes.input)),
            {
              principal,
              channel: 'eval',
              signal: new AbortController().signal,
              ports: runtime.ports,
            },
          );
        direct.push(performance.now() - started);
      }

      const throughput: Record<string, unknown> = {};
      for (const clients of [8, 32]) {
        const total = clients * 4;
        let next = 0;
        const latencies: number[] = [];
        const started = performance.now();
        await Promise.all(
          Array.from({ length: clients }, async () => {
            while (next < total) {
              const index = next;
              next += 1;
              latencies.push((await turn(index)).milliseconds);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        throughput[`clients${clients}`] = {
          turns: total,
          turnsPerSecond: round(total / seconds, 2),
          p50Ms: round(median(latencies), 1),
          p95Ms: round(percentile(latencies, 0.95), 1),
        };
        process.stderr.write(`chat ${clients} clients: ${JSON.stringify(throughput[`clients${clients}`])}\n`);
      }

      const latencies = sequential.map((sample) => sample.milliseconds);
      const result = {
        scale,
        model: 'builtin',
        questions: questions.length,
        target: { serverOverheadPerTurnMs: 10 },
        sequential: {
          turns,
          p50Ms: round(median(latencies), 1),
          p95Ms: round(percentile(latencies, 0.95), 1),
          toolTimeP50Ms: round(median(toolTimes), 1),
          builtinModelTimeP50Ms: round(median(modelTimes), 2),
        },
        serverOverheadPerTurn: {
          p50Ms: round(median(overheads), 2),
          p95Ms: round(percentile(overheads, 0.95), 2),
          note: 'HTTP turn latency minus the time of its tool calls: routing, auth, the agent loop, the built-in model, grounding, persistence and streaming',
        },
        baseline: {
          directToolCallsP50Ms: round(median(direct), 1),
          ratioTurnToDirectTools: round(median(latencies) / median(direct), 2),
        },
        throughput,
      };
      process.stderr.write(`chat: ${JSON.stringify(result)}\n`);
      return result;
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await databases.close();
    }
  });
}
