// Small numbers people spell out in a question ("top ten", "les cinq premières"), English and French.
const spelledNumbers: readonly [number, string][] = [
  [0, 'zero zéro'],
  [1, 'one un une'],
  [2, 'two deux'],
  [3, 'three trois'],
  [4, 'four quatre'],
  [5, 'five cinq'],
  [6, 'six'],
  [7, 'seven sept'],
  [8, 'eight huit'],
  [9, 'nine neuf'],
  [10, 'ten dix'],
  [11, 'eleven onze'],
  [12, 'twelve douze dozen douzaine'],
  [15, 'fifteen quinze'],
  [20, 'twenty vingt'],
  [50, 'fifty cinquante'],
  [100, 'hundred cent'],
];
const numberWords: ReadonlyMap<string, number> = new Map(
  spelledNumbers.flatMap(([value, words]) => words.split(' ').map((word) => [word, value] as const)),
);
const word = /\p{L}+/gu;

/** The small numbers a question spells out: "top ten" lets the answer write 10. */
export function scanNumberWords(text: string, add: (value: number) => void): void {
  for (const [written] of text.toLowerCase().matchAll(word)) {
    const value = numberWords.get(written);
    if (value !== undefined) add(value);
  }
}
