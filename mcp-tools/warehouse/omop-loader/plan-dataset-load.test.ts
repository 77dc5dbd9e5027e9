import { describe, expect, it } from 'vitest';
import { planDatasetLoad } from './plan-dataset-load.js';

describe('planDatasetLoad', () => {
  it('maps files to tables, skips what is no OMOP table and ignores junk', () => {
    const plan = planDatasetLoad({
      paths: [
        'export/PERSON.csv',
        'export/CONCEPT.csv',
        'COHORT_ATTRIBUTE.csv',
        'notes.csv',
        '__MACOSX/._PERSON.csv',
        'readme.txt',
      ],
    });
    expect(plan.files.map((file) => [file.path, file.table.name])).toEqual([
      ['export/PERSON.csv', 'person'],
      ['export/CONCEPT.csv', 'concept'],
    ]);
    expect(plan.schemas).toEqual(['cdm', 'vocab']);
    expect(plan.skipped).toEqual([
      { file: 'COHORT_ATTRIBUTE.csv', reason: 'COHORT_ATTRIBUTE is a CDM 5.3 table that CDM 5.4 removed' },
      { file: 'notes.csv', reason: 'notes is not an OMOP CDM 5.4 table' },
    ]);
  });

  it('replaces only the schemas the dataset has files for', () => {
    expect(planDatasetLoad({ paths: ['CONCEPT.csv', 'VOCABULARY.csv'] }).schemas).toEqual(['vocab']);
    expect(planDatasetLoad({ paths: ['readme.txt'] }).files).toEqual([]);
  });

  it('skips tables outside the requested schemas', () => {
    const plan = planDatasetLoad({ paths: ['CONCEPT.csv', 'PERSON.csv'], schemas: ['vocab'] });
    expect(plan.files.map((file) => file.table.name)).toEqual(['concept']);
    expect(plan.skipped).toEqual([{ file: 'PERSON.csv', reason: 'person is not a vocab table' }]);
  });

  it('refuses two files for one table', () => {
    expect(() => planDatasetLoad({ paths: ['a/PERSON.csv', 'b/person.csv'] })).toThrow(
      expect.objectContaining({
        code: 'duplicate_table',
        message: expect.stringContaining('a/PERSON.csv and b/person.csv'),
      }),
    );
  });
});
