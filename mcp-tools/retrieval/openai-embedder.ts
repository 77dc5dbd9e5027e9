import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, embedMany, JSONParseError, RetryError, TypeValidationError } from 'ai';
import type { Embedder } from './embedder.js';
import { RetrievalError } from './retrieval-error.js';

const openAiBaseUrl = 'https://api.openai.com/v1';
/**
 * Sent to a compatible server configured without a key. `createOpenAI` falls back to
 * `OPENAI_API_KEY` (and `OPENAI_BASE_URL`) when a setting is missing, so both are always passed.
 */
const keylessPlaceholder = 'no-key';
/** Longest server message quoted in an error; proxies sometimes answer whole HTML pages. */
const maxQuotedLength = 300;

/**
 * An embedder over any OpenAI-protocol embeddings endpoint (OpenAI itself, or Ollama, vLLM, LiteLLM,
 * LM Studio at `baseUrl`) through the AI SDK's `embedMany`. Texts go in batches of `batchSize`, one
 * request at a time; each request may take `timeoutMs` and is retried up to `maxRetries` times on a
 * network error, 408, 409, 429 or 5xx (honouring `retry-after-ms`/`retry-after`). Vectors are checked
 * (one per text, finite, one dimension) and normalised to unit length. Failures throw a
 * `RetrievalError` (`embedding_failed`) whose message names the endpoint, never the key; an abort
 * through `signal` rejects with the signal's reason.
 */
export function createOpenAiEmbedder({
  id,
  model,
  baseUrl,
  apiKey,
  batchSize = 64,
  maxRetries = 2,
  timeoutMs = 30_000,
  fetch = globalThis.fetch,
}: {
  /** The id recorded with the vectors, such as `openai:text-embedding-3-small`. */
  id: string;
  model: string;
  /** An OpenAI-protocol base URL ending in `/v1`; OpenAI's when absent. */
  baseUrl?: string;
  /** Required for OpenAI; optional for a compatible server that needs none. */
  apiKey?: string;
  batchSize?: number;
  maxRetries?: number;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}): Embedder {
  if (baseUrl !== undefined && !isPlainHttpUrl(baseUrl))
    throw new RetrievalError(
      'invalid_request',
      'the embedding base URL must be http(s) without credentials or query, such as http://localhost:11434/v1',
    );
  if (baseUrl === undefined && !apiKey)
    throw new RetrievalError('invalid_request', `the embedder ${id} needs an OpenAI API key`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2048)
    throw new RetrievalError(
      'invalid_request',
      `the embedding batch size must be 1 to 2048, not ${batchSize}`,
    );
  if (!Number.isInteger(maxRetries) || maxRetries < 0)
    throw new RetrievalError(
      'invalid_request',
      `the embedding retry count must be 0 or more, not ${maxRetries}`,
    );
  if (!(timeoutMs > 0))
    throw new RetrievalError('invalid_request', `the embedding timeout must be positive, not ${timeoutMs}`);

  const endpoint = (baseUrl ?? openAiBaseUrl).replace(/\/+$/, '');
  const embeddingModel = createOpenAI({
    baseURL: endpoint,
    apiKey: apiKey || keylessPlaceholder,
    fetch: withTimeout(fetch, timeoutMs),
  }).embedding(model);
  const failure = (message: string, cause?: unknown) =>
    new RetrievalError('embedding_failed', redacted(message, apiKey), { cause });

  return {
    id,
    async embed(texts, options) {
      const signal = options?.signal;
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        signal?.throwIfAborted();
        const batch = texts.slice(start, start + batchSize);
        let embeddings: number[][];
        try {
          ({ embeddings } = await embedMany({
            model: embeddingModel,
            values: batch,
            maxRetries,
            maxParallelCalls: 1,
            abortSignal: signal,
          }));
        } catch (error) {
          signal?.throwIfAborted();
          throw failure(describeFailure(error, { endpoint, timeoutMs }), error);
        }
        const problem = shapeProblem(embeddings, { texts: batch.length, dimension: vectors[0]?.length });
        if (problem) throw failure(`the embedding endpoint ${endpoint} answered ${problem} (model ${model})`);
        vectors.push(...embeddings.map(unitLength));
      }
      return vectors;
    },
  };
}

/** Each attempt gets its own deadline, so a retry after a slow failure still has the full time. */
function withTimeout(fetchFunction: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetchFunction(input, { ...init, signal });
  };
}

/** http(s), with no credentials to leak into messages and no query for `/embeddings` to break. */
function isPlainHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      !parsed.username &&
      !parsed.password &&
      !parsed.search &&
      !parsed.hash
    );
  } catch {
    return false;
  }
}

function redacted(text: string, apiKey: string | undefined): string {
  return apiKey ? text.replaceAll(apiKey, '[redacted]') : text;
}

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxQuotedLength ? `${oneLine.slice(0, maxQuotedLength)}…` : oneLine;
}

/** A message for a failed `embedMany` call: HTTP status and server message, unreachable, or timeout. */
function describeFailure(error: unknown, { endpoint, timeoutMs }: { endpoint: string; timeoutMs: number }) {
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const attempts = RetryError.isInstance(error) ? ` (after ${error.errors.length} attempts)` : '';
  if (last instanceof Error && last.name === 'TimeoutError')
    return `the embedding endpoint ${endpoint} did not answer within ${timeoutMs} ms`;
  if (APICallError.isInstance(last)) {
    if (last.statusCode === undefined) {
      const reason = last.cause instanceof Error && last.cause.message ? last.cause.message : last.message;
      return `cannot reach the embedding endpoint ${endpoint}: ${quoted(reason)}${attempts}`;
    }
    if (last.statusCode < 300) {
      const reason = JSONParseError.isInstance(last.cause)
        ? 'a body that is not JSON'
        : TypeValidationError.isInstance(last.cause)
          ? 'a body without `data[].embedding` number arrays'
          : quoted(last.message);
      return `the embedding endpoint ${endpoint} answered ${last.statusCode} with ${reason}`;
    }
    return `the embedding endpoint ${endpoint} answered ${last.statusCode}: ${quoted(last.message)}${attempts}`;
  }
  return `the embedding endpoint ${endpoint} failed: ${quoted(last instanceof Error ? last.message : String(last))}`;
}

/** What is wrong with a batch's vectors, or undefined: one per text, finite, all of one dimension. */
function shapeProblem(
  embeddings: number[][],
  { texts, dimension }: { texts: number; dimension: number | undefined },
): string | undefined {
  if (embeddings.length !== texts) return `${embeddings.length} vectors for ${texts} texts`;
  const expected = dimension ?? embeddings[0]?.length;
  for (const [index, vector] of embeddings.entries()) {
    if (vector.length === 0) return `an empty vector for text ${index + 1} of the batch`;
    if (vector.length !== expected)
      return `vectors of different dimensions (${expected} and ${vector.length}, at text ${index + 1} of the batch)`;
    if (!vector.every(Number.isFinite))
      return `a vector with a non-finite value for text ${index + 1} of the batch`;
  }
  return undefined;
}

/** Scaled to unit length, so cosine similarity is an inner product; a zero vector stays zero. */
function unitLength(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
