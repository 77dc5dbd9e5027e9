/** One meaning of a written number: its magnitude and how many decimals it shows. */
export interface NumberReading {
  value: number;
  decimals: number;
}

const separators = /[ \u00A0\u202F]/g;
const commaGrouped = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const spaceGrouped = /^\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d+)?$/;
const dotGroupedCommaDecimal = /^\d{1,3}(?:\.\d{3})+,\d+$/;

function decimalsAfter(text: string, mark: string): number {
  const index = text.lastIndexOf(mark);
  return index < 0 ? 0 : text.length - index - 1;
}

/**
 * Every reading of a written number without sign or suffix. `12,345` is twelve thousand in English
 * and twelve point three in French and nothing around it says which, so it has two readings;
 * `3,14`, `12 345,6` and `1,234.5` have one. Returns no reading for text that is not a number.
 */
export function readNumberText(text: string): NumberReading[] {
  if (commaGrouped.test(text)) {
    const english = { value: Number(text.replaceAll(',', '')), decimals: decimalsAfter(text, '.') };
    const ambiguous = !text.includes('.') && text.indexOf(',') === text.lastIndexOf(',');
    return ambiguous ? [english, { value: Number(text.replace(',', '.')), decimals: 3 }] : [english];
  }
  if (spaceGrouped.test(text)) {
    const plain = text.replace(separators, '').replace(',', '.');
    return [{ value: Number(plain), decimals: decimalsAfter(plain, '.') }];
  }
  if (dotGroupedCommaDecimal.test(text)) {
    return [
      { value: Number(text.replaceAll('.', '').replace(',', '.')), decimals: decimalsAfter(text, ',') },
    ];
  }
  if (/^\d+(?:[.,]\d+)?$/.test(text)) {
    // A comma here is a French decimal: three digits after it with a short integer part were read
    // as English grouping above.
    const plain = text.replace(',', '.');
    return [{ value: Number(plain), decimals: decimalsAfter(plain, '.') }];
  }
  return [];
}
