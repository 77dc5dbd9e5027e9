import type { Migration } from './migration.js';

/**
 * Vectors for the chunks. The column has no dimension here: the embedder decides it, and switching
 * embedders retypes the column to `vector(n)` and rebuilds the HNSW index (see the retrieval
 * module's embedding space). `hale.embedding_space` records the embedder the stored vectors came
 * from, with its fitted state for the built-in one.
 */
export const chunkEmbeddingsMigration: Migration = {
  version: 7,
  name: 'chunk embeddings',
  requires: ['vector'],
  sql: `
    ALTER TABLE hale.chunks ADD COLUMN embedder text, ADD COLUMN embedding vector;
    CREATE TABLE hale.embedding_space (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      embedder text NOT NULL,
      dimension integer NOT NULL CHECK (dimension > 0),
      state jsonb,
      state_version text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
