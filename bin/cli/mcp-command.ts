import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { createMcpServer, serveMcpOverStdio } from '../../mcp-tools/mcp/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import { configuredEmbeddingProvider } from '../configured-embedding-provider.js';
import { createToolRuntime } from '../create-tool-runtime.js';
import { openGovernedWarehouse } from '../open-governed-warehouse.js';
import { openRuntime } from '../open-runtime.js';
import { packageVersion } from '../package-version.js';
import { refreshBundledDocuments } from '../sync-bundled-documents.js';
import { type Command, UsageError } from './command.js';

const usage = `hale mcp --as USER [--policies FILE]
  Serves Hale's tools over MCP on stdin/stdout, for an IDE or desktop client that starts it
  (VS Code, Cursor, Claude Desktop: see docs/mcp.md). Every tool call runs as USER through the
  governance gate and is audited with channel "mcp". Logs go to stderr; stdout carries MCP only.
  --as USER           whose access applies (a principal of the policy file)
  --policies FILE     the policy file (env HALE_POLICIES; default: the bundled demo policy)`;

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'serve the tools over MCP on stdio (hale mcp --as USER)',
  usage,
  options: { as: { type: 'string' }, policies: { type: 'string' }, 'semantic-models': { type: 'string' } },
  positionals: [0, 0],
  async run(context) {
    const user = context.values.as;
    if (typeof user !== 'string' || user === '')
      throw new UsageError('--as USER is required: whose access the tools run with', usage);
    const databases = await openRuntime(context);
    const governed = await openGovernedWarehouse({ config: context.config, databases });
    const principal = resolvePrincipal(governed.policy, user);
    const semanticLayer = await loadSemanticLayer(context.config.semanticModels);
    const embeddingProvider = configuredEmbeddingProvider(context.config);
    await refreshBundledDocuments({
      databases,
      governed,
      semanticLayer,
      provider: embeddingProvider,
      output: context.output,
      signal: context.signal,
    });
    const { registry, ports } = createToolRuntime({
      governed,
      semanticLayer,
      applicationDatabase: databases.application,
      embeddingProvider,
      log: context.output.log,
    });
    const server = createMcpServer({ registry, ports, principal, version: packageVersion });
    context.output.log('info', `MCP server on stdio as ${principal.user} (${principal.role})`);
    await serveMcpOverStdio({ server, signal: context.signal });
    return { json: null, text: '', printed: true };
  },
};
