import type {
  LanguageModelV3CallOptions,
  LanguageModelV3FunctionTool,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSemanticLayer } from '../../../../mcp-tools/semantic/index.js';
import type { SemanticLayer } from '../../../../semantic-layer/index.js';
import { createBuiltinModel, splitIntoDeltas } from './create-builtin-model.js';

const tool = (name: string): LanguageModelV3FunctionTool => ({
  type: 'function',
  name,
  inputSchema: { type: 'object' },
});
const tools = ['query_metrics', 'whoami', 'list_metrics', 'search_concepts'].map(tool);
const ask = (text: string): LanguageModelV3Prompt => [
  { role: 'system', content: 'test' },
  { role: 'user', content: [{ type: 'text', text }] },
];

async function partsOf(stream: ReadableStream<LanguageModelV3StreamPart>) {
  const parts: LanguageModelV3StreamPart[] = [];
  for await (const part of stream as unknown as AsyncIterable<LanguageModelV3StreamPart>) parts.push(part);
  return parts;
}

let semanticLayer: SemanticLayer;
beforeAll(async () => {
  semanticLayer = await loadSemanticLayer();
});

const model = () =>
  createBuiltinModel({
    semanticLayer,
    now: () => new Date('2026-07-01T09:00:00Z'),
    dimensionValues: async () => ({ entries: [], unavailable: [] }),
  });

describe('createBuiltinModel', () => {
  it('is a v3 language model of provider hale', () => {
    expect(model()).toMatchObject({
      specificationVersion: 'v3',
      provider: 'hale',
      modelId: 'builtin',
      supportedUrls: {},
    });
  });

  it('streams one step of tool calls: a JSON input, an id derived from the prompt, finish reason tool-calls', async () => {
    const options: LanguageModelV3CallOptions = { prompt: ask('How many appointments last month?'), tools };
    const { stream } = await model().doStream(options);
    const parts = await partsOf(stream);
    expect(parts.map((part) => part.type)).toEqual([
      'stream-start',
      'response-metadata',
      'tool-call',
      'finish',
    ]);
    const call = parts.find((part) => part.type === 'tool-call');
    expect(call?.type === 'tool-call' && JSON.parse(call.input)).toEqual({
      metrics: ['appointments'],
      group_by: [],
      where: [],
      start: '2026-06-01',
      end: '2026-07-01',
    });
    const finish = parts.at(-1);
    expect(finish).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'tool-calls' },
      usage: { inputTokens: { cacheRead: undefined }, outputTokens: { reasoning: undefined } },
    });
    const again = await partsOf((await model().doStream(options)).stream);
    expect(again).toEqual(parts);
  });

  it('asks for independent calls together, in one step', async () => {
    const { content, finishReason } = await model().doGenerate({ prompt: ask('What can I see?'), tools });
    expect(content.map((part) => (part.type === 'tool-call' ? part.toolName : part.type))).toEqual([
      'whoami',
      'list_metrics',
    ]);
    expect(new Set(content.map((part) => (part.type === 'tool-call' ? part.toolCallId : ''))).size).toBe(2);
    expect(finishReason.unified).toBe('tool-calls');
  });

  it('writes the final answer from the tool result, streamed in several deltas', async () => {
    const prompt: LanguageModelV3Prompt = [
      ...ask('How many appointments last month?'),
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'call_1',
            toolName: 'query_metrics',
            input: {
              metrics: ['appointments'],
              group_by: [],
              where: [],
              start: '2026-06-01',
              end: '2026-07-01',
            },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'query_metrics',
            output: {
              type: 'json',
              value: {
                isError: false,
                structuredContent: {
                  columns: [{ name: 'appointments', role: 'metric', label: 'Appointments' }],
                  rows: [{ appointments: 4321 }],
                  rowCount: 1,
                  truncated: false,
                  policies: [],
                },
                text: '4321',
              },
            },
          },
        ],
      },
    ];
    const parts = await partsOf((await model().doStream({ prompt, tools })).stream);
    const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toContain('**Appointments**: **4,321**');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
    const generated = await model().doGenerate({ prompt, tools });
    expect(generated.content).toEqual([{ type: 'text', text: deltas.join('') }]);
  });

  it('explains a tool error plainly and does not call the tool again', async () => {
    const prompt: LanguageModelV3Prompt = [
      ...ask('How many deaths last year?'),
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'call_1',
            toolName: 'query_metrics',
            input: { metrics: ['deaths'], group_by: [], where: [], start: '2025-01-01', end: '2026-01-01' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'query_metrics',
            output: { type: 'error-text', value: 'table cdm.death is not available to role ops_manager' },
          },
        ],
      },
    ];
    const { content, finishReason } = await model().doGenerate({ prompt, tools });
    expect(finishReason.unified).toBe('stop');
    expect(content[0]?.type === 'text' && content[0].text).toContain('I could not answer this');
  });

  it('calls only the tools offered, and answers greetings without any', async () => {
    const withoutTools = await model().doGenerate({ prompt: ask('How many appointments last month?') });
    expect(withoutTools.content[0]).toMatchObject({ type: 'text' });
    expect(withoutTools.content[0]?.type === 'text' && withoutTools.content[0].text).toContain(
      'not available here',
    );
    const hello = await model().doGenerate({ prompt: ask('Hello'), tools });
    expect(hello.finishReason.unified).toBe('stop');
  });

  it('rejects an aborted call', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      model().doGenerate({ prompt: ask('Hello'), abortSignal: controller.signal }),
    ).rejects.toThrow();
  });
});

describe('splitIntoDeltas', () => {
  it('cuts a text at word boundaries into pieces that join back to it', () => {
    const text = 'One two three four five six seven eight nine ten eleven twelve.\n\n| a | b |';
    const deltas = splitIntoDeltas(text);
    expect(deltas.join('')).toBe(text);
    expect(deltas.length).toBeGreaterThan(2);
  });
});
