import pgvector from 'pgvector';
import type { Queryable } from '../db/index.js';
import { searchTextSql } from '../warehouse/schema/search-text.js';
import { fullTextQuery, rankWeights, textSearchConfiguration } from './full-text-query.js';
import { restoreSnippet } from './restore-snippet.js';
import type { DocumentSourceType } from './source-document.js';

/** How to search: both rankings fused (the default), or one of them alone (for evaluation). */
export type SearchMode = 'hybrid' | 'vector' | 'text';

/** The constant of reciprocal rank fusion: 60, as in Cormack et al. and most hybrid search engines. */
export const reciprocalRankConstant = 60;

/** One search of the document store. */
export interface DocumentSearch {
  /** The words a person or model typed. */
  query: string;
  /** Synonyms and concept names added to the query (see `query-expansion.ts`). */
  expansions?: readonly string[];
  /** The query's vector, from the embedder of the stored vectors; absent: no vector ranking. */
  queryVector?: readonly number[];
  /** Roles whose documents the reader may see (their role and `*`): filtered inside each ranking. */
  readableRoles: readonly string[];
  sourceTypes?: readonly DocumentSourceType[];
  /** Documents having any of these tags. */
  tags?: readonly string[];
  mode: SearchMode;
  limit: number;
  /** Candidates each ranking contributes before fusion. */
  candidates?: number;
}

/** One retrieved chunk with where it comes from. */
export interface DocumentHit {
  chunkId: number;
  documentKey: string;
  collection: string;
  title: string;
  headingPath: string[];
  sourceType: DocumentSourceType;
  source: string;
  tags: string[];
  /** The chunk's text. */
  content: string;
  /** The passage around the query's words, with matches in `**bold**`. */
  snippet: string;
  /** The fused score (reciprocal rank fusion), higher is better. */
  score: number;
  /** The chunk's rank in each ranking it appeared in (1 = best). */
  vectorRank?: number;
  textRank?: number;
}

