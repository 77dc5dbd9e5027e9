import type { StructuredFilter } from '../../../../semantic-layer/index.js';
import type { MetricQueryInput } from './metric-query-input.js';

/** What a question adds to, or changes in, a query. */
export interface QueryChanges {
  /** New metrics (a follow-up that names one swaps it in, keeping everything else). */
  metrics?: string[];
  /** New filters; each replaces the previous filter on the same dimension. */
  filters: StructuredFilter[];
  groupBy: string[];
  /** A metric_time grouping (`metric_time__month`); replaces the previous grain. */
  grain?: string;
  ranking?: { direction: 'desc' | 'asc'; limit?: number };
  range?: { start: string; end: string };
  /** A new clinical concept replaces the previous concept filter. */
  replacesConcept: boolean;
}

const isTime = (name: string) => name.startsWith('metric_time__');
const dimensionOf = (filter: StructuredFilter | string) =>
  typeof filter === 'string' ? undefined : filter.dimension;
const orderMetric = (item: string) => item.replace(/^-/, '').replace(/\s+(asc|desc)$/i, '');

/**
 * Applies a question's changes to the previous query (or to nothing, for a new question): a new
 * filter replaces the one on its dimension ("what about Marseille?"), and a grouping kept only to
 * compare values goes when one value remains; a new grain replaces the old one ("and by month?"); a
 * new period replaces the old one ("same for last year"); new metrics replace the old ones ("and the
 * no-show rate?"), the ordering following them.
 */
export function mergeFollowUp(base: MetricQueryInput | undefined, changes: QueryChanges): MetricQueryInput {
  const metrics = changes.metrics ?? base?.metrics ?? [];
  const replaced = new Set(changes.filters.map((filter) => filter.dimension));
  let where = (base?.where ?? []).filter((filter) => {
    const dimension = dimensionOf(filter);
    if (dimension !== undefined && replaced.has(dimension)) return false;
    if (changes.replacesConcept && typeof filter !== 'string' && filter.operator === 'descendant_of')
      return false;
    return true;
  });
  where = [...where, ...changes.filters];

  let groupBy = [...(base?.group_by ?? [])];
  for (const filter of changes.filters)
    if (filter.values.length === 1) groupBy = groupBy.filter((name) => name !== filter.dimension);
  if (changes.grain) groupBy = [changes.grain, ...groupBy.filter((name) => !isTime(name))];
  for (const name of changes.groupBy) if (!groupBy.includes(name)) groupBy.push(name);
  // Comparing several values of one dimension ("Lyon vs Paris") shows one row per value.
  for (const filter of changes.filters)
    if (filter.values.length > 1 && !groupBy.includes(filter.dimension)) groupBy.push(filter.dimension);

  let orderBy = base?.order_by;
  let limit = base?.limit;
  if (changes.metrics && orderBy)
    orderBy = orderBy.map((item) =>
      (base?.metrics ?? []).includes(orderMetric(item))
        ? `${item.startsWith('-') ? '-' : ''}${metrics[0] ?? orderMetric(item)}`
        : item,
    );
  if (changes.ranking) {
    orderBy = [`${changes.ranking.direction === 'desc' ? '-' : ''}${metrics[0]}`];
    limit = changes.ranking.limit;
  }
  const nonTimeGroups = groupBy.filter((name) => !isTime(name));
  if (nonTimeGroups.length === 0) {
    orderBy = undefined;
    limit = undefined;
  }
  const start = changes.range?.start ?? base?.start;
  const end = changes.range?.end ?? base?.end;
  return {
    metrics,
    group_by: groupBy,
    where,
    ...(orderBy && orderBy.length > 0 ? { order_by: orderBy } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
  };
}
