import type { Migration } from './migration.js';

/**
 * The document store for retrieval, usable without pgvector: documents with their readers' roles
 * and content hash, and their chunks with a full-text vector. The chunk metadata a search filters
 * on (source type, tags, allowed roles) is copied onto each chunk so the filters run inside the
 * index scans rather than after a join. Term statistics give full-text ranking its inverse document
 * frequencies. Vectors come with migration 7, which needs pgvector.
 */
export const documentStoreMigration: Migration = {
  version: 6,
  name: 'document store',
  sql: `
    DROP TABLE IF EXISTS hale.document_chunk;
    DROP TABLE IF EXISTS hale.document;
    CREATE TABLE hale.documents (
      document_id bigserial PRIMARY KEY,
      collection text NOT NULL,
      document_key text NOT NULL,
      source_type text NOT NULL
        CHECK (source_type IN ('metric', 'table', 'role', 'knowledge', 'verified_query', 'data_dictionary')),
      title text NOT NULL,
      source text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      allowed_roles text[] NOT NULL CHECK (cardinality(allowed_roles) > 0),
      content text NOT NULL,
      content_hash text NOT NULL,
      ingested_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (collection, document_key)
    );
    CREATE TABLE hale.chunks (
      chunk_id bigserial PRIMARY KEY,
      document_id bigint NOT NULL REFERENCES hale.documents ON DELETE CASCADE,
      ordinal integer NOT NULL,
      heading_path text[] NOT NULL DEFAULT '{}',
      content text NOT NULL,
      source_type text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      allowed_roles text[] NOT NULL,
      search_vector tsvector NOT NULL,
      UNIQUE (document_id, ordinal)
    );
    CREATE INDEX chunks_search_vector ON hale.chunks USING gin (search_vector);
    CREATE INDEX chunks_document ON hale.chunks (document_id);
    -- How many chunks hold each search term, for inverse document frequency in full-text ranking
    -- (ts_rank alone weighs "patient" like "dermatology"). The row '*' holds the number of chunks.
    CREATE TABLE hale.search_terms (
      lexeme text PRIMARY KEY,
      chunks integer NOT NULL
    );
  `,
};
