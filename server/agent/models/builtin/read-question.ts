import { modelsOfMetric } from '../../../../semantic-layer/index.js';
import { type LinkingTables, qualifyDimension } from './build-linking-tables.js';
import { detectRanking, type Ranking } from './detect-ranking.js';
import type { DimensionValueIndex } from './dimension-value-index.js';
import { type LinkedValue, linkDimensionValues } from './link-dimension-values.js';
import { type LinkedGroupBy, linkGroupBy } from './link-group-by.js';
import { linkMetrics, type MetricMatch } from './link-metrics.js';
import { type ParsedTime, parseTimeExpression } from './parse-time-expression.js';
import { type QuestionToken, tokenizeQuestion } from './tokenize-question.js';

/** Everything a data question says, linked to the semantic layer and the values the principal may see. */
export interface QuestionReading {
  question: string;
  tokens: QuestionToken[];
  time: ParsedTime;
  metrics: MetricMatch[];
  /** One word shared by several metrics and nothing more precise ("rate"). */
  partialMetric?: { word: string; candidates: string[] };
  values: LinkedValue[];
  groupBy: LinkedGroupBy[];
  ranking?: Ranking;
  /** Meaningful words nothing else used, in question order: a clinical concept, or unknown names. */
  residual: QuestionToken[];
  /** Starts like a follow-up ("and …", "what about …", "same for …", "only …"). */
  followUpCue: boolean;
  /** "only", "just", « seulement »: a word naming both a metric and a value is a filter. */
  restrictive: boolean;
}

/** Words that say nothing about which data: verbs of asking and of happening, and concept cues. */
const fillerWords = new Set(
  'show display list give tell made make took take place happen happened occur occurred recorded held see want need like value values result results overall currently ever altogether right everything same difference breakdown split distribution trend evolution change were there diagnosed diagnosis having taking treated exposed suffering prescribed received been under atteint atteints souffrant traites sous measured level levels test tests instead too well again now then ok okay but also yes no thing things one ones answer question them year years month months week weeks day days quarter quarters time period date dates patient patients people persons'.split(
    ' ',
  ),
);
const followUpStarts = new Set([
  'and',
  'same',
  'now',
  'also',
  'only',
  'just',
  'et',
  'pareil',
  'idem',
  'meme',
  'instead',
  'then',
  'but',
  'ok',
  'okay',
  'seulement',
  'uniquement',
  'what',
  'how',
]);
const populationPrepositions = new Set([
  'for',
  'of',
  'among',
  'with',
  'from',
  'pour',
  'chez',
  'des',
  'parmi',
]);
const restrictiveWords = new Set(['only', 'just', 'seulement', 'uniquement', 'exclusively', 'solely']);

/** Blanks the time words out of the question, keeping every other character where it was. */
function withoutTimeWords(question: string, matched: readonly string[]): string {
  let lower = question.toLowerCase();
  // toLowerCase can change the length of a few characters; then the words are left in.
  if (lower.length !== question.length) return question;
  let text = question;
  for (const words of matched) {
    const at = lower.indexOf(words);
    if (at < 0 || words === '') continue;
    const blank = ' '.repeat(words.length);
    text = text.slice(0, at) + blank + text.slice(at + words.length);
    lower = lower.slice(0, at) + blank + lower.slice(at + words.length);
  }
  return text;
}

/**
 * Reads a data question: its time words (against the injected clock), the metrics, dimension
 * values and groupings it names, a ranking, and the words left over. A word that names both a
 * metric and a value ("teleconsultations", "cancelled") is the metric when it is the only one, or
 * when it is a past participle ("were cancelled"); otherwise a filter.
 */
