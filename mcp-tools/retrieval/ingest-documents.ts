import pgvector from 'pgvector';
import type { Database, Queryable } from '../db/index.js';
import { chunkMarkdown } from './chunk-markdown.js';
import { documentHash } from './document-hash.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import { stateVersion } from './embedding-provider.js';
import { ensureVectorIndex, readEmbeddingSpace, startEmbeddingSpace } from './embedding-space.js';
import { chunkSearchVectorSql, splitProseAndCode } from './full-text-query.js';
import { RetrievalError } from './retrieval-error.js';
import type { SourceDocument } from './source-document.js';

/** Arbitrary constant shared by every Hale process: one ingestion at a time per database. */
const ingestionLockKey = 7_341_120_907;
/** Documents written per statement. */
const documentBatchSize = 200;
/** Chunks embedded and written per round trip. */
const embeddingBatchSize = 256;
/**
 * The built-in embedder is refitted when the number of chunks moved this much since it was fitted.
 * Refitting rewrites every vector and rebuilds the index; below this, new chunks use the existing
 * weights, whose rarity estimates a few more documents barely change.
 */
const refitDrift = 0.2;

/** Where ingestion stands, for progress output. */
export type IngestionProgress =
  | { phase: 'documents'; done: number; total: number }
  | { phase: 'embedding'; done: number; total: number; embedder: string; reembedding: boolean }
  | { phase: 'indexing' };

/** What an ingestion changed. */
export interface IngestionReport {
  collection: string;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  /** Chunks written for the added and updated documents. */
  chunks: number;
  /** Chunks embedded; every chunk of the store when `reembedded`. */
  embedded: number;
  /** The embedder changed (or was refitted): every vector was rewritten. */
  reembedded: boolean;
  /** The embedder of the stored vectors; absent without pgvector. */
  embedder?: string;
}

/** The text a chunk is embedded by: where it sits in its document, then its words. */
export function chunkEmbeddingText(title: string, headingPath: readonly string[], content: string): string {
  return [title, headingPath.join(' > '), content].filter(Boolean).join('\n');
}

async function writeDocuments(
  transaction: Queryable,
  collection: string,
  documents: readonly { document: SourceDocument; hash: string }[],
): Promise<number> {
  const inserted = await transaction.query<{ document_id: string | number; document_key: string }>(
    `INSERT INTO hale.documents (collection, document_key, source_type, title, source, tags, allowed_roles, content, content_hash)
     SELECT $1, d.key, d.source_type, d.title, d.source, d.tags, d.allowed_roles, d.content, d.hash
     FROM jsonb_to_recordset($2::jsonb) AS d(key text, source_type text, title text, source text, tags text[], allowed_roles text[], content text, hash text)
     RETURNING document_id, document_key`,
    [
      collection,
      JSON.stringify(
        documents.map(({ document, hash }) => ({
          key: document.key,
          source_type: document.sourceType,
          title: document.title,
          source: document.source,
          tags: document.tags,
          allowed_roles: document.allowedRoles,
          content: document.content,
          hash,
        })),
      ),
    ],
  );
  const idOf = new Map(inserted.rows.map((row) => [row.document_key, Number(row.document_id)]));
  const chunks = documents.flatMap(({ document }) =>
    chunkMarkdown(document.content).map((chunk) => {
      const { prose, code } = splitProseAndCode(chunk.content);
      return {
        document_id: idOf.get(document.key),
        ordinal: chunk.ordinal,
        heading_path: chunk.headingPath,
        heading_text: [...chunk.headingPath, ...document.tags].join(' '),
        content: chunk.content,
        prose,
        code,
      };
    }),
  );
  if (chunks.length === 0) return 0;
  await transaction.query(
    `INSERT INTO hale.chunks (document_id, ordinal, heading_path, content, source_type, tags, allowed_roles, search_vector)
     SELECT c.document_id, c.ordinal, c.heading_path, c.content, d.source_type, d.tags, d.allowed_roles,
       ${chunkSearchVectorSql({ title: 'd.title', headings: 'c.heading_text', prose: 'c.prose', code: 'c.code' })}
     FROM jsonb_to_recordset($1::jsonb) AS c(document_id bigint, ordinal integer, heading_path text[], heading_text text, content text, prose text, code text)
     JOIN hale.documents d ON d.document_id = c.document_id`,
    [JSON.stringify(chunks)],
  );
  return chunks.length;
}

