/**
 * Why the gate refused or failed a query. Stable codes: tools turn them into results a model can act
 * on, the audit log records them, and `hale sql --json` prints them as `category`.
 */
export type GovernanceErrorCode =
  /** The SQL does not parse. */
  | 'syntax_error'
  /** A statement kind, clause or construct the gate never runs (SET, COPY, writable CTE, NATURAL …). */
  | 'statement_not_allowed'
  /** A table, column or function the principal may not use (or that does not exist for them). */
  | 'not_permitted'
  /** A name the warehouse does not have. */
  | 'unknown_name'
  /** The principal may only see aggregates and the query does not comply. */
  | 'aggregate_required'
  /** The statement ran too long and was cancelled. */
  | 'timeout'
  /** The result or the estimated work exceeds the caps. */
  | 'too_large'
  /** The query was cancelled by its caller. */
  | 'cancelled'
  /** The database refused a value or an operation (division by zero, bad cast …). */
  | 'query_failed'
  /** The policy file is invalid. */
  | 'invalid_policy'
  /** No such principal in the policy. */
  | 'unknown_principal';

/** A governance refusal or failure with a stable `code` and a message safe to show to a model. */
export class GovernanceError extends Error {
  readonly code: GovernanceErrorCode;
  /** Names close to a misspelt one, so a model can correct itself. */
  readonly suggestions: readonly string[];

  constructor(
    code: GovernanceErrorCode,
    message: string,
    options?: { cause?: unknown; suggestions?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GovernanceError';
    this.code = code;
    this.suggestions = options?.suggestions ?? [];
  }
}
