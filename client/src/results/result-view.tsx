import { lazy, Suspense } from 'react';
import { chooseChart } from './choose-chart.js';
import { ResultTable } from './result-table.js';
import { formatCell, formatShare, isShareColumn, type ResultTableData } from './result-table-data.js';

// Chart.js loads only when an answer has something to draw: it stays out of the first page load.
const ResultChart = lazy(() => import('./result-chart.js'));

/** A result: the chart its shape calls for (or a big figure), and the table. */
export function ResultView({ table, title }: { table: ResultTableData; title: string | undefined }) {
  const chart = chooseChart(table.columns, table.rows);
  return (
    <section className="result" aria-label={title ? `Result of ${title}` : 'Result'}>
      {chart.kind === 'big-number' ? (
        <p className="big-number">
          <span className="big-number-value">
            {isShareColumn(chart.metric, table.rows) ? formatShare(chart.value) : formatCell(chart.value)}
          </span>
          <span className="big-number-label">{chart.metric.label}</span>
        </p>
      ) : chart.kind !== 'none' ? (
        <Suspense fallback={<div className="chart chart-loading">Drawing the chart…</div>}>
          <ResultChart chart={chart} rows={table.rows} />
        </Suspense>
      ) : null}
      <ResultTable table={table} />
    </section>
  );
}
