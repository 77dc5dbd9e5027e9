import type { Databases } from '../mcp-tools/db/index.js';
import type { GovernedWarehouse } from '../mcp-tools/governance/index.js';
import type { EmbeddingProvider } from '../mcp-tools/retrieval/index.js';
import { loadSemanticLayer } from '../mcp-tools/semantic/index.js';
import type { SemanticLayer } from '../semantic-layer/index.js';
import type { CommandOutput } from './cli/command.js';
import type { Config } from './config/load-config.js';
import { configuredEmbeddingProvider } from './configured-embedding-provider.js';
import { createToolRuntime, type ToolRuntime } from './create-tool-runtime.js';
import { openGovernedWarehouse } from './open-governed-warehouse.js';
import { refreshBundledDocuments } from './sync-bundled-documents.js';

/** The governed tools of a serving command, over open databases. */
export interface OpenTools {
  governed: GovernedWarehouse;
  semanticLayer: SemanticLayer;
  embeddingProvider: EmbeddingProvider;
  runtime: ToolRuntime;
}

/**
 * Opens the gate (the policy checked against the warehouse), loads the semantic layer, brings the
 * bundled documents up to date and builds the tool registry — what `hale start`, `hale mcp` and
 * `hale ask` serve their tools with.
 */
export async function openTools({
  config,
  databases,
  output,
  signal,
}: {
  config: Config;
  databases: Databases;
  output: CommandOutput;
  signal: AbortSignal;
}): Promise<OpenTools> {
  const governed = await openGovernedWarehouse({ config, databases });
  const semanticLayer = await loadSemanticLayer(config.semanticModels);
  const embeddingProvider = configuredEmbeddingProvider(config);
  await refreshBundledDocuments({
    databases,
    governed,
    semanticLayer,
    provider: embeddingProvider,
    output,
    signal,
  });
  const runtime = createToolRuntime({
    governed,
    semanticLayer,
    applicationDatabase: databases.application,
    embeddingProvider,
    toolCacheSeconds: config.toolCacheSeconds,
    log: output.log,
  });
  return { governed, semanticLayer, embeddingProvider, runtime };
}
