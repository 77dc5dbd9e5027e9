import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../mcp-tools/governance/index.js';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';

const ileDeFrance = `SELECT practice_id FROM scheduling.practice WHERE region = 'Île-de-France'`;

describe.each(testDatabaseAdapters)('governance gate on $name', (adapter) => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;

  beforeAll(async () => {
    handle = await adapter.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database });
  }, 180_000);
  afterAll(async () => handle?.dispose());

  it('gives each demo principal exactly its scope of scheduling.appointment', async () => {
    const [all] = await warehouse.reference('SELECT count(*) AS n FROM scheduling.appointment');
    const [region] = await warehouse.reference(
      `SELECT count(*) AS n FROM scheduling.appointment WHERE practice_id IN (${ileDeFrance})`,
    );
    const [practice] = await warehouse.reference(
      'SELECT count(*) AS n FROM scheduling.appointment WHERE practice_id = 1',
    );
    const count = async (user: string) =>
      (await warehouse.runAs(user, 'SELECT count(*) AS n FROM scheduling.appointment')).rows;
    expect(await count('admin')).toEqual([all]);
    expect(await count('dana')).toEqual([all]);
    expect(await count('carol')).toEqual([region]);
    expect(await count('bob')).toEqual([practice]);
    expect(Number(region?.n)).toBeGreaterThan(0);
    expect(Number(region?.n)).toBeLessThan(Number(all?.n));
  });

  it('masks dana’s view of patients inside the table, so her predicates see masked values', async () => {
    const result = await warehouse.runAs(
      'dana',
      "SELECT first_name, email, phone, birth_date, postal_code FROM scheduling.patient WHERE postal_code = '75' ORDER BY birth_date LIMIT 3",
    );
    expect(result.status).toBe('ok');
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      expect(row.first_name).toBe('[redacted]');
      expect(String(row.email)).toMatch(/^h_[0-9a-f]{16}$/);
      expect(row.phone).toBeNull();
      expect(String(row.birth_date)).toMatch(/^\d{4}-01-01$/);
      expect(row.postal_code).toBe('75');
    }
    expect(result.policies.join('\n')).toContain('scheduling.patient.email: masked (hash)');
  });

  it('refuses a denied column in any clause and names it', async () => {
    for (const sql of [
      'SELECT email FROM scheduling.patient',
      "SELECT count(*) FROM scheduling.patient WHERE email LIKE '%@%'",
      'SELECT * FROM scheduling.patient',
      'SELECT row_to_json(p) FROM scheduling.patient p',
      'SELECT city FROM scheduling.patient ORDER BY last_name',
    ]) {
      const result = await warehouse.runAs('carol', sql);
      expect(result, sql).toMatchObject({ status: 'denied', code: 'not_permitted', rows: [] });
    }
    const star = await warehouse.runAs('carol', 'SELECT * FROM scheduling.patient');
    expect(star.reason).toContain('email');
  });

  it('hides small groups from the aggregate-only analyst and reports it', async () => {
    const result = await warehouse.runAs(
      'alice',
      'SELECT year_of_birth, count(DISTINCT person_id) AS persons FROM cdm.person GROUP BY year_of_birth',
    );
    expect(result.status).toBe('ok');
    const reference = await warehouse.reference(
      'SELECT year_of_birth, count(DISTINCT person_id) AS persons FROM cdm.person GROUP BY year_of_birth',
    );
    const small = reference.filter((row) => Number(row.persons) < 11).length;
    expect(small).toBeGreaterThan(0);
    expect(result.suppression?.smallGroups).toBe(small);
    for (const row of result.rows) expect(Number(row.persons)).toBeGreaterThanOrEqual(11);
    expect(result.columns.map((column) => column.name)).toEqual(['year_of_birth', 'persons']);
    const rows = await warehouse.runAs('alice', 'SELECT person_id, year_of_birth FROM cdm.person');
    expect(rows).toMatchObject({ status: 'denied', code: 'aggregate_required' });
  });

  it('records every decision in the audit log with the policy version', async () => {
    await warehouse.runAs('bob', 'DELETE FROM scheduling.appointment');
    const [entry] = await listAuditEntries(handle.database, { limit: 1 });
    expect(entry).toMatchObject({
      principal: 'bob',
      role: 'clinician',
      outcome: 'denied',
      code: 'statement_not_allowed',
      originalSql: 'DELETE FROM scheduling.appointment',
      policyVersion: warehouse.policy.version,
    });
  });

  it('lets PostgreSQL flatten a row-filter fence only when no predicate can leak a hidden row', async () => {
    const inRegion = `practice_id IN (${ileDeFrance})`;
    const cases = [
      // Leakproof predicates (or none): the fence has no OFFSET 0 barrier.
      { sql: 'SELECT status, count(*) AS n FROM scheduling.appointment GROUP BY status', barrier: false },
      {
        sql: "SELECT count(*) AS n FROM scheduling.appointment WHERE status IN ('no_show', 'cancelled') AND practice_id BETWEEN 1 AND 30",
        barrier: false,
      },
      {
        sql: "SELECT count(*) AS n FROM scheduling.appointment a JOIN scheduling.practice p USING (practice_id) WHERE p.city <> 'Lyon' AND a.cancelled_at IS NULL",
        barrier: false,
      },
      // A predicate that can fail on a value, or that PostgreSQL does not mark leakproof: the barrier stays.
      {
        sql: 'SELECT count(*) AS n FROM scheduling.appointment WHERE 10 / (practice_id - 7) > 0',
        barrier: true,
      },
      {
        sql: "SELECT count(*) AS n FROM scheduling.appointment WHERE start_at >= DATE '2026-01-01'",
        barrier: true,
      },
      {
        sql: 'SELECT count(*) AS n FROM (SELECT practice_id FROM scheduling.appointment) s WHERE s.practice_id / 1 = 3',
        barrier: true,
      },
      {
        sql: 'SELECT count(*) AS n FROM scheduling.practice p, LATERAL (SELECT 1 FROM scheduling.appointment a WHERE a.practice_id = p.practice_id LIMIT 1) l',
        barrier: true,
      },
      {
        sql: "SELECT status, count(*) AS n FROM scheduling.appointment GROUP BY status HAVING status <> 'x' || ''",
        barrier: true,
      },
    ];
    for (const { sql, barrier } of cases) {
      const result = await warehouse.runAs('carol', sql);
      expect(result.status, sql).toBe('ok');
      expect(result.executedSql?.includes('OFFSET 0'), sql).toBe(barrier);
      // Same answer as the administrator's query restricted to carol's region, by hand.
      const restricted = sql
        .replaceAll(
          'FROM scheduling.appointment a',
          `FROM (SELECT * FROM scheduling.appointment WHERE ${inRegion}) a`,
        )
        .replaceAll(
          'FROM scheduling.appointment GROUP',
          `FROM (SELECT * FROM scheduling.appointment WHERE ${inRegion}) x GROUP`,
        )
        .replaceAll(
          'FROM scheduling.appointment WHERE',
          `FROM (SELECT * FROM scheduling.appointment WHERE ${inRegion}) x WHERE`,
        )
        .replaceAll('FROM scheduling.appointment)', `FROM scheduling.appointment WHERE ${inRegion})`)
        .replaceAll(
          'FROM scheduling.practice p',
          `FROM (SELECT * FROM scheduling.practice WHERE region = 'Île-de-France') p`,
        )
        .replaceAll(
          'JOIN scheduling.practice p',
          `JOIN (SELECT * FROM scheduling.practice WHERE region = 'Île-de-France') p`,
        );
      const expected = await warehouse.reference(restricted);
      const canonical = (rows: Record<string, unknown>[]) => rows.map((row) => JSON.stringify(row)).sort();
      expect(canonical(result.rows), sql).toEqual(canonical(expected));
    }
    // dana's fence only masks (no row is hidden): it never needs the barrier.
    const masked = await warehouse.runAs(
      'dana',
      "SELECT count(*) AS n FROM scheduling.patient WHERE postal_code = '75'",
    );
    expect(masked.executedSql).not.toContain('OFFSET 0');
    const [paris] = await warehouse.reference(
      "SELECT count(*) AS n FROM scheduling.patient WHERE left(postal_code, 2) = '75'",
    );
    expect(masked.rows).toEqual([paris]);
  });
});
