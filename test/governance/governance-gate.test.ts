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
});
