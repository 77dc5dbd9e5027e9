/** Accented letters and what they become, one for one (`translate` maps characters, not strings). */
const accented = 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿŒœÆæ';
const plain = 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyOoAa';
if (accented.length !== plain.length) throw new Error('search-text: the accent maps differ in length');

/**
 * The SQL that makes text searchable: accents removed and lower case, with only immutable
 * built-ins (no `unaccent` extension), so expression indexes can serve it and « diabète » finds
 * "diabete". The indexes on `vocab.concept` and `vocab.concept_synonym` use this exact expression.
 */
export function searchTextSql(column: string): string {
  return `lower(translate(${column}, '${accented}', '${plain}'))`;
}

/** The same normalisation in JavaScript, for the search terms. */
export function searchText(text: string): string {
  let result = '';
  for (const character of text) {
    const index = accented.indexOf(character);
    result += index >= 0 ? plain[index] : character;
  }
  return result.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The SQL normalisation character for character, without collapsing spaces: the result has the
 * same length as the text, so a position found in it is the same position in the original.
 */
export function foldCharacters(text: string): string {
  let result = '';
  for (const character of text) {
    const index = accented.indexOf(character);
    const plainCharacter = index >= 0 ? (plain[index] ?? character) : character;
    const lower = plainCharacter.toLowerCase();
    // A character whose lower case is longer (İ) stays as it is, keeping positions aligned.
    result += lower.length === plainCharacter.length ? lower : plainCharacter;
  }
  return result;
}
