import { describe, expect, it } from 'vitest';
import { omopTables } from '../schema/omop-tables.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { mapHeader } from './header-mapping.js';

function table(name: string): TableDefinition {
  const definition = omopTables.find((candidate) => candidate.name === name);
  if (!definition) throw new Error(`no table ${name}`);
  return definition;
}

const visit53Header = [
  'VISIT_OCCURRENCE_ID',
  'PERSON_ID',
  'VISIT_CONCEPT_ID',
  'VISIT_START_DATE',
  'VISIT_END_DATE',
  'VISIT_TYPE_CONCEPT_ID',
  'ADMITTING_SOURCE_CONCEPT_ID',
  'DISCHARGE_TO_SOURCE_VALUE',
];

describe('mapHeader', () => {
  it('matches columns case-insensitively in the file order, leaving absent ones NULL', () => {
    const mapping = mapHeader({
      table: table('observation_period'),
      header: [
        'PERSON_ID',
        'observation_period_id',
        'Observation_Period_Start_Date',
        'OBSERVATION_PERIOD_END_DATE',
        'PERIOD_TYPE_CONCEPT_ID',
      ],
      file: 'OBSERVATION_PERIOD.csv',
    });
    expect(mapping.columns.map((column) => column.name)).toEqual([
      'observation_period_id',
      'person_id',
      'observation_period_start_date',
      'observation_period_end_date',
      'period_type_concept_id',
    ]);
    expect(mapping.sources[0]).toEqual({ kind: 'field', index: 1, header: 'observation_period_id' });
  });

  it('renames CDM 5.3 visit columns to their 5.4 names and says the file is 5.3', () => {
    const mapping = mapHeader({
      table: table('visit_occurrence'),
      header: visit53Header,
      file: 'VISIT_OCCURRENCE.csv',
    });
    const names = mapping.columns.map((column) => column.name);
    expect(names).toContain('admitted_from_concept_id');
    expect(names).toContain('discharged_to_source_value');
    expect(mapping.sources[names.indexOf('admitted_from_concept_id')]).toEqual({
      kind: 'field',
      index: 6,
      header: 'ADMITTING_SOURCE_CONCEPT_ID',
    });
    expect(mapping.cdmVersion).toBe('5.3');
  });

  it('keeps the 5.4 column when a file carries both spellings, listing the 5.3 one as ignored', () => {
    const mapping = mapHeader({
      table: table('visit_occurrence'),
      header: [...visit53Header, 'admitted_from_concept_id'],
      file: 'VISIT_OCCURRENCE.csv',
    });
    expect(mapping.ignoredColumns).toEqual(['ADMITTING_SOURCE_CONCEPT_ID']);
    const index = mapping.columns.findIndex((column) => column.name === 'admitted_from_concept_id');
    expect(mapping.sources[index]).toEqual({ kind: 'field', index: 8, header: 'admitted_from_concept_id' });
  });

  it('fills required columns that CDM 5.4 added', () => {
    const mapping = mapHeader({
      table: table('cdm_source'),
      header: [
        'CDM_SOURCE_NAME',
        'CDM_SOURCE_ABBREVIATION',
        'CDM_HOLDER',
        'SOURCE_RELEASE_DATE',
        'CDM_RELEASE_DATE',
        'VOCABULARY_VERSION',
      ],
      file: 'CDM_SOURCE.csv',
    });
    const index = mapping.columns.findIndex((column) => column.name === 'cdm_version_concept_id');
    expect(mapping.sources[index]).toEqual({ kind: 'fill', fill: 'zero' });
  });

  it('matches the quoted reserved word of the definitions (NOTE_NLP "offset")', () => {
    const definition = table('note_nlp');
    const header = definition.columns.map((column) => column.name.replaceAll('"', '').toUpperCase());
    expect(mapHeader({ table: definition, header, file: 'NOTE_NLP.csv' }).columns).toHaveLength(
      header.length,
    );
  });

  it('refuses unknown, duplicated and missing required columns with the file and column', () => {
    const observationPeriod = table('observation_period');
    const complete = [
      'observation_period_id',
      'person_id',
      'observation_period_start_date',
      'observation_period_end_date',
      'period_type_concept_id',
    ];
    expect(() =>
      mapHeader({ table: observationPeriod, header: [...complete, 'shoe_size'], file: 'OP.csv' }),
    ).toThrow('OP.csv:1: column shoe_size: not a column of the OMOP CDM 5.4 table observation_period');
    expect(() =>
      mapHeader({ table: observationPeriod, header: [...complete, 'PERSON_ID'], file: 'OP.csv' }),
    ).toThrow('column PERSON_ID: appears twice');
    expect(() => mapHeader({ table: observationPeriod, header: complete.slice(1), file: 'OP.csv' })).toThrow(
      expect.objectContaining({ code: 'invalid_header', column: 'observation_period_id' }),
    );
  });
});
