import type { Databases } from '../../mcp-tools/db/index.js';
import { type GovernedWarehouse, resolvePrincipal } from '../../mcp-tools/governance/index.js';
import type { EmbeddingProvider } from '../../mcp-tools/retrieval/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import type { SemanticLayer } from '../../semantic-layer/index.js';
import { configuredEmbeddingProvider } from '../configured-embedding-provider.js';
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
  before,
}: {
  /** The command's name, for the error line (`hale query: …`). */
  command: string;
  context: CommandContext;
  user: string;
  tool: string;
  input: unknown;
  /** Already loaded by the command; loaded from the configuration otherwise. */
  semanticLayer?: SemanticLayer;
  /** Work to do once the databases and the gate are open, before the tool runs. */
  before?: (runtime: {
    databases: Databases;
    governed: GovernedWarehouse;
    semanticLayer: SemanticLayer;
    embeddingProvider: EmbeddingProvider;
  }) => Promise<void>;
}): Promise<{ output: Record<string, unknown>; text: string } | { failure: CommandResult }> {
  const databases = await openRuntime(context);
  const governed = await openGovernedWarehouse({ config: context.config, databases });
  const principal = resolvePrincipal(governed.policy, user);
  const layer = semanticLayer ?? (await loadSemanticLayer(context.config.semanticModels));
  const embeddingProvider = configuredEmbeddingProvider(context.config);
  await before?.({ databases, governed, semanticLayer: layer, embeddingProvider });
  const { registry, ports } = createToolRuntime({
    governed,
    semanticLayer: layer,
    applicationDatabase: databases.application,
    embeddingProvider,
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
