import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { createMcpServer, serveMcpOverStdio } from '../../mcp-tools/mcp/index.js';
import { openRuntime } from '../open-runtime.js';
import { openTools } from '../open-tools.js';
import { packageVersion } from '../package-version.js';
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
    const {
      governed,
      runtime: { registry, ports },
    } = await openTools({
      config: context.config,
      databases,
      output: context.output,
      signal: context.signal,
    });
    const principal = resolvePrincipal(governed.policy, user);
    const server = createMcpServer({ registry, ports, principal, version: packageVersion });
    context.output.log('info', `MCP server on stdio as ${principal.user} (${principal.role})`);
    await serveMcpOverStdio({ server, signal: context.signal });
    return { json: null, text: '', printed: true };
  },
};
