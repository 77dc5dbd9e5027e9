import {
  builtinEmbeddingProvider,
  type EmbeddingProvider,
  fixedEmbeddingProvider,
} from './embedding-provider.js';
import { createOpenAiEmbedder } from './openai-embedder.js';
import { parseEmbedderId } from './parse-embedder-id.js';

/**
 * The embedding provider for a configured embedder id (`builtin`, `openai:<model>`,
 * `openai-compatible:<base-url>#<model>`). The id as written is what the vectors record, so
 * pointing Hale at another model or server re-embeds the documents at the next ingestion.
 */
export function createEmbeddingProvider({
  embedder,
  apiKey,
}: {
  embedder: string;
  apiKey?: string;
}): EmbeddingProvider {
  const parsed = parseEmbedderId(embedder);
  if (parsed.kind === 'builtin') return builtinEmbeddingProvider();
  const id =
    parsed.kind === 'openai'
      ? `openai:${parsed.model}`
      : `openai-compatible:${parsed.baseUrl}#${parsed.model}`;
  return fixedEmbeddingProvider(
    createOpenAiEmbedder({
      id,
      model: parsed.model,
      ...(parsed.kind === 'openai-compatible' ? { baseUrl: parsed.baseUrl } : {}),
      ...(apiKey ? { apiKey } : {}),
    }),
  );
}
