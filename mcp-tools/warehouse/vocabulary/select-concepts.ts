import type { ConceptRow } from './concept-row.js';
import { drugIngredients, handIsA } from './local-additions.js';
import type { CsvRow } from './parse-csv.js';
import { seedConceptIds } from './seed-concept-ids.js';

/** Vocabularies whose non-standard codes are bundled when they map into the selection. */
const mappedCodeVocabularies: ReadonlySet<string> = new Set(['SNOMED', 'ICD10CM', 'LOINC', 'RxNorm']);

/** Adds the 'Is a' parents of the selected concepts, transitively, when the sources name the parent. */
function addNamedParents({
  selected,
  sourceConcepts,
  sourceRelationships,
}: {
  selected: Set<number>;
  sourceConcepts: ReadonlyMap<number, ConceptRow>;
  sourceRelationships: readonly CsvRow[];
}): void {
  const parentsOf = new Map<number, number[]>();
  for (const relationship of sourceRelationships) {
    if (relationship.relationship_id !== 'Is a') continue;
    const child = Number(relationship.concept_id_1);
    const parent = Number(relationship.concept_id_2);
    if (!sourceConcepts.has(parent)) continue;
    parentsOf.set(child, [...(parentsOf.get(child) ?? []), parent]);
  }
  const pending = [...selected];
  for (let conceptId = pending.pop(); conceptId !== undefined; conceptId = pending.pop()) {
    for (const parent of parentsOf.get(conceptId) ?? []) {
      if (!selected.has(parent)) {
        selected.add(parent);
        pending.push(parent);
      }
    }
  }
}

/**
 * Adds the named non-standard codes that 'Maps to' a selected concept, in one pass over the source
 * rows: a code added here can itself be the target of a later row.
 */
function addMappedCodes({
  selected,
  sourceConcepts,
  sourceRelationships,
}: {
  selected: Set<number>;
  sourceConcepts: ReadonlyMap<number, ConceptRow>;
  sourceRelationships: readonly CsvRow[];
}): void {
  for (const relationship of sourceRelationships) {
    if (relationship.relationship_id !== 'Maps to') continue;
    const from = Number(relationship.concept_id_1);
    const concept = sourceConcepts.get(from);
    if (concept && concept.standard_concept === '' && selected.has(Number(relationship.concept_id_2))) {
      if (mappedCodeVocabularies.has(concept.vocabulary_id)) selected.add(from);
    }
  }
}

/**
 * Chooses the bundled concepts and returns their rows by id: the catalog seeds and extras, every hand
 * concept and the endpoints of hand edges, every standard condition of the sources, then their named
 * 'Is a' parents (transitively) and the named non-standard codes that 'Maps to' a selected concept.
 * A hand concept reusing a source id, or a selected id with no row anywhere, throws.
 */
export function selectConcepts({
  sourceConcepts,
  handConcepts,
  sourceRelationships,
}: {
  sourceConcepts: ReadonlyMap<number, ConceptRow>;
  handConcepts: readonly ConceptRow[];
  sourceRelationships: readonly CsvRow[];
}): Map<number, ConceptRow> {
  for (const handConcept of handConcepts) {
    if (sourceConcepts.has(handConcept.concept_id))
      throw new Error(`hand concept ${handConcept.concept_id} collides with a source concept`);
  }
  const selected = new Set<number>([
    ...seedConceptIds(),
    ...handConcepts.map((handConcept) => handConcept.concept_id),
  ]);
  for (const [child, parent] of [...handIsA, ...drugIngredients]) selected.add(child).add(parent);
  for (const concept of sourceConcepts.values()) {
    if (concept.domain_id === 'Condition' && concept.standard_concept === 'S')
      selected.add(concept.concept_id);
  }
  addNamedParents({ selected, sourceConcepts, sourceRelationships });
  addMappedCodes({ selected, sourceConcepts, sourceRelationships });

  const concepts = new Map<number, ConceptRow>();
  for (const conceptId of selected) {
    const row =
      sourceConcepts.get(conceptId) ??
      handConcepts.find((handConcept) => handConcept.concept_id === conceptId);
    if (!row)
      throw new Error(`selected concept ${conceptId} has no row in the sources nor in local-additions.ts`);
    concepts.set(conceptId, row);
  }
  return concepts;
}
