import { compileMetricQuery } from './compile-metric-query.js';
import { type DerivedExpression, parseDerivedExpression } from './derived-expression.js';
import { type FilterExpression, parseFilterExpression } from './filter-expression.js';
import { MetricQueryError } from './metric-query-error.js';
import {
  formatPath,
  type ItemLocation,
  parseSemanticManifest,
  type SemanticIssue,
  type SemanticManifest,
} from './parse-semantic-manifest.js';
import { buildModelNodes, SemanticGraph } from './semantic-graph.js';
import type { Metric } from './semantic-manifest-schema.js';

/** Filter strings of one metric: its own `filter` and those of its inputs, by input position. */
export interface MetricFilters {
  own: FilterExpression[];
  /** `measure`, `numerator`, `denominator`, or `metrics[i]`. */
  inputs: Map<string, FilterExpression[]>;
}

/** The loaded semantic layer: the manifest, its join graph and every expression parsed once. */
export interface SemanticLayer {
  manifest: SemanticManifest;
  graph: SemanticGraph;
  metrics: Map<string, Metric>;
  filters: Map<string, MetricFilters>;
  derived: Map<string, DerivedExpression>;
  /** The file and line of a place in the YAML, for issues found later (e.g. against the warehouse). */
  locate(
    kind: 'semantic_models' | 'metrics' | 'saved_queries',
    index: number,
    path: (string | number)[],
    message: string,
  ): SemanticIssue;
}

function filtersOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Builds the semantic layer from YAML files (pure; `loadSemanticParser` must have resolved). Beyond
 * `parseSemanticManifest`'s checks it parses every model expression, metric filter and derived
 * expression, and compiles every metric and saved query once, so a filter naming an unreachable
 * dimension or a saved query with a typo is reported at load time with its file and line.
 */
export function createSemanticLayer(files: readonly { path: string; text: string }[]): {
  layer: SemanticLayer;
  issues: SemanticIssue[];
} {
  const { manifest, issues, locations } = parseSemanticManifest(files);
  const locate = (place: ItemLocation | undefined, rest: (string | number)[], message: string) => {
    if (!place) return;
    const path = [...place.path, ...rest];
    issues.push({ file: place.file, line: place.lineOf(path), path: formatPath(path), message });
  };
  const { nodes, problems } = buildModelNodes(manifest.semanticModels);
  for (const problem of problems)
    locate(locations.semantic_models[problem.modelIndex], problem.path, problem.message);

  const filters = new Map<string, MetricFilters>();
  const derived = new Map<string, DerivedExpression>();
  manifest.metrics.forEach((metric, index) => {
    const place = locations.metrics[index];
    const parseAll = (texts: string[], path: (string | number)[]) =>
      texts.flatMap((text) => {
        const parsed = parseFilterExpression(text);
        if ('error' in parsed) {
          locate(place, path, `filter "${text}": ${parsed.error}`);
          return [];
        }
        return [parsed];
      });
    const inputs = new Map<string, FilterExpression[]>();
    const { measure, numerator, denominator, metrics } = metric.type_params;
    for (const [key, input] of [
      ['measure', measure],
      ['numerator', numerator],
      ['denominator', denominator],
    ] as const) {
      if (input && typeof input !== 'string')
        inputs.set(key, parseAll(filtersOf(input.filter), ['type_params', key, 'filter']));
    }
    metrics?.forEach((input, inputIndex) => {
      if (typeof input !== 'string')
        inputs.set(
          `metrics[${inputIndex}]`,
          parseAll(filtersOf(input.filter), ['type_params', 'metrics', inputIndex, 'filter']),
        );
    });
    filters.set(metric.name, { own: parseAll(filtersOf(metric.filter), ['filter']), inputs });
    if (metric.type === 'derived' && metric.type_params.expr) {
      const parsed = parseDerivedExpression(metric.type_params.expr);
      if ('error' in parsed) locate(place, ['type_params', 'expr'], parsed.error);
      else {
        const names = (metrics ?? []).map((input) =>
          typeof input === 'string' ? input : (input.alias ?? input.name),
        );
        for (const name of names)
          if (!parsed.inputs.includes(name))
            locate(
              place,
              ['type_params', 'metrics'],
              `"${name}" is listed in type_params.metrics but the expression does not read it; remove it or use it`,
            );
        for (const name of parsed.inputs)
          if (!names.includes(name))
            locate(
              place,
              ['type_params', 'expr'],
              `the expression reads "${name}", which is not among type_params.metrics (${names.join(', ')})`,
            );
        derived.set(metric.name, parsed);
      }
    }
  });

  const layer: SemanticLayer = {
    manifest,
    graph: new SemanticGraph(nodes),
    metrics: new Map(manifest.metrics.map((metric) => [metric.name, metric])),
    filters,
    derived,
    locate: (kind, index, rest, message) => {
      const place = locations[kind][index];
      const path = [...(place?.path ?? [kind, index]), ...rest];
      return { file: place?.file ?? '', line: place?.lineOf(path) ?? 1, path: formatPath(path), message };
    },
  };
  // Issues come from several passes; people read them top to bottom.
  const byPlace = () =>
    issues.sort((left, right) => left.file.localeCompare(right.file) || left.line - right.line);
  if (issues.length > 0) return { layer, issues: byPlace() };

  // Compile each metric on its own (time-based ones by month) and each saved query, to catch at load
  // time what only the join graph can tell: a filter on a dimension its metric cannot reach.
  const report = (
    place: ItemLocation | undefined,
    rest: (string | number)[],
    error: unknown,
    { withQueryPath }: { withQueryPath: boolean },
  ) => {
    if (!(error instanceof MetricQueryError)) throw error;
    for (const issue of error.issues)
      locate(place, rest, withQueryPath ? `${issue.path}: ${issue.message}` : issue.message);
  };
  // A metric built on a broken one is reported once, at the broken one.
  const failed = new Set<string>();
  const dependsOnFailed = (name: string, seen = new Set<string>()): boolean => {
    if (failed.has(name)) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    const params = layer.metrics.get(name)?.type_params;
    const inputs = [params?.numerator, params?.denominator, ...(params?.metrics ?? [])];
    return inputs.some(
      (input) => input !== undefined && dependsOnFailed(typeof input === 'string' ? input : input.name, seen),
    );
  };
  manifest.metrics.forEach((metric, index) => {
    if (dependsOnFailed(metric.name)) return;
    try {
      compileMetricQuery(layer, { metrics: [metric.name], group_by: ['metric_time__month'] });
    } catch (error) {
      failed.add(metric.name);
      report(locations.metrics[index], [], error, { withQueryPath: false });
    }
  });
  manifest.savedQueries.forEach((saved, index) => {
    if (saved.query_params.metrics.some((metric) => dependsOnFailed(metric))) return;
    try {
      compileMetricQuery(layer, savedQueryToMetricQuery(saved));
    } catch (error) {
      report(locations.saved_queries[index], ['query_params'], error, { withQueryPath: true });
    }
  });
  return { layer, issues: byPlace() };
}

/** A saved query's parameters as a metric query (`where` strings stay MetricFlow filter strings). */
export function savedQueryToMetricQuery(saved: SemanticManifest['savedQueries'][number]) {
  const { metrics, group_by, where, order_by, limit } = saved.query_params;
  return {
    metrics,
    group_by,
    where: filtersOf(where),
    ...(order_by ? { order_by } : {}),
    ...(limit ? { limit } : {}),
  };
}
