import type { Migration } from './migration.js';

/**
 * Documents and their embedded chunks for retrieval. The vector column needs pgvector; on a server
 * without it this migration waits, and only retrieval is unavailable.
 */
export const documentsMigration: Migration = {
  version: 2,
  name: 'documents and embeddings',
  requires: ['vector'],
  sql: `
    CREATE TABLE hale.document (
      document_id bigserial PRIMARY KEY,
      source text NOT NULL,
      path text NOT NULL,
      title text NOT NULL,
      content_hash text NOT NULL,
      allowed_roles text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (source, path)
    );
    CREATE TABLE hale.document_chunk (
      chunk_id bigserial PRIMARY KEY,
      document_id bigint NOT NULL REFERENCES hale.document ON DELETE CASCADE,
      ordinal integer NOT NULL,
      content text NOT NULL,
      embedder text NOT NULL,
      dimension integer NOT NULL,
      embedding vector NOT NULL,
      UNIQUE (document_id, ordinal)
    );
  `,
};
