import { createHash } from 'node:crypto';
import type { Embedder } from './embedder.js';
import { embedLocally, fitLocalEmbedder, type LocalEmbedderState } from './local-embedder.js';

/**
 * Where embedders come from. Most embedders are fixed (`state` is null); the built-in one learns
 * from the corpus which features are rare, so it is fitted first and its state stored with the
 * vectors: a query must be embedded with the same state as the chunks it is compared with.
 */
export interface EmbeddingProvider {
  /** The embedder's identity (`builtin`, `openai:text-embedding-3-small` …). */
  readonly id: string;
  /** Learns from the corpus; absent for embedders that learn nothing. */
  fit?(texts: readonly string[]): unknown;
  /** The embedder for a state: `fit`'s result, or null. */
  embedderFor(state: unknown): Embedder;
}

/** A short, stable identifier of a fitted state, recorded with every vector. */
export function stateVersion(state: unknown): string {
  if (state === null || state === undefined) return 'fixed';
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 12);
}

/** The dimension of the built-in embedder: small enough for fast HNSW builds, large enough to separate. */
export const builtinDimension = 384;

function isLocalState(value: unknown): value is LocalEmbedderState {
  const state = value as LocalEmbedderState | null;
  return (
    typeof state === 'object' &&
    state !== null &&
    Number.isInteger(state.dimension) &&
    Number.isInteger(state.documents) &&
    Array.isArray(state.documentFrequencies) &&
    state.documentFrequencies.length === state.dimension
  );
}

/** The built-in, offline, deterministic embedder (`local-embedder.ts`). */
export function builtinEmbeddingProvider(dimension = builtinDimension): EmbeddingProvider {
  return {
    id: 'builtin',
    fit: (texts) => fitLocalEmbedder(texts, dimension),
    embedderFor(state) {
      // Before any corpus exists, unweighted features still give usable vectors.
      const fitted = isLocalState(state) ? state : fitLocalEmbedder([], dimension);
      return {
        id: 'builtin',
        embed: async (texts) => texts.map((text) => embedLocally(text, fitted)),
      };
    },
  };
}

/** A provider for an embedder that learns nothing from the corpus (the OpenAI-protocol ones). */
export function fixedEmbeddingProvider(embedder: Embedder): EmbeddingProvider {
  return { id: embedder.id, embedderFor: () => embedder };
}
