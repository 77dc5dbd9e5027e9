import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClientWaiter, readScriptedRequest, sendError, sendJson } from './scripted-http.js';

/** A fault the server answers instead of (or before) a normal response. */
export type EmbeddingServerFault =
  /** An OpenAI-style error body; `retryAfterMs` sends `retry-after-ms`, which the AI SDK honours. */
  | { kind: 'status'; status: number; message: string; type?: string; code?: string; retryAfterMs?: number }
  /** Waits, then answers normally. */
  | { kind: 'delay'; ms: number }
  /** The last vector of the response is one element short. */
  | { kind: 'wrong-dimension' }
  /** A 200 whose body is not JSON. */
  | { kind: 'malformed-json' }
  /** A well-formed response with an empty `data` list. */
  | { kind: 'no-vectors' };

/** One request as the server received it. */
export interface RecordedEmbeddingRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

export interface ScriptedEmbeddingServer {
  /** The OpenAI-style base URL, ending in `/v1`. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedEmbeddingRequest[];
  /** The next `times` requests answer `fault` (faults queue in the order they were scripted). */
  failNext(fault: EmbeddingServerFault, options?: { times?: number }): void;
  /** The raw (not normalised) vector the server answers for a text. */
  vectorOf(text: string): number[];
  close(): Promise<void>;
}

/** FNV-1a, 32 bits: seeds the vector of a text. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** Mulberry32 values in [-1, 1): deterministic, and deliberately not of unit length. */
function deterministicVector(text: string, dimension: number): number[] {
  let state = hash(text);
  return Array.from({ length: dimension }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 31 - 1;
  });
}

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI embeddings protocol (`POST /v1/embeddings`),
 * with vectors hashed from the text, scriptable faults, and a record of every request it received.
 */
export async function startScriptedEmbeddingServer({
  dimension = 16,
}: {
  dimension?: number;
} = {}): Promise<ScriptedEmbeddingServer> {
  const requests: RecordedEmbeddingRequest[] = [];
  const faults: EmbeddingServerFault[] = [];
  const { wait, cancelAll } = createClientWaiter();

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const { body, path } = await readScriptedRequest(request);
    requests.push({ method: request.method ?? '', path, authorization: request.headers.authorization, body });

    if (path !== '/v1/embeddings') return sendError(response, 404, { message: `Unknown path ${path}` });
    if (request.method !== 'POST')
      return sendError(response, 405, { message: `Method ${request.method} not allowed` });

    const fault = faults.shift();
    if (fault?.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(fault.retryAfterMs) };
      return sendError(response, fault.status, { ...fault, headers });
    }
    if (fault?.kind === 'delay' && !(await wait(fault.ms, response))) return;
    if (fault?.kind === 'malformed-json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end('{"object": "list", "data": [');
    }

    const { model, input, encoding_format: encodingFormat } = (body ?? {}) as Record<string, unknown>;
    if (typeof model !== 'string' || model === '')
      return sendError(response, 400, { message: "'model' is required" });
    const inputs = typeof input === 'string' ? [input] : input;
    if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((item) => typeof item === 'string'))
      return sendError(response, 400, {
        message: "'input' must be a string or a non-empty array of strings",
      });
    if (encodingFormat !== undefined && encodingFormat !== 'float' && encodingFormat !== 'base64')
      return sendError(response, 400, { message: "'encoding_format' must be 'float' or 'base64'" });

    const vectors =
      fault?.kind === 'no-vectors' ? [] : inputs.map((item) => deterministicVector(item, dimension));
    if (fault?.kind === 'wrong-dimension') vectors.at(-1)?.pop();
    const tokens = inputs.reduce((sum, item) => sum + item.split(/\s+/).filter(Boolean).length, 0);
    sendJson(response, 200, {
      object: 'list',
      data: vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding:
          encodingFormat === 'base64'
            ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
            : vector,
      })),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, { message: String(error), type: 'server_error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext(fault, { times = 1 } = {}) {
      for (let count = 0; count < times; count++) faults.push(fault);
    },
    vectorOf: (text) => deterministicVector(text, dimension),
    close() {
      cancelAll();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
