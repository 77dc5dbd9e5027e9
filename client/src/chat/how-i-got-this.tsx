import { lazy, Suspense, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { AnswerMetadata, Me, Trace } from '../api/hale-types.js';
import { describePolicies, type Suppression } from './describe-policies.js';
import { type ToolCallView, toolTitle } from './tool-calls.js';

// sql-formatter loads with the first "How I got this" that shows SQL, not with the page.
const SqlView = lazy(() => import('./sql-view.js').then((module) => ({ default: module.SqlView })));

function SqlBlock({ sql, label }: { sql: string; label: string }) {
  return (
    <Suspense
      fallback={
        <figure className="sql">
          <figcaption>{label}</figcaption>
          <pre>{sql}</pre>
        </figure>
      }
    >
      <SqlView sql={sql} label={label} />
    </Suspense>
  );
}

function compact(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function milliseconds(value: number): string {
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

function CallInputs({ input }: { input: unknown }) {
  if (typeof input !== 'object' || input === null) return <p>No inputs.</p>;
  const entries = Object.entries(input as Record<string, unknown>).filter(([name]) => name !== 'sql');
  if (entries.length === 0) return null;
  return (
    <dl className="inputs">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <code>{compact(value)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function CallDetails({
  call,
  trace,
  me,
}: {
  call: ToolCallView;
  trace: Trace | undefined;
  me: Me | undefined;
}) {
  const span = trace?.spans.find(
    (candidate) => candidate.kind === 'tool' && candidate.attributes.toolCallId === call.toolCallId,
  );
  const result = call.result;
  const structured = result && !result.isError ? result.structuredContent : undefined;
  const policies = Array.isArray(structured?.policies) ? (structured.policies as string[]) : [];
  const suppression = structured?.suppression as Suppression | undefined;
  const effects = describePolicies({ policies, suppression, scope: me?.scope });
  const executedSql = typeof structured?.executedSql === 'string' ? structured.executedSql : undefined;
  const inputSql =
    typeof (call.input as { sql?: unknown })?.sql === 'string'
      ? (call.input as { sql: string }).sql
      : undefined;
  return (
    <li className="tool-call">
      <h3>
        {toolTitle(call.tool)} <code className="tool-name">{call.tool}</code>
      </h3>
      <p className="tool-facts">
        {call.state === 'running' ? 'Running…' : call.state === 'failed' ? 'Refused' : 'Done'}
        {typeof structured?.rowCount === 'number'
          ? ` · ${structured.rowCount.toLocaleString('en')} row${structured.rowCount === 1 ? '' : 's'}${structured.truncated ? ' (cut by the row cap)' : ''}`
          : ''}
        {span ? ` · ${milliseconds(span.durationMs)}` : ''}
        {span?.attributes.cached || result?.cached ? ' · reused from a recent identical query' : ''}
      </p>
      <CallInputs input={call.input} />
      {inputSql && !executedSql ? <SqlBlock sql={inputSql} label="SQL asked for" /> : null}
      {executedSql ? (
        <SqlBlock sql={executedSql} label="SQL that ran (after the access rules were applied)" />
      ) : null}
      {effects.length > 0 ? (
        <div className="policy-effects">
          <h4>What your access changed</h4>
          <ul>
            {effects.map((effect) => (
              <li key={effect}>{effect}</li>
            ))}
          </ul>
          {me?.description ? <p className="access-note">Your access: {me.description}</p> : null}
        </div>
      ) : null}
      {result?.isError ? (
        <div className="tool-error">
          <p>
            <strong>{result.error.code}</strong>: {result.error.message}
          </p>
          {result.error.suggestions.length > 0 ? (
            <p>Did you mean: {result.error.suggestions.join(', ')}?</p>
          ) : null}
          {result.error.allowed.length > 0 ? <p>Allowed: {result.error.allowed.join(', ')}</p> : null}
        </div>
      ) : null}
      {call.errorText ? <p className="tool-error">{call.errorText}</p> : null}
    </li>
  );
}

function TraceSummary({ trace }: { trace: Trace }) {
  const models = trace.spans.filter((span) => span.kind === 'model');
  return (
    <div className="trace">
      <h3>Timings and cost</h3>
      <dl className="facts">
        <div>
          <dt>Total time</dt>
          <dd>{milliseconds(trace.durationMs)}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>
            {trace.model} ({models.length} call{models.length === 1 ? '' : 's'},{' '}
            {milliseconds(models.reduce((sum, span) => sum + span.durationMs, 0))})
          </dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>
            {trace.inputTokens.toLocaleString('en')} in, {trace.outputTokens.toLocaleString('en')} out
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>${trace.costUsd.toFixed(4)}</dd>
        </div>
        <div>
          <dt>Prompt version</dt>
          <dd>
            <code>{trace.promptVersion}</code>
          </dd>
        </div>
        <div>
          <dt>Trace</dt>
          <dd>
            <code>{trace.traceId}</code>
          </dd>
        </div>
      </dl>
      <table className="spans">
        <caption>Steps of this answer</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Time</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {trace.spans
            .filter((span) => span.kind !== 'turn')
            .map((span) => (
              <tr key={span.spanId}>
                <td>{span.name}</td>
                <td>{milliseconds(span.durationMs)}</td>
                <td>
                  {span.kind === 'model'
                    ? `${compact(span.attributes.inputTokens)} in / ${compact(span.attributes.outputTokens)} out tokens`
                    : span.kind === 'tool'
                      ? `${compact(span.attributes.outcome)}${span.attributes.rowCount !== undefined ? `, ${compact(span.attributes.rowCount)} rows` : ''}`
                      : span.kind === 'grounding'
                        ? `${compact(span.attributes.claims)} claims, ${compact(span.attributes.ungrounded)} unverified`
                        : ''}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "How I got this", collapsed by default: every tool call with its inputs, the SQL that ran
 * (formatted and highlighted), rows, the access rules' effects in plain words, and the turn's
 * timings, tokens and cost (its trace, fetched when opened).
 */
export function HowIGotThis({
  api,
  calls,
  me,
  traceId,
  metadata,
}: {
  api: ApiClient;
  calls: ToolCallView[];
  me: Me | undefined;
  traceId: string | undefined;
  metadata: AnswerMetadata | undefined;
}) {
  const [trace, setTrace] = useState<Trace>();
  const [traceProblem, setTraceProblem] = useState<string>();
  const load = async () => {
    if (!traceId || trace) return;
    try {
      setTrace(await api.trace(traceId));
    } catch (error) {
      setTraceProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <details
      className="how"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>How I got this</summary>
      {calls.length === 0 ? <p>No data was queried for this answer.</p> : null}
      <ol className="tool-calls">
        {calls.map((call) => (
          <CallDetails key={call.toolCallId} call={call} trace={trace} me={me} />
        ))}
      </ol>
      {trace ? <TraceSummary trace={trace} /> : null}
      {!trace && metadata?.model ? (
        <p className="tool-facts">
          Model {metadata.model}
          {metadata.promptVersion ? ` · prompt ${metadata.promptVersion}` : ''}
        </p>
      ) : null}
      {traceProblem ? <p className="tool-error">The timings could not be loaded: {traceProblem}</p> : null}
    </details>
  );
}
