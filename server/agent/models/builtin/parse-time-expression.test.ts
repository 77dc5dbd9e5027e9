import { describe, expect, it } from 'vitest';
import { parseTimeExpression } from './parse-time-expression.js';

// A Tuesday: this ISO week runs from Monday 2026-11-30 to Sunday 2026-12-06.
const december = new Date('2026-12-01T10:00:00Z');
// A Monday early in January: last month, last quarter and last week all fall in the previous year.
const january = new Date('2027-01-04T08:00:00Z');
// March of a leap year.
const march = new Date('2028-03-10T12:00:00Z');

function range(text: string, now = december) {
  return parseTimeExpression(text, now).range;
}

describe('parseTimeExpression: periods named from today', () => {
  it.each([
    ['last month', '2026-11-01', '2026-12-01', 'last month (November 2026)'],
    ['le mois dernier', '2026-11-01', '2026-12-01', 'last month (November 2026)'],
    ['mois dernier', '2026-11-01', '2026-12-01', 'last month (November 2026)'],
    ['this month', '2026-12-01', '2027-01-01', 'this month (December 2026)'],
    ['ce mois-ci', '2026-12-01', '2027-01-01', 'this month (December 2026)'],
    ['last year', '2025-01-01', '2026-01-01', 'last year (2025)'],
    ["l'année dernière", '2025-01-01', '2026-01-01', 'last year (2025)'],
    ["l'annee derniere", '2025-01-01', '2026-01-01', 'last year (2025)'],
    ['l’an dernier', '2025-01-01', '2026-01-01', 'last year (2025)'],
    ['this year', '2026-01-01', '2027-01-01', 'this year (2026)'],
    ['cette année', '2026-01-01', '2027-01-01', 'this year (2026)'],
    ['year to date', '2026-01-01', '2026-12-02', 'year to date (2026-01-01 to 2026-12-01)'],
    ['ytd', '2026-01-01', '2026-12-02', 'year to date (2026-01-01 to 2026-12-01)'],
    ["depuis le début de l'année", '2026-01-01', '2026-12-02', 'year to date (2026-01-01 to 2026-12-01)'],
    ['last quarter', '2026-07-01', '2026-10-01', 'last quarter (Q3 2026)'],
    ['le trimestre dernier', '2026-07-01', '2026-10-01', 'last quarter (Q3 2026)'],
    ['this quarter', '2026-10-01', '2027-01-01', 'this quarter (Q4 2026)'],
    ['last week', '2026-11-23', '2026-11-30', 'last week (2026-11-23 to 2026-11-29)'],
    ['la semaine dernière', '2026-11-23', '2026-11-30', 'last week (2026-11-23 to 2026-11-29)'],
    ['this week', '2026-11-30', '2026-12-07', 'this week (2026-11-30 to 2026-12-06)'],
    ['cette semaine', '2026-11-30', '2026-12-07', 'this week (2026-11-30 to 2026-12-06)'],
    ['yesterday', '2026-11-30', '2026-12-01', 'yesterday (2026-11-30)'],
    ['hier', '2026-11-30', '2026-12-01', 'yesterday (2026-11-30)'],
    ['avant-hier', '2026-11-29', '2026-11-30', 'the day before yesterday (2026-11-29)'],
    ['today', '2026-12-01', '2026-12-02', 'today (2026-12-01)'],
    ["aujourd'hui", '2026-12-01', '2026-12-02', 'today (2026-12-01)'],
  ])('reads "%s"', (text, start, end, label) => {
    expect(parseTimeExpression(text, december)).toEqual({ range: { start, end, label }, matched: [text] });
  });

  it('wraps into the previous year in early January', () => {
    expect(range('last month', january)).toMatchObject({ start: '2026-12-01', end: '2027-01-01' });
    expect(range('last quarter', january)).toMatchObject({ start: '2026-10-01', end: '2027-01-01' });
    expect(range('last week', january)).toMatchObject({ start: '2026-12-28', end: '2027-01-04' });
    expect(range('this week', january)).toMatchObject({ start: '2027-01-04', end: '2027-01-11' });
    expect(range('yesterday', january)).toMatchObject({ start: '2027-01-03', end: '2027-01-04' });
    expect(range('last year', january)?.label).toBe('last year (2026)');
  });

  it('reads the last quarter from the first quarter as the fourth quarter of the year before', () => {
    expect(range('last quarter', march)).toEqual({
      start: '2027-10-01',
      end: '2028-01-01',
      label: 'last quarter (Q4 2027)',
    });
  });

  it('ends last month on the leap day in March of a leap year', () => {
    expect(range('last month', march)).toEqual({
      start: '2028-02-01',
      end: '2028-03-01',
      label: 'last month (February 2028)',
    });
  });

  it('uses the UTC calendar date of now, whatever its offset', () => {
    expect(range('today', new Date('2026-12-01T23:30:00-05:00'))?.start).toBe('2026-12-02');
    expect(range('today', new Date('2026-12-01T00:30:00+05:00'))?.start).toBe('2026-11-30');
  });

  it('refuses an invalid clock rather than inventing a date', () => {
    expect(() => parseTimeExpression('last month', new Date('not a date'))).toThrow(RangeError);
  });
});

