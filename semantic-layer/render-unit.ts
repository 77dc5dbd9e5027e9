import type { FilterReference, FilterValue } from './filter-expression.js';
import type { QueryItem, Unit, WhereFilter } from './metric-plan.js';
import type { ItemResolution, ResolvedItem } from './resolve-query-item.js';
import type { JoinStep } from './semantic-graph.js';
import {
  aggregateSql,
  interval,
  sqlIdentifier,
  structuredCondition,
  truncate,
  windowFrameOffset,
} from './sql-fragments.js';
import type { TimeGranularity } from './time-granularity.js';

/** One unit's SQL: its group keys and aggregates (to inline), and the whole unit as a subquery. */
export interface RenderedUnit {
  keys: { name: string; sql: string }[];
  aggregates: Map<string, string>;
  /** `FROM … WHERE … GROUP BY …` of the plain form, to inline when the query has one plain unit. */
  body: string;
  /** The unit as one SELECT of its keys (named) and leaf columns. */
  subquery: string;
}

/** Measures a running sum can add up per period; distinct counts, averages and medians cannot be. */
const additiveAggregations = new Set(['count', 'sum', 'sum_boolean']);

/**
 * Renders one unit: the measures of one model (one time shift, one accumulation) grouped by the
 * query's items, with its joins, filters and time range. Every value goes through `bind`; a value
 * is bound only once the SQL that uses it is chosen, so no `$n` is left unused.
 */
