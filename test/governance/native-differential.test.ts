import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNativePolicies } from '../../mcp-tools/governance/index.js';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters, testDatabaseUrl } from '../support/test-databases.js';

/**
 * The gate and the native PostgreSQL rendering of the same policy must agree: every query the gate
 * allows returns exactly the same rows when run natively as the principal's role, and a query
 * natively refused for lack of privilege is refused by the gate too. Aggregate-only access has no
 * native equivalent, so for alice only unsuppressed results are compared (suppressed ones must be a
 * subset of the native rows).
 */

type Outcome = { refused: true } | { refused: false; rows: string[] };

const handWritten: [user: string, sql: string][] = [
  ['admin', 'SELECT status, count(*) AS n FROM appointment GROUP BY status'],
  ['bob', 'SELECT appointment_id, status, start_at FROM appointment'],
  [
    'bob',
    'SELECT p.last_name, count(*) AS n FROM appointment a JOIN patient p USING (patient_id) GROUP BY p.last_name',
  ],
  ['bob', 'SELECT name FROM practice'],
  ['bob', 'SELECT full_name FROM practitioner'],
  ['bob', 'SELECT count(*) AS n FROM person'],
  ['bob', 'SELECT count(*) AS n FROM visit_occurrence v JOIN person p ON p.person_id = v.person_id'],
  [
    'bob',
    'SELECT email FROM patient WHERE patient_id IN (SELECT patient_id FROM appointment WHERE status = $$no_show$$)',
  ],
  ['carol', 'SELECT count(*) AS n FROM appointment'],
  ['carol', 'SELECT city, count(*) AS n FROM patient GROUP BY city'],
  ['carol', 'SELECT name, region FROM practice'],
  [
    'carol',
    'SELECT pr.region, a.channel, count(*) AS n FROM appointment a JOIN practice pr USING (practice_id) GROUP BY 1, 2',
  ],
  ['carol', 'SELECT email FROM patient'],
  ['carol', 'SELECT count(*) AS n FROM person'],
  ['dana', 'SELECT first_name, email, phone, birth_date, postal_code FROM patient'],
  ['dana', 'SELECT postal_code, count(*) AS n FROM patient GROUP BY postal_code'],
  ['dana', 'SELECT count(*) AS n FROM patient WHERE birth_date < $$1970-06-01$$'],
  ['dana', 'SELECT gender_concept_id, count(*) AS n FROM person GROUP BY 1'],
  ['alice', 'SELECT gender_concept_id, count(DISTINCT person_id) AS n FROM person GROUP BY 1'],
  ['alice', 'SELECT status, count(*) AS n FROM appointment GROUP BY status'],
  ['alice', 'SELECT postal_code, count(*) AS n FROM patient GROUP BY postal_code'],
];

const stringValues = [
  'Paris',
  'Lyon',
  'online',
  'phone',
  'no_show',
  'completed',
  'teleconsultation',
  'Île-de-France',
];
const dateValues = ['2024-01-01', '2025-06-15', '2026-01-01'];
const operators = ['=', '<>', '<', '>='];

/** Generated queries over the scheduling mart and two OMOP tables, for every row-level principal. */
function generatedQueries(warehouse: GovernedTestWarehouse, count: number): [string, string][] {
  const tables = [
    'scheduling.appointment',
    'scheduling.patient',
    'scheduling.practice',
    'scheduling.practitioner',
    'cdm.person',
    'cdm.visit_occurrence',
  ].map((key) => warehouse.governed.catalog.tables.get(key));
  const available = tables.filter((table) => table !== undefined);
  const query = fc
    .record({
      user: fc.constantFrom('admin', 'dana', 'bob', 'carol'),
      table: fc.constantFrom(...available),
      seed: fc.nat(10_000),
      grouped: fc.boolean(),
      filtered: fc.boolean(),
      operator: fc.constantFrom(...operators),
    })
    .map(({ user, table, seed, grouped, filtered, operator }) => {
      const columns = table.columns;
      const pick = (offset: number) => columns[(seed + offset) % columns.length] as (typeof columns)[number];
      const selected = [pick(0), pick(3), pick(7)].filter(
        (column, index, all) => all.indexOf(column) === index,
      );
      const predicateColumn = pick(5);
      const constant =
        predicateColumn.type.startsWith('int') || predicateColumn.type === 'integer'
          ? String(seed % 500)
          : predicateColumn.type.startsWith('date') || predicateColumn.type.startsWith('timestamp')
            ? `'${dateValues[seed % dateValues.length]}'`
            : `'${stringValues[seed % stringValues.length]}'`;
      const where = filtered ? ` WHERE ${predicateColumn.name} ${operator} ${constant}` : '';
      const from = table.name;
      const sql = grouped
        ? `SELECT ${selected[0]?.name}, count(*) AS n FROM ${from}${where} GROUP BY 1`
        : `SELECT ${selected.map((column) => column.name).join(', ')} FROM ${from}${where}`;
      return [user, sql] as [string, string];
    });
  return fc.sample(query, { numRuns: count, seed: 20_261_123 });
}

