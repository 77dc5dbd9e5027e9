/** Why a chat turn failed; stable, so the HTTP layer, the UI and tests can branch on it. */
export type AgentErrorCode =
  /** `HALE_MODEL` is not a model id Hale understands, or the service does not know the model. */
  | 'invalid_model'
  /** The model id is valid but this deployment does not allow it. */
  | 'model_not_allowed'
  /** The model service cannot be reached or failed (connection refused, 5xx, connection lost). */
  | 'provider_unavailable'
  /** The model service asked Hale to slow down (HTTP 429) and retries did not help. */
  | 'provider_rate_limited'
  /** The model service did not answer, or stopped streaming, within the request timeout. */
  | 'provider_timeout'
  /** The model service refused Hale's credentials (HTTP 401 or 403). */
  | 'provider_auth'
  /** The model service answered something Hale cannot use (malformed JSON, an unusable tool call). */
  | 'provider_bad_response'
  /** The turn would go past its token or cost budget. */
  | 'budget_exceeded'
  /** The model kept calling tools past the step limit without answering. */
  | 'step_limit'
  /** The person cancelled the turn, or went away. */
  | 'cancelled';

/**
 * A chat agent failure whose message is a sentence a non-technical person can read (what happened
 * and what to do) and never contains a secret; the technical detail stays in `cause`, for the log.
 */
export class AgentError extends Error {
  readonly code: AgentErrorCode;

  constructor(code: AgentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AgentError';
    this.code = code;
  }
}
