import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, migrations } from '../mcp-tools/db/index.js';
import {
  generateDemoWarehouse,
  loadOmopDataset,
  readWarehouseState,
  seedDemoWarehouse,
  tablesOfSchema,
} from '../mcp-tools/warehouse/index.js';
import {
  createTemporaryDirectory,
  type DisposableDatabase,
  testDatabaseAdapters,
} from './support/test-databases.js';

const referenceDate = '2026-11-23';

describe.each(testDatabaseAdapters)('demo warehouse on $name', (adapter) => {
  let handle: DisposableDatabase;
  let database: Database;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await database.query<{ count: number }>(sql, params)).rows[0]?.count);

  beforeAll(async () => {
    handle = await adapter.create();
    database = handle.database;
    await migrate(database, migrations);
    await seedDemoWarehouse({ warehouse: database, scale: 0.2, seed: 7, referenceDate, force: false });
  }, 180_000);
  afterAll(async () => handle?.dispose());

  it('creates every table of the three schemas with the exact scheduling columns', async () => {
    const columns = await database.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'scheduling' ORDER BY table_name, ordinal_position`,
    );
    const byTable: Record<string, string[]> = {};
    for (const row of columns.rows) {
      byTable[row.table_name] = [...(byTable[row.table_name] ?? []), row.column_name];
    }
    expect(byTable).toEqual({
      appointment: [
        'appointment_id',
        'patient_id',
        'practitioner_id',
        'practice_id',
        'booked_at',
        'start_at',
        'duration_minutes',
        'channel',
        'visit_type',
        'status',
        'cancelled_at',
      ],
      patient: [
        'patient_id',
        'person_id',
        'first_name',
        'last_name',
        'birth_date',
        'email',
        'phone',
        'postal_code',
        'city',
      ],
      practice: ['practice_id', 'name', 'city', 'region', 'postal_code', 'care_site_id'],
      practitioner: [
        'practitioner_id',
        'practice_id',
        'specialty_id',
        'full_name',
        'rpps_number',
        'provider_id',
      ],
      specialty: ['specialty_id', 'name', 'omop_concept_id'],
    });
    for (const schema of ['cdm', 'vocab'] as const) {
      const tables = await database.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      );
      expect(tables.rows.map((row) => row.table_name).sort()).toEqual(
        tablesOfSchema(schema)
          .map((table) => table.name)
          .sort(),
      );
    }
  });

  it('builds the official primary keys after the load', async () => {
    for (const schema of ['cdm', 'vocab'] as const) {
      const keys = await database.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.table_constraints
         WHERE table_schema = $1 AND constraint_type = 'PRIMARY KEY' ORDER BY 1`,
        [schema],
      );
      const expected = tablesOfSchema(schema)
        .filter((table) => table.primaryKey?.length)
        .map((table) => table.name)
        .sort();
      expect(keys.rows.map((row) => row.table_name)).toEqual(expected);
    }
  });

  it('has the size the scale asks for', async () => {
    expect(await count('SELECT count(*) FROM scheduling.patient')).toBe(2000);
    const appointments = await count('SELECT count(*) FROM scheduling.appointment');
    expect(appointments).toBeGreaterThan(34_000);
    expect(appointments).toBeLessThan(46_000);
  });

  it('gives every completed appointment exactly one visit, and only those', async () => {
    expect(
      await count(`SELECT count(*) FROM scheduling.appointment a
        LEFT JOIN cdm.visit_occurrence v ON v.visit_source_value = 'appointment:' || a.appointment_id
        WHERE a.status = 'completed' AND v.visit_occurrence_id IS NULL`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM cdm.visit_occurrence v
        JOIN scheduling.appointment a ON v.visit_source_value = 'appointment:' || a.appointment_id
        JOIN scheduling.patient p ON p.patient_id = a.patient_id
        JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id
        JOIN scheduling.practice pc ON pc.practice_id = a.practice_id
        WHERE a.status = 'completed' AND v.person_id = p.person_id AND v.provider_id = pr.provider_id
          AND v.care_site_id = pc.care_site_id AND v.visit_start_datetime = a.start_at`),
    ).toBe(await count(`SELECT count(*) FROM scheduling.appointment WHERE status = 'completed'`));
    expect(await count('SELECT count(*) FROM cdm.visit_occurrence')).toBe(
      await count(`SELECT count(*) FROM scheduling.appointment WHERE status = 'completed'`),
    );
  });

  it('links scheduling ids to OMOP rows that exist', async () => {
    expect(
      await count(
        'SELECT count(*) FROM scheduling.patient p LEFT JOIN cdm.person USING (person_id) WHERE cdm.person.person_id IS NULL',
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT count(*) FROM scheduling.practitioner p LEFT JOIN cdm.provider v USING (provider_id) WHERE v.provider_id IS NULL',
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT count(*) FROM scheduling.practice p LEFT JOIN cdm.care_site c USING (care_site_id) WHERE c.care_site_id IS NULL',
      ),
    ).toBe(0);
    expect(
      await count(
        'SELECT count(*) FROM scheduling.specialty s LEFT JOIN vocab.concept c ON c.concept_id = s.omop_concept_id WHERE c.concept_id IS NULL',
      ),
    ).toBe(0);
  });

  it('uses only concepts that exist in the vocabulary', async () => {
    const conceptColumns = await database.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'cdm' AND column_name LIKE '%concept_id' ORDER BY 1, 2`,
    );
    const missing: string[] = [];
    for (const { table_name: table, column_name: column } of conceptColumns.rows) {
      const result = await database.query<{ concept_id: number }>(
        `SELECT DISTINCT t.${column} AS concept_id FROM cdm.${table} t
         LEFT JOIN vocab.concept c ON c.concept_id = t.${column}
         WHERE t.${column} IS NOT NULL AND c.concept_id IS NULL LIMIT 5`,
      );
      for (const row of result.rows) missing.push(`${table}.${column} = ${row.concept_id}`);
    }
    expect(missing).toEqual([]);
    expect(
      await count('SELECT count(DISTINCT condition_concept_id) FROM cdm.condition_occurrence'),
    ).toBeGreaterThan(20);
  });

  it('keeps every event after birth and inside the person observation period', async () => {
    expect(
      await count(`SELECT count(*) FROM scheduling.appointment a JOIN scheduling.patient p USING (patient_id)
                   WHERE a.start_at < p.birth_date`),
    ).toBe(0);
    for (const [table, dateColumn] of [
      ['visit_occurrence', 'visit_start_date'],
      ['condition_occurrence', 'condition_start_date'],
      ['drug_exposure', 'drug_exposure_start_date'],
      ['measurement', 'measurement_date'],
      ['procedure_occurrence', 'procedure_date'],
      ['death', 'death_date'],
    ] as const) {
      const outside = await count(
        `SELECT count(*) FROM cdm.${table} t
         LEFT JOIN cdm.observation_period o ON o.person_id = t.person_id
           AND t.${dateColumn} BETWEEN o.observation_period_start_date AND o.observation_period_end_date
         WHERE o.person_id IS NULL`,
      );
      expect(outside, `${table} rows outside the observation period`).toBe(0);
    }
  });

  it('places practices in the French regions and cities of the design', async () => {
    const places = await database.query<{ region: string; city: string }>(
      'SELECT DISTINCT region, city FROM scheduling.practice ORDER BY city',
    );
    expect(places.rows).toEqual([
      { region: 'Nouvelle-Aquitaine', city: 'Bordeaux' },
      { region: 'Hauts-de-France', city: 'Lille' },
      { region: 'Auvergne-Rhône-Alpes', city: 'Lyon' },
      { region: "Provence-Alpes-Côte d'Azur", city: 'Marseille' },
      { region: 'Occitanie', city: 'Montpellier' },
      { region: 'Pays de la Loire', city: 'Nantes' },
      { region: "Provence-Alpes-Côte d'Azur", city: 'Nice' },
      { region: 'Île-de-France', city: 'Paris' },
      { region: 'Grand Est', city: 'Strasbourg' },
      { region: 'Occitanie', city: 'Toulouse' },
    ]);
  });

  it('has realistic patterns: weekdays, summer dip, lead time, channel and specialty effects', async () => {
    const sundays = await count(
      `SELECT count(*) FROM scheduling.appointment WHERE extract(dow FROM start_at) = 0`,
    );
    const mondays = await count(
      `SELECT count(*) FROM scheduling.appointment WHERE extract(dow FROM start_at) = 1`,
    );
    expect(sundays).toBe(0);
    expect(mondays).toBeGreaterThan(0);
    const august = await count(
      `SELECT count(*) FROM scheduling.appointment WHERE extract(month FROM start_at) = 8`,
    );
    const november = await count(
      `SELECT count(*) FROM scheduling.appointment WHERE extract(month FROM start_at) = 11 AND start_at < $1`,
      [referenceDate],
    );
    expect(august).toBeLessThan(november);

    const rate = async (where: string) =>
      Number(
        (
          await database.query<{ rate: number }>(
            `SELECT avg((status = 'cancelled')::int)::float AS rate FROM scheduling.appointment WHERE ${where}`,
          )
        ).rows[0]?.rate,
      );
    expect(await rate(`start_at - booked_at > interval '30 days'`)).toBeGreaterThan(
      await rate(`start_at - booked_at < interval '3 days'`),
    );
    expect(await rate(`channel = 'online'`)).toBeGreaterThan(await rate(`channel = 'walk_in'`));

    const teleShare = async (specialty: string) =>
      Number(
        (
          await database.query<{ share: number }>(
            `SELECT avg((a.visit_type = 'teleconsultation')::int)::float AS share FROM scheduling.appointment a
             JOIN scheduling.practitioner p USING (practitioner_id) JOIN scheduling.specialty s USING (specialty_id)
             WHERE s.name = $1`,
            [specialty],
          )
        ).rows[0]?.share,
      );
    expect(await teleShare('Psychiatry')).toBeGreaterThan(await teleShare('Ophthalmology'));
    expect(
      await count(
        `SELECT count(*) FROM scheduling.appointment WHERE channel = 'walk_in' AND visit_type = 'teleconsultation'`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) FROM scheduling.appointment WHERE booked_at > $1`, [
        `${referenceDate} 00:00:00`,
      ]),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM scheduling.appointment WHERE status = 'scheduled' AND start_at < $1`,
        [`${referenceDate} 00:00:00`],
      ),
    ).toBe(0);
  });

  it('records where the data came from and refuses to overwrite it without --force', async () => {
    const state = await readWarehouseState(database);
    expect(state.map((part) => [part.part, part.source])).toEqual([
      ['clinical', 'demo'],
      ['scheduling', 'demo'],
      ['vocabulary', 'bundled subset'],
    ]);
    await expect(
      seedDemoWarehouse({ warehouse: database, scale: 0.05, seed: 1, referenceDate, force: false }),
    ).rejects.toMatchObject({
      code: 'warehouse_not_empty',
    });
    expect(await count('SELECT count(*) FROM scheduling.patient')).toBe(2000);
  });
});

