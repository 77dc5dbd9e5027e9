import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseDataDictionary, UnknownDictionaryLayoutError } from './parse-data-dictionary.js';
import { RetrievalError } from './retrieval-error.js';

const datasets = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const fieldLevel = `${datasets}omop-cdm54-field-level.csv`;
const tableLevel = `${datasets}omop-cdm54-table-level.csv`;
if (!existsSync(fieldLevel) || !existsSync(tableLevel))
  console.warn(
    `[hale tests] ${datasets} lacks the OMOP CDM 5.4 CSVs: the real data dictionary tests are skipped`,
  );

function failure(text: string): RetrievalError {
  try {
    parseDataDictionary(text, { file: 'team/dictionary.csv' });
  } catch (error) {
    if (error instanceof RetrievalError) return error;
    throw error;
  }
  throw new Error('expected parseDataDictionary to throw');
}

function section(content: string, heading: string): string {
  const start = content.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`no ${heading} section`);
  const end = content.indexOf('\n## ', start + heading.length + 2);
  return content.slice(start + 1, end === -1 ? undefined : end);
}

describe('parseDataDictionary on the OMOP CDM 5.4 field-level CSV', () => {
  it.skipIf(!existsSync(fieldLevel))('gives one document per table and one section per field', () => {
    const text = readFileSync(fieldLevel, 'utf8');
    const rows: { cdmTableName: string }[] = parse(text, { columns: true });
    const documents = parseDataDictionary(text, {
      file: 'omop-cdm54-field-level.csv',
      source: '../shared/datasets/omop-cdm54-field-level.csv',
    });

    expect(documents).toHaveLength(new Set(rows.map((row) => row.cdmTableName)).size);
    expect(documents.flatMap((document) => document.content.match(/^## /gm) ?? [])).toHaveLength(rows.length);
    const person = documents.find((document) => document.key === 'omop-cdm54-field-level.csv#person');
    expect(person).toMatchObject({
      sourceType: 'data_dictionary',
      title: 'Data dictionary: person (omop-cdm54-field-level.csv)',
      tags: ['data-dictionary', 'person'],
      allowedRoles: ['*'],
      source: '../shared/datasets/omop-cdm54-field-level.csv',
    });
    expect(person?.content.startsWith('# person\n')).toBe(true);
    const gender = section(person?.content ?? '', '## gender_concept_id');
    expect(gender.split('\n\n')).toEqual([
      '## gender_concept_id',
      '- Type: integer\n- Required: yes\n- Foreign key: concept.concept_id (domain: Gender)',
      'User guidance: This field is meant to capture the biological sex at birth of the Person. This field should not be used to study gender identity issues.',
      expect.stringMatching(
        /^ETL conventions: Use the gender or sex value present in the data .* \[Accepted gender concepts\]\(http:\/\/athena/,
      ),
    ]);
    expect(section(person?.content ?? '', '## person_id')).toContain('- Primary key: yes');
  });

  it.skipIf(!existsSync(fieldLevel))(
    'omits NA values and turns CRLF and <br> breaks into plain lines',
    () => {
      const documents = parseDataDictionary(readFileSync(fieldLevel, 'utf8'), {
        file: 'omop-cdm54-field-level.csv',
      });
      const contents = documents.map((document) => document.content).join('\n');
      expect(contents).not.toMatch(/: NA$/m);
      expect(contents).not.toMatch(/<br>|\r/i);
      const visit = documents.find((document) => document.key.endsWith('#visit_occurrence'));
      expect(section(visit?.content ?? '', '## visit_end_date')).toContain(
        'three ways in which to derive them:\n- Outpatient Visit: visit_end_datetime = visit_start_datetime\n',
      );
    },
  );
});

describe('parseDataDictionary on the OMOP CDM 5.4 table-level CSV', () => {
  it.skipIf(!existsSync(tableLevel))(
    'gives one document per table with its description and conventions',
    () => {
      const documents = parseDataDictionary(readFileSync(tableLevel, 'utf8'), {
        file: 'omop-cdm54-table-level.csv',
        tags: ['omop'],
      });
      expect(documents).toHaveLength(39);
      const person = documents.find((document) => document.key === 'omop-cdm54-table-level.csv#person');
      expect(person?.tags).toEqual(['data-dictionary', 'person', 'omop']);
      expect(person?.content).toMatch(/^# person\n\nThis table serves as the central identity management/);
      expect(person?.content).toContain('- schema: CDM');
      expect(person?.content).toContain(
        '## User guidance\n\nAll records in this table are independent Persons.',
      );
      expect(section(person?.content ?? '', '## ETL conventions')).toContain(
        'BIRTH_YEAR.\n\nFor detailed conventions for how to populate this table, please refer to the [THEMIS repository](https://ohdsi.github.io/Themis/person.html).',
      );
      expect(person?.content).not.toContain('conceptPrefix');
    },
  );
});

describe('parseDataDictionary on a team dictionary', () => {
  it('reads semicolon-separated CSV with its own header names and extra columns', () => {
    const documents = parseDataDictionary(
      [
        'Table Name;Column_Name;Data Type;Definition;Allowed values',
        'appointment;status;text;"Booking status; set by the\r\nscheduling system";booked|attended|no_show',
        'appointment;site_id;integer;# of the site, see site.id;',
        'site;id;integer;Site identifier;',
        ';;;;',
      ].join('\r\n'),
      { file: 'team/scheduling.csv', source: 'docs/team/scheduling.csv', allowedRoles: ['analyst'] },
    );
    expect(documents.map((document) => [document.key, document.title])).toEqual([
      ['team/scheduling.csv#appointment', 'Data dictionary: appointment (scheduling.csv)'],
      ['team/scheduling.csv#site', 'Data dictionary: site (scheduling.csv)'],
    ]);
    expect(documents[0]?.allowedRoles).toEqual(['analyst']);
    expect(documents[0]?.content).toBe(
      [
        '# appointment',
        '',
        'Columns of the appointment table in the data dictionary scheduling.csv: status, site_id.',
        '',
        '## status',
        '',
        '- Type: text',
        '- Allowed values: booked|attended|no_show',
        '',
        'Booking status; set by the\nscheduling system',
        '',
        '## site_id',
        '',
        '- Type: integer',
        '',
        '\\# of the site, see site.id',
        '',
      ].join('\n'),
    );
  });

  it('names the headers found and expected for an unknown layout', () => {
    const error = failure('PERSON_ID,GENDER_CONCEPT_ID\n1,8507\n');
    expect(error).toBeInstanceOf(UnknownDictionaryLayoutError);
    expect(error.code).toBe('invalid_document');
    expect(error.message).toBe(
      'team/dictionary.csv: not a data dictionary: found the columns "PERSON_ID", "GENDER_CONCEPT_ID"; expected ' +
        'a table column (table, table_name or cdmTableName) and a column column (column, column_name, field or ' +
        'cdmFieldName), optionally with description, type, required; or, for a table-level dictionary, a table ' +
        'column and a description column (description, definition or tableDescription)',
    );
  });

  it('rejects an empty file and a header without rows', () => {
    expect(failure('').message).toBe('team/dictionary.csv: the file is empty');
    expect(failure('\n\ntable,column\n').message).toBe(
      'team/dictionary.csv: no rows after the header on line 3',
    );
  });

  it('names the line of a row without a table, counting lines inside quoted values', () => {
    const error = failure(
      ['table,column,description', 'person,person_id,"one\r\ntwo\r\nthree"', '', ',year_of_birth,Year'].join(
        '\r\n',
      ),
    );
    expect(error.message).toBe('team/dictionary.csv: line 6 has no table name');
    expect(failure('table,column\nperson,\n').message).toBe('team/dictionary.csv: line 2 has no column name');
  });

  it('reports malformed CSV as an invalid document', () => {
    const error = failure('table,column,description\nperson,person_id,"never closed\n');
    expect(error.code).toBe('invalid_document');
    expect(error.message).toMatch(/^team\/dictionary\.csv: not a valid CSV: Quote Not Closed/);
  });
});
