import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChartChoice } from './choose-chart.js';
import { type Cell, formatCell, numberOf } from './result-table-data.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

const palette = ['#2f6fdf', '#d9622b', '#2e9e6a', '#9b4dca', '#c43d5b', '#7a8a00'];

type Drawable = Extract<ChartChoice, { kind: 'line' | 'bar' }>;

function datasetsOf(chart: Drawable, rows: readonly Record<string, Cell>[]) {
  const labels = [...new Set(rows.map((row) => formatCell(row[chart.x.name])))];
  if (chart.kind === 'line' && chart.seriesBy) {
    const seriesBy = chart.seriesBy;
    const metric = chart.metrics[0];
    const groups = [...new Set(rows.map((row) => formatCell(row[seriesBy.name])))];
    return {
      labels,
      datasets: groups.map((group, index) => ({
        label: group,
        data: labels.map((label) => {
          const row = rows.find(
            (candidate) =>
              formatCell(candidate[chart.x.name]) === label && formatCell(candidate[seriesBy.name]) === group,
          );
          return row && metric ? (numberOf(row[metric.name]) ?? null) : null;
        }),
        borderColor: palette[index % palette.length],
        backgroundColor: palette[index % palette.length],
      })),
    };
  }
  return {
    labels,
    datasets: chart.metrics.map((metric, index) => ({
      label: metric.label,
      data: rows.map((row) => numberOf(row[metric.name]) ?? null),
      borderColor: palette[index % palette.length],
      backgroundColor: palette[index % palette.length],
    })),
  };
}

/** A line or bar chart of a result (Chart.js, loaded lazily); the table beside it holds the values. */
export default function ResultChart({
  chart,
  rows,
}: {
  chart: Drawable;
  rows: readonly Record<string, Cell>[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Streaming re-renders hand over equal but new objects: redraw only when the content changes.
  const signature = JSON.stringify([chart, rows]);
  const latest = useRef({ chart, rows });
  latest.current = { chart, rows };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for chart and rows
  useEffect(() => {
    const { chart, rows } = latest.current;
    if (!canvas.current) return;
    const styles = getComputedStyle(document.documentElement);
    const text = styles.getPropertyValue('--text').trim() || '#1d2430';
    const grid = styles.getPropertyValue('--border').trim() || '#d0d6de';
    const instance = new Chart(canvas.current, {
      type: chart.kind,
      data: datasetsOf(chart, rows),
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: true, labels: { color: text } } },
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: chart.kind === 'bar' },
        },
      },
    });
    return () => instance.destroy();
  }, [signature]);
  const description = `${chart.kind === 'line' ? 'Line' : 'Bar'} chart of ${chart.metrics.map((metric) => metric.label).join(', ')} by ${chart.x.label}${chart.kind === 'line' && chart.seriesBy ? ` and ${chart.seriesBy.label}` : ''}; the values are in the table below.`;
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={description}>
        {description}
      </canvas>
    </div>
  );
}
