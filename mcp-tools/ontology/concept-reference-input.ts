import { z } from 'zod';
import { ToolError } from '../tools/tool-error.js';
import { omopConceptSystem, vocabularyOfSystem } from './fhir-code-systems.js';

/** A concept named by its OMOP id, or by its code in a vocabulary (OMOP id or FHIR system URI). */
export const conceptReferenceFields = {
  conceptId: z.number().int().optional().describe('The OMOP concept id (e.g. 201826).'),
  system: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'With code: an OMOP vocabulary id (SNOMED, ICD10CM …) or a FHIR system URI (http://snomed.info/sct).',
    ),
  code: z.string().min(1).max(100).optional().describe('With system: the code (44054006, E11.9).'),
};

/** The reference given, or a tool error saying what is missing. */
export function conceptReference(input: {
  conceptId?: number | undefined;
  system?: string | undefined;
  code?: string | undefined;
}): { conceptId: number } | { vocabulary: string; code: string } {
  if (input.conceptId !== undefined) return { conceptId: input.conceptId };
  if (input.system && input.code) {
    // OHDSI's concept-id system, as Hale's own FHIR output names concepts without a FHIR vocabulary.
    if (input.system === omopConceptSystem) {
      if (!/^\d+$/.test(input.code))
        throw new ToolError('invalid_input', `"${input.code}" is not an OMOP concept id`);
      return { conceptId: Number(input.code) };
    }
    const vocabulary = vocabularyOfSystem(input.system);
    if (!vocabulary)
      throw new ToolError(
        'invalid_input',
        `unknown code system "${input.system}": give an OMOP vocabulary id or a FHIR system URI`,
      );
    return { vocabulary, code: input.code };
  }
  throw new ToolError('invalid_input', 'name the concept by conceptId, or by system and code');
}
