import { useEffect, useId, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { MetricDimension, MetricSummary } from '../api/hale-types.js';

function MetricCard({
  api,
  metric,
  onAsk,
}: {
  api: ApiClient;
  metric: MetricSummary;
  onAsk: (question: string) => void;
}) {
  const [dimensions, setDimensions] = useState<MetricDimension[]>();
  const [problem, setProblem] = useState<string>();
  const question =
    metric.sampleQuestions[0] ?? `What is the ${metric.label ?? metric.name.replaceAll('_', ' ')}?`;
  return (
    <li className="metric">
      <h3>{metric.label ?? metric.name}</h3>
      <p className="metric-name">
        <code>{metric.name}</code> · {metric.type}
        {metric.access === 'aggregate' ? ' · totals only for you' : ''}
      </p>
      {metric.description ? <p>{metric.description}</p> : null}
      {metric.synonyms.length > 0 ? <p className="hint">Also called: {metric.synonyms.join(', ')}</p> : null}
      <details
        onToggle={async (event) => {
          if (!(event.currentTarget as HTMLDetailsElement).open || dimensions) return;
          try {
            setDimensions((await api.dimensions(metric.name)).dimensions);
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          }
        }}
      >
        <summary>Dimensions</summary>
        {problem ? <p className="tool-error">{problem}</p> : null}
        {dimensions ? (
          <ul className="dimensions">
            {dimensions.map((dimension) => (
              <li key={dimension.name}>
                <code>{dimension.name}</code> {dimension.label ? `— ${dimension.label}` : ''}
                {dimension.granularities ? ` (${dimension.granularities.join(', ')})` : ''}
              </li>
            ))}
          </ul>
        ) : problem ? null : (
          <p>Loading…</p>
        )}
      </details>
      <button type="button" onClick={() => onAsk(question)}>
        Ask about this<span className="visually-hidden">: {question}</span>
      </button>
    </li>
  );
}

/** The metric catalog: search, definitions, dimensions, and "ask about this". */
export function CatalogView({ api, onAsk }: { api: ApiClient; onAsk: (question: string) => void }) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ metrics: MetricSummary[]; unavailable: number }>();
  const [problem, setProblem] = useState<string>();
  const searchId = useId();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const result = await api.metrics(search.trim() || undefined);
        if (current) {
          setFound(result);
          setProblem(undefined);
        }
      } catch (error) {
        if (current) setProblem(error instanceof Error ? error.message : String(error));
      }
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, search]);
  return (
    <section className="catalog" aria-labelledby="catalog-heading">
      <h2 id="catalog-heading">Metric catalog</h2>
      <label htmlFor={searchId}>Search metrics</label>
      <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {found ? (
        <>
          <p role="status">
            {found.metrics.length} metric{found.metrics.length === 1 ? '' : 's'}
            {found.unavailable > 0 ? ` (${found.unavailable} more over data you may not query)` : ''}
          </p>
          <ul className="metrics">
            {found.metrics.map((metric) => (
              <MetricCard key={metric.name} api={api} metric={metric} onAsk={onAsk} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
