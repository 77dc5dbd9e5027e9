import { ToolError } from '../tools/tool-error.js';
import { type Concept, conceptColumns, conceptFromRow } from './concept.js';
import { vocabularyOfSystem } from './fhir-code-systems.js';
import { findConcept } from './get-concept.js';
import type { OntologyContext } from './ontology-context.js';
import { queryVocabulary } from './vocabulary-query.js';

export interface CodeTranslation {
  source: Concept;
  /** `to_standard`: through 'Maps to'; `to_source`: through 'Mapped from'; `to_vocabulary`: both. */
  direction: 'to_standard' | 'to_source' | 'to_vocabulary';
  targets: { concept: Concept; relationship: string }[];
  /** Why there is no target, when there is none. */
  message?: string;
}

/**
 * Translates a code given as (vocabulary id or FHIR system URI, code): to its standard concept(s)
 * through 'Maps to' (a standard concept maps to itself); from a standard concept to the source codes
 * that map to it ('Mapped from'), optionally of one vocabulary; or to another vocabulary through the
 * standard concept (ICD10CM E11.9 → SNOMED 44054006 → the ICD-10 codes mapped from it).
 */
export async function translateCode(
  context: OntologyContext,
  { system, code, targetVocabulary }: { system: string; code: string; targetVocabulary?: string | undefined },
): Promise<CodeTranslation> {
  const vocabulary = vocabularyOfSystem(system);
  if (!vocabulary)
    throw new ToolError(
      'invalid_input',
      `unknown code system "${system}": give an OMOP vocabulary id (SNOMED, ICD10CM, LOINC, RxNorm …) or its FHIR URI (http://snomed.info/sct …)`,
    );
  const source = await findConcept(context, 'translate_code', { vocabulary, code });
  if (targetVocabulary !== undefined) {
    const target = vocabularyOfSystem(targetVocabulary);
    if (!target)
      throw new ToolError(
        'invalid_input',
        `unknown target code system "${targetVocabulary}": give an OMOP vocabulary id or its FHIR URI`,
      );
    targetVocabulary = target;
  }
  const mapped = async (conceptId: number, relationship: string, targetFilter?: string) => {
    const parameters: (string | number)[] = [conceptId, relationship];
    if (targetFilter) parameters.push(targetFilter);
    const rows = await queryVocabulary(
      context,
      'translate_code',
      `SELECT r.relationship_id, ${conceptColumns} FROM vocab.concept_relationship AS r
         JOIN vocab.concept AS c ON c.concept_id = r.concept_id_2
        WHERE r.concept_id_1 = $1 AND r.relationship_id = $2 AND r.invalid_reason IS NULL
          ${targetFilter ? 'AND c.vocabulary_id = $3' : ''}
        ORDER BY c.standard_concept NULLS LAST, c.vocabulary_id, c.concept_code LIMIT 500`,
      parameters,
    );
    return rows.map((row) => ({ concept: conceptFromRow(row), relationship: String(row.relationship_id) }));
  };

  if (!targetVocabulary) {
    const targets =
      source.standard === 'S'
        ? [{ concept: source, relationship: 'Maps to' }]
        : await mapped(source.conceptId, 'Maps to');
    return {
      source,
      direction: 'to_standard',
      targets,
      ...(targets.length === 0
        ? { message: `${vocabulary} ${code} has no 'Maps to' relationship in this vocabulary` }
        : {}),
    };
  }
  if (source.standard === 'S') {
    const targets = await mapped(source.conceptId, 'Mapped from', targetVocabulary);
    return {
      source,
      direction: 'to_source',
      targets,
      ...(targets.length === 0
        ? { message: `no ${targetVocabulary} code maps to ${vocabulary} ${code} in this vocabulary` }
        : {}),
    };
  }
  const standards = await mapped(source.conceptId, 'Maps to');
  const targets = (
    await Promise.all(
      standards.map(async ({ concept }) =>
        concept.vocabulary === targetVocabulary
          ? [{ concept, relationship: 'Maps to' }]
          : mapped(concept.conceptId, 'Mapped from', targetVocabulary),
      ),
    )
  ).flat();
  return {
    source,
    direction: 'to_vocabulary',
    targets,
    ...(targets.length === 0
      ? {
          message:
            standards.length === 0
              ? `${vocabulary} ${code} has no 'Maps to' relationship, so no path to ${targetVocabulary}`
              : `no ${targetVocabulary} code maps to the standard concept${standards.length > 1 ? 's' : ''} of ${vocabulary} ${code}`,
        }
      : {}),
  };
}
