import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, migrations } from '../mcp-tools/db/index.js';
import {
  type LoadProgress,
  type LoadReport,
  loadOmopDataset,
} from '../mcp-tools/warehouse/omop-loader/index.js';
import {
  createTemporaryDirectory,
  type DisposableDatabase,
  testDatabaseAdapters,
} from './support/test-databases.js';
import { warehouseRowCounts } from './support/warehouse-row-counts.js';

const datasets = fileURLToPath(new URL('../../shared/datasets/', import.meta.url));
const syntheaZip = `${datasets}omop-synthea27nj-cdm54.zip`;
const gibleedFolder = `${datasets}eunomia-gibleed-cdm53`;
const datasetsPresent = existsSync(syntheaZip) && existsSync(gibleedFolder);
if (!datasetsPresent) {
  console.warn(`[hale tests] ${datasets} is absent: the OMOP dataset load tests are skipped`);
}

/** Row counts published with the datasets (shared/datasets/README.md), checked against the files. */
const syntheaCounts = {
  'cdm.person': 28,
  'cdm.visit_occurrence': 1_791,
  'cdm.visit_detail': 1_791,
  'cdm.condition_occurrence': 470,
  'cdm.drug_exposure': 883,
  'cdm.measurement': 10_040,
  'cdm.observation': 8_099,
  'cdm.procedure_occurrence': 1_649,
  'cdm.death': 3,
  'cdm.drug_era': 0,
  'vocab.concept': 2_294,
  'vocab.concept_relationship': 266_588,
  'vocab.concept_ancestor': 0,
  'vocab.concept_synonym': 0,
  'vocab.vocabulary': 1,
};

const gibleedCounts = {
  'cdm.person': 2_694,
  'cdm.observation_period': 5_343,
  'cdm.visit_occurrence': 1_037,
  'cdm.procedure_occurrence': 37_409,
  'cdm.observation': 1_477,
  'cdm.condition_era': 65_719,
  'cdm.drug_era': 52_508,
  'cdm.cdm_source': 1,
  'vocab.concept': 444,
  'vocab.concept_ancestor': 65_690,
  'vocab.concept_synonym': 1_064,
  'vocab.concept_relationship': 8,
  'vocab.relationship': 480,
  'vocab.vocabulary': 125,
  'vocab.domain': 45,
};

/** The report's counts under the same `schema.table` keys as the database counts. */
function reportedCounts(report: LoadReport, keys: readonly string[]): Record<string, number | undefined> {
  return Object.fromEntries(keys.map((key) => [key, report.tables[key.split('.')[1] ?? '']]));
}

