import type { LanguageModelV3, LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { type ChatStores, createChatStores } from '../../bin/create-chat-runtime.js';
import { createToolRuntime, type ToolRuntime } from '../../bin/create-tool-runtime.js';
import type { Database } from '../../mcp-tools/db/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import type { SemanticLayer } from '../../semantic-layer/index.js';
import {
  type ChatAgent,
  type ChatAgentDependencies,
  createChatAgent,
} from '../../server/agent/create-chat-agent.js';
import { knownEntitiesOf } from '../../server/agent/known-entities.js';
import { loadPromptSet } from '../../server/agent/load-prompt-set.js';
import { defaultPriceTable } from '../../server/agent/model-prices.js';
import { createChatModelFactory } from '../../server/agent/models/create-chat-model-factory.js';
import type { GovernedTestWarehouse } from './governed-test-warehouse.js';

/** The chat stack over a seeded test warehouse: the real registry, stores and agent. */
export interface ChatTestRuntime {
  agent: ChatAgent;
  stores: ChatStores;
  runtime: ToolRuntime;
  semanticLayer: SemanticLayer;
  internalErrors: unknown[];
}

/**
 * Builds the chat agent as `hale start` does, over a test warehouse. `chooseModel` defaults to the
 * real model factory (the built-in model with a fixed clock); tests of the loop pass a scripted model.
 */
export async function createChatTestRuntime({
  warehouse,
  database,
  now = () => new Date('2026-07-01T09:00:00Z'),
  toolCacheSeconds = 300,
  defaultModelId = 'builtin',
  overrides = {},
}: {
  warehouse: GovernedTestWarehouse;
  database: Database;
  now?: () => Date;
  toolCacheSeconds?: number;
  /** HALE_MODEL: the model answering when a request names none. */
  defaultModelId?: string;
  overrides?: Partial<ChatAgentDependencies>;
}): Promise<ChatTestRuntime> {
  const internalErrors: unknown[] = [];
  const semanticLayer = await loadSemanticLayer();
  const runtime = createToolRuntime({
    governed: warehouse.governed,
    semanticLayer,
    applicationDatabase: database,
    toolCacheSeconds,
    log: (level, message, details) => {
      if (level === 'error') internalErrors.push({ message, details });
    },
  });
  const stores = createChatStores(database);
  const entities = knownEntitiesOf(
    semanticLayer,
    warehouse.governed.catalog,
    runtime.registry.tools.map((tool) => tool.name),
  );
  const agent = createChatAgent({
    registry: runtime.registry,
    ports: runtime.ports,
    ...stores,
    chooseModel: createChatModelFactory({
      defaultModelId,
      semanticLayer,
      now,
      policy: () => warehouse.governed.policy,
      registry: runtime.registry,
      ports: runtime.ports,
      openAi: { requestTimeoutMs: 10_000 },
    }),
    dailyTokenBudget: () => undefined,
    prompts: await loadPromptSet(),
    prices: defaultPriceTable,
    codeVersion: 'test',
    knownEntities: () => entities,
    now,
    maximumSteps: 8,
    telemetry: false,
    log: (level, message, details) => {
      if (level === 'error') internalErrors.push({ message, details });
    },
    ...overrides,
  });
  return { agent, stores, runtime, semanticLayer, internalErrors };
}

/** One scripted model step: text, tool calls, or both. */
export interface ScriptedStep {
  text?: string;
  toolCalls?: { toolName: string; input: unknown }[];
  usage?: { input: number; output: number };
  /** Waits this long before the first part (to test cancellation). */
  delayMs?: number;
}

/**
 * A `MockLanguageModelV3` that plays `steps` in order, one per model call, and records every call.
 * Past the script it answers "(no more steps)" so a loop that runs too long is visible.
 */
export function scriptedModel(
  steps: readonly (ScriptedStep | ((prompt: LanguageModelV3Prompt) => ScriptedStep))[],
): MockLanguageModelV3 {
  let call = 0;
  return new MockLanguageModelV3({
    provider: 'test',
    modelId: 'scripted',
    doStream: async ({ prompt }) => {
      const scripted = steps[call] ?? { text: '(no more steps)' };
      const step = typeof scripted === 'function' ? scripted(prompt) : scripted;
      const index = call;
      call += 1;
      const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      if (step.text) {
        parts.push({ type: 'text-start', id: `t${index}` });
        for (const piece of step.text.match(/.{1,12}/gs) ?? [])
          parts.push({ type: 'text-delta', id: `t${index}`, delta: piece });
        parts.push({ type: 'text-end', id: `t${index}` });
      }
      (step.toolCalls ?? []).forEach((toolCall, position) => {
        parts.push({
          type: 'tool-call',
          toolCallId: `call-${index}-${position}`,
          toolName: toolCall.toolName,
          input: typeof toolCall.input === 'string' ? toolCall.input : JSON.stringify(toolCall.input),
        });
      });
      parts.push({
        type: 'finish',
        finishReason: step.toolCalls?.length
          ? { unified: 'tool-calls', raw: 'tool_calls' }
          : { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: {
            total: step.usage?.input ?? 100,
            noCache: undefined,
            cacheRead: undefined,
            cacheWrite: undefined,
          },
          outputTokens: { total: step.usage?.output ?? 20, text: undefined, reasoning: undefined },
        },
      });
      return {
        stream: simulateReadableStream({
          chunks: parts,
          initialDelayInMs: step.delayMs ?? 0,
          chunkDelayInMs: 0,
        }),
      };
    },
  });
}

/** A model choice for `chooseModel` overrides. */
export function choiceOf(
  model: LanguageModelV3,
  id = 'test:scripted',
  toolOutput: 'text' | 'structured' = 'text',
) {
  return async () => ({ id, model, toolOutput });
}

/** The text of the last tool result in a prompt (what a text-reading model saw). */
export function lastToolResultText(prompt: LanguageModelV3Prompt): string {
  for (const message of [...prompt].reverse()) {
    if (message.role !== 'tool') continue;
    const part = message.content.at(-1);
    if (part?.type === 'tool-result') {
      const output = part.output as { type: string; value: unknown };
      return typeof output.value === 'string' ? output.value : JSON.stringify(output.value);
    }
  }
  return '';
}
