import type { DimensionTarget, LinkingTables } from './build-linking-tables.js';
import type { QuestionToken } from './tokenize-question.js';

/** A dimension the question asks to split the result by. */
export interface LinkedGroupBy {
  targets: DimensionTarget[];
  label: string;
  tokens: number[];
}

/** Words after which a dimension is a grouping: "by region", « par spécialité », "which city". */
const groupingCues = new Set([
  'by',
  'per',
  'each',
  'every',
  'across',
  'which',
  'what',
  'par',
  'chaque',
  'quelle',
  'quel',
  'top',
  'bottom',
  'breakdown',
]);

/**
 * Finds the dimensions a question groups by: a dimension's label, name or synonym right after a
 * grouping cue ("by", "per", "each", "which", "top 5", « par »), numbers and stop words between
 * them skipped. A dimension named without a cue ("in cardiology") is a value, not a grouping.
 */
export function linkGroupBy({
  tables,
  tokens,
  free,
}: {
  tables: LinkingTables;
  tokens: readonly QuestionToken[];
  free: (token: QuestionToken) => boolean;
}): LinkedGroupBy[] {
  const phrases = [...tables.dimensionPhrases].sort((left, right) => right.stems.length - left.stems.length);
  const linked: LinkedGroupBy[] = [];
  const used = new Set<number>();
  // The dimension phrase starting at a token, longest first.
  const phraseAt = (position: number) => {
    const after = tokens
      .slice(position)
      .filter((token) => !token.stop && !/^\d+$/.test(token.word) && !groupingCues.has(token.word));
    const start = after[0];
    if (!start || !free(start) || used.has(start.index)) return undefined;
    for (const phrase of phrases) {
      const covered = after.slice(0, phrase.stems.length);
      if (covered.length < phrase.stems.length) continue;
      if (covered.every((token, offset) => token.stem === phrase.stems[offset] && free(token)))
        return { phrase, covered };
    }
    return undefined;
  };
  for (const cue of tokens) {
    if (!groupingCues.has(cue.word)) continue;
    let found = phraseAt(cue.index + 1);
    // "by channel and visit type", « par région et spécialité »: the list goes on.
    while (found) {
      for (const token of found.covered) used.add(token.index);
      linked.push({
        targets: found.phrase.targets,
        label: found.phrase.label,
        tokens: found.covered.map((token) => token.index),
      });
      const next = (found.covered.at(-1)?.index ?? cue.index) + 1;
      const joined = tokens[next]?.word === 'and' || tokens[next]?.word === 'et' ? next + 1 : next;
      found = phraseAt(joined);
    }
  }
  return linked;
}