describe('parseTimeExpression: named years, quarters, months and days', () => {
  it.each([
    ['in 2024', '2024-01-01', '2025-01-01', 'in 2024'],
    ['en 2024', '2024-01-01', '2025-01-01', 'in 2024'],
    ['during 2024', '2024-01-01', '2025-01-01', 'in 2024'],
    ['for 2024', '2024-01-01', '2025-01-01', 'in 2024'],
    ['q3 2025', '2025-07-01', '2025-10-01', 'in Q3 2025'],
    ['3rd quarter 2025', '2025-07-01', '2025-10-01', 'in Q3 2025'],
    ['t3 2025', '2025-07-01', '2025-10-01', 'in Q3 2025'],
    ['third quarter of 2025', '2025-07-01', '2025-10-01', 'in Q3 2025'],
    ['3e trimestre 2025', '2025-07-01', '2025-10-01', 'in Q3 2025'],
    ['troisième trimestre 2025', '2025-07-01', '2025-10-01', 'in Q3 2025'],
    ['the last quarter of 2025', '2025-10-01', '2026-01-01', 'in Q4 2025'],
    ['le dernier trimestre de 2025', '2025-10-01', '2026-01-01', 'in Q4 2025'],
    ['in march 2025', '2025-03-01', '2025-04-01', 'in March 2025'],
    ['en mars 2025', '2025-03-01', '2025-04-01', 'in March 2025'],
    ['march 2025', '2025-03-01', '2025-04-01', 'in March 2025'],
    ['in sept. 2025', '2025-09-01', '2025-10-01', 'in September 2025'],
    ['févr 2025', '2025-02-01', '2025-03-01', 'in February 2025'],
    ['fevrier 2025', '2025-02-01', '2025-03-01', 'in February 2025'],
    ['déc 2025', '2025-12-01', '2026-01-01', 'in December 2025'],
    ['janv 2025', '2025-01-01', '2025-02-01', 'in January 2025'],
    ['août 2025', '2025-08-01', '2025-09-01', 'in August 2025'],
    ['2025-06', '2025-06-01', '2025-07-01', 'in June 2025'],
    ['on 2025-03-15', '2025-03-15', '2025-03-16', 'on 2025-03-15'],
    ['le 15 mars 2025', '2025-03-15', '2025-03-16', 'on 2025-03-15'],
    ['au mois d’avril', '2026-04-01', '2026-05-01', 'in April 2026'],
  ])('reads "%s"', (text, start, end, label) => {
    expect(parseTimeExpression(text, december)).toEqual({ range: { start, end, label }, matched: [text] });
  });

  it('reads a bare year only at the end of the question', () => {
    expect(parseTimeExpression('admissions 2024', december)).toMatchObject({
      range: { start: '2024-01-01', end: '2025-01-01' },
      matched: ['2024'],
    });
    expect(range('admissions 2024?')?.start).toBe('2024-01-01');
    expect(range('the 2024 cohort')).toBeUndefined();
    expect(range('born in 1990')).toBeUndefined();
  });

  it('reads "in March" as the latest March begun, and flags the current one', () => {
    expect(parseTimeExpression('in march', december)).toEqual({
      range: { start: '2026-03-01', end: '2026-04-01', label: 'in March 2026' },
      matched: ['in march'],
    });
    expect(parseTimeExpression('in march', march)).toEqual({
      range: { start: '2028-03-01', end: '2028-04-01', label: 'in March 2028' },
      matched: ['in march'],
      ambiguity: expect.stringContaining('March 2027'),
    });
    expect(range('en décembre', january)?.label).toBe('in December 2026');
  });

  it('reads "last March" as the latest March already over', () => {
    expect(range('last march', december)?.label).toBe('last March (March 2026)');
    expect(range('en mars dernier', march)?.label).toBe('last March (March 2027)');
  });

  it('includes the leap day in February of a leap year', () => {
    expect(range('in february', march)).toMatchObject({ start: '2028-02-01', end: '2028-03-01' });
    expect(range('2028-02-29', march)).toMatchObject({ start: '2028-02-29', end: '2028-03-01' });
  });

  it('ignores a day that does not exist', () => {
    expect(range('2025-02-30')).toBeUndefined();
    expect(range('2025-13')).toBeUndefined();
  });

  it('flags a yearless quarter still in progress', () => {
    expect(parseTimeExpression('in q1', march)).toMatchObject({
      range: { start: '2028-01-01', end: '2028-04-01', label: 'in Q1 2028' },
      ambiguity: expect.stringContaining('Q1 2027'),
    });
  });
});

