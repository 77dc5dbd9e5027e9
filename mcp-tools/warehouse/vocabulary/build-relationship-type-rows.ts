import { cleanText } from './clean-text.js';
import type { ConceptRow } from './concept-row.js';
import { metadataConceptId } from './metadata-concept-id.js';
import type { CsvRow } from './parse-csv.js';
import type { RelationshipRow } from './relationship-row.js';

/** One RELATIONSHIP row, with the official column names as property names. */
export type RelationshipTypeRow = {
  relationship_id: string;
  relationship_name: string;
  is_hierarchical: string;
  defines_ancestry: string;
  reverse_relationship_id: string;
  relationship_concept_id: number;
};

/**
 * Builds RELATIONSHIP for the relationships the bundled rows use and their reverses, sorted by id,
 * with GiBleed's names and flags. A relationship GiBleed does not describe throws: its flags and
 * reverse cannot be made up.
 */
export function buildRelationshipTypeRows({
  concepts,
  relationships,
  gibleedRelationshipTypes,
}: {
  concepts: ReadonlyMap<number, ConceptRow>;
  relationships: Iterable<RelationshipRow>;
  gibleedRelationshipTypes: readonly CsvRow[];
}): RelationshipTypeRow[] {
  const sourceById = new Map(gibleedRelationshipTypes.map((row) => [row.relationship_id ?? '', row]));
  const sourceOf = (relationshipId: string) => {
    const source = sourceById.get(relationshipId);
    const reverseId = source?.reverse_relationship_id;
    if (!source || !reverseId)
      throw new Error(`relationship ${relationshipId} unknown to GiBleed RELATIONSHIP.csv`);
    return { source, reverseId };
  };
  const usedIds = new Set([...relationships].map((relationship) => relationship.relationship_id));
  // A Set visits what is added while iterating, so the reverses' own reverses are checked too.
  for (const relationshipId of usedIds) usedIds.add(sourceOf(relationshipId).reverseId);
  return [...usedIds].sort().map((relationshipId) => {
    const { source, reverseId } = sourceOf(relationshipId);
    return {
      relationship_id: relationshipId,
      relationship_name: cleanText(source.relationship_name ?? relationshipId),
      is_hierarchical: source.is_hierarchical ?? '0',
      defines_ancestry: source.defines_ancestry ?? '0',
      reverse_relationship_id: reverseId,
      relationship_concept_id: metadataConceptId(concepts, source.relationship_concept_id),
    };
  });
}
