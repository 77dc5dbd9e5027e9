import type { TimeGranularity } from '../../../../semantic-layer/index.js';

/** A grouping grain; the semantic layer's grains, so a parsed grain can be passed to it unchanged. */
export type TimeGrain = TimeGranularity;

/** A half-open calendar range `[start, end)` and the words an answer uses to say what was measured. */
export interface TimeRange {
  /** Inclusive first day, ISO date YYYY-MM-DD. */
  start: string;
  /** Exclusive end day, ISO date YYYY-MM-DD. */
  end: string;
  /** English words naming the concrete period, e.g. "last month (November 2026)" or "in Q3 2025". */
  label: string;
}

/** What a question says about time: the period measured, the grouping grain, and the words used. */
export interface ParsedTime {
  range?: TimeRange;
  /** A grouping grain asked for ("by month", "weekly", "par trimestre"; "trend" and "over time" → month). */
  grain?: TimeGrain;
  /** The exact substrings of the input that were consumed, for the caller to remove before linking. */
  matched: string[];
  /** Why the caller should confirm the reading with the user; a range, when set, is still the best guess. */
  ambiguity?: string;
}

interface Period {
  start: Date;
  /** Exclusive. */
  end: Date;
}

/** A date named in the text, before a missing year is taken from the clock or from the range's other end. */
interface Anchor {
  unit: Exclude<TimeGrain, 'week'>;
  month: number;
  day: number;
  year?: number;
}

interface Reading {
  range: TimeRange;
  ambiguity?: string;
}

type Groups = (string | undefined)[];

const DAY_MS = 86_400_000;
/** "Before 2025" has no first day, but a query needs one; no clinical record predates it. */
const EARLIEST = utcDay(1900, 1, 1);
const MONTHS_PER_UNIT = { month: 1, quarter: 3, year: 12 } as const;
const MONTH_NAMES =
  'January February March April May June July August September October November December'.split(' ');

// Keys are accent-free: the text is folded before matching, so "février" and "fevrier" both read as "fevrier".
// biome-ignore format: a table reads better than one key a line
const MONTH_NUMBERS: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, janv: 1, february: 2, feb: 2, fevrier: 2, fevr: 2, fev: 2,
  march: 3, mar: 3, mars: 3, april: 4, apr: 4, avril: 4, avr: 4, may: 5, mai: 5,
  june: 6, jun: 6, juin: 6, july: 7, jul: 7, juillet: 7, juil: 7, august: 8, aug: 8, aout: 8,
  september: 9, sept: 9, sep: 9, septembre: 9, october: 10, oct: 10, octobre: 10,
  november: 11, nov: 11, novembre: 11, december: 12, dec: 12, decembre: 12,
};

// biome-ignore format: a table reads better than one key a line
const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, premier: 1, '1er': 1, '1re': 1, '1ere': 1,
  second: 2, '2nd': 2, deuxieme: 2, seconde: 2, '2e': 2, '2eme': 2,
  third: 3, '3rd': 3, troisieme: 3, '3e': 3, '3eme': 3,
  fourth: 4, '4th': 4, quatrieme: 4, '4e': 4, '4eme': 4,
};

// biome-ignore format: a table reads better than one key a line
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, eighteen: 18, twenty: 20, thirty: 30, sixty: 60, ninety: 90, un: 1, une: 1, deux: 2,
  trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15,
  'dix-huit': 18, vingt: 20, trente: 30, soixante: 60, 'quatre-vingt-dix': 90,
};

/** Longest first, so "september" is tried before "sept" and "sep". */
function alternation(words: string[]): string {
  return [...words].sort((left, right) => right.length - left.length).join('|');
}

