import type { FilterExpression } from './filter-expression.js';
import type { Leaf, MetricTree } from './metric-plan.js';
import type { SemanticLayer } from './semantic-layer.js';
import type { MetricInput } from './semantic-manifest-schema.js';
import { parseTimeWindow, type TimeWindow } from './time-granularity.js';

/** Builds a metric's tree, accumulating filters and an offset from the metrics above it. */
export function expandMetric(
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
