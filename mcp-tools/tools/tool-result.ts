import type { ToolErrorCode } from './tool-error.js';

/** What a failed call tells its caller: enough for a model to correct itself. */
export interface ToolFailure {
  code: ToolErrorCode;
  message: string;
  /** Names close to a misspelt one. */
  suggestions: string[];
  /** What the caller may use instead. */
  allowed: string[];
}

/**
 * The outcome of one tool call, for every channel. `text` is the compact rendering a model reads;
 * `structuredContent` matches the tool's output schema.
 */
export type ToolResult =
  | {
      isError: false;
      structuredContent: Record<string, unknown>;
      text: string;
      /** Served from the tool-result cache: no query ran for this call. */
      cached?: true;
    }
  | { isError: true; error: ToolFailure; text: string; cached?: undefined };

/** The text of a failure: the code, what was wrong, close matches and what is allowed. */
export function renderFailureText(failure: ToolFailure): string {
  const lines = [`Error (${failure.code}): ${failure.message}`];
  if (failure.suggestions.length > 0) lines.push(`Did you mean: ${failure.suggestions.join(', ')}?`);
  if (failure.allowed.length > 0) lines.push(`Allowed: ${failure.allowed.join(', ')}`);
  return lines.join('\n');
}
