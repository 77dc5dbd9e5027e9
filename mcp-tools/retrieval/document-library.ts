import type { Database } from '../db/index.js';
import { type Principal, type QueryChannel, recordAuditEntry } from '../governance/index.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import { readEmbeddingSpace } from './embedding-space.js';
import { type DocumentHit, documentSearchSql, type SearchMode, searchDocuments } from './search-documents.js';
import { type DocumentSourceType, everyRole } from './source-document.js';

/** A search as a tool asks for it: the reader comes from authentication. */
export interface DocumentSearchRequest {
  principal: Principal;
  channel: QueryChannel;
  /** The tool asking, for the audit log. */
  tool: string;
  query: string;
  expansions?: readonly string[];
  sourceTypes?: readonly DocumentSourceType[];
  tags?: readonly string[];
  mode?: SearchMode;
  limit: number;
  signal?: AbortSignal;
}

/** What a search found, and how it searched. */
export interface DocumentSearchResult {
  hits: DocumentHit[];
  /** The ranking actually used: `text` when vectors are unavailable. */
  mode: SearchMode;
  /** Why the search could not do what was asked, in words (no pgvector, vectors of another embedder). */
  notice?: string;
}

/** The document store as tools see it: search only, for one reader at a time. */
export interface DocumentLibrary {
  search(request: DocumentSearchRequest): Promise<DocumentSearchResult>;
}

/** HNSW candidates examined per query: pgvector's default of 40 misses neighbours (see the retrieval bench). */
const efSearch = 600;

/**
 * The document library over the application database. Vector search is used when migration 7
 * (pgvector) is applied and the stored vectors come from the configured embedder; otherwise the
 * search says so and ranks by full text alone. Every search is written to the audit log with the SQL
 * that ran and the permission filter applied, like a warehouse query.
 */
export function createDocumentLibrary({
  database,
  provider,
  policyVersion,
}: {
  database: Database;
  provider: EmbeddingProvider;
  policyVersion: string;
}): DocumentLibrary {
  let vectorsAvailable: Promise<boolean> | undefined;
  const hasVectors = () => {
    vectorsAvailable ??= database
      .query('SELECT 1 FROM hale.schema_migration WHERE version = 7')
      .then((result) => result.rowCount > 0)
      .catch((error: unknown) => {
        // Not remembered: the next search asks again once the database is back.
        vectorsAvailable = undefined;
        throw error;
      });
    return vectorsAvailable;
  };

  return {
    async search(request) {
      const started = performance.now();
      const requested = request.mode ?? 'hybrid';
      let mode = requested;
      let notice: string | undefined;
      let queryVector: number[] | undefined;
      if (requested !== 'text') {
        const space = (await hasVectors()) ? await readEmbeddingSpace(database) : undefined;
        if (!(await hasVectors()))
          notice =
            'vector search is unavailable: the database has no pgvector extension; ranked by full text only';
        else if (!space) notice = 'no document has been embedded yet; ranked by full text only';
        else if (space.embedder !== provider.id)
          notice = `the stored vectors come from the ${space.embedder} embedder, not the configured ${provider.id}: restart Hale (it re-embeds at start) or run \`hale docs ingest PATH --reembed\`; ranked by full text only`;
        else {
          const text = [request.query, ...(request.expansions ?? [])].join('\n');
          try {
            [queryVector] = await provider
              .embedderFor(space.state)
              .embed([text], request.signal ? { signal: request.signal } : {});
          } catch (error) {
            // An embedding endpoint that is down costs the vector ranking, not the search.
            if (request.signal?.aborted) throw error;
            notice = `the embedder ${provider.id} failed (${error instanceof Error ? error.message : String(error)}); ranked by full text only`;
          }
        }
        if (!queryVector) mode = 'text';
      }
      const search = {
        query: request.query,
        ...(request.expansions ? { expansions: request.expansions } : {}),
        ...(queryVector ? { queryVector } : {}),
        readableRoles: [request.principal.role, everyRole],
        ...(request.sourceTypes ? { sourceTypes: request.sourceTypes } : {}),
        ...(request.tags ? { tags: request.tags } : {}),
        mode,
        limit: request.limit,
      };
      const { sql } = documentSearchSql(search);
      const audit = (outcome: 'ok' | 'error', rowsReturned: number, reason?: string) =>
        recordAuditEntry(database, {
          principal: request.principal.user,
          role: request.principal.role,
          channel: request.channel,
          tool: request.tool,
          // What the caller sent is a search, not SQL; the executed SQL shows the permission filter.
          originalSql: `-- document search (${mode}): ${JSON.stringify(request.query)}`,
          ...(sql ? { executedSql: sql } : {}),
          policies: [`hale.chunks: only documents readable by role ${request.principal.role} or by everyone`],
          outcome,
          ...(reason ? { code: 'query_failed', reason } : {}),
          rowsReturned,
          suppressedGroups: 0,
          durationMs: performance.now() - started,
          policyVersion,
        });
      let hits: DocumentHit[];
      try {
        hits = queryVector
          ? await database.transaction(async (transaction) => {
              // Filtered HNSW scans keep going until enough rows pass the permission filter (pgvector 0.8).
              await transaction.exec(
                `SET LOCAL hnsw.ef_search = ${efSearch}; SET LOCAL hnsw.iterative_scan = relaxed_order`,
              );
              return searchDocuments(transaction, search);
            })
          : await searchDocuments(database, search);
      } catch (error) {
        await audit('error', 0, 'the document search failed');
        throw error;
      }
      await audit('ok', hits.length);
      return { hits, mode, ...(notice ? { notice } : {}) };
    },
  };
}
