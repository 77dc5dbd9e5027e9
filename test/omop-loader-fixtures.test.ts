import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, migrations } from '../mcp-tools/db/index.js';
import {
  loadOmopDataset,
  loadVocabularyFolder,
  OmopLoadError,
} from '../mcp-tools/warehouse/omop-loader/index.js';
import {
  createTemporaryDirectory,
  type DisposableDatabase,
  testDatabaseAdapters,
} from './support/test-databases.js';
import { warehouseRowCounts } from './support/warehouse-row-counts.js';
import { writeZip } from './support/write-zip.js';

const tab = (...fields: string[]) => `${fields.join('\t')}\n`;

/** A small Athena download: tab-delimited, YYYYMMDD dates, no quoting, with Athena's CPT4 helper. */
const athenaFiles: Record<string, string> = {
  'CONCEPT.csv':
    tab(
      'concept_id',
      'concept_name',
      'domain_id',
      'vocabulary_id',
      'concept_class_id',
      'standard_concept',
      'concept_code',
      'valid_start_date',
      'valid_end_date',
      'invalid_reason',
    ) +
    tab('8507', 'MALE', 'Gender', 'Gender', 'Gender', 'S', 'M', '19700101', '20991231', '') +
    tab('8532', 'FEMALE', 'Gender', 'Gender', 'Gender', 'S', 'F', '19700101', '20991231', '') +
    tab(
      '45000001',
      'Ruler 12" "long", wooden',
      'Device',
      'SNOMED',
      'Physical Object',
      '',
      '123"4',
      '20200229',
      '20991231',
      'D',
    ),
  'VOCABULARY.csv':
    tab(
      'vocabulary_id',
      'vocabulary_name',
      'vocabulary_reference',
      'vocabulary_version',
      'vocabulary_concept_id',
    ) + tab('Gender', 'OMOP Gender', 'OMOP generated', '', '44819108'),
  'CONCEPT_RELATIONSHIP.csv':
    tab(
      'concept_id_1',
      'concept_id_2',
      'relationship_id',
      'valid_start_date',
      'valid_end_date',
      'invalid_reason',
    ) + tab('8507', '8532', 'Is a', '19700101', '20991231', ''),
  'CONCEPT_CPT4.csv': tab('concept_id', 'concept_name') + tab('1', 'needs cpt.sh'),
  'readme.txt': 'Athena download\n',
};

const personHeader =
  'person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id,birth_datetime\n';