/** The SQL and parameters of a search; exposed so the audit log records exactly what ran. */
export function documentSearchSql(search: DocumentSearch): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const roles = bind(search.readableRoles);
  const filters = [`allowed_roles && ${roles}::text[]`];
  if (search.sourceTypes?.length) filters.push(`source_type = ANY(${bind(search.sourceTypes)}::text[])`);
  if (search.tags?.length) filters.push(`tags && ${bind(search.tags)}::text[]`);
  const candidates = bind(search.candidates ?? Math.max(40, search.limit * 4));
  const textQuery = fullTextQuery([search.query, ...(search.expansions ?? [])]);
  const useVector = search.mode !== 'text' && search.queryVector !== undefined;
  const useText = search.mode !== 'vector' && textQuery !== '';
  const tsquery =
    useText || textQuery !== '' ? `to_tsquery('${textSearchConfiguration}', ${bind(textQuery)})` : '';
  const rankings: string[] = [];
  const parts: string[] = [];
  if (useVector) {
    const vector = bind(pgvector.toSql([...(search.queryVector ?? [])]));
    // MATERIALIZED keeps the planner from pushing the ranking into the index scan's ORDER BY twice;
    // with an iterative HNSW scan the rows come back nearly ordered, so they are re-ranked here.
    parts.push(`vector_hits AS MATERIALIZED (
      SELECT chunk_id, embedding <=> ${vector}::vector AS distance FROM hale.chunks
      WHERE embedding IS NOT NULL AND ${filters.join(' AND ')}
      ORDER BY embedding <=> ${vector}::vector LIMIT ${candidates}
    )`);
    rankings.push(
      `SELECT chunk_id, 'vector' AS ranking, row_number() OVER (ORDER BY distance, chunk_id) AS rank FROM vector_hits`,
    );
  }
  if (useText) {
    // BM25-like: each query term counts by its inverse document frequency, times how well the
    // chunk matches it (ts_rank with the field weights). Candidates are the chunks holding one of
    // the query's selective terms: a term held by more than 1 % of a large store (at least 500
    // chunks) only adds to the score, as in WAND-style engines; were every term that common, the
    // rarest one selects. Without this, "appointment" on 100,000 chunks scored tens of thousands.
    parts.push(`query_terms AS MATERIALIZED (
      SELECT term.word, quote_literal(term.word)::tsquery AS term_query,
        coalesce(statistics.chunks, 0) AS holders,
        greatest(500, 0.01 * coalesce(total.chunks, 0)) AS selective_limit,
        ln((coalesce(total.chunks, 0) + 1.0) / (coalesce(statistics.chunks, 0) + 0.5)) AS idf
      FROM unnest(tsvector_to_array(to_tsvector('${textSearchConfiguration}', ${bind(textQuery.replace(/ \| /g, ' '))}))) AS term(word)
      LEFT JOIN hale.search_terms statistics ON statistics.lexeme = term.word
      LEFT JOIN hale.search_terms total ON total.lexeme = '*'
    ),
    match_query AS MATERIALIZED (
      SELECT coalesce(
        (SELECT string_agg(quote_literal(word), ' | ')::tsquery FROM query_terms WHERE holders <= selective_limit),
        (SELECT term_query FROM query_terms ORDER BY holders, word LIMIT 1)
      ) AS query
    ),
    text_hits AS MATERIALIZED (
      SELECT c.chunk_id, sum(q.idf * ts_rank('${rankWeights}', c.search_vector, q.term_query, 1)) AS relevance
      FROM hale.chunks c JOIN query_terms q ON c.search_vector @@ q.term_query
      WHERE c.search_vector @@ (SELECT query FROM match_query) AND ${filters.map((filter) => `c.${filter}`).join(' AND ')}
      GROUP BY c.chunk_id
      ORDER BY relevance DESC, c.chunk_id LIMIT ${candidates}
    )`);
    rankings.push(
      `SELECT chunk_id, 'text' AS ranking, row_number() OVER (ORDER BY relevance DESC, chunk_id) AS rank FROM text_hits`,
    );
  }
  if (rankings.length === 0) return { sql: '', params: [] };
  const snippet = tsquery
    ? `ts_headline('${textSearchConfiguration}', ${searchTextSql('c.content')}, ${tsquery}, 'MaxFragments=2, MinWords=12, MaxWords=35, FragmentDelimiter=" … ", StartSel=' || chr(2) || ', StopSel=' || chr(3))`
    : 'left(c.content, 280)';
  const sql = `WITH ${parts.join(',\n')},
    ranked AS (
      SELECT r.*, c.document_id FROM (${rankings.join('\nUNION ALL\n')}) r JOIN hale.chunks c USING (chunk_id)
    ),
    -- Documents are ranked, not chunks: in each ranking a document takes the rank of its best chunk
    -- among documents, so five chunks of one document do not push four others out of the fusion.
    document_ranks AS (
      SELECT document_id, ranking,
        row_number() OVER (PARTITION BY ranking ORDER BY min(rank), document_id) AS rank
      FROM ranked GROUP BY document_id, ranking
    ),
    fused AS (
      SELECT document_id, sum(1.0 / (${reciprocalRankConstant} + rank)) AS score,
        min(rank) FILTER (WHERE ranking = 'vector') AS vector_rank,
        min(rank) FILTER (WHERE ranking = 'text') AS text_rank
      FROM document_ranks GROUP BY document_id
      ORDER BY score DESC, document_id LIMIT ${bind(search.limit)}
    ),
    -- The passage shown for a document: its chunk ranked best by both rankings together.
    passages AS (
      SELECT DISTINCT ON (document_id) document_id, chunk_id FROM ranked
      GROUP BY document_id, chunk_id
      ORDER BY document_id, sum(1.0 / (${reciprocalRankConstant} + rank)) DESC, chunk_id
    ),
    top AS (SELECT f.*, p.chunk_id FROM fused f JOIN passages p USING (document_id))
    SELECT c.chunk_id, d.document_key, d.collection, d.title, c.heading_path, d.source_type, d.source, d.tags,
      c.content, ${snippet} AS snippet, f.score, f.vector_rank, f.text_rank
    FROM top f JOIN hale.chunks c USING (chunk_id) JOIN hale.documents d ON d.document_id = c.document_id
    ORDER BY f.score DESC, c.chunk_id`;
  return { sql, params };
}

/**
 * Hybrid search: the nearest chunks by vector (HNSW, cosine) and the best chunks by full text, each
 * limited to what the reader may see *inside* its own scan, fused by reciprocal rank (a chunk ranked
 * well by both beats one ranked first by one). The reader's permissions are SQL predicates, so a
 * document they may not read never leaves the database, not even to be filtered out.
 */
export async function searchDocuments(database: Queryable, search: DocumentSearch): Promise<DocumentHit[]> {
  const { sql, params } = documentSearchSql(search);
  if (!sql) return [];
  const result = await database.query<{
    chunk_id: string | number;
    document_key: string;
    collection: string;
    title: string;
    heading_path: string[];
    source_type: DocumentSourceType;
    source: string;
    tags: string[];
    content: string;
    snippet: string;
    score: string | number;
    vector_rank: string | number | null;
    text_rank: string | number | null;
  }>(sql, params);
  return result.rows.map((row) => ({
    chunkId: Number(row.chunk_id),
    documentKey: row.document_key,
    collection: row.collection,
    title: row.title,
    headingPath: row.heading_path,
    sourceType: row.source_type,
    source: row.source,
    tags: row.tags,
    content: row.content,
    snippet: restoreSnippet(row.snippet, row.content),
    score: Number(row.score),
    ...(row.vector_rank !== null ? { vectorRank: Number(row.vector_rank) } : {}),
    ...(row.text_rank !== null ? { textRank: Number(row.text_rank) } : {}),
  }));
}
