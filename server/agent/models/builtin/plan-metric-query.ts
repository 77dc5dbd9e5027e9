import { normalizeText, type StructuredFilter } from '../../../../semantic-layer/index.js';
import { type LinkingTables, qualifyDimension } from './build-linking-tables.js';
import type { DimensionValueIndex } from './dimension-value-index.js';
import { mergeFollowUp, type QueryChanges } from './merge-follow-up.js';
import type { MetricQueryInput } from './metric-query-input.js';
import type { QuestionReading } from './read-question.js';
import { resolveDomainAmbiguity } from './resolve-domain-ambiguity.js';
import { cannotSplit, clarifyBetween } from './write-clarification.js';

/** A query to run, and what the answer must say about how the question was read. */
export interface QueryPlan {
  kind: 'query';
  query: MetricQueryInput;
  /** Words naming a clinical concept, looked up with search_concepts before the query runs. */
  conceptText?: string;
  /** How the question named its period ("last month (June 2026)"), when it did. */
  periodLabel?: string;
  followUp: boolean;
  /** What the answer must mention: parts of the previous query that no longer apply. */
  notes: string[];
}

/** What to do with a data question. */
export type MetricPlan =
  | QueryPlan
  /** Two readings are as likely: ask, naming the candidates. */
  | { kind: 'clarify'; text: string; candidates: string[] }
  /** No metric matches: say so and suggest related ones. */
  | { kind: 'no_metric'; words: string[] }
  | { kind: 'out_of_scope' }
  /** The semantic layer cannot answer this as asked; the text says why and what it can do. */
  | { kind: 'cannot'; text: string };

/** A count of people: with words no metric matched, they may name a clinical concept. */
const countingPeople =
  /\b(how many|number of|combien|nombre de)\b.*\b(patients?|people|persons?|women|men|children|cases|individuals|personnes|femmes|hommes|enfants)\b/;

const linkingWords = new Set([
  'in',
  'at',
  'for',
  'from',
  'a',
  'en',
  'dans',
  'de',
  'du',
  'vs',
  'versus',
  'and',
  'or',
  'about',
  'et',
  'ou',
  'pour',
]);

const label = (tables: LinkingTables, metric: string) => tables.layer.metrics.get(metric)?.label ?? metric;

/** Metrics whose value only means something per period: they need a metric_time grouping. */
function needsTimeGrouping(tables: LinkingTables, metric: string): boolean {
  const definition = tables.layer.metrics.get(metric);
  if (!definition) return false;
  if (definition.type === 'cumulative') return true;
  return (definition.type_params.metrics ?? []).some(
    (input) => typeof input !== 'string' && input.offset_window !== undefined,
  );
}

/**
 * Plans a data question: which metrics (asking when two are as likely, or when a word fits several),
 * filters from the linked values, groupings, a ranking and the period; a follow-up changes the
 * previous query instead ("and by month?", "only teleconsultations", "what about Marseille?").
 * Nothing is guessed silently: unknown names and unlinkable filters are said, not dropped.
 */