describe('parseTimeExpression: since, before and after', () => {
  it.each([
    ['since march', '2026-03-01', 'since March 2026 (2026-03-01 to 2026-12-01)'],
    ['depuis mars', '2026-03-01', 'since March 2026 (2026-03-01 to 2026-12-01)'],
    ['since 2025-03-15', '2025-03-15', 'since 2025-03-15 (2025-03-15 to 2026-12-01)'],
    ['depuis le 1er mars 2025', '2025-03-01', 'since 2025-03-01 (2025-03-01 to 2026-12-01)'],
    ['since march 2025 until today', '2025-03-01', 'since March 2025 (2025-03-01 to 2026-12-01)'],
    ['from march 2025 to today', '2025-03-01', 'since March 2025 (2025-03-01 to 2026-12-01)'],
    ['since last year', '2025-01-01', 'since last year (2025-01-01 to 2026-12-01)'],
    ['after 2024', '2025-01-01', 'after 2024 (2025-01-01 to 2026-12-01)'],
    ['après 2024', '2025-01-01', 'after 2024 (2025-01-01 to 2026-12-01)'],
  ])('reads "%s" as running through today', (text, start, label) => {
    expect(parseTimeExpression(text, december)).toEqual({
      range: { start, end: '2026-12-02', label },
      matched: [text],
    });
  });

  it('reads "since March" in March as this March', () => {
    expect(range('since march', march)).toMatchObject({ start: '2028-03-01', end: '2028-03-11' });
    expect(range('since march', january)).toMatchObject({ start: '2026-03-01', end: '2027-01-05' });
  });

  it('starts "before" at 1900-01-01 and says so', () => {
    for (const text of ['before 2025', 'avant 2025'])
      expect(range(text)).toEqual({
        start: '1900-01-01',
        end: '2025-01-01',
        label: 'before 2025 (1900-01-01 to 2024-12-31)',
      });
  });

  it('asks rather than return an empty period', () => {
    const parsed = parseTimeExpression('since 2027', december);
    expect(parsed.range).toBeUndefined();
    expect(parsed.matched).toEqual(['since 2027']);
    expect(parsed.ambiguity).toContain('since 2027');
  });
});

