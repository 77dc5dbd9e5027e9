/**
 * Naive local date-time arithmetic for the generator. The scheduling mart records Europe/Paris local
 * time; computing in UTC milliseconds and printing without a zone keeps that exact and DST-free.
 */
export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

/** Parses `YYYY-MM-DD` as midnight. */
export function parseDate(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`invalid date ${date}`);
  return time;
}

const dateTexts = new Map<number, string>();

/** `YYYY-MM-DD` (memoised per day: the generator formats millions of dates over a few hundred days). */
export function formatDate(time: number): string {
  const day = Math.floor(time / dayMs);
  let text = dateTexts.get(day);
  if (text === undefined) {
    text = new Date(day * dayMs).toISOString().slice(0, 10);
    dateTexts.set(day, text);
  }
  return text;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `YYYY-MM-DD HH:MM:SS`. */
export function formatTimestamp(time: number): string {
  const withinDay = time - Math.floor(time / dayMs) * dayMs;
  const seconds = Math.floor(withinDay / 1000);
  return `${formatDate(time)} ${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
}

/** Midnight of the day containing `time`. */
export function startOfDay(time: number): number {
  return Math.floor(time / dayMs) * dayMs;
}

/** Fixed-date French public holidays (month-day), when practices are closed. */
const publicHolidays = new Set(['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']);

/** Relative appointment volume of a weekday (0 = Sunday): Mondays busiest, Sundays closed. */
const weekdayWeights = [0, 1.25, 1.1, 1.0, 1.05, 0.95, 0.3] as const;

/**
 * Relative appointment volume of a month (0 = January): winter respiratory peak, summer holidays
 * (August especially) low.
 */
const monthWeights = [1.15, 1.12, 1.05, 1.0, 0.95, 0.95, 0.8, 0.55, 1.05, 1.05, 1.1, 1.0] as const;

/** How busy practices are on a given day, relative to an average weekday. */
export function dayWeight(time: number): number {
  const date = new Date(time);
  const weekday = weekdayWeights[date.getUTCDay()] ?? 0;
  // A public holiday leaves only a trickle (on-call doctors); a Sunday stays closed.
  const holiday = publicHolidays.has(formatDate(time).slice(5)) ? 0.02 : 1;
  return weekday * holiday * (monthWeights[date.getUTCMonth()] ?? 1);
}

/** Winter factor for acute respiratory conditions: about 2× in January, 0.5× in July. */
export function respiratorySeason(time: number): number {
  const month = new Date(time).getUTCMonth();
  return 1.25 + 0.75 * Math.cos(((month - 0.5) / 12) * 2 * Math.PI);
}

/** Whole years between a birth date and a day. */
export function ageInYears(birth: number, on: number): number {
  const birthDate = new Date(birth);
  const day = new Date(on);
  let age = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birthDate.getUTCMonth() ||
    (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}
