import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ApiRoute, defineRoute } from './api-route.js';
import { InvalidApiRouteError } from './invalid-api-route-error.js';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document.js';

const conversationSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    visibility: z.enum(['private', 'shared']).default('private'),
  })
  .meta({ id: 'Conversation' });

interface Tree {
  label: string;
  children: Tree[];
}
const treeSchema: z.ZodType<Tree> = z.object({
  label: z.string(),
  get children() {
    return z.array(treeSchema);
  },
});

const routes = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'checkHealth',
    summary: 'Liveness',
    tags: ['operations'],
    authenticated: false,
    responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
  }),
  defineRoute({
    method: 'get',
    path: '/api/conversations',
    operationId: 'listConversations',
    summary: 'List conversations',
    tags: ['conversations'],
    authenticated: true,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20).describe('How many to return.'),
      cursor: z.string().optional(),
      owner: z.string(),
    }),
    responses: { 200: { description: 'A page', schema: z.object({ items: z.array(conversationSchema) }) } },
  }),
  defineRoute({
    method: 'post',
    path: '/api/conversations',
    operationId: 'createConversation',
    summary: 'Start a conversation',
    tags: ['conversations'],
    authenticated: true,
    body: conversationSchema,
    responses: { 201: { description: 'Created', schema: conversationSchema } },
  }),
  defineRoute({
    method: 'get',
    path: '/api/conversations/:conversationId',
    operationId: 'getConversation',
    summary: 'Read a conversation',
    tags: ['conversations'],
    authenticated: true,
    params: z.object({ conversationId: z.uuid().describe('The conversation to read.') }),
    responses: {
      200: { description: 'The conversation', schema: conversationSchema },
      404: { description: 'No such conversation' },
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/messages',
    operationId: 'appendMessage',
    summary: 'Ask a question',
    description: 'Streams the answer as server-sent events.',
    tags: ['conversations', 'agent'],
    authenticated: true,
    params: z.object({ conversationId: z.uuid() }),
    body: z.object({
      content: z.string().min(1),
      context: z.json().optional(),
      outline: treeSchema.optional(),
    }),
    maximumBodyBytes: 16_384,
    responses: { 200: { description: 'The answer, as events', contentType: 'text/event-stream' } },
  }),
  defineRoute({
    method: 'put',
    path: '/api/outlines/:outlineId',
    operationId: 'saveOutline',
    summary: 'Save an outline',
    tags: ['outlines'],
    authenticated: true,
    params: z.object({ outlineId: z.string() }),
    body: treeSchema.optional(),
    responses: { 204: { description: 'Saved' } },
  }),
] as const satisfies readonly ApiRoute[];

const info = { title: 'Hale API', version: '0.1.0', description: 'Governed conversational data assistant.' };

