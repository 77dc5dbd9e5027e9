/** How a metric's values read: counts, shares of 1 shown as percentages, or averages. */
export type NumberStyle = 'count' | 'percent' | 'decimal';

/** The style of a metric from its definition: its description says "(0 to 1)" or "as a share" for shares. */
export function numberStyleOf(metric: { type?: string; description?: string | undefined }): NumberStyle {
  const description = metric.description ?? '';
  if (/\(0 to 1\)|as a share\b/i.test(description)) return 'percent';
  return 'count';
}

/** A cell as a number, when it is one (the warehouse may return numerics as strings). */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value.trim())) return Number(value);
  return undefined;
}

const grouped = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Formats a metric value for an answer: integers with thousands separators ("12,345"), shares of 1
 * as percentages with one decimal ("12.3%"), other non-integers with two decimals (one from 100 up).
 * A missing value is an em dash, never a number.
 */
export function formatNumber(value: unknown, style: NumberStyle, decimals?: number): string {
  const number = numericValue(value);
  if (number === undefined) return value === null || value === undefined ? '—' : String(value);
  if (style === 'percent') return `${grouped(number * 100, 1)}%`;
  if (decimals !== undefined) return grouped(number, decimals);
  if (Number.isInteger(number)) return grouped(number, 0);
  return grouped(number, Math.abs(number) >= 100 ? 1 : 2);
}

/**
 * The decimals one column of a table is written with, so its figures line up: none for counts,
 * otherwise two (one when a value reaches 100). Undefined for shares, which are always percentages.
 */
export function columnDecimals(values: readonly unknown[], style: NumberStyle): number | undefined {
  if (style === 'percent') return undefined;
  const numbers = values.flatMap((value) => numericValue(value) ?? []);
  if (numbers.every((number) => Number.isInteger(number))) return 0;
  return numbers.some((number) => Math.abs(number) >= 100) ? 1 : 2;
}
