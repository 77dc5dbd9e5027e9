import { closestNames } from './closest-names.js';
import { type CompiledMetricQuery, compileMetricQuery } from './compile-metric-query.js';
import { MetricQueryError } from './metric-query-error.js';
import type { GroupByTarget } from './semantic-graph.js';
import type { SemanticLayer } from './semantic-layer.js';

/** A query listing a dimension's values: the value column, then how many rows (or the metric) each has. */
export interface DimensionValuesQuery extends CompiledMetricQuery {
  valueColumn: string;
  countColumn: string;
}

/** The model that holds a dimension itself: `practice__region` → practices, `region` too if unique. */
function ownerOf(layer: SemanticLayer, rawName: string): GroupByTarget | MetricQueryError {
  const name = rawName.trim().toLowerCase();
  const local = [...layer.graph.nodes.values()].flatMap((node) =>
    [...layer.graph.reachableFrom(node).values()].flat().filter((target) => target.path.length === 0),
  );
  let matches = local.filter((target) => target.name === name);
  if (matches.length === 0 && !name.includes('__'))
    matches = local.filter((target) => target.name.split('__').at(-1) === name && target.kind !== 'entity');
  const unique = [...new Map(matches.map((target) => [target.name, target])).values()];
  if (unique.length === 1 && unique[0]) return unique[0];
  if (unique.length > 1)
    return new MetricQueryError([
      {
        path: 'dimension',
        message: `"${rawName}" is ambiguous: it could be ${unique.map((target) => `"${target.name}"`).join(' or ')}; name one`,
        suggestions: unique.map((target) => target.name),
      },
    ]);
  const suggestions = closestNames(name, [...new Set(local.map((target) => target.name))]);
  return new MetricQueryError([
    {
      path: 'dimension',
      message: `unknown dimension "${rawName}"${suggestions.length > 0 ? `; did you mean ${suggestions.map((suggestion) => `"${suggestion}"`).join(' or ')}?` : ''}`,
      suggestions,
    },
  ]);
}

/**
 * Compiles "which values does this dimension take": with a metric, the dimension's values where the
 * metric has data, with the metric's value; without, the values in the dimension's own table, with
 * their row counts. Either way the query runs through the governance gate, so a principal sees only
 * values they may see (and, with aggregate-only access, only values shared by enough patients).
 */
export function compileDimensionValuesQuery(
  layer: SemanticLayer,
  {
    dimension,
    metric,
    search,
    limit,
  }: { dimension: string; metric?: string; search?: string; limit: number },
): DimensionValuesQuery {
  const where = search ? [{ dimension, operator: 'contains' as const, values: [search] }] : [];
  if (metric) {
    const definition = layer.metrics.get(metric.trim().toLowerCase());
    const timeBased =
      definition?.type === 'cumulative' ||
      definition?.type_params.metrics?.some((input) => typeof input !== 'string' && input.offset_window);
    if (timeBased)
      throw new MetricQueryError([
        {
          path: 'metric',
          message: `metric "${metric}" is computed over time (cumulative or offset); list values with a simple metric instead`,
          suggestions: [],
        },
      ]);
    const compiled = compileMetricQuery(layer, {
      metrics: [metric],
      group_by: [dimension],
      where,
      order_by: [dimension],
      limit,
    });
    return {
      ...compiled,
      valueColumn: compiled.columns[0]?.name ?? dimension,
      countColumn: compiled.columns[1]?.name ?? metric,
    };
  }
  const target = ownerOf(layer, dimension);
  if (target instanceof MetricQueryError) throw target;
  if (target.kind === 'time')
    throw new MetricQueryError([
      {
        path: 'dimension',
        message: `"${target.name}" is a time dimension; ask for it with a metric`,
        suggestions: [],
      },
    ]);
  const alias = target.node.model.name;
  const expression = target.expression.render(alias);
  const parameters: (string | number)[] = [];
  const conditions = [`${expression} IS NOT NULL`];
  if (search) {
    parameters.push(search);
    conditions.push(`strpos(lower(CAST(${expression} AS text)), lower($1)) > 0`);
  }
  const sql = `SELECT ${expression} AS value, count(*) AS row_count FROM ${target.node.relation} AS ${alias} WHERE ${conditions.join(' AND ')} GROUP BY ${expression} ORDER BY ${expression} LIMIT ${Math.max(1, Math.floor(limit))}`;
  return {
    sql,
    parameters,
    combined: false,
    ordered: true,
    columns: [
      { name: 'value', role: target.kind === 'entity' ? 'entity' : 'dimension' },
      { name: 'row_count', role: 'metric', label: 'Rows' },
    ],
    valueColumn: 'value',
    countColumn: 'row_count',
  };
}
