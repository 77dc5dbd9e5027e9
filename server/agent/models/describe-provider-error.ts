import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  NoContentGeneratedError,
  TypeValidationError,
} from '@ai-sdk/provider';
import {
  InvalidToolInputError,
  NoOutputGeneratedError,
  NoSuchToolError,
  RetryError,
  ToolCallRepairError,
} from 'ai';
import { AgentError } from '../agent-error.js';
import { ModelRequestTimeoutError } from './create-openai-language-model.js';

const tryAgain = 'Try again in a minute, or ask an administrator to check HALE_MODEL.';

/** Codes of Node and undici network failures: the service is down, or the connection broke. */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Turns whatever a model call failed with (AI SDK errors, network errors, a `RetryError` after the
 * SDK's retries) into an `AgentError` whose message a non-technical person can act on: what
 * happened, a short detail in parentheses, and what to do. Provider messages are shortened and
 * anything shaped like a key or a bearer token is removed, so the message never carries a secret;
 * the original error stays in `cause`, for the log.
 */
export function describeProviderError(error: unknown): AgentError {
  if (error instanceof AgentError) return error;
  const attempts = RetryError.isInstance(error) ? error.errors.length : 1;
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const retried = attempts > 1 ? `, after ${attempts} attempts` : '';
  const fail = (code: ConstructorParameters<typeof AgentError>[0], message: string) =>
    new AgentError(code, message, { cause: error });

  if (isAbort(last)) return fail('cancelled', 'The answer was cancelled before it was complete.');
  if (last instanceof Error && last.name === 'TimeoutError')
    return fail('provider_timeout', `The language model service took too long to answer. ${tryAgain}`);

  const timeout = findInCauses(last, (candidate) => candidate instanceof ModelRequestTimeoutError);
  if (timeout instanceof ModelRequestTimeoutError) {
    const seconds = formatSeconds(timeout.timeoutMs);
    return fail(
      'provider_timeout',
      timeout.phase === 'response'
        ? `The language model service took too long to answer (no response within ${seconds}${retried}). ${tryAgain}`
        : `The language model service stopped answering midway (nothing received for ${seconds}${retried}). ${tryAgain}`,
    );
  }

  if (isNetworkFailure(last)) {
    const brokenMidway = findInCauses(
      last,
      (candidate) => candidate instanceof TypeError && candidate.message === 'terminated',
    );
    return fail(
      'provider_unavailable',
      brokenMidway
        ? `The connection to the language model service was lost while it was answering (${networkDetail(last)}${retried}). ${tryAgain}`
        : `The language model service is not reachable right now (${networkDetail(last)}${retried}). ${tryAgain}`,
    );
  }

  if (APICallError.isInstance(last) && last.statusCode !== undefined) {
    const status = last.statusCode;
    const detail = `HTTP ${status}${providerDetail(last.message)}${retried}`;
    if (status === 401 || status === 403)
      // The provider's own words are left out: OpenAI's 401 quotes part of the key.
      return fail(
        'provider_auth',
        `The language model service refused Hale's credentials (HTTP ${status}). Ask an administrator to check the API key (OPENAI_API_KEY) and HALE_MODEL.`,
      );
    if (status === 429)
      return fail(
        'provider_rate_limited',
        `The language model service is receiving too many requests right now (${detail}). Wait a minute and try again; if this keeps happening, ask an administrator about the service's rate limits.`,
      );
    if (status === 408)
      return fail(
        'provider_timeout',
        `The language model service took too long to answer (${detail}). ${tryAgain}`,
      );
    if (status >= 500)
      return fail(
        'provider_unavailable',
        `The language model service is not reachable right now (${detail}). ${tryAgain}`,
      );
    if (status === 404)
      return fail(
        'invalid_model',
        `The language model service does not know the configured model (${detail}). Ask an administrator to check HALE_MODEL: the model name and the service address.`,
      );
    if (status >= 400)
      return fail(
        'provider_bad_response',
        `The language model service refused the request (${detail}). Try a shorter question or a new conversation; if this keeps happening, ask an administrator to check HALE_MODEL.`,
      );
    // A 2xx whose body could not be read ("Failed to process successful response").
    return fail('provider_bad_response', badResponse(`${errorName(last.cause)}${retried}`));
  }

  // Without a status: the SDK's "Cannot connect to API" and other failures before a response.
  if (APICallError.isInstance(last))
    return fail(
      'provider_unavailable',
      `The language model service is not reachable right now (${networkDetail(last)}${retried}). ${tryAgain}`,
    );

  if (
    InvalidResponseDataError.isInstance(last) ||
    JSONParseError.isInstance(last) ||
    TypeValidationError.isInstance(last) ||
    EmptyResponseBodyError.isInstance(last) ||
    NoContentGeneratedError.isInstance(last) ||
    NoOutputGeneratedError.isInstance(last) ||
    NoSuchToolError.isInstance(last) ||
    InvalidToolInputError.isInstance(last) ||
    ToolCallRepairError.isInstance(last)
  )
    return fail('provider_bad_response', badResponse(errorName(last)));

  return fail(
    'provider_unavailable',
    `The language model service failed (${redact(errorMessage(last)).slice(0, 160)}${retried}). ${tryAgain}`,
  );
}

function badResponse(detail: string): string {
  return `The language model sent an answer Hale could not read (${detail}). Try again; if this keeps happening, ask an administrator to check HALE_MODEL.`;
}

/** `: <the provider's message>`, shortened and without secrets, or nothing. */
function providerDetail(message: string): string {
  const text = redact(message).replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return `: ${text.length > 160 ? `${text.slice(0, 157)}…` : text}`;
}

/** A network failure anywhere in the cause chain: refused, reset, lost midway, unknown host. */
function isNetworkFailure(error: unknown): boolean {
  return (
    findInCauses(
      error,
      (candidate) =>
        networkErrorCodes.has(String((candidate as { code?: unknown }).code)) ||
        (candidate instanceof TypeError &&
          /^(fetch failed|failed to fetch|terminated)$/i.test(candidate.message)),
    ) !== undefined
  );
}

function networkDetail(error: unknown): string {
  const coded = findInCauses(error, (candidate) =>
    networkErrorCodes.has(String((candidate as { code?: unknown }).code)),
  ) as { code?: string } | undefined;
  if (coded?.code === 'ECONNREFUSED') return 'connection refused';
  if (coded?.code === 'ENOTFOUND' || coded?.code === 'EAI_AGAIN') return 'unknown host name';
  if (coded?.code === 'ECONNRESET' || coded?.code === 'UND_ERR_SOCKET' || coded?.code === 'EPIPE')
    return 'the connection was closed by the other side';
  return coded?.code ?? redact(errorMessage(error)).slice(0, 160);
}

/** Removes anything shaped like an API key or a bearer token. */
function redact(text: string): string {
  return text
    .replace(/\bBearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\b(sk|pk|rk|key|api[-_]?key)[-_][A-Za-z0-9*_\-.]{6,}/gi, '[redacted key]');
}

function findInCauses(error: unknown, matches: (candidate: object) => boolean): object | undefined {
  const seen = new Set<unknown>();
  let current = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    if (matches(current)) return current;
    seen.add(current);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isAbort(error: unknown): boolean {
  return (
    (error instanceof Error || error instanceof DOMException) &&
    (error.name === 'AbortError' || error.name === 'ResponseAborted')
  );
}

function errorName(error: unknown): string {
  if (JSONParseError.isInstance(error)) return 'malformed JSON';
  if (TypeValidationError.isInstance(error)) return 'a response of an unexpected shape';
  if (NoSuchToolError.isInstance(error)) return `a call to an unknown tool, ${error.toolName}`;
  if (InvalidToolInputError.isInstance(error)) return `invalid arguments for ${error.toolName}`;
  if (EmptyResponseBodyError.isInstance(error)) return 'an empty response';
  if (NoOutputGeneratedError.isInstance(error) || NoContentGeneratedError.isInstance(error))
    return 'no answer at all';
  return 'an unexpected response';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  const rounded = Number(seconds.toFixed(seconds < 10 ? 2 : 0));
  return rounded === 1 ? '1 second' : `${rounded} seconds`;
}
