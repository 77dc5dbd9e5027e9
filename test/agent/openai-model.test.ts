import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  generateText,
  type ModelMessage,
  stepCountIs,
  streamText,
  type TextStreamPart,
  type ToolSet,
} from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import type { ToolPorts, ToolRegistry } from '../../mcp-tools/tools/index.js';
import { AgentError } from '../../server/agent/agent-error.js';
import { createAgentTools, type ToolCallObserver } from '../../server/agent/create-agent-tools.js';
import { createOpenAiLanguageModel } from '../../server/agent/models/create-openai-language-model.js';
import { describeProviderError } from '../../server/agent/models/describe-provider-error.js';
import { formatModelId, type ModelId, parseModelId } from '../../server/agent/models/parse-model-id.js';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import {
  type ChatServerFault,
  type ScriptedChatServer,
  type ScriptedChatTurn,
  startScriptedChatServer,
} from '../support/scripted-chat-server.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { createTestToolRuntime } from '../support/tool-test-runtime.js';

const apiKey = 'sk-hale-test-5f3c9a1b7d2e4f60';

function agentErrorOf(run: () => unknown): AgentError {
  try {
    run();
  } catch (error) {
    if (error instanceof AgentError) return error;
    throw error;
  }
  throw new Error('expected an AgentError');
}

