import { describe, expect, it } from 'vitest';
import { parseEmbedderId } from './parse-embedder-id.js';
import { RetrievalError } from './retrieval-error.js';

function failureOf(id: string): RetrievalError {
  try {
    parseEmbedderId(id);
  } catch (error) {
    if (error instanceof RetrievalError) return error;
    throw error;
  }
  throw new Error(`expected '${id}' to be rejected`);
}

describe('parseEmbedderId', () => {
  it('reads the built-in embedder', () => {
    expect(parseEmbedderId('builtin')).toEqual({ kind: 'builtin' });
    expect(parseEmbedderId('  builtin ')).toEqual({ kind: 'builtin' });
  });

  it('reads an OpenAI model', () => {
    expect(parseEmbedderId('openai:text-embedding-3-small')).toEqual({
      kind: 'openai',
      model: 'text-embedding-3-small',
    });
  });

  it('reads a compatible server, keeping `:` and `/` in the model and dropping a trailing slash', () => {
    expect(parseEmbedderId('openai-compatible:http://localhost:11434/v1/#nomic-embed-text:latest')).toEqual({
      kind: 'openai-compatible',
      baseUrl: 'http://localhost:11434/v1',
      model: 'nomic-embed-text:latest',
    });
    expect(parseEmbedderId('openai-compatible:https://llm.example.org/v1#BAAI/bge-small-en-v1.5')).toEqual({
      kind: 'openai-compatible',
      baseUrl: 'https://llm.example.org/v1',
      model: 'BAAI/bge-small-en-v1.5',
    });
  });

  it.each([
    ['', 'is not recognised'],
    ['local', 'is not recognised'],
    ['Builtin', 'is not recognised'],
    ['openai', 'is not recognised'],
    ['ollama:nomic-embed-text', 'is not recognised'],
    ['openai:', 'names no model'],
    ['openai:  ', 'names no model'],
    ['openai:text embedding', 'model name with spaces'],
    ['openai-compatible:http://localhost:11434/v1', 'has no `#`'],
    ['openai-compatible:http://localhost:11434/v1#', 'names no model after the `#`'],
    ['openai-compatible:localhost:11434#nomic-embed-text', 'not http:// or https://'],
    ['openai-compatible:ftp://example.org#model', 'not http:// or https://'],
    ['openai-compatible:#model', 'no valid base URL'],
    ['openai-compatible:https://user:secret@llm.example.org/v1#model', 'credentials or a query string'],
    ['openai-compatible:https://llm.example.org/v1?api-version=1#model', 'credentials or a query string'],
    ['openai-compatible:not a url#model', 'no valid base URL'],
  ])('rejects %j: %s, listing the accepted forms', (id, problem) => {
    const error = failureOf(id);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(problem);
    expect(error.message).toContain(`'${id}'`);
    expect(error.message).toContain('`builtin`');
    expect(error.message).toContain('`openai:text-embedding-3-small`');
    expect(error.message).toContain('`openai-compatible:http://localhost:11434/v1#nomic-embed-text`');
  });
});
