import type { ColumnDefinition } from '../schema/table-definition.js';
import { normalizeDate, normalizeTimestamp } from './normalize-date-time.js';

/** Why one value cannot go into its column; the loader adds the file, line and column. */
export class InvalidValueError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidValueError';
  }
}

/** Turns one raw CSV field into the text PostgreSQL will accept for the column, or null for NULL. */
export type ValueNormalizer = (raw: string) => string | null;

const integerPattern = /^[+-]?\d+(?:\.0*)?$/;
const bigintPattern = /^[+-]?\d+$/;
const numericPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const int32Limit = 2_147_483_647n;
const int64Limit = 9_223_372_036_854_775_807n;

function quoted(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
}

function withinLimit(digits: string, limit: bigint): boolean {
  // Short numbers cannot overflow; only long ones pay for a BigInt.
  if (digits.replace(/^[+-]/, '').length < 10) return true;
  const value = BigInt(digits);
  return value <= limit && value >= -limit - 1n;
}

function checkText(raw: string): string {
  // PostgreSQL text cannot hold NUL; failing here names the line instead of aborting COPY blindly.
  if (raw.includes('\u0000')) throw new InvalidValueError('contains a NUL character');
  return raw;
}

function typedNormalizer(column: ColumnDefinition): (text: string) => string {
  const type = column.type;
  if (type === 'integer' || type === 'bigint') {
    const limit = type === 'integer' ? int32Limit : int64Limit;
    const pattern = type === 'integer' ? integerPattern : bigintPattern;
    return (text) => {
      if (!pattern.test(text)) throw new InvalidValueError(`expected an integer, got ${quoted(text)}`);
      // Some exporters (R, spreadsheets) write integral values as `12.0`.
      const digits = text.includes('.') ? text.slice(0, text.indexOf('.')) : text;
      if (!withinLimit(digits, limit)) throw new InvalidValueError(`${text} is out of range for ${type}`);
      return digits;
    };
  }
  if (type === 'numeric') {
    return (text) => {
      if (!numericPattern.test(text)) throw new InvalidValueError(`expected a number, got ${quoted(text)}`);
      return text;
    };
  }
  if (type === 'date') {
    return (text) => {
      const date = normalizeDate(text);
      if (date === undefined)
        throw new InvalidValueError(`expected a date (YYYY-MM-DD or YYYYMMDD), got ${quoted(text)}`);
      return date;
    };
  }
  if (type === 'timestamp') {
    return (text) => {
      const timestamp = normalizeTimestamp(text);
      if (timestamp === undefined) {
        throw new InvalidValueError(
          `expected a datetime (YYYY-MM-DD HH:MM:SS or ISO 8601), got ${quoted(text)}`,
        );
      }
      return timestamp;
    };
  }
  if (type === 'text') return checkText;
  const maximum = Number(/^varchar\((\d+)\)$/.exec(type)?.[1]);
  return (text) => {
    // UTF-16 length bounds the character count from above, so most values skip counting code points.
    if (text.length > maximum && [...text].length > maximum) {
      throw new InvalidValueError(
        `is ${[...text].length} characters long, longer than the ${maximum} of ${type}`,
      );
    }
    return checkText(text);
  };
}

/**
 * Builds the validator of one column (pure): the empty string is NULL, a NULL in a required column
 * is rejected, and every other value must fit the column type (32/64-bit integer range, numeric
 * syntax, real calendar dates, varchar length) so a bad row is reported with its line before COPY.
 * Non-text values are trimmed; text is kept byte for byte.
 */
export function createValueNormalizer(column: ColumnDefinition): ValueNormalizer {
  const normalize = typedNormalizer(column);
  const isText = column.type === 'text' || column.type.startsWith('varchar');
  return (raw) => {
    const text = isText ? raw : raw.trim();
    if (text === '') {
      if (column.required) throw new InvalidValueError('a value is required (the column is NOT NULL)');
      return null;
    }
    return normalize(text);
  };
}
