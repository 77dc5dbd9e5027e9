import type { Migration } from './migration.js';

/**
 * The first draft of the document tables, retired by migration 6 (`hale.documents`, `hale.chunks`),
 * which drops them. Kept so databases that applied it still verify.
 */
export const documentsMigration: Migration = {
  version: 2,
  name: 'documents and embeddings',
  requires: ['vector'],
  retired: true,
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
