import { closestNames } from './closest-names.js';
import { expandMetric } from './expand-metric.js';
import type { FilterReference, FilterValue } from './filter-expression.js';
import { parseFilterExpression } from './filter-expression.js';
import type { Leaf, MetricTree, QueryItem, Unit, WhereFilter } from './metric-plan.js';
import { type MetricQuery, metricQuerySchema, type StructuredFilter } from './metric-query.js';
import { MetricQueryError, type MetricQueryIssue } from './metric-query-error.js';
import { renderUnit } from './render-unit.js';
import { type ItemResolution, type ResolvedItem, resolveQueryItem } from './resolve-query-item.js';
import type { SemanticLayer } from './semantic-layer.js';
import { sqlIdentifier } from './sql-fragments.js';
import { isAtLeast, type TimeGranularity } from './time-granularity.js';

/** A compiled metric query: SQL with `$n` parameters, their values and what each column is. */
export interface CompiledMetricQuery {
  sql: string;
  parameters: FilterValue[];
  /**
   * The SQL combines separate aggregate queries (metrics of several models, offsets, cumulative
   * windows), which aggregate-only policies cannot check patient by patient.
   */
  combined: boolean;
  /** The SQL orders its rows (an order-by was given, or a limit); otherwise order them by the group-by columns. */
  ordered: boolean;
  columns: {
    name: string;
    role: 'time' | 'dimension' | 'entity' | 'metric';
    label?: string;
    description?: string;
  }[];
}

const identifierPattern = /^[a-z_][a-z0-9_]*$/;
const maximumLimit = 100_000;

/**
 * Compiles a metric query to one PostgreSQL SELECT (pure). Metrics of one semantic model become one
 * aggregate query, with `FILTER (WHERE …)` for metric filters, so the governance gate's
 * aggregate-only rules can count patients per group; metrics of different models, offsets and
 * cumulative windows are computed apart and combined on the group-by columns with FULL OUTER JOIN.
 * Every value from the query becomes a `$n` parameter. Throws `MetricQueryError` with every problem.
 */