export function readQuestion({
  question,
  tables,
  index,
  now,
}: {
  question: string;
  tables: LinkingTables;
  index: DimensionValueIndex;
  now: Date;
}): QuestionReading {
  const time = parseTimeExpression(question.toLowerCase(), now);
  const tokens = tokenizeQuestion(withoutTimeWords(question, time.matched));
  const used = new Set<number>();
  const free = (token: QuestionToken) => !used.has(token.index);
  const restrictive = tokens.some((token) => restrictiveWords.has(token.word));

  // Groupings and metrics are read from the same words; where they overlap the longer reading
  // wins, the grouping on a tie (a cue introduced it): "by booking channel" and "which
  // practitioners" are groupings, "appointments per practitioner" a metric.
  const allMatches = linkMetrics({ tables, tokens, free });
  const groupCandidates = linkGroupBy({ tables, tokens, free });
  const overlapping = (left: readonly number[], right: readonly number[]) =>
    left.some((position) => right.includes(position));
  const groupBy = groupCandidates.filter((group) =>
    allMatches.matches.every(
      (match) =>
        !overlapping(match.tokens, group.tokens) ||
        group.tokens.length >= match.tokens.length ||
        !match.contiguous,
    ),
  );
  // A metric named in scattered words can share one with its grouping when it can be grouped so:
  // "top 10 conditions by number of patients" is patients with a condition, by condition.
  const shares = (match: MetricMatch, group: LinkedGroupBy) =>
    !match.contiguous && qualifyDimension(tables, [match.metric], group.targets) !== undefined;
  const metricLinking = {
    ...allMatches,
    matches: allMatches.matches.filter((match) =>
      groupBy.every((group) => !overlapping(match.tokens, group.tokens) || shares(match, group)),
    ),
  };
  for (const group of groupBy) for (const position of group.tokens) used.add(position);
  const linkedValues = linkDimensionValues({ index, tables, tokens, free });
  const overlaps = (match: MetricMatch, value: LinkedValue) => overlapping(match.tokens, value.tokens);
  const conflicting = metricLinking.matches.filter(
    (match) => match.tokens.length === 1 && linkedValues.some((value) => overlaps(match, value)),
  );
  const clear = metricLinking.matches.filter((match) => !conflicting.includes(match));
  let metrics: MetricMatch[];
  if (restrictive && clear.length === 0 && conflicting.length === 1) metrics = [];
  else if (clear.length > 0 || conflicting.some((match) => match.verb))
    metrics = [...clear, ...conflicting.filter((match) => match.verb)];
  else metrics = conflicting.slice(-1);
  const values = linkedValues.filter(
    (value) =>
      !metrics.some((match) => overlaps(match, value)) && !clear.some((match) => overlaps(match, value)),
  );
  // A question that is one metric's sample question, nearly word for word, asks for that metric only
  // ("What share of appointments are teleconsultations in each region?").
  const sample = closestSample(
    tables,
    tokens,
    metrics.map((match) => match.metric),
  );
  if (sample) metrics = metrics.filter((match) => match.metric === sample);
  // "How many appointments were cancelled": the participle is the measure, the noun its subject.
  const verbModels = new Set(
    metrics.filter((match) => match.verb).flatMap((match) => modelsOf(tables, match.metric)),
  );
  metrics = metrics.filter(
    (match) =>
      match.verb ||
      match.tokens.length > 1 ||
      !modelsOf(tables, match.metric).some((model) => verbModels.has(model)),
  );
  // "no-shows for patients aged 18-39": a bare noun after a preposition names who, not what.
  if (metrics.length > 1)
    metrics = metrics.filter((match) => {
      const before = tokens[(match.tokens[0] ?? 0) - 1];
      return !(match.tokens.length === 1 && !match.verb && before && populationPrepositions.has(before.word));
    });
  for (const match of metrics) for (const position of match.tokens) used.add(position);
  for (const value of values) for (const position of value.tokens) used.add(position);
  const ranking = detectRanking(tokens, free);
  for (const position of ranking?.tokens ?? []) used.add(position);

  const residual = tokens.filter((token) => free(token) && !token.stop && !fillerWords.has(token.word));
  const [first, second] = tokens;
  const followUpCue =
    (first !== undefined &&
      followUpStarts.has(first.word) &&
      (!['what', 'how'].includes(first.word) || second?.word === 'about')) ||
    /\b(same for|instead|as well|too|pareil|idem)\b/i.test(question);
  return {
    question,
    tokens,
    time,
    metrics,
    ...(metricLinking.partial && metrics.length === 0 ? { partialMetric: metricLinking.partial } : {}),
    values,
    groupBy,
    ...(ranking ? { ranking } : {}),
    residual,
    followUpCue,
    restrictive,
  };
}

/** Shared stems over all stems at which a sample question is the question itself. */
const sampleIdentity = 0.75;

function closestSample(
  tables: LinkingTables,
  tokens: readonly QuestionToken[],
  metrics: string[],
): string | undefined {
  if (metrics.length < 2) return undefined;
  const stems = new Set(tokens.filter((token) => !token.stop).map((token) => token.stem));
  let best: { metric: string; similarity: number } | undefined;
  for (const sample of tables.sampleQuestions) {
    if (!metrics.includes(sample.metric)) continue;
    const shared = [...stems].filter((stem) => sample.stems.has(stem)).length;
    const similarity = shared / new Set([...stems, ...sample.stems]).size;
    if (similarity >= sampleIdentity && (!best || similarity > best.similarity))
      best = { metric: sample.metric, similarity };
  }
  return best?.metric;
}

function modelsOf(tables: LinkingTables, metric: string): string[] {
  return modelsOfMetric(tables.layer, metric).map((node) => node.model.name);
}
