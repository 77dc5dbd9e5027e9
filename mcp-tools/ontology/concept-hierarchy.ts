import { type Concept, conceptColumns, conceptFromRow } from './concept.js';
import type { OntologyContext } from './ontology-context.js';
import { queryVocabulary } from './vocabulary-query.js';

export interface HierarchyEntry {
  concept: Concept;
  /** Steps of separation from the concept asked about (`min_levels_of_separation`). */
  minLevels: number;
  maxLevels: number;
}

export interface HierarchyResult {
  direction: 'descendants' | 'ancestors';
  entries: HierarchyEntry[];
  /** More entries exist than were returned. */
  hasMore: boolean;
  /** `concept_ancestor`, or 'Is a' relationships when `concept_ancestor` is empty. */
  source: 'concept_ancestor' | 'is_a';
  message?: string;
}

/** Levels followed through 'Is a' when `concept_ancestor` cannot answer (no recursion on the embedded database). */
const maximumIsALevels = 20;

const isTrue = (value: unknown) => value === true || value === 't';

/**
 * Whether `concept_ancestor` has rows at all, and rows for this concept: non-standard concepts
 * (ICD-10-CM codes) are not in it even when it is full, so their hierarchy follows 'Is a'.
 */
async function ancestorCoverage(
  context: OntologyContext,
  tool: string,
  conceptId: number,
): Promise<{ table: boolean; concept: boolean }> {
  const rows = await queryVocabulary(
    context,
    tool,
    `SELECT EXISTS (SELECT 1 FROM vocab.concept_ancestor) AS table_has_rows,
            EXISTS (SELECT 1 FROM vocab.concept_ancestor AS a WHERE a.ancestor_concept_id = $1 OR a.descendant_concept_id = $1) AS concept_has_rows`,
    [conceptId],
  );
  return { table: isTrue(rows[0]?.table_has_rows), concept: isTrue(rows[0]?.concept_has_rows) };
}

/**
 * A concept's descendants or ancestors with their levels, from `concept_ancestor` (excluding the
 * concept itself). Where `concept_ancestor` is empty (the shared Synthea dataset) it says so and
 * follows 'Is a' relationships level by level instead.
 */
export async function conceptHierarchy(
  context: OntologyContext,
  {
    conceptId,
    direction,
    maxLevels,
    limit,
  }: {
    conceptId: number;
    direction: 'descendants' | 'ancestors';
    maxLevels?: number | undefined;
    limit: number;
  },
): Promise<HierarchyResult> {
  const tool = 'concept_descendants';
  const coverage = await ancestorCoverage(context, tool, conceptId);
  if (coverage.concept) {
    const [from, to] = direction === 'descendants' ? ['ancestor', 'descendant'] : ['descendant', 'ancestor'];
    const parameters: number[] = [conceptId];
    if (maxLevels !== undefined) parameters.push(maxLevels);
    parameters.push(limit + 1);
    const rows = await queryVocabulary(
      context,
      tool,
      `SELECT ${conceptColumns}, a.min_levels_of_separation, a.max_levels_of_separation
         FROM vocab.concept_ancestor AS a JOIN vocab.concept AS c ON c.concept_id = a.${to}_concept_id
        WHERE a.${from}_concept_id = $1 AND a.${to}_concept_id <> $1
          ${maxLevels !== undefined ? 'AND a.min_levels_of_separation <= $2' : ''}
        ORDER BY a.min_levels_of_separation, c.concept_name, c.concept_id LIMIT $${parameters.length}`,
      parameters,
    );
    return {
      direction,
      entries: rows.slice(0, limit).map((row) => ({
        concept: conceptFromRow(row),
        minLevels: Number(row.min_levels_of_separation),
        maxLevels: Number(row.max_levels_of_separation),
      })),
      hasMore: rows.length > limit,
      source: 'concept_ancestor',
    };
  }
  // 'Is a' points from child to parent: descendants follow it backwards ('Subsumes'), ancestors forwards.
  const relationship = direction === 'descendants' ? 'Subsumes' : 'Is a';
  const entries: HierarchyEntry[] = [];
  const seen = new Set([conceptId]);
  let frontier = [conceptId];
  for (
    let level = 1;
    level <= Math.min(maxLevels ?? maximumIsALevels, maximumIsALevels) && frontier.length > 0;
    level++
  ) {
    const placeholders = frontier.map((_, index) => `$${index + 2}`).join(', ');
    const rows = await queryVocabulary(
      context,
      tool,
      `SELECT DISTINCT ${conceptColumns} FROM vocab.concept_relationship AS r
         JOIN vocab.concept AS c ON c.concept_id = r.concept_id_2
        WHERE r.relationship_id = $1 AND r.invalid_reason IS NULL AND r.concept_id_1 IN (${placeholders})`,
      [relationship, ...frontier],
    );
    frontier = [];
    for (const row of rows) {
      const concept = conceptFromRow(row);
      if (seen.has(concept.conceptId)) continue;
      seen.add(concept.conceptId);
      frontier.push(concept.conceptId);
      entries.push({ concept, minLevels: level, maxLevels: level });
    }
    if (entries.length > limit) break;
  }
  return {
    direction,
    entries: entries.slice(0, limit),
    hasMore: entries.length > limit,
    source: 'is_a',
    message: coverage.table
      ? `concept ${conceptId} is not in vocab.concept_ancestor (non-standard concepts are not), so the hierarchy follows '${relationship}' relationships (levels count those steps)`
      : `vocab.concept_ancestor is empty in this warehouse, so the hierarchy follows '${relationship}' relationships (levels count those steps)`,
  };
}