describe.skipIf(!datasetsPresent).each(testDatabaseAdapters)(
  'OMOP loader on real datasets, $name',
  (adapter) => {
    let handle: DisposableDatabase;
    let database: Database;

    beforeAll(async () => {
      handle = await adapter.create();
      database = handle.database;
      await migrate(database, migrations);
    });
    afterAll(async () => handle?.dispose());

    describe('Synthea 27 NJ zip (CDM 5.4)', () => {
      let report: LoadReport;
      let counts: Record<string, number>;
      const progress: LoadProgress[] = [];

      beforeAll(async () => {
        report = await loadOmopDataset({
          database,
          path: syntheaZip,
          onProgress: (event) => progress.push(event),
        });
        counts = await warehouseRowCounts(database);
      });

      it('loads the exact row counts, as reported and as stored', () => {
        expect(reportedCounts(report, Object.keys(syntheaCounts))).toEqual(syntheaCounts);
        expect(counts).toMatchObject(syntheaCounts);
      });

      it('ignores the __MACOSX junk, skips nothing and replaces both schemas', () => {
        expect(report.skipped).toEqual([]);
        expect(Object.keys(report.tables)).toHaveLength(39);
        expect(report.replacedSchemas).toEqual(['cdm', 'vocab']);
        expect(report.cdmVersion).toBe('5.4');
        expect(report.ignoredColumns).toEqual({});
      });

      it('loads concept relationships intact and indexed', async () => {
        const sample = await database.query(
          `SELECT concept_id_1, concept_id_2, relationship_id, valid_start_date::text AS start, valid_end_date::text AS end,
                invalid_reason
         FROM vocab.concept_relationship WHERE concept_id_1 = 4304917 AND concept_id_2 = 40487785 AND relationship_id = 'Concept poss_eq from'`,
        );
        expect(sample.rows).toEqual([
          {
            concept_id_1: 4304917,
            concept_id_2: 40487785,
            relationship_id: 'Concept poss_eq from',
            start: '2017-07-31',
            end: '2099-12-31',
            invalid_reason: null,
          },
        ]);
        const nulls = await database.query<{ missing: number }>(
          `SELECT count(*) AS missing FROM vocab.concept_relationship
         WHERE relationship_id IS NULL OR valid_start_date IS NULL OR valid_end_date IS NULL`,
        );
        expect(nulls.rows[0]?.missing).toBe(0);
        const indexes = await database.query(
          `SELECT indexname FROM pg_indexes WHERE schemaname = 'vocab' AND tablename = 'concept_relationship'`,
        );
        expect(indexes.rows.length).toBeGreaterThanOrEqual(2);
      });

      it('keeps values typed: a measurement joins its person and concept', async () => {
        const result = await database.query(
          `SELECT m.value_as_number, m.measurement_date::text AS day, c.concept_name, p.year_of_birth
         FROM cdm.measurement m JOIN cdm.person p USING (person_id)
         JOIN vocab.concept c ON c.concept_id = m.measurement_concept_id
         WHERE m.measurement_id = 1`,
        );
        expect(result.rows).toEqual([
          { value_as_number: 48.1, day: '2013-05-17', concept_name: expect.any(String), year_of_birth: 1998 },
        ]);
      });

      it('reports progress every 100,000 rows and once at each table end', () => {
        expect(
          progress.filter((event) => event.table === 'concept_relationship').map((event) => event.rows),
        ).toEqual([100_000, 200_000, 266_588]);
        expect(progress.filter((event) => event.table === 'person')).toEqual([{ table: 'person', rows: 28 }]);
      });

      it('records the load in hale.warehouse_state', async () => {
        const state = await database.query<{
          part: string;
          source: string;
          details: { tables: Record<string, number> };
        }>('SELECT part, source, details FROM hale.warehouse_state ORDER BY part');
        expect(state.rows.map((row) => [row.part, row.source])).toEqual([
          ['clinical', 'omop:omop-synthea27nj-cdm54.zip'],
          ['vocabulary', 'omop:omop-synthea27nj-cdm54.zip'],
        ]);
        expect(state.rows[0]?.details).toMatchObject({ tables: { person: 28 }, cdmVersion: '5.4' });
        expect(state.rows[1]?.details.tables.concept_relationship).toBe(266_588);
        expect(state.rows[1]?.details.tables.person).toBeUndefined();
      });
    });

    describe('Eunomia GiBleed folder (CDM 5.3)', () => {
      let report: LoadReport;
      let counts: Record<string, number>;

      beforeAll(async () => {
        report = await loadOmopDataset({ database, path: gibleedFolder });
        counts = await warehouseRowCounts(database);
      });

      it('loads the exact row counts, as reported and as stored', () => {
        expect(reportedCounts(report, Object.keys(gibleedCounts))).toEqual(gibleedCounts);
        expect(counts).toMatchObject(gibleedCounts);
      });

      it('replaces the whole dataset: tables GiBleed lacks are empty, no Synthea row is left', () => {
        expect(counts).toMatchObject({
          'cdm.condition_occurrence': 0,
          'cdm.drug_exposure': 0,
          'cdm.measurement': 0,
          'cdm.visit_detail': 0,
          'cdm.episode': 0,
        });
        expect(report.tables.condition_occurrence).toBeUndefined();
      });

      it('reads CDM 5.3 and lands the renamed visit columns in their 5.4 columns', async () => {
        expect(report.cdmVersion).toBe('5.3');
        const file = parse(readFileSync(`${gibleedFolder}/VISIT_OCCURRENCE.csv`), {
          columns: true,
        }) as Record<string, string>[];
        const stored = await database.query<{
          id: number;
          admitted: number | null;
          discharged: number | null;
          admitted_value: string | null;
        }>(
          `SELECT visit_occurrence_id AS id, admitted_from_concept_id AS admitted,
                discharged_to_concept_id AS discharged, admitted_from_source_value AS admitted_value
         FROM cdm.visit_occurrence`,
        );
        const byId = new Map(stored.rows.map((row) => [row.id, row]));
        expect(byId.size).toBe(file.length);
        for (const row of file) {
          const loaded = byId.get(Number(row.VISIT_OCCURRENCE_ID));
          expect(loaded?.admitted).toBe(Number(row.ADMITTING_SOURCE_CONCEPT_ID));
          expect(loaded?.discharged).toBe(Number(row.DISCHARGE_TO_CONCEPT_ID));
          expect(loaded?.admitted_value).toBe(row.ADMITTING_SOURCE_VALUE || null);
        }
        const source = await database.query('SELECT cdm_version, cdm_version_concept_id FROM cdm.cdm_source');
        expect(source.rows).toEqual([{ cdm_version: 'v5.3.1', cdm_version_concept_id: 0 }]);
      });

      it('skips the CDM 5.3 COHORT_ATTRIBUTE table', () => {
        expect(report.skipped).toEqual([
          {
            file: 'COHORT_ATTRIBUTE.csv',
            reason: 'COHORT_ATTRIBUTE is a CDM 5.3 table that CDM 5.4 removed',
          },
        ]);
      });

      it('keeps the observations whose ids repeat, dropping that primary key and saying so', async () => {
        expect(report.droppedPrimaryKeys).toEqual([
          {
            table: 'observation',
            reason: expect.stringMatching(
              /^OBSERVATION\.csv: Key \(observation_id\)=\(\d+\) is duplicated\. Primary key not created/,
            ),
          },
        ]);
        const repeated = await database.query<{ ids: number }>(
          `SELECT count(*) AS ids FROM (SELECT observation_id FROM cdm.observation GROUP BY 1 HAVING count(*) > 1) AS repeated`,
        );
        expect(repeated.rows[0]?.ids).toBe(6);
      });

      it('leaves the previous data untouched when a later dataset is malformed', async () => {
        const directory = createTemporaryDirectory('hale-omop-bad-');
        try {
          const { mkdirSync, copyFileSync, writeFileSync } = await import('node:fs');
          mkdirSync(`${directory.path}/bad`);
          copyFileSync(`${gibleedFolder}/CONCEPT.csv`, `${directory.path}/bad/CONCEPT.csv`);
          writeFileSync(
            `${directory.path}/bad/PERSON.csv`,
            'PERSON_ID,GENDER_CONCEPT_ID,YEAR_OF_BIRTH,RACE_CONCEPT_ID,ETHNICITY_CONCEPT_ID\n1,8507,1980,0,0\nabc,8507,1980,0,0\n',
          );
          await expect(loadOmopDataset({ database, path: `${directory.path}/bad` })).rejects.toThrow(
            'PERSON.csv:3: column PERSON_ID',
          );
          expect(await warehouseRowCounts(database)).toEqual(counts);
        } finally {
          directory.remove();
        }
      });
    });
  },
);
