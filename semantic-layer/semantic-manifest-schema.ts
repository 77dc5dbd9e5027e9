import { z } from 'zod';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'names are snake_case: lower-case letters, digits and _');
const conversational = {
  description: z.string().optional(),
  label: z.string().optional(),
  /** Hale extension: other words people use for this. */
  synonyms: z.array(z.string()).optional(),
  /** Hale extension: questions this answers, shown as suggestions. */
  sample_questions: z.array(z.string()).optional(),
};

/** A MetricFlow entity: the join keys of a semantic model. */
export const entitySchema = z.strictObject({
  name,
  type: z.enum(['primary', 'unique', 'foreign', 'natural']),
  expr: z.string().optional(),
  ...conversational,
});

/** A MetricFlow dimension: categorical, or time with a granularity. */
export const dimensionSchema = z.strictObject({
  name,
  type: z.enum(['categorical', 'time']),
  expr: z.string().optional(),
  type_params: z
    .strictObject({ time_granularity: z.enum(['day', 'week', 'month', 'quarter', 'year']) })
    .optional(),
  ...conversational,
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
  expr: z.string().optional(),
  ...conversational,
});

/** One semantic model: a warehouse table and its entities, dimensions and measures. */
export const semanticModelSchema = z.strictObject({
  name,
  model: z.string().regex(/^ref\('[a-z_][a-z0-9_]*'\)$/, "expected ref('table_name')"),
  defaults: z.strictObject({ agg_time_dimension: name }).optional(),
  entities: z.array(entitySchema).default([]),
  dimensions: z.array(dimensionSchema).default([]),
  measures: z.array(measureSchema).default([]),
  ...conversational,
});

/** A metric over measures (simple) or over other metrics (ratio). */
export const metricSchema = z.strictObject({
  name,
  type: z.enum(['simple', 'ratio']),
  type_params: z.strictObject({
    measure: name.optional(),
    numerator: name.optional(),
    denominator: name.optional(),
  }),
  ...conversational,
});

/** One YAML file of the legacy MetricFlow spec: top-level `semantic_models:` and `metrics:`. */
export const semanticFileSchema = z.strictObject({
  semantic_models: z.array(semanticModelSchema).default([]),
  metrics: z.array(metricSchema).default([]),
});

export type SemanticModel = z.output<typeof semanticModelSchema>;
export type Metric = z.output<typeof metricSchema>;
