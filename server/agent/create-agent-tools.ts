import { jsonSchema, type ToolSet, tool } from 'ai';
import { z } from 'zod';
import type {
  AnyToolDefinition,
  ToolContext,
  ToolRegistry,
  ToolResult,
} from '../../mcp-tools/tools/index.js';

/**
 * What a model reads of a tool result. Hosted models read the compact text rendering (tokens cost
 * money and the text is what they were prompted with); the built-in model reads the structured
 * result, so it writes its answer from exact cell values rather than from a rendering.
 */
export type ToolOutputForModel = 'text' | 'structured';

/** Observes each call as it finishes: the trace, the metrics and the cache see every call here. */
export type ToolCallObserver = (call: {
  toolCallId: string;
  tool: string;
  input: unknown;
  result: ToolResult;
  durationMs: number;
}) => void;

/**
 * The registry's tools as an AI SDK tool set, bound to one turn's context (principal, channel,
 * abort signal). The JSON Schemas are shown to the model but not enforced by the SDK: the registry
 * validates every input itself and answers a bad one with an `isError` result the model can act
 * on, recorded like any other call. Nothing the model writes can change the principal: it is
 * captured here, from authentication, before the model runs.
 */
export function createAgentTools({
  registry,
  context,
  modelOutput,
  execute = (name, input, callContext) => registry.execute(name, input, callContext),
  onToolCall,
}: {
  registry: ToolRegistry;
  context: Omit<ToolContext, 'signal'> & { signal?: AbortSignal };
  modelOutput: ToolOutputForModel;
  /** How a call runs; the agent passes the registry behind its result cache. */
  execute?: (name: string, input: unknown, context: ToolContext) => Promise<ToolResult>;
  onToolCall?: ToolCallObserver;
}): ToolSet {
  const tools: ToolSet = {};
  for (const definition of registry.tools) {
    tools[definition.name] = tool<unknown, ToolResult>({
      description: definition.description,
      inputSchema: inputJsonSchemaOf(definition),
      async execute(input, { abortSignal, toolCallId }) {
        const signal = mergeSignals(context.signal, abortSignal);
        const started = performance.now();
        const result = await execute(definition.name, input, { ...context, signal });
        onToolCall?.({
          toolCallId,
          tool: definition.name,
          input,
          result,
          durationMs: performance.now() - started,
        });
        return result;
      },
      toModelOutput: ({ output }) =>
        modelOutput === 'structured'
          ? { type: 'json', value: output as unknown as Parameters<typeof JSON.stringify>[0] }
          : output.isError
            ? { type: 'error-text', value: output.text }
            : { type: 'text', value: output.text },
    });
  }
  return tools;
}

/** JSON Schemas are built once per tool definition: building them took milliseconds per turn. */
const inputJsonSchemas = new WeakMap<AnyToolDefinition, ReturnType<typeof jsonSchema<unknown>>>();

function inputJsonSchemaOf(definition: AnyToolDefinition) {
  let schema = inputJsonSchemas.get(definition);
  if (!schema) {
    const { $schema: _dialect, ...json } = z.toJSONSchema(definition.inputSchema, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    schema = jsonSchema<unknown>({ ...json, type: 'object' });
    inputJsonSchemas.set(definition, schema);
  }
  return schema;
}

function mergeSignals(...signals: (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length === 0) return new AbortController().signal;
  return present.length === 1 ? (present[0] as AbortSignal) : AbortSignal.any(present);
}