export function compileMetricQuery(layer: SemanticLayer, input: MetricQuery): CompiledMetricQuery {
  const issues: MetricQueryIssue[] = [];
  const issue = (path: string, message: string, suggestions: string[] = []) => {
    if (!issues.some((existing) => existing.path === path && existing.message === message))
      issues.push({ path, message, suggestions });
  };
  const shape = metricQuerySchema.safeParse(input);
  if (!shape.success)
    throw new MetricQueryError(
      shape.error.issues.map((problem) => ({
        path:
          problem.path
            .map((segment, index) =>
              typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`,
            )
            .join('') || 'query',
        message: problem.message,
        suggestions: [],
      })),
    );
  const query = shape.data;

  // 1. Metrics → trees of aggregated measures.
  const leaves = new Map<string, Leaf>();
  const trees: { name: string; tree: MetricTree }[] = [];
  query.metrics.forEach((rawName, index) => {
    const name = rawName.trim().toLowerCase();
    if (!layer.metrics.has(name)) {
      const known = [...layer.metrics.keys()];
      const bySynonym = [...layer.metrics.values()]
        .filter((metric) =>
          metric.synonyms?.some((synonym) => synonym.toLowerCase() === rawName.trim().toLowerCase()),
        )
        .map((metric) => metric.name);
      const suggestions = bySynonym.length > 0 ? bySynonym : closestNames(name, known);
      issue(
        `metrics[${index}]`,
        `unknown metric "${rawName}"${suggestions.length > 0 ? `; did you mean ${suggestions.map((suggestion) => `"${suggestion}"`).join(' or ')}?` : ''}`,
        suggestions,
      );
      return;
    }
    if (trees.some((tree) => tree.name === name)) {
      issue(`metrics[${index}]`, `metric "${name}" is asked for twice`);
      return;
    }
    const tree = expandMetric(layer, name, [], undefined, name, leaves, (message) =>
      issue(`metrics[${index}]`, message),
    );
    if (tree) trees.push({ name, tree });
    else if (!issues.some((existing) => existing.path === `metrics[${index}]`))
      issue(`metrics[${index}]`, `metric "${name}" cannot be computed: its definition is invalid`);
  });

  // 2. Units: one SELECT per model, time shift and accumulation.
  const units = new Map<string, Unit>();
  for (const leaf of leaves.values()) {
    const aggTimeName = leaf.measure.agg_time_dimension ?? leaf.node.model.defaults?.agg_time_dimension;
    const key = JSON.stringify([
      leaf.node.model.name,
      aggTimeName,
      leaf.offset,
      leaf.cumulative,
      leaf.measure.non_additive_dimension,
    ]);
    let unit = units.get(key);
    if (!unit) {
      const aggTimeTarget = aggTimeName
        ? layer.graph.reachableFrom(leaf.node).get(`${leaf.node.primaryEntity}__${aggTimeName}`)?.[0]
        : undefined;
      unit = {
        key,
        node: leaf.node,
        aggTime: aggTimeName && aggTimeTarget ? { name: aggTimeName, target: aggTimeTarget } : undefined,
        offset: leaf.offset,
        cumulative: leaf.cumulative,
        nonAdditive: leaf.measure.non_additive_dimension,
        leaves: [],
      };
      units.set(key, unit);
    }
    unit.leaves.push(leaf);
  }

  // 3. Group-by items, resolved for every unit.
  const items: QueryItem[] = [];
  query.group_by.forEach((raw, index) => {
    const name = groupByName(raw);
    if (!identifierPattern.test(name)) {
      issue(
        `group_by[${index}]`,
        `"${raw}" is not a dimension name (snake_case with __ between entity and dimension)`,
      );
      return;
    }
    if (items.some((item) => item.name === name)) {
      issue(`group_by[${index}]`, `"${raw}" is grouped by twice`);
      return;
    }
    items.push({ name, raw, path: `group_by[${index}]` });
  });
  const resolved = new Map<string, Map<string, ResolvedItem>>(); // unit key → item name → resolution
  const metricTimeItems = items.filter((item) => item.name.split('__')[0] === 'metric_time');
  for (const unit of units.values()) {
    const perUnit = new Map<string, ResolvedItem>();
    resolved.set(unit.key, perUnit);
    const metricName = unit.leaves[0]?.metricName ?? '';
    for (const item of items) {
      const resolution = resolveQueryItem(layer.graph, unit.node, item.name, metricName);
      if ('error' in resolution) {
        if (!issues.some((existing) => existing.path === item.path))
          issue(item.path, resolution.error, resolution.suggestions);
        continue;
      }
      if (resolution.item.kind === 'metric_time' && !unit.aggTime)
        issue(
          item.path,
          `metric "${metricName}" has no time dimension, so it cannot be grouped by metric_time`,
        );
      perUnit.set(item.name, resolution.item);
    }
    if ((unit.offset || unit.cumulative) && metricTimeItems.length !== 1) {
      const kind = unit.cumulative ? 'cumulative' : 'offset';
      issue(
        'group_by',
        metricTimeItems.length === 0
          ? `metric "${metricName}" is ${kind === 'cumulative' ? 'cumulative' : 'computed over a time offset'}: group by metric_time (e.g. metric_time__month)`
          : `metric "${metricName}" is ${kind}: group by one metric_time grain only`,
        ['metric_time__month'],
      );
    }
  }
  // The same item must mean the same column for every unit's metric, or combining would be wrong.
  for (const item of items) {
    const names = new Set(
      [...resolved.values()].map((perUnit) => {
        const entry = perUnit.get(item.name);
        return entry?.kind === 'target' ? entry.target.name : entry?.kind;
      }),
    );
    if (names.size > 1)
      issue(
        item.path,
        `"${item.raw}" means different dimensions for the metrics asked (${[...names].join(', ')}); name one explicitly`,
        [...names].filter((name): name is string => typeof name === 'string'),
      );
  }

  // 4. Where filters.
  const where: WhereFilter[] = [];
  query.where.forEach((entry, index) => {
    const path = `where[${index}]`;
    if (typeof entry === 'string') {
      const parsed = parseFilterExpression(entry);
      if ('error' in parsed) issue(path, parsed.error);
      else where.push({ kind: 'string', expression: parsed, path });
      return;
    }
    const count = entry.values.length;
    const arity: Partial<Record<StructuredFilter['operator'], [number, number]>> = {
      is_null: [0, 0],
      is_not_null: [0, 0],
      between: [2, 2],
      in: [1, 1_000],
      not_in: [1, 1_000],
      descendant_of: [1, 1_000],
    };
    const [minimum, maximum] = arity[entry.operator] ?? [1, 1];
    if (count < minimum || count > maximum)
      issue(
        `${path}.values`,
        `operator ${entry.operator} takes ${minimum === maximum ? minimum : `${minimum} or more`} value${maximum === 1 ? '' : 's'}, got ${count}`,
      );
    if (
      ['=', '!=', '<', '<=', '>', '>=', 'in', 'not_in', 'between'].includes(entry.operator) &&
      entry.values.includes(null)
    )
      issue(
        `${path}.values`,
        `null never compares equal to anything in SQL; use the operator is_null or is_not_null`,
      );
    if (entry.operator === 'descendant_of' && entry.values.some((value) => !Number.isInteger(value)))
      issue(`${path}.values`, 'descendant_of takes OMOP concept ids (integers)');
    if (
      (entry.operator === 'contains' || entry.operator === 'starts_with') &&
      entry.values.some((value) => typeof value !== 'string')
    )
      issue(`${path}.values`, `${entry.operator} takes text`);
    where.push({ kind: 'structured', filter: entry, path });
  });
  const referencesOf = (filter: WhereFilter): { reference: FilterReference; path: string }[] =>
    filter.kind === 'string'
      ? filter.expression.references.map((reference) => ({ reference, path: filter.path }))
      : [
          {
            reference: { kind: 'dimension', name: filter.filter.dimension.trim().toLowerCase() },
            path: `${filter.path}.dimension`,
          },
        ];
  const resolveReference = (unit: Unit, reference: FilterReference, metricName: string): ItemResolution => {
    const name = reference.granularity ? `${reference.name}__${reference.granularity}` : reference.name;
    const resolution = resolveQueryItem(layer.graph, unit.node, name, metricName);
    if ('error' in resolution) return resolution;
    const { item } = resolution;
    const isTime = item.kind === 'metric_time' || item.target.kind === 'time';
    if (reference.kind === 'time_dimension' && !isTime)
      return {
        error: `"${reference.name}" is not a time dimension; use Dimension('${reference.name}')`,
        suggestions: [],
      };
    if (reference.kind === 'entity' && (item.kind !== 'target' || item.target.kind !== 'entity'))
      return {
        error: `"${reference.name}" is not an entity; use Dimension('${reference.name}')`,
        suggestions: [],
      };
    if (item.kind === 'metric_time' && !unit.aggTime)
      return { error: `metric "${metricName}" has no time dimension to filter on`, suggestions: [] };
    return resolution;
  };
  for (const unit of units.values()) {
    const metricName = unit.leaves[0]?.metricName ?? '';
    for (const filter of where) {
      for (const { reference, path } of referencesOf(filter)) {
        const resolution = resolveReference(unit, reference, metricName);
        if ('error' in resolution && !issues.some((existing) => existing.path === path))
          issue(path, resolution.error.replace('group-by item', 'filter item'), resolution.suggestions);
      }
    }
    for (const leaf of unit.leaves) {
      for (const filter of leaf.filters) {
        for (const reference of filter.references) {
          const resolution = resolveReference(unit, reference, leaf.metricName);
          if ('error' in resolution)
            issue(
              'metrics',
              `the filter "${filter.text}" of metric "${leaf.metricName}": ${resolution.error.replace('group-by item', 'filter item')}`,
            );
        }
      }
    }
  }

  // 5. Time range, order, limit.
  const bounds: Partial<Record<'start' | 'end', number>> = {};
  for (const [key, value] of [
    ['start', query.start],
    ['end', query.end],
  ] as const) {
    if (value === undefined) continue;
    const time = parseIsoTime(value);
    if (time === undefined)
      issue(key, `"${value}" is not an ISO date such as 2024-01-31 (or 2024-01-31T08:00)`);
    else bounds[key] = time;
  }
  if (bounds.start !== undefined && bounds.end !== undefined && bounds.start >= bounds.end)
    issue('end', `end (${query.end}) must be after start (${query.start}); end is exclusive`);
  if (query.start || query.end) {
    for (const unit of units.values())
      if (!unit.aggTime)
        issue(
          'start',
          `metric "${unit.leaves[0]?.metricName}" has no time dimension, so it cannot take a time range`,
        );
  }
  const outputNames = [...items.map((item) => item.name), ...trees.map((tree) => tree.name)];
  const order: { name: string; descending: boolean }[] = [];
  query.order_by.forEach((raw, index) => {
    const match = /^\s*(-)?\s*([A-Za-z0-9_]+)(?:\s+(asc|desc))?\s*$/i.exec(raw);
    const name = match?.[2]?.toLowerCase();
    if (!match || !name) {
      issue(
        `order_by[${index}]`,
        `"${raw}" is not an order-by item; write a column name, -name or "name desc"`,
      );
      return;
    }
    if (!outputNames.includes(name)) {
      const suggestions = closestNames(name, outputNames);
      issue(
        `order_by[${index}]`,
        `cannot order by "${raw}": it is not among the query's metrics and group-by items (${outputNames.join(', ')})`,
        suggestions,
      );
      return;
    }
    order.push({ name, descending: match[1] === '-' || match[3]?.toLowerCase() === 'desc' });
  });
  if (
    query.limit !== undefined &&
    (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > maximumLimit)
  )
    issue(
      'limit',
      `limit must be a whole number from 1 to ${maximumLimit.toLocaleString('en')}, got ${query.limit}`,
    );
  if (issues.length > 0) throw new MetricQueryError(issues);

  // 6. SQL.
  const parameters: FilterValue[] = [];
  const bind = (value: FilterValue) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const unitList = [...units.values()];
  const combined = unitList.length > 1 || unitList.some((unit) => unit.offset || unit.cumulative);
  // metric_time without a grain: one grain for the whole query, the coarsest any metric records (or
  // asks for with time_granularity), so units of day and year data meet on the same periods.
  const grains: TimeGranularity[] = [
    ...unitList.map((unit) => unit.aggTime?.target.granularity ?? 'day'),
    ...trees.flatMap(({ name }) => {
      const grain = layer.metrics.get(name)?.time_granularity;
      return grain ? [grain] : [];
    }),
  ];
  const defaultGrain = grains.reduce<TimeGranularity>(
    (coarsest, grain) => (isAtLeast(grain, coarsest) ? grain : coarsest),
    'day',
  );
  const rendered = unitList.map((unit) =>
    renderUnit({
      unit,
      items,
      resolved: resolved.get(unit.key) ?? new Map(),
      where,
      resolveReference,
      bind,
      start: query.start,
      end: query.end,
      defaultGrain,
    }),
  );
  const leafSql = (leaf: Leaf) => {
    const unitIndex = unitList.findIndex((unit) => unit.leaves.includes(leaf));
    const value = combined ? q(leaf.column) : (rendered[unitIndex]?.aggregates.get(leaf.key) ?? 'NULL');
    return leaf.fillNullsWith === undefined ? value : `COALESCE(${value}, ${leaf.fillNullsWith})`;
  };
  const treeSql = (tree: MetricTree): string => {
    if (tree.kind === 'leaf') return leafSql(tree.leaf);
    if (tree.kind === 'ratio')
      return `CAST(${treeSql(tree.numerator)} AS double precision) / CAST(NULLIF(${treeSql(tree.denominator)}, 0) AS double precision)`;
    // Inputs are counts more often than not: in double precision, 7 / 2 is 3.5, not PostgreSQL's 3.
    return tree.render((name) => {
      const input = tree.inputs.get(name);
      return input ? `CAST(${treeSql(input)} AS double precision)` : 'NULL';
    });
  };
  const q = sqlIdentifier;
  const metricColumns = trees.map(({ name, tree }) => `${treeSql(tree)} AS ${q(name)}`);
  // Without an order-by, rows are ordered by the group-by columns only when a limit needs an order to
  // be deterministic: an ORDER BY on the group keys makes PostgreSQL sort every row to aggregate
  // (it cannot estimate the number of groups of an expression), 1.5 times slower than hashing. The
  // tools order the (small) result instead.
  const orderClause =
    order.length > 0
      ? ` ORDER BY ${order.map((entry) => `${q(entry.name)}${entry.descending ? ' DESC' : ''}`).join(', ')}`
      : items.length > 0 && query.limit !== undefined
        ? ` ORDER BY ${items.map((item) => q(item.name)).join(', ')}`
        : '';
  const limitClause = query.limit === undefined ? '' : ` LIMIT ${query.limit}`;
  let sql: string;
  const [only] = rendered;
  if (!combined && only) {
    const select = [...only.keys.map((key) => `${key.sql} AS ${q(key.name)}`), ...metricColumns];
    sql = `SELECT ${select.join(', ')}${only.body}${orderClause}${limitClause}`;
  } else {
    const from = rendered
      .map((unit, index) => {
        const subquery = `(${unit.subquery}) AS u${index + 1}`;
        if (index === 0) return subquery;
        return items.length > 0
          ? ` FULL OUTER JOIN ${subquery} USING (${items.map((item) => q(item.name)).join(', ')})`
          : ` CROSS JOIN ${subquery}`;
      })
      .join('');
    sql = `SELECT ${[...items.map((item) => q(item.name)), ...metricColumns].join(', ')} FROM ${from}${orderClause}${limitClause}`;
  }

  const firstResolved = resolved.get(unitList[0]?.key ?? '') ?? new Map<string, ResolvedItem>();
  const columns: CompiledMetricQuery['columns'] = [
    ...items.map((item) => {
      const entry = firstResolved.get(item.name);
      if (!entry || entry.kind === 'metric_time')
        return { name: item.name, role: 'time' as const, label: 'Metric time' };
      const { target } = entry;
      return {
        name: item.name,
        role:
          target.kind === 'time'
            ? ('time' as const)
            : target.kind === 'entity'
              ? ('entity' as const)
              : ('dimension' as const),
        ...(target.label ? { label: target.label } : {}),
        ...(target.description ? { description: target.description } : {}),
      };
    }),
    ...trees.map(({ name }) => {
      const metric = layer.metrics.get(name);
      return {
        name,
        role: 'metric' as const,
        ...(metric?.label ? { label: metric.label } : {}),
        ...(metric?.description ? { description: metric.description } : {}),
      };
    }),
  ];
  return { sql, parameters, combined, ordered: orderClause !== '', columns };
}

const referenceForm =
  /^\s*(?:\{\{\s*)?(Dimension|TimeDimension|Entity)\s*\(\s*'([A-Za-z0-9_]+)'\s*(?:,\s*'([A-Za-z_]+)'\s*)?\)\s*(?:\.\s*grain\s*\(\s*'([A-Za-z_]+)'\s*\)\s*)?(?:\}\}\s*)?$/;

/**
 * A group-by item's name. dbt writes saved queries' group-by items as `Dimension('practice__region')`,
 * `TimeDimension('metric_time', 'month')` or `Entity('practice')`; those become `practice__region`,
 * `metric_time__month`, `practice`.
 */
function groupByName(raw: string): string {
  const match = referenceForm.exec(raw);
  if (!match) return raw.trim().toLowerCase();
  const [, , name = '', second, grain] = match;
  const granularity = (second ?? grain)?.toLowerCase();
  return granularity ? `${name.toLowerCase()}__${granularity}` : name.toLowerCase();
}

/** Milliseconds of an ISO date or date-time, or undefined when it is not a real one (2025-02-30). */
function parseIsoTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const time = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second);
  const date = new Date(time);
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return exact ? time : undefined;
}
