import { type Cell, numberOf, type ResultColumn } from './result-table-data.js';

/** How a result is best drawn, from its shape. */
export type ChartChoice =
  | { kind: 'big-number'; metric: ResultColumn; value: number }
  | { kind: 'line'; x: ResultColumn; metrics: ResultColumn[]; seriesBy?: ResultColumn }
  | { kind: 'bar'; x: ResultColumn; metrics: ResultColumn[] }
  | { kind: 'none' };

/** Most bars that stay readable. */
const maximumBars = 40;

/**
 * Picks the chart for a result: one number → a big figure; a time column → lines (one per value of
 * a second grouping column, if any); one category column with several values → bars; anything else
 * stays a table.
 */
export function chooseChart(
  columns: readonly ResultColumn[],
  rows: readonly Record<string, Cell>[],
): ChartChoice {
  const metrics = columns.filter(
    (column) => column.role === 'metric' && rows.some((row) => numberOf(row[column.name]) !== undefined),
  );
  const others = columns.filter((column) => !metrics.includes(column));
  if (metrics.length === 0 || rows.length === 0) return { kind: 'none' };
  const [metric] = metrics;
  if (rows.length === 1 && others.length === 0 && metrics.length === 1 && metric) {
    const value = numberOf(rows[0]?.[metric.name]);
    return value === undefined ? { kind: 'none' } : { kind: 'big-number', metric, value };
  }
  const time = others.find((column) => column.role === 'time');
  if (time && rows.length >= 2 && others.length <= 2) {
    const seriesBy = others.find((column) => column !== time);
    if (seriesBy && metrics.length > 1) return { kind: 'none' };
    return seriesBy ? { kind: 'line', x: time, metrics, seriesBy } : { kind: 'line', x: time, metrics };
  }
  const [category] = others;
  if (others.length === 1 && category && rows.length >= 2 && rows.length <= maximumBars)
    return { kind: 'bar', x: category, metrics };
  return { kind: 'none' };
}
