/** A period of whole days, both ends included, as ISO dates: `YYYY-MM-DD` text compares in date order. */
export interface DateSpan {
  readonly start: string;
  readonly end: string;
}

function isoDay({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth({ year, month }: { year: number; month: number }): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** One day, or nothing when the day does not exist (31 April, 29 February 2025). */
export function daySpan(date: { year: number; month: number; day: number }): DateSpan | undefined {
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date)) return undefined;
  const day = isoDay(date);
  return { start: day, end: day };
}

export function monthSpan({ year, month }: { year: number; month: number }): DateSpan | undefined {
  if (month < 1 || month > 12) return undefined;
  return {
    start: isoDay({ year, month, day: 1 }),
    end: isoDay({ year, month, day: daysInMonth({ year, month }) }),
  };
}

export function quarterSpan({ year, quarter }: { year: number; quarter: number }): DateSpan {
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    start: isoDay({ year, month: firstMonth, day: 1 }),
    end: isoDay({ year, month: firstMonth + 2, day: daysInMonth({ year, month: firstMonth + 2 }) }),
  };
}

export function yearSpan(year: number): DateSpan {
  return { start: isoDay({ year, month: 1, day: 1 }), end: isoDay({ year, month: 12, day: 31 }) };
}

/** Whether `inner` lies wholly inside `outer`: a result dated 2026-11-03 supports "November 2026". */
export function isWithin(inner: DateSpan, outer: DateSpan): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export function overlaps(first: DateSpan, second: DateSpan): boolean {
  return first.start <= second.end && second.start <= first.end;
}
