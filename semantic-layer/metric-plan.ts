import type { FilterExpression } from './filter-expression.js';
import type { StructuredFilter } from './metric-query.js';
import type { GroupByTarget, ModelNode } from './semantic-graph.js';
import type { Measure } from './semantic-manifest-schema.js';
import type { TimeGranularity, TimeWindow } from './time-granularity.js';

// The plan a metric query compiles through: metric trees over measures (leaves), grouped into units
// (one aggregate SELECT each), with the query's group-by items and filters.

/** One aggregated measure: the leaves of a metric's tree. */
export interface Leaf {
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

export type MetricTree =
  | { kind: 'leaf'; leaf: Leaf }
  | { kind: 'ratio'; numerator: MetricTree; denominator: MetricTree }
  | { kind: 'derived'; render: (input: (name: string) => string) => string; inputs: Map<string, MetricTree> };

/** A group-by item as the query asked for it, resolved per model. */
export interface QueryItem {
  name: string;
  raw: string;
  path: string;
}

/** Where filters: parsed strings or structured filters, with their query location. */
export type WhereFilter =
  | { kind: 'string'; expression: FilterExpression; path: string }
  | { kind: 'structured'; filter: StructuredFilter; path: string };

/** Leaves computed by one SELECT: same model, time shift and accumulation. */
export interface Unit {
  key: string;
  node: ModelNode;
  aggTime: { name: string; target: GroupByTarget } | undefined;
  offset: TimeWindow | undefined;
  cumulative: Leaf['cumulative'];
  nonAdditive: Measure['non_additive_dimension'];
  leaves: Leaf[];
}