type Operation = Record<string, unknown> & {
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: Record<string, unknown> & { required: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
  security?: unknown;
};
const operationOf = (document: OpenApiDocument, path: string, method: string) =>
  document.paths[path]?.[method] as Operation;

/** An Ajv validator for the schema at a JSON pointer into the document, resolving its component references. */
function validatorAt(document: OpenApiDocument, pointer: string) {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ ...structuredClone(document), $id: 'https://hale.test/openapi.json' });
  return ajv.compile({ $ref: `https://hale.test/openapi.json#${pointer}` });
}

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument(routes, info);

  it('produces a document a real OpenAPI 3.1 validator accepts', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual(info);
    // The validator is not a rubber stamp: it rejects a response without its description, and a
    // reference that does not resolve within the document (as zod's local `#/$defs/…` would not).
    const undescribed = structuredClone(document);
    delete (operationOf(undescribed, '/healthz', 'get').responses['200'] as { description?: string })
      .description;
    await expect(SwaggerParser.validate(undescribed as never)).rejects.toThrow(/description/);
    const dangling = structuredClone(document);
    operationOf(dangling, '/healthz', 'get').responses['200'] = {
      description: 'Alive',
      content: { 'application/json': { schema: { $ref: '#/$defs/__schema0' } } },
    };
    await expect(SwaggerParser.validate(dangling as never)).rejects.toThrow(/__schema0/);
    expect(document.tags).toEqual([
      { name: 'agent' },
      { name: 'conversations' },
      { name: 'operations' },
      { name: 'outlines' },
    ]);
  });

  it('turns Express paths into templates and params and query into parameters', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/healthz',
      '/api/conversations',
      '/api/conversations/{conversationId}',
      '/api/conversations/{conversationId}/messages',
      '/api/outlines/{outlineId}',
    ]);
    expect(operationOf(document, '/api/conversations/{conversationId}', 'get').parameters).toEqual([
      {
        name: 'conversationId',
        in: 'path',
        required: true,
        description: 'The conversation to read.',
        schema: expect.objectContaining({ type: 'string', format: 'uuid' }),
      },
    ]);
    const query = operationOf(document, '/api/conversations', 'get').parameters;
    expect(query?.map(({ name, in: location, required }) => ({ name, location, required }))).toEqual([
      { name: 'limit', location: 'query', required: false },
      { name: 'cursor', location: 'query', required: false },
      { name: 'owner', location: 'query', required: true },
    ]);
    expect(query?.[0]?.schema).toEqual({
      description: 'How many to return.',
      default: 20,
      type: 'integer',
      minimum: 1,
      maximum: 100,
    });
  });

  it('describes the request body with its limit and whether it may be omitted', () => {
    const append = operationOf(document, '/api/conversations/{conversationId}/messages', 'post');
    expect(append.requestBody).toMatchObject({ required: true, 'x-maximum-body-bytes': 16_384 });
    expect(operationOf(document, '/api/conversations', 'post').requestBody).toMatchObject({
      'x-maximum-body-bytes': 64 * 1024,
    });
    expect(operationOf(document, '/api/outlines/{outlineId}', 'put').requestBody?.required).toBe(false);
    expect(operationOf(document, '/healthz', 'get').requestBody).toBeUndefined();
  });

  it('keeps recursive and shared schemas valid by moving them into components', () => {
    const pointer =
      '/paths/~1api~1conversations~1{conversationId}~1messages/post/requestBody/content/application~1json/schema';
    const validate = validatorAt(document, pointer);
    const outline = { label: 'cohort', children: [{ label: 'diabetes', children: [] }] };
    expect(
      validate({ content: 'How many?', context: { filters: [1, 'a', null, { deep: true }] }, outline }),
    ).toBe(true);
    expect(
      validate({
        content: 'How many?',
        outline: { label: 'cohort', children: [{ label: 3, children: [] }] },
      }),
    ).toBe(false);
    expect(validate({ content: '' })).toBe(false);

    const saveOutline = validatorAt(
      document,
      '/paths/~1api~1outlines~1{outlineId}/put/requestBody/content/application~1json/schema',
    );
    expect(saveOutline(outline)).toBe(true);
    expect(saveOutline({ label: 'cohort', children: [{ label: 'no children' }] })).toBe(false);
  });

  it('names a shared schema once per shape: as input it may omit defaults, as output it may not', () => {
    const { schemas } = document.components;
    expect(operationOf(document, '/api/conversations/{conversationId}', 'get').responses['200']).toEqual({
      description: 'The conversation',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Conversation' } } },
    });
    expect(schemas.Conversation?.required).toEqual(['id', 'title', 'visibility']);
    expect(schemas.ConversationInput?.required).toEqual(['id', 'title']);
    const body = operationOf(document, '/api/conversations', 'post').requestBody?.content['application/json'];
    expect(body?.schema).toEqual({ $ref: '#/components/schemas/ConversationInput' });
  });

  it('documents streams, bodiless responses and the shared problem responses', () => {
    const append = operationOf(document, '/api/conversations/{conversationId}/messages', 'post');
    expect(append.responses['200']).toEqual({
      description: 'The answer, as events',
      content: { 'text/event-stream': {} },
    });
    expect(Object.keys(append.responses).sort()).toEqual(['200', '400', '401', '413', '415', '429', '500']);
    expect(operationOf(document, '/api/conversations/{conversationId}', 'get').responses['404']).toEqual({
      description: 'No such conversation',
    });
    expect(Object.keys(operationOf(document, '/healthz', 'get').responses).sort()).toEqual([
      '200',
      '429',
      '500',
    ]);
    expect(append.responses['413']).toEqual({ $ref: '#/components/responses/PayloadTooLarge' });
    expect(document.components.responses.RateLimited?.headers).toHaveProperty('Retry-After');
    expect(document.components.responses.InvalidRequest?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
  });

  it('validates real problem documents with the Problem schema', () => {
    const validate = validatorAt(document, '/components/schemas/Problem');
    const problem = {
      type: 'https://hale.dev/problems/invalid_request',
      code: 'invalid_request',
      title: 'Invalid request',
      status: 400,
    };
    expect(validate({ ...problem, errors: [{ path: 'body.content', message: 'Too small' }] })).toBe(true);
    expect(validate({ ...problem, errors: [{ path: 'body.content' }] })).toBe(false);
    expect(validate({ code: 'invalid_request' })).toBe(false);
  });

  it('asks for bearer or demo-user credentials on authenticated routes only', () => {
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      demoUser: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Hale-Demo-User' }),
    });
    expect(operationOf(document, '/api/conversations', 'get').security).toEqual([
      { bearerAuth: [] },
      { demoUser: [] },
    ]);
    expect(operationOf(document, '/healthz', 'get').security).toBeUndefined();
  });

  it('refuses routes that cannot be documented, naming the route', () => {
    const [health, list] = routes;
    const attempt = (candidates: readonly ApiRoute[]) => () => buildOpenApiDocument(candidates, info);
    expect(attempt([health, { ...health, path: '/livez' }])).toThrowError(/route checkHealth: another route/);
    expect(attempt([health, { ...health, operationId: 'checkAgain' }])).toThrowError(
      /GET \/healthz is already documented/,
    );
    expect(attempt([{ ...list, path: '/api/:team/conversations' }])).toThrowError(
      /:team missing from params/,
    );
    expect(attempt([{ ...health, params: z.object({ id: z.string() }) }])).toThrowError(
      /declares id, which path/,
    );
    expect(attempt([{ ...health, path: '/files/*rest' }])).toThrowError(InvalidApiRouteError);
    const transformed = {
      ...health,
      responses: { 200: { description: 'x', schema: z.string().transform(Number) } },
    };
    expect(attempt([transformed])).toThrowError(
      /route checkHealth: the Response200 schema has no JSON Schema form/,
    );
  });
});