function normalise(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((row) => JSON.stringify(Object.values(row))).sort();
}

describe.each(testDatabaseAdapters)('gate and native policies agree on $name', (adapter) => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;
  const rolePrefix = `hd${randomBytes(3).toString('hex')}_`;

  beforeAll(async () => {
    handle = await adapter.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.05 });
    const script = renderNativePolicies({
      policy: warehouse.policy,
      catalog: warehouse.governed.catalog,
      rolePrefix,
    });
    await handle.database.exec(script);
  }, 180_000);
  afterAll(async () => {
    // Roles belong to the whole server: drop this run's once its database is gone.
    if (handle) {
      await handle.dispose();
      if (adapter.name === 'postgres') await dropRoles(rolePrefix);
    }
  });

  async function runNative(user: string, sql: string): Promise<Outcome> {
    try {
      const rows = await handle.database.transaction(async (transaction) => {
        await transaction.exec(`SET LOCAL ROLE ${rolePrefix}${user}`);
        await transaction.exec(`SET LOCAL search_path = ${rolePrefix}${user}, scheduling, cdm, vocab`);
        return (await transaction.query(sql)).rows;
      });
      return { refused: false, rows: normalise(rows) };
    } catch (error) {
      // 42501: no privilege; 42P01: the role cannot see the schema, so the name does not resolve.
      if (['42501', '42P01'].includes(String((error as { code?: string }).code))) return { refused: true };
      throw error;
    }
  }

  it('returns identical rows for a hand-written and a generated corpus', async () => {
    const corpus = [...handWritten, ...generatedQueries(warehouse, 200)];
    const mismatches: string[] = [];
    let compared = 0;
    for (const [user, sql] of corpus) {
      const governed = await warehouse.runAs(user, sql);
      const native = await runNative(user, sql);
      if (governed.status === 'ok') {
        compared++;
        const rows = normalise(governed.rows);
        if (native.refused) mismatches.push(`${user}: ${sql}: gate allowed, native refused`);
        else if (governed.truncated || (governed.suppression && governed.suppression.smallGroups > 0)) {
          // The row cap or small-cell suppression removed rows: what remains must be native rows.
          const nativeRows = new Set(native.rows);
          if (!rows.every((row) => nativeRows.has(row)))
            mismatches.push(`${user}: ${sql}: capped or suppressed rows not a subset`);
          if (governed.truncated && native.rows.length <= rows.length)
            mismatches.push(`${user}: ${sql}: truncated without cause`);
        } else if (JSON.stringify(rows) !== JSON.stringify(native.rows))
          mismatches.push(`${user}: ${sql}: ${rows.length} governed rows vs ${native.rows.length} native`);
      } else if (!native.refused && governed.code === 'not_permitted') {
        mismatches.push(`${user}: ${sql}: gate refused (${governed.reason}), native allowed`);
      }
    }
    console.info(
      `[differential] ${adapter.name}: ${corpus.length} queries, ${compared} compared row for row, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  }, 300_000);
});

async function dropRoles(rolePrefix: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    const roles = await client.query<{ rolname: string }>(
      'SELECT rolname FROM pg_roles WHERE rolname LIKE $1',
      [`${rolePrefix}%`],
    );
    for (const { rolname } of roles.rows) await client.query(`DROP ROLE IF EXISTS ${rolname}`);
  } finally {
    await client.end();
  }
}