export function planMetricQuery({
  reading,
  base,
  tables,
  index,
  offTopic,
}: {
  reading: QuestionReading;
  /** The last query of the conversation, for follow-ups. */
  base?: MetricQueryInput | undefined;
  tables: LinkingTables;
  index: DimensionValueIndex;
  offTopic: boolean;
}): MetricPlan {
  if (offTopic && reading.metrics.length === 0) return { kind: 'out_of_scope' };
  // Without a cue, only a filter, a grouping or a period make a follow-up: "in Lyon?", "by month?".
  const saysSomething =
    reading.values.length > 0 ||
    reading.groupBy.length > 0 ||
    reading.time.range !== undefined ||
    reading.time.grain !== undefined;
  const followUp =
    base !== undefined &&
    (reading.followUpCue || (reading.metrics.length === 0 && !reading.partialMetric && saysSomething));

  const unknownNames = reading.residual.filter((token) => {
    const before = reading.tokens[token.index - 1];
    return /^[A-Z]/.test(token.original) && before !== undefined && linkingWords.has(before.word);
  });
  if (unknownNames.length > 0) {
    const cities = index.entries.filter((entry) => entry.field === 'city' || entry.field === 'region');
    const known = [...new Set(cities.map((entry) => entry.value))].slice(0, 12);
    return {
      kind: 'clarify',
      text: `I could not find ${unknownNames.map((token) => `"${token.original}"`).join(', ')} among the cities, regions, practices, specialties or other values you may see${known.length > 0 ? ` (places you may see: ${known.join(', ')})` : ''}. Which one did you mean?`,
      candidates: [],
    };
  }
  // A year the time reader did not take ("in 1999") is a period that would be silently dropped.
  const unreadYears = reading.residual.filter((token) => /^(19|20)\d\d$/.test(token.word));
  if (unreadYears.length > 0 && !reading.residual.some((token) => /^[a-z]/.test(token.word)))
    return {
      kind: 'clarify',
      text: `I could not use ${unreadYears.map((token) => `"${token.original}"`).join(', ')} as a period: the data does not cover it, or I did not understand it. Which period do you want, for example last month, this year or since March?`,
      candidates: [],
    };
  if (reading.time.ambiguity)
    return {
      kind: 'clarify',
      // The parser's own message carries dates the question did not write: quote the question only.
      text: `Your question names more than one period${reading.time.matched[0] ? ` (I read "${reading.time.matched[0]}" first)` : ''}. Which period do you want: one of them, or both side by side (ask "by year" or "by month")?`,
      candidates: [],
    };

  let metrics = reading.metrics.map((match) => match.metric);
  const conceptLike = reading.residual.length > 0;
  const countsPeople =
    countingPeople.test(normalizeText(reading.question)) ||
    reading.values.some((value) => tables.domainOfModel.get(value.entry.model) === 'omop');
  if (metrics.length === 0) {
    if (followUp && base) metrics = base.metrics;
    // "How many women have hypertension?": people with a clinical concept, which the search decides.
    else if (conceptLike && countsPeople && !reading.partialMetric && tables.layer.metrics.has('patients'))
      metrics = ['patients'];
    else if (reading.partialMetric)
      return clarifyBetween(
        tables,
        reading.partialMetric.candidates.slice(0, 5),
        `Several metrics match "${reading.partialMetric.word}":`,
      );
    else if (offTopic) return { kind: 'out_of_scope' };
    else if (reading.values.length > 0) {
      const named = reading.values.map((value) => value.entry.value).join(', ');
      return {
        kind: 'clarify',
        text: `What would you like to know about ${named}? For example the number of appointments, cancellations or no-shows, the no-show rate or the teleconsultation share.`,
        candidates: [],
      };
    } else return { kind: 'no_metric', words: reading.residual.map((token) => token.original) };
  } else if (reading.metrics.length === 1 && reading.metrics[0]) {
    const read = resolveDomainAmbiguity({
      tables,
      match: reading.metrics[0],
      reading,
      conceptLike,
      previousMetric: followUp ? base?.metrics[0] : undefined,
    });
    if (typeof read !== 'string') return read;
    metrics = [read];
  }

  const omop = metrics.some((metric) => tables.domainOfMetric.get(metric) === 'omop');
  const conceptText =
    omop && conceptLike ? reading.residual.map((token) => token.original).join(' ') : undefined;

  // Values: the same value may live in two models (age bands): use the one these metrics reach.
  const filters = new Map<string, StructuredFilter['values']>();
  for (const value of reading.values) {
    const alternatives = index.entries.filter(
      (entry) => entry.normalized === value.entry.normalized && entry.field === value.entry.field,
    );
    const qualified = qualifyDimension(
      tables,
      metrics,
      alternatives.map((entry) => ({ model: entry.model, dimension: entry.field })),
    );
    if (!qualified) return cannotSplit(tables, metrics, `${value.entry.label} (${value.entry.value})`);
    const values = filters.get(qualified.name) ?? [];
    if (!values.includes(value.entry.value)) values.push(value.entry.value);
    filters.set(qualified.name, values);
  }
  const groupBy: string[] = [];
  for (const group of reading.groupBy) {
    const qualified = qualifyDimension(tables, metrics, group.targets);
    if (!qualified) return cannotSplit(tables, metrics, group.label);
    if (!groupBy.includes(qualified.name)) groupBy.push(qualified.name);
  }
  let grain = reading.time.grain ? `metric_time__${reading.time.grain}` : undefined;
  if (grain) {
    const time = tables.dimensionsFor(metrics).find((dimension) => dimension.name === 'metric_time');
    if (!time?.granularities?.includes(reading.time.grain ?? 'day'))
      return cannotSplit(tables, metrics, `${reading.time.grain}`);
  }
  if (!grain && !followUp && metrics.some((metric) => needsTimeGrouping(tables, metric)))
    grain = 'metric_time__month';

  const changes: QueryChanges = {
    ...(reading.metrics.length > 0 || !followUp ? { metrics } : {}),
    filters: [...filters].map(([dimension, values]) => ({
      dimension,
      operator: values.length > 1 ? 'in' : '=',
      values,
    })),
    groupBy,
    ...(grain ? { grain } : {}),
    ...(reading.ranking
      ? {
          ranking: {
            direction: reading.ranking.direction,
            ...(reading.ranking.limit ? { limit: reading.ranking.limit } : {}),
          },
        }
      : {}),
    ...(reading.time.range
      ? { range: { start: reading.time.range.start, end: reading.time.range.end } }
      : {}),
    replacesConcept: conceptText !== undefined,
  };
  const query = mergeFollowUp(followUp ? base : undefined, changes);
  const notes: string[] = [];
  if (followUp) {
    // The previous filters and groupings may not apply to a metric swapped in: say so, drop them.
    const available = new Set(
      tables
        .dimensionsFor(query.metrics)
        .flatMap((dimension) => [
          dimension.name,
          ...(dimension.granularities ?? []).map((grain) => `${dimension.name}__${grain}`),
        ]),
    );
    const metricLabels = query.metrics.map((metric) => label(tables, metric)).join(' and ');
    query.where = query.where.filter((filter) => {
      if (typeof filter === 'string' || available.has(filter.dimension)) return true;
      notes.push(
        `The previous filter on ${filter.dimension} does not apply to ${metricLabels} and was left out.`,
      );
      return false;
    });
    query.group_by = query.group_by.filter((name) => {
      if (available.has(name)) return true;
      notes.push(`The previous grouping by ${name} does not apply to ${metricLabels} and was left out.`);
      return false;
    });
  }
  if (query.group_by.length > 10 || query.where.length > 20)
    return {
      kind: 'cannot',
      text: 'That asks for too many groupings or filters at once; split the question.',
    };
  return {
    kind: 'query',
    query,
    ...(conceptText ? { conceptText } : {}),
    ...(reading.time.range ? { periodLabel: reading.time.range.label } : {}),
    followUp,
    notes,
  };
}
