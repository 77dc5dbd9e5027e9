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
  for (const cue of tokens) {
    if (!groupingCues.has(cue.word)) continue;
    // The words after the cue that may name a dimension: skip stop words and a count ("top 5").
    const after = tokens
      .slice(cue.index + 1)
      .filter((token) => !token.stop && !/^\d+$/.test(token.word) && !groupingCues.has(token.word));
    const start = after[0];
    if (!start || !free(start) || used.has(start.index)) continue;
    for (const phrase of phrases) {
      const covered = after.slice(0, phrase.stems.length);
      if (covered.length < phrase.stems.length) continue;
      if (!covered.every((token, offset) => token.stem === phrase.stems[offset] && free(token))) continue;
      for (const token of covered) used.add(token.index);
      linked.push({
        targets: phrase.targets,
        label: phrase.label,
        tokens: covered.map((token) => token.index),
      });
      break;
    }
  }
  return linked;
}
