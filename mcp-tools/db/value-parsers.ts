/**
 * Result-value parsing shared by both adapters, so a query returns the same JavaScript values on
 * PGlite and on a PostgreSQL server. Dates and timestamps stay as the server's text (sessions run in
 * UTC): a JavaScript `Date` would shift a `date` by the local time zone and loses microseconds.
 * Integers and numerics become numbers because results feed JSON, charts and grounding checks.
 */
const typeOid = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

function parseNumber(text: string): number | string {
  const value = Number(text);
  // Keep the exact text when a number would lose precision (ids beyond 2^53, long numerics).
  return Number.isSafeInteger(value) || (!Number.isInteger(value) && Number.isFinite(value)) ? value : text;
}

function keepText(text: string): string {
  return text;
}

/** Parsers keyed by type OID, in the shape both drivers accept. */
export const valueParsers: Readonly<Record<number, (text: string) => unknown>> = Object.freeze({
  [typeOid.int8]: parseNumber,
  [typeOid.numeric]: parseNumber,
  [typeOid.date]: keepText,
  [typeOid.timestamp]: keepText,
  [typeOid.timestamptz]: keepText,
});
