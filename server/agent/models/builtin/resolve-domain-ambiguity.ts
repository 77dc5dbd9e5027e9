import type { DataDomain, LinkingTables } from './build-linking-tables.js';
import type { MetricMatch } from './link-metrics.js';
import type { MetricPlan } from './plan-metric-query.js';
import type { QuestionReading } from './read-question.js';
import { clarifyBetween } from './write-clarification.js';

/** A question this close to a candidate's sample question (shared stems over all) is about it. */
const sampleCloseness = 0.6;

/** A metric named by one bare word that the other domain also uses ("patients", "visits"). */
function domainAlternative(tables: LinkingTables, match: MetricMatch, reading: QuestionReading) {
  if (match.tokens.length !== 1 || match.verb) return undefined;
  const stem = reading.tokens[match.tokens[0] ?? -1]?.stem;
  const domain = tables.domainOfMetric.get(match.metric);
  const kindOrder = { name: 0, label: 1, synonym: 2 } as const;
  return tables.metricPhrases
    .filter(
      (phrase) =>
        stem !== undefined &&
        phrase.stems.includes(stem) &&
        phrase.metric !== match.metric &&
        tables.domainOfMetric.get(phrase.metric) !== domain,
    )
    .sort(
      (left, right) => left.stems.length - right.stems.length || kindOrder[left.kind] - kindOrder[right.kind],
    )[0]?.metric;
}

/** The domains the question's other words point to: values, groupings, a clinical concept. */
function domainHints(tables: LinkingTables, reading: QuestionReading, conceptLike: boolean): Set<DataDomain> {
  const hints = new Set<DataDomain>();
  for (const value of reading.values) {
    const domain = tables.domainOfModel.get(value.entry.model);
    if (domain) hints.add(domain);
  }
  for (const group of reading.groupBy) {
    const domains = new Set(group.targets.map((target) => tables.domainOfModel.get(target.model)));
    if (domains.size === 1) {
      const [domain] = domains;
      if (domain) hints.add(domain);
    }
  }
  if (conceptLike) hints.add('omop');
  return hints;
}

function sampleSimilarity(tables: LinkingTables, reading: QuestionReading, metric: string): number {
  const stems = new Set(reading.tokens.filter((token) => !token.stop).map((token) => token.stem));
  let best = 0;
  for (const sample of tables.sampleQuestions) {
    if (sample.metric !== metric) continue;
    const shared = [...stems].filter((stem) => sample.stems.has(stem)).length;
    best = Math.max(best, shared / new Set([...stems, ...sample.stems]).size);
  }
  return best;
}

/**
 * Decides between the two domains a bare word can mean ("patients": scheduling patients seen or
 * OMOP persons): the domain the question's other words point to (a value, a grouping, a clinical
 * concept, the previous query), else the candidate whose sample question the question is; when
 * both stay as likely, the question back naming both.
 */
export function resolveDomainAmbiguity({
  tables,
  match,
  reading,
  conceptLike,
  previousMetric,
}: {
  tables: LinkingTables;
  match: MetricMatch;
  reading: QuestionReading;
  conceptLike: boolean;
  /** The previous query's metric, for a follow-up. */
  previousMetric?: string | undefined;
}): string | MetricPlan {
  const alternative = domainAlternative(tables, match, reading);
  if (!alternative) return match.metric;
  const hints = domainHints(tables, reading, conceptLike);
  const previous = previousMetric ? tables.domainOfMetric.get(previousMetric) : undefined;
  if (previous) hints.add(previous);
  const pick = [match.metric, alternative].filter((metric) => {
    const domain = tables.domainOfMetric.get(metric);
    return domain !== undefined && hints.has(domain);
  });
  if (pick.length === 1 && pick[0]) return pick[0];
  const own = sampleSimilarity(tables, reading, match.metric);
  const other = sampleSimilarity(tables, reading, alternative);
  if (Math.max(own, other) >= sampleCloseness && own !== other)
    return own > other ? match.metric : alternative;
  const word = reading.tokens[match.tokens[0] ?? -1]?.original ?? match.metric;
  return clarifyBetween(tables, [alternative, match.metric].sort(), `"${word}" can mean two things here:`);
}
