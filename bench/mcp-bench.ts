import { cpSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadConfig } from '../bin/config/load-config.js';
import { createMcpEndpoint } from '../bin/create-mcp-endpoint.js';
import { createToolRuntime } from '../bin/create-tool-runtime.js';
import { bundledPolicyFile, openGovernedWarehouse } from '../bin/open-governed-warehouse.js';
import { migrate, migrations, openDatabases, openEmbeddedDatabase } from '../mcp-tools/db/index.js';
import { resolvePrincipal } from '../mcp-tools/governance/index.js';
import { createApiToken } from '../mcp-tools/mcp/index.js';
import { loadSemanticLayer } from '../mcp-tools/semantic/index.js';
import { seedDemoWarehouse } from '../mcp-tools/warehouse/index.js';
import { createApp } from '../server/index.js';
import { median, percentile, round } from './governance/timing-statistics.js';
import { withTemporaryDirectory } from './temporary-directory.js';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/** The calls measured: a catalog listing and a small governed query. */
const calls = [
  { tool: 'list_tables', arguments: {} },
  {
    tool: 'run_sql',
    arguments: {
      sql: 'SELECT practice_id, name, city FROM scheduling.practice ORDER BY practice_id LIMIT 10',
    },
  },
] as const;

type Channel = 'direct' | 'stdio' | 'http';

/**
 * What MCP adds to a tool call: the same calls made directly on the registry (in process), over stdio
 * (`hale mcp`, a child process on an identical copy of the data directory) and over Streamable HTTP
 * (`/mcp` with an API token, in process), interleaved with rotating order so drift hits all three
 * alike. The figure is the p50 of each channel minus the p50 of the direct call.
 */
export async function benchMcp({ iterations = 300 }: { iterations?: number } = {}) {
  return withTemporaryDirectory(async (path) => {
    const direct = join(path, 'direct');
    const copy = join(path, 'stdio');
    const database = await openEmbeddedDatabase({ directory: direct });
    await migrate(database, migrations);
    await seedDemoWarehouse({
      warehouse: database,
      scale: 0.1,
      seed: 1,
      referenceDate: '2026-11-23',
      force: true,
    });
    await database.close();
    cpSync(direct, copy, { recursive: true });

    const databases = await openDatabases({ dataDirectory: direct });
    const reopened = databases.application;
    const config = loadConfig({
      env: {},
      flags: { port: '0', dataDirectory: direct, policies: bundledPolicyFile },
    });
    const governed = await openGovernedWarehouse({ config, databases });
    const runtime = createToolRuntime({
      governed,
      semanticLayer: await loadSemanticLayer(),
      applicationDatabase: reopened,
      log: () => {},
    });
    const principal = resolvePrincipal(governed.policy, 'admin');
    const signal = new AbortController().signal;

    let listening: URL | undefined;
    const app = createApp({
      version: 'bench',
      readiness: async () => [],
      log: () => {},
      mcp: createMcpEndpoint({
        config,
        applicationDatabase: reopened,
        version: 'bench',
        log: () => {},
        current: () => ({ governed, runtime }),
        listeningUrl: () => listening ?? new URL('http://127.0.0.1'),
      }),
    });
    const http = createServer(app);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    listening = new URL(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    const { token } = await createApiToken(reopened, { user: 'admin', label: 'bench', expiresInDays: 1 });
    const httpClient = new Client({ name: 'bench-http', version: '1' });
    await httpClient.connect(
      new StreamableHTTPClientTransport(new URL('/mcp', listening), {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
    const stdioClient = new Client({ name: 'bench-stdio', version: '1' });
    await stdioClient.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [
          '--import',
          'tsx',
          'bin/hale.ts',
          'mcp',
          '--as',
          'admin',
          '--data-dir',
          copy,
          '--log-level',
          'warn',
        ],
        cwd: projectRoot,
        stderr: 'inherit',
      }),
    );

    const run: Record<Channel, (call: (typeof calls)[number]) => Promise<boolean>> = {
      direct: async (call) =>
        !(
          await runtime.registry.execute(call.tool, call.arguments, {
            principal,
            channel: 'mcp',
            signal,
            ports: runtime.ports,
          })
        ).isError,
      stdio: async (call) =>
        !(await stdioClient.callTool({ name: call.tool, arguments: call.arguments })).isError,
      http: async (call) =>
        !(await httpClient.callTool({ name: call.tool, arguments: call.arguments })).isError,
    };
    const channels: Channel[] = ['direct', 'stdio', 'http'];
    const results: Record<string, unknown> = {};
    try {
      for (const call of calls) {
        const samples: Record<Channel, number[]> = { direct: [], stdio: [], http: [] };
        for (let iteration = -20; iteration < iterations; iteration++) {
          for (let turn = 0; turn < channels.length; turn++) {
            const channel = channels[(iteration + 21 + turn) % channels.length] as Channel;
            const started = performance.now();
            if (!(await run[channel](call))) throw new Error(`${call.tool} failed over ${channel}`);
            if (iteration >= 0) samples[channel].push(performance.now() - started);
          }
        }
        const summary = (values: number[]) => ({
          p50: round(median(values)),
          p99: round(percentile(values, 0.99)),
        });
        const baseline = median(samples.direct);
        results[call.tool] = {
          iterations,
          direct: summary(samples.direct),
          stdio: { ...summary(samples.stdio), overheadP50: round(median(samples.stdio) - baseline) },
          http: { ...summary(samples.http), overheadP50: round(median(samples.http) - baseline) },
        };
        process.stderr.write(`mcp ${call.tool}: ${JSON.stringify(results[call.tool])}\n`);
      }
    } finally {
      await stdioClient.close();
      await httpClient.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await databases.close();
    }
    return { target: { stdioP50OverheadMs: 2, httpP50OverheadMs: 5 }, ...results };
  });
}
