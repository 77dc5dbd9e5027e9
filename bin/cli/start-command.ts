import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GovernanceError, type GovernedWarehouse } from '../../mcp-tools/governance/index.js';
import { readWarehouseState, seedDemoWarehouse, WarehouseError } from '../../mcp-tools/warehouse/index.js';
import type { ChatAgent } from '../../server/agent/create-chat-agent.js';
import { metricsObservers } from '../../server/agent/metrics-observers.js';
import { createHttpMetrics } from '../../server/http/http-metrics.js';
import { createApp, type ReadinessCheck } from '../../server/index.js';
import { createBearerVerifier } from '../create-bearer-verifier.js';
import { createChatRuntime, createChatStores, dailyTokenBudgetOf } from '../create-chat-runtime.js';
import { createFhirEndpoint } from '../create-fhir-endpoint.js';
import { createMcpEndpoint, jwtSettings } from '../create-mcp-endpoint.js';
import type { ToolRuntime } from '../create-tool-runtime.js';
import { openRuntime } from '../open-runtime.js';
import { openTools } from '../open-tools.js';
import { packageVersion } from '../package-version.js';
import { startTelemetry } from '../start-telemetry.js';
import type { Command } from './command.js';

const usage = `hale start [--port 3000] [--host 127.0.0.1] [--public-url URL] [--allowed-hosts H,H]
           [--jwks-url URL --jwt-issuer ISS --jwt-audience AUD [--jwt-user-claim sub]]
  Runs the Hale server: the chat API at /api/chat (contract at /openapi.json; demo users or bearer
  tokens, see --identity), MCP Streamable HTTP at /mcp (bearer tokens from \`hale token create\`, or JWTs
  of the identity provider at --jwks-url), health at /healthz, readiness at /readyz, Prometheus
  metrics at /metrics. On an empty
  embedded database it first seeds the demo warehouse (scale from --scale / HALE_SEED_SCALE,
  default 1) while /readyz says "starting" and /mcp answers 503.`;

/** The chat UI built by `npm install` (postinstall) or `npm run build:client`. */
const builtClient = new URL('../../client/dist/index.html', import.meta.url);
/** Served instead when the UI is not built: it says how to build it. */
const statusPage = new URL('../../client/status/', import.meta.url);

