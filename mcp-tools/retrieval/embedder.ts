/**
 * The embedding port. An embedder turns texts into unit-length vectors of one dimension; its `id`
 * is recorded with every stored vector, so vectors from different embedders are never compared.
 */
export interface Embedder {
  /** Identity recorded with each vector: `builtin`, `openai:text-embedding-3-small` … */
  readonly id: string;
  /** Vectors for texts, in order. Throws a `RetrievalError` (`embedding_failed`) on failure. */
  embed(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}
