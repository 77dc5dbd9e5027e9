/** Minimum and maximum number of hierarchy steps between a descendant and an ancestor. */
export type Levels = readonly [min: number, max: number];

/** Direct hierarchy edges: descendant → (ancestor → levels of separation along that edge). */
export type HierarchyEdges = ReadonlyMap<number, ReadonlyMap<number, Levels>>;

/**
 * Returns a memoised function giving every ancestor of a concept, itself included at [0, 0], with the
 * minimum and maximum levels of separation over all paths of `edges`. An edge may span several levels
 * (a real CONCEPT_ANCESTOR row). A cycle throws, since ancestry must be acyclic to have levels at all.
 */
export function createAncestorClosure(
  edges: HierarchyEdges,
): (conceptId: number) => ReadonlyMap<number, Levels> {
  const closure = new Map<number, Map<number, Levels>>();
  const visiting = new Set<number>();
  const ancestorsOf = (conceptId: number): Map<number, Levels> => {
    const known = closure.get(conceptId);
    if (known) return known;
    if (visiting.has(conceptId)) throw new Error(`cycle in hierarchy at ${conceptId}`);
    visiting.add(conceptId);
    const ancestors = new Map<number, Levels>([[conceptId, [0, 0]]]);
    for (const [parent, [edgeMin, edgeMax]] of edges.get(conceptId) ?? []) {
      for (const [ancestor, [min, max]] of ancestorsOf(parent)) {
        const current = ancestors.get(ancestor);
        const candidate: Levels = [min + edgeMin, max + edgeMax];
        ancestors.set(
          ancestor,
          current ? [Math.min(current[0], candidate[0]), Math.max(current[1], candidate[1])] : candidate,
        );
      }
    }
    visiting.delete(conceptId);
    closure.set(conceptId, ancestors);
    return ancestors;
  };
  return ancestorsOf;
}
