import { RetrievalError } from './retrieval-error.js';

/** Which embedder a configured id names: the built-in one, OpenAI, or any OpenAI-protocol server. */
export type EmbedderId =
  | { kind: 'builtin' }
  | { kind: 'openai'; model: string }
  | { kind: 'openai-compatible'; baseUrl: string; model: string };

const acceptedForms = [
  '`builtin` (the default)',
  '`openai:<model>`, such as `openai:text-embedding-3-small`',
  '`openai-compatible:<base-url>#<model>`, such as `openai-compatible:http://localhost:11434/v1#nomic-embed-text`',
].join('; ');

function invalid(id: string, problem: string): RetrievalError {
  return new RetrievalError(
    'invalid_request',
    `the embedder id '${id}' ${problem}. Use one of: ${acceptedForms}`,
  );
}

function checkedModel(id: string, model: string, where: string): string {
  if (model === '') throw invalid(id, `names no model${where}`);
  if (/\s/.test(model)) throw invalid(id, 'has a model name with spaces in it');
  return model;
}

/**
 * Parses a configured embedder id. `openai-compatible` splits at the first `#`, since a base URL has
 * no use for a fragment while model names may contain `:` and `/` (`nomic-embed-text:latest`,
 * `BAAI/bge-small-en-v1.5`); the base URL loses its trailing slash. Anything else throws a
 * `RetrievalError` (`invalid_request`) listing the accepted forms.
 */
export function parseEmbedderId(id: string): EmbedderId {
  const trimmed = id.trim();
  if (trimmed === 'builtin') return { kind: 'builtin' };

  if (trimmed.startsWith('openai:')) {
    const model = checkedModel(id, trimmed.slice('openai:'.length).trim(), '');
    return { kind: 'openai', model };
  }

  if (trimmed.startsWith('openai-compatible:')) {
    const rest = trimmed.slice('openai-compatible:'.length);
    const separator = rest.indexOf('#');
    if (separator === -1) throw invalid(id, 'has no `#` between the base URL and the model');
    const baseUrl = rest.slice(0, separator).trim().replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw invalid(id, 'has no valid base URL before the `#`');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw invalid(id, 'has a base URL that is not http:// or https://');
    // The key travels separately (a bearer header), and the SDK appends `/embeddings` to the URL.
    if (url.username || url.password || url.search)
      throw invalid(id, 'has a base URL with credentials or a query string');
    const model = checkedModel(id, rest.slice(separator + 1).trim(), ' after the `#`');
    return { kind: 'openai-compatible', baseUrl, model };
  }

  throw invalid(id, 'is not recognised');
}
