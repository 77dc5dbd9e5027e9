import type { SemanticLayer } from '../../semantic-layer/index.js';
import { dimensionsForMetrics } from '../../semantic-layer/index.js';
import { searchText } from '../warehouse/schema/search-text.js';

/** Words that mean the same thing: a name, its label (or the name again), then synonyms. */
export type SynonymGroup = readonly string[];

/** The words of a text, folded (accents, case), stop words kept: phrases must match whole. */
function foldedWords(text: string): string[] {
  return searchText(text.replace(/_/g, ' '))
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The synonym groups of the semantic layer: per metric its name, label and synonyms (« taux de
 * lapins » → no-show rate), and the same for every dimension that has synonyms.
 */
export function semanticSynonymGroups(layer: SemanticLayer): SynonymGroup[] {
  const groups: SynonymGroup[] = [];
  for (const metric of layer.metrics.values())
    groups.push([metric.name, metric.label ?? metric.name, ...(metric.synonyms ?? [])]);
  const seen = new Set<string>();
  for (const dimension of dimensionsForMetrics(layer, [...layer.metrics.keys()])) {
    if (!dimension.synonyms?.length || seen.has(dimension.name)) continue;
    seen.add(dimension.name);
    groups.push([dimension.name, dimension.label ?? dimension.name, ...dimension.synonyms]);
  }
  return groups;
}

/** Whether `phrase` occurs in `words` as consecutive whole words. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > words.length) return false;
  for (let start = 0; start + phrase.length <= words.length; start++)
    if (phrase.every((word, offset) => words[start + offset] === word)) return true;
  return false;
}

/**
 * The terms to add to a query: for each group one of whose terms the query contains (as whole
 * words, accents and case ignored), the group's other terms. « taux de lapins » brings "no show
 * rate" and "missed appointment rate", so documents written in English are found.
 */
export function expandQuery(query: string, groups: readonly SynonymGroup[]): string[] {
  const words = foldedWords(query);
  const added = new Set<string>();
  for (const group of groups) {
    const phrases = group.map(foldedWords);
    // A lone common word ("patients", "bookings") says too little to pull in a metric's synonyms:
    // only phrases, and one-word synonyms listed as such (not the name or label), trigger a group.
    const triggers = phrases.filter((phrase, index) => phrase.length > 1 || index >= 2);
    if (!triggers.some((phrase) => containsPhrase(words, phrase))) continue;
    phrases.forEach((phrase, index) => {
      if (!containsPhrase(words, phrase)) added.add(group[index]?.replace(/_/g, ' ') ?? '');
    });
  }
  added.delete('');
  return [...added];
}
