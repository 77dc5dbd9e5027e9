import { cleanText } from './clean-text.js';
import type { ConceptRow } from './concept-row.js';
import { metadataConceptId } from './metadata-concept-id.js';
import type { CsvRow } from './parse-csv.js';

/** One DOMAIN row, with the official column names as property names. */
export type DomainRow = { domain_id: string; domain_name: string; domain_concept_id: number };

/** Names of the bundled domains that GiBleed's DOMAIN.csv lacks. */
const fallbackDomainNames: Readonly<Record<string, string>> = { Provider: 'Provider', Language: 'Language' };

/**
 * Builds DOMAIN for the domains the bundled concepts use, sorted by id, with GiBleed's names (else a
 * fallback, else the id).
 */
export function buildDomainRows({
  concepts,
  gibleedDomains,
}: {
  concepts: ReadonlyMap<number, ConceptRow>;
  gibleedDomains: readonly CsvRow[];
}): DomainRow[] {
  const sourceById = new Map(gibleedDomains.map((row) => [row.domain_id ?? '', row]));
  const usedIds = new Set([...concepts.values()].map((concept) => concept.domain_id));
  return [...usedIds].sort().map((domainId) => {
    const source = sourceById.get(domainId);
    return {
      domain_id: domainId,
      domain_name: cleanText(source?.domain_name || fallbackDomainNames[domainId] || domainId),
      domain_concept_id: metadataConceptId(concepts, source?.domain_concept_id),
    };
  });
}