export const startCommand: Command = {
  name: 'start',
  summary: 'run the Hale server',
  usage,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    scale: { type: 'string' },
    policies: { type: 'string' },
    'semantic-models': { type: 'string' },
    'public-url': { type: 'string' },
    'allowed-hosts': { type: 'string' },
    'jwks-url': { type: 'string' },
    'jwt-issuer': { type: 'string' },
    'jwt-audience': { type: 'string' },
    'jwt-user-claim': { type: 'string' },
    model: { type: 'string' },
    identity: { type: 'string' },
    'max-steps': { type: 'string' },
    'model-timeout-ms': { type: 'string' },
    'tool-cache-seconds': { type: 'string' },
    'otel-endpoint': { type: 'string' },
    'model-prices': { type: 'string' },
  },
  positionals: [0, 0],
  async run(context) {
    const { config, output } = context;
    context.onShutdown(async () => output.log('info', 'stopped: databases closed'));
    if (config.otelEndpoint) {
      const telemetry = startTelemetry({ endpoint: config.otelEndpoint, version: packageVersion });
      // Flushes the last spans on the way out.
      context.onShutdown(() => telemetry.shutdown());
      output.log('info', `OpenTelemetry: exporting chat spans to ${config.otelEndpoint}`);
    }
    const databases = await openRuntime(context);
    context.signal.throwIfAborted();
    const warehouseIsSeparate = databases.warehouse !== databases.application;
    let warehouse: ReadinessCheck = { name: 'warehouse', ready: false, detail: 'checking' };
    let tools: { governed: GovernedWarehouse; runtime: ToolRuntime } | undefined;
    let chatAgent: ChatAgent | undefined;
    const stores = createChatStores(databases.application);
    const metrics = createHttpMetrics();
    const openTheTools = async () => {
      const { governed, semanticLayer, runtime } = await openTools({
        config,
        databases,
        output,
        signal: context.signal,
      });
      chatAgent = await createChatRuntime({
        config,
        stores,
        governed,
        semanticLayer,
        runtime,
        output,
        observers: metricsObservers(metrics),
      });
      tools = { governed, runtime };
    };
    const jwt = jwtSettings(config);
    const verifyBearer = createBearerVerifier({
      database: databases.application,
      policy: () => tools?.governed.policy,
      ...(jwt ? { jwt } : {}),
    });
    const identityMode = config.identityMode ?? (config.databaseUrl ? 'token' : 'demo');
    if (identityMode === 'demo')
      output.log(
        'warn',
        'demo identity: anyone who reaches this server may pick any demo user (HALE_IDENTITY=token to require tokens)',
      );
    let listeningUrl: URL | undefined;
    let toolsProblem: string | undefined;

    const app = createApp({
      version: packageVersion,
      log: output.log,
      mcp: createMcpEndpoint({
        config,
        applicationDatabase: databases.application,
        version: packageVersion,
        log: output.log,
        current: () => tools,
        listeningUrl: () => listeningUrl ?? new URL(`http://${config.host}:${config.port}`),
      }),
      fhir: createFhirEndpoint({ config, applicationDatabase: databases.application, current: () => tools }),
      metrics,
      api: {
        agent: () => chatAgent,
        tools: () => tools?.runtime,
        ...stores,
        identity: {
          mode: identityMode,
          policy: () => tools?.governed.policy,
          verifyBearer,
        },
        defaultModel: config.model,
        dailyTokenBudget: (principal) => (tools ? dailyTokenBudgetOf(tools.governed, principal) : undefined),
        now: () => new Date(),
      },
      clientDirectory: fileURLToPath(existsSync(builtClient) ? new URL('./', builtClient) : statusPage),
      async readiness() {
        let database: ReadinessCheck;
        try {
          // The embedded database has one connection: a long seed or load holds it, so a ping that
          // cannot answer within a second reports "busy" instead of hanging the probe.
          const answered = await Promise.race([
            databases.application.query('SELECT 1').then(() => true),
            new Promise<false>((resolve) => setTimeout(resolve, 1000, false).unref()),
          ]);
          database = answered
            ? { name: 'database', ready: true, detail: databases.application.location }
            : { name: 'database', ready: false, detail: 'busy: a long operation holds the database' };
        } catch (error) {
          database = {
            name: 'database',
            ready: false,
            detail: error instanceof Error ? error.message : String(error),
          };
        }
        // The warehouse serves tools only once the policy has been checked against it.
        const tables =
          warehouse.ready && !tools
            ? {
                ...warehouse,
                ready: false,
                detail: toolsProblem ?? 'checking the policy against the warehouse',
              }
            : warehouse;
        return [database, tables];
      },
    });
    // Runs after the server has closed (cleanups run in reverse): cancelled turns finish storing
    // their question, answer and trace before the databases close.
    context.onShutdown(async () => {
      await chatAgent?.drain(10_000);
    });
    const server = app.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    context.onShutdown(async () => {
      server.closeAllConnections();
      await promisify(server.close.bind(server))();
    });
    context.signal.throwIfAborted();
    const address = server.address() as AddressInfo;
    const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
    listeningUrl = new URL(`http://${urlHost}:${address.port}`);
    output.log('info', `Hale ${packageVersion} listening on http://${config.host}:${address.port}`, {
      database: databases.application.location,
    });

    const state = await readWarehouseState(databases.application);
    if (state.length > 0 || warehouseIsSeparate) {
      const detail = state.map((part) => `${part.part}: ${part.source}`).join('; ');
      warehouse = {
        name: 'warehouse',
        ready: true,
        detail: detail || `external warehouse ${databases.warehouse.location}`,
      };
    } else {
      warehouse = {
        name: 'warehouse',
        ready: false,
        detail: `seeding the demo warehouse at scale ${config.seedScale}`,
      };
      output.log('info', `first start: seeding the demo warehouse at scale ${config.seedScale}`);
      try {
        const report = await seedDemoWarehouse({
          warehouse: databases.warehouse,
          scale: config.seedScale,
          seed: 1,
          referenceDate: new Date().toISOString().slice(0, 10),
          force: false,
          signal: context.signal,
          onProgress: (event) => output.log('debug', 'seeded table', { ...event }),
        });
        warehouse = { name: 'warehouse', ready: true, detail: `demo: scale ${report.scale}` };
        output.log('info', `demo warehouse ready in ${(report.durationMs / 1000).toFixed(1)} s`);
      } catch (error) {
        // Another replica started at the same time and seeded first: its data is as good as ours.
        if (!(error instanceof WarehouseError && error.code === 'warehouse_not_empty')) throw error;
        warehouse = { name: 'warehouse', ready: true, detail: 'demo: seeded by another process' };
        output.log('info', 'another process seeded the demo warehouse first');
      }
    }
    // The policy is checked against the warehouse now that it has tables; a bad policy stops here.
    try {
      await openTheTools();
    } catch (error) {
      // An empty external warehouse is a state to fix with a load, not a reason to stop serving.
      if (!(error instanceof GovernanceError && error.code === 'unknown_name')) throw error;
      toolsProblem = error.message;
      output.log('warn', `tools unavailable: ${error.message}`);
    }
    if (tools)
      output.log(
        'info',
        `ready: ${listeningUrl.href} (chat: ${new URL('/api/chat', listeningUrl).href}, model ${config.model}; MCP: ${new URL('/mcp', listeningUrl).href})`,
      );
    return undefined;
  },
};
