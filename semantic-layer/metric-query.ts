import { z } from 'zod';

/** Operators of a structured filter; `descendant_of` matches an OMOP concept and its descendants. */
export const filterOperators = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not_in',
  'between',
  'is_null',
  'is_not_null',
  'contains',
  'starts_with',
  'descendant_of',
] as const;

export type FilterOperator = (typeof filterOperators)[number];

const filterValue = z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]);

/** `{dimension, operator, values}`: a filter a model or a UI can build without writing SQL. */
export const structuredFilterSchema = z.strictObject({
  dimension: z
    .string()
    .min(1)
    .max(200)
    .describe('A group-by name: `practice__region`, `metric_time__month`, `channel`.'),
  operator: z.enum(filterOperators),
  values: z
    .array(filterValue)
    .max(1_000)
    .default([])
    .describe('The values compared with; none for is_null / is_not_null, two for between.'),
});

export type StructuredFilter = z.output<typeof structuredFilterSchema>;

/**
 * A metric query, as MetricFlow takes it. Shapes are checked here; names, reachability, order-by
 * items and limits are checked by the compiler, which reports every problem at once.
 */
export const metricQuerySchema = z.strictObject({
  metrics: z.array(z.string().min(1).max(200)).min(1).max(20).describe('Metric names (see list_metrics).'),
  group_by: z
    .array(z.string().min(1).max(200))
    .max(10)
    .default([])
    .describe('Dimensions to group by: `metric_time__month`, `practice__region`, `appointment__channel`.'),
  where: z
    .array(z.union([z.string().min(1).max(2_000), structuredFilterSchema]))
    .max(20)
    .default([])
    .describe(
      "Filters, all of which must hold: `{dimension, operator, values}` or a MetricFlow filter string such as \"{{ Dimension('practice__city') }} = 'Lyon'\".",
    ),
  order_by: z
    .array(z.string().min(1).max(200))
    .max(10)
    .default([])
    .describe('Output columns to sort by; prefix with - (or add " desc") for descending.'),
  limit: z.number().describe('Rows to return at most (a positive integer).').optional(),
  start: z
    .string()
    .max(40)
    .describe('Earliest metric time, inclusive: an ISO date such as 2024-01-01.')
    .optional(),
  end: z
    .string()
    .max(40)
    .describe('Latest metric time, exclusive: an ISO date such as 2024-02-01.')
    .optional(),
});

export type MetricQuery = z.input<typeof metricQuerySchema>;
