import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBearerVerifier } from '../../bin/create-bearer-verifier.js';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { createApiToken } from '../../mcp-tools/mcp/index.js';
import { createApp, type RateLimits } from '../../server/create-app.js';
import { createHttpMetrics } from '../../server/http/http-metrics.js';
import { startTestServer, type TestServer } from '../../server/http/start-test-server.js';
import type { IdentityMode } from '../../server/identity/authenticate-request.js';
import {
  type ChatTestRuntime,
  choiceOf,
  createChatTestRuntime,
  lastToolResultText,
  scriptedModel,
} from '../support/chat-test-runtime.js';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { startScriptedChatServer } from '../support/scripted-chat-server.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { parseUiMessageStream, streamedText } from '../support/ui-message-stream.js';

/** A response's JSON, loosely typed: the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON documents.
async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

const pglite = testDatabaseAdapters[0];
if (!pglite) throw new Error('no PGlite adapter');

describe('the chat HTTP API', () => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;
  const servers: TestServer[] = [];

  async function serve({
    chat,
    identityMode = 'demo',
    rateLimits,
  }: {
    chat: ChatTestRuntime;
    identityMode?: IdentityMode;
    rateLimits?: RateLimits;
  }): Promise<TestServer> {
    const metrics = createHttpMetrics();
    const verifyBearer = createBearerVerifier({ database: handle.database, policy: () => warehouse.policy });
    const app = createApp({
      version: 'test',
      readiness: async () => [],
      log: () => {},
      metrics,
      ...(rateLimits ? { rateLimits } : {}),
      api: {
        agent: () => chat.agent,
        tools: () => chat.runtime,
        ...chat.stores,
        identity: {
          mode: identityMode,
          policy: () => warehouse.policy,
          verifyBearer,
        },
        defaultModel: 'builtin',
        dailyTokenBudget: () => undefined,
        now: () => new Date('2026-07-01T09:00:00Z'),
      },
    });
    const server = await startTestServer(app);
    servers.push(server);
    return server;
  }

  /** The chat stack over the test warehouse with a scripted model (its steps run on across turns). */
  const scriptedChat = (steps: Parameters<typeof scriptedModel>[0]) =>
    createChatTestRuntime({
      warehouse,
      database: handle.database,
      overrides: { chooseModel: choiceOf(scriptedModel(steps)) },
    });

  const asUser = (user: string) => ({ 'X-Hale-Demo-User': user, 'Content-Type': 'application/json' });

  async function chatTurn(server: TestServer, user: string, body: Record<string, unknown>) {
    const response = await fetch(server.url('/api/chat'), {
      method: 'POST',
      headers: asUser(user),
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { response, ...(response.ok ? parseUiMessageStream(text) : { chunks: [], done: false }), text };
  }

  beforeAll(async () => {
    handle = await pglite.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.05 });
  }, 300_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await handle?.dispose();
  });

  it('streams an answer as UI message chunks with its model, prompt and grounding, and stores it', async () => {
    const chat = await scriptedChat([
      { toolCalls: [{ toolName: 'query_metrics', input: { metrics: ['appointments'] } }] },
      (prompt) => ({
        text: `There were ${/\d[\d,]*/.exec(lastToolResultText(prompt).split('\n').slice(2).join(' '))?.[0]} appointments.`,
      }),
    ]);
    const server = await serve({ chat });
    const { response, chunks, done } = await chatTurn(server, 'admin', {
      question: 'How many appointments?',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-hale-model')).toBe('test:scripted');
    expect(response.headers.get('x-hale-prompt-version')).toMatch(/^sha256:/);
    expect(response.headers.get('x-hale-version')).toBe('test');
    const conversationId = response.headers.get('x-hale-conversation-id');
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(done).toBe(true);
    const types = chunks.map((chunk) => chunk.type);
    expect(types[0]).toBe('start');
    expect(types).toEqual(
      expect.arrayContaining([
        'tool-input-available',
        'tool-output-available',
        'text-delta',
        'data-grounding',
        'finish',
      ]),
    );
    expect(streamedText(chunks)).toMatch(/^There were \d[\d,]* appointments\.$/);
    const grounding = chunks.find((chunk) => chunk.type === 'data-grounding') as unknown as {
      data: { grounded: boolean };
    };
    expect(grounding.data.grounded).toBe(true);
    const finish = chunks.find((chunk) => chunk.type === 'finish') as unknown as {
      messageMetadata: Record<string, unknown>;
    };
    expect(finish.messageMetadata).toMatchObject({
      model: 'test:scripted',
      codeVersion: 'test',
      conversationId,
    });

    const conversation = await json(
      fetch(server.url(`/api/conversations/${conversationId}`), { headers: asUser('admin') }),
    );
    expect(conversation.messages.map((message: { role: string }) => message.role)).toEqual([
      'user',
      'assistant',
    ]);
    const traceId = conversation.messages[1].metadata.traceId;
    const trace = await json(fetch(server.url(`/api/traces/${traceId}`), { headers: asUser('admin') }));
    expect(trace.spans.map((span: { kind: string }) => span.kind)).toEqual(
      expect.arrayContaining(['turn', 'model', 'tool', 'sql', 'grounding']),
    );
    // Another person cannot read the conversation or the trace; they do not learn it exists.
    expect(
      (await fetch(server.url(`/api/conversations/${conversationId}`), { headers: asUser('alice') })).status,
    ).toBe(404);
    expect((await fetch(server.url(`/api/traces/${traceId}`), { headers: asUser('alice') })).status).toBe(
      404,
    );
  });

  it('lists, renames and deletes conversations; traces stay for accounting', async () => {
    const chat = await scriptedChat([{ text: 'Hello!' }]);
    const server = await serve({ chat });
    const first = await chatTurn(server, 'dana', { question: 'hello there' });
    const conversationId = first.response.headers.get('x-hale-conversation-id');
    const list = await json(fetch(server.url('/api/conversations'), { headers: asUser('dana') }));
    expect(list.conversations.map((item: { id: string }) => item.id)).toContain(conversationId);
    const renamed = await fetch(server.url(`/api/conversations/${conversationId}`), {
      method: 'PATCH',
      headers: asUser('dana'),
      body: JSON.stringify({ title: 'Greetings' }),
    });
    expect(renamed.status).toBe(200);
    expect((await json(renamed)).title).toBe('Greetings');
    const conversation = await json(
      fetch(server.url(`/api/conversations/${conversationId}`), { headers: asUser('dana') }),
    );
    const traceId = conversation.messages[1].metadata.traceId;
    expect(
      (
        await fetch(server.url(`/api/conversations/${conversationId}`), {
          method: 'DELETE',
          headers: asUser('alice'),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await fetch(server.url(`/api/conversations/${conversationId}`), {
          method: 'DELETE',
          headers: asUser('dana'),
        })
      ).status,
    ).toBe(204);
    expect(
      (await fetch(server.url(`/api/conversations/${conversationId}`), { headers: asUser('dana') })).status,
    ).toBe(404);
    expect((await fetch(server.url(`/api/traces/${traceId}`), { headers: asUser('dana') })).status).toBe(200);
    // A turn in a deleted conversation is refused clearly.
    const after = await chatTurn(server, 'dana', { question: 'more', conversationId });
    expect(after.response.status).toBe(404);
    expect(after.response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('saves feedback on an answer and exports it as an eval case', async () => {
    const chat = await scriptedChat([{ text: 'Forty-two.' }]);
    const server = await serve({ chat });
    const turn = await chatTurn(server, 'bob', { question: 'What is the answer?' });
    const messageId = turn.response.headers.get('x-hale-message-id');
    const post = (user: string, body: unknown) =>
      fetch(server.url('/api/feedback'), {
        method: 'POST',
        headers: asUser(user),
        body: JSON.stringify(body),
      });
    expect((await post('alice', { messageId, rating: 'up' })).status).toBe(404);
    const saved = await post('bob', {
      messageId,
      rating: 'down',
      comment: 'wrong',
      correctedAnswer: 'The answer is 41.',
    });
    expect(saved.status).toBe(200);
    const feedback = await json(saved);
    expect(feedback).toMatchObject({
      messageId,
      rating: 'down',
      comment: 'wrong',
      correctedAnswer: 'The answer is 41.',
    });
    // Changing one's mind updates the same item.
    const updated = await json(post('bob', { messageId, rating: 'up' }));
    expect(updated).toMatchObject({ id: feedback.id, rating: 'up', comment: 'wrong' });
    const evalCase = await json(
      fetch(server.url(`/api/feedback/${feedback.id}/eval-case`), { headers: asUser('bob') }),
    );
    expect(evalCase).toMatchObject({
      principal: 'bob',
      tags: expect.arrayContaining(['from-feedback', 'corrected']),
      turns: [
        {
          question: 'What is the answer?',
          expect: { referenceAnswer: 'The answer is 41.', rejectedAnswer: 'Forty-two.' },
        },
      ],
    });
    expect(
      (await fetch(server.url(`/api/feedback/${feedback.id}/eval-case`), { headers: asUser('carol') }))
        .status,
    ).toBe(404);
  });

  it("reports usage per day, and only admins see other people's", async () => {
    const chat = await scriptedChat([{ text: 'Hi.', usage: { input: 70, output: 5 } }]);
    const server = await serve({ chat });
    const before = await json(fetch(server.url('/api/usage'), { headers: asUser('carol') }));
    await chatTurn(server, 'carol', { question: 'hi' });
    const after = await json(fetch(server.url('/api/usage?days=7'), { headers: asUser('carol') }));
    expect(after.usedToday - before.usedToday).toBe(75);
    expect(after.days[0]).toMatchObject({ principal: 'carol', day: '2026-07-01' });
    expect((await fetch(server.url('/api/usage?user=dana'), { headers: asUser('carol') })).status).toBe(403);
    const everyone = await json(fetch(server.url('/api/usage?user=*'), { headers: asUser('admin') }));
    expect(new Set(everyone.days.map((day: { principal: string }) => day.principal)).has('carol')).toBe(true);
  });

  it('takes identity from authentication only: demo header in demo mode, bearer tokens always', async () => {
    const chat = await createChatTestRuntime({ warehouse, database: handle.database });
    const demo = await serve({ chat });
    expect((await fetch(demo.url('/api/me'))).status).toBe(401);
    expect((await fetch(demo.url('/api/me'), { headers: { 'X-Hale-Demo-User': 'mallory' } })).status).toBe(
      401,
    );
    expect(
      await json(fetch(demo.url('/api/me'), { headers: { 'X-Hale-Demo-User': 'carol' } })),
    ).toMatchObject({
      user: 'carol',
      role: 'ops_manager',
      mode: 'demo',
    });
    const identity = await json(fetch(demo.url('/api/identity')));
    expect(identity.demoUsers.map((user: { user: string }) => user.user)).toEqual([
      'admin',
      'dana',
      'alice',
      'bob',
      'carol',
    ]);

    const production = await serve({ chat, identityMode: 'token' });
    const refused = await fetch(production.url('/api/me'), { headers: { 'X-Hale-Demo-User': 'admin' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect((await json(fetch(production.url('/api/identity')))).demoUsers).toEqual([]);
    const { token } = await createApiToken(handle.database, { user: 'bob', label: 'test', expiresInDays: 1 });
    const me = await fetch(production.url('/api/me'), { headers: { Authorization: `Bearer ${token}` } });
    expect((await json(me)).user).toBe('bob');
    expect(
      (await fetch(production.url('/api/me'), { headers: { Authorization: 'Bearer hale_nope_nope' } }))
        .status,
    ).toBe(401);
  });

  it('limits chat turns per person with 429 and Retry-After', async () => {
    const chat = await scriptedChat([{ text: 'ok' }, { text: 'ok' }, { text: 'ok' }]);
    const server = await serve({
      chat,
      rateLimits: {
        api: { capacity: 100, refillPerSecond: 1 },
        chat: { capacity: 2, refillPerSecond: 0.01 },
      },
    });
    const statuses = [];
    for (let index = 0; index < 3; index += 1)
      statuses.push((await chatTurn(server, 'alice', { question: `q${index}` })).response.status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await chatTurn(server, 'alice', { question: 'again' });
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person has their own allowance.
    expect((await chatTurn(server, 'bob', { question: 'mine' })).response.status).toBe(200);
  });

  it('cancels the turn when the client goes away', async () => {
    const chat = await scriptedChat([{ text: 'late', delayMs: 3_000 }]);
    const server = await serve({ chat });
    const controller = new AbortController();
    const response = await fetch(server.url('/api/chat'), {
      method: 'POST',
      headers: asUser('dana'),
      body: JSON.stringify({ question: 'a slow one' }),
      signal: controller.signal,
    });
    const conversationId = response.headers.get('x-hale-conversation-id') ?? '';
    controller.abort();
    let status: unknown;
    for (let attempt = 0; attempt < 50 && status === undefined; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await chat.stores.conversations.get('dana', conversationId))?.messages[1]?.metadata.status;
    }
    expect(status).toBe('cancelled');
  });

  it('answers through an OpenAI-compatible model over real HTTP, tools governed as the person asking', async () => {
    const chat = await createChatTestRuntime({ warehouse, database: handle.database });
    // The number the answer will state, computed through the gate as alice.
    const gold = await chat.runtime.registry.execute(
      'query_metrics',
      { metrics: ['cancellations'] },
      {
        principal: resolvePrincipal(warehouse.policy, 'alice'),
        channel: 'eval',
        signal: new AbortController().signal,
        ports: chat.runtime.ports,
      },
    );
    if (gold.isError) throw new Error(gold.text);
    const cancellations = (gold.structuredContent.rows as { cancellations: number }[])[0]?.cancellations ?? 0;
    const provider = await startScriptedChatServer({
      turns: [
        { toolCalls: [{ name: 'query_metrics', arguments: '{"metrics":["cancellations"]}' }] },
        {
          text: `There were ${cancellations.toLocaleString('en')} cancellations.`,
          usage: { promptTokens: 800, completionTokens: 12 },
        },
      ],
    });
    try {
      const model = `openai-compatible:${provider.baseUrl}#scripted-model`;
      // The deployment's own model (HALE_MODEL): a request may not name another unless the policy lists it.
      const server = await serve({
        chat: await createChatTestRuntime({ warehouse, database: handle.database, defaultModelId: model }),
      });
      const { response, chunks } = await chatTurn(server, 'alice', { question: 'How many cancellations?' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-hale-model')).toBe(model);
      expect(streamedText(chunks)).toBe(`There were ${cancellations.toLocaleString('en')} cancellations.`);
      const grounding = chunks.find((chunk) => chunk.type === 'data-grounding') as unknown as {
        data: { grounded: boolean };
      };
      expect(grounding.data.grounded).toBe(true);
      // The provider got Hale's tools, the system prompt, and the governed result as text.
      expect(provider.requests).toHaveLength(2);
      expect(provider.requests[0]?.tools.map((tool) => (tool.function as { name: string }).name)).toContain(
        'query_metrics',
      );
      expect(JSON.stringify(provider.requests[0]?.messages[0])).toContain('You are Hale');
      const toolMessage = provider.requests[1]?.messages.find((message) => message.role === 'tool');
      expect(String(toolMessage?.content)).toContain(String(cancellations));
      const usage = await json(fetch(server.url('/api/usage'), { headers: asUser('alice') }));
      expect(usage.usedToday).toBeGreaterThanOrEqual(812);
    } finally {
      await provider.close();
    }
  });

  it('tells the person plainly when the model service is down, and keeps the question', async () => {
    const provider = await startScriptedChatServer({
      turns: [],
      faults: Object.fromEntries(
        [0, 1, 2].map((index) => [index, { kind: 'status', status: 503, message: 'overloaded' }]),
      ),
    });
    try {
      const model = `openai-compatible:${provider.baseUrl}#scripted-model`;
      // The deployment's own model (HALE_MODEL): a request may not name another unless the policy lists it.
      const server = await serve({
        chat: await createChatTestRuntime({ warehouse, database: handle.database, defaultModelId: model }),
      });
      const { response, chunks, done } = await chatTurn(server, 'alice', { question: 'Are you there?' });
      expect(response.status).toBe(200);
      expect(done).toBe(true);
      expect(streamedText(chunks) + JSON.stringify(chunks.filter((chunk) => chunk.type === 'error'))).toMatch(
        /not reachable|unavailable|try again/i,
      );
      const conversationId = response.headers.get('x-hale-conversation-id');
      const conversation = await json(
        fetch(server.url(`/api/conversations/${conversationId}`), { headers: asUser('alice') }),
      );
      expect(conversation.messages[0].parts[0].text).toBe('Are you there?');
      expect(conversation.messages[1].metadata).toMatchObject({
        status: 'error',
        error: { code: 'provider_unavailable' },
      });
    } finally {
      await provider.close();
    }
  }, 60_000);

  it('serves the metric catalog each person may query, with dimensions', async () => {
    const server = await serve({
      chat: await createChatTestRuntime({ warehouse, database: handle.database }),
    });
    const carol = await json(fetch(server.url('/api/metrics'), { headers: asUser('carol') }));
    const names = carol.metrics.map((metric: { name: string }) => metric.name);
    expect(names).toContain('no_show_rate');
    // Carol has no OMOP access: those metrics are not offered, only counted.
    expect(names).not.toContain('patients_with_condition');
    expect(carol.unavailable).toBeGreaterThan(0);
    const noShow = carol.metrics.find((metric: { name: string }) => metric.name === 'no_show_rate');
    expect(noShow.sampleQuestions.length).toBeGreaterThan(0);
    const search = await json(
      fetch(server.url('/api/metrics?search=annulations'), { headers: asUser('carol') }),
    );
    expect(search.metrics[0].name).toBe('cancellations');
    const dimensions = await json(
      fetch(server.url('/api/metrics/no_show_rate/dimensions'), { headers: asUser('carol') }),
    );
    expect(dimensions.dimensions.map((dimension: { name: string }) => dimension.name)).toContain(
      'practice__region',
    );
    expect(
      (await fetch(server.url('/api/metrics/no_such_metric/dimensions'), { headers: asUser('carol') }))
        .status,
    ).toBe(404);
  });

  it('refuses a model the policy does not list for the role, before calling it', async () => {
    const provider = await startScriptedChatServer({ turns: [{ text: 'I should never be asked.' }] });
    try {
      const server = await serve({
        chat: await createChatTestRuntime({ warehouse, database: handle.database }),
      });
      const model = `openai-compatible:${provider.baseUrl}#elsewhere`;
      const refused = await chatTurn(server, 'alice', { question: 'hi', model });
      expect(refused.response.status).toBe(403);
      expect(JSON.parse(refused.text)).toMatchObject({ code: 'model_not_allowed' });
      expect(provider.requests).toHaveLength(0);
    } finally {
      await provider.close();
    }
  });

  describe('contract: every route of /openapi.json', () => {
    let server: TestServer;
    let document: Awaited<ReturnType<typeof SwaggerParser.validate>> & {
      paths: Record<
        string,
        Record<
          string,
          { security?: unknown[]; requestBody?: unknown; parameters?: { in: string; name: string }[] }
        >
      >;
    };

    beforeAll(async () => {
      const chat = await createChatTestRuntime({ warehouse, database: handle.database });
      server = await serve({ chat });
      const raw = await json(fetch(server.url('/openapi.json')));
      expect(raw.openapi).toBe('3.1.0');
      document = (await SwaggerParser.validate(structuredClone(raw))) as typeof document;
      dereferenced = (await SwaggerParser.dereference(
        structuredClone(raw),
      )) as unknown as typeof dereferenced;
    });
    let dereferenced: {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
      >;
    };

    it('answers every parameterless GET with a body its documented 200 schema accepts', async () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      let checked = 0;
      for (const [path, methods] of Object.entries(dereferenced.paths)) {
        const operation = methods.get;
        if (!operation || path.includes('{')) continue;
        const schema = operation.responses['200']?.content?.['application/json']?.schema;
        if (!schema) continue;
        const response = await fetch(server.url(path), { headers: asUser('alice') });
        expect(response.status, path).toBe(200);
        const validate = ajv.compile(schema);
        const body = await json(response);
        expect(validate(body), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        checked += 1;
      }
      expect(checked).toBeGreaterThanOrEqual(5);
    });

    interface Operation {
      security?: unknown[];
      requestBody?: unknown;
      parameters?: { in: string; name: string }[];
    }
    const operations = () =>
      Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      );
    const concretePath = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');

    it('documents the chat API', () => {
      expect(operations().map(({ method, path }) => `${method} ${path}`)).toEqual(
        expect.arrayContaining([
          'post /api/chat',
          'get /api/conversations',
          'get /api/conversations/{conversationId}',
          'patch /api/conversations/{conversationId}',
          'delete /api/conversations/{conversationId}',
          'get /api/traces/{traceId}',
          'get /api/usage',
          'post /api/feedback',
          'get /api/feedback/{feedbackId}/eval-case',
        ]),
      );
    });

    it('refuses unauthenticated calls of authenticated routes with 401 problem+json', async () => {
      for (const { path, method, operation } of operations()) {
        if (!operation.security?.length) continue;
        const response = await fetch(server.url(concretePath(path)), {
          method: method.toUpperCase(),
          headers: { 'Content-Type': 'application/json' },
          ...(operation.requestBody ? { body: '{}' } : {}),
        });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.headers.get('content-type'), `${method} ${path}`).toContain(
          'application/problem+json',
        );
      }
    });

    it('answers wrong types, missing fields, unknown fields, bad JSON, wrong media types and huge bodies with 4xx problem+json', async () => {
      for (const { path, method, operation } of operations()) {
        if (!operation.requestBody) continue;
        const send = (body: string, contentType = 'application/json') =>
          fetch(server.url(concretePath(path)), {
            method: method.toUpperCase(),
            headers: { 'X-Hale-Demo-User': 'alice', 'Content-Type': contentType },
            body,
          });
        const cases: [string, Promise<Response>, number][] = [
          ['wrong type', send(JSON.stringify({ question: 42, messageId: 42, title: 42 })), 400],
          ['empty object', send('{}'), 400],
          [
            'unknown field',
            send(JSON.stringify({ question: 'hi', title: 'x', messageId: 'm', rating: 'up', extra: true })),
            400,
          ],
          ['malformed JSON', send('{"question": '), 400],
          ['not JSON', send('question=hi', 'application/x-www-form-urlencoded'), 415],
          ['too large', send(JSON.stringify({ question: 'x'.repeat(200_000) })), 413],
        ];
        for (const [name, pending, status] of cases) {
          const response = await pending;
          expect(response.status, `${method} ${path}: ${name}`).toBe(status);
          const problem = await json(response);
          expect(problem, `${method} ${path}: ${name}`).toMatchObject({
            status,
            code: expect.any(String),
            title: expect.any(String),
          });
        }
      }
    });

    it('refuses malformed path parameters and query values with 400', async () => {
      for (const { path, method, operation } of operations()) {
        if (!operation.parameters?.some((parameter) => parameter.in === 'path')) continue;
        const response = await fetch(server.url(path.replace(/\{[^}]+\}/g, 'not-a-uuid')), {
          method: method.toUpperCase(),
          headers: { 'X-Hale-Demo-User': 'alice', 'Content-Type': 'application/json' },
          ...(operation.requestBody ? { body: JSON.stringify({ title: 'ok' }) } : {}),
        });
        expect(response.status, `${method} ${path}`).toBe(400);
      }
      expect((await fetch(server.url('/api/usage?days=0'), { headers: asUser('alice') })).status).toBe(400);
      expect((await fetch(server.url('/api/usage?days=many'), { headers: asUser('alice') })).status).toBe(
        400,
      );
    });

    it('serves Prometheus metrics', async () => {
      const text = await (await fetch(server.url('/metrics'))).text();
      expect(text).toContain('hale_http_requests_total');
    });
  });
});