describe.each(testDatabaseAdapters)('loading real OMOP data over the demo on $name', (adapter) => {
  it('empties the demo booking mart, whose rows pointed at demo persons', async () => {
    const handle = await adapter.create();
    const folder = createTemporaryDirectory('hale-real-omop-');
    try {
      await migrate(handle.database, migrations);
      await seedDemoWarehouse({
        warehouse: handle.database,
        scale: 0.02,
        seed: 1,
        referenceDate,
        force: false,
      });
      writeFileSync(
        join(folder.path, 'PERSON.csv'),
        'person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id\n100001,8507,1950,0,0\n',
      );
      const report = await loadOmopDataset({ database: handle.database, path: folder.path });
      expect(report.emptiedSchemas).toEqual(['scheduling']);
      const patients = await handle.database.query<{ count: number }>(
        'SELECT count(*) AS count FROM scheduling.patient',
      );
      expect(patients.rows).toEqual([{ count: 0 }]);
      const state = await readWarehouseState(handle.database);
      expect(state.find((part) => part.part === 'scheduling')?.source).toBe('none');
      expect(state.find((part) => part.part === 'clinical')?.source).toMatch(/^omop:hale-real-omop-/);
    } finally {
      folder.remove();
      await handle.dispose();
    }
  }, 120_000);
});

describe('demo generator', () => {
  it('is deterministic for a seed and differs for another seed', async () => {
    const fingerprint = async (seed: number) => {
      const warehouse = await generateDemoWarehouse({ scale: 0.05, seed, referenceDate });
      return (
        warehouse.tables
          .map((table) => `${table.table}:${table.rowCount}:${table.chunks.join('').length}`)
          .join('|') +
        (warehouse.tables.find((table) => table.table === 'scheduling.appointment')?.chunks.join('') ?? '')
      );
    };
    const first = await fingerprint(11);
    expect(await fingerprint(11)).toBe(first);
    expect(await fingerprint(12)).not.toBe(first);
  });
});
