import { z } from 'zod';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { ToolError } from '../tools/tool-error.js';
import { conceptSchema } from './concept-schemas.js';
import { searchConcepts } from './search-concepts.js';

const nameList = z.array(z.string().min(1).max(40)).max(20).optional();

/** `search_concepts`: find OMOP concepts by code, name or synonym. */
export const searchConceptsTool = defineTool({
  name: 'search_concepts',
  title: 'Search clinical concepts',
  description:
    'Finds OMOP vocabulary concepts (SNOMED conditions, ICD-10-CM codes, RxNorm drugs, ATC classes, LOINC measurements, UCUM units …) by exact code, name or synonym, in English or French, accent- and case-insensitive, tolerant of typos. Ranked: exact code, exact name or synonym, standard concepts, then similarity. Filter by vocabulary, domain, concept class, standard or valid only. Use the standard concept (standard: "S") in queries: e.g. a descendant_of filter in query_metrics.',
  inputSchema: z
    .object({
      text: z
        .string()
        .min(1)
        .max(200)
        .describe('A code (E11.9, 4548-4) or words ("type 2 diabetes", « diabète de type 2 »).'),
      vocabularies: nameList.describe('Only these vocabularies (SNOMED, ICD10CM, RxNorm, LOINC, ATC …).'),
      domains: nameList.describe('Only these domains (Condition, Drug, Measurement, Procedure …).'),
      conceptClasses: nameList.describe('Only these concept classes (Clinical Finding, Ingredient …).'),
      standardOnly: z.boolean().optional().describe('Only standard concepts.'),
      validOnly: z.boolean().optional().describe('Only valid concepts (no invalid_reason).'),
      limit: z.number().int().min(1).max(100).optional().describe('Results per page (default 10).'),
      offset: z.number().int().min(0).max(4_000).optional().describe('Results to skip (pagination).'),
    })
    .strict(),
  outputSchema: z.object({
    results: z.array(
      z.object({
        concept: conceptSchema,
        match: z.enum(['code', 'name', 'similar']),
        matched: z.string().describe('The code, name or synonym that matched.'),
        score: z.number(),
      }),
    ),
    hasMore: z.boolean(),
    offset: z.number().int(),
  }),
  annotations: readOnlyToolAnnotations,
  async execute(input, context) {
    if (input.text.trim() === '')
      throw new ToolError('invalid_input', 'give a code or some words to search for');
    const offset = input.offset ?? 0;
    const { matches, hasMore } = await searchConcepts(context, {
      text: input.text,
      vocabularies: input.vocabularies,
      domains: input.domains,
      conceptClasses: input.conceptClasses,
      standardOnly: input.standardOnly,
      validOnly: input.validOnly,
      limit: input.limit ?? 10,
      offset,
    });
    return { results: matches, hasMore, offset };
  },
  renderText({ results, hasMore, offset }) {
    if (results.length === 0) return 'No concept matches. Try fewer or other words, or a code.';
    const lines = results.map(
      ({ concept, match, matched }) =>
        `${concept.conceptId} ${concept.vocabulary} ${concept.code} "${concept.name}" (${concept.domain}, ${concept.conceptClass}${concept.standard === 'S' ? ', standard' : concept.standard === 'C' ? ', classification' : ', non-standard'}${concept.invalidReason ? ', invalid' : ''})${match === 'similar' && matched !== concept.name ? ` via "${matched}"` : ''}`,
    );
    return `${lines.join('\n')}${hasMore ? `\n(more: offset ${offset + results.length})` : ''}`;
  },
});
