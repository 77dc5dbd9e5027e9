import type { FoundConcept } from './apply-concept.js';
import type { LinkingTables } from './build-linking-tables.js';
import { describeAccessEffects } from './describe-access-effects.js';
import {
  columnDecimals,
  formatNumber,
  type NumberStyle,
  numberStyleOf,
  numericValue,
} from './format-number.js';
import type { MetricQueryInput } from './metric-query-input.js';

interface ResultColumn {
  name: string;
  role: string;
  label?: string;
  description?: string;
}

/** Rows shown in an answer's table; the rest are counted, not shown. */
export const rowsShown = 20;

/** The concept roles filtered with descendant_of, in words. */
const entityLabels: Record<string, string> = {
  condition: 'Condition',
  drug: 'Drug',
  measurement_concept: 'Measurement',
  visit_concept: 'Visit type',
};

const grainLabels: Record<string, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
};

const operatorWords: Record<string, string> = {
  '=': 'is',
  '!=': 'is not',
  '<': 'below',
  '<=': 'at most',
  '>': 'above',
  '>=': 'at least',
  in: 'is one of',
  not_in: 'is none of',
  between: 'between',
  contains: 'contains',
  starts_with: 'starts with',
};

/** Table cells never break the markdown table, whatever a data value contains. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function dimensionLabel(tables: LinkingTables, metrics: string[], name: string): string {
  const grain = name.match(/^metric_time__(\w+)$/)?.[1];
  if (grain) return grainLabels[grain] ?? grain;
  if (entityLabels[name]) return entityLabels[name];
  return tables.dimensionsFor(metrics).find((dimension) => dimension.name === name)?.label ?? name;
}

/** The filters of a query in words: "City is Lyon; Visit type is teleconsultation". */
export function describeFilters({
  tables,
  query,
  concepts,
}: {
  tables: LinkingTables;
  query: MetricQueryInput;
  concepts?: readonly FoundConcept[] | undefined;
}): string[] {
  return query.where.map((filter) => {
    if (typeof filter === 'string') return filter;
    if (filter.operator === 'descendant_of') {
      const named = filter.values.map((value) => {
        const known = concepts?.find((candidate) => candidate.conceptId === value);
        return known
          ? `${known.name} (${known.vocabulary} ${known.code}, OMOP concept ${known.conceptId})`
          : `OMOP concept ${String(value)}`;
      });
      return `${dimensionLabel(tables, query.metrics, filter.dimension)}: ${named.join(', ')} and its descendants`;
    }
    const values = filter.values.map((value) => String(value)).join(', ');
    return `${dimensionLabel(tables, query.metrics, filter.dimension)} ${operatorWords[filter.operator] ?? filter.operator} ${values}`.trim();
  });
}

/**
 * A period's words without the dates they may carry ("this week (2026-06-29 to 2026-07-05)" gives
 * "this week"): the answer states the query's own dates, the ones a reader can check.
 */
function withoutDates(label: string): string {
  return label.replace(/\s*\(\d{4}-\d{2}-\d{2}[^)]*\)/g, '').trim();
}

/** The period of a query in words, with its concrete dates. */
export function describePeriod(query: MetricQueryInput, label: string | undefined): string {
  if (!query.start && !query.end) return 'all dates (no time filter)';
  const dates =
    query.start && query.end
      ? `from ${query.start} up to, not including, ${query.end}`
      : query.start
        ? `from ${query.start} on`
        : `before ${query.end}`;
  const words = label ? withoutDates(label) : undefined;
  return words ? `${words}, ${dates}` : dates;
}

/**
 * Writes the answer to a metric question from the query_metrics result only: the numbers formatted
 * (counts "12,345", shares "12.3%", averages with decimals), what was measured (label and
 * definition), the filters and period with dates, the grouping as a table (top and bottom named
 * when ranking), and every suppression, policy effect and truncation.
 */
