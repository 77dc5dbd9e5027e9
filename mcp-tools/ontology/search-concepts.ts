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
 * then exact name or synonym, then standard concepts before others, then similarity. Candidates come
 * from the trigram index (pg_trgm: similar spellings, words in any order with word similarity) and
 * the full-text index (every word present); without pg_trgm, from full text and substrings. The query
 * goes through the governance gate like any other.
 */
export async function searchConcepts(
  context: OntologyContext,
  search: ConceptSearch,
): Promise<{ matches: ConceptMatch[]; hasMore: boolean; trigram: boolean }> {
  const normalized = searchText(search.text);
  const trigramSchema = context.ports.warehouse.catalog.extensionSchemas?.get('pg_trgm');
  const parameters: (string | number)[] = [search.text.trim(), search.text.trim().toUpperCase(), normalized];
  const candidates = (table: string, column: string, idColumn: string) => {
    const text = searchTextSql(`t.${column}`);
    const fullText = `to_tsvector('simple', ${text}) @@ plainto_tsquery('simple', $3)`;
    const exact = `CASE WHEN ${text} = $3 THEN 1 ELSE 2 END`;
    if (trigramSchema) {
      const similarity = `greatest(${trigramSchema}.similarity(${text}, $3), ${trigramSchema}.word_similarity($3, ${text}))`;
      return `SELECT t.${idColumn} AS concept_id, ${exact} AS kind, ${similarity} AS score, t.${column} AS matched FROM vocab.${table} AS t WHERE ${text} OPERATOR(${trigramSchema}.%) $3 OR $3 OPERATOR(${trigramSchema}.<%) ${text} OR ${fullText}`;
    }
    return `SELECT t.${idColumn} AS concept_id, ${exact} AS kind, CASE WHEN ${fullText} THEN 0.5 ELSE 0.3 END AS score, t.${column} AS matched FROM vocab.${table} AS t WHERE ${fullText} OR strpos(${text}, $3) > 0`;
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
  parameters.push(search.limit + 1, search.offset);
  const limitParameter = parameters.length - 1;
  const sql = `SELECT ${conceptColumns}, best.kind, best.score, best.matched
    FROM (SELECT DISTINCT ON (candidate.concept_id) candidate.concept_id, candidate.kind, candidate.score, candidate.matched
            FROM (SELECT t.concept_id, 0 AS kind, 1.0 AS score, t.concept_code AS matched FROM vocab.concept AS t WHERE t.concept_code IN ($1, $2)
                  UNION ALL ${candidates('concept', 'concept_name', 'concept_id')}
                  UNION ALL ${candidates('concept_synonym', 'concept_synonym_name', 'concept_id')}) AS candidate
           ORDER BY candidate.concept_id, candidate.kind, candidate.score DESC) AS best
    JOIN vocab.concept AS c ON c.concept_id = best.concept_id
    ${filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : ''}
    ORDER BY best.kind, CASE WHEN c.standard_concept = 'S' THEN 0 ELSE 1 END, best.score DESC, c.concept_name, c.concept_id
    LIMIT $${limitParameter} OFFSET $${limitParameter + 1}`;
  const rows = await queryVocabulary(context, 'search_concepts', sql, parameters, {
    trigram: trigramSchema !== undefined,
  });
  const matches = rows.slice(0, search.limit).map((row) => {
    const kind = Number(row.kind);
    return {
      concept: conceptFromRow(row),
      match: matchKinds[kind] ?? 'similar',
      matched: String(row.matched ?? ''),
      score: kind <= 1 ? 1 : Math.round(Number(row.score) * 1000) / 1000,
    };
  });
  return { matches, hasMore: rows.length > search.limit, trigram: trigramSchema !== undefined };
}
