import { describe, expect, it } from 'vitest';
import { encodeCsvField } from './encode-csv-field.js';

describe('encodeCsvField', () => {
  it('writes NULL as an empty field and quotes only what COPY would misread', () => {
    expect(encodeCsvField(null)).toBe('');
    expect(encodeCsvField('plain')).toBe('plain');
    expect(encodeCsvField('Gastrointestinal hemorrhage, unspecified')).toBe(
      '"Gastrointestinal hemorrhage, unspecified"',
    );
    expect(encodeCsvField('12" ruler')).toBe('"12"" ruler"');
    expect(encodeCsvField('two\nlines')).toBe('"two\nlines"');
    expect(encodeCsvField('\\.')).toBe('"\\."');
  });
});