/** The texts chunks are embedded by (`chunkEmbeddingText`), for some chunks or all, by chunk id. */
async function chunkTexts(
  transaction: Queryable,
  ids?: readonly number[],
): Promise<{ rows: { chunk_id: number; text: string }[] }> {
  const result = await transaction.query<{
    chunk_id: string | number;
    title: string;
    heading_path: string[];
    content: string;
  }>(
    `SELECT c.chunk_id, d.title, c.heading_path, c.content
     FROM hale.chunks c JOIN hale.documents d USING (document_id)
     ${ids ? 'WHERE c.chunk_id = ANY($1::bigint[])' : ''} ORDER BY c.chunk_id`,
    ids ? [ids] : [],
  );
  return {
    rows: result.rows.map((row) => ({
      chunk_id: Number(row.chunk_id),
      text: chunkEmbeddingText(row.title, row.heading_path, row.content),
    })),
  };
}

/** Recounts, per search term, the chunks holding it (and, as `*`, all chunks) for full-text IDF. */
async function refreshSearchTerms(transaction: Queryable): Promise<void> {
  await transaction.exec(`
    DELETE FROM hale.search_terms;
    INSERT INTO hale.search_terms (lexeme, chunks)
      SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM hale.chunks')
      UNION ALL SELECT '*', count(*) FROM hale.chunks;
  `);
}

/** Stores vectors for the given chunks, in batches, reporting progress. */
async function embedChunks(
  transaction: Queryable,
  {
    chunkIds,
    embedderTag,
    dimension,
    embed,
    onBatch,
  }: {
    chunkIds: readonly number[];
    embedderTag: string;
    dimension: number;
    embed(texts: string[]): Promise<number[][]>;
    onBatch(done: number): void;
  },
): Promise<void> {
  for (let start = 0; start < chunkIds.length; start += embeddingBatchSize) {
    const ids = chunkIds.slice(start, start + embeddingBatchSize);
    const texts = await chunkTexts(transaction, ids);
    const vectors = await embed(texts.rows.map((row) => row.text));
    if (vectors.length !== texts.rows.length || vectors.some((vector) => vector.length !== dimension))
      throw new RetrievalError(
        'embedding_failed',
        `the embedder ${embedderTag} returned ${vectors.length} vectors for ${texts.rows.length} texts, not all of ${dimension} dimensions`,
      );
    await transaction.query(
      `UPDATE hale.chunks c SET embedding = v.embedding::vector, embedder = $3
       FROM unnest($1::bigint[], $2::text[]) AS v(chunk_id, embedding) WHERE c.chunk_id = v.chunk_id`,
      [
        texts.rows.map((row) => Number(row.chunk_id)),
        vectors.map((vector) => pgvector.toSql(vector)),
        embedderTag,
      ],
    );
    onBatch(start + ids.length);
  }
}

/**
 * Makes a collection of the store (or the part of it `within` selects) hold exactly `documents`: new ones are added, changed ones (by
 * content hash) rewritten, missing ones removed with their chunks, unchanged ones left alone. With
 * pgvector, chunks are then embedded; when the embedder differs from the one of the stored vectors
 * (or the built-in one is refitted), every chunk is re-embedded and the index rebuilt. Everything runs
 * in one transaction under a lock: a failure (say, the embedding endpoint is down) leaves the store
 * as it was, and two processes never ingest at once.
 */
