import { ToolError } from '../tools/tool-error.js';
import { type Concept, conceptColumns, conceptFromRow } from './concept.js';
import type { OntologyContext } from './ontology-context.js';
import { queryVocabulary } from './vocabulary-query.js';

/** A concept with what surrounds it: synonyms, relationships and the size of its hierarchy. */
export interface ConceptDetails {
  concept: Concept;
  synonyms: { name: string; languageConceptId: number }[];
  relationships: { relationship: string; concept: Concept }[];
  /** Relationships beyond the first `relationshipLimit`, not listed. */
  moreRelationships: number;
  ancestorCount: number;
  descendantCount: number;
  /** `concept_ancestor` has rows at all (empty in some OMOP loads, e.g. Synthea). */
  hierarchyAvailable: boolean;
}

const relationshipLimit = 200;

/** The concept with this id, or with this code in this vocabulary; `unknown_name` when none. */
export async function findConcept(
  context: OntologyContext,
  tool: string,
  reference: { conceptId: number } | { vocabulary: string; code: string },
): Promise<Concept> {
  const rows =
    'conceptId' in reference
      ? await queryVocabulary(
          context,
          tool,
          `SELECT ${conceptColumns} FROM vocab.concept AS c WHERE c.concept_id = $1`,
          [reference.conceptId],
        )
      : await queryVocabulary(
          context,
          tool,
          `SELECT ${conceptColumns} FROM vocab.concept AS c WHERE c.vocabulary_id = $1 AND c.concept_code = $2`,
          [reference.vocabulary, reference.code],
        );
  const [row] = rows;
  if (!row)
    throw new ToolError(
      'unknown_name',
      'conceptId' in reference
        ? `there is no concept ${reference.conceptId} in the vocabulary; find one with search_concepts`
        : `there is no ${reference.vocabulary} code "${reference.code}" in the vocabulary; check the code, or find it with search_concepts`,
    );
  return conceptFromRow(row);
}

/** Everything about one concept, through the gate. */
export async function getConceptDetails(
  context: OntologyContext,
  reference: { conceptId: number } | { vocabulary: string; code: string },
): Promise<ConceptDetails> {
  const concept = await findConcept(context, 'get_concept', reference);
  const id = concept.conceptId;
  const [synonyms, relationships, counts] = await Promise.all([
    queryVocabulary(
      context,
      'get_concept',
      'SELECT s.concept_synonym_name, s.language_concept_id FROM vocab.concept_synonym AS s WHERE s.concept_id = $1 ORDER BY s.concept_synonym_name',
      [id],
    ),
    queryVocabulary(
      context,
      'get_concept',
      `SELECT r.relationship_id, ${conceptColumns} FROM vocab.concept_relationship AS r
         JOIN vocab.concept AS c ON c.concept_id = r.concept_id_2
        WHERE r.concept_id_1 = $1 AND r.invalid_reason IS NULL
        ORDER BY CASE r.relationship_id WHEN 'Maps to' THEN 0 WHEN 'Is a' THEN 1 WHEN 'Subsumes' THEN 2 WHEN 'Mapped from' THEN 3 ELSE 4 END,
                 r.relationship_id, c.concept_name LIMIT ${relationshipLimit + 1}`,
      [id],
    ),
    queryVocabulary(
      context,
      'get_concept',
      `SELECT (SELECT count(*) FROM vocab.concept_ancestor AS a WHERE a.descendant_concept_id = $1 AND a.ancestor_concept_id <> $1) AS ancestors,
              (SELECT count(*) FROM vocab.concept_ancestor AS a WHERE a.ancestor_concept_id = $1 AND a.descendant_concept_id <> $1) AS descendants,
              EXISTS (SELECT 1 FROM vocab.concept_ancestor) AS available`,
      [id],
    ),
  ]);
  const count = counts[0] ?? {};
  return {
    concept,
    synonyms: synonyms.map((row) => ({
      name: String(row.concept_synonym_name),
      languageConceptId: Number(row.language_concept_id),
    })),
    relationships: relationships.slice(0, relationshipLimit).map((row) => ({
      relationship: String(row.relationship_id),
      concept: conceptFromRow(row),
    })),
    moreRelationships: Math.max(0, relationships.length - relationshipLimit),
    ancestorCount: Number(count.ancestors ?? 0),
    descendantCount: Number(count.descendants ?? 0),
    hierarchyAvailable: count.available === true || count.available === 't',
  };
}
