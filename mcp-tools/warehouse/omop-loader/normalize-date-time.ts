// OMOP exports write dates as ISO (`2019-05-28`), Athena as `YYYYMMDD`; datetimes come with a space
// or a `T` separator and sometimes a `Z`. PostgreSQL `timestamp` has no zone, and OMOP datetimes are
// local by convention, so a trailing `Z` is dropped rather than converted.
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const compactDate = /^(\d{4})(\d{2})(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?Z?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function calendarDate(yearText: string, monthText: string, dayText: string): string | undefined {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  // PostgreSQL has no year 0, and a month/day out of range is a typo rather than something to roll over.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${yearText}-${monthText}-${dayText}`;
}

function clockTime(
  hourText: string,
  minuteText: string,
  secondText = '00',
  fraction = '',
): string | undefined {
  if (Number(hourText) > 23 || Number(minuteText) > 59 || Number(secondText) > 59) return undefined;
  return `${hourText}:${minuteText}:${secondText}${fraction}`;
}

/**
 * Normalizes a date (`YYYY-MM-DD`, `YYYYMMDD`, or a datetime whose time is dropped) to `YYYY-MM-DD`;
 * undefined when the text is no valid calendar date.
 */
export function normalizeDate(text: string): string | undefined {
  const match = isoDate.exec(text) ?? compactDate.exec(text) ?? isoDateTime.exec(text);
  if (!match) return undefined;
  const [, year = '', month = '', day = ''] = match;
  return calendarDate(year, month, day);
}

/**
 * Normalizes a datetime (`YYYY-MM-DD HH:MM[:SS[.fff]]`, ISO with `T` and optional `Z`, or a bare date
 * in either date form) to `YYYY-MM-DD HH:MM:SS[.fff]`; undefined when it is no valid instant.
 */
export function normalizeTimestamp(text: string): string | undefined {
  const withTime = isoDateTime.exec(text);
  if (!withTime) {
    const date = normalizeDate(text);
    return date === undefined ? undefined : `${date} 00:00:00`;
  }
  const [, year = '', month = '', day = '', hour = '', minute = '', second, fraction] = withTime;
  const date = calendarDate(year, month, day);
  const time = clockTime(hour, minute, second, fraction);
  return date === undefined || time === undefined ? undefined : `${date} ${time}`;
}