describe('parseTimeExpression: rolling windows', () => {
  it.each([
    ['over the last 12 weeks', '2026-09-09', 'in the last 12 weeks (2026-09-09 to 2026-12-01)'],
    ['in the past 3 months', '2026-09-02', 'in the last 3 months (2026-09-02 to 2026-12-01)'],
    ['the last 30 days', '2026-11-02', 'in the last 30 days (2026-11-02 to 2026-12-01)'],
    ['last 30 days', '2026-11-02', 'in the last 30 days (2026-11-02 to 2026-12-01)'],
    ['les 6 derniers mois', '2026-06-02', 'in the last 6 months (2026-06-02 to 2026-12-01)'],
    ['sur les 12 dernières semaines', '2026-09-09', 'in the last 12 weeks (2026-09-09 to 2026-12-01)'],
    ['au cours des douze derniers mois', '2025-12-02', 'in the last 12 months (2025-12-02 to 2026-12-01)'],
    ['dans les sept derniers jours', '2026-11-25', 'in the last 7 days (2026-11-25 to 2026-12-01)'],
    ['over the past two weeks', '2026-11-18', 'in the last 2 weeks (2026-11-18 to 2026-12-01)'],
    ['depuis 3 mois', '2026-09-02', 'in the last 3 months (2026-09-02 to 2026-12-01)'],
    ['in the last year', '2025-12-02', 'in the last year (2025-12-02 to 2026-12-01)'],
    ['past week', '2026-11-25', 'in the last week (2026-11-25 to 2026-12-01)'],
    ['the last 2 quarters', '2026-06-02', 'in the last 2 quarters (2026-06-02 to 2026-12-01)'],
  ])('reads "%s" as ending today', (text, start, label) => {
    expect(parseTimeExpression(text, december)).toEqual({
      range: { start, end: '2026-12-02', label },
      matched: [text],
    });
  });

  it('clamps month arithmetic to the end of a shorter month', () => {
    // end = 2028-03-31; one month earlier has no 31st, so the window starts on the leap day.
    expect(range('the last month', new Date('2028-03-30T00:00:00Z'))?.start).toBe('2028-02-29');
    expect(range('past year', new Date('2028-02-29T00:00:00Z'))).toMatchObject({
      start: '2027-03-01',
      end: '2028-03-01',
    });
  });

  it('reads no window from a zero or a vague plural', () => {
    expect(range('in the last 0 days')).toBeUndefined();
    expect(range('over the past years')).toBeUndefined();
  });
});

describe('parseTimeExpression: explicit ranges', () => {
  it.each([
    ['between january and march 2025', '2025-01-01', '2025-04-01', 'from January to March 2025'],
    ['from january to march 2025', '2025-01-01', '2025-04-01', 'from January to March 2025'],
    ['de janvier à mars 2025', '2025-01-01', '2025-04-01', 'from January to March 2025'],
    ['de janvier a mars 2025', '2025-01-01', '2025-04-01', 'from January to March 2025'],
    ['jan-mar 2025', '2025-01-01', '2025-04-01', 'from January to March 2025'],
    ['from q1 to q3 2025', '2025-01-01', '2025-10-01', 'from Q1 to Q3 2025'],
    ['from 2024-01-01 to 2024-06-30', '2024-01-01', '2024-07-01', 'from 2024-01-01 to 2024-06-30'],
    ['du 2024-01-01 au 2024-06-30', '2024-01-01', '2024-07-01', 'from 2024-01-01 to 2024-06-30'],
    ['from 2023 to 2025', '2023-01-01', '2026-01-01', 'from 2023 to 2025'],
    ['entre 2023 et 2025', '2023-01-01', '2026-01-01', 'from 2023 to 2025'],
    ['2023-2025', '2023-01-01', '2026-01-01', 'from 2023 to 2025'],
    [
      'from november 2024 to february 2025',
      '2024-11-01',
      '2025-03-01',
      'from November 2024 to February 2025',
    ],
  ])('reads "%s"', (text, start, end, label) => {
    expect(parseTimeExpression(text, december)).toEqual({ range: { start, end, label }, matched: [text] });
  });

  it('gives a yearless start the year before its end when the months wrap', () => {
    expect(range('from november to february 2025')).toMatchObject({ start: '2024-11-01', end: '2025-03-01' });
    expect(range('from november to february', december)).toMatchObject({
      start: '2025-11-01',
      end: '2026-03-01',
    });
  });

  it('includes the leap day when an explicit end date is the 29th of February', () => {
    expect(range('from 2024-02-01 to 2024-02-29')).toMatchObject({ end: '2024-03-01' });
  });

  it('asks about a range that ends before it starts', () => {
    const parsed = parseTimeExpression('from 2024-06-30 to 2024-01-01', december);
    expect(parsed.range).toBeUndefined();
    expect(parsed.ambiguity).toMatch(/ask which dates/);
  });
});

