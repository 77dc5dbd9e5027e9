import { localValidity } from './athena-date.js';
import type { ConceptRow } from './concept-row.js';
import { type HandRelationship, handRelationships } from './hand-relationships.js';
import type { CsvRow } from './parse-csv.js';
import { type RelationshipRow, relationshipKey, relationshipRowFromCsv } from './relationship-row.js';
import { reverseRelationshipIds } from './reverse-relationship-ids.js';

/** Relationships worth keeping between two bundled concepts. */
const keptRelationshipIds: ReadonlySet<string> = new Set([
  'Maps to',
  'Mapped from',
  'Is a',
  'Subsumes',
  'RxNorm has ing',
  'RxNorm ing of',
  'Consists of',
  'Constitutes',
  'Panel contains',
  'Contained in panel',
  'Has due to',
  'Due to of',
  'Has asso finding',
  'Asso finding of',
  'Maps to value',
  'Value mapped from',
  'ATC - RxNorm',
  'RxNorm - ATC',
]);

/**
 * Builds CONCEPT_RELATIONSHIP, keyed by `relationshipKey`: the source rows of kept relationships between
 * two bundled concepts (a row held by both sources keeps the later one's dates), then every hand fact
 * and a self 'Maps to' for each standard concept, each with its reverse and only where the sources had
 * no such row. Rows touching an unbundled concept are dropped.
 */
export function buildRelationships({
  concepts,
  sourceRelationships,
}: {
  concepts: ReadonlyMap<number, ConceptRow>;
  sourceRelationships: readonly CsvRow[];
}): Map<string, RelationshipRow> {
  const relationships = new Map<string, RelationshipRow>();
  const add = (row: RelationshipRow) => {
    if (!concepts.has(row.concept_id_1) || !concepts.has(row.concept_id_2)) return;
    relationships.set(relationshipKey(row), row);
  };
  for (const sourceRow of sourceRelationships) {
    if (!keptRelationshipIds.has(sourceRow.relationship_id ?? '')) continue;
    add(relationshipRowFromCsv(sourceRow));
  }
  const addWithReverse = ({ fromConceptId, toConceptId, relationshipId }: HandRelationship) => {
    for (const [conceptId1, conceptId2, directedId] of [
      [fromConceptId, toConceptId, relationshipId],
      [toConceptId, fromConceptId, reverseRelationshipIds[relationshipId]],
    ] as const) {
      const row: RelationshipRow = {
        concept_id_1: conceptId1,
        concept_id_2: conceptId2,
        relationship_id: directedId,
        valid_start_date: localValidity.startDate,
        valid_end_date: localValidity.endDate,
        invalid_reason: '',
      };
      if (!relationships.has(relationshipKey(row))) add(row);
    }
  };
  for (const handRelationship of handRelationships()) addWithReverse(handRelationship);
  // Standard concepts map to themselves (Athena convention); add the missing self 'Maps to' rows.
  for (const concept of concepts.values()) {
    if (concept.standard_concept === 'S') {
      addWithReverse({
        fromConceptId: concept.concept_id,
        toConceptId: concept.concept_id,
        relationshipId: 'Maps to',
      });
    }
  }
  return relationships;
}
