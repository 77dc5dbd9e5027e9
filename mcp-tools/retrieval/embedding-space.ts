import type { Queryable } from '../db/index.js';

/** The embedder the stored vectors came from: all vectors of `hale.chunks` share it. */
export interface EmbeddingSpace {
  embedder: string;
  dimension: number;
  /** The built-in embedder's fitted state; null for embedders that learn nothing. */
  state: unknown;
  stateVersion: string;
}

/** The name of the HNSW index; dropped while all vectors are rewritten, rebuilt after. */
export const vectorIndexName = 'chunks_embedding_hnsw';

/** The current embedding space, or undefined before the first vector was stored. */
export async function readEmbeddingSpace(database: Queryable): Promise<EmbeddingSpace | undefined> {
  const result = await database.query<{
    embedder: string;
    dimension: number;
    state: unknown;
    state_version: string;
  }>('SELECT embedder, dimension, state, state_version FROM hale.embedding_space');
  const [row] = result.rows;
  if (!row) return undefined;
  const state = typeof row.state === 'string' ? JSON.parse(row.state) : row.state;
  return { embedder: row.embedder, dimension: row.dimension, state, stateVersion: row.state_version };
}

/**
 * Starts a new embedding space: every stored vector is cleared, the column is retyped to
 * `vector(dimension)` (HNSW needs a fixed dimension) and the index dropped until the vectors are back.
 * Runs inside the ingestion's transaction, so readers see the old space or the new one, never a mix.
 */
export async function startEmbeddingSpace(transaction: Queryable, space: EmbeddingSpace): Promise<void> {
  await transaction.exec(`DROP INDEX IF EXISTS hale.${vectorIndexName}`);
  await transaction.exec('UPDATE hale.chunks SET embedding = NULL, embedder = NULL');
  await transaction.exec(
    `ALTER TABLE hale.chunks ALTER COLUMN embedding TYPE vector(${Math.trunc(space.dimension)})`,
  );
  await transaction.query(
    `INSERT INTO hale.embedding_space (embedder, dimension, state, state_version, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, now())
     ON CONFLICT (singleton) DO UPDATE SET embedder = excluded.embedder, dimension = excluded.dimension,
       state = excluded.state, state_version = excluded.state_version, updated_at = now()`,
    [space.embedder, space.dimension, JSON.stringify(space.state ?? null), space.stateVersion],
  );
}

/**
 * Builds the HNSW index (cosine distance) once vectors are stored; does nothing if it exists. Denser
 * than pgvector's defaults (m 16, ef_construction 64): the built-in embedder's hashed vectors are
 * hard for graph search, and on 20,000 synthetic chunks the defaults reached recall@10 0.87 at
 * ef_search 100 where these reach 0.95 (0.99 at 200), for a build 3.5 times longer.
 */
export async function ensureVectorIndex(transaction: Queryable): Promise<void> {
  // The default 64 MB does not hold the graph of 100,000 vectors of 384 dimensions; a build that
  // overflows it goes on much more slowly on disk. Local to the ingestion's transaction.
  await transaction.exec("SET LOCAL maintenance_work_mem = '512MB'");
  await transaction.exec(
    `CREATE INDEX IF NOT EXISTS ${vectorIndexName} ON hale.chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 32, ef_construction = 128)`,
  );
}
