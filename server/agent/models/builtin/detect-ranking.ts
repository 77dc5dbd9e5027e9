import type { QuestionToken } from './tokenize-question.js';

/** A question that ranks groups: "top 5", "which … has the most", "lowest". */
export interface Ranking {
  direction: 'desc' | 'asc';
  /** How many groups to keep, when the question says ("top 5"). */
  limit?: number;
  tokens: number[];
}

const descending = new Set([
  'top',
  'highest',
  'most',
  'largest',
  'biggest',
  'greatest',
  'maximum',
  'max',
  'best',
  'busiest',
  'plus',
  'rank',
  'ranking',
]);
const ascending = new Set(['bottom', 'lowest', 'least', 'fewest', 'smallest', 'minimum', 'min', 'moins']);
/** Words a count of groups follows: "which 3 practices", "the 10 busiest", « les 5 ». */
const countIntroductions = new Set(['which', 'the', 'first', 'les', 'premiers', 'quels', 'quelles']);
const numberWords: Record<string, number> = {
  three: 3,
  five: 5,
  ten: 10,
  trois: 3,
  cinq: 5,
  dix: 10,
};

/**
 * Reads a ranking from the question's words: a superlative gives the direction, and a count right
 * after "top"/"bottom" (or before the superlative: "the 3 busiest") the number of groups to keep.
 */
export function detectRanking(
  tokens: readonly QuestionToken[],
  free: (token: QuestionToken) => boolean,
): Ranking | undefined {
  const cue = tokens.find(
    (token) => free(token) && (descending.has(token.word) || ascending.has(token.word)),
  );
  if (!cue) return undefined;
  const direction = ascending.has(cue.word) ? 'asc' : 'desc';
  const countAt = (position: number) => {
    const token = tokens[position];
    if (!token || !free(token)) return undefined;
    const value = /^\d+$/.test(token.word) ? Number(token.word) : numberWords[token.word];
    return value !== undefined && value > 0 && value <= 1_000 ? { value, index: token.index } : undefined;
  };
  const introduced = tokens.find(
    (token) => countIntroductions.has(token.word) && countAt(token.index + 1) !== undefined,
  );
  const count =
    countAt(cue.index + 1) ??
    countAt(cue.index - 1) ??
    (introduced ? countAt(introduced.index + 1) : undefined);
  return {
    direction,
    ...(count ? { limit: count.value } : {}),
    tokens: count ? [cue.index, count.index] : [cue.index],
  };
}