const MONTH = `(?:${alternation(Object.keys(MONTH_NUMBERS))})\\.?`;
const ORDINAL = alternation(Object.keys(ORDINALS));
const NUMBER = `\\d{1,4}|${alternation(Object.keys(NUMBER_WORDS))}`;
// Only 2000–2099 reads as a year, so "age 65" or "top 1500" never does; "2024-03" is a month, not a year.
const YEAR_DIGITS = '20\\d{2}';
const YEAR = `${YEAR_DIGITS}(?!\\d|-\\d{2}(?!\\d))`;
const ARTICLE = "(?:(?:the|le|la|les)\\s+|l')?";
/** Words before a period that belong to it: "in", "pendant", "au cours des". */
const PREPOSITION = `(?:(?:in|during|for|over|within|of|from|en|pendant|durant|pour|sur|dans|de|du|des|au\\s+cours\\s+(?:de|du|des)|lors\\s+(?:de|du|des))\\s+|d')?`;

function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Calendar months, keeping the day but clamping it: one month before March 31 is February 28 or 29. */
function addMonths(date: Date, months: number): Date {
  const first = utcDay(date.getUTCFullYear(), date.getUTCMonth() + 1 + months, 1);
  const lastDay = utcDay(first.getUTCFullYear(), first.getUTCMonth() + 2, 0).getUTCDate();
  return utcDay(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(date.getUTCDate(), lastDay));
}

/** Moves `date` by `count` units; a week is 7 days, a quarter 3 calendar months. */
function shift(date: Date, unit: TimeGrain, count: number): Date {
  if (unit === 'day' || unit === 'week') return addDays(date, count * (unit === 'week' ? 7 : 1));
  return addMonths(date, count * MONTHS_PER_UNIT[unit]);
}