function writeFolder(path: string, files: Record<string, string>): string {
  mkdirSync(path, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return path;
}

describe.each(testDatabaseAdapters)('OMOP loader on fixtures, $name', (adapter) => {
  let handle: DisposableDatabase;
  let database: Database;
  const directory = createTemporaryDirectory('hale-omop-');
  const fixture = (name: string) => join(directory.path, name);

  beforeAll(async () => {
    handle = await adapter.create();
    database = handle.database;
    await migrate(database, migrations);
  });
  afterAll(async () => {
    await handle?.dispose();
    directory.remove();
  });

  it('loads an Athena vocabulary folder: tabs, YYYYMMDD dates, literal double quotes', async () => {
    const path = writeFolder(fixture('athena-vocabulary'), athenaFiles);
    const report = await loadOmopDataset({ database, path });

    expect(report.replacedSchemas).toEqual(['vocab']);
    expect(report.tables).toEqual({ concept: 3, concept_relationship: 1, vocabulary: 1 });
    expect(report.skipped).toEqual([
      { file: 'CONCEPT_CPT4.csv', reason: 'concept_cpt4 is not an OMOP CDM 5.4 table' },
    ]);
    const concept = await database.query(
      `SELECT concept_name, concept_code, standard_concept, valid_start_date::text AS start, invalid_reason
       FROM vocab.concept WHERE concept_id = 45000001`,
    );
    expect(concept.rows).toEqual([
      {
        concept_name: 'Ruler 12" "long", wooden',
        concept_code: '123"4',
        standard_concept: null,
        start: '2020-02-29',
        invalid_reason: 'D',
      },
    ]);
    const vocabulary = await database.query('SELECT vocabulary_version FROM vocab.vocabulary');
    expect(vocabulary.rows).toEqual([{ vocabulary_version: null }]);
    const state = await database.query('SELECT part, source, details FROM hale.warehouse_state');
    expect(state.rows).toEqual([
      {
        part: 'vocabulary',
        source: 'omop:athena-vocabulary',
        details: { tables: { concept: 3, concept_relationship: 1, vocabulary: 1 }, cdmVersion: 'unknown' },
      },
    ]);
  });

  it('loads a zip with nested folders and junk entries, lower-case headers and missing optional columns', async () => {
    const path = fixture('clinical.zip');
    writeZip(path, {
      'export/': '',
      'export/person.csv': `${personHeader}1,8507,1980,0,0,1980-01-02T03:04:05Z\n2,8532,1990,0,0,\n`,
      'export/Observation_Period.CSV':
        'observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id\n1,1,20000101,2020-12-31,44814724\n',
      '__MACOSX/export/._person.csv': 'junk',
      'export/.DS_Store': 'junk',
    });
    const progress: { table: string; rows: number }[] = [];
    const report = await loadOmopDataset({ database, path, onProgress: (event) => progress.push(event) });

    expect(report).toMatchObject({
      tables: { person: 2, observation_period: 1 },
      skipped: [],
      replacedSchemas: ['cdm'],
    });
    expect(progress).toEqual([
      { table: 'observation_period', rows: 1 },
      { table: 'person', rows: 2 },
    ]);
    const people = await database.query(
      'SELECT person_id, birth_datetime::text AS born, month_of_birth FROM cdm.person ORDER BY person_id',
    );
    expect(people.rows).toEqual([
      { person_id: 1, born: '1980-01-02 03:04:05', month_of_birth: null },
      { person_id: 2, born: null, month_of_birth: null },
    ]);
    // The vocabulary loaded before is untouched by a clinical-only dataset.
    expect((await warehouseRowCounts(database))['vocab.concept']).toBe(3);
  });

  it('loads a vocabulary folder inside the caller transaction, and rolls back with it', async () => {
    const path = writeFolder(fixture('bundled-vocabulary'), {
      ...athenaFiles,
      'PERSON.csv': `${personHeader}9,8507,1980,0,0,\n`,
    });
    const report = await database.transaction((transaction) => loadVocabularyFolder({ transaction, path }));
    expect(report.replacedSchemas).toEqual(['vocab']);
    expect(report.skipped).toContainEqual({ file: 'PERSON.csv', reason: 'person is not a vocab table' });
    expect((await warehouseRowCounts(database))['cdm.person']).toBe(2);

    const before = await warehouseRowCounts(database);
    const failure = database.transaction(async (transaction) => {
      await loadVocabularyFolder({
        transaction,
        path: writeFolder(fixture('one-concept'), { 'CONCEPT.csv': athenaFiles['CONCEPT.csv'] ?? '' }),
      });
      throw new Error('the seeder failed later');
    });
    await expect(failure).rejects.toThrow('the seeder failed later');
    expect(await warehouseRowCounts(database)).toEqual(before);
  });

  describe('failed loads change nothing', () => {
    let before: Record<string, number>;
    let stateBefore: unknown[];

    beforeAll(async () => {
      before = await warehouseRowCounts(database);
      stateBefore = (await database.query('SELECT * FROM hale.warehouse_state ORDER BY part')).rows;
    });

    async function expectFailure(path: string, expected: Partial<OmopLoadError>, policy?: 'fail') {
      const error = await loadOmopDataset({ database, path, onDuplicateKey: policy }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(OmopLoadError);
      expect(error).toMatchObject(expected);
      expect(await warehouseRowCounts(database)).toEqual(before);
      expect((await database.query('SELECT * FROM hale.warehouse_state ORDER BY part')).rows).toEqual(
        stateBefore,
      );
    }

    const goodConcepts = { 'CONCEPT.csv': athenaFiles['CONCEPT.csv'] ?? '' };

    it('aborts on an invalid value, naming file, line and column', async () => {
      const path = writeFolder(fixture('bad-value'), {
        ...goodConcepts,
        'OBSERVATION_PERIOD.csv':
          'observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id\n1,1,2000-01-01,2000-12-31,0\n',
        'PERSON.csv': `${personHeader}1,8507,1980,0,0,\nabc,8507,1980,0,0,\n`,
      });
      await expectFailure(path, {
        code: 'invalid_row',
        file: 'PERSON.csv',
        line: 3,
        column: 'person_id',
        message: 'PERSON.csv:3: column person_id: expected an integer, got "abc"',
      });
    });

    it('aborts on a record with the wrong number of fields', async () => {
      const path = writeFolder(fixture('bad-shape'), {
        'PERSON.csv': `${personHeader}1,8507,1980,0,0,\n2,8507,1980\n`,
      });
      await expectFailure(path, {
        code: 'invalid_row',
        message: 'PERSON.csv:3: has 3 fields but the header has 6',
      });
    });

    it('aborts on a missing required value and on an impossible date', async () => {
      await expectFailure(
        writeFolder(fixture('bad-required'), { 'PERSON.csv': `${personHeader}1,,1980,0,0,\n` }),
        {
          message: 'PERSON.csv:2: column gender_concept_id: a value is required (the column is NOT NULL)',
        },
      );
      await expectFailure(
        writeFolder(fixture('bad-date'), { 'PERSON.csv': `${personHeader}1,8507,1980,0,0,1980-02-30\n` }),
        {
          message: expect.stringContaining('PERSON.csv:2: column birth_datetime: expected a datetime'),
        },
      );
    });

    it('aborts on an unknown column', async () => {
      const path = writeFolder(fixture('bad-header'), { 'PERSON.csv': 'person_id,shoe_size\n1,42\n' });
      await expectFailure(path, { code: 'invalid_header', column: 'shoe_size' });
    });

    it('aborts on a duplicate primary key when asked to', async () => {
      const path = writeFolder(fixture('duplicate-key'), {
        'PERSON.csv': `${personHeader}1,8507,1980,0,0,\n1,8532,1981,0,0,\n`,
      });
      await expectFailure(
        path,
        {
          code: 'duplicate_key',
          file: 'PERSON.csv',
          message: expect.stringContaining('PERSON.csv: Key (person_id)=(1) is duplicated.'),
        },
        'fail',
      );
    });

    it('refuses a folder or zip without OMOP tables', async () => {
      await expectFailure(
        writeFolder(fixture('no-tables'), { 'notes.csv': 'a,b\n1,2\n', 'readme.txt': 'hi' }),
        {
          code: 'no_omop_tables',
        },
      );
      const zip = fixture('no-tables.zip');
      writeZip(zip, { '__MACOSX/._PERSON.csv': 'junk', 'COHORT_ATTRIBUTE.csv': 'x\n' });
      await expectFailure(zip, {
        code: 'no_omop_tables',
        message: expect.stringContaining('no-tables.zip holds no OMOP table'),
      });
    });

    it('refuses a missing path, a corrupt zip and a plain file', async () => {
      await expectFailure(fixture('does-not-exist'), {
        code: 'dataset_not_found',
        message: expect.stringContaining('does-not-exist'),
      });
      writeFileSync(fixture('corrupt.zip'), 'this is not a zip archive at all');
      await expectFailure(fixture('corrupt.zip'), { code: 'unreadable_dataset' });
      writeFileSync(fixture('PERSON.csv'), personHeader);
      await expectFailure(fixture('PERSON.csv'), { code: 'unsupported_dataset' });
    });
  });
});
