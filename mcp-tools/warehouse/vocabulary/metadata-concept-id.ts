import type { ConceptRow } from './concept-row.js';

/**
 * The concept id a metadata row (VOCABULARY, DOMAIN, RELATIONSHIP) keeps: the source's id when that
 * concept is bundled, else 0. The real metadata concepts are not in the subset, and this keeps every
 * `*_concept_id` resolvable inside CONCEPT.
 */
export function metadataConceptId(
  concepts: ReadonlyMap<number, ConceptRow>,
  value: string | undefined,
): number {
  return concepts.has(Number(value)) ? Number(value) : 0;
}
