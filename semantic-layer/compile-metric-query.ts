import { closestNames } from './closest-names.js';
import type { FilterExpression, FilterReference, FilterValue } from './filter-expression.js';
import { parseFilterExpression } from './filter-expression.js';
import { type MetricQuery, metricQuerySchema, type StructuredFilter } from './metric-query.js';
import { MetricQueryError, type MetricQueryIssue } from './metric-query-error.js';
import { type ItemResolution, type ResolvedItem, resolveQueryItem } from './resolve-query-item.js';
import type { GroupByTarget, JoinStep, ModelNode } from './semantic-graph.js';
import type { SemanticLayer } from './semantic-layer.js';
import type { Measure, MetricInput } from './semantic-manifest-schema.js';
import {
  intervalLiteral,
  parseTimeWindow,
  type TimeGranularity,
  type TimeWindow,
} from './time-granularity.js';

/** A compiled metric query: SQL with `$n` parameters, their values and what each column is. */
export interface CompiledMetricQuery {
  sql: string;
  parameters: FilterValue[];
  /**
   * The SQL combines separate aggregate queries (metrics of several models, offsets, cumulative
   * windows), which aggregate-only policies cannot check patient by patient.
   */
  combined: boolean;
  columns: {
    name: string;
    role: 'time' | 'dimension' | 'entity' | 'metric';
    label?: string;
    description?: string;
  }[];
}

/** One aggregated measure: the leaves of a metric's tree. */
interface Leaf {
  key: string;
  column: string;
  node: ModelNode;
  measure: Measure;
  filters: FilterExpression[];
  offset: TimeWindow | undefined;
  cumulative: { window?: TimeWindow; grainToDate?: TimeGranularity } | undefined;
  fillNullsWith: number | undefined;
  metricName: string;
}

type MetricTree =
  | { kind: 'leaf'; leaf: Leaf }
  | { kind: 'ratio'; numerator: MetricTree; denominator: MetricTree }
  | { kind: 'derived'; render: (input: (name: string) => string) => string; inputs: Map<string, MetricTree> };

/** A group-by item as the query asked for it, resolved per model. */
interface QueryItem {
  name: string;
  raw: string;
  path: string;
}

/** Where filters: parsed strings or structured filters, with their query location. */
type WhereFilter =
  | { kind: 'string'; expression: FilterExpression; path: string }
  | { kind: 'structured'; filter: StructuredFilter; path: string };

/** Leaves computed by one SELECT: same model, time shift and accumulation. */
interface Unit {
  key: string;
  node: ModelNode;
  aggTime: { name: string; target: GroupByTarget } | undefined;
  offset: TimeWindow | undefined;
  cumulative: Leaf['cumulative'];
  nonAdditive: Measure['non_additive_dimension'];
  leaves: Leaf[];
}

const identifierPattern = /^[a-z_][a-z0-9_]*$/;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const maximumLimit = 100_000;

function truncate(expression: string, granularity: TimeGranularity): string {
  return `CAST(date_trunc('${granularity}', ${expression}) AS date)`;
}

function interval(window: TimeWindow | string): string {
  return `CAST('${typeof window === 'string' ? window : intervalLiteral(window)}' AS interval)`;
}

/**
 * Compiles a metric query to one PostgreSQL SELECT (pure). Metrics of one semantic model become one
 * aggregate query, with `FILTER (WHERE …)` for metric filters, so the governance gate's
 * aggregate-only rules can count patients per group; metrics of different models, offsets and
 * cumulative windows are computed apart and combined on the group-by columns with FULL OUTER JOIN.
 * Every value from the query becomes a `$n` parameter. Throws `MetricQueryError` with every problem.
 */
