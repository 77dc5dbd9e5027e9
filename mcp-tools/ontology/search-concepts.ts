import { searchText, searchTextSql } from '../warehouse/schema/search-text.js';
import { type Concept, conceptColumns, conceptFromRow } from './concept.js';
import type { OntologyContext } from './ontology-context.js';
import { queryVocabulary } from './vocabulary-query.js';

export interface ConceptSearch {
  text: string;
  vocabularies?: string[] | undefined;
  domains?: string[] | undefined;
  conceptClasses?: string[] | undefined;
  standardOnly?: boolean | undefined;
  validOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

/** How a concept matched: its exact code, its exact name or synonym, or similar text. */
export type MatchKind = 'code' | 'name' | 'similar';

export interface ConceptMatch {
  concept: Concept;
  match: MatchKind;
  /** The name, synonym or code that matched. */
  matched: string;
  /** 0 to 1: trigram or full-text similarity of the best matching name (1 for exact matches). */
  score: number;
}

const matchKinds: readonly MatchKind[] = ['code', 'name', 'similar'];

/**
 * Searches concepts by code, name and synonym (accent- and case-insensitive), ranked: exact code,
 * then exact name or synonym, then standard concepts before others, then similarity. First by words:
 * the full-text index finds names holding every word, in any order; when that finds nothing, by word
 * beginnings; when that finds nothing too, the nearest spellings by pg_trgm's word-similarity
 * distance (typos), from its GiST index. Without pg_trgm the last step is a substring match. Every
 * query goes through the governance gate.
 */
export async function searchConcepts(
  context: OntologyContext,
  search: ConceptSearch,
): Promise<{ matches: ConceptMatch[]; hasMore: boolean; trigram: boolean }> {
  const normalized = searchText(search.text);
  const trigramSchema = context.ports.warehouse.catalog.extensionSchemas?.get('pg_trgm');
  const wanted = search.offset + search.limit + 1;
  // Each step runs only when the one before found nothing: exact words, then word beginnings
  // (`diab` finds diabetes), then similar spellings (`diabtes`).
  let rows = await runSearch(context, search, normalized, trigramSchema, 'words', wanted);
  if (rows.length === 0 && prefixQuery(normalized))
    rows = await runSearch(context, search, normalized, trigramSchema, 'prefixes', wanted);
  if (rows.length === 0)
    rows = await runSearch(context, search, normalized, trigramSchema, 'spelling', wanted);
  const page = rows.slice(search.offset, search.offset + search.limit);
  const matches = page.map((row) => {
    const kind = Number(row.kind);
    return {
      concept: conceptFromRow(row),
      match: matchKinds[kind] ?? 'similar',
      matched: String(row.matched ?? ''),
      score: kind <= 1 ? 1 : Math.round(Number(row.score) * 1000) / 1000,
    };
  });
  return {
    matches,
    hasMore: rows.length > search.offset + search.limit,
    trigram: trigramSchema !== undefined,
  };
}

/**
 * A full-text query matching the beginnings of the search's words (`diabet:* & mell:*`), each cut
 * to two letters shorter so a wrong ending still matches; only letters and digits reach it.
 */
function prefixQuery(normalized: string): string | undefined {
  const words = normalized
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3)
    .map((word) => `${word.slice(0, Math.max(3, word.length - 2))}:*`);
  return words.length > 0 ? words.join(' & ') : undefined;
}

/** One search query: by words, by word beginnings or by spelling (trigrams); codes in each. */
async function runSearch(
  context: OntologyContext,
  search: ConceptSearch,
  normalized: string,
  trigramSchema: string | undefined,
  mode: 'words' | 'prefixes' | 'spelling',
  wanted: number,
): Promise<Record<string, unknown>[]> {
  const parameters: (string | number)[] = [search.text.trim(), search.text.trim().toUpperCase(), normalized];
  if (mode === 'prefixes') parameters.push(prefixQuery(normalized) ?? '');
  const candidates = (table: string, column: string) => {
    const text = searchTextSql(`t.${column}`);
    const fullText = `to_tsvector('simple', ${text}) @@ plainto_tsquery('simple', $3)`;
    const exact = `CASE WHEN ${text} = $3 THEN 1 ELSE 2 END`;
    const score = trigramSchema
      ? `greatest(${trigramSchema}.similarity(${text}, $3), ${trigramSchema}.word_similarity($3, ${text}))`
      : `ts_rank(to_tsvector('simple', ${text}), plainto_tsquery('simple', $3))`;
    if (mode === 'spelling' && trigramSchema) {
      // The nearest names by word-similarity distance, straight from the GiST index (no threshold
      // to scan past), then only those close enough.
      const distance = `$3 OPERATOR(${trigramSchema}.<<->) ${text}`;
      return `SELECT nearest.concept_id, 2 AS kind, 1 - nearest.distance AS score, nearest.matched FROM (SELECT t.concept_id, t.${column} AS matched, ${distance} AS distance FROM vocab.${table} AS t ORDER BY ${distance} LIMIT ${Math.max(50, wanted * 5)}) AS nearest WHERE nearest.distance < 0.5`;
    }
    const where =
      mode === 'words'
        ? fullText
        : mode === 'prefixes'
          ? `to_tsvector('simple', ${text}) @@ to_tsquery('simple', $4)`
          : `strpos(${text}, $3) > 0`;
    return `SELECT t.concept_id, ${exact} AS kind, ${score} AS score, t.${column} AS matched FROM vocab.${table} AS t WHERE ${where}`;
  };
  const filters: string[] = [];
  const listFilter = (column: string, values: string[] | undefined) => {
    if (!values || values.length === 0) return;
    const placeholders = values.map((value) => {
      parameters.push(value);
      return `$${parameters.length}`;
    });
    filters.push(`c.${column} IN (${placeholders.join(', ')})`);
  };
  listFilter('vocabulary_id', search.vocabularies);
  listFilter('domain_id', search.domains);
  listFilter('concept_class_id', search.conceptClasses);
  if (search.standardOnly) filters.push("c.standard_concept = 'S'");
  if (search.validOnly) filters.push('c.invalid_reason IS NULL');
  parameters.push(wanted);
  // Exact codes in both queries: an index lookup, cheap, and it keeps $1 and $2 bound in both.
  const codes =
    'SELECT t.concept_id, 0 AS kind, 1.0 AS score, t.concept_code AS matched FROM vocab.concept AS t WHERE t.concept_code IN ($1, $2) UNION ALL ';
  const sql = `SELECT ${conceptColumns}, best.kind, best.score, best.matched
    FROM (SELECT DISTINCT ON (candidate.concept_id) candidate.concept_id, candidate.kind, candidate.score, candidate.matched
            FROM (${codes}${candidates('concept', 'concept_name')}
                  UNION ALL ${candidates('concept_synonym', 'concept_synonym_name')}) AS candidate
           ORDER BY candidate.concept_id, candidate.kind, candidate.score DESC) AS best
    JOIN vocab.concept AS c ON c.concept_id = best.concept_id
    ${filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : ''}
    ORDER BY best.kind, CASE WHEN c.standard_concept = 'S' THEN 0 ELSE 1 END, best.score DESC, c.concept_name, c.concept_id
    LIMIT $${parameters.length}`;
  return queryVocabulary(context, 'search_concepts', sql, parameters, {
    trigram: trigramSchema !== undefined,
  });
}
