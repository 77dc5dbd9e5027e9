/**
 * A failed request to Hale, from its problem+json body, or the server being unreachable
 * (`status` 0, code `unreachable`). `retryAfterSeconds` comes from a 429's Retry-After.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly retryAfterSeconds: number | undefined;

  constructor({
    status,
    code,
    title,
    detail,
    retryAfterSeconds,
  }: { status: number; code: string; title: string; detail?: string; retryAfterSeconds?: number }) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Turns a non-OK response into an ApiError, reading problem+json when the server sent it. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let body: { code?: unknown; title?: unknown; detail?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : `http_${response.status}`,
    title: typeof body.title === 'string' ? body.title : response.statusText || 'Request failed',
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  });
}

/** The error for a request that never got an answer. */
export function unreachableError(cause: unknown): ApiError {
  const error = new ApiError({
    status: 0,
    code: 'unreachable',
    title: 'Hale is not reachable',
    detail: 'check that the server is running and your network is up',
  });
  error.cause = cause;
  return error;
}
