import { foldCharacters } from '../warehouse/schema/search-text.js';

/**
 * The marks `ts_headline` is asked to put around matched words: control characters no document
 * contains, so the document's own markdown (`**Definition.**`) is never mistaken for a match.
 */
export const matchStart = '\u0002';
export const matchEnd = '\u0003';

/**
 * A snippet made on the folded text (accents removed, lower case, so « délai » is highlighted for
 * "delai") given back in the document's own spelling, matches in `**bold**`: each fragment is found
 * in the folded content at the same position as in the original, and the marks are put back around
 * the original words. A fragment that cannot be found is returned folded rather than lost.
 */
export function restoreSnippet(foldedSnippet: string, content: string, delimiter = ' … '): string {
  const folded = foldCharacters(content);
  const marks = new RegExp(`[${matchStart}${matchEnd}]`, 'g');
  return foldedSnippet
    .split(delimiter)
    .map((fragment) => {
      const plain = fragment.replace(marks, '');
      const position = plain === '' ? -1 : folded.indexOf(plain);
      let restored = '';
      let offset = 0;
      // By UTF-16 unit, as indexOf counts: folding keeps every unit in place.
      for (let index = 0; index < fragment.length; index++) {
        const character = fragment[index] ?? '';
        if (character === matchStart || character === matchEnd) {
          restored += '**';
          continue;
        }
        restored += position >= 0 ? (content[position + offset] ?? character) : character;
        offset++;
      }
      return restored;
    })
    .join(delimiter);
}