describe('parseModelId', () => {
  it('reads the three forms, and formatModelId writes them back', () => {
    const cases: [string, ModelId][] = [
      ['builtin', { kind: 'builtin' }],
      ['openai:gpt-4.1-mini', { kind: 'openai', model: 'gpt-4.1-mini' }],
      [
        'openai-compatible:http://localhost:11434/v1/#qwen3:8b',
        { kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', model: 'qwen3:8b' },
      ],
    ];
    for (const [text, id] of cases) {
      expect(parseModelId(text)).toEqual(id);
      expect(parseModelId(formatModelId(id))).toEqual(id);
    }
    expect(formatModelId(parseModelId(' openai:gpt-4.1-mini '))).toBe('openai:gpt-4.1-mini');
  });

  it.each([
    ['gpt-4o', 'is not recognised'],
    ['openai:', 'names no model'],
    ['openai-compatible:http://localhost:11434/v1', 'has no `#`'],
    ['openai-compatible:https://user:secret@llm.example.org/v1#model', 'credentials or a query string'],
  ])('rejects %j as invalid_model, listing the accepted forms', (text, problem) => {
    const error = agentErrorOf(() => parseModelId(text));
    expect(error.code).toBe('invalid_model');
    expect(error.message).toContain(`'${text}'`);
    expect(error.message).toContain(problem);
    expect(error.message).toContain('`openai:gpt-4.1-mini`');
    expect(error.message).toContain('`openai-compatible:http://localhost:11434/v1#qwen3:8b`');
  });
});

describe('createOpenAiLanguageModel', () => {
  it('refuses an OpenAI model without a key, naming OPENAI_API_KEY, and never reads the environment', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-the-environment-0123456789');
    try {
      const error = agentErrorOf(() =>
        createOpenAiLanguageModel({ kind: 'openai', model: 'gpt-4.1-mini' }, { requestTimeoutMs: 1_000 }),
      );
      expect(error.code).toBe('provider_auth');
      expect(error.message).toContain('OPENAI_API_KEY');
      expect(error.message).toContain('openai:gpt-4.1-mini');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the OpenAI-protocol model over real HTTP, through the AI SDK loop and the governed tools', () => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;
  let registry: ToolRegistry;
  let ports: ToolPorts;
  let server: ScriptedChatServer | undefined;

  beforeAll(async () => {
    const pglite = testDatabaseAdapters.find((adapter) => adapter.name === 'pglite');
    if (!pglite) throw new Error('no PGlite adapter');
    handle = await pglite.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.05 });
    ({ registry, ports } = await createTestToolRuntime(warehouse, handle.database));
  }, 120_000);
  afterAll(async () => {
    await handle?.dispose();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(turns: ScriptedChatTurn[], faults: Record<number, ChatServerFault> = {}) {
    server = await startScriptedChatServer({ turns, faults });
    return server;
  }

  function modelFor(
    chat: ScriptedChatServer,
    { requestTimeoutMs = 2_000, withKey = true } = {},
  ): LanguageModelV3 {
    return createOpenAiLanguageModel(
      { kind: 'openai-compatible', baseUrl: chat.baseUrl, model: 'scripted-model' },
      { requestTimeoutMs, ...(withKey ? { apiKey } : {}) },
    );
  }

  function agentTools(toolCalls: Parameters<ToolCallObserver>[0][]): ToolSet {
    return createAgentTools({
      registry,
      context: { principal: resolvePrincipal(warehouse.policy, 'alice'), channel: 'chat', ports },
      modelOutput: 'text',
      onToolCall: (call) => toolCalls.push(call),
    });
  }

  /** One chat turn as Alice: every stream part, every error (as a part or thrown), every tool call. */
  async function runTurn(
    model: LanguageModelV3,
    {
      question = 'How many appointments per region?',
      maxRetries = 2,
      abortSignal = undefined as AbortSignal | undefined,
    } = {},
  ) {
    const toolCalls: Parameters<ToolCallObserver>[0][] = [];
    const messages: ModelMessage[] = [{ role: 'user', content: question }];
    const result = streamText({
      model,
      tools: agentTools(toolCalls),
      messages,
      stopWhen: stepCountIs(6),
      maxRetries,
      ...(abortSignal ? { abortSignal } : {}),
      // Errors are read from the stream below; the default handler would print them.
      onError: () => {},
    });
    const parts: TextStreamPart<ToolSet>[] = [];
    let thrown: unknown;
    try {
      for await (const part of result.fullStream) parts.push(part);
    } catch (error) {
      thrown = error;
    }
    const errors = parts.flatMap((part) => (part.type === 'error' ? [part.error] : []));
    return {
      result,
      parts,
      toolCalls,
      thrown,
      errors,
      types: parts.map((part) => part.type),
      text: parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join(''),
    };
  }

  async function countRows(table: 'hale.audit_log' | 'hale.tool_call'): Promise<number> {
    const [row] = await warehouse.reference(`SELECT count(*)::int AS count FROM ${table}`);
    return Number(row?.count);
  }

  /** The AgentError a user would see, checked to be free of the key. */
  function described(error: unknown): AgentError {
    const agentError = describeProviderError(error);
    expect(agentError.message).not.toContain(apiKey);
    expect(agentError.message).not.toContain(apiKey.slice(-8));
    return agentError;
  }

  const appointmentsByRegion = JSON.stringify({ metrics: ['appointments'], group_by: ['practice__region'] });

  it('streams a tool call, runs query_metrics through the governance gate as Alice, sends the table back, then streams the answer', async () => {
    const chat = await serve([
      {
        toolCalls: [{ name: 'query_metrics', arguments: appointmentsByRegion }],
        usage: { promptTokens: 1_200, completionTokens: 30 },
      },
      {
        text: "Provence-Alpes-Côte d'Azur had the most appointments.",
        usage: { promptTokens: 1_500, completionTokens: 12 },
      },
    ]);
    const audited = await countRows('hale.audit_log');
    const turn = await runTurn(modelFor(chat));

    expect(turn.errors).toEqual([]);
    expect(turn.thrown).toBeUndefined();
    expect(turn.text).toBe("Provence-Alpes-Côte d'Azur had the most appointments.");
    // The arguments arrived in three pieces and were put back together.
    expect(turn.types.filter((type) => type === 'tool-input-delta')).toHaveLength(3);
    expect(turn.toolCalls).toHaveLength(1);
    const [call] = turn.toolCalls;
    expect(call?.tool).toBe('query_metrics');
    expect(call?.input).toEqual({ metrics: ['appointments'], group_by: ['practice__region'] });
    expect(call?.result.isError).toBe(false);
    const tableText = call?.result.text ?? '';
    expect(tableText).toContain('practice__region');
    expect(tableText).toContain('Île-de-France');
    // Alice sees appointments only as aggregates over large enough groups: the gate applied that.
    expect(tableText).toContain('groups under 11 patients hidden');

    // One governed query ran, as Alice, on the chat channel.
    expect(await countRows('hale.audit_log')).toBe(audited + 1);
    const [audit] = await warehouse.reference(
      'SELECT principal, channel, tool, outcome FROM hale.audit_log ORDER BY audit_id DESC LIMIT 1',
    );
    expect(audit).toEqual({ principal: 'alice', channel: 'chat', tool: 'query_metrics', outcome: 'ok' });

    // The wire: two streamed requests with the tools, the second carrying the call and its result.
    expect(chat.requests).toHaveLength(2);
    for (const request of chat.requests) {
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.model).toBe('scripted-model');
      expect(request.stream).toBe(true);
      expect(request.authorization).toBe(`Bearer ${apiKey}`);
      expect(request.tools.map((tool) => (tool.function as { name: string }).name)).toContain(
        'query_metrics',
      );
    }
    expect(chat.requests[0]?.messages).toEqual([
      { role: 'user', content: 'How many appointments per region?' },
    ]);
    const second = chat.requests[1]?.messages ?? [];
    expect(second[1]).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: 'call_0_0', type: 'function', function: { name: 'query_metrics' } }],
    });
    expect(second[2]).toEqual({ role: 'tool', tool_call_id: 'call_0_0', content: tableText });

    const usage = await turn.result.totalUsage;
    expect(usage.inputTokens).toBe(2_700);
    expect(usage.outputTokens).toBe(42);
    expect(await turn.result.finishReason).toBe('stop');
  });

  it('answers without streaming too (generateText), with the same tools', async () => {
    const chat = await serve([
      { toolCalls: [{ name: 'query_metrics', arguments: appointmentsByRegion }] },
      { text: 'Eight regions.' },
    ]);
    const toolCalls: Parameters<ToolCallObserver>[0][] = [];
    const result = await generateText({
      model: modelFor(chat),
      tools: agentTools(toolCalls),
      prompt: 'How many appointments per region?',
      stopWhen: stepCountIs(6),
      maxRetries: 2,
    });
    expect(result.text).toBe('Eight regions.');
    expect(chat.requests.map((request) => request.stream)).toEqual([false, false]);
    expect(chat.requests[1]?.messages[2]).toMatchObject({ role: 'tool', content: toolCalls[0]?.result.text });
  });

  it('sends no Authorization header without a key, even when OPENAI_API_KEY and OPENAI_BASE_URL are set', async () => {
    const chat = await serve([{ text: 'Hello.' }, { text: 'Hello again.' }]);
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-the-environment-0123456789');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/v1');
    try {
      expect((await runTurn(modelFor(chat, { withKey: false }))).text).toBe('Hello.');
      expect(chat.requests[0]?.authorization).toBeUndefined();
      // `openai:` with the base URL override goes to the given URL, with the given key.
      const openai = createOpenAiLanguageModel(
        { kind: 'openai', model: 'gpt-4.1-mini' },
        { apiKey, baseUrl: chat.baseUrl, requestTimeoutMs: 2_000 },
      );
      expect((await runTurn(openai)).text).toBe('Hello again.');
      expect(chat.requests[1]).toMatchObject({
        path: '/v1/chat/completions',
        model: 'gpt-4.1-mini',
        authorization: `Bearer ${apiKey}`,
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('retries a 429 after the retry-after-ms the server asks for, then streams the answer', async () => {
    const chat = await serve([{ text: 'Done.' }], {
      0: {
        kind: 'status',
        status: 429,
        message: 'Rate limit reached for requests',
        type: 'requests',
        retryAfterMs: 50,
      },
    });
    const started = performance.now();
    const turn = await runTurn(modelFor(chat));
    expect(turn.text).toBe('Done.');
    expect(turn.errors).toEqual([]);
    expect(chat.requests).toHaveLength(2);
    // Not the SDK's default first backoff of 2 s: the server's 50 ms.
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('retries a 500 twice with exponential backoff, then reports provider_unavailable', async () => {
    const failure = {
      kind: 'status',
      status: 500,
      message: 'The server had an error',
      type: 'server_error',
    } as const;
    const chat = await serve([{ text: 'never sent' }], { 0: failure, 1: failure, 2: failure });
    const started = performance.now();
    const turn = await runTurn(modelFor(chat));
    const elapsed = performance.now() - started;
    expect(chat.requests).toHaveLength(3);
    // 2 s, then 4 s: the SDK's backoff when the server gives no retry-after.
    expect(elapsed).toBeGreaterThan(5_500);
    expect(turn.types).toEqual(['start', 'error']);
    expect(turn.errors).toHaveLength(1);
    const error = described(turn.errors[0]);
    expect(error.code).toBe('provider_unavailable');
    expect(error.message).toBe(
      'The language model service is not reachable right now (HTTP 500: The server had an error, after 3 attempts). Try again in a minute, or ask an administrator to check HALE_MODEL.',
    );
  }, 20_000);

  it('reports a refused key as provider_auth without retrying, and never repeats the key', async () => {
    const chat = await serve([], {
      0: {
        kind: 'status',
        status: 401,
        // OpenAI quotes (part of) the key it refused.
        message: `Incorrect API key provided: ${apiKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        code: 'invalid_api_key',
      },
    });
    const turn = await runTurn(modelFor(chat));
    expect(chat.requests).toHaveLength(1);
    expect(chat.requests[0]?.authorization).toBe(`Bearer ${apiKey}`);
    const error = described(turn.errors[0]);
    expect(error.code).toBe('provider_auth');
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(error.message).toContain('HTTP 401');
  });

  it('times out a response slower than requestTimeoutMs, retries it, then reports provider_timeout', async () => {
    const slow = { kind: 'delay', ms: 5_000 } as const;
    const chat = await serve([{ text: 'too late' }], { 0: slow, 1: slow });
    // One retry (2 s of backoff) shows a timeout is retried; two would only add 4 s.
    const turn = await runTurn(modelFor(chat, { requestTimeoutMs: 200 }), { maxRetries: 1 });
    expect(chat.requests).toHaveLength(2);
    expect(chat.turnsUsed).toBe(0);
    const error = described(turn.errors[0]);
    expect(error.code).toBe('provider_timeout');
    expect(error.message).toContain('no response within 0.2 seconds, after 2 attempts');
  }, 20_000);

  it('times out a stream that stalls after text has streamed, without retrying', async () => {
    const chat = await serve([{ text: 'Occitanie had 2003 appointments and more.' }], {
      0: { kind: 'stall', afterChunks: 3 },
    });
    const turn = await runTurn(modelFor(chat, { requestTimeoutMs: 250 }));
    expect(turn.text).toBe('Occitanie had ');
    expect(chat.requests).toHaveLength(1);
    // The SDK no longer retries once output has streamed: the stream itself fails.
    expect(turn.thrown).toBeDefined();
    const error = described(turn.thrown);
    expect(error.code).toBe('provider_timeout');
    expect(error.message).toContain('stopped answering midway (nothing received for 0.25 seconds)');
  });

  it('retries a stream that stalls before any output', async () => {
    const chat = await serve([{ text: 'first' }, { text: 'Second try.' }], {
      0: { kind: 'stall', afterChunks: 1 },
    });
    const turn = await runTurn(modelFor(chat, { requestTimeoutMs: 250 }));
    expect(chat.requests).toHaveLength(2);
    expect(turn.text).toBe('Second try.');
    expect(turn.errors).toEqual([]);
  });

  it('reports a connection dropped mid-stream clearly, and the next turn works', async () => {
    const chat = await serve([{ text: 'Grand Est had 690 appointments.' }, { text: 'Again: 690.' }], {
      0: { kind: 'drop', afterChunks: 3 },
    });
    const model = modelFor(chat);
    const dropped = await runTurn(model);
    expect(dropped.text).toBe('Grand Est ');
    const error = described(dropped.thrown);
    expect(error.code).toBe('provider_unavailable');
    expect(error.message).toContain(
      'The connection to the language model service was lost while it was answering',
    );
    expect((await runTurn(model)).text).toBe('Again: 690.');
  });

  it('reports an invalid JSON chunk as provider_bad_response and keeps the rest of the stream', async () => {
    const chat = await serve([{ text: 'one two three four' }], {
      0: { kind: 'invalid-json', afterChunks: 2 },
    });
    const turn = await runTurn(modelFor(chat));
    expect(turn.text).toBe('one two three four');
    expect(turn.errors).toHaveLength(1);
    const error = described(turn.errors[0]);
    expect(error.code).toBe('provider_bad_response');
    expect(error.message).toContain('malformed JSON');
    // The provider marks the step `error`, but the finish chunk that follows sets it back to `stop`.
    expect(await turn.result.finishReason).toBe('stop');
  });

  it('answers malformed tool-call arguments with a tool error the model reads, runs no SQL, and goes on', async () => {
    const chat = await serve([
      {
        toolCalls: [{ name: 'query_metrics', arguments: '{"metrics": ["appointments"], "group_by": ["prac' }],
      },
      { text: 'Sorry, let me fix that.' },
    ]);
    const audited = await countRows('hale.audit_log');
    const recorded = await countRows('hale.tool_call');
    const turn = await runTurn(modelFor(chat));

    const toolError = turn.parts.find((part) => part.type === 'tool-error');
    expect(toolError).toMatchObject({ toolName: 'query_metrics', toolCallId: 'call_0_0' });
    expect(turn.text).toBe('Sorry, let me fix that.');
    expect(turn.errors).toEqual([]);
    // The SDK refused to parse it: the registry was never called, and nothing ran or was recorded.
    expect(turn.toolCalls).toEqual([]);
    expect(await countRows('hale.audit_log')).toBe(audited);
    expect(await countRows('hale.tool_call')).toBe(recorded);
    const toolMessage = chat.requests[1]?.messages[2];
    expect(toolMessage).toMatchObject({ role: 'tool', tool_call_id: 'call_0_0' });
    expect(toolMessage?.content).toMatch(/^Invalid input for tool query_metrics: JSON parsing failed/);
  });

  it('answers a call to an unknown tool with the list of tools, and goes on', async () => {
    const chat = await serve([
      { toolCalls: [{ name: 'drop_tables', arguments: '{"schema": "scheduling"}' }] },
      { text: 'I cannot do that.' },
    ]);
    const recorded = await countRows('hale.tool_call');
    const turn = await runTurn(modelFor(chat));
    expect(turn.parts.find((part) => part.type === 'tool-error')).toMatchObject({ toolName: 'drop_tables' });
    expect(turn.text).toBe('I cannot do that.');
    expect(turn.toolCalls).toEqual([]);
    expect(await countRows('hale.tool_call')).toBe(recorded);
    const content = String(chat.requests[1]?.messages[2]?.content);
    expect(content).toContain("unavailable tool 'drop_tables'");
    expect(content).toContain('query_metrics');
  });

  it('keeps the principal: arguments claiming another user are refused as invalid input, whoami says alice', async () => {
    const chat = await serve([
      {
        toolCalls: [
          { name: 'whoami', arguments: '{"as": "admin"}' },
          {
            name: 'run_sql',
            arguments: '{"sql": "SELECT count(*) FROM scheduling.patient", "principal": "admin"}',
          },
        ],
      },
      { toolCalls: [{ name: 'whoami', arguments: '{}' }] },
      { text: 'You are Alice.' },
    ]);
    const audited = await countRows('hale.audit_log');
    const turn = await runTurn(modelFor(chat));
    expect(turn.text).toBe('You are Alice.');

    // The two refused calls ran concurrently: find them by id, not by order of completion.
    const callOf = (id: string) => turn.toolCalls.find((call) => call.toolCallId === id);
    const [asAdmin, sqlAsAdmin, plainWhoami] = [callOf('call_0_0'), callOf('call_0_1'), callOf('call_1_0')];
    expect(asAdmin?.result).toMatchObject({ isError: true, error: { code: 'invalid_input' } });
    expect(asAdmin?.result.text).toContain('Unrecognized key: "as"');
    expect(sqlAsAdmin?.result).toMatchObject({ isError: true, error: { code: 'invalid_input' } });
    expect(sqlAsAdmin?.result.text).toContain('Unrecognized key: "principal"');
    expect(plainWhoami?.result.text).toMatch(/^You are alice \(role analyst\)/);
    // No SQL ran for the refused calls.
    expect(await countRows('hale.audit_log')).toBe(audited);
    const refusals = await warehouse.reference(
      `SELECT principal, tool, outcome, code FROM
         (SELECT * FROM hale.tool_call ORDER BY tool_call_id DESC LIMIT 3) AS latest ORDER BY tool, outcome`,
    );
    expect(refusals).toEqual([
      { principal: 'alice', tool: 'run_sql', outcome: 'error', code: 'invalid_input' },
      { principal: 'alice', tool: 'whoami', outcome: 'error', code: 'invalid_input' },
      { principal: 'alice', tool: 'whoami', outcome: 'ok', code: null },
    ]);
    // The model read the refusals as tool results.
    expect(chat.requests[1]?.messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_0_0', content: asAdmin?.result.text },
      { role: 'tool', tool_call_id: 'call_0_1', content: sqlAsAdmin?.result.text },
    ]);
  });

  it('reports a refused connection as provider_unavailable', async () => {
    const chat = await serve([]);
    const model = modelFor(chat);
    await chat.close();
    const turn = await runTurn(model, { maxRetries: 0 });
    const error = described(turn.errors[0]);
    expect(error.code).toBe('provider_unavailable');
    expect(error.message).toContain('not reachable right now (connection refused)');
  });

  it('stops when the caller aborts, and a non-streamed body that stalls times out', async () => {
    const chat = await serve([{ text: 'one two three four five' }, { text: 'never read' }], {
      0: { kind: 'stall', afterChunks: 3 },
      1: { kind: 'stall', afterChunks: 0 },
    });
    const controller = new AbortController();
    const aborted = runTurn(modelFor(chat, { requestTimeoutMs: 5_000 }), { abortSignal: controller.signal });
    await vi.waitFor(() => expect(chat.requests).toHaveLength(1));
    setTimeout(() => controller.abort(), 100);
    const turn = await aborted;
    expect(turn.types).toContain('abort');
    expect(describeProviderError(controller.signal.reason).code).toBe('cancelled');

    const stalled = generateText({
      model: modelFor(chat, { requestTimeoutMs: 200 }),
      prompt: 'Hi',
      maxRetries: 0,
    });
    const error = described(
      await stalled.then(
        () => undefined,
        (failure: unknown) => failure,
      ),
    );
    expect(error.code).toBe('provider_timeout');
  });
});
