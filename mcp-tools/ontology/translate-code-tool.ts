import { z } from 'zod';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { conceptSchema, fhirResourceSchema, formatSchema } from './concept-schemas.js';
import { renderTranslate } from './fhir-renderings.js';
import { translateCode } from './translate-code.js';

/** `translate_code`: a code to its standard concept, a standard concept to source codes, or across vocabularies. */
export const translateCodeTool = defineTool({
  name: 'translate_code',
  title: 'Translate a clinical code',
  description:
    "Translates a code between vocabularies through OMOP's mappings. A source code (ICD10CM E11.9, given as system ICD10CM or http://hl7.org/fhir/sid/icd-10-cm) gives its standard concept(s) through 'Maps to'. With targetVocabulary: from a standard concept to the codes of that vocabulary mapped to it ('Mapped from'), or from a source code to another vocabulary through the standard concept. With format: \"fhir\", the FHIR R4 ConceptMap/$translate output.",
  inputSchema: z
    .object({
      system: z.string().min(1).max(200).describe('OMOP vocabulary id or FHIR system URI of the code.'),
      code: z.string().min(1).max(100),
      targetVocabulary: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('The vocabulary to translate to (SNOMED, ICD10CM, ICD10 …).'),
      format: formatSchema,
    })
    .strict(),
  outputSchema: z.object({
    source: conceptSchema.optional(),
    direction: z.enum(['to_standard', 'to_source', 'to_vocabulary']).optional(),
    targets: z.array(z.object({ concept: conceptSchema, relationship: z.string() })).optional(),
    message: z.string().optional(),
    fhir: fhirResourceSchema.optional(),
  }),
  annotations: readOnlyToolAnnotations,
  async execute(input, context) {
    const translation = await translateCode(context, input);
    if (input.format === 'fhir')
      return { fhir: renderTranslate(translation) as unknown as Record<string, unknown> };
    return translation;
  },
  renderText(output) {
    if (output.fhir) return JSON.stringify(output.fhir, null, 2);
    const { source, targets = [] } = output;
    const head = source ? `${source.vocabulary} ${source.code} "${source.name}" (${source.conceptId})` : '';
    if (targets.length === 0) return `${head}: ${output.message ?? 'no translation'}`;
    return [
      `${head} →`,
      ...targets.map(
        (target) =>
          `  ${target.relationship}: ${target.concept.conceptId} ${target.concept.vocabulary} ${target.concept.code} "${target.concept.name}"`,
      ),
    ].join('\n');
  },
});
