import { isNode, LineCounter, parseDocument } from 'yaml';
import { closestNames } from './closest-names.js';
import {
  type Metric,
  type MetricInput,
  type SavedQuery,
  type SemanticModel,
  semanticFileSchema,
} from './semantic-manifest-schema.js';
import { parseTimeWindow } from './time-granularity.js';

/** One problem in the semantic YAML, located so the data team can fix it. */
export interface SemanticIssue {
  file: string;
  line: number;
  /** Where in the document, e.g. `metrics[2].type_params.measure`. */
  path: string;
  message: string;
}

/** The validated semantic layer: every model, metric and saved query of every file. */
export interface SemanticManifest {
  semanticModels: SemanticModel[];
  metrics: Metric[];
  savedQueries: SavedQuery[];
}

type PathSegment = string | number;
type Kind = 'semantic_models' | 'metrics' | 'saved_queries';

/** Where an item of the manifest came from, to locate later issues about it. */
export interface ItemLocation {
  file: string;
  lineOf: (path: readonly PathSegment[]) => number;
  path: PathSegment[];
}

export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${segment}`))
    .join('');
}

/** `unknown measure "x"; did you mean "y"?` */
export function unknownName(what: string, name: string, known: Iterable<string>): string {
  const suggestions = closestNames(name, known);
  return `unknown ${what} "${name}"${suggestions.length > 0 ? `; did you mean ${suggestions.map((suggestion) => `"${suggestion}"`).join(' or ')}?` : ''}`;
}

export function inputName(input: MetricInput | string): string {
  return typeof input === 'string' ? input : input.name;
}

/**
 * Parses and validates semantic YAML files (pure: the caller reads them). Collects every issue —
 * YAML syntax, shape, unknown references, duplicates, cycles — each with file, line and a suggestion
 * where a close name exists, instead of stopping at the first. Filters and saved queries, which need
 * the join graph, are checked by `createSemanticLayer`.
 */
export function parseSemanticManifest(files: readonly { path: string; text: string }[]): {
  manifest: SemanticManifest;
  issues: SemanticIssue[];
  locations: Record<Kind, ItemLocation[]>;
} {
  const issues: SemanticIssue[] = [];
  const manifest: SemanticManifest = { semanticModels: [], metrics: [], savedQueries: [] };
  const locations: Record<Kind, ItemLocation[]> = { semantic_models: [], metrics: [], saved_queries: [] };

  for (const file of files) {
    const lineCounter = new LineCounter();
    const document = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    for (const error of document.errors) {
      issues.push({
        file: file.path,
        line: lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: error.message,
      });
    }
    if (document.errors.length > 0) continue;
    const lineOf = (path: readonly PathSegment[]) => {
      for (let length = path.length; length >= 0; length--) {
        const node = document.getIn(path.slice(0, length), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    };
    const parsed = semanticFileSchema.safeParse(document.toJS() ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
        issues.push({ file: file.path, line: lineOf(path), path: formatPath(path), message: issue.message });
      }
      continue;
    }
    const collect = <T>(kind: Kind, items: T[], into: T[]) => {
      items.forEach((item, index) => {
        into.push(item);
        locations[kind].push({ file: file.path, lineOf, path: [kind, index] });
      });
    };
    collect('semantic_models', parsed.data.semantic_models, manifest.semanticModels);
    collect('metrics', parsed.data.metrics, manifest.metrics);
    collect('saved_queries', parsed.data.saved_queries, manifest.savedQueries);
  }

  const locate = (kind: Kind, index: number, rest: PathSegment[], message: string) => {
    const place = locations[kind][index];
    if (!place) return;
    const path = [...place.path, ...rest];
    issues.push({ file: place.file, line: place.lineOf(path), path: formatPath(path), message });
  };
  const duplicates = (kind: Kind, names: string[], what: string) => {
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) locate(kind, index, ['name'], `${what} "${name}" is defined twice`);
    });
  };
  duplicates(
    'semantic_models',
    manifest.semanticModels.map((model) => model.name),
    'semantic model',
  );
  duplicates(
    'metrics',
    manifest.metrics.map((metric) => metric.name),
    'metric',
  );
  duplicates(
    'saved_queries',
    manifest.savedQueries.map((query) => query.name),
    'saved query',
  );

  const measures = new Set<string>();
  manifest.semanticModels.forEach((model, index) => {
    const seen = new Set<string>();
    for (const [key, items] of [
      ['entities', model.entities],
      ['dimensions', model.dimensions],
      ['measures', model.measures],
    ] as const) {
      items.forEach((item, itemIndex) => {
        // Entities and dimensions share one namespace within a model; measures are global.
        const scope = key === 'measures' ? measures : seen;
        if (scope.has(item.name))
          locate('semantic_models', index, [key, itemIndex, 'name'], `"${item.name}" is defined twice`);
        scope.add(item.name);
      });
    }
    const primaries = model.entities.filter((entity) => entity.type === 'primary');
    if (primaries.length > 1)
      locate('semantic_models', index, ['entities'], 'a semantic model has at most one primary entity');
    const timeDimensions = model.dimensions
      .filter((dimension) => dimension.type === 'time')
      .map((dimension) => dimension.name);
    model.dimensions.forEach((dimension, dimensionIndex) => {
      if (dimension.type === 'time' && !dimension.type_params?.time_granularity)
        locate(
          'semantic_models',
          index,
          ['dimensions', dimensionIndex],
          `time dimension "${dimension.name}" needs type_params.time_granularity (day, week, month, quarter or year)`,
        );
    });
    const aggTime = model.defaults?.agg_time_dimension;
    if (aggTime && !timeDimensions.includes(aggTime)) {
      locate(
        'semantic_models',
        index,
        ['defaults', 'agg_time_dimension'],
        unknownName('time dimension', aggTime, timeDimensions),
      );
    }
    model.measures.forEach((measure, measureIndex) => {
      const at = (rest: PathSegment[], message: string) =>
        locate('semantic_models', index, ['measures', measureIndex, ...rest], message);
      if (measure.agg_time_dimension && !timeDimensions.includes(measure.agg_time_dimension))
        at(['agg_time_dimension'], unknownName('time dimension', measure.agg_time_dimension, timeDimensions));
      if (!measure.agg_time_dimension && !aggTime)
        at(
          [],
          `measure "${measure.name}" has no time dimension: set defaults.agg_time_dimension on "${model.name}" or agg_time_dimension on the measure`,
        );
      if (measure.agg === 'percentile' && measure.agg_params?.percentile === undefined)
        at(['agg'], 'a percentile measure needs agg_params.percentile, e.g. 0.9');
      const nonAdditive = measure.non_additive_dimension;
      if (nonAdditive) {
        if (!timeDimensions.includes(nonAdditive.name))
          at(
            ['non_additive_dimension', 'name'],
            unknownName('time dimension', nonAdditive.name, timeDimensions),
          );
        const entities = model.entities.map((entity) => entity.name);
        nonAdditive.window_groupings.forEach((grouping, groupingIndex) => {
          if (!entities.includes(grouping))
            at(
              ['non_additive_dimension', 'window_groupings', groupingIndex],
              unknownName('entity', grouping, entities),
            );
        });
      }
    });
  });

  const metricNames = manifest.metrics.map((metric) => metric.name);
  manifest.metrics.forEach((metric, index) => {
    const at = (rest: PathSegment[], message: string) => locate('metrics', index, rest, message);
    const { measure, numerator, denominator, metrics, expr } = metric.type_params;
    const checkMeasure = () => {
      if (!measure) at(['type_params'], `a ${metric.type} metric needs type_params.measure`);
      else if (!measures.has(inputName(measure)))
        at(['type_params', 'measure'], unknownName('measure', inputName(measure), measures));
    };
    const checkMetric = (input: MetricInput, path: PathSegment[]) => {
      if (!metricNames.includes(inputName(input)))
        at(path, unknownName('metric', inputName(input), metricNames));
    };
    if (typeof measure !== 'string' && measure?.join_to_timespine)
      at(
        ['type_params', 'measure', 'join_to_timespine'],
        'join_to_timespine is not supported by Hale (there is no time spine): periods without data are absent',
      );
    const periodAggregation = metric.type_params.cumulative_type_params?.period_agg;
    if (periodAggregation && periodAggregation !== 'last')
      at(
        ['type_params', 'cumulative_type_params', 'period_agg'],
        `period_agg ${periodAggregation} is not supported by Hale; a cumulative metric gives the value at the end of each period (period_agg: last)`,
      );
    if (metric.type === 'simple') checkMeasure();
    if (metric.type === 'cumulative') {
      checkMeasure();
      const window = metric.type_params.cumulative_type_params?.window ?? metric.type_params.window;
      const grainToDate =
        metric.type_params.cumulative_type_params?.grain_to_date ?? metric.type_params.grain_to_date;
      if (window && grainToDate)
        at(['type_params'], 'a cumulative metric takes a window or a grain_to_date, not both');
      if (window) parseTimeWindow(window);
    }
    if (metric.type === 'ratio') {
      for (const [key, value] of [
        ['numerator', numerator],
        ['denominator', denominator],
      ] as const) {
        if (!value) at(['type_params'], `a ratio metric needs type_params.${key}`);
        else checkMetric(value, ['type_params', key]);
      }
    }
    if (metric.type === 'derived') {
      if (!expr) at(['type_params'], 'a derived metric needs type_params.expr');
      if (!metrics || metrics.length === 0)
        at(['type_params'], 'a derived metric needs type_params.metrics, the metrics its expr uses');
      metrics?.forEach((input, inputIndex) => {
        checkMetric(input, ['type_params', 'metrics', inputIndex]);
        if (typeof input !== 'string' && input.offset_to_grain)
          at(
            ['type_params', 'metrics', inputIndex, 'offset_to_grain'],
            'offset_to_grain is not supported by Hale; use offset_window',
          );
      });
    }
  });

  // A metric that reaches itself through ratio or derived inputs can never be computed.
  const inputsOf = new Map(
    manifest.metrics.map((metric) => {
      const { numerator, denominator, metrics } = metric.type_params;
      const inputs = [numerator, denominator, ...(metrics ?? [])].filter((input) => input !== undefined);
      return [metric.name, inputs.map(inputName)] as const;
    }),
  );
  manifest.metrics.forEach((metric, index) => {
    const stack = [...(inputsOf.get(metric.name) ?? [])];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === metric.name) {
        locate('metrics', index, ['type_params'], `metric "${metric.name}" depends on itself`);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(inputsOf.get(next) ?? []));
    }
  });

  manifest.savedQueries.forEach((query, index) => {
    query.query_params.metrics.forEach((metric, metricIndex) => {
      if (!metricNames.includes(metric))
        locate(
          'saved_queries',
          index,
          ['query_params', 'metrics', metricIndex],
          unknownName('metric', metric, metricNames),
        );
    });
  });
  return { manifest, issues, locations };
}
