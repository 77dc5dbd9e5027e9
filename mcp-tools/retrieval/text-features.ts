import { searchText } from '../warehouse/schema/search-text.js';

/** Words too common to say anything about a document, in English and French. */
const stopWords = new Set(
  (
    'a an and are as at be by for from has have how in is it its of on or that the this to was were what when where which who why will with ' +
    'au aux avec ce ces dans de des du en est et il la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous'
  ).split(' '),
);

/** Lower-case, accent-free words of a text, without stop words (`Délai moyen` → `delai`, `moyen`). */
export function wordsOf(text: string): string[] {
  return searchText(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !stopWords.has(word));
}

/**
 * The features a text is embedded by: its words, its word pairs (`no show`), and the character
 * 3- to 5-grams of each word with boundary marks (`<dia`, `iab`, `tes>`), so a misspelt or inflected
 * word still shares most features with the right one.
 */
export function textFeatures(text: string): Map<string, { count: number; weight: number }> {
  const counts = new Map<string, { count: number; weight: number }>();
  const add = (feature: string, weight = 1) => {
    const entry = counts.get(feature);
    if (entry) entry.count++;
    else counts.set(feature, { count: 1, weight });
  };
  const words = wordsOf(text);
  words.forEach((word, index) => {
    add(`w:${word}`);
    const next = words[index + 1];
    if (next) add(`b:${word} ${next}`);
    const marked = `<${word}>`;
    const grams: string[] = [];
    for (let size = 3; size <= 5; size++)
      for (let start = 0; start + size <= marked.length; start++)
        grams.push(marked.slice(start, start + size));
    // A word's n-grams together weigh three times the word, whatever its length: enough to match a
    // typo or an inflection, without long words drowning the rest of the text (measured on the
    // retrieval evaluation set: 0.5 per n-gram, 1 or 6 per word all ranked worse).
    for (const gram of grams) add(`c:${gram}`, 3 / grams.length);
  });
  return counts;
}
