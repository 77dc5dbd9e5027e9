import type { ModelNode } from './semantic-graph.js';
import type { SemanticLayer } from './semantic-layer.js';
import { isAtLeast, type TimeGranularity, timeGranularities } from './time-granularity.js';

/** A group-by item every metric asked about can use. */
export interface AvailableDimension {
  name: string;
  kind: 'time' | 'categorical' | 'entity';
  /** The semantic model holding it (for metric_time: the metrics' time dimensions). */
  model: string;
  /** Grains it can be grouped by, finest first (time items only). */
  granularities?: TimeGranularity[];
  label?: string;
  description?: string;
  synonyms?: string[];
}

/** The semantic models whose measures a metric reads, through ratio and derived inputs. */
export function modelsOfMetric(layer: SemanticLayer, name: string, seen = new Set<string>()): ModelNode[] {
  const metric = layer.metrics.get(name);
  if (!metric || seen.has(name)) return [];
  seen.add(name);
  const { measure, numerator, denominator, metrics } = metric.type_params;
  if (measure) {
    const owner = layer.graph.measureOwners.get(typeof measure === 'string' ? measure : measure.name);
    return owner ? [owner] : [];
  }
  const inputs = [numerator, denominator, ...(metrics ?? [])].filter((input) => input !== undefined);
  const models = inputs.flatMap((input) =>
    modelsOfMetric(layer, typeof input === 'string' ? input : input.name, seen),
  );
  return [...new Set(models)];
}

const grainsFrom = (base: TimeGranularity) => timeGranularities.filter((grain) => isAtLeast(grain, base));

/**
 * The dimensions, time dimensions and entities that every given metric can be grouped or filtered
 * by (unambiguous qualified names, reachable from each metric's models), plus `metric_time`.
 */
export function dimensionsForMetrics(
  layer: SemanticLayer,
  metricNames: readonly string[],
): AvailableDimension[] {
  const models = [...new Set(metricNames.flatMap((name) => modelsOfMetric(layer, name)))];
  if (models.length === 0) return [];
  const perModel = models.map((node) => layer.graph.reachableFrom(node));
  const [first, ...rest] = perModel;
  const available: AvailableDimension[] = [];
  const timeBases = models.map((node) => {
    const aggTime = node.model.defaults?.agg_time_dimension;
    return aggTime ? node.dimensions.get(aggTime)?.dimension.type_params?.time_granularity : undefined;
  });
  if (timeBases.every((base) => base !== undefined)) {
    const coarsest = timeBases.reduce((left, right) => (isAtLeast(left, right) ? left : right));
    available.push({
      name: 'metric_time',
      kind: 'time',
      model: models.map((node) => node.model.name).join(', '),
      granularities: grainsFrom(coarsest),
      label: 'Metric time',
      description:
        "Each metric's own time dimension (e.g. the appointment's start); group as metric_time__month.",
    });
  }
  for (const [name, targets] of first ?? []) {
    const [target] = targets;
    if (!target || targets.length > 1) continue;
    if (
      !rest.every(
        (reachable) => reachable.get(name)?.length === 1 && reachable.get(name)?.[0]?.node === target.node,
      )
    )
      continue;
    available.push({
      name,
      kind: target.kind,
      model: target.node.model.name,
      ...(target.kind === 'time' && target.granularity
        ? { granularities: grainsFrom(target.granularity) }
        : {}),
      ...(target.label ? { label: target.label } : {}),
      ...(target.description ? { description: target.description } : {}),
      ...(target.synonyms ? { synonyms: target.synonyms } : {}),
    });
  }
  const order = { time: 0, categorical: 1, entity: 2 } as const;
  return available.sort(
    (left, right) =>
      (left.name === 'metric_time' ? -1 : 0) - (right.name === 'metric_time' ? -1 : 0) ||
      order[left.kind] - order[right.kind] ||
      left.name.split('__').length - right.name.split('__').length ||
      left.name.localeCompare(right.name),
  );
}
