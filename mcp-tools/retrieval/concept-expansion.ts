import type { Principal, WarehouseCatalog } from '../governance/index.js';
import { type GovernancePolicy, tableAccessFor } from '../governance/index.js';
import type { ToolContext } from '../tools/tool-definition.js';
import { searchText, searchTextSql } from '../warehouse/schema/search-text.js';

/** The longest phrase looked up as a concept name, in words. */
const maximumPhraseWords = 5;

/** Whether the principal may read the vocabulary tables the expansion reads. */
function mayReadVocabulary(
  policy: GovernancePolicy,
  catalog: WarehouseCatalog,
  principal: Principal,
): boolean {
  return ['concept', 'concept_synonym'].every((name) => {
    const table = catalog.tables.get(`vocab.${name}`);
    return table !== undefined && tableAccessFor(policy, principal, table).access === 'rows';
  });
}

/**
 * The phrases of a query that could be concept names: runs of one to five words (single words of
 * five letters or more, to skip "type" and "de"), folded.
 */
export function candidatePhrases(query: string): string[] {
  const words = searchText(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const phrases = new Set<string>();
  for (let start = 0; start < words.length; start++)
    for (let length = 1; length <= maximumPhraseWords && start + length <= words.length; length++) {
      const phrase = words.slice(start, start + length);
      if (length === 1 && (phrase[0]?.length ?? 0) < 5) continue;
      phrases.add(phrase.join(' '));
    }
  return [...phrases];
}

/**
 * Standard concept names for the phrases of a query that are a concept's name or synonym, so
 * « diabète de type 2 » also searches for "Type 2 diabetes mellitus". Runs through the governance
 * gate as the reader (audited like any query); a reader without vocabulary access gets no
 * expansion rather than a refusal, and a failure never fails the search.
 */
export async function conceptExpansions(
  context: Pick<ToolContext, 'principal' | 'channel' | 'signal' | 'ports'>,
  query: string,
): Promise<string[]> {
  const { warehouse } = context.ports;
  if (!mayReadVocabulary(warehouse.policy, warehouse.catalog, context.principal)) return [];
  const phrases = candidatePhrases(query);
  if (phrases.length === 0) return [];
  const textQuery = phrases.map((phrase) => `(${phrase.split(' ').join(' <-> ')})`).join(' | ');
  const name = searchTextSql('c.concept_name');
  const synonym = searchTextSql('s.concept_synonym_name');
  const result = await warehouse.run({
    sql: `SELECT DISTINCT c.concept_name FROM vocab.concept c
      WHERE c.standard_concept = 'S' AND (
        (to_tsvector('simple', ${name}) @@ to_tsquery('simple', $1) AND ${name} = ANY($2))
        OR c.concept_id IN (
          SELECT s.concept_id FROM vocab.concept_synonym s
          WHERE to_tsvector('simple', ${synonym}) @@ to_tsquery('simple', $1) AND ${synonym} = ANY($2)))
      ORDER BY c.concept_name LIMIT 5`,
    parameters: [textQuery, phrases],
    principal: context.principal,
    channel: context.channel,
    tool: 'search_documents',
    signal: context.signal,
  });
  if (result.status !== 'ok') return [];
  return result.rows.map((row) => String(row.concept_name));
}
