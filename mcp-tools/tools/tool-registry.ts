import type { z } from 'zod';
import { closestNames } from '../../semantic-layer/index.js';
import { GovernanceError } from '../governance/index.js';
import type { ToolCallLog } from './tool-call-log.js';
import type { AnyToolDefinition, ToolContext } from './tool-definition.js';
import { ToolError } from './tool-error.js';
import { renderFailureText, type ToolFailure, type ToolResult } from './tool-result.js';
import { type ToolResultCache, toolCacheKey } from './tool-result-cache.js';

/** Largest argument object accepted, in characters of JSON: a query is text, not a payload. */
export const maximumToolInputLength = 100_000;

/** The tools every channel offers, and the one way to call them. */
export interface ToolRegistry {
  readonly tools: readonly AnyToolDefinition[];
  get(name: string): AnyToolDefinition | undefined;
  /**
   * Validates the input, runs the tool for the context's principal, records the call, and returns a
   * result: failures a caller can act on come back as `isError` results, never as exceptions.
   */
  execute(name: string, input: unknown, context: ToolContext): Promise<ToolResult>;
}

/**
 * Builds the registry over tool definitions. The MCP server and the chat agent are two thin adapters
 * over it, so both channels validate, govern and record calls the same way. `onInternalError` is
 * told of bugs (with their cause) while the caller gets a safe message.
 */
export function createToolRegistry({
  tools,
  callLog,
  onInternalError,
  cache,
}: {
  tools: readonly AnyToolDefinition[];
  callLog: ToolCallLog;
  onInternalError?: (error: unknown, tool: string) => void;
  /**
   * Results kept for calls whose context asks for it (`useCache`); `dataVersion` changes when the
   * warehouse is reloaded, so a load never serves an older answer.
   */
  cache?: { results: ToolResultCache; dataVersion: () => string | undefined };
}): ToolRegistry {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  if (byName.size !== tools.length) throw new Error('two tools share a name');

  async function execute(name: string, input: unknown, context: ToolContext): Promise<ToolResult> {
    const started = performance.now();
    let result: ToolResult;
    try {
      const tool = byName.get(name);
      if (!tool) {
        const names = [...byName.keys()];
        throw new ToolError('unknown_tool', `there is no tool named ${JSON.stringify(name)}`, {
          suggestions: closestNames(name, names),
          allowed: names,
        });
      }
      const parsedInput = parseInput(tool.inputSchema, input);
      // No data version yet (not read): no caching, rather than a key that changes once it is known.
      const dataVersion = cache && context.useCache ? cache.dataVersion() : undefined;
      const key =
        dataVersion !== undefined
          ? toolCacheKey({
              principal: context.principal,
              policyVersion: context.ports.warehouse.policy.version,
              tool: name,
              input: parsedInput,
              dataVersion,
            })
          : undefined;
      const cached = key ? cache?.results.get(key) : undefined;
      if (cached && !cached.isError) {
        result = { ...cached, cached: true };
      } else {
        const output = await tool.execute(parsedInput, context);
        const structuredContent = tool.outputSchema.parse(output) as Record<string, unknown>;
        result = { isError: false, structuredContent, text: tool.renderText(structuredContent) };
        if (key) cache?.results.set(key, result);
      }
    } catch (error) {
      const failure = toFailure(error, context.signal);
      if (failure.code === 'internal_error') onInternalError?.(error, name);
      result = { isError: true, error: failure, text: renderFailureText(failure) };
    }
    await callLog.record({
      principal: context.principal.user,
      role: context.principal.role,
      channel: context.channel,
      tool: name,
      input,
      outcome: result.isError ? 'error' : 'ok',
      ...(result.isError ? { code: result.error.code } : {}),
      durationMs: performance.now() - started,
      cached: result.cached === true,
    });
    return result;
  }

  return { tools, get: (name) => byName.get(name), execute };
}

function parseInput(schema: z.ZodObject, input: unknown): unknown {
  const length = JSON.stringify(input ?? {})?.length ?? 0;
  if (length > maximumToolInputLength)
    throw new ToolError(
      'invalid_input',
      `the arguments are too large (${length.toLocaleString('en')} characters of JSON, at most ${maximumToolInputLength.toLocaleString('en')})`,
    );
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
    return `${path}: ${issue.message}`;
  });
  throw new ToolError('invalid_input', `invalid arguments: ${problems.join('; ')}`, {
    allowed: Object.keys(schema.shape),
  });
}

function toFailure(error: unknown, signal: AbortSignal): ToolFailure {
  if (error instanceof ToolError || error instanceof GovernanceError) {
    return {
      code: error.code,
      message: error.message,
      suggestions: [...error.suggestions],
      allowed: error instanceof ToolError ? [...error.allowed] : [],
    };
  }
  if (signal.aborted)
    return {
      code: 'cancelled',
      message: 'the call was cancelled by its caller',
      suggestions: [],
      allowed: [],
    };
  return {
    code: 'internal_error',
    message: 'the tool failed because of an internal error in Hale; it has been logged',
    suggestions: [],
    allowed: [],
  };
}
