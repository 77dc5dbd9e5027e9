/** One word of a question: as written, normalised, and reduced to a stem for matching. */
export interface QuestionToken {
  /** Position among the question's tokens. */
  index: number;
  /** As written, accents removed, case kept (a capital tells a name from a word). */
  original: string;
  /** Lower case, no accents. */
  word: string;
  /** `stemWord(word)`: "cancelled", "cancellations" and "cancel" share one. */
  stem: string;
  /** An English or French word that carries no meaning for linking ("the", "de", "how"). */
  stop: boolean;
}

// Words that never name a metric, a dimension or a value, in English and French. Cue words that do
// matter (by, per, top, only, vs …) are kept in the token list; they are stop words for matching only.
const englishStopWords =
  'a an the of to in on at for from with by per and or is are was were be been being do does did done have has had having how what whats which who whom whose when where why many much me my i we our you your us it its this that these those there their they them s all any each every please can could would should will shall may might get got give tell let know as about than into over under between up so then also just only vs versus compared compare number count total amount quantity figure figures data thanks thank'.split(
    ' ',
  );
const frenchStopWords =
  'le la les l un une des de du d et ou en dans par pour sur au aux a est sont etait etaient ete combien quel quelle quels quelles qui que qu ce cet cette ces il ils elle elles y on nous vous je j me m mon ma mes notre nos votre vos leur leurs avec sans ne n pas se sa son ses donne donner moi nombre total chaque entre'.split(
    ' ',
  );

/** Stop words of both languages, normalised (no accents). */
export const stopWords: ReadonlySet<string> = new Set([...englishStopWords, ...frenchStopWords]);

/**
 * A light English/French stemmer, enough to match a question's words with metric names and labels:
 * plural s, -ation, -ition, -ing, -ed, final e and a doubled final consonant go ("cancelled", "cancellations"
 * and "cancel" all give "cancel"; "specialties" gives "specialty"). Numbers are left alone.
 */
export function stemWord(word: string): string {
  if (/^\d/.test(word) || word.length <= 3) return word;
  let stem = word;
  if (stem.endsWith('s') && !stem.endsWith('ss') && !stem.endsWith('us')) stem = stem.slice(0, -1);
  if (stem.endsWith('ie') && stem.length > 4) stem = `${stem.slice(0, -2)}y`;
  for (const suffix of ['ation', 'ition', 'ing', 'ed']) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 4) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  while (stem.endsWith('e') && stem.length > 4) stem = stem.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && stem.length > 4) stem = stem.slice(0, -1);
  return stem;
}

/**
 * Splits a text into tokens: accents removed (« Délai » and "delai" match), punctuation as spaces,
 * so "no-show" is two tokens and "Île-de-France" three, the same on both sides of every comparison.
 */
export function tokenizeQuestion(text: string): QuestionToken[] {
  const plain = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
  if (plain === '') return [];
  return plain.split(' ').map((original, index) => {
    const word = original.toLowerCase();
    return { index, original, word, stem: stemWord(word), stop: stopWords.has(word) };
  });
}

/** The stems of a phrase's meaningful words: how a name, label or synonym is matched. */
export function phraseStems(phrase: string): string[] {
  return tokenizeQuestion(phrase.replace(/_/g, ' '))
    .filter((token) => !token.stop)
    .map((token) => token.stem);
}
