import { QuoteUtils } from 'pgsql-deparser';
import type { FilterValue } from './filter-expression.js';
import type { StructuredFilter } from './metric-query.js';
import type { ModelNode } from './semantic-graph.js';
import type { Measure } from './semantic-manifest-schema.js';
import { intervalLiteral, type TimeGranularity, type TimeWindow } from './time-granularity.js';

/**
 * An identifier as SQL: quoted only when PostgreSQL needs it (a keyword such as `order` or `user`),
 * as its own `quote_ident` does, so generated SQL stays readable.
 */
export function sqlIdentifier(name: string): string {
  return QuoteUtils.quoteIdentifier(name);
}

/** A time expression truncated to a grain, as a date (the first day of the period). */
export function truncate(expression: string, granularity: TimeGranularity): string {
  return `CAST(date_trunc('${granularity}', ${expression}) AS date)`;
}

/** A window or literal interval as SQL (`CAST('28 day' AS interval)`). */
export function interval(window: TimeWindow | string): string {
  return `CAST('${typeof window === 'string' ? window : intervalLiteral(window)}' AS interval)`;
}

/**
 * The window frame offset (`21 day`) that makes a running sum over periods of `grain` cover exactly
 * `window`: the window must be whole periods (28 days by week, 3 months by quarter; any window by
 * day). `null`: no offset needed; `undefined`: not whole periods.
 */
export function windowFrameOffset(window: TimeWindow, grain: TimeGranularity): string | null | undefined {
  const days =
    window.granularity === 'day'
      ? window.count
      : window.granularity === 'week'
        ? window.count * 7
        : undefined;
  const months =
    window.granularity === 'month'
      ? window.count
      : window.granularity === 'quarter'
        ? window.count * 3
        : window.granularity === 'year'
          ? window.count * 12
          : undefined;
  if (grain === 'day') return days !== undefined ? `${days - 1} day` : `${months} month -1 day`;
  if (grain === 'week') return days !== undefined && days % 7 === 0 ? `${days - 7} day` : undefined;
  const perPeriod = { month: 1, quarter: 3, year: 12 }[grain];
  return months !== undefined && months % perPeriod === 0 ? `${months - perPeriod} month` : undefined;
}

/** The aggregate of a measure, with metric filters as `FILTER (WHERE …)`. */
export function aggregateSql(node: ModelNode, measure: Measure, alias: string, filters: string[]): string {
  const expression = node.measures.get(measure.name)?.expression?.render(alias);
  const conditions = [...filters];
  let call: string;
  switch (measure.agg) {
    case 'sum':
      call = `sum(${expression})`;
      break;
    case 'average':
      call = `avg(${expression})`;
      break;
    case 'min':
    case 'max':
      call = `${measure.agg}(${expression})`;
      break;
    case 'count':
      call = expression ? `count(${expression})` : 'count(*)';
      break;
    case 'count_distinct':
      call = `count(DISTINCT ${expression})`;
      break;
    case 'sum_boolean':
      // count(*) FILTER rather than sum(CASE …): the same number, and the form aggregate-only policies accept.
      call = 'count(*)';
      conditions.unshift(`${expression}`);
      break;
    case 'median':
    case 'percentile': {
      const fraction = measure.agg === 'median' ? 0.5 : (measure.agg_params?.percentile ?? 0.5);
      const kind = measure.agg_params?.use_discrete_percentile ? 'percentile_disc' : 'percentile_cont';
      call = `${kind}(${fraction}) WITHIN GROUP (ORDER BY ${expression})`;
      break;
    }
  }
  return conditions.length > 0
    ? `${call} FILTER (WHERE ${conditions.map((condition) => `(${condition})`).join(' AND ')})`
    : call;
}

/** A structured filter as SQL over `column`, every value bound. */
export function structuredCondition(
  column: string,
  filter: StructuredFilter,
  bind: (value: FilterValue) => string,
): string {
  const values = filter.values;
  const list = () => values.map((value) => bind(value)).join(', ');
  switch (filter.operator) {
    case 'is_null':
      return `${column} IS NULL`;
    case 'is_not_null':
      return `${column} IS NOT NULL`;
    case 'in':
      return `${column} IN (${list()})`;
    case 'not_in':
      return `${column} NOT IN (${list()})`;
    case 'between':
      return `${column} BETWEEN ${bind(values[0] ?? null)} AND ${bind(values[1] ?? null)}`;
    case 'contains':
      return `strpos(lower(CAST(${column} AS text)), lower(${bind(values[0] ?? '')})) > 0`;
    case 'starts_with':
      return `starts_with(lower(CAST(${column} AS text)), lower(${bind(values[0] ?? '')}))`;
    case 'descendant_of': {
      // The concepts themselves too: concept_ancestor's level-0 rows may be missing (Synthea loads).
      const ids = list();
      return `(${column} IN (${ids}) OR ${column} IN (SELECT concept_ancestor.descendant_concept_id FROM vocab.concept_ancestor WHERE concept_ancestor.ancestor_concept_id IN (${ids})))`;
    }
    default: {
      const operator = filter.operator === '!=' ? '<>' : filter.operator;
      return `${column} ${operator} ${bind(values[0] ?? null)}`;
    }
  }
}
