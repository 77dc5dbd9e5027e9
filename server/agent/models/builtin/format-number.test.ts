import { describe, expect, it } from 'vitest';
import { columnDecimals, formatNumber, numberStyleOf } from './format-number.js';

describe('formatNumber', () => {
  it('writes counts with thousands separators', () => {
    expect(formatNumber(12345, 'count')).toBe('12,345');
    expect(formatNumber('802', 'count')).toBe('802');
  });

  it('writes shares of 1 as percentages with one decimal', () => {
    expect(formatNumber(0.12345, 'percent')).toBe('12.3%');
    expect(formatNumber(0, 'percent')).toBe('0.0%');
  });

  it('writes averages with two decimals, one from 100 up, or the decimals of their column', () => {
    expect(formatNumber(7.8412, 'count')).toBe('7.84');
    expect(formatNumber(818.333, 'count')).toBe('818.3');
    expect(formatNumber(525, 'count', 1)).toBe('525.0');
  });

  it('never writes a number for a missing value', () => {
    expect(formatNumber(null, 'count')).toBe('—');
    expect(formatNumber(undefined, 'percent')).toBe('—');
  });
});

describe('numberStyleOf and columnDecimals', () => {
  it('reads shares from the metric definition', () => {
    expect(numberStyleOf({ description: 'Share of booked appointments that were cancelled (0 to 1).' })).toBe(
      'percent',
    );
    expect(numberStyleOf({ description: 'Change in appointments, as a share of the earlier figure.' })).toBe(
      'percent',
    );
    expect(numberStyleOf({ description: 'Appointments that took place.' })).toBe('count');
  });

  it('gives one column one number of decimals', () => {
    expect(columnDecimals([1, 2, 3], 'count')).toBe(0);
    expect(columnDecimals([4.08, 70.39], 'count')).toBe(2);
    expect(columnDecimals([525, 818.33], 'count')).toBe(1);
    expect(columnDecimals([0.1], 'percent')).toBeUndefined();
  });
});
