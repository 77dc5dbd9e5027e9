import { ApiError } from '../api/api-error.js';

/** What went wrong, in words, and whether trying again can help. */
export function describeProblem(error: Error): { title: string; detail: string; retry: boolean } {
  if (error instanceof ApiError) {
    if (error.code === 'unreachable')
      return {
        title: 'Hale is not reachable',
        detail: 'The server did not answer. Check that it is running (npm start) and try again.',
        retry: true,
      };
    if (error.status === 429)
      return {
        title: error.code === 'budget_exceeded' ? 'Daily budget used up' : 'Too many requests',
        detail:
          error.code === 'budget_exceeded'
            ? 'You have used your daily allowance of the language model. It resets at midnight UTC.'
            : `You are asking faster than Hale allows. Try again${error.retryAfterSeconds ? ` in ${error.retryAfterSeconds} s` : ' in a moment'}.`,
        retry: error.code !== 'budget_exceeded',
      };
    if (error.code === 'starting')
      return {
        title: 'Hale is starting',
        detail: 'The warehouse is being prepared. Try again in a few seconds.',
        retry: true,
      };
    if (error.code.startsWith('provider_') || error.status === 502 || error.status === 504)
      return {
        title: 'The language model is unavailable',
        detail: 'The language model service is not reachable right now. Try again in a minute.',
        retry: true,
      };
    if (error.status === 401)
      return {
        title: 'Not signed in',
        detail: 'Your sign-in was refused. Pick a user or enter a valid API token.',
        retry: false,
      };
    if (error.status === 403) return { title: 'Not allowed', detail: error.message, retry: false };
    if (error.code === 'turn_in_progress')
      return {
        title: 'Still answering',
        detail: 'A question of this conversation is still being answered.',
        retry: true,
      };
    return { title: error.title, detail: error.message, retry: error.status >= 500 };
  }
  // fetch reports a connection lost mid-stream as a TypeError ("network error", "terminated").
  if (error instanceof TypeError)
    return {
      title: 'The answer was interrupted',
      detail: `The connection closed before the answer was complete (${error.message}). Try again.`,
      retry: true,
    };
  // An error part of the stream: the server's own sentence (the model service failing, for example).
  return { title: 'The answer could not be completed', detail: error.message, retry: true };
}

/** A recoverable problem, announced to screen readers, with "Try again" when that can help. */
export function ProblemNotice({
  error,
  onRetry,
  onDismiss,
}: {
  error: Error;
  onRetry?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}) {
  const { title, detail, retry } = describeProblem(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}.</strong> {detail}
      </p>
      <div className="notice-actions">
        {retry && onRetry ? (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {onDismiss ? (
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        ) : null}
      </div>
    </div>
  );
}
