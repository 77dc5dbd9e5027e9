import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, type LanguageModelV3 } from '@ai-sdk/provider';
import { AgentError } from '../agent-error.js';
import type { ModelId } from './parse-model-id.js';

/** OpenAI's API, for `openai:` ids when no base URL override (`OPENAI_BASE_URL`) is set. */
export const openAiBaseUrl = 'https://api.openai.com/v1';

/**
 * The cause of a timed-out model request: no response headers (`response`), or no data for too
 * long while the body streamed (`stream`). It travels inside a retryable `APICallError`. Its
 * `code` is Node's `ETIMEDOUT` because the SDK's `handleFetchError` (provider-utils) marks an error
 * with that code in its cause chain retryable when it rewraps a body-read failure.
 */
export class ModelRequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  readonly phase: 'response' | 'stream';
  readonly timeoutMs: number;

  constructor(phase: 'response' | 'stream', timeoutMs: number) {
    super(
      phase === 'response'
        ? `no response within ${timeoutMs} ms`
        : `the response stopped: no data for ${timeoutMs} ms`,
    );
    this.name = 'ModelRequestTimeoutError';
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The AI SDK language model for an `openai:` or `openai-compatible:` id, over the Chat Completions
 * protocol, with a timeout on every HTTP request. Nothing is read from the environment: the key,
 * the OpenAI base URL override and the timeout arrive as settings. An `openai:` id without a key
 * throws an `AgentError` (`provider_auth`) naming `OPENAI_API_KEY`.
 *
 * Retries are left to the caller's `maxRetries` (`streamText`/`generateText`, default 2): the SDK
 * wraps each model call in `retryWithExponentialBackoffRespectingRetryHeaders`
 * (node_modules/ai/src/util/retry-with-exponential-backoff.ts, used by
 * node_modules/ai/src/util/prepare-retries.ts), which retries every `APICallError` with
 * `isRetryable` (408, 409, 429, 5xx and network failures, per
 * @ai-sdk/provider/src/errors/api-call-error.ts and provider-utils/src/handle-fetch-error.ts) after
 * 2 s, then 4 s …, or after `retry-after-ms`/`retry-after` when the server sends one under 60 s. A
 * timeout here is such an error, so it is retried too; a plain abort would not be (the SDK never
 * retries an `AbortError`/`TimeoutError`). A stream is retried only until its first output chunk
 * (the OpenAI provider reads ahead to it inside `doStream`): a stall or a lost connection after
 * text has streamed makes `fullStream` throw, never a silent second answer.
 */
export function createOpenAiLanguageModel(
  id: Exclude<ModelId, { kind: 'builtin' }>,
  settings: {
    apiKey?: string;
    /** For `openai:` only (`OPENAI_BASE_URL`): a proxy or gateway in front of OpenAI. */
    baseUrl?: string;
    /** How long to wait for response headers, and at most between two chunks of a response. */
    requestTimeoutMs: number;
    fetch?: typeof fetch;
  },
): LanguageModelV3 {
  const apiKey = settings.apiKey === '' ? undefined : settings.apiKey;
  if (id.kind === 'openai' && apiKey === undefined)
    throw new AgentError(
      'provider_auth',
      `HALE_MODEL names an OpenAI model (openai:${id.model}) but no OpenAI API key is set: set OPENAI_API_KEY, or choose another HALE_MODEL.`,
    );
  const provider = createOpenAI({
    // Always explicit: left undefined, the SDK would read OPENAI_BASE_URL from the environment.
    baseURL: id.kind === 'openai' ? (settings.baseUrl ?? openAiBaseUrl) : id.baseUrl,
    // Always a string: left undefined, the SDK would read OPENAI_API_KEY from the environment and
    // send OpenAI's key to whatever compatible server is configured. Without a key the header is
    // dropped below rather than sent as an empty `Bearer `.
    apiKey: apiKey ?? '',
    name: id.kind,
    fetch: fetchWithTimeouts({
      fetch: settings.fetch ?? globalThis.fetch,
      timeoutMs: settings.requestTimeoutMs,
      sendAuthorization: apiKey !== undefined,
    }),
  });
  // Chat Completions for `openai:` too, not the SDK's default Responses API: one protocol for every
  // server (Ollama, vLLM, LiteLLM and LM Studio speak only this one), one path under test against the
  // scripted server, and nothing kept on OpenAI's side (Responses stores conversations unless told
  // not to; Hale sends governed query results). The cost: reasoning models do not carry their
  // reasoning across tool steps.
  return provider.chat(id.model);
}

/**
 * Wraps `fetch` so that a request fails with a retryable `APICallError` when the response headers
 * take longer than `timeoutMs`, or when the body (a stream) goes `timeoutMs` without a chunk. The
 * caller's abort signal still aborts the request as a plain abort.
 */
function fetchWithTimeouts({
  fetch,
  timeoutMs,
  sendAuthorization,
}: {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  sendAuthorization: boolean;
}): typeof globalThis.fetch {
  return async (input, init = {}) => {
    const timeout = new AbortController();
    const callerSignal = init.signal ?? undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
    const url = input instanceof Request ? input.url : String(input);
    const timedOut = (phase: 'response' | 'stream') => {
      const cause = new ModelRequestTimeoutError(phase, timeoutMs);
      return new APICallError({
        message: `The model request timed out: ${cause.message}`,
        url,
        requestBodyValues: jsonOrText(init.body),
        cause,
        isRetryable: true,
      });
    };
    const headers = new Headers(init.headers);
    if (!sendAuthorization) headers.delete('authorization');

    const headersTimer = setTimeout(() => timeout.abort(timedOut('response')), timeoutMs);
    let response: Response;
    try {
      response = await fetch(input, { ...init, headers, signal });
    } catch (error) {
      if (timeout.signal.aborted && !callerSignal?.aborted) throw timeout.signal.reason;
      throw error;
    } finally {
      clearTimeout(headersTimer);
    }
    if (response.body === null) return response;

    const reader = response.body.getReader();
    const guardedBody = new ReadableStream<Uint8Array>({
      // Timed only while a chunk is awaited: a slow consumer (backpressure) is not the server's fault.
      async pull(controller) {
        let idleTimer: NodeJS.Timeout | undefined;
        try {
          const chunk = await new Promise<Awaited<ReturnType<typeof reader.read>>>((resolve, reject) => {
            idleTimer = setTimeout(() => {
              const error = timedOut('stream');
              timeout.abort(error);
              reject(error);
            }, timeoutMs);
            reader.read().then(resolve, reject);
          });
          if (chunk.done) controller.close();
          else controller.enqueue(chunk.value);
        } finally {
          clearTimeout(idleTimer);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(guardedBody, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function jsonOrText(body: RequestInit['body']): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
