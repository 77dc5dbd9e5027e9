import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter.js';

describe('detectDelimiter', () => {
  it('tells Athena tab files from CDM comma files by their header', () => {
    expect(detectDelimiter('concept_id\tconcept_name\tdomain_id')).toBe('\t');
    expect(detectDelimiter('CONCEPT_ID,CONCEPT_NAME,DOMAIN_ID')).toBe(',');
    expect(detectDelimiter('person_id')).toBe(',');
  });
});
