import type { QuestionToken } from './tokenize-question.js';

/** Where a phrase was found among a question's tokens. */
export interface PhraseMatch {
  /** Indexes of the tokens it covers. */
  tokens: number[];
  /** In order and adjacent (stop words between them ignored), rather than scattered. */
  contiguous: boolean;
}

/**
 * Finds a phrase (stems of its meaningful words) among the question's meaningful tokens that are
 * still free: in order and adjacent first, else anywhere (every word present) when `scattered` is
 * allowed — "rate of no-shows" still finds "no-show rate".
 */
export function matchPhrase({
  stems,
  tokens,
  free,
  scattered,
}: {
  stems: readonly string[];
  tokens: readonly QuestionToken[];
  free: (token: QuestionToken) => boolean;
  scattered: boolean;
}): PhraseMatch | undefined {
  const content = tokens.filter((token) => !token.stop && free(token));
  if (stems.length === 0 || content.length < stems.length) return undefined;
  for (let start = 0; start + stems.length <= content.length; start++) {
    if (stems.every((stem, offset) => content[start + offset]?.stem === stem))
      return {
        tokens: content.slice(start, start + stems.length).map((token) => token.index),
        contiguous: true,
      };
  }
  if (!scattered || stems.length < 2) return undefined;
  const used = new Set<number>();
  for (const stem of stems) {
    const found = content.find((token) => token.stem === stem && !used.has(token.index));
    if (!found) return undefined;
    used.add(found.index);
  }
  return { tokens: [...used].sort((left, right) => left - right), contiguous: false };
}

/**
 * Finds a phrase written out in full, stop words included ("Île-de-France", "in person"), as
 * adjacent free tokens; returns every place it occurs.
 */
export function matchExactPhrase({
  stems,
  tokens,
  free,
}: {
  stems: readonly string[];
  tokens: readonly QuestionToken[];
  free: (token: QuestionToken) => boolean;
}): number[][] {
  const found: number[][] = [];
  if (stems.length === 0) return found;
  for (let start = 0; start + stems.length <= tokens.length; start++) {
    const covered = tokens.slice(start, start + stems.length);
    if (covered.every((token, offset) => token.stem === stems[offset] && free(token)))
      found.push(covered.map((token) => token.index));
  }
  return found;
}
