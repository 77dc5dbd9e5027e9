import { lazy, Suspense } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { GroundingVerdict, HaleMessage, Me } from '../api/hale-types.js';
import { resultTableOf } from '../results/result-table-data.js';
import { ResultView } from '../results/result-view.js';
import { FeedbackBar } from './feedback-bar.js';
import { GroundingSummary } from './grounding-summary.js';
import { HowIGotThis } from './how-i-got-this.js';
import { toolCallsOf } from './tool-calls.js';

// The markdown renderer loads with the first answer; until then the text shows as it is.
const AnswerMarkdown = lazy(() =>
  import('./answer-markdown.js').then((module) => ({ default: module.AnswerMarkdown })),
);

// Tool failure codes that mean the governance policy said no (not a mistake in the query).
const policyCodes = new Set(['not_permitted', 'aggregate_required', 'statement_not_allowed']);

function groundingOf(message: HaleMessage): GroundingVerdict | undefined {
  for (const part of message.parts) if (part.type === 'data-grounding') return part.data;
  return message.metadata?.grounding;
}

/** One message: the question, or the answer with its results, checks, provenance and feedback. */
export function MessageView({
  api,
  message,
  me,
  streaming,
  stopped,
  canRegenerate,
  onRegenerate,
}: {
  api: ApiClient;
  message: HaleMessage;
  me: Me | undefined;
  streaming: boolean;
  stopped: boolean;
  canRegenerate: boolean;
  onRegenerate: () => void;
}) {
  const text = message.parts
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter(Boolean)
    .join('\n\n');
  if (message.role === 'user')
    return (
      <div className="question">
        <h2 className="visually-hidden">Your question</h2>
        <p>{text}</p>
      </div>
    );
  const grounding = groundingOf(message);
  const calls = toolCallsOf(message);
  const refused = calls.filter((call) => call.result?.isError);
  const results = calls.flatMap((call) => {
    if (!call.result || call.result.isError) return [];
    const table = resultTableOf(call.result.structuredContent);
    return table && table.columns.length > 0 ? [{ call, table }] : [];
  });
  const metadata = message.metadata;
  return (
    <article className="answer" aria-label="Answer" aria-busy={streaming}>
      <h2 className="visually-hidden">Hale's answer</h2>
      <Suspense fallback={<p className="answer-text plain-text">{text}</p>}>
        <AnswerMarkdown text={text} grounding={streaming ? undefined : grounding} />
      </Suspense>
      {streaming && !text ? <p className="thinking">Working on it…</p> : null}
      {metadata?.status === 'cancelled' || stopped ? (
        <p className="notice notice-info">Stopped before the answer was complete.</p>
      ) : null}
      {metadata?.status === 'error' && metadata.error ? (
        <p className="notice notice-warning" role="status">
          This answer did not complete ({metadata.error.code}). {metadata.error.message}
        </p>
      ) : null}
      {refused.length > 0 ? (
        <div className="notice notice-warning">
          {refused.map((call) =>
            call.result?.isError ? (
              <p key={call.toolCallId}>
                <strong>
                  {policyCodes.has(call.result.error.code) ? 'Refused by your access rules' : 'A step failed'}
                  :
                </strong>{' '}
                {call.result.error.message}
              </p>
            ) : null,
          )}
        </div>
      ) : null}
      {results.map(({ call, table }) => (
        <ResultView key={call.toolCallId} table={table} title={results.length > 1 ? call.tool : undefined} />
      ))}
      {grounding && !streaming ? <GroundingSummary grounding={grounding} /> : null}
      {calls.length > 0 || metadata?.traceId ? (
        <HowIGotThis api={api} calls={calls} me={me} traceId={metadata?.traceId} metadata={metadata} />
      ) : null}
      {!streaming ? (
        <div className="answer-actions">
          {canRegenerate ? (
            <button type="button" onClick={onRegenerate}>
              Regenerate
            </button>
          ) : null}
          {metadata?.traceId ? <FeedbackBar api={api} messageId={message.id} answer={text} /> : null}
        </div>
      ) : null}
    </article>
  );
}
