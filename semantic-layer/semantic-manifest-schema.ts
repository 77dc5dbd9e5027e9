import { z } from 'zod';
import { timeGranularities } from './time-granularity.js';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'names are snake_case: lower-case letters, digits and _');
const granularity = z.enum(timeGranularities);
const conversational = {
  description: z.string().optional(),
  label: z.string().optional(),
  /** Hale extension: other words people use for this. */
  synonyms: z.array(z.string()).optional(),
  /** Hale extension: questions this answers, shown as suggestions. */
  sample_questions: z.array(z.string()).optional(),
};
/** dbt's `config: { meta: … }` and `meta:` blocks are accepted and ignored. */
const dbtConfig = {
  config: z.record(z.string(), z.unknown()).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
};
/** A MetricFlow `filter:` is one Jinja-templated SQL predicate or a list of them (ANDed). */
const filter = z.union([z.string().min(1), z.array(z.string().min(1))]).optional();
/** `7 days`, `1 month` … as MetricFlow writes windows and offsets. */
const window = z
  .string()
  .regex(
    /^\d+ (day|week|month|quarter|year)s?$/,
    'a window is a count and a granularity, e.g. "7 days" or "1 month"',
  );

/** A MetricFlow entity: the join keys of a semantic model. */
export const entitySchema = z.strictObject({
  name,
  type: z.enum(['primary', 'unique', 'foreign', 'natural']),
  expr: z.string().min(1).optional(),
  role: z.string().optional(),
  ...conversational,
});

/** A MetricFlow dimension: categorical, or time with a granularity. */
export const dimensionSchema = z.strictObject({
  name,
  type: z.enum(['categorical', 'time']),
  expr: z.string().min(1).optional(),
  is_partition: z.boolean().optional(),
  type_params: z.strictObject({ time_granularity: granularity }).optional(),
  ...conversational,
  ...dbtConfig,
});

/** A semi-additive measure: aggregate only the rows at the first or last value of `name`. */
const nonAdditiveDimensionSchema = z.strictObject({
  name,
  window_choice: z.enum(['min', 'max']).default('max'),
  window_groupings: z.array(name).default([]),
});

/** A MetricFlow measure, with MetricFlow's aggregation names (`average`, not `avg`). */
export const measureSchema = z.strictObject({
  name,
  agg: z.enum([
    'sum',
    'min',
    'max',
    'count_distinct',
    'sum_boolean',
    'average',
    'percentile',
    'median',
    'count',
  ]),
  expr: z.union([z.string().min(1), z.number()]).optional(),
  agg_params: z
    .strictObject({
      percentile: z.number().gt(0).lt(1).optional(),
      use_discrete_percentile: z.boolean().optional(),
      use_approximate_percentile: z.boolean().optional(),
    })
    .optional(),
  agg_time_dimension: name.optional(),
  non_additive_dimension: nonAdditiveDimensionSchema.optional(),
  create_metric: z.boolean().optional(),
  ...conversational,
  ...dbtConfig,
});

/** One semantic model: a warehouse table and its entities, dimensions and measures. */
export const semanticModelSchema = z.strictObject({
  name,
  model: z.string().regex(/^ref\('[a-z_][a-z0-9_]*'\)$/, "expected ref('table_name')"),
  /** Hale extension: the warehouse schema of the table (`scheduling`, `cdm`); found by name when absent. */
  schema: name.optional(),
  defaults: z.strictObject({ agg_time_dimension: name }).optional(),
  primary_entity: name.optional(),
  entities: z.array(entitySchema).default([]),
  dimensions: z.array(dimensionSchema).default([]),
  measures: z.array(measureSchema).default([]),
  ...conversational,
  ...dbtConfig,
});

/** A measure or metric as an input, by name or with a filter, an alias and (for derived) an offset. */
const measureInput = z.union([
  name,
  z.strictObject({
    name,
    filter,
    alias: name.optional(),
    fill_nulls_with: z.number().optional(),
    join_to_timespine: z.boolean().optional(),
  }),
]);
const metricInput = z.union([
  name,
  z.strictObject({
    name,
    filter,
    alias: name.optional(),
    offset_window: window.optional(),
    offset_to_grain: granularity.optional(),
  }),
]);

/** A metric over a measure (simple, cumulative), two metrics (ratio) or an expression of metrics (derived). */
export const metricSchema = z.strictObject({
  name,
  type: z.enum(['simple', 'ratio', 'derived', 'cumulative']),
  type_params: z.strictObject({
    measure: measureInput.optional(),
    numerator: metricInput.optional(),
    denominator: metricInput.optional(),
    expr: z.string().min(1).optional(),
    metrics: z.array(metricInput).optional(),
    window: window.optional(),
    grain_to_date: granularity.optional(),
    cumulative_type_params: z
      .strictObject({
        window: window.optional(),
        grain_to_date: granularity.optional(),
        period_agg: z.enum(['first', 'last', 'average']).optional(),
      })
      .optional(),
  }),
  filter,
  time_granularity: granularity.optional(),
  ...conversational,
  ...dbtConfig,
});

/** A named, reusable metric query (MetricFlow `saved_queries:`). */
export const savedQuerySchema = z.strictObject({
  name,
  description: z.string().optional(),
  label: z.string().optional(),
  query_params: z.strictObject({
    metrics: z.array(name).min(1),
    group_by: z.array(z.string()).default([]),
    where: z.union([z.string(), z.array(z.string())]).optional(),
    order_by: z.array(z.string()).optional(),
    limit: z.number().int().positive().optional(),
  }),
  exports: z.array(z.unknown()).optional(),
  ...dbtConfig,
});

/** One YAML file of the legacy MetricFlow spec: top-level `semantic_models:`, `metrics:`, `saved_queries:`. */
export const semanticFileSchema = z.strictObject({
  version: z.number().optional(),
  semantic_models: z.array(semanticModelSchema).default([]),
  metrics: z.array(metricSchema).default([]),
  saved_queries: z.array(savedQuerySchema).default([]),
});

export type SemanticModel = z.output<typeof semanticModelSchema>;
export type Entity = z.output<typeof entitySchema>;
export type Dimension = z.output<typeof dimensionSchema>;
export type Measure = z.output<typeof measureSchema>;
export type Metric = z.output<typeof metricSchema>;
export type MetricInput = z.output<typeof metricInput>;
export type MeasureInput = z.output<typeof measureInput>;
export type SavedQuery = z.output<typeof savedQuerySchema>;
