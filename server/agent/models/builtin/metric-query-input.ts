import type { StructuredFilter } from '../../../../semantic-layer/index.js';

/** A `query_metrics` input as the built-in model writes it (and reads it back from earlier turns). */
export interface MetricQueryInput {
  metrics: string[];
  group_by: string[];
  /** Structured filters; a MetricFlow filter string written by another model is kept as is. */
  where: (StructuredFilter | string)[];
  order_by?: string[];
  limit?: number;
  start?: string;
  end?: string;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Reads a `query_metrics` input from a conversation, tolerating whatever another model wrote. */
export function toMetricQueryInput(input: Record<string, unknown>): MetricQueryInput | undefined {
  const metrics = stringList(input.metrics);
  if (metrics.length === 0) return undefined;
  const where = Array.isArray(input.where)
    ? input.where.flatMap((filter): (StructuredFilter | string)[] => {
        if (typeof filter === 'string') return [filter];
        if (typeof filter !== 'object' || filter === null) return [];
        const { dimension, operator, values } = filter as Record<string, unknown>;
        if (typeof dimension !== 'string' || typeof operator !== 'string') return [];
        return [
          {
            dimension,
            operator: operator as StructuredFilter['operator'],
            values: Array.isArray(values) ? (values as StructuredFilter['values']) : [],
          },
        ];
      })
    : [];
  return {
    metrics,
    group_by: stringList(input.group_by),
    where,
    ...(stringList(input.order_by).length > 0 ? { order_by: stringList(input.order_by) } : {}),
    ...(typeof input.limit === 'number' ? { limit: input.limit } : {}),
    ...(typeof input.start === 'string' ? { start: input.start } : {}),
    ...(typeof input.end === 'string' ? { end: input.end } : {}),
  };
}
