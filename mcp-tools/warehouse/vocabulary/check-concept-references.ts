import { readAthenaTable } from './read-athena-table.js';
import { reverseRelationshipId } from './reverse-relationship-ids.js';
import type { VocabularyCheckContext } from './vocabulary-check-context.js';

/** The bundled relationship and ancestor rows, as keys the catalog checks look up. */
export interface ConceptReferences {
  /** `concept_id_1|concept_id_2|relationship_id` of every CONCEPT_RELATIONSHIP row. */
  readonly relationshipKeys: ReadonlySet<string>;
  /** `ancestor_concept_id|descendant_concept_id` of every CONCEPT_ANCESTOR row. */
  readonly ancestorKeys: ReadonlySet<string>;
}

/**
 * Checks that every concept id of CONCEPT_RELATIONSHIP, CONCEPT_ANCESTOR and CONCEPT_SYNONYM is
 * bundled, that each hand-paired relationship has its reverse row, and that no ancestor row has
 * min > max levels. Returns the relationship and ancestor keys for the catalog checks.
 */
export function checkConceptReferences({
  dataDirectory,
  problems,
  requireConcept,
}: VocabularyCheckContext): ConceptReferences {
  const relationshipKeys = new Set<string>();
  for (const [conceptId1, conceptId2, relationshipId] of readAthenaTable(
    dataDirectory,
    'CONCEPT_RELATIONSHIP.csv',
  ).rows) {
    requireConcept({ conceptId: Number(conceptId1), where: 'CONCEPT_RELATIONSHIP' });
    requireConcept({ conceptId: Number(conceptId2), where: 'CONCEPT_RELATIONSHIP' });
    relationshipKeys.add(`${conceptId1}|${conceptId2}|${relationshipId}`);
  }
  for (const key of relationshipKeys) {
    const [conceptId1, conceptId2, relationshipId] = key.split('|');
    const reverseId = reverseRelationshipId(relationshipId ?? '');
    if (reverseId && !relationshipKeys.has(`${conceptId2}|${conceptId1}|${reverseId}`))
      problems.push(`CONCEPT_RELATIONSHIP: ${key} has no reverse row`);
  }

  const ancestorKeys = new Set<string>();
  for (const row of readAthenaTable(dataDirectory, 'CONCEPT_ANCESTOR.csv').rows) {
    const [ancestorId, descendantId, minLevels, maxLevels] = row;
    requireConcept({ conceptId: Number(ancestorId), where: 'CONCEPT_ANCESTOR' });
    requireConcept({ conceptId: Number(descendantId), where: 'CONCEPT_ANCESTOR' });
    if (Number(minLevels) > Number(maxLevels)) problems.push(`CONCEPT_ANCESTOR ${row.join('|')}: min > max`);
    ancestorKeys.add(`${ancestorId}|${descendantId}`);
  }

  for (const [conceptId, , languageConceptId] of readAthenaTable(dataDirectory, 'CONCEPT_SYNONYM.csv').rows) {
    requireConcept({ conceptId: Number(conceptId), where: 'CONCEPT_SYNONYM' });
    requireConcept({ conceptId: Number(languageConceptId), where: 'CONCEPT_SYNONYM language' });
  }
  return { relationshipKeys, ancestorKeys };
}
