import { describe, expect, it } from 'vitest';
import { readAnswerProse } from './answer-prose.js';
import { findDateMentions } from './find-date-mentions.js';
import { findNumberMentions } from './find-number-mentions.js';

/** The numbers of an answer as the checker reads them, dates set aside as the checker does. */
function numbersIn(answer: string) {
  const prose = readAnswerProse(answer);
  return findNumberMentions(prose.text, {
    skip: findDateMentions(prose.text),
    percentCells: prose.percentCells,
  });
}
const textsIn = (answer: string) => numbersIn(answer).map((mention) => mention.text);

describe('findNumberMentions', () => {
  it('reads grouped, decimal, negative and French numbers whole', () => {
    expect(numbersIn('12,345 and 12 345 and 1,234.5 and 3.14 and −3.2 and -7 and 3,14')).toMatchObject([
      {
        text: '12,345',
        readings: [
          { value: 12_345, decimals: 0 },
          { value: 12.345, decimals: 3 },
        ],
      },
      { text: '12 345', readings: [{ value: 12_345, decimals: 0 }] },
      { text: '1,234.5', readings: [{ value: 1234.5, decimals: 1 }] },
      { text: '3.14', readings: [{ value: 3.14, decimals: 2 }] },
      { text: '−3.2', readings: [{ value: 3.2, decimals: 1 }] },
      { text: '-7', readings: [{ value: 7, decimals: 0 }] },
      { text: '3,14', readings: [{ value: 3.14, decimals: 2 }] },
    ]);
  });

  it('reads narrow and non-breaking spaces as thousands separators', () => {
    expect(numbersIn('5\u202F370 et 12\u00A0345,6')).toMatchObject([
      { readings: [{ value: 5370 }] },
      { readings: [{ value: 12_345.6, decimals: 1 }] },
    ]);
  });

  it('marks percentages written every way', () => {
    const mentions = numbersIn(
      '12.3% 12.3 % 12,3\u202F% 12.3 percent 12 per cent 2.1 percentage points 4 pp',
    );
    expect(mentions.map((mention) => mention.percentage)).toEqual([true, true, true, true, true, true, true]);
  });

  it('reads scales and the roundness words put on a number', () => {
    expect(
      numbersIn('about 12,000 visits, 1.2 million rows, 12k rows, more than 100 patients'),
    ).toMatchObject([
      { text: '12,000', qualifier: 'approximate', scale: 1 },
      { text: '1.2 million', scale: 1e6 },
      { text: '12k', scale: 1e3 },
      { text: '100', qualifier: 'bound' },
    ]);
  });

  it('tells a bare year from other four-digit numbers', () => {
    expect(numbersIn('in 2024, 2,024 visits, 2024% and 1850').map((mention) => mention.year)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('skips identifiers, codes, times, versions, ordinals and glued units', () => {
    expect(
      textsIn('icd10, ICD-10, COVID-19, E11.9, practice_1, 10:30, 1.2.3, 3rd, 2e, 12ms and Q3 alone'),
    ).toEqual([]);
  });

  it('keeps a range apart from a minus sign', () => {
    expect(textsIn('between 2023-2025 and from 5–10')).toEqual(['2023', '2025', '5', '10']);
  });

  it('skips list markers, numbered headings, footnotes, links and code', () => {
    const answer = [
      '# 2. Summary',
      '1. first point',
      '> 3) quoted point',
      'A claim[^4] with a citation [5] and <sup>6</sup> and ^7.',
      'A [link to page 8](https://example.org/page/9) and https://example.org/10.',
      'Inline `11` and:',
      '~~~',
      '12',
      '~~~',
      'and 13.',
    ].join('\n');
    // A link's visible text is prose; its address is not.
    expect(textsIn(answer)).toEqual(['8', '13']);
  });
});

describe('findDateMentions', () => {
  const datesIn = (text: string) =>
    findDateMentions(text).map(({ text: written, granularity, spans }) => ({ written, granularity, spans }));

  it('reads ISO, English, French and quarter dates with the days they cover', () => {
    expect(datesIn('2026-11-03T09:00:00Z, 3 November 2026, Nov 3, 2026, 1er novembre 2026')).toEqual([
      {
        written: '2026-11-03T09:00:00Z',
        granularity: 'day',
        spans: [{ start: '2026-11-03', end: '2026-11-03' }],
      },
      { written: '3 November 2026', granularity: 'day', spans: [{ start: '2026-11-03', end: '2026-11-03' }] },
      { written: 'Nov 3, 2026', granularity: 'day', spans: [{ start: '2026-11-03', end: '2026-11-03' }] },
      {
        written: '1er novembre 2026',
        granularity: 'day',
        spans: [{ start: '2026-11-01', end: '2026-11-01' }],
      },
    ]);
    expect(datesIn('February 2024, 2026-11, Q3 2025, 2025-Q4')).toEqual([
      { written: 'February 2024', granularity: 'month', spans: [{ start: '2024-02-01', end: '2024-02-29' }] },
      { written: '2026-11', granularity: 'month', spans: [{ start: '2026-11-01', end: '2026-11-30' }] },
      { written: 'Q3 2025', granularity: 'quarter', spans: [{ start: '2025-07-01', end: '2025-09-30' }] },
      { written: '2025-Q4', granularity: 'quarter', spans: [{ start: '2025-10-01', end: '2025-12-31' }] },
    ]);
  });

  it('reads a slash date both ways and refuses days that do not exist', () => {
    expect(datesIn('03/11/2026')[0]?.spans).toEqual([
      { start: '2026-11-03', end: '2026-11-03' },
      { start: '2026-03-11', end: '2026-03-11' },
    ]);
    expect(datesIn('2025-02-29 and 31 April 2025').map((date) => date.granularity)).toEqual(['month']);
  });

  it('does not read a year range as a month', () => {
    expect(datesIn('2024-2025')).toEqual([]);
  });
});
