import { type NumberReading, readNumberText } from './read-number-text.js';

/** How closely a number is claimed: "about 12,000" and "more than 100" are rounder than "12,345". */
export type NumberQualifier = 'exact' | 'approximate' | 'bound';

/** A number written in the answer's prose. */
export interface NumberMention {
  /** As written, with its sign and its percent or scale suffix: `−3.2 %`, `1.2 million`. */
  text: string;
  start: number;
  end: number;
  /** Magnitudes before scaling; two for an ambiguous `12,345`. */
  readings: readonly NumberReading[];
  percentage: boolean;
  /** 1, or 1e3, 1e6, 1e9 for `12k`, `1.2 million`. */
  scale: number;
  qualifier: NumberQualifier;
  /** A plain four-digit whole number from 1900 to 2100: a year, or perhaps a count. */
  year: boolean;
}

export interface TextRange {
  start: number;
  end: number;
}

// Grouped forms come first so `12,345` is one number, not `12` and `345`; `(?!\d)` makes a
// grouping that leaves digits behind (`3,1415`) fall through to the next form.
const numberToken =
  /(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3})+,\d+|\d+(?:[.,]\d+)?)(?!\d)/g;
const percentSuffix =
  /^(?:[ \u00A0\u202F]?%|\s+(?:percent|per\s+cent|pour\s?cent|percentage\s+points?|points?\s+de\s+pourcentage|pp|p\.p\.)(?![\p{L}\p{N}]))/iu;
const scaleLetterSuffix = /^(k|K|M|bn)(?![\p{L}\p{N}])/u;
const scaleWordSuffix = /^\s+(thousands?|millions?|billions?|milliers|milliards?)(?![\p{L}])/iu;
const ordinalSuffix = /^(?:st|nd|rd|th|er|re|e|ème|eme|è)(?![\p{L}\p{N}])/iu;
const timesSuffix = /^[x×](?![\p{L}\p{N}])/u;
const approximateBefore =
  /(?:(?<![\p{L}])(?:about|around|approximately|approx\.?|roughly|nearly|almost|circa|some|environ|presque|quelque|autour\s+de|près\s+de|pres\s+de)|[~≈∼])\s*$/iu;
const boundBefore =
  /(?:(?<![\p{L}])(?:more\s+than|over|above|at\s+least|fewer\s+than|less\s+than|under|below|up\s+to|at\s+most|exceeding|plus\s+de|moins\s+de|au\s+moins|au\s+plus|jusqu['’]à)|[<>≤≥]=?)\s*$/iu;
const letter = /\p{L}/u;
const digit = /\d/;

function scaleOf(word: string): number {
  const lower = word.toLowerCase();
  if (lower === 'k' || lower.startsWith('thousand') || lower === 'milliers') return 1e3;
  if (lower === 'm' || lower.startsWith('million')) return 1e6;
  return 1e9;
}

function isInside(position: number, ranges: readonly TextRange[]): boolean {
  return ranges.some((range) => position >= range.start && position < range.end);
}

/**
 * Whether the characters around a number make it part of something else: an identifier
 * (`icd10`, `ICD-10`, `practice_1`), a time (`10:30`), a version or address (`1.2.3`), a footnote
 * (`^1`). Those are not claims.
 */
function isPartOfSomethingElse(text: string, start: number, end: number): boolean {
  const previous = text[start - 1] ?? '';
  const beforePrevious = text[start - 2] ?? '';
  const next = text[end] ?? '';
  const afterNext = text[end + 1] ?? '';
  if (letter.test(previous) || digit.test(previous) || previous === '^') return true;
  if (previous === '_' && /[\p{L}\p{N}]/u.test(beforePrevious)) return true;
  if ((previous === '-' || previous === '.') && letter.test(beforePrevious)) return true;
  if ((previous === '.' || previous === ',' || previous === ':') && digit.test(beforePrevious)) return true;
  if ((next === '.' || next === ',' || next === ':') && digit.test(afterNext)) return true;
  if (next === '_' && /[\p{L}\p{N}]/u.test(afterNext)) return true;
  return false;
}

/**
 * Finds the numbers and percentages of prose (quoted material already blanked, see
 * `readAnswerProse`). Skips numbers inside `skip` (dates and concept ids, checked as such), numbers
 * glued to letters, ordinals (`3rd`, `2e`) and times. A number inside `percentCells` (a table
 * column headed "%") is a percentage even without a percent sign.
 */
export function findNumberMentions(
  text: string,
  { skip, percentCells }: { skip: readonly TextRange[]; percentCells: readonly TextRange[] },
): NumberMention[] {
  const mentions: NumberMention[] = [];
  numberToken.lastIndex = 0;
  for (let match = numberToken.exec(text); match !== null; match = numberToken.exec(text)) {
    const body = match[0];
    const start = match.index;
    let end = start + body.length;
    if (isInside(start, skip) || isPartOfSomethingElse(text, start, end)) continue;
    const following = text.slice(end, end + 32);
    if (ordinalSuffix.test(following)) continue;

    let scale = 1;
    let percentage = false;
    const percent = percentSuffix.exec(following);
    const scaleLetter = scaleLetterSuffix.exec(following);
    const scaleWord = scaleWordSuffix.exec(following);
    if (percent) {
      percentage = true;
      end += percent[0].length;
    } else if (scaleLetter?.[1]) {
      scale = scaleOf(scaleLetter[1]);
      end += scaleLetter[0].length;
    } else if (scaleWord?.[1]) {
      scale = scaleOf(scaleWord[1]);
      end += scaleWord[0].length;
    } else if (timesSuffix.test(following)) {
      end += 1;
    } else if (letter.test(following[0] ?? '')) {
      // A unit or identifier glued to the number (`12ms`, `3D`): not a claim Hale can check.
      continue;
    }
    if (isInside(start, percentCells)) percentage = true;

    // A minus sign counts when it stands before the number, not inside a range (2024-2025).
    let textStart = start;
    const sign = text[start - 1];
    if (
      (sign === '-' || sign === '−' || sign === '+') &&
      (start < 2 || /[\s([|:=]/.test(text[start - 2] ?? ''))
    ) {
      textStart = start - 1;
    }
    const readings = readNumberText(body);
    if (readings.length === 0) continue;
    const context = text.slice(Math.max(0, textStart - 24), textStart);
    const qualifier: NumberQualifier = approximateBefore.test(context)
      ? 'approximate'
      : boundBefore.test(context)
        ? 'bound'
        : 'exact';
    const first = readings[0]?.value ?? 0;
    mentions.push({
      text: text.slice(textStart, end).replace(/\s+/g, ' '),
      start: textStart,
      end,
      readings,
      percentage,
      scale,
      qualifier,
      year:
        /^\d{4}$/.test(body) &&
        first >= 1900 &&
        first <= 2100 &&
        !percentage &&
        scale === 1 &&
        textStart === start,
    });
  }
  return mentions;
}
