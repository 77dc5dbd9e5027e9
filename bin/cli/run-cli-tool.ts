import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import type { SemanticLayer } from '../../semantic-layer/index.js';
import { createToolRuntime } from '../create-tool-runtime.js';
import { openGovernedWarehouse } from '../open-governed-warehouse.js';
import { openRuntime } from '../open-runtime.js';
import type { CommandContext, CommandResult } from './command.js';

/**
 * Runs one registry tool as USER on channel `cli`, as `hale query` and `hale concept` do: the same
 * validation, gate, audit and tool-call log as MCP. A failure is written to stderr like `hale sql`
 * (stdout stays empty, or one JSON document) and comes back as the command's result, exit code 1.
 */
export async function runCliTool({
  command,
  context,
  user,
  tool,
  input,
  semanticLayer,
}: {
  /** The command's name, for the error line (`hale query: …`). */
  command: string;
  context: CommandContext;
  user: string;
  tool: string;
  input: unknown;
  /** Already loaded by the command; loaded from the configuration otherwise. */
  semanticLayer?: SemanticLayer;
}): Promise<{ output: Record<string, unknown>; text: string } | { failure: CommandResult }> {
  const databases = await openRuntime(context);
  const governed = await openGovernedWarehouse({ config: context.config, databases });
  const principal = resolvePrincipal(governed.policy, user);
  const { registry, ports } = createToolRuntime({
    governed,
    semanticLayer: semanticLayer ?? (await loadSemanticLayer(context.config.semanticModels)),
    applicationDatabase: databases.application,
    log: context.output.log,
  });
  const result = await registry.execute(tool, input, {
    principal,
    channel: 'cli',
    signal: context.signal,
    ports,
  });
  if (!result.isError) return { output: result.structuredContent, text: result.text };
  if (!context.json) process.stderr.write(`hale ${command}: ${result.text}\n`);
  return {
    failure: {
      json: { status: 'error', error: result.error },
      text: '',
      exitCode: 1,
      printed: !context.json,
    },
  };
}
