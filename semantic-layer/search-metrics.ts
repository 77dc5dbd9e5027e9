import type { SemanticLayer } from './semantic-layer.js';
import type { Metric } from './semantic-manifest-schema.js';

/** Lower case, accents removed, punctuation as spaces: « Délai » and "delai" match. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function score(metric: Metric, words: string[], phrase: string): number {
  const name = normalizeText(metric.name);
  const label = normalizeText(metric.label ?? '');
  const synonyms = (metric.synonyms ?? []).map(normalizeText);
  if (phrase === name || phrase === label || synonyms.includes(phrase)) return 100;
  const fields: [string, number][] = [
    [name, 6],
    [label, 5],
    ...synonyms.map((synonym): [string, number] => [synonym, 5]),
    [normalizeText(metric.description ?? ''), 2],
    ...(metric.sample_questions ?? []).map((question): [string, number] => [normalizeText(question), 1]),
  ];
  let total = 0;
  for (const word of words) {
    let best = 0;
    for (const [text, weight] of fields) {
      const tokens = text.split(' ');
      // A word matches a token it starts (plural and stem tolerant: "cancel" finds "cancellations").
      if (tokens.some((token) => token === word)) best = Math.max(best, weight);
      else if (
        word.length >= 4 &&
        tokens.some((token) => token.startsWith(word) || (word.startsWith(token) && token.length >= 4))
      )
        best = Math.max(best, weight / 2);
    }
    total += best;
  }
  return words.length > 0 && total > 0 ? total / words.length : 0;
}

/**
 * Metrics matching a search (name, label, synonyms, description, sample questions; case and accent
 * insensitive), best first; every metric, by name, when the search is empty.
 */
export function searchMetrics(layer: SemanticLayer, search: string | undefined): Metric[] {
  const metrics = [...layer.metrics.values()];
  const phrase = normalizeText(search ?? '');
  if (!phrase) return metrics.sort((left, right) => left.name.localeCompare(right.name));
  const words = phrase.split(' ').filter((word) => word.length > 1);
  return metrics
    .map((metric) => ({ metric, score: score(metric, words, phrase) }))
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score || left.metric.name.localeCompare(right.metric.name))
    .map((entry) => entry.metric);
}
