import express, { type ErrorRequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineRoute } from './api-route.js';
import { InvalidApiRouteError } from './invalid-api-route-error.js';
import { problemSchema } from './problem-schema.js';
import { startTestServer, type TestServer } from './start-test-server.js';
import { validatedHandler } from './validated-handler.js';

const appendMessage = defineRoute({
  method: 'post',
  path: '/api/conversations/:conversationId/messages',
  operationId: 'appendMessage',
  summary: 'Append a message',
  tags: ['conversations'],
  authenticated: true,
  params: z.object({ conversationId: z.uuid() }),
  query: z.object({
    stream: z.enum(['true', 'false']).default('false'),
    limit: z.coerce.number().int().max(50).optional(),
  }),
  body: z.object({
    content: z.string().min(1),
    attachments: z.array(z.object({ name: z.string() })).default([]),
  }),
  maximumBodyBytes: 200,
  responses: { 200: { description: 'The stored message' } },
});

const listConversations = defineRoute({
  method: 'get',
  path: '/api/conversations',
  operationId: 'listConversations',
  summary: 'List conversations',
  tags: ['conversations'],
  authenticated: true,
  responses: { 200: { description: 'Conversations' } },
});

const conversationId = '6f1c1f4e-4a3b-4c1d-9a55-0c2b8f3c1d2e';

describe('validatedHandler', () => {
  let server: TestServer;
  const received: unknown[] = [];

  beforeAll(async () => {
    const app = express();
    app.post(
      appendMessage.path,
      ...validatedHandler(appendMessage, (input, _request, response) => {
        expectTypeOf(input.params.conversationId).toEqualTypeOf<string>();
        expectTypeOf(input.query.limit).toEqualTypeOf<number | undefined>();
        expectTypeOf(input.body.attachments).toEqualTypeOf<{ name: string }[]>();
        received.push(input);
        response.json({ stored: input.body.content });
      }),
    );
    app.get(
      listConversations.path,
      ...validatedHandler(listConversations, async (input, _request, response) => {
        expectTypeOf(input.body).toEqualTypeOf<undefined>();
        if (response.req.headers['x-fail']) throw new Error('the store is down');
        response.json({ input });
      }),
    );
    const answerErrors: ErrorRequestHandler = (error, _request, response, _next) => {
      response.status(500).json({ caught: (error as Error).message });
    };
    app.use(answerErrors);
    server = await startTestServer(app);
  });
  afterAll(() => server.close());

  const post = (
    body: string,
    headers: Record<string, string> = { 'Content-Type': 'application/json' },
    path = '',
  ) =>
    fetch(server.url(`/api/conversations/${conversationId}/messages${path}`), {
      method: 'POST',
      headers,
      body,
    });

  const problemOf = async (response: Response) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return problemSchema.parse(await response.json());
  };

  it('hands the handler parsed input with defaults and coercions applied', async () => {
    received.length = 0;
    const response = await post(JSON.stringify({ content: 'How many patients?' }), undefined, '?limit=10');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stored: 'How many patients?' });
    expect(received).toEqual([
      {
        params: { conversationId },
        query: { stream: 'false', limit: 10 },
        body: { content: 'How many patients?', attachments: [] },
      },
    ]);
  });

  it('accepts a charset parameter on application/json', async () => {
    const response = await post(JSON.stringify({ content: 'hi' }), {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(200);
  });

  it('answers 400 invalid_request listing every invalid field across params, query and body', async () => {
    received.length = 0;
    const response = await fetch(server.url('/api/conversations/not-a-uuid/messages?limit=500'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: '', attachments: [{ name: 3 }] }),
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      code: 'invalid_request',
      status: 400,
      type: 'https://hale.dev/problems/invalid_request',
    });
    expect(problem.errors?.map((error) => error.path)).toEqual([
      'params.conversationId',
      'query.limit',
      'body.content',
      'body.attachments[0].name',
    ]);
    expect(problem.errors?.every((error) => error.message.length > 0)).toBe(true);
    expect(problem.detail).toMatch(/^4 invalid fields: params\.conversationId: .+; and 1 more$/);
    expect(received).toEqual([]);
  });

  it('answers 400 invalid_request for a required body that is missing', async () => {
    const response = await post('', {});
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('invalid_request');
    expect(problem.errors?.map((error) => error.path)).toEqual(['body']);
  });

  it('answers 400 invalid_json for malformed JSON', async () => {
    const response = await post('{"content": "unterminated');
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('invalid_json');
    expect(problem.detail).toMatch(/^the body is not valid JSON/);
  });

  it('answers 415 unsupported_media_type for a body that is not JSON', async () => {
    for (const headers of [
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    ]) {
      const response = await post('content=hi', headers);
      expect(response.status).toBe(415);
      expect((await problemOf(response)).code).toBe('unsupported_media_type');
    }
  });

  it('answers 415 unsupported_media_type for JSON in a charset other than UTF', async () => {
    const response = await post('{"content":"hi"}', { 'Content-Type': 'application/json; charset=latin1' });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).code).toBe('unsupported_media_type');
  });

  it("answers 413 payload_too_large past the route's own limit", async () => {
    const within = await post(JSON.stringify({ content: 'x'.repeat(150) }));
    expect(within.status).toBe(200);
    const beyond = await post(JSON.stringify({ content: 'x'.repeat(250) }));
    expect(beyond.status).toBe(413);
    const problem = await problemOf(beyond);
    expect(problem.code).toBe('payload_too_large');
    expect(problem.detail).toContain('200 bytes');
  });

  it('answers 413 for a chunked body that grows past the limit', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 10; index += 1)
          controller.enqueue(new TextEncoder().encode('x'.repeat(50)));
        controller.close();
      },
    });
    const response = await fetch(server.url(`/api/conversations/${conversationId}/messages`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('ignores the body of a route that declares none and gives empty params and query', async () => {
    const response = await fetch(server.url('/api/conversations?unknown=1'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ input: { params: {}, query: {} } });
  });

  it('passes errors from an async handler to the next error handler', async () => {
    const response = await fetch(server.url('/api/conversations'), { headers: { 'X-Fail': 'yes' } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ caught: 'the store is down' });
  });

  it('refuses at mount time a route whose path and params disagree', () => {
    const route = defineRoute({ ...listConversations, path: '/api/conversations/:conversationId' });
    expect(() => validatedHandler(route, () => {})).toThrowError(InvalidApiRouteError);
    expect(() => validatedHandler(route, () => {})).toThrowError(/:conversationId missing from params/);
  });
});
