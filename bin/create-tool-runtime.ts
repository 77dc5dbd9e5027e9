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
  createToolResultCache,
  defaultTools,
  type ToolPorts,
  type ToolRegistry,
} from '../mcp-tools/tools/index.js';
import { readWarehouseState } from '../mcp-tools/warehouse/index.js';
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
  toolCacheSeconds = 0,
  log,
}: {
  governed: GovernedWarehouse;
  /** The loaded metric definitions (`loadSemanticLayer`). */
  semanticLayer: SemanticLayer;
  /** Where calls are recorded (`hale.tool_call`) and documents are stored (`hale.chunks`). */
  applicationDatabase: Database;
  /** The embedder of document searches (`HALE_EMBEDDER`); the built-in one by default. */
  embeddingProvider?: EmbeddingProvider;
  /** How long chat tool results are reused (HALE_TOOL_CACHE_SECONDS); 0: no cache. */
  toolCacheSeconds?: number;
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
    ...(toolCacheSeconds > 0
      ? {
          cache: {
            results: createToolResultCache({ timeToLiveMs: toolCacheSeconds * 1000, maximumEntries: 2_000 }),
            dataVersion: warehouseDataVersion(applicationDatabase, log),
          },
        }
      : {}),
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

/** How often the data version is read again: a load by another process invalidates within this time. */
const dataVersionLifetimeMs = 15_000;

/**
 * The data version of the tool-result cache: when each warehouse part was last loaded (undefined
 * until first read: no caching then). Read again
 * in the background at most every 15 s (no timer: on use), so `hale cdm load` or a reseed by another
 * process stops cached answers within seconds, and a cache lookup never waits on the database.
 */
function warehouseDataVersion(database: Database, log: CommandOutput['log']): () => string | undefined {
  let version: string | undefined;
  let readAt = 0;
  let reading = false;
  const current = () => {
    if (!reading && Date.now() - readAt > dataVersionLifetimeMs) {
      reading = true;
      readWarehouseState(database)
        .then((parts) => {
          version = parts.map((part) => `${part.part}@${part.loadedAt}`).join(',') || 'empty';
          readAt = Date.now();
        })
        .catch((error: unknown) => log('warn', 'could not read the data version', { error: String(error) }))
        .finally(() => {
          reading = false;
        });
    }
    return version;
  };
  current();
  return current;
}
