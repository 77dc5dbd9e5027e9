import type { GovernanceErrorCode } from '../governance/index.js';

/** Stable codes of tool failures: the governance codes plus the registry's own. */
export type ToolErrorCode =
  | GovernanceErrorCode
  /** The arguments do not match the tool's input schema. */
  | 'invalid_input'
  /** A metric query names unknown metrics or dimensions, or asks for something they cannot do. */
  | 'invalid_metric_query'
  /** No tool of that name. */
  | 'unknown_tool'
  /** The tool failed for a reason that is Hale's fault, not the caller's. */
  | 'internal_error';

/**
 * A failure a model can act on: what was wrong, what is allowed, and close matches. The registry
 * turns it into an error result (`isError` over MCP) instead of a protocol error.
 */
export class ToolError extends Error {
  readonly code: ToolErrorCode;
  /** Names close to a misspelt one. */
  readonly suggestions: readonly string[];
  /** What the caller may use instead, e.g. the tables they may query. */
  readonly allowed: readonly string[];

  constructor(
    code: ToolErrorCode,
    message: string,
    options?: { cause?: unknown; suggestions?: readonly string[]; allowed?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ToolError';
    this.code = code;
    this.suggestions = options?.suggestions ?? [];
    this.allowed = options?.allowed ?? [];
  }
}
