const digitRun = /\d+(?:[.,]\d+)*/g;
const spaceGrouped = /\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:,\d+)?/g;
const hasSpaceGrouping = /\d[ \u00A0\u202F]\d{3}/;
const dotGroupedCommaDecimal = /^\d{1,3}(?:\.\d{3})+,\d+$/;

/**
 * Every number a tool's text may mean, generously: `12,345` gives both 12345 and 12.345, and
 * `1 234,5` gives 1234.5. Reading a number too many ways here only accepts more; the answer's own
 * numbers are read strictly by `findNumberMentions`.
 */
export function scanNumbersInText(text: string, add: (value: number) => void): void {
  digitRun.lastIndex = 0;
  for (let match = digitRun.exec(text); match !== null; match = digitRun.exec(text)) {
    const written = match[0];
    const commas = written.split(',').length - 1;
    const dots = written.split('.').length - 1;
    if (dots <= 1) add(Number(written.replaceAll(',', '')));
    if (commas === 1 && dots === 0) add(Number(written.replace(',', '.')));
    if (dotGroupedCommaDecimal.test(written)) add(Number(written.replaceAll('.', '').replace(',', '.')));
    // `2026.11.03` or `1.2.3`: each part on its own.
    if (dots > 1 || commas > 1) for (const part of written.split(/[.,]/)) add(Number(part));
  }
  if (!hasSpaceGrouping.test(text)) return;
  spaceGrouped.lastIndex = 0;
  for (let match = spaceGrouped.exec(text); match !== null; match = spaceGrouped.exec(text)) {
    add(Number(match[0].replace(/[ \u00A0\u202F]/g, '').replace(',', '.')));
  }
}
