import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAiEmbedder } from '../../mcp-tools/retrieval/openai-embedder.js';
import { RetrievalError } from '../../mcp-tools/retrieval/retrieval-error.js';
import {
  type ScriptedEmbeddingServer,
  startScriptedEmbeddingServer,
} from '../support/scripted-embedding-server.js';

const apiKey = 'sk-test-5a1e2b3c4d';
const texts = ['No-show: an appointment the patient missed.', 'Cancellation.', 'Teleconsultation.'];

const unit = (vector: number[]) => {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
};

async function failureOf(promise: Promise<unknown>): Promise<RetrievalError> {
  const error = await promise.then(
    () => expect.unreachable('expected the embedder to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RetrievalError);
  return error as RetrievalError;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the OpenAI-protocol embedder, over HTTP', () => {
  let server: ScriptedEmbeddingServer;
  const embedder = (options: Partial<Parameters<typeof createOpenAiEmbedder>[0]> = {}) =>
    createOpenAiEmbedder({
      id: 'openai-compatible:test#hash-embed',
      model: 'hash-embed',
      baseUrl: server.baseUrl,
      apiKey,
      ...options,
    });

  beforeEach(async () => {
    server = await startScriptedEmbeddingServer({ dimension: 16 });
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await server.close();
  });

  it('returns one unit vector per text, in order, the same each time', async () => {
    const first = await embedder().embed(texts);
    expect(first).toHaveLength(3);
    for (const [index, vector] of first.entries()) {
      expect(vector).toHaveLength(16);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
      const expected = unit(server.vectorOf(texts[index] ?? ''));
      for (const [position, value] of vector.entries()) expect(value).toBeCloseTo(expected[position] ?? 0, 6);
    }
    expect(first[0]).not.toEqual(first[1]);
    expect(await embedder().embed(texts)).toEqual(first);
  });

  it('sends the model name and the bearer key', async () => {
    await embedder().embed(['one']);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/v1/embeddings');
    expect(server.requests[0]?.authorization).toBe(`Bearer ${apiKey}`);
    expect(server.requests[0]?.body).toMatchObject({ model: 'hash-embed', input: ['one'] });
  });

  it('sends texts in batches of batchSize, keeping the order across batches', async () => {
    const many = Array.from({ length: 150 }, (_, index) => `text number ${index}`);
    const vectors = await embedder({ batchSize: 64 }).embed(many);
    const inputs = server.requests.map((request) => (request.body as { input: string[] }).input);
    expect(inputs.map((input) => input.length)).toEqual([64, 64, 22]);
    expect(inputs.flat()).toEqual(many);
    expect(vectors).toHaveLength(150);
    expect(vectors[149]?.[0]).toBeCloseTo(unit(server.vectorOf('text number 149'))[0] ?? 0, 6);
  });

  it('makes no request for no texts', async () => {
    expect(await embedder().embed([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('never falls back to OPENAI_API_KEY or OPENAI_BASE_URL from the environment', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-the-environment');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/v1');
    await embedder({ apiKey: undefined }).embed(['one']);
    expect(server.requests[0]?.authorization).not.toContain('sk-from-the-environment');

    const requested: string[] = [];
    const recordingFetch: typeof fetch = async (input) => {
      requested.push(String(input));
      return Response.json({ data: [{ embedding: [1, 0] }] });
    };
    await createOpenAiEmbedder({ id: 'openai:m', model: 'm', apiKey, fetch: recordingFetch }).embed(['one']);
    expect(requested).toEqual(['https://api.openai.com/v1/embeddings']);
  });

  it('refuses OpenAI itself without a key', () => {
    expect(() => createOpenAiEmbedder({ id: 'openai:m', model: 'm' })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
  });

  it('reports a 401 with the status and the server message, without the key', async () => {
    server.failNext({
      kind: 'status',
      status: 401,
      message: `Incorrect API key provided: ${apiKey}.`,
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
    const error = await failureOf(embedder().embed(texts));
    expect(error.code).toBe('embedding_failed');
    expect(error.message).toBe(
      `the embedding endpoint ${server.baseUrl} answered 401: Incorrect API key provided: [redacted].`,
    );
    expect(error.message).not.toContain(apiKey);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 500 and succeeds', async () => {
    server.failNext({ kind: 'status', status: 500, message: 'The server had an error', retryAfterMs: 0 });
    const vectors = await embedder().embed(texts);
    expect(vectors).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on repeated 429s after maxRetries, saying how many attempts it made', async () => {
    server.failNext(
      { kind: 'status', status: 429, message: 'Rate limit reached for requests', retryAfterMs: 0 },
      { times: 3 },
    );
    const error = await failureOf(embedder({ maxRetries: 2 }).embed(texts));
    expect(error.code).toBe('embedding_failed');
    expect(error.message).toBe(
      `the embedding endpoint ${server.baseUrl} answered 429: Rate limit reached for requests (after 3 attempts)`,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('times out a request that takes too long', async () => {
    server.failNext({ kind: 'delay', ms: 5_000 });
    const started = Date.now();
    const error = await failureOf(embedder({ timeoutMs: 200, maxRetries: 0 }).embed(texts));
    expect(error.message).toBe(`the embedding endpoint ${server.baseUrl} did not answer within 200 ms`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports an endpoint nobody listens on', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    const error = await failureOf(embedder({ baseUrl, maxRetries: 0 }).embed(texts));
    expect(error.code).toBe('embedding_failed');
    expect(error.message).toMatch(
      new RegExp(`^cannot reach the embedding endpoint ${baseUrl.replaceAll('.', '\\.')}: .*ECONNREFUSED`),
    );
  });

  it('rejects vectors of different dimensions within a response', async () => {
    server.failNext({ kind: 'wrong-dimension' });
    const error = await failureOf(embedder().embed(texts));
    expect(error.code).toBe('embedding_failed');
    expect(error.message).toContain('vectors of different dimensions (16 and 15, at text 3 of the batch)');
  });

  it('rejects a dimension that changes between batches', async () => {
    server.failNext({ kind: 'delay', ms: 0 });
    server.failNext({ kind: 'wrong-dimension' });
    const error = await failureOf(embedder({ batchSize: 2 }).embed(texts));
    expect(error.message).toContain('vectors of different dimensions (16 and 15, at text 1 of the batch)');
  });

  it('rejects a response without vectors', async () => {
    server.failNext({ kind: 'no-vectors' });
    const error = await failureOf(embedder().embed(texts));
    expect(error.message).toBe(
      `the embedding endpoint ${server.baseUrl} answered 0 vectors for 3 texts (model hash-embed)`,
    );
  });

  it('rejects a body that is not JSON', async () => {
    server.failNext({ kind: 'malformed-json' });
    const error = await failureOf(embedder().embed(texts));
    expect(error.message).toBe(
      `the embedding endpoint ${server.baseUrl} answered 200 with a body that is not JSON`,
    );
  });

  it('stops when the signal aborts, with the abort reason, and sends no further batches', async () => {
    server.failNext({ kind: 'delay', ms: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const outcome = embedder({ batchSize: 1 }).embed(texts, { signal: controller.signal });
    await expect(outcome).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const reason = new Error('the user pressed Ctrl-C');
    await expect(embedder().embed(texts, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects settings that cannot work', () => {
    for (const options of [
      { batchSize: 0 },
      { batchSize: 1.5 },
      { maxRetries: -1 },
      { timeoutMs: 0 },
      { baseUrl: 'localhost:11434/v1' },
      { baseUrl: 'http://user:secret@127.0.0.1:11434/v1' },
    ]) {
      expect(() => embedder(options)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    }
  });
});
