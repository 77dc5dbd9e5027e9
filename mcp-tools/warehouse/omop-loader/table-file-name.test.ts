import { describe, expect, it } from 'vitest';
import { tableNameOfFile } from './table-file-name.js';

describe('tableNameOfFile', () => {
  it('reads the table from the file name, whatever its case and folder', () => {
    expect(tableNameOfFile('PERSON.csv')).toBe('person');
    expect(tableNameOfFile('person.CSV')).toBe('person');
    expect(tableNameOfFile('Synthea27Nj/cdm/CONCEPT_RELATIONSHIP.csv')).toBe('concept_relationship');
  });

  it('ignores directories, non-CSV files and archiver junk', () => {
    expect(tableNameOfFile('cdm/')).toBeUndefined();
    expect(tableNameOfFile('readme.txt')).toBeUndefined();
    expect(tableNameOfFile('__MACOSX/._CARE_SITE.csv')).toBeUndefined();
    expect(tableNameOfFile('._PERSON.csv')).toBeUndefined();
    expect(tableNameOfFile('.hidden/PERSON.csv')).toBeUndefined();
  });
});
