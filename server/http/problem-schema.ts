import { z } from 'zod';

/** One field a request got wrong. */
export const fieldErrorSchema = z
  .object({
    path: z.string().describe('Where the value was, e.g. `body.messages[0].content` or `query.limit`.'),
    message: z.string().describe('What is wrong with it.'),
  })
  .meta({ id: 'FieldError' });

export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * The RFC 9457 problem document every Hale error response carries, as `sendProblem` writes it. It is
 * the source of the OpenAPI `Problem` schema. Loose because RFC 9457 lets a problem type add members
 * that clients must ignore.
 */
export const problemSchema = z
  .looseObject({
    type: z.string().describe('A URI naming the problem type: https://hale.dev/problems/<code>.'),
    code: z.string().describe("Hale's stable error code, e.g. `invalid_request`."),
    title: z.string().describe('A short, human-readable summary of the problem type.'),
    status: z.number().int().min(400).max(599).describe('The HTTP status code.'),
    detail: z.string().optional().describe('What went wrong with this request.'),
    errors: z.array(fieldErrorSchema).optional().describe('For `invalid_request`: every invalid field.'),
  })
  .meta({ id: 'Problem' });
