import { describe, expect, it } from 'vitest';
import type { ColumnDefinition } from '../schema/table-definition.js';
import { createValueNormalizer } from './value-normalizer.js';

function normalize(type: ColumnDefinition['type'], raw: string, required = false): string | null {
  return createValueNormalizer({ name: 'column', type, required })(raw);
}

describe('createValueNormalizer', () => {
  it('reads the empty string as NULL and refuses it in a required column', () => {
    expect(normalize('integer', '')).toBeNull();
    expect(normalize('varchar(10)', '')).toBeNull();
    expect(() => normalize('integer', '', true)).toThrow('a value is required');
  });

  it('checks integers, including the 32-bit range', () => {
    expect(normalize('integer', ' 42 ')).toBe('42');
    expect(normalize('integer', '-2147483648')).toBe('-2147483648');
    expect(normalize('integer', '12.0')).toBe('12');
    expect(() => normalize('integer', '2147483648')).toThrow('out of range for integer');
    expect(() => normalize('integer', 'abc')).toThrow('expected an integer, got "abc"');
    expect(() => normalize('integer', '1.5')).toThrow('expected an integer');
    expect(normalize('bigint', '9223372036854775807')).toBe('9223372036854775807');
    expect(() => normalize('bigint', '9223372036854775808')).toThrow('out of range for bigint');
  });

  it('accepts decimal and exponent numbers only', () => {
    expect(normalize('numeric', '48.1')).toBe('48.1');
    expect(normalize('numeric', '-.5e3')).toBe('-.5e3');
    expect(() => normalize('numeric', 'NaN')).toThrow('expected a number');
    expect(() => normalize('numeric', '1,5')).toThrow('expected a number');
  });

  it('normalizes dates and datetimes from ISO, Athena and export forms', () => {
    expect(normalize('date', '2019-05-28')).toBe('2019-05-28');
    expect(normalize('date', '20190528')).toBe('2019-05-28');
    expect(normalize('date', '2005-05-07 00:00:00')).toBe('2005-05-07');
    expect(normalize('timestamp', '1963-12-31T00:00:00Z')).toBe('1963-12-31 00:00:00');
    expect(normalize('timestamp', '2019-05-28T10:11:12.345Z')).toBe('2019-05-28 10:11:12.345');
    expect(normalize('timestamp', '2019-05-28 10:11')).toBe('2019-05-28 10:11:00');
    expect(normalize('timestamp', '2019-05-28')).toBe('2019-05-28 00:00:00');
    expect(normalize('timestamp', '20190528')).toBe('2019-05-28 00:00:00');
  });

  it('rejects dates that are not on the calendar', () => {
    expect(normalize('date', '2024-02-29')).toBe('2024-02-29');
    expect(() => normalize('date', '2023-02-29')).toThrow('expected a date');
    expect(() => normalize('date', '1900-02-29')).toThrow('expected a date');
    expect(() => normalize('date', '2019-13-01')).toThrow('expected a date');
    expect(() => normalize('date', '28/05/2019')).toThrow('expected a date');
    expect(() => normalize('timestamp', '2019-05-28 24:00:00')).toThrow('expected a datetime');
    expect(() => normalize('timestamp', '2019-05-28T10:00:00+02:00')).toThrow('expected a datetime');
  });

  it('counts varchar length in characters and keeps text as is', () => {
    expect(normalize('varchar(3)', 'été')).toBe('été');
    expect(normalize('varchar(2)', '😀😀')).toBe('😀😀');
    expect(() => normalize('varchar(3)', 'abcd')).toThrow(
      'is 4 characters long, longer than the 3 of varchar(3)',
    );
    expect(normalize('text', '  padded  ')).toBe('  padded  ');
    expect(() => normalize('text', 'a\u0000b')).toThrow('NUL');
  });
});
