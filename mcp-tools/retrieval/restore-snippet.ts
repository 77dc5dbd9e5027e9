import { foldCharacters } from '../warehouse/schema/search-text.js';

/** The marks `ts_headline` puts around matched words. */
const mark = '**';

/**
 * A snippet made on the folded text (accents removed, lower case, so « délai » is highlighted for
 * "delai") given back in the document's own spelling: each fragment is found in the folded content
 * at the same position as in the original, and the highlight marks are put back around the
 * original words. A fragment that cannot be found is returned folded rather than lost.
 */
export function restoreSnippet(foldedSnippet: string, content: string, delimiter = ' … '): string {
  const folded = foldCharacters(content);
  return foldedSnippet
    .split(delimiter)
    .map((fragment) => {
      const plain = fragment.split(mark).join('');
      const position = folded.indexOf(plain);
      if (position < 0 || plain === '') return fragment;
      const original = content.slice(position, position + plain.length);
      // Walk the fragment, copying original characters and keeping the marks where they were.
      let restored = '';
      let offset = 0;
      for (let index = 0; index < fragment.length; ) {
        if (fragment.startsWith(mark, index)) {
          restored += mark;
          index += mark.length;
          continue;
        }
        restored += original[offset] ?? fragment[index];
        offset++;
        index++;
      }
      return restored;
    })
    .join(delimiter);
}