export function writeMetricAnswer({
  tables,
  query,
  content,
  periodLabel,
  concepts,
  notes = [],
  scope,
}: {
  tables: LinkingTables;
  /** The input the call was made with. */
  query: MetricQueryInput;
  /** The call's structured result. */
  content: Record<string, unknown>;
  periodLabel?: string | undefined;
  /** Concepts found in the conversation, to name the ones the filters use. */
  concepts?: readonly FoundConcept[] | undefined;
  notes?: string[];
  /** The principal's scope attributes, from whoami (regions, practices). */
  scope?: Record<string, unknown> | undefined;
}): string {
  const columns = (Array.isArray(content.columns) ? content.columns : []) as ResultColumn[];
  const rows = (Array.isArray(content.rows) ? content.rows : []) as Record<string, unknown>[];
  const rowCount = typeof content.rowCount === 'number' ? content.rowCount : rows.length;
  const metricColumns = columns.filter((column) => column.role === 'metric');
  const groupColumns = columns.filter((column) => column.role !== 'metric');
  const styles = new Map<string, NumberStyle>(
    metricColumns.map((column) => [
      column.name,
      numberStyleOf(tables.layer.metrics.get(column.name) ?? column),
    ]),
  );
  const metricLabel = (column: ResultColumn) =>
    column.label ?? tables.layer.metrics.get(column.name)?.label ?? column.name;
  const decimals = new Map(
    metricColumns.map((column) => [
      column.name,
      columnDecimals(
        rows.map((row) => row[column.name]),
        styles.get(column.name) ?? 'count',
      ),
    ]),
  );
  const format = (column: ResultColumn, row: Record<string, unknown>) =>
    formatNumber(row[column.name], styles.get(column.name) ?? 'count', decimals.get(column.name));
  const filters = describeFilters({ tables, query, concepts });
  const period = describePeriod(query, periodLabel);
  const when = periodLabel ? withoutDates(periodLabel) : query.start || query.end ? period : 'over all dates';
  const context = [...filters, when].join(', ');

  const lines: string[] = [];
  if (rows.length === 0) {
    lines.push(
      `No data matched — ${context}: there is none for these filters and this period, or none you may see.`,
    );
  } else if (groupColumns.length === 0 && rows[0]) {
    const row = rows[0];
    const figures = metricColumns.map((column) => `**${metricLabel(column)}**: **${format(column, row)}**`);
    lines.push(`${figures.join('; ')} — ${context}.`);
  } else {
    const groupLabels = groupColumns.map((column) => dimensionLabel(tables, query.metrics, column.name));
    const order = query.order_by?.[0];
    const ranking = order
      ? `, ${order.startsWith('-') ? 'highest' : 'lowest'} first${query.limit ? `, the first ${query.limit}` : ''}`
      : '';
    lines.push(
      `${metricColumns.map((column) => `**${metricLabel(column)}**`).join(' and ')} by ${groupLabels.join(' and ')}${ranking} — ${context}:`,
    );
    lines.push('');
    lines.push(`| ${[...groupLabels, ...metricColumns.map(metricLabel)].map(cell).join(' | ')} |`);
    lines.push(`|${[...groupColumns, ...metricColumns].map(() => '---').join('|')}|`);
    for (const row of rows.slice(0, rowsShown)) {
      const groups = groupColumns.map((column) =>
        cell(row[column.name] === null ? '(none)' : String(row[column.name])),
      );
      lines.push(`| ${[...groups, ...metricColumns.map((column) => format(column, row))].join(' | ')} |`);
    }
    if (rowCount > rowsShown) lines.push('', `The table shows the first twenty of ${rowCount} rows.`);
    const first = metricColumns[0];
    const categorical = groupColumns.filter((column) => column.role !== 'time');
    if (first && categorical.length === 1 && groupColumns.length === 1 && rows.length >= 2) {
      const ranked = rows
        .filter((row) => numericValue(row[first.name]) !== undefined)
        .sort(
          (left, right) => (numericValue(right[first.name]) ?? 0) - (numericValue(left[first.name]) ?? 0),
        );
      const top = ranked[0];
      const bottom = ranked.at(-1);
      const name = (row: Record<string, unknown>) => String(row[categorical[0]?.name ?? ''] ?? '(none)');
      if (top && bottom && numericValue(top[first.name]) !== numericValue(bottom[first.name]))
        lines.push(
          '',
          `Highest ${metricLabel(first)}: **${name(top)}** (${format(first, top)}). Lowest: **${name(bottom)}** (${format(first, bottom)}).`,
        );
    }
  }

  lines.push('');
  for (const column of metricColumns) {
    const description = tables.layer.metrics.get(column.name)?.description ?? column.description;
    lines.push(
      `- Measured: **${metricLabel(column)}** (\`${column.name}\`)${description ? ` — ${description}` : ''}`,
    );
  }
  lines.push(`- Filters: ${filters.length > 0 ? filters.join('; ') : 'none'}.`);
  lines.push(`- Period: ${period}.`);
  if (groupColumns.length > 0)
    lines.push(
      `- Grouped by: ${groupColumns.map((column) => dimensionLabel(tables, query.metrics, column.name)).join(', ')}.`,
    );
  for (const note of [...notes, ...describeAccessEffects(content, scope)]) lines.push(`- ${note}`);
  return lines.join('\n');
}
