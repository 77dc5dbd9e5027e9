import { closestNames } from './closest-names.js';
import { type GroupByTarget, type ModelNode, maximumHops, type SemanticGraph } from './semantic-graph.js';
import { isAtLeast, isTimeGranularity, type TimeGranularity } from './time-granularity.js';

/** A group-by or filter item resolved for one metric's model. */
export type ResolvedItem =
  | { kind: 'metric_time'; granularity: TimeGranularity | undefined }
  | { kind: 'target'; target: GroupByTarget; granularity: TimeGranularity | undefined };

export type ItemResolution = { item: ResolvedItem } | { error: string; suggestions: string[] };

/**
 * Resolves `metric_time__month`, `practice__region`, `appointment__booked_at__week`, an entity
 * (`practice`) or a bare dimension name (`region`, when one reachable dimension has it, by fewest
 * joins) for a metric whose measure lives in `node`. The error says why an item cannot be used.
 */
export function resolveQueryItem(
  graph: SemanticGraph,
  node: ModelNode,
  rawName: string,
  metricName: string,
): ItemResolution {
  const name = rawName.trim().toLowerCase();
  const segments = name.split('__');
  const last = segments.at(-1) ?? '';
  const grainSuffix = segments.length > 1 && isTimeGranularity(last) ? last : undefined;
  if (segments[0] === 'metric_time') {
    if (segments.length === 1) return { item: { kind: 'metric_time', granularity: undefined } };
    if (segments.length === 2 && grainSuffix)
      return { item: { kind: 'metric_time', granularity: grainSuffix } };
    return {
      error: `"${rawName}" is not a metric time; use metric_time or metric_time__<day|week|month|quarter|year>`,
      suggestions: ['metric_time__day', 'metric_time__month'],
    };
  }
  const reachable = graph.reachableFrom(node);
  const withGrain = grainSuffix ? segments.slice(0, -1).join('__') : undefined;
  const candidates = (lookup: string) => reachable.get(lookup) ?? [];

  let matches = candidates(name);
  let granularity: TimeGranularity | undefined;
  if (matches.length === 0 && withGrain) {
    matches = candidates(withGrain).filter((target) => target.kind === 'time');
    granularity = grainSuffix;
  }
  if (matches.length === 0 && segments.length === 1) {
    // A bare name: the dimension of that name reachable through the fewest joins, if only one.
    const bare = [...reachable.values()].flat().filter((target) => target.name.split('__').at(-1) === name);
    const fewest = Math.min(...bare.map((target) => target.path.length));
    matches = bare.filter((target) => target.path.length === fewest);
    if (new Set(matches.map((target) => target.name)).size > 1)
      return {
        error: `"${rawName}" is ambiguous for metric "${metricName}": it could be ${matches.map((target) => `"${target.name}"`).join(' or ')}; name one`,
        suggestions: matches.map((target) => target.name),
      };
  }
  if (matches.length > 1)
    return {
      error: `"${rawName}" is ambiguous for metric "${metricName}": semantic models ${matches.map((target) => `"${target.node.model.name}"`).join(' and ')} both provide it through entity "${matches[0]?.path.at(-1)?.entity}"; give an explicit entity path`,
      suggestions: [],
    };
  const [target] = matches;
  if (!target) return notReachable(graph, node, rawName, metricName, reachable.keys());
  if (granularity === undefined && target.kind === 'time') granularity = target.granularity;
  if (granularity && target.kind !== 'time')
    return {
      error: `"${target.name}" is not a time dimension, so it has no grain "${grainSuffix}"`,
      suggestions: [target.name],
    };
  if (granularity && target.granularity && !isAtLeast(granularity, target.granularity))
    return {
      error: `"${target.name}" is recorded by ${target.granularity}; it cannot be grouped by ${granularity}`,
      suggestions: [`${target.name}__${target.granularity}`],
    };
  return { item: { kind: 'target', target, granularity } };
}

function notReachable(
  graph: SemanticGraph,
  node: ModelNode,
  rawName: string,
  metricName: string,
  reachableNames: Iterable<string>,
): ItemResolution {
  const known = [...reachableNames, 'metric_time'];
  const suggestions = closestNames(rawName.toLowerCase(), known);
  // Is it a dimension somewhere else, out of this metric's reach?
  const lastName = rawName.toLowerCase().split('__').at(-1) ?? '';
  const owners = [...graph.nodes.values()].filter(
    (other) => other !== node && (other.dimensions.has(lastName) || other.entities.has(lastName)),
  );
  const owner = owners[0];
  const why = owner
    ? `; "${lastName}" belongs to semantic model "${owner.model.name}", which "${node.model.name}" (the model of metric "${metricName}") cannot reach: joins follow entities to a model where the entity is primary, unique or natural, at most ${maximumHops} hops`
    : '';
  return {
    error: `group-by item "${rawName}" is not available for metric "${metricName}"${why}${suggestions.length > 0 ? `; did you mean ${suggestions.map((suggestion) => `"${suggestion}"`).join(' or ')}?` : ''}`,
    suggestions,
  };
}
