import { createAncestorClosure, type Levels } from './ancestor-closure.js';
import type { ConceptRow } from './concept-row.js';
import type { CsvRow } from './parse-csv.js';
import type { RelationshipRow } from './relationship-row.js';

/** One CONCEPT_ANCESTOR row, with the official column names as property names. */
export type AncestorRow = {
  ancestor_concept_id: number;
  descendant_concept_id: number;
  min_levels_of_separation: number;
  max_levels_of_separation: number;
};

/** Bundled relationships that are one step up the hierarchy: 'Is a', drug → ingredient, ingredient → ATC. */
const directEdgeIds: ReadonlySet<string> = new Set(['Is a', 'RxNorm has ing', 'RxNorm - ATC']);

/**
 * Builds CONCEPT_ANCESTOR, sorted by ancestor then descendant: the transitive closure, with self rows,
 * of every standard and classification concept except 0. GiBleed's real rows between two bundled
 * concepts keep their levels; the bundled direct edges count one level each, so those levels count
 * steps within this subset, not within full SNOMED.
 */
export function buildAncestorRows({
  concepts,
  relationships,
  gibleedAncestors,
}: {
  concepts: ReadonlyMap<number, ConceptRow>;
  relationships: Iterable<RelationshipRow>;
  gibleedAncestors: readonly CsvRow[];
}): AncestorRow[] {
  // Only standard and classification concepts take part in ancestry (OMOP CDM convention).
  const isInHierarchy = (conceptId: number) => {
    const standardConcept = concepts.get(conceptId)?.standard_concept;
    return standardConcept === 'S' || standardConcept === 'C';
  };
  const realLevels = new Map<string, Levels>();
  for (const row of gibleedAncestors) {
    const ancestor = Number(row.ancestor_concept_id);
    const descendant = Number(row.descendant_concept_id);
    if (ancestor === descendant || !isInHierarchy(ancestor) || !isInHierarchy(descendant)) continue;
    realLevels.set(`${ancestor}|${descendant}`, [
      Number(row.min_levels_of_separation),
      Number(row.max_levels_of_separation),
    ]);
  }

  const edges = new Map<number, Map<number, Levels>>();
  const addEdge = (descendant: number, ancestor: number, levels: Levels) => {
    if (descendant === ancestor || !isInHierarchy(descendant) || !isInHierarchy(ancestor)) return;
    const ancestors = edges.get(descendant) ?? new Map<number, Levels>();
    ancestors.set(ancestor, levels);
    edges.set(descendant, ancestors);
  };
  for (const relationship of relationships) {
    const { concept_id_1: from, concept_id_2: to, relationship_id: relationshipId } = relationship;
    if (directEdgeIds.has(relationshipId) && !realLevels.has(`${to}|${from}`)) addEdge(from, to, [1, 1]);
  }
  for (const [key, levels] of realLevels) {
    const [ancestor, descendant] = key.split('|').map(Number) as [number, number];
    addEdge(descendant, ancestor, levels);
  }

  const ancestorsOf = createAncestorClosure(edges);
  const rows: AncestorRow[] = [];
  for (const conceptId of concepts.keys()) {
    if (!isInHierarchy(conceptId) || conceptId === 0) continue;
    for (const [ancestor, [min, max]] of ancestorsOf(conceptId)) {
      rows.push({
        ancestor_concept_id: ancestor,
        descendant_concept_id: conceptId,
        min_levels_of_separation: min,
        max_levels_of_separation: max,
      });
    }
  }
  return rows.sort(
    (first, second) =>
      first.ancestor_concept_id - second.ancestor_concept_id ||
      first.descendant_concept_id - second.descendant_concept_id,
  );
}
