import type { LinkingTables } from './build-linking-tables.js';
import type { DimensionValueEntry, DimensionValueIndex } from './dimension-value-index.js';
import { matchExactPhrase } from './match-phrase.js';
import { phraseStems, type QuestionToken, tokenizeQuestion } from './tokenize-question.js';

/** A dimension value a question names. */
export interface LinkedValue {
  entry: DimensionValueEntry;
  tokens: number[];
  /** Named by a distinctive part only ("Confluence" for "Centre médical Confluence"). */
  partial: boolean;
}

interface ValuePattern {
  entry: DimensionValueEntry;
  stems: string[];
  partial: boolean;
}

/** Other words for a few values, in English and French. */
const valueAliases: Record<string, string[]> = {
  female: ['women', 'woman', 'femmes', 'femme', 'females'],
  male: ['men', 'man', 'hommes', 'homme', 'males'],
  teleconsultation: ['video consultation', 'video', 'remote consultation', 'teleconsultations'],
  in_person: ['face to face', 'en presentiel', 'presentiel'],
  walk_in: ['walk in', 'walk-ins', 'sans rendez vous'],
  phone: ['telephone', 'by phone'],
  no_show: ['no show', 'no shows'],
};

const patternCache = new WeakMap<DimensionValueIndex, ValuePattern[]>();

function patternsOf(index: DimensionValueIndex, tables: LinkingTables): ValuePattern[] {
  const cached = patternCache.get(index);
  if (cached) return cached;
  // Words that name metrics or dimensions never stand alone for a value ("practice" is not
  // "General practice"); nor do whole values of another dimension ("Lille" in "Vieux-Lille").
  const reserved = new Set([
    ...tables.metricPhrases.flatMap((phrase) => phrase.stems),
    ...tables.dimensionPhrases.flatMap((phrase) => phrase.stems),
  ]);
  const whole = (entry: DimensionValueEntry) => tokenizeQuestion(entry.value).map((token) => token.stem);
  const patterns: ValuePattern[] = [];
  const fullValues = new Set<string>();
  for (const entry of index.entries) {
    const stems = whole(entry);
    if (stems.length === 0) continue;
    patterns.push({ entry, stems, partial: false });
    fullValues.add(stems.join(' '));
    for (const alias of valueAliases[entry.value] ?? [])
      patterns.push({ entry, stems: tokenizeQuestion(alias).map((token) => token.stem), partial: false });
  }
  for (const entry of index.entries) {
    // Only a capitalised word of a name stands for it ("Confluence"); common words never do.
    const content = tokenizeQuestion(entry.value)
      .filter((token) => !token.stop && /^[A-Z]/.test(token.original))
      .map((token) => token.stem);
    if (phraseStems(entry.value).length < 2) continue;
    const others = index.entries.filter(
      (other) => other.dimension === entry.dimension && other.value !== entry.value,
    );
    const otherStems = new Set(others.flatMap((other) => phraseStems(other.value)));
    for (const stem of content) {
      if (stem.length < 4 || /^\d/.test(stem) || otherStems.has(stem) || reserved.has(stem)) continue;
      if (fullValues.has(stem)) continue;
      patterns.push({ entry, stems: [stem], partial: true });
    }
  }
  patterns.sort(
    (left, right) => Number(left.partial) - Number(right.partial) || right.stems.length - left.stems.length,
  );
  patternCache.set(index, patterns);
  return patterns;
}

/**
 * Links the question's words to dimension values the principal may see: whole values (any case or
 * accents, "ile de france"), a few aliases ("women", "video"), then a distinctive capitalised word
 * of a longer name ("Confluence"). The longest match wins; each word names one value.
 */
export function linkDimensionValues({
  index,
  tables,
  tokens,
  free,
}: {
  index: DimensionValueIndex;
  tables: LinkingTables;
  tokens: readonly QuestionToken[];
  free: (token: QuestionToken) => boolean;
}): LinkedValue[] {
  const used = new Set<number>();
  const linked: LinkedValue[] = [];
  for (const pattern of patternsOf(index, tables)) {
    const places = matchExactPhrase({
      stems: pattern.stems,
      tokens,
      free: (token) => free(token) && !used.has(token.index),
    });
    for (const place of places) {
      if (place.some((position) => used.has(position))) continue;
      // A lone stop word ("in", "de") is never a value on its own.
      if (place.every((position) => tokens[position]?.stop)) continue;
      // A part of a name is only read as the name when written as one, with a capital.
      if (pattern.partial && !place.every((position) => /^[A-Z]/.test(tokens[position]?.original ?? '')))
        continue;
      for (const position of place) used.add(position);
      if (!linked.some((known) => known.entry === pattern.entry))
        linked.push({ entry: pattern.entry, tokens: place, partial: pattern.partial });
    }
  }
  return linked.sort((left, right) => (left.tokens[0] ?? 0) - (right.tokens[0] ?? 0));
}
