import { createHash } from 'node:crypto';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import type { SemanticLayer } from '../../../../semantic-layer/index.js';
import { buildLinkingTables } from './build-linking-tables.js';
import { decideStep, type Step } from './decide-step.js';
import type { DimensionValueIndex } from './dimension-value-index.js';
import { readConversation } from './read-conversation.js';

/** What the built-in model is made from; the semantic layer is fixed for the model's life. */
export interface BuiltinModelOptions {
  /** The loaded semantic layer (`loadSemanticLayer()`). */
  semanticLayer: SemanticLayer;
  /** The injected clock: "last month" is read against it; the system clock is never read. */
  now: () => Date;
  /** Values of categorical dimensions THIS principal may see, read through governed queries; called lazily, cached by the caller. */
  dimensionValues: () => Promise<DimensionValueIndex>;
}

/** Characters per text delta: several deltas per answer, so streaming is exercised. */
const deltaLength = 24;

/** A token estimate: a quarter of the characters, as OpenAI's rule of thumb; no tokenizer is run. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Splits a text into deltas of about `deltaLength` characters, at word boundaries; joined, they are the text. */
export function splitIntoDeltas(text: string): string[] {
  const deltas: string[] = [];
  let current = '';
  for (const piece of text.match(/\S+\s*|\s+/g) ?? []) {
    current += piece;
    if (current.length >= deltaLength) {
      deltas.push(current);
      current = '';
    }
  }
  if (current) deltas.push(current);
  return deltas;
}

interface DecidedStep {
  step: Step;
  /** A hash of the prompt: ids derived from it make the same prompt give the same output. */
  promptHash: string;
  inputTokens: number;
}

function finishReasonOf(step: Step): LanguageModelV3FinishReason {
  return step.kind === 'tool-calls'
    ? { unified: 'tool-calls', raw: 'tool-calls' }
    : { unified: 'stop', raw: 'stop' };
}

function usageOf(decided: DecidedStep, output: string): LanguageModelV3Usage {
  return {
    inputTokens: {
      total: decided.inputTokens,
      noCache: decided.inputTokens,
      cacheRead: undefined,
      cacheWrite: undefined,
    },
    outputTokens: { total: estimateTokens(output), text: estimateTokens(output), reasoning: undefined },
  };
}

function contentOf({ step, promptHash }: DecidedStep): LanguageModelV3Content[] {
  if (step.kind === 'text') return [{ type: 'text', text: step.text }];
  return step.calls.map((call, position) => ({
    type: 'tool-call',
    toolCallId: `call_${promptHash.slice(0, 16)}_${position}`,
    toolName: call.toolName,
    input: JSON.stringify(call.input),
  }));
}

const outputText = (content: LanguageModelV3Content[]) =>
  content
    .map((part) => (part.type === 'text' ? part.text : part.type === 'tool-call' ? part.input : ''))
    .join('');

/**
 * The built-in model: a deterministic natural-language query model behind the AI SDK's
 * `LanguageModelV3` interface, so the real agent loop, tool calls and streaming run without any
 * provider. Each call decides one step from the whole prompt: the tool calls the question still
 * needs, or the final answer written only from tool results. The same prompt always gives the same
 * output (ids are derived from a hash of it). Token counts are estimates (characters / 4).
 */
export function createBuiltinModel(options: BuiltinModelOptions): LanguageModelV3 {
  // Linking tables are built once: the model's own work per step stays far below a millisecond or so.
  const tables = buildLinkingTables(options.semanticLayer, options.now());

  async function decide(callOptions: LanguageModelV3CallOptions): Promise<DecidedStep> {
    const signal = callOptions.abortSignal;
    if (signal?.aborted) throw abortReason(signal);
    const index = await options.dimensionValues();
    if (signal?.aborted) throw abortReason(signal);
    const offered =
      callOptions.toolChoice?.type === 'none'
        ? []
        : (callOptions.tools ?? []).flatMap((tool) => (tool.type === 'function' ? [tool.name] : []));
    const step = decideStep({
      tables,
      index,
      now: options.now(),
      tools: new Set(offered),
      turns: readConversation(callOptions.prompt),
    });
    const serialized = JSON.stringify(callOptions.prompt);
    return {
      step,
      promptHash: createHash('sha256').update(serialized).digest('hex'),
      inputTokens: estimateTokens(serialized),
    };
  }

  return {
    specificationVersion: 'v3',
    provider: 'hale',
    modelId: 'builtin',
    supportedUrls: {},

    async doGenerate(callOptions) {
      const decided = await decide(callOptions);
      const content = contentOf(decided);
      return {
        content,
        finishReason: finishReasonOf(decided.step),
        usage: usageOf(decided, outputText(content)),
        response: {
          id: `builtin-${decided.promptHash.slice(0, 16)}`,
          modelId: 'builtin',
          timestamp: options.now(),
        },
        warnings: [],
      };
    },

    async doStream(callOptions) {
      const decided = await decide(callOptions);
      const content = contentOf(decided);
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        {
          type: 'response-metadata',
          id: `builtin-${decided.promptHash.slice(0, 16)}`,
          modelId: 'builtin',
          timestamp: options.now(),
        },
      ];
      for (const part of content) {
        if (part.type === 'text') {
          const id = `text_${decided.promptHash.slice(0, 12)}`;
          parts.push({ type: 'text-start', id });
          for (const delta of splitIntoDeltas(part.text)) parts.push({ type: 'text-delta', id, delta });
          parts.push({ type: 'text-end', id });
        } else if (part.type === 'tool-call') parts.push(part);
      }
      parts.push({
        type: 'finish',
        finishReason: finishReasonOf(decided.step),
        usage: usageOf(decided, outputText(content)),
      });
      const signal = callOptions.abortSignal;
      let next = 0;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        pull(controller) {
          if (signal?.aborted) {
            controller.error(abortReason(signal));
            return;
          }
          const part = parts[next++];
          if (part) controller.enqueue(part);
          else controller.close();
        },
      });
      return { stream };
    },
  };
}
