/** Tables past this many rows are not summed or paired: nobody adds up 5,000 rows in their head. */
export const analysedRows = 200;
/** Largest set of related numbers searched for pairs, keeping the search O(n log n) per claim. */
export const groupLimit = 400;

const numericText = /^-?\d+(?:\.\d+)?$/;
// Ids are labels: the difference of two practice ids or the sum of concept ids means nothing.
const identifierKey = /^id$|_id$|Id$|_ids$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a key holds identifiers, whose values are exact labels rather than quantities. */
export function isIdentifierKey(key: string): boolean {
  return identifierKey.test(key);
}

/** A cell's number: a finite number, or a string that is one (`"12.5"`, a bigint id kept as text). */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && numericText.test(value)) return Number(value);
  return undefined;
}
