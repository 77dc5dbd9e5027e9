import type { LinkingTables } from './build-linking-tables.js';
import type { MetricQueryInput } from './metric-query-input.js';

/** An OMOP concept found by search_concepts. */
export interface FoundConcept {
  conceptId: number;
  name: string;
  vocabulary: string;
  code: string;
  domain: string;
  conceptClass: string;
}

/** How each OMOP domain filters metrics: the entity to filter with descendant_of, and a default metric. */
export const conceptRoles = [
  { domain: 'Condition', entity: 'condition', metric: 'patients_with_condition', noun: 'condition' },
  { domain: 'Drug', entity: 'drug', metric: 'patients_exposed_to_drug', noun: 'drug ingredient' },
  { domain: 'Measurement', entity: 'measurement_concept', metric: 'patients_measured', noun: 'measurement' },
  { domain: 'Visit', entity: 'visit_concept', metric: 'visits', noun: 'visit type' },
] as const;

/** Below this search score a "similar" hit is a different thing ("hospital satisfaction" → a visit type). */
const minimumScore = 0.8;

/**
 * The concept a search result names: a standard concept of a domain metrics can filter on, found by
 * code, name or synonym before fuzzy hits, ingredients first among drugs.
 */
export function chooseConcept(content: Record<string, unknown> | undefined): FoundConcept | undefined {
  const results = Array.isArray(content?.results) ? (content.results as Record<string, unknown>[]) : [];
  const usable = results.flatMap((result) => {
    const concept = result.concept as Record<string, unknown> | undefined;
    if (concept?.standard !== 'S' || typeof concept.conceptId !== 'number') return [];
    if (!conceptRoles.some((role) => role.domain === concept.domain)) return [];
    if (typeof result.score === 'number' && result.score < minimumScore) return [];
    return [{ concept, match: result.match }];
  });
  const rank = ({ concept, match }: (typeof usable)[number]) =>
    (match === 'similar' ? 2 : 0) +
    (concept.domain === 'Drug' && concept.conceptClass !== 'Ingredient' ? 1 : 0);
  const best = usable
    .map((entry, position) => ({ entry, position }))
    .sort((left, right) => rank(left.entry) - rank(right.entry) || left.position - right.position)[0]
    ?.entry.concept;
  if (!best) return undefined;
  return {
    conceptId: best.conceptId as number,
    name: String(best.name ?? ''),
    vocabulary: String(best.vocabulary ?? ''),
    code: String(best.code ?? ''),
    domain: String(best.domain ?? ''),
    conceptClass: String(best.conceptClass ?? ''),
  };
}

/**
 * Filters a query by a concept and its descendants. Metrics that cannot be filtered by the
 * concept's domain ("patients" for a condition) are replaced by the domain's metric, and the
 * answer says so (`replaced`).
 */
export function applyConcept(
  tables: LinkingTables,
  query: MetricQueryInput,
  concept: FoundConcept,
): { query: MetricQueryInput; replaced: string[] } | { cannot: string } {
  const role = conceptRoles.find((candidate) => candidate.domain === concept.domain);
  if (!role)
    return { cannot: `${concept.name} is a ${concept.domain} concept; no metric is filtered by those.` };
  const reaches = (metric: string) =>
    tables.dimensionsFor([metric]).some((dimension) => dimension.name === role.entity);
  const replaced = query.metrics.filter((metric) => !reaches(metric));
  const metrics = [...new Set(query.metrics.map((metric) => (reaches(metric) ? metric : role.metric)))];
  const available = new Set(
    tables
      .dimensionsFor(metrics)
      .flatMap((dimension) => [
        dimension.name,
        ...(dimension.granularities ?? []).map((grain) => `${dimension.name}__${grain}`),
      ]),
  );
  const unavailable = [
    ...query.group_by,
    ...query.where.flatMap((filter) => (typeof filter === 'string' ? [] : [filter.dimension])),
  ].filter((name) => !available.has(name));
  if (unavailable.length > 0)
    return {
      cannot: `Counting by ${role.noun} (${concept.name}) uses ${metrics.map((metric) => tables.layer.metrics.get(metric)?.label ?? metric).join(' and ')}, which cannot be filtered or grouped by ${unavailable.join(', ')}.`,
    };
  const where = [
    ...query.where.filter(
      (filter) =>
        typeof filter === 'string' || filter.operator !== 'descendant_of' || filter.dimension !== role.entity,
    ),
    { dimension: role.entity, operator: 'descendant_of' as const, values: [concept.conceptId] },
  ];
  const orderBy = query.order_by?.map((item) => {
    const name = item.replace(/^-/, '');
    return replaced.includes(name) ? `${item.startsWith('-') ? '-' : ''}${role.metric}` : item;
  });
  return {
    query: { ...query, metrics, where, ...(orderBy ? { order_by: orderBy } : {}) },
    replaced,
  };
}