export function renderUnit({
  unit,
  items,
  resolved,
  where,
  resolveReference,
  bind,
  start,
  end,
  defaultGrain,
}: {
  unit: Unit;
  items: QueryItem[];
  resolved: Map<string, ResolvedItem>;
  where: WhereFilter[];
  resolveReference: (unit: Unit, reference: FilterReference, metricName: string) => ItemResolution;
  bind: (value: FilterValue) => string;
  start: string | undefined;
  end: string | undefined;
  /** The grain of `metric_time` asked for without one. */
  defaultGrain: TimeGranularity;
}): RenderedUnit {
  const q = sqlIdentifier;
  const base = q(unit.node.model.name);
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
    let alias = q(step.to.model.name);
    if (taken(alias)) alias = q(`${path.map((each) => each.entity).join('__')}__${step.to.model.name}`);
    if (taken(alias)) alias = q(`${path.map((each) => each.entity).join('__')}_${joins.size + 1}`);
    const fromEntity = step.from.entities.get(step.entity)?.expression.render(fromAlias) ?? 'NULL';
    const toEntity = step.to.entities.get(step.entity)?.expression.render(alias) ?? 'NULL';
    joins.set(key, {
      alias,
      sql: ` LEFT OUTER JOIN ${step.to.relation} AS ${alias} ON ${fromEntity} = ${toEntity}`,
    });
    return alias;
  };
  const timeItem = [...resolved.values()].find((item) => item.kind === 'metric_time');
  const queryGrain = timeItem ? (timeItem.granularity ?? defaultGrain) : undefined;
  const rawTime = unit.aggTime ? unit.aggTime.target.expression.render(base) : 'NULL';
  const shiftedTime = unit.offset ? `(${rawTime} + ${interval(unit.offset)})` : rawTime;
  // Cumulative units group by period at the query's grain: `hale_spine.metric_time` (row join) or
  // the period column of the running sum.
  const periodGrain = queryGrain ?? defaultGrain;
  const period = `hale_spine.${q('metric_time')}`;
  const metricTimeAt = (granularity: TimeGranularity | undefined) => {
    const grain = granularity ?? defaultGrain;
    if (unit.cumulative) return grain === periodGrain ? period : truncate(period, grain);
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

  // Row conditions: the query's filters, then the metric filters every leaf shares. A filter all the
  // unit's metrics share is a WHERE condition: rows it excludes are not read into the groups (faster,
  // and no empty groups, as MetricFlow). The others become FILTER (WHERE …) on their aggregate.
  const rowConditions: string[] = [];
  for (const filter of where) {
    if (filter.kind === 'string') {
      const { references } = filter.expression;
      rowConditions.push(
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
      rowConditions.push(structuredCondition(column, filter.filter, bind));
    }
  }
  const [firstLeaf, ...otherLeaves] = unit.leaves;
  const shared = (firstLeaf?.filters ?? []).filter((filter) =>
    otherLeaves.every((leaf) => leaf.filters.some((other) => other.text === filter.text)),
  );
  const sharedTexts = new Set(shared.map((filter) => filter.text));
  for (const filter of shared)
    rowConditions.push(
      filter.render((index) => {
        const reference = filter.references[index];
        return reference ? referenceSql(reference, firstLeaf?.metricName ?? metricName) : 'NULL';
      }, bind),
    );
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
  const joinSql = () => [...joins.values()].map((join) => join.sql).join('');
  const whereOf = (conditions: string[]) =>
    conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const groupByOf = (expressions: string[]) =>
    expressions.length > 0 ? ` GROUP BY ${expressions.join(', ')}` : '';
  const selectOf = (columns: { name: string; sql: string }[]) =>
    columns.map((column) => `${column.sql} AS ${q(column.name)}`).join(', ');
  const leafColumns = unit.leaves.map((leaf) => ({
    name: leaf.column,
    sql: aggregates.get(leaf.key) ?? 'NULL',
  }));

  if (unit.cumulative && unit.aggTime) {
    const filtersPeriods = where.some((filter) =>
      filter.kind === 'string'
        ? filter.expression.references.some((reference) => reference.name.startsWith('metric_time'))
        : filter.filter.dimension.trim().toLowerCase().startsWith('metric_time'),
    );
    const frameOffset = unit.cumulative.window
      ? windowFrameOffset(unit.cumulative.window, periodGrain)
      : null;
    const runningSum =
      unit.leaves.every((leaf) => additiveAggregations.has(leaf.measure.agg)) &&
      !unit.nonAdditive &&
      !filtersPeriods &&
      frameOffset !== undefined;
    if (runningSum) {
      return {
        keys,
        aggregates,
        body: '',
        subquery: runningSumSubquery({
          unit,
          periodGrain,
          frameOffset,
          keys: keys.filter((key) => key.sql !== period),
          timeName: keys.find((key) => key.sql === period)?.name ?? 'metric_time',
          from: `${unit.node.relation} AS ${base}${joinSql()}`,
          rowConditions,
          leafColumns,
          rawTime,
          range: { start, end },
          bind,
        }),
      };
    }
    // Each period joined to the rows in its window: reads rows once per period.
    const periodEnd = `${period} + ${interval(`1 ${periodGrain}`)}`;
    const lower = unit.cumulative.window
      ? ` AND ${rawTime} >= ${periodEnd} - ${interval(unit.cumulative.window)}`
      : unit.cumulative.grainToDate
        ? ` AND ${rawTime} >= date_trunc('${unit.cumulative.grainToDate}', CAST(${period} AS timestamp))`
        : '';
    const spineTime = unit.aggTime.target.expression.render('hale_periods');
    const conditions = [
      ...rowConditions,
      ...(start ? [`${periodEnd} > ${bind(start)}`] : []),
      ...(end ? [`${period} < ${bind(end)}`] : []),
    ];
    const body = ` FROM (SELECT DISTINCT ${truncate(spineTime, periodGrain)} AS ${q('metric_time')} FROM ${unit.node.relation} AS hale_periods) AS hale_spine JOIN ${unit.node.relation} AS ${base} ON ${rawTime} < ${periodEnd}${lower}${joinSql()}${whereOf(conditions)}${groupByOf(keys.map((key) => key.sql))}`;
    return { keys, aggregates, body, subquery: `SELECT ${selectOf([...keys, ...leafColumns])}${body}` };
  }

  const conditions = [
    ...rowConditions,
    ...(start ? [`${shiftedTime} >= ${bind(start)}`] : []),
    ...(end ? [`${shiftedTime} < ${bind(end)}`] : []),
  ];
  let from = `${unit.node.relation} AS ${base}`;
  if (unit.nonAdditive) {
    from += snapshotJoin({ unit, base, joinSql: joinSql(), conditions, partitionGrain: queryGrain });
  }
  const body = ` FROM ${from}${joinSql()}${whereOf(conditions)}${groupByOf(keys.map((key) => key.sql))}`;
  return { keys, aggregates, body, subquery: `SELECT ${selectOf([...keys, ...leafColumns])}${body}` };
}

/**
 * A cumulative sum or count as a running sum (a window function) over per-period totals, which reads
 * each row once. Periods come from the totals (periods with matching rows); with other group-by
 * columns every period is crossed with every group, so a group's running total continues through
 * periods where it had no rows, and a (period, group) is shown when its window holds rows, as the
 * row join would show it. The time range picks periods after the sum, so earlier rows still count.
 */
function runningSumSubquery({
  unit,
  periodGrain,
  frameOffset,
  keys,
  timeName,
  from,
  rowConditions,
  leafColumns,
  rawTime,
  range,
  bind,
}: {
  unit: Unit;
  periodGrain: TimeGranularity;
  frameOffset: string | null;
  keys: { name: string; sql: string }[];
  timeName: string;
  from: string;
  rowConditions: string[];
  leafColumns: { name: string; sql: string }[];
  rawTime: string;
  range: { start: string | undefined; end: string | undefined };
  bind: (value: FilterValue) => string;
}): string {
  const q = sqlIdentifier;
  const time = q(timeName);
  const periodSql = truncate(rawTime, periodGrain);
  const totals = `SELECT ${[
    `${periodSql} AS ${time}`,
    ...keys.map((key) => `${key.sql} AS ${q(key.name)}`),
    ...leafColumns.map((leaf) => `${leaf.sql} AS ${q(leaf.name)}`),
    'count(*) AS hale_rows',
  ].join(
    ', ',
  )} FROM ${from}${rowConditions.length > 0 ? ` WHERE ${rowConditions.join(' AND ')}` : ''} GROUP BY ${[periodSql, ...keys.map((key) => key.sql)].join(', ')}`;
  const keyNames = keys.map((key) => q(key.name));
  const grid =
    keys.length > 0
      ? `SELECT hale_periods.${time}, ${keyNames.map((name) => `hale_groups.${name}`).join(', ')} FROM (SELECT DISTINCT ${time} FROM hale_totals) AS hale_periods CROSS JOIN (SELECT DISTINCT ${keyNames.join(', ')} FROM hale_totals) AS hale_groups`
      : `SELECT DISTINCT ${time} FROM hale_totals`;
  const partition = [
    ...keyNames.map((name) => `hale_grid.${name}`),
    ...(unit.cumulative?.grainToDate
      ? [`date_trunc('${unit.cumulative.grainToDate}', CAST(hale_grid.${time} AS timestamp))`]
      : []),
  ];
  const frame = frameOffset
    ? ` RANGE BETWEEN CAST('${frameOffset}' AS interval) PRECEDING AND CURRENT ROW`
    : '';
  const over = `OVER (${partition.length > 0 ? `PARTITION BY ${partition.join(', ')} ` : ''}ORDER BY hale_grid.${time}${frame})`;
  const on = [
    `hale_totals.${time} = hale_grid.${time}`,
    ...keyNames.map((name) => `hale_totals.${name} IS NOT DISTINCT FROM hale_grid.${name}`),
  ];
  const running = `SELECT ${[
    `hale_grid.${time}`,
    ...keyNames.map((name) => `hale_grid.${name}`),
    ...[...leafColumns.map((leaf) => q(leaf.name)), 'hale_rows'].map(
      (column) => `sum(COALESCE(hale_totals.${column}, 0)) ${over} AS ${column}`,
    ),
  ].join(', ')} FROM (${grid}) AS hale_grid LEFT JOIN hale_totals ON ${on.join(' AND ')}`;
  const conditions = [
    'hale_rows > 0',
    ...(range.start ? [`${time} + ${interval(`1 ${periodGrain}`)} > ${bind(range.start)}`] : []),
    ...(range.end ? [`${time} < ${bind(range.end)}`] : []),
  ];
  return `WITH hale_totals AS (${totals}) SELECT ${[time, ...keyNames, ...leafColumns.map((leaf) => q(leaf.name))].join(', ')} FROM (${running}) AS hale_running WHERE ${conditions.join(' AND ')}`;
}

/**
 * The join that keeps a semi-additive measure's rows at the last (or first) value of its
 * non-additive time dimension, per `window_groupings` and per period. The snapshot is chosen among
 * the rows the query's filters and time range keep, with the same aliases, so a filter cannot drop
 * the chosen snapshot after the fact.
 */
function snapshotJoin({
  unit,
  base,
  joinSql,
  conditions,
  partitionGrain,
}: {
  unit: Unit;
  base: string;
  joinSql: string;
  conditions: string[];
  partitionGrain: TimeGranularity | undefined;
}): string {
  const nonAdditive = unit.nonAdditive;
  const dimension = nonAdditive ? unit.node.dimensions.get(nonAdditive.name) : undefined;
  if (!nonAdditive || !dimension) return '';
  const time = dimension.expression.render(base);
  const partition = [
    ...nonAdditive.window_groupings.map(
      (grouping) => unit.node.entities.get(grouping)?.expression.render(base) ?? 'NULL',
    ),
    ...(partitionGrain ? [truncate(time, partitionGrain)] : []),
  ];
  const select = [
    ...partition.map((sql, index) => `${sql} AS partition_${index + 1}`),
    `${nonAdditive.window_choice}(${time}) AS chosen`,
  ];
  const on = [
    `${time} = hale_snapshot.chosen`,
    ...partition.map((sql, index) => `${sql} = hale_snapshot.partition_${index + 1}`),
  ];
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const groupBy = partition.length > 0 ? ` GROUP BY ${partition.join(', ')}` : '';
  return ` JOIN (SELECT ${select.join(', ')} FROM ${unit.node.relation} AS ${base}${joinSql}${where}${groupBy}) AS hale_snapshot ON ${on.join(' AND ')}`;
}
