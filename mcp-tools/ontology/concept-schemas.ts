import { z } from 'zod';

/** A concept in tool outputs. */
export const conceptSchema = z.object({
  conceptId: z.number().int(),
  name: z.string(),
  domain: z.string(),
  vocabulary: z.string(),
  conceptClass: z.string(),
  standard: z.enum(['S', 'C']).nullable().describe('S standard, C classification, null non-standard.'),
  code: z.string(),
  validStart: z.string(),
  validEnd: z.string(),
  invalidReason: z.string().nullable(),
});

/** `format`: Hale's JSON, or the FHIR R4 resource of the operation. */
export const formatSchema = z
  .enum(['omop', 'fhir'])
  .optional()
  .describe('omop (default): Hale JSON; fhir: the FHIR R4 output of the matching terminology operation.');

/** FHIR output is passed through as JSON (validated against FHIR R4 in tests). */
export const fhirResourceSchema = z.record(z.string(), z.unknown());