export async function ingestDocuments({
  database,
  collection,
  documents,
  provider,
  vectors,
  reembed = false,
  within,
  onProgress = () => {},
  signal,
}: {
  database: Database;
  /** `generated`, `knowledge`, or the folder given to `hale docs ingest`. */
  collection: string;
  documents: readonly SourceDocument[];
  provider: EmbeddingProvider;
  /** Whether the database has pgvector (migration 7 applied). */
  vectors: boolean;
  /** Re-embed every chunk even if the embedder did not change. */
  reembed?: boolean;
  /**
   * The stored documents this ingestion speaks for, by key; others of the collection are left alone
   * (ingesting one file of a folder must not remove its neighbours). Default: the whole collection.
   */
  within?: (key: string) => boolean;
  onProgress?: (progress: IngestionProgress) => void;
  signal?: AbortSignal;
}): Promise<IngestionReport> {
  const keys = new Set<string>();
  for (const document of documents) {
    if (keys.has(document.key))
      throw new RetrievalError(
        'invalid_document',
        `two documents share the key ${JSON.stringify(document.key)}`,
      );
    keys.add(document.key);
    if (document.allowedRoles.length === 0)
      throw new RetrievalError(
        'invalid_document',
        `${document.key}: no role may read it (allowed roles are empty)`,
      );
  }
  return database.transaction(async (transaction) => {
    await transaction.query('SELECT pg_advisory_xact_lock($1)', [ingestionLockKey]);
    const existing = await transaction.query<{
      document_id: string | number;
      document_key: string;
      content_hash: string;
    }>('SELECT document_id, document_key, content_hash FROM hale.documents WHERE collection = $1', [
      collection,
    ]);
    const stored = new Map(existing.rows.map((row) => [row.document_key, row]));
    const report: IngestionReport = {
      collection,
      added: [],
      updated: [],
      removed: [],
      unchanged: 0,
      chunks: 0,
      embedded: 0,
      reembedded: false,
    };
    const toWrite: { document: SourceDocument; hash: string }[] = [];
    const toDelete: number[] = [];
    for (const document of documents) {
      const hash = documentHash(document);
      const previous = stored.get(document.key);
      if (previous?.content_hash === hash) {
        report.unchanged++;
        continue;
      }
      if (previous) {
        toDelete.push(Number(previous.document_id));
        report.updated.push(document.key);
      } else report.added.push(document.key);
      toWrite.push({ document, hash });
    }
    for (const [key, row] of stored)
      if (!keys.has(key) && (within?.(key) ?? true)) {
        toDelete.push(Number(row.document_id));
        report.removed.push(key);
      }
    if (toDelete.length > 0)
      await transaction.query('DELETE FROM hale.documents WHERE document_id = ANY($1::bigint[])', [toDelete]);
    for (let start = 0; start < toWrite.length; start += documentBatchSize) {
      signal?.throwIfAborted();
      report.chunks += await writeDocuments(
        transaction,
        collection,
        toWrite.slice(start, start + documentBatchSize),
      );
      onProgress({
        phase: 'documents',
        done: Math.min(start + documentBatchSize, toWrite.length),
        total: toWrite.length,
      });
    }
    if (toWrite.length > 0 || toDelete.length > 0) await refreshSearchTerms(transaction);
    if (!vectors) return report;

    const space = await readEmbeddingSpace(transaction);
    const chunkCount = Number(
      (await transaction.query<{ count: string | number }>('SELECT count(*) AS count FROM hale.chunks'))
        .rows[0]?.count ?? 0,
    );
    const fittedOn = (space?.state as { documents?: number } | null)?.documents;
    const sameEmbedder = space?.embedder === provider.id;
    const refit =
      provider.fit !== undefined &&
      (!sameEmbedder ||
        reembed ||
        fittedOn === undefined ||
        Math.abs(chunkCount - fittedOn) > refitDrift * Math.max(fittedOn, 1));
    let state: unknown = sameEmbedder ? (space?.state ?? null) : null;
    if (refit && provider.fit) {
      state = provider.fit((await chunkTexts(transaction)).rows.map((row) => row.text));
    }
    const version = stateVersion(state);
    // Rewriting every vector is needed when vectors exist from another embedder or fitted state.
    let reembedding = space !== undefined && (!sameEmbedder || reembed || version !== space.stateVersion);
    const embedder = provider.embedderFor(state);
    const embedderTag = provider.fit ? `${provider.id}@${version}` : provider.id;
    const pendingIds = async () =>
      (
        await transaction.query<{ chunk_id: string | number }>(
          reembedding || !space
            ? 'SELECT chunk_id FROM hale.chunks ORDER BY chunk_id'
            : 'SELECT chunk_id FROM hale.chunks WHERE embedding IS NULL ORDER BY chunk_id',
        )
      ).rows.map((row) => Number(row.chunk_id));
    let chunkIds = await pendingIds();
    report.embedder = embedderTag;
    if (chunkIds.length === 0) return report;

    const embed = (texts: string[]) => embedder.embed(texts, signal ? { signal } : {});
    // The dimension comes from the embedder itself: one text tells it. An embedder that answers
    // another dimension than the stored vectors cannot share their column and index.
    const [probe] = await embed(['dimension probe']);
    const dimension = probe?.length ?? 0;
    if (dimension === 0)
      throw new RetrievalError('embedding_failed', `the embedder ${embedderTag} returned no vector`);
    if (!reembedding && space && dimension !== space.dimension) {
      reembedding = true;
      chunkIds = await pendingIds();
    }
    if (reembedding || !space)
      await startEmbeddingSpace(transaction, {
        embedder: provider.id,
        dimension,
        state,
        stateVersion: version,
      });
    await embedChunks(transaction, {
      chunkIds,
      embedderTag,
      dimension,
      embed,
      onBatch: (done) => {
        signal?.throwIfAborted();
        onProgress({ phase: 'embedding', done, total: chunkIds.length, embedder: embedderTag, reembedding });
      },
    });
    report.embedded = chunkIds.length;
    report.reembedded = reembedding;
    onProgress({ phase: 'indexing' });
    await ensureVectorIndex(transaction);
    return report;
  });
}
