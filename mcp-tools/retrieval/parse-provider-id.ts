/**
 * Which provider a configured id names: the built-in model, OpenAI, or any server speaking the
 * OpenAI protocol. Embedder ids (`HALE_EMBEDDER`) and chat model ids (`HALE_MODEL`) share this
 * grammar; each caller wraps a rejection in its own typed error.
 */
export type ProviderId =
  | { kind: 'builtin' }
  | { kind: 'openai'; model: string }
  | { kind: 'openai-compatible'; baseUrl: string; model: string };

/** A parsed id, or what is wrong with it as a phrase that follows the id ("… is not recognised"). */
export type ProviderIdParse = { ok: true; id: ProviderId } | { ok: false; problem: string };

function checkedModel(model: string, where: string): ProviderIdParse | string {
  if (model === '') return { ok: false, problem: `names no model${where}` };
  if (/\s/.test(model)) return { ok: false, problem: 'has a model name with spaces in it' };
  return model;
}

/**
 * Parses a provider id. `openai-compatible` splits at the first `#`, since a base URL has no use
 * for a fragment while model names may contain `:` and `/` (`nomic-embed-text:latest`,
 * `BAAI/bge-small-en-v1.5`); the base URL loses its trailing slash. Pure: it never throws.
 */
export function parseProviderId(text: string): ProviderIdParse {
  const trimmed = text.trim();
  if (trimmed === 'builtin') return { ok: true, id: { kind: 'builtin' } };

  if (trimmed.startsWith('openai:')) {
    const model = checkedModel(trimmed.slice('openai:'.length).trim(), '');
    if (typeof model !== 'string') return model;
    return { ok: true, id: { kind: 'openai', model } };
  }

  if (trimmed.startsWith('openai-compatible:')) {
    const rest = trimmed.slice('openai-compatible:'.length);
    const separator = rest.indexOf('#');
    if (separator === -1) return { ok: false, problem: 'has no `#` between the base URL and the model' };
    const baseUrl = rest.slice(0, separator).trim().replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      return { ok: false, problem: 'has no valid base URL before the `#`' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, problem: 'has a base URL that is not http:// or https://' };
    // The key travels separately (a bearer header), and the SDK appends its path to the URL.
    if (url.username || url.password || url.search)
      return { ok: false, problem: 'has a base URL with credentials or a query string' };
    const model = checkedModel(rest.slice(separator + 1).trim(), ' after the `#`');
    if (typeof model !== 'string') return model;
    return { ok: true, id: { kind: 'openai-compatible', baseUrl, model } };
  }

  return { ok: false, problem: 'is not recognised' };
}

/** The id as configured: `parseProviderId(formatProviderId(id))` gives `id` back. */
export function formatProviderId(id: ProviderId): string {
  switch (id.kind) {
    case 'builtin':
      return 'builtin';
    case 'openai':
      return `openai:${id.model}`;
    case 'openai-compatible':
      return `openai-compatible:${id.baseUrl}#${id.model}`;
  }
}

/** The accepted forms, for an error message, with one example model for each hosted form. */
export function acceptedProviderIdForms({
  openaiModel,
  compatibleModel,
}: {
  /** An OpenAI model, e.g. `text-embedding-3-small`. */
  openaiModel: string;
  /** A model of a local server at `http://localhost:11434/v1` (Ollama's address). */
  compatibleModel: string;
}): string {
  return [
    '`builtin` (the default)',
    `\`openai:<model>\`, such as \`openai:${openaiModel}\``,
    `\`openai-compatible:<base-url>#<model>\`, such as \`openai-compatible:http://localhost:11434/v1#${compatibleModel}\``,
  ].join('; ');
}
