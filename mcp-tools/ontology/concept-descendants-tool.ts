import { z } from 'zod';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { conceptHierarchy, testSubsumption } from './concept-hierarchy.js';
import { conceptReference, conceptReferenceFields } from './concept-reference-input.js';
import { conceptSchema, fhirResourceSchema, formatSchema } from './concept-schemas.js';
import { renderExpansion, renderSubsumes } from './fhir-renderings.js';
import { findConcept } from './get-concept.js';

/** `concept_descendants`: the hierarchy below (or above) a concept, and subsumption tests. */
export const conceptDescendantsTool = defineTool({
  name: 'concept_descendants',
  title: 'Concept hierarchy',
  description:
    'The descendants of an OMOP concept (or its ancestors, with direction: "ancestors") with their levels, from concept_ancestor; where that table is empty, from \'Is a\' relationships, and the result says so. With subsumedConceptId, tests subsumption instead: whether the concept subsumes the other (equivalent, subsumes, subsumed-by, not-subsumed). With format: "fhir", the FHIR R4 ValueSet/$expand of the implicit value set "the concept and its descendants", or the CodeSystem/$subsumes output.',
  inputSchema: z
    .object({
      ...conceptReferenceFields,
      direction: z.enum(['descendants', 'ancestors']).optional().describe('Default descendants.'),
      maxLevels: z.number().int().min(1).max(50).optional().describe('Only this many levels away at most.'),
      subsumedConceptId: z.number().int().optional().describe('Test whether the concept subsumes this one.'),
      limit: z
        .number()
        .int()
        .min(1)
        .max(4_000)
        .optional()
        .describe('Concepts to return at most (default 200).'),
      format: formatSchema,
    })
    .strict(),
  outputSchema: z.object({
    concept: conceptSchema.optional(),
    direction: z.enum(['descendants', 'ancestors']).optional(),
    entries: z
      .array(z.object({ concept: conceptSchema, minLevels: z.number().int(), maxLevels: z.number().int() }))
      .optional(),
    hasMore: z.boolean().optional(),
    source: z.enum(['concept_ancestor', 'is_a']).optional(),
    message: z.string().optional(),
    outcome: z.enum(['equivalent', 'subsumes', 'subsumed-by', 'not-subsumed']).optional(),
    fhir: fhirResourceSchema.optional(),
  }),
  annotations: readOnlyToolAnnotations,
  async execute(input, context) {
    const concept = await findConcept(context, 'concept_descendants', conceptReference(input));
    if (input.subsumedConceptId !== undefined) {
      const other = await findConcept(context, 'concept_descendants', { conceptId: input.subsumedConceptId });
      const { outcome, source } = await testSubsumption(context, {
        conceptA: concept.conceptId,
        conceptB: other.conceptId,
      });
      if (input.format === 'fhir')
        return { fhir: renderSubsumes(outcome) as unknown as Record<string, unknown> };
      return { concept, outcome, source };
    }
    const limit = input.limit ?? 200;
    const hierarchy = await conceptHierarchy(context, {
      conceptId: concept.conceptId,
      direction: input.direction ?? 'descendants',
      maxLevels: input.maxLevels,
      limit,
    });
    if (input.format === 'fhir')
      return {
        fhir: renderExpansion({
          root: concept,
          descendants: hierarchy.entries.map((entry) => entry.concept),
          total: hierarchy.hasMore ? undefined : hierarchy.entries.length + 1,
          timestamp: new Date().toISOString(),
        }) as unknown as Record<string, unknown>,
      };
    return { concept, ...hierarchy };
  },
  renderText(output) {
    if (output.fhir) return JSON.stringify(output.fhir, null, 2);
    const { concept } = output;
    const head = concept
      ? `${concept.conceptId} ${concept.vocabulary} ${concept.code} "${concept.name}"`
      : '';
    if (output.outcome) return `${head}: ${output.outcome}`;
    const lines = (output.entries ?? []).map(
      (entry) =>
        `${'  '.repeat(Math.min(entry.minLevels, 6))}${entry.concept.conceptId} ${entry.concept.vocabulary} ${entry.concept.code} "${entry.concept.name}" (level ${entry.minLevels})`,
    );
    return [
      `${output.direction === 'ancestors' ? 'Ancestors' : 'Descendants'} of ${head}: ${lines.length}${output.hasMore ? '+' : ''}`,
      ...(output.message ? [`(${output.message})`] : []),
      ...lines,
    ].join('\n');
  },
});
