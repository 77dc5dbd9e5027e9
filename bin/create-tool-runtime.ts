import type { Database } from '../mcp-tools/db/index.js';
import { type GovernedWarehouse, governedSchemas } from '../mcp-tools/governance/index.js';
import {
  builtinEmbeddingProvider,
  createDocumentLibrary,
  type EmbeddingProvider,
  semanticSynonymGroups,
} from '../mcp-tools/retrieval/index.js';
import { checkSemanticLayerAgainstCatalog } from '../mcp-tools/semantic/index.js';
import {
  bundledTableDocumentation,
  createDatabaseToolCallLog,
  createToolRegistry,
  defaultTools,
  type ToolPorts,
  type ToolRegistry,
} from '../mcp-tools/tools/index.js';
import type { SemanticLayer } from '../semantic-layer/index.js';
import type { CommandOutput } from './cli/command.js';

/** The tool registry and the ports its tools run with, shared by every channel of one process. */
export interface ToolRuntime {
  registry: ToolRegistry;
  ports: ToolPorts;
}

/** Wires the registry over the governed warehouse; calls are recorded in `hale.tool_call`. */
export function createToolRuntime({
  governed,
  semanticLayer,
  applicationDatabase,
  embeddingProvider = builtinEmbeddingProvider(),
  log,
}: {
  governed: GovernedWarehouse;
  /** The loaded metric definitions (`loadSemanticLayer`). */
  semanticLayer: SemanticLayer;
  /** Where calls are recorded (`hale.tool_call`) and documents are stored (`hale.chunks`). */
  applicationDatabase: Database;
  /** The embedder of document searches (`HALE_EMBEDDER`); the built-in one by default. */
  embeddingProvider?: EmbeddingProvider;
  log: CommandOutput['log'];
}): ToolRuntime {
  // Checked here, where the catalog and the models meet: warnings, since a warehouse may lack a domain.
  for (const issue of checkSemanticLayerAgainstCatalog(semanticLayer, governed.catalog, governedSchemas))
    log('warn', `semantic models: ${issue.file}:${issue.line}: ${issue.path}: ${issue.message}`);
  const registry = createToolRegistry({
    tools: defaultTools,
    callLog: createDatabaseToolCallLog(applicationDatabase),
    onInternalError: (error, tool) =>
      log('error', `tool ${tool} failed`, { error: error instanceof Error ? error.stack : String(error) }),
  });
  return {
    registry,
    ports: {
      warehouse: governed,
      documentation: bundledTableDocumentation,
      semanticLayer,
      documents: createDocumentLibrary({
        database: applicationDatabase,
        provider: embeddingProvider,
        policyVersion: governed.policy.version,
      }),
      semanticSynonyms: semanticSynonymGroups(semanticLayer),
    },
  };
}
