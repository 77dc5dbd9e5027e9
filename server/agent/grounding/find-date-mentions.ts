import { type DateSpan, daySpan, monthSpan, quarterSpan } from './date-span.js';

export type DateGranularity = 'day' | 'month' | 'quarter' | 'year';

/** A date or period written in text, with the days it may mean (two for `03/11/2026`). */
export interface DateMention {
  text: string;
  start: number;
  end: number;
  granularity: DateGranularity;
  spans: DateSpan[];
}

// English and French names and abbreviations, month by month: answers follow the question's language.
const monthNames = [
  'january jan janvier janv',
  'february feb février fevrier févr fevr',
  'march mar mars',
  'april apr avril avr',
  'may mai',
  'june jun juin',
  'july jul juillet juil',
  'august aug août aout',
  'september sep sept septembre',
  'october oct octobre',
  'november nov novembre',
  'december dec décembre decembre déc',
];
const monthNumbers: ReadonlyMap<string, number> = new Map(
  monthNames.flatMap((names, index) => names.split(' ').map((name) => [name, index + 1] as const)),
);
// Longest first, so `mars` is tried before `mar`.
const month = [...monthNumbers.keys()].sort((first, second) => second.length - first.length).join('|');
const before = '(?<![\\p{L}\\p{N}])';
const after = '(?![\\p{N}])';

type Reader = (groups: string[]) => { granularity: DateGranularity; spans: (DateSpan | undefined)[] };

const number = (text: string | undefined) => Number(text);
const monthOf = (name: string | undefined) => monthNumbers.get((name ?? '').toLowerCase()) ?? 0;

const patterns: { pattern: RegExp; read: Reader }[] = [
  {
    // 2026-11-03, with an optional time of day that belongs to the date rather than being numbers.
    pattern: new RegExp(
      `${before}(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?${after}`,
      'gu',
    ),
    read: ([year, monthText, day]) => ({
      granularity: 'day',
      spans: [daySpan({ year: number(year), month: number(monthText), day: number(day) })],
    }),
  },
  {
    // 3 November 2026, 3rd of November, 2026, 1er novembre 2026
    pattern: new RegExp(
      `${before}(\\d{1,2})(?:st|nd|rd|th|er)?\\s+(?:of\\s+)?(${month})\\.?,?\\s+(\\d{4})${after}`,
      'giu',
    ),
    read: ([day, name, year]) => ({
      granularity: 'day',
      spans: [daySpan({ year: number(year), month: monthOf(name), day: number(day) })],
    }),
  },
  {
    // Nov 3, 2026; November 3rd 2026
    pattern: new RegExp(`${before}(${month})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${after}`, 'giu'),
    read: ([name, day, year]) => ({
      granularity: 'day',
      spans: [daySpan({ year: number(year), month: monthOf(name), day: number(day) })],
    }),
  },
  {
    // November 2026, Nov. 2026, novembre 2026
    pattern: new RegExp(`${before}(${month})\\.?,?\\s+(?:of\\s+)?(\\d{4})${after}`, 'giu'),
    read: ([name, year]) => ({
      granularity: 'month',
      spans: [monthSpan({ year: number(year), month: monthOf(name) })],
    }),
  },
  {
    // Q3 2025, Q3-2025; T3 2025 is the French trimestre.
    pattern: new RegExp(`${before}[QT]([1-4])\\s*[-/]?\\s*(\\d{4})${after}`, 'giu'),
    read: ([quarter, year]) => ({
      granularity: 'quarter',
      spans: [quarterSpan({ year: number(year), quarter: number(quarter) })],
    }),
  },
  {
    // 2025 Q3, 2025-Q3
    pattern: new RegExp(`${before}(\\d{4})\\s*[-/]?\\s*[QT]([1-4])(?![\\p{L}\\p{N}])`, 'giu'),
    read: ([year, quarter]) => ({
      granularity: 'quarter',
      spans: [quarterSpan({ year: number(year), quarter: number(quarter) })],
    }),
  },
  {
    // 2026-11, but not the year range 2024-2025.
    pattern: new RegExp(`${before}(\\d{4})-(\\d{2})(?![\\p{N}]|-\\d)`, 'gu'),
    read: ([year, monthText]) => ({
      granularity: 'month',
      spans: [monthSpan({ year: number(year), month: number(monthText) })],
    }),
  },
  {
    // 03/11/2026 is 3 November in France and March 11 in the United States: either reading counts.
    pattern: new RegExp(`${before}(?<!/)(\\d{1,2})/(\\d{1,2})/(\\d{4})${after}`, 'gu'),
    read: ([first, second, year]) => ({
      granularity: 'day',
      spans: [
        daySpan({ year: number(year), month: number(second), day: number(first) }),
        daySpan({ year: number(year), month: number(first), day: number(second) }),
      ],
    }),
  },
];

/**
 * Finds the dates and periods written in text: ISO days and months, day-month-year and
 * month-day-year in English and French, month-year, quarters and slash dates. Bare years are left
 * to the number reader, which tells a year from a count. Where two readings overlap the longer,
 * earlier one wins ("3 November 2026" is one day, not a day and a month).
 */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { pattern, read } of patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const { granularity, spans } = read(match.slice(1));
      const valid = spans.filter((span): span is DateSpan => span !== undefined);
      if (valid.length === 0) continue;
      found.push({
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
        granularity,
        spans: valid,
      });
    }
  }
  found.sort((first, second) => first.start - second.start || second.end - first.end);
  const kept: DateMention[] = [];
  for (const mention of found) {
    const previous = kept.at(-1);
    if (previous && mention.start < previous.end) continue;
    kept.push(mention);
  }
  return kept;
}
