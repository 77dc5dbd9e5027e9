import type { ConceptRow } from './concept-row.js';

/** One CONCEPT_CLASS row, with the official column names as property names. */
export type ConceptClassRow = {
  concept_class_id: string;
  concept_class_name: string;
  concept_class_concept_id: number;
};

/**
 * Builds CONCEPT_CLASS for the classes the bundled concepts use, sorted by id. Each class is named
 * after its id, and its concept id is 0 because class concepts are not bundled.
 */
export function buildConceptClassRows(concepts: ReadonlyMap<number, ConceptRow>): ConceptClassRow[] {
  const usedIds = new Set([...concepts.values()].map((concept) => concept.concept_class_id));
  return [...usedIds].sort().map((conceptClassId) => ({
    concept_class_id: conceptClassId,
    concept_class_name: conceptClassId,
    concept_class_concept_id: 0,
  }));
}