describe('parseTimeExpression: grains', () => {
  it.each([
    ['by month', 'month'],
    ['per month', 'month'],
    ['monthly', 'month'],
    ['each month', 'month'],
    ['month by month', 'month'],
    ['par mois', 'month'],
    ['mensuel', 'month'],
    ['by week', 'week'],
    ['weekly', 'week'],
    ['par semaine', 'week'],
    ['by day', 'day'],
    ['daily', 'day'],
    ['par jour', 'day'],
    ['by quarter', 'quarter'],
    ['quarterly', 'quarter'],
    ['par trimestre', 'quarter'],
    ['by year', 'year'],
    ['yearly', 'year'],
    ['annual', 'year'],
    ['par an', 'year'],
    ['par année', 'year'],
    ['over time', 'month'],
    ['trend', 'month'],
    ['trend over time', 'month'],
    ['évolution', 'month'],
    ['evolution', 'month'],
  ])('reads "%s" as %s', (text, grain) => {
    expect(parseTimeExpression(text, december)).toEqual({ grain, matched: [text] });
  });

  it('prefers an explicit grain to a trend, and consumes both', () => {
    expect(parseTimeExpression('trend by week', december)).toEqual({
      grain: 'week',
      matched: ['by week', 'trend'],
    });
  });

  it('does not read clinical terms as groupings', () => {
    expect(parseTimeExpression('annual wellness visits', december).grain).toBeUndefined();
    expect(parseTimeExpression('patients on a daily dose', december).grain).toBeUndefined();
    expect(parseTimeExpression('activities of daily living by quarter', december).grain).toBe('quarter');
  });

  it('reads a period and a grain together', () => {
    expect(parseTimeExpression('encounters per week over the last 3 months', december)).toEqual({
      range: {
        start: '2026-09-02',
        end: '2026-12-02',
        label: 'in the last 3 months (2026-09-02 to 2026-12-01)',
      },
      grain: 'week',
      matched: ['over the last 3 months', 'per week'],
    });
  });
});

describe('parseTimeExpression: words that are not time', () => {
  it.each([
    '12 patients',
    'top 5 conditions',
    'patients aged 65',
    'top 10 drugs for patients over 65',
    'patients who may have diabetes',
    'patients with t3 levels above 2',
    'readmitted within 30 days',
    'length of stay over 3 days',
    'count of patients with 2 visits',
  ])('reads nothing in "%s"', (text) => {
    expect(parseTimeExpression(text, december)).toEqual({ matched: [] });
  });
});

describe('parseTimeExpression: matched words', () => {
  it('returns substrings of the input as given, accents and curly apostrophes included', () => {
    const text = 'admissions de l’année dernière par trimestre';
    const parsed = parseTimeExpression(text, december);
    expect(parsed.matched).toEqual(['de l’année dernière', 'par trimestre']);
    expect(parsed.matched.reduce((rest, words) => rest.replace(words, ''), text).trim()).toBe('admissions');
  });

  it('maps back through decomposed accents', () => {
    const text = 'fe\u0301vrier 2025 par mois';
    expect(parseTimeExpression(text, december)).toMatchObject({
      range: { start: '2025-02-01' },
      matched: ['fe\u0301vrier 2025', 'par mois'],
    });
  });

  it('consumes the preposition that belongs to the period', () => {
    expect(parseTimeExpression('patients seen in the last 30 days', december).matched).toEqual([
      'in the last 30 days',
    ]);
    expect(parseTimeExpression('visits during 2024', december).matched).toEqual(['during 2024']);
  });

  it('uses the first period and flags a second one', () => {
    const parsed = parseTimeExpression('last month vs this month', december);
    expect(parsed.range?.label).toBe('last month (November 2026)');
    expect(parsed.matched).toEqual(['last month']);
    expect(parsed.ambiguity).toContain('this month (December 2026)');
  });
});
