import { acceptedProviderIdForms, type ProviderId, parseProviderId } from './parse-provider-id.js';
import { RetrievalError } from './retrieval-error.js';

/** Which embedder a configured id names: the built-in one, OpenAI, or any OpenAI-protocol server. */
export type EmbedderId = ProviderId;

const acceptedForms = acceptedProviderIdForms({
  openaiModel: 'text-embedding-3-small',
  compatibleModel: 'nomic-embed-text',
});

/**
 * Parses a configured embedder id (the grammar of `parseProviderId`). Anything else throws a
 * `RetrievalError` (`invalid_request`) listing the accepted forms.
 */
export function parseEmbedderId(id: string): EmbedderId {
  const parsed = parseProviderId(id);
  if (parsed.ok) return parsed.id;
  throw new RetrievalError(
    'invalid_request',
    `the embedder id '${id}' ${parsed.problem}. Use one of: ${acceptedForms}`,
  );
}