/** The first day of the unit containing `today`; weeks start on Monday (ISO 8601). */
function startOf(unit: TimeGrain, today: Date): Date {
  if (unit === 'day') return today;
  if (unit === 'week') return addDays(today, -((today.getUTCDay() + 6) % 7));
  const firstOfMonth = utcDay(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
  return addMonths(firstOfMonth, -(today.getUTCMonth() % MONTHS_PER_UNIT[unit]));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Inclusive on both sides, as people read dates: the exclusive end is never shown. */
function span({ start, end }: Period): string {
  return `${isoDate(start)} to ${isoDate(addDays(end, -1))}`;
}

/** The shortest exact name of a period: "2025-03-15", "March 2025", "Q3 2025", "2025", or a span. */
function describePeriod(period: Period): string {
  const { start, end } = period;
  const [year, month] = [start.getUTCFullYear(), start.getUTCMonth()];
  const isWhole = (unit: TimeGrain) =>
    startOf(unit, start).getTime() === start.getTime() && shift(start, unit, 1).getTime() === end.getTime();
  if (isWhole('day')) return isoDate(start);
  if (isWhole('month')) return `${MONTH_NAMES[month]} ${year}`;
  if (isWhole('quarter')) return `Q${month / 3 + 1} ${year}`;
  if (isWhole('year')) return String(year);
  return span(period);
}

function toRange({ start, end }: Period, label: string): TimeRange {
  return { start: isoDate(start), end: isoDate(end), label };
}

function anchor(unit: Anchor['unit'], month: number, day: number, year: string | undefined): Anchor {
  return { unit, month, day, year: year === undefined ? undefined : Number(year) };
}
const monthNumber = (name: string | undefined) => MONTH_NUMBERS[name?.replace('.', '') ?? ''] ?? 0;
const quarterAnchor = (quarter: number | undefined, year?: string) =>
  anchor('quarter', (quarter ?? 0) * 3 - 2, 1, year);

/**
 * The ways a text names one date or period, longest first. In the combined pattern the groups are made
 * non-capturing; the matched words are then read again by the one form that matches them whole.
 */
const ANCHOR_FORMS: { source: string; read: (groups: Groups) => Anchor }[] = [
  {
    source: '(\\d{4})-(\\d{2})-(\\d{2})',
    read: ([year, month, day]) => anchor('day', Number(month), Number(day), year),
  },
  {
    source: `(${YEAR_DIGITS})-(\\d{2})(?!\\d|-\\d)`,
    read: ([year, month]) => anchor('month', Number(month), 1, year),
  },
  {
    source: `(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR}))?`,
    read: ([day, name, year]) => anchor('day', monthNumber(name), Number(day), year),
  },
  {
    source: `(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(${YEAR}))?`,
    read: ([name, day, year]) => anchor('day', monthNumber(name), Number(day), year),
  },
  {
    source: `(${MONTH})(?:\\s+of|,)?\\s+(${YEAR})`,
    read: ([name, year]) => anchor('month', monthNumber(name), 1, year),
  },
  // A French "T3" needs its year: alone it is also a thyroid hormone.
  {
    source: `[qt]([1-4])(?:\\s+of\\s+|\\s*[-/]?\\s*)(${YEAR})`,
    read: ([quarter, year]) => quarterAnchor(Number(quarter), year),
  },
  {
    source: `(${YEAR})\\s*[-/]?\\s*q([1-4])`,
    read: ([year, quarter]) => quarterAnchor(Number(quarter), year),
  },
  // "Last quarter" alone is the one before this; only "last quarter of 2025" is a fourth quarter.
  {
    source: `(${ORDINAL}|last|dernier)\\s+(?:quarter|qtr|trimestre)\\s+(?:of\\s+|de\\s+|d')?(${YEAR})`,
    read: ([ordinal, year]) => quarterAnchor(ORDINALS[ordinal ?? ''] ?? 4, year),
  },
  { source: 'q([1-4])', read: ([quarter]) => quarterAnchor(Number(quarter)) },
  {
    source: `(${ORDINAL})\\s+(?:quarter|qtr|trimestre)`,
    read: ([ordinal]) => quarterAnchor(ORDINALS[ordinal ?? '']),
  },
  { source: `(${YEAR})`, read: ([year]) => anchor('year', 1, 1, year) },
  { source: `(${MONTH})`, read: ([name]) => anchor('month', monthNumber(name), 1, undefined) },
];

const ANCHOR = `(${ANCHOR_FORMS.map(({ source }) => source.replace(/\((?!\?)/g, '(?:')).join('|')})`;
const WHOLE_ANCHOR_FORMS = ANCHOR_FORMS.map(({ source, read }) => ({
  whole: new RegExp(`^(?:${source})$`),
  read,
}));

function parseAnchor(text: string | undefined): Anchor | undefined {
  for (const { whole, read } of WHOLE_ANCHOR_FORMS) {
    const match = whole.exec(text ?? '');
    if (match) return read(match.slice(1));
  }
  return undefined;
}

/** Undefined for a day that does not exist, such as 2025-02-30 or 2025-13. */
function periodOf({ unit, month, day }: Anchor, year: number): Period | undefined {
  const start = utcDay(year, month, day);
  const exists =
    start.getUTCFullYear() === year && start.getUTCMonth() + 1 === month && start.getUTCDate() === day;
  return exists ? { start, end: shift(start, unit, 1) } : undefined;
}

/** A yearless "March" is the most recent March that has begun: this year's, or last year's. */
function mostRecentYear({ month, day }: Anchor, today: Date): number {
  const year = today.getUTCFullYear();
  return utcDay(year, month, day) > today ? year - 1 : year;
}

function anchoredPeriod(text: string | undefined, today: Date): { name: string; period: Period } | undefined {
  const parsed = parseAnchor(text);
  const period = parsed && periodOf(parsed, parsed.year ?? mostRecentYear(parsed, today));
  return period && { name: describePeriod(period), period };
}

/** A yearless end takes the year that follows its start; a yearless start, the one before its end. */
function rangeReading([firstText, secondText]: Groups, today: Date): Reading | undefined {
  const [first, second] = [parseAnchor(firstText), parseAnchor(secondText)];
  if (!first || !second) return undefined;
  const order = ({ month, day }: Anchor) => month * 100 + day;
  const lastYear =
    second.year ??
    (first.year === undefined
      ? mostRecentYear(second, today)
      : first.year + Number(order(second) < order(first)));
  const from = periodOf(first, first.year ?? lastYear - Number(order(first) > order(second)));
  const to = periodOf(second, lastYear);
  if (!from || !to) return undefined;
  const [fromName, toName] = [describePeriod(from), describePeriod(to)];
  // "January 2025 to March 2025" reads better as "January to March 2025".
  const sameYear = /^(\p{L}+|Q[1-4]) (\d{4})$/u.exec(fromName);
  const shortFrom = sameYear && /^(\p{L}+|Q[1-4]) \d{4}$/u.test(toName) && toName.endsWith(sameYear[2] ?? '');
  return {
    range: toRange(
      { start: from.start, end: to.end },
      `from ${shortFrom ? sameYear[1] : fromName} to ${toName}`,
    ),
  };
}

/** Reads "in March 2025", "Q3 2025", "2025-03-15", and "in March" (the latest March begun, flagged if current). */
function anchoredReading([prefix, text]: Groups, today: Date): Reading | undefined {
  const parsed = parseAnchor(text);
  const found = anchoredPeriod(text, today);
  // Without a preposition only a dated period reads as time: "may" is a verb and "2024" may be a count.
  if (!parsed || !found || (prefix === undefined && (parsed.year === undefined || parsed.unit === 'year')))
    return undefined;
  const { name, period } = found;
  const inProgress = parsed.year === undefined && period.start <= today && today < period.end;
  const yearEarlier = inProgress && periodOf(parsed, period.start.getUTCFullYear() - 1);
  return {
    range: toRange(period, `${parsed.unit === 'day' ? 'on' : 'in'} ${name}`),
    ambiguity: yearEarlier
      ? `Without a year this could mean ${name}, still in progress, or ${describePeriod(yearEarlier)}; ${name} was used.`
      : undefined,
  };
}

/** The rolling window ending today: end = tomorrow, start = end minus `count` units. */
function rollingReading([count, unitWord]: Groups, today: Date): Reading | undefined {
  const size = count === undefined ? 1 : (NUMBER_WORDS[count] ?? Number(count));
  // "The past years" and "les derniers jours" mean recently, not one unit.
  const vaguePlural = count === undefined && /s$/.test(unitWord ?? '') && unitWord !== 'mois';
  if (!Number.isInteger(size) || size < 1 || vaguePlural) return undefined;
  const unit = UNIT_WORDS.find(([pattern]) => pattern.test(unitWord ?? ''))?.[1] ?? 'year';
  const end = addDays(today, 1);
  const start = shift(end, unit, -size);
  const period = { start: start < EARLIEST ? EARLIEST : start, end };
  return {
    range: toRange(period, `in the last ${size === 1 ? unit : `${size} ${unit}s`} (${span(period)})`),
  };
}

const UNIT_WORDS: [RegExp, TimeGrain][] = [
  [/^[dj]/, 'day'],
  [/^(?:w|se)/, 'week'],
  [/^mo/, 'month'],
  [/^[qt]/, 'quarter'],
];

function sinceReading(since: { name: string; period: Period } | undefined, today: Date): Reading | undefined {
  const range = since && { start: since.period.start, end: addDays(today, 1) };
  return range && { range: toRange(range, `since ${since.name} (${span(range)})`) };
}

function beforeOrAfterReading([after, text]: Groups, today: Date): Reading | undefined {
  const found = anchoredPeriod(text, today);
  if (!found) return undefined;
  const range = after
    ? { start: found.period.end, end: addDays(today, 1) }
    : { start: EARLIEST, end: found.period.start };
  return { range: toRange(range, `${after ? 'after' : 'before'} ${found.name} (${span(range)})`) };
}

// "Last March" is the latest March already over, so in March itself it is a year ago.
function lastMonthNamedReading([english, french]: Groups, today: Date): Reading {
  const month = monthNumber(english ?? french);
  const year = today.getUTCFullYear() - Number(month >= today.getUTCMonth() + 1);
  const period = { start: utcDay(year, month, 1), end: utcDay(year, month + 1, 1) };
  return { range: toRange(period, `last ${MONTH_NAMES[month - 1]} (${describePeriod(period)})`) };
}

/** French nouns for the calendar units; the adjectives below accept either gender. */
const FRENCH_UNITS: [TimeGrain, string][] = [
  ['week', 'semaine'],
  ['month', 'mois'],
  ['quarter', 'trimestre'],
  ['year', '(?:an|annee)'],
];
const FRENCH_THE = "(?:(?:le|la)\\s+|l')?";

/** Periods named from today, `back` whole units before the current one. "This month" is all of it. */
const RELATIVE_PERIODS: { name: string; unit: TimeGrain; back: number; toDate?: boolean; source: string }[] =
  [
    {
      name: 'the day before yesterday',
      unit: 'day',
      back: 2,
      source: 'avant[-\\s]hier|the\\s+day\\s+before\\s+yesterday',
    },
    { name: 'yesterday', unit: 'day', back: 1, source: 'yesterday|hier' },
    { name: 'today', unit: 'day', back: 0, source: "today|aujourd'?\\s?hui" },
    ...FRENCH_UNITS.flatMap(([unit, french]) => [
      {
        name: `last ${unit}`,
        unit,
        back: 1,
        source: `(?:last|previous|prior)\\s+${unit}|${FRENCH_THE}${french}\\s+(?:derniere?|precedente?|passee?)`,
      },
      {
        name: `this ${unit}`,
        unit,
        back: 0,
        source: `(?:this|current)\\s+${unit}|(?:ce|cette)\\s+${french}(?:[-\\s]ci)?|${FRENCH_THE}${french}\\s+en\\s+cours`,
      },
      {
        name: `${unit} to date`,
        unit,
        back: 0,
        toDate: true,
        source: `${unit}[-\\s]to[-\\s]date|${unit[0]}td|depuis\\s+le\\s+debut\\s+(?:du|de\\s+la|de\\s+l')\\s*${french}`,
      },
    ]),
  ];

function relativePeriod(text: string | undefined, today: Date): { name: string; period: Period } | undefined {
  const entry = RELATIVE_PERIODS.find(({ source }) => new RegExp(`^(?:${source})$`).test(text ?? ''));
  if (!entry) return undefined;
  const start = shift(startOf(entry.unit, today), entry.unit, -entry.back);
  return {
    name: entry.name,
    period: { start, end: entry.toDate ? addDays(today, 1) : shift(start, entry.unit, 1) },
  };
}

/** A whole word or phrase: `\b` does not know that "é" is a letter. */
function phrase(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
}

const UNTIL_TODAY = `\\s+(?:(?:to|until|till|through)\\s+(?:today|now|date)|(?:jusqu'(?:a|au)|a)\\s+(?:aujourd'?\\s?hui|maintenant|ce\\s+jour))`;
const RANGE_FROM = "(?:(?:between|from|entre|de|du)\\s+|d')";
const RANGE_TO = "(?:\\s*-\\s*|\\s+(?:to|through|thru|until|till|and|et|a|au|jusqu'(?:a|au))\\s+)";
const SINCE = "(?:since|starting(?:\\s+(?:in|from|on))?|depuis|a\\s+partir\\s+(?:de|du|d'))\\s*";
const PERIOD_PREFIX = `(?:(?:in|during|for|of|from|on|en|pendant|durant|pour|de|du|le|dans|au\\s+cours\\s+(?:de|du)|lors\\s+(?:de|du)|(?:in\\s+)?the\\s+(?:month|year)\\s+of|au\\s+mois\\s+de|(?:the\\s+)?year|l'annee|annee)\\s+|au\\s+mois\\s+d'|d')`;
// "The last quarter of 2025" is Q4 2025, not a rolling window.
const NO_YEAR_AFTER = `(?!\\s+(?:of\\s+|de\\s+|d')?${YEAR_DIGITS})`;
const EN_ROLLING = `(?:(?:the\\s+)?(?:last|past|previous|preceding|trailing)\\s+(${NUMBER})|the\\s+(?:last|past)|past)\\s+(days?|weeks?|months?|quarters?|years?)`;
const FR_ROLLING = `(?:(?:les|des|ces|le|la|du)\\s+|l')?(?:(${NUMBER})\\s+derni(?:ers?|eres?)|derni(?:ers?|eres?)(?:\\s+(${NUMBER}))?)\\s+(jours?|semaines?|mois|trimestres?|ans?|annees?)`;

/** Tried in order; the first rule with a match wins, so longer and more specific readings come first. */
const RULES: { pattern: RegExp; read: (groups: Groups, today: Date) => Reading | undefined }[] = [
  { pattern: phrase(`${RANGE_FROM}${ANCHOR}${RANGE_TO}${ARTICLE}${ANCHOR}`), read: rangeReading },
  {
    pattern: phrase(`${RANGE_FROM}${ANCHOR}${UNTIL_TODAY}`),
    read: ([text], today) => sinceReading(anchoredPeriod(text, today), today),
  },
  {
    pattern: phrase(
      `${ANCHOR}(?:\\s*-\\s*|\\s+(?:to|through|thru|until|till|au|jusqu'(?:a|au))\\s+)${ANCHOR}`,
    ),
    read: rangeReading,
  },
  {
    pattern: phrase(
      `${SINCE}${ARTICLE}(?:${ANCHOR}|(${RELATIVE_PERIODS.map(({ source }) => source).join('|')}))(?:${UNTIL_TODAY})?`,
    ),
    read: ([anchorText, relativeText], today) =>
      sinceReading(anchoredPeriod(anchorText, today) ?? relativePeriod(relativeText, today), today),
  },
  {
    pattern: phrase(
      `(?:(after|apres|later\\s+than)|before|prior\\s+to|earlier\\s+than|avant)\\s+${ARTICLE}${ANCHOR}`,
    ),
    read: beforeOrAfterReading,
  },
  // Rolling windows come before single periods: in "les sept derniers jours", "sept" is seven, not September.
  { pattern: phrase(`${PREPOSITION}${EN_ROLLING}${NO_YEAR_AFTER}`), read: rollingReading },
  {
    pattern: phrase(`${PREPOSITION}${FR_ROLLING}${NO_YEAR_AFTER}`),
    read: ([count, countAfter, unit], today) => rollingReading([count ?? countAfter, unit], today),
  },
  {
    pattern: phrase(`depuis\\s+(${NUMBER})\\s+(jours?|semaines?|mois|trimestres?|ans|annees?)`),
    read: rollingReading,
  },
  {
    pattern: phrase(`${PREPOSITION}(?:(?:last|previous)\\s+(${MONTH})|(${MONTH})\\s+dernier)`),
    read: lastMonthNamedReading,
  },
  // One rule, so the leftmost reading wins: "third quarter of 2025" is Q3, not "of 2025".
  { pattern: phrase(`(${PERIOD_PREFIX})?${ARTICLE}${ANCHOR}`), read: anchoredReading },
  ...RELATIVE_PERIODS.map(({ source }) => ({
    pattern: phrase(`${PREPOSITION}(?:the\\s+)?(${source})`),
    read: ([text]: Groups, today: Date) => {
      const found = relativePeriod(text, today);
      return found && { range: toRange(found.period, `${found.name} (${describePeriod(found.period)})`) };
    },
  })),
  // A bare year reads as one only at the end of the question: "admissions 2024".
  { pattern: phrase(`(${YEAR})(?=[\\s?.!]*$)`), read: ([text], today) => anchoredReading(['', text], today) },
];

/** "Annual wellness visit", "daily dose" and "activities of daily living" are clinical terms, not groupings. */
const GRAIN_WORDS: [TimeGrain, string, string][] = [
  ['day', 'jour', 'daily(?!\\s+(?:dose|living))|quotidien(?:ne)?s?|journaliere?s?'],
  ['week', 'semaine', 'weekly|hebdomadaires?'],
  ['month', 'mois', 'monthly|mensuel(?:le)?s?|mensuellement'],
  ['quarter', 'trimestre', 'quarterly|trimestriel(?:le)?s?'],
  [
    'year',
    '(?:an|annee)',
    'yearly|annual(?:ly)?(?!\\s+(?:wellness|physical|exam))|annuel(?:le)?s?|annuellement',
  ],
];
const GRAINS = GRAIN_WORDS.map(([grain, french, adjectives]) => ({
  grain,
  pattern: phrase(
    `(?:by|per|each|every)\\s+${grain}|${grain}[-\\s](?:by|over)[-\\s]${grain}|(?:par|chaque)\\s+${french}|${adjectives}`,
  ),
}));
const TREND = phrase(
  'trends?\\s+over\\s+time|over\\s+time|trends?|trending|evolution|au\\s+fil\\s+du\\s+temps|tendances?',
);

/** Lower-case, accent-free, straight apostrophes; `origins[i]` is where folded character `i` came from. */
function fold(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  let offset = 0;
  for (const character of text) {
    const plain = /[’‘]/.test(character)
      ? "'"
      : character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const _codeUnit of plain) origins.push(offset);
    folded += plain;
    offset += character.length;
  }
  return { folded, origins };
}

function firstReading(
  text: string,
  today: Date,
): { reading: Reading; index: number; length: number } | undefined {
  for (const { pattern, read } of RULES) {
    for (const match of text.matchAll(pattern)) {
      const reading = read(match.slice(1), today);
      if (reading) return { reading, index: match.index, length: match[0].length };
    }
  }
  return undefined;
}

/**
 * Reads the period and the grouping grain a question names, in English or French, against `now`'s UTC
 * calendar date (never the system clock). The first, most specific reading wins; a second period in the
 * same question is reported as an ambiguity, not combined. Ranges are half-open `[start, end)`; open-ended
 * ones run from 1900-01-01 or through today, and their labels show the concrete dates.
 */
export function parseTimeExpression(text: string, now: Date): ParsedTime {
  if (Number.isNaN(now.getTime())) throw new RangeError('parseTimeExpression needs a valid date as `now`.');
  const today = utcDay(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  const { folded, origins } = fold(text);
  const result: ParsedTime = { matched: [] };
  let remaining = folded;
  // Blanking keeps offsets stable, so later matches still map back to the original text.
  const consume = (index: number, length: number) => {
    result.matched.push(text.slice(origins[index] ?? text.length, origins[index + length] ?? text.length));
    remaining = remaining.slice(0, index) + ' '.repeat(length) + remaining.slice(index + length);
  };

  const first = firstReading(remaining, today);
  if (first) {
    consume(first.index, first.length);
    const [words] = result.matched;
    const { range, ambiguity } = first.reading;
    const second = firstReading(remaining, today);
    if (range.start < range.end) result.range = range;
    const message =
      range.start >= range.end
        ? `"${words}" leaves no days to measure (it would start on ${range.start}, after it ends); ask which dates were meant.`
        : second
          ? `Two periods are named ("${words}" and "${second.reading.range.label}"); only ${range.label} was used.`
          : ambiguity;
    if (message) result.ambiguity = message;
  }

  const explicit = GRAINS.flatMap(({ grain, pattern }) =>
    [...remaining.matchAll(pattern)].map((match) => ({ grain, match })),
  ).sort((left, right) => left.match.index - right.match.index)[0];
  if (explicit) consume(explicit.match.index, explicit.match[0].length);
  const trends = [...remaining.matchAll(TREND)];
  for (const match of trends) consume(match.index, match[0].length);
  const grain = explicit?.grain ?? (trends.length > 0 ? 'month' : undefined);
  if (grain) result.grain = grain;
  return result;
}
