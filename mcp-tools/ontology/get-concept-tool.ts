import { z } from 'zod';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { conceptReference, conceptReferenceFields } from './concept-reference-input.js';
import { conceptSchema, fhirResourceSchema, formatSchema } from './concept-schemas.js';
import { renderLookup } from './fhir-renderings.js';
import { getConceptDetails } from './get-concept.js';

/** `get_concept`: one concept with its synonyms, relationships and hierarchy size. */
export const getConceptTool = defineTool({
  name: 'get_concept',
  title: 'Get a clinical concept',
  description:
    "One OMOP concept by id (or system and code): its fields, synonyms (English, French), relationships ('Maps to', 'Mapped from', 'Is a', 'Subsumes', 'RxNorm has ing' …) and how many ancestors and descendants it has. With format: \"fhir\", the FHIR R4 CodeSystem/$lookup output (Parameters).",
  inputSchema: z.object({ ...conceptReferenceFields, format: formatSchema }).strict(),
  outputSchema: z.object({
    concept: conceptSchema.optional(),
    synonyms: z.array(z.object({ name: z.string(), languageConceptId: z.number().int() })).optional(),
    relationships: z.array(z.object({ relationship: z.string(), concept: conceptSchema })).optional(),
    moreRelationships: z.number().int().optional(),
    ancestorCount: z.number().int().optional(),
    descendantCount: z.number().int().optional(),
    hierarchyAvailable: z.boolean().optional(),
    fhir: fhirResourceSchema.optional().describe('With format fhir: the $lookup Parameters resource.'),
  }),
  annotations: readOnlyToolAnnotations,
  async execute(input, context) {
    const details = await getConceptDetails(context, conceptReference(input));
    if (input.format === 'fhir') return { fhir: renderLookup(details) as unknown as Record<string, unknown> };
    return details;
  },
  renderText(output) {
    if (output.fhir) return JSON.stringify(output.fhir, null, 2);
    const { concept } = output;
    if (!concept) return 'No concept.';
    const lines = [
      `${concept.conceptId} ${concept.vocabulary} ${concept.code} "${concept.name}" (${concept.domain}, ${concept.conceptClass}, ${concept.standard === 'S' ? 'standard' : concept.standard === 'C' ? 'classification' : 'non-standard'}${concept.invalidReason ? `, invalid: ${concept.invalidReason}` : ''})`,
    ];
    if (output.synonyms?.length)
      lines.push(`Synonyms: ${output.synonyms.map((synonym) => synonym.name).join('; ')}`);
    for (const relationship of output.relationships ?? [])
      lines.push(
        `${relationship.relationship}: ${relationship.concept.conceptId} ${relationship.concept.vocabulary} ${relationship.concept.code} "${relationship.concept.name}"`,
      );
    if (output.moreRelationships) lines.push(`(${output.moreRelationships} more relationships)`);
    lines.push(
      output.hierarchyAvailable
        ? `${output.ancestorCount} ancestors, ${output.descendantCount} descendants (concept_ancestor)`
        : 'concept_ancestor is empty in this warehouse: no hierarchy counts',
    );
    return lines.join('\n');
  },
});
