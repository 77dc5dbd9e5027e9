import type { LinkingTables, MetricPhrase } from './build-linking-tables.js';
import { matchPhrase } from './match-phrase.js';
import type { QuestionToken } from './tokenize-question.js';

/** A metric named in a question, and the words that named it. */
export interface MetricMatch {
  metric: string;
  tokens: number[];
  contiguous: boolean;
  kind: MetricPhrase['kind'];
  /** Named by a past participle ("cancelled", « annulées »): the measure, not the subject. */
  verb: boolean;
}

/** What the question's words say about metrics. */
export interface MetricLinking {
  matches: MetricMatch[];
  /** No phrase matched, but one word is part of several metrics' names ("rate"): ask which. */
  partial?: { word: string; candidates: string[] };
}

const kindOrder = { name: 0, label: 1, synonym: 2 } as const;
/** Sample questions this close (shared stems over all stems) name their metric. */
const sampleQuestionSimilarity = 0.6;
/** Words too common in metric names to pick one out of several. */
const unspecificStems = new Set(['patient', 'distinct', 'day', 'month', 'per', 'appointment']);

const isParticiple = (word: string) => /(ed|ee|ees)$/.test(word) || /^annule/.test(word);

/**
 * Links a question's words to metrics: the longest name, label or synonym first, each word used
 * once, in order and adjacent before scattered. With no phrase, a sample question close enough, or
 * a word that several metrics share (reported as `partial` so the caller can ask).
 */
export function linkMetrics({
  tables,
  tokens,
  free,
}: {
  tables: LinkingTables;
  tokens: readonly QuestionToken[];
  free: (token: QuestionToken) => boolean;
}): MetricLinking {
  const candidates: MetricMatch[] = [];
  for (const phrase of tables.metricPhrases) {
    const match = matchPhrase({ stems: phrase.stems, tokens, free, scattered: true });
    if (!match) continue;
    const only = match.tokens.length === 1 ? tokens[match.tokens[0] ?? -1] : undefined;
    candidates.push({
      metric: phrase.metric,
      ...match,
      kind: phrase.kind,
      verb: only !== undefined && isParticiple(only.word),
    });
  }
  candidates.sort(
    (left, right) =>
      right.tokens.length - left.tokens.length ||
      Number(right.contiguous) - Number(left.contiguous) ||
      kindOrder[left.kind] - kindOrder[right.kind],
  );
  const used = new Set<number>();
  const matches: MetricMatch[] = [];
  for (const candidate of candidates) {
    if (matches.some((match) => match.metric === candidate.metric)) continue;
    if (candidate.tokens.some((index) => used.has(index))) continue;
    for (const index of candidate.tokens) used.add(index);
    matches.push(candidate);
  }
  matches.sort((left, right) => (left.tokens[0] ?? 0) - (right.tokens[0] ?? 0));
  if (matches.length > 0) return { matches };

  const content = tokens.filter((token) => !token.stop && free(token));
  const stems = new Set(content.map((token) => token.stem));
  if (stems.size > 0) {
    let best: { metric: string; similarity: number } | undefined;
    for (const sample of tables.sampleQuestions) {
      const shared = [...stems].filter((stem) => sample.stems.has(stem)).length;
      const similarity = shared / new Set([...stems, ...sample.stems]).size;
      if (similarity >= sampleQuestionSimilarity && (!best || similarity > best.similarity))
        best = { metric: sample.metric, similarity };
    }
    if (best) {
      // Only the words of the metric's own names are used up: "HbA1c" in "the average HbA1c value"
      // is left to name a concept.
      const ownStems = new Set(
        tables.metricPhrases
          .filter((phrase) => phrase.metric === best.metric)
          .flatMap((phrase) => phrase.stems),
      );
      const covered = content.filter((token) => ownStems.has(token.stem));
      return {
        matches: [
          {
            metric: best.metric,
            tokens: covered.map((token) => token.index),
            contiguous: false,
            kind: 'synonym',
            verb: false,
          },
        ],
      };
    }
  }
  for (const token of content) {
    if (unspecificStems.has(token.stem)) continue;
    const metrics = tables.metricsByStem.get(token.stem) ?? [];
    if (metrics.length === 1 && metrics[0])
      return {
        matches: [{ metric: metrics[0], tokens: [token.index], contiguous: true, kind: 'name', verb: false }],
      };
    if (metrics.length > 1) return { matches: [], partial: { word: token.word, candidates: metrics } };
  }
  return { matches: [] };
}
