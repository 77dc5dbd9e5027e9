import { createEmbeddingProvider, type EmbeddingProvider } from '../mcp-tools/retrieval/index.js';
import type { Config } from './config/load-config.js';

/** The embedding provider the configuration names (`HALE_EMBEDDER`, `HALE_EMBEDDING_API_KEY`). */
export function configuredEmbeddingProvider(config: Config): EmbeddingProvider {
  return createEmbeddingProvider({
    embedder: config.embedder,
    ...(config.embeddingApiKey ? { apiKey: config.embeddingApiKey } : {}),
  });
}