export function compileMetricQuery(layer: SemanticLayer, input: MetricQuery): CompiledMetricQuery {
  const issues: MetricQueryIssue[] = [];
  const issue = (path: string, message: string, suggestions: string[] = []) =>
    issues.push({ path, message, suggestions });
  const shape = metricQuerySchema.safeParse(input);
  if (!shape.success)
    throw new MetricQueryError(
      shape.error.issues.map((problem) => ({
        path: problem.path.map(String).join('.') || 'query',
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
    const name = raw.trim().toLowerCase();
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
  for (const [key, value] of [
    ['start', query.start],
    ['end', query.end],
  ] as const) {
    if (
      value !== undefined &&
      (!isoDatePattern.test(value) || Number.isNaN(Date.parse(value.replace(' ', 'T'))))
    )
      issue(key, `"${value}" is not an ISO date such as 2024-01-31 (or 2024-01-31T08:00)`);
  }
  if (query.start && query.end && query.start >= query.end)
    issue('end', `end (${query.end}) must be after start (${query.start}); end is exclusive`);
  if ((query.start || query.end) && [...units.values()].some((unit) => !unit.aggTime))
    issue('start', 'a time range needs metrics with a time dimension');
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
    }),
  );
  const leafSql = (leaf: Leaf) => {
    const unitIndex = unitList.findIndex((unit) => unit.leaves.includes(leaf));
    const value = combined ? leaf.column : (rendered[unitIndex]?.aggregates.get(leaf.key) ?? 'NULL');
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
  const metricColumns = trees.map(({ name, tree }) => `${treeSql(tree)} AS ${name}`);
  const orderClause =
    order.length > 0
      ? ` ORDER BY ${order.map((entry) => `${entry.name}${entry.descending ? ' DESC' : ''}`).join(', ')}`
      : items.length > 0
        ? ` ORDER BY ${items.map((item) => item.name).join(', ')}`
        : '';
  const limitClause = query.limit === undefined ? '' : ` LIMIT ${query.limit}`;
  let sql: string;
  const [only] = rendered;
  if (!combined && only) {
    const select = [...only.keys.map((key) => `${key.sql} AS ${key.name}`), ...metricColumns];
    sql = `SELECT ${select.join(', ')} FROM ${only.from}${only.where}${only.groupBy}${orderClause}${limitClause}`;
  } else {
    const from = rendered
      .map((unit, index) => {
        const subquery = `(${unit.subquery}) AS u${index + 1}`;
        if (index === 0) return subquery;
        return items.length > 0
          ? ` FULL OUTER JOIN ${subquery} USING (${items.map((item) => item.name).join(', ')})`
          : ` CROSS JOIN ${subquery}`;
      })
      .join('');
    sql = `SELECT ${[...items.map((item) => item.name), ...metricColumns].join(', ')} FROM ${from}${orderClause}${limitClause}`;
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
  return { sql, parameters, combined, columns };
}

/** Builds a metric's tree, accumulating filters and an offset from the metrics above it. */
function expandMetric(
  layer: SemanticLayer,
  name: string,
  inheritedFilters: FilterExpression[],
  offset: TimeWindow | undefined,
  topName: string,
  leaves: Map<string, Leaf>,
  problem: (message: string) => void,
): MetricTree | undefined {
  const metric = layer.metrics.get(name);
  if (!metric) return undefined;
  const parsed = layer.filters.get(name);
  const filters = [...inheritedFilters, ...(parsed?.own ?? [])];
  const inputFilters = (key: string) => parsed?.inputs.get(key) ?? [];
  const { type_params: params } = metric;
  if (metric.type === 'simple' || metric.type === 'cumulative') {
    const measureInput = params.measure;
    if (!measureInput) return undefined;
    const measureName = typeof measureInput === 'string' ? measureInput : measureInput.name;
    const node = layer.graph.measureOwners.get(measureName);
    const measure = node?.measures.get(measureName)?.measure;
    if (!node || !measure) return undefined;
    const allFilters = [...filters, ...inputFilters('measure')];
    const windowText = params.cumulative_type_params?.window ?? params.window;
    const grainToDate = params.cumulative_type_params?.grain_to_date ?? params.grain_to_date;
    const cumulative =
      metric.type === 'cumulative'
        ? {
            ...(windowText ? { window: parseTimeWindow(windowText) } : {}),
            ...(grainToDate ? { grainToDate } : {}),
          }
        : undefined;
    if (cumulative && offset) {
      problem(`metric "${name}" is cumulative and cannot be offset by a derived metric`);
      return undefined;
    }
    const fillNullsWith = typeof measureInput === 'string' ? undefined : measureInput.fill_nulls_with;
    const key = JSON.stringify([measureName, allFilters.map((filter) => filter.text), offset, cumulative]);
    let leaf = leaves.get(key);
    if (!leaf) {
      leaf = {
        key,
        column: `m${leaves.size + 1}_${measureName}`.slice(0, 60),
        node,
        measure,
        filters: allFilters,
        offset,
        cumulative,
        fillNullsWith,
        metricName: topName,
      };
      leaves.set(key, leaf);
    }
    return { kind: 'leaf', leaf };
  }
  const expandInput = (input: MetricInput, key: string, extraOffset?: TimeWindow) =>
    expandMetric(
      layer,
      typeof input === 'string' ? input : input.name,
      [...filters, ...inputFilters(key)],
      extraOffset ?? offset,
      topName,
      leaves,
      problem,
    );
  if (metric.type === 'ratio') {
    if (!params.numerator || !params.denominator) return undefined;
    const numerator = expandInput(params.numerator, 'numerator');
    const denominator = expandInput(params.denominator, 'denominator');
    return numerator && denominator ? { kind: 'ratio', numerator, denominator } : undefined;
  }
  const expression = layer.derived.get(name);
  if (!expression) return undefined;
  const inputs = new Map<string, MetricTree>();
  for (const [index, input] of (params.metrics ?? []).entries()) {
    const inputOffset =
      typeof input !== 'string' && input.offset_window ? parseTimeWindow(input.offset_window) : undefined;
    if (inputOffset && offset) {
      problem(`metric "${name}" offsets a metric that is already offset; Hale supports one offset per path`);
      return undefined;
    }
    const tree = expandInput(input, `metrics[${index}]`, inputOffset);
    if (!tree) return undefined;
    inputs.set(typeof input === 'string' ? input : (input.alias ?? input.name), tree);
  }
  return { kind: 'derived', render: expression.render, inputs };
}

/** One unit's SQL pieces: the group keys, each leaf's aggregate, and a standalone SELECT. */
interface RenderedUnit {
  keys: { name: string; sql: string }[];
  aggregates: Map<string, string>;
  from: string;
  where: string;
  groupBy: string;
  subquery: string;
}

function renderUnit({
  unit,
  items,
  resolved,
  where,
  resolveReference,
  bind,
  start,
  end,
}: {
  unit: Unit;
  items: QueryItem[];
  resolved: Map<string, ResolvedItem>;
  where: WhereFilter[];
  resolveReference: (unit: Unit, reference: FilterReference, metricName: string) => ItemResolution;
  bind: (value: FilterValue) => string;
  start: string | undefined;
  end: string | undefined;
}): RenderedUnit {
  const base = unit.node.model.name;
  const joins = new Map<string, { alias: string; sql: string }>();
  const aliasFor = (path: JoinStep[]): string => {
    if (path.length === 0) return base;
    const key = path.map((step) => `${step.entity}>${step.to.model.name}`).join('/');
    const existing = joins.get(key);
    if (existing) return existing.alias;
    const fromAlias = aliasFor(path.slice(0, -1));
    const step = path.at(-1) as JoinStep;
    // The joined model's name reads best; the entity path disambiguates a model reached twice.
    const taken = (name: string) => name === base || [...joins.values()].some((join) => join.alias === name);
    let alias = step.to.model.name;
    if (taken(alias)) alias = `${path.map((each) => each.entity).join('__')}__${step.to.model.name}`;
    if (taken(alias)) alias = `${alias}_${joins.size + 1}`;
    const fromEntity = step.from.entities.get(step.entity)?.expression.render(fromAlias) ?? 'NULL';
    const toEntity = step.to.entities.get(step.entity)?.expression.render(alias) ?? 'NULL';
    joins.set(key, {
      alias,
      sql: ` LEFT OUTER JOIN ${step.to.relation} AS ${alias} ON ${fromEntity} = ${toEntity}`,
    });
    return alias;
  };
  const grainOfQuery = [...resolved.values()].find((item) => item.kind === 'metric_time')?.granularity;
  const aggTimeGranularity = unit.aggTime?.target.granularity ?? 'day';
  const rawTime = unit.aggTime ? unit.aggTime.target.expression.render(base) : 'NULL';
  const shiftedTime = unit.offset ? `(${rawTime} + ${interval(unit.offset)})` : rawTime;
  const spineGrain = grainOfQuery ?? aggTimeGranularity;
  const metricTimeAt = (granularity: TimeGranularity | undefined) => {
    const grain = granularity ?? aggTimeGranularity;
    if (unit.cumulative) {
      // The spine holds periods at the query's grain; a coarser filter grain truncates it further.
      return grain === spineGrain ? 'spine.metric_time' : truncate('spine.metric_time', grain);
    }
    return truncate(shiftedTime, grain);
  };
  const sqlOf = (item: ResolvedItem): string => {
    if (item.kind === 'metric_time') return metricTimeAt(item.granularity);
    const expression = item.target.expression.render(aliasFor(item.target.path));
    return item.target.kind === 'time' ? truncate(expression, item.granularity ?? 'day') : expression;
  };

  const keys = items.flatMap((item) => {
    const entry = resolved.get(item.name);
    return entry ? [{ name: item.name, sql: sqlOf(entry) }] : [];
  });
  const metricName = unit.leaves[0]?.metricName ?? '';
  const referenceSql = (reference: FilterReference, metric: string) => {
    const resolution = resolveReference(unit, reference, metric);
    return 'item' in resolution ? sqlOf(resolution.item) : 'NULL';
  };
  const conditions: string[] = [];
  for (const filter of where) {
    if (filter.kind === 'string') {
      const { references } = filter.expression;
      conditions.push(
        filter.expression.render((index) => {
          const reference = references[index];
          return reference ? referenceSql(reference, metricName) : 'NULL';
        }, bind),
      );
    } else {
      const column = referenceSql(
        { kind: 'dimension', name: filter.filter.dimension.trim().toLowerCase() },
        metricName,
      );
      conditions.push(structuredCondition(column, filter.filter, bind));
    }
  }
  // A filter every metric of this query shares is a WHERE condition: rows it excludes are not read
  // into the groups at all (faster, and no empty groups, as MetricFlow). The others become FILTER.
  const [firstLeaf, ...otherLeaves] = unit.leaves;
  const shared = (firstLeaf?.filters ?? []).filter((filter) =>
    otherLeaves.every((leaf) => leaf.filters.some((other) => other.text === filter.text)),
  );
  const sharedTexts = new Set(shared.map((filter) => filter.text));
  for (const filter of shared)
    conditions.push(
      filter.render((index) => {
        const reference = filter.references[index];
        return reference ? referenceSql(reference, firstLeaf?.metricName ?? metricName) : 'NULL';
      }, bind),
    );
  const rowConditions = [...conditions];
  const periodConditions: string[] = [];
  if (unit.cumulative) {
    const periodEnd = `spine.metric_time + ${interval(`1 ${spineGrain}`)}`;
    if (start) periodConditions.push(`${periodEnd} > ${bind(start)}`);
    if (end) periodConditions.push(`spine.metric_time < ${bind(end)}`);
    conditions.push(...periodConditions);
  } else {
    if (start) conditions.push(`${shiftedTime} >= ${bind(start)}`);
    if (end) conditions.push(`${shiftedTime} < ${bind(end)}`);
  }

  const aggregates = new Map<string, string>();
  for (const leaf of unit.leaves) {
    const filterSql = leaf.filters
      .filter((filter) => !sharedTexts.has(filter.text))
      .map((filter) =>
        filter.render((index) => {
          const reference = filter.references[index];
          return reference ? referenceSql(reference, leaf.metricName) : 'NULL';
        }, bind),
      );
    aggregates.set(leaf.key, aggregateSql(unit.node, leaf.measure, base, filterSql));
  }

  let from = `${unit.node.relation} AS ${base}`;
  if (unit.cumulative && unit.aggTime) {
    const spineTime = unit.aggTime.target.expression.render('periods');
    const periodEnd = `spine.metric_time + ${interval(`1 ${spineGrain}`)}`;
    const lower = unit.cumulative.window
      ? ` AND ${rawTime} >= ${periodEnd} - ${interval(unit.cumulative.window)}`
      : unit.cumulative.grainToDate
        ? ` AND ${rawTime} >= date_trunc('${unit.cumulative.grainToDate}', spine.metric_time)`
        : '';
    from = `(SELECT DISTINCT ${truncate(spineTime, spineGrain)} AS metric_time FROM ${unit.node.relation} AS periods) AS spine JOIN ${unit.node.relation} AS ${base} ON ${rawTime} < ${periodEnd}${lower}`;
  }
  if (unit.nonAdditive) {
    const { name, window_choice: choice, window_groupings: groupings } = unit.nonAdditive;
    const dimension = unit.node.dimensions.get(name);
    const groupingExpressions = groupings.map((grouping) => unit.node.entities.get(grouping)?.expression);
    if (dimension) {
      const inner = (alias: string) => dimension.expression.render(alias);
      const partition = [
        ...groupingExpressions.map((expression) => expression?.render('snapshots') ?? 'NULL'),
        ...(grainOfQuery ? [truncate(inner('snapshots'), grainOfQuery)] : []),
      ];
      const select = [
        ...partition.map((sql, index) => `${sql} AS partition_${index + 1}`),
        `${choice}(${inner('snapshots')}) AS chosen`,
      ];
      const on = [
        `${inner(base)} = snapshot.chosen`,
        ...groupingExpressions.map(
          (expression, index) => `${expression?.render(base) ?? 'NULL'} = snapshot.partition_${index + 1}`,
        ),
        ...(grainOfQuery
          ? [`${truncate(inner(base), grainOfQuery)} = snapshot.partition_${partition.length}`]
          : []),
      ];
      from += ` JOIN (SELECT ${select.join(', ')} FROM ${unit.node.relation} AS snapshots${partition.length > 0 ? ` GROUP BY ${partition.join(', ')}` : ''}) AS snapshot ON ${on.join(' AND ')}`;
    }
  }
  // Joins were registered while rendering keys and filters; add them after the base table.
  from += [...joins.values()].map((join) => join.sql).join('');
  const whereSql = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const groupBy = keys.length > 0 ? ` GROUP BY ${keys.map((key) => key.sql).join(', ')}` : '';
  let subquery = `SELECT ${[
    ...keys.map((key) => `${key.sql} AS ${key.name}`),
    ...unit.leaves.map((leaf) => `${aggregates.get(leaf.key)} AS ${leaf.column}`),
  ].join(', ')} FROM ${from}${whereSql}${groupBy}`;

  // A cumulative sum or count is a running sum over per-period totals (a window function), when the
  // window is whole periods: joining each period to raw rows would read every row once per period,
  // too slow at scale. Distinct counts and averages cannot be added up, a window that is not whole
  // periods (28 days by month) cannot be summed by period, and a filter on metric_time selects
  // periods: those keep the row join above.
  const additive = unit.leaves.every((leaf) => ['count', 'sum', 'sum_boolean'].includes(leaf.measure.agg));
  const filtersPeriods = where.some((filter) =>
    filter.kind === 'string'
      ? filter.expression.references.some((reference) => reference.name.startsWith('metric_time'))
      : filter.filter.dimension.trim().toLowerCase().startsWith('metric_time'),
  );
  const frameOffset = unit.cumulative?.window ? windowFrameOffset(unit.cumulative.window, spineGrain) : null;
  if (
    unit.cumulative &&
    unit.aggTime &&
    additive &&
    !unit.nonAdditive &&
    !filtersPeriods &&
    frameOffset !== undefined
  ) {
    const period = truncate(rawTime, spineGrain);
    const timeKey = keys.find((key) => key.sql === 'spine.metric_time');
    const otherKeys = keys.filter((key) => key !== timeKey);
    const timeName = timeKey?.name ?? 'metric_time';
    const totals = `SELECT ${[
      `${period} AS ${timeName}`,
      ...otherKeys.map((key) => `${key.sql} AS ${key.name}`),
      ...unit.leaves.map((leaf) => `${aggregates.get(leaf.key)} AS ${leaf.column}`),
    ].join(
      ', ',
    )} FROM ${unit.node.relation} AS ${base}${[...joins.values()].map((join) => join.sql).join('')}${
      rowConditions.length > 0 ? ` WHERE ${rowConditions.join(' AND ')}` : ''
    } GROUP BY ${[period, ...otherKeys.map((key) => key.sql)].join(', ')}`;
    const partition = [
      ...otherKeys.map((key) => key.name),
      ...(unit.cumulative.grainToDate
        ? [`date_trunc('${unit.cumulative.grainToDate}', CAST(${timeName} AS timestamp))`]
        : []),
    ];
    const frame = frameOffset
      ? ` RANGE BETWEEN CAST('${frameOffset}' AS interval) PRECEDING AND CURRENT ROW`
      : '';
    const over = `OVER (${partition.length > 0 ? `PARTITION BY ${partition.join(', ')} ` : ''}ORDER BY ${timeName}${frame})`;
    const running = `SELECT ${[
      timeName,
      ...otherKeys.map((key) => key.name),
      ...unit.leaves.map((leaf) => `sum(${leaf.column}) ${over} AS ${leaf.column}`),
    ].join(', ')} FROM (${totals}) AS period_totals`;
    // The time range picks periods after the running sum, so earlier rows still count.
    const range = [
      ...(start ? [`${timeName} + ${interval(`1 ${spineGrain}`)} > ${bind(start)}`] : []),
      ...(end ? [`${timeName} < ${bind(end)}`] : []),
    ];
    subquery = `SELECT ${[timeName, ...otherKeys.map((key) => key.name), ...unit.leaves.map((leaf) => leaf.column)].join(', ')} FROM (${running}) AS running_totals${range.length > 0 ? ` WHERE ${range.join(' AND ')}` : ''}`;
  }
  return { keys, aggregates, from, where: whereSql, groupBy, subquery };
}

/**
 * The window frame offset (`21 day`) that makes a running sum over periods of `grain` cover exactly
 * `window`: the window must be whole periods (28 days by week, 3 months by quarter; any window by
 * day). `null`: no offset needed; `undefined`: not whole periods.
 */
function windowFrameOffset(window: TimeWindow, grain: TimeGranularity): string | null | undefined {
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
function aggregateSql(node: ModelNode, measure: Measure, alias: string, filters: string[]): string {
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
function structuredCondition(
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
      return `strpos(lower(${column}), lower(${bind(values[0] ?? '')})) > 0`;
    case 'starts_with':
      return `starts_with(lower(${column}), lower(${bind(values[0] ?? '')}))`;
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
