// Small numbers people spell out in a question ("top ten", "les cinq premières"), English and French.
const numberWords: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
  ['fifty', 50],
  ['hundred', 100],
  ['dozen', 12],
  ['zéro', 0],
  ['un', 1],
  ['une', 1],
  ['deux', 2],
  ['trois', 3],
  ['quatre', 4],
  ['cinq', 5],
  ['sept', 7],
  ['huit', 8],
  ['neuf', 9],
  ['dix', 10],
  ['onze', 11],
  ['douze', 12],
  ['quinze', 15],
  ['vingt', 20],
  ['cinquante', 50],
  ['cent', 100],
  ['douzaine', 12],
]);
const word = /\p{L}+/gu;

/** The small numbers a question spells out: "top ten" lets the answer write 10. */
export function scanNumberWords(text: string, add: (value: number) => void): void {
  for (const [written] of text.toLowerCase().matchAll(word)) {
    const value = numberWords.get(written);
    if (value !== undefined) add(value);
  }
}