/** FHIR's subsumption outcomes: A subsumes B when A is an ancestor of B. */
export type SubsumptionOutcome = 'equivalent' | 'subsumes' | 'subsumed-by' | 'not-subsumed';

/** Whether concept A subsumes B, is subsumed by it, is it, or neither (level-0 self rows are skipped). */
export async function testSubsumption(
  context: OntologyContext,
  { conceptA, conceptB }: { conceptA: number; conceptB: number },
): Promise<{ outcome: SubsumptionOutcome; source: HierarchyResult['source'] }> {
  if (conceptA === conceptB) return { outcome: 'equivalent', source: 'concept_ancestor' };
  const tool = 'concept_descendants';
  const coverageA = await ancestorCoverage(context, tool, conceptA);
  const coverageB = await ancestorCoverage(context, tool, conceptB);
  if (coverageA.concept && coverageB.concept) {
    // Both are in the closure: one indexed lookup each way.
    const rows = await queryVocabulary(
      context,
      tool,
      `SELECT EXISTS (SELECT 1 FROM vocab.concept_ancestor AS a WHERE a.ancestor_concept_id = $1 AND a.descendant_concept_id = $2) AS a_subsumes_b,
              EXISTS (SELECT 1 FROM vocab.concept_ancestor AS a WHERE a.ancestor_concept_id = $2 AND a.descendant_concept_id = $1) AS b_subsumes_a`,
      [conceptA, conceptB],
    );
    const outcome: SubsumptionOutcome = isTrue(rows[0]?.a_subsumes_b)
      ? 'subsumes'
      : isTrue(rows[0]?.b_subsumes_a)
        ? 'subsumed-by'
        : 'not-subsumed';
    return { outcome, source: 'concept_ancestor' };
  }
  for (const [ancestor, descendant, outcome] of [
    [conceptA, conceptB, 'subsumes'],
    [conceptB, conceptA, 'subsumed-by'],
  ] as const) {
    const ancestors = await conceptHierarchy(context, {
      conceptId: descendant,
      direction: 'ancestors',
      limit: 4_000,
    });
    if (ancestors.entries.some((entry) => entry.concept.conceptId === ancestor))
      return { outcome, source: ancestors.source };
  }
  return { outcome: 'not-subsumed', source: 'is_a' };
}
