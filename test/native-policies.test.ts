import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { type Database, migrate, migrations } from '../mcp-tools/db/index.js';
import {
  type GovernancePolicy,
  governedSchemas,
  loadGovernancePolicy,
  readWarehouseCatalog,
  renderNativePolicies,
  type WarehouseCatalog,
} from '../mcp-tools/governance/index.js';
import { seedDemoWarehouse } from '../mcp-tools/warehouse/index.js';
import { runHale } from './support/run-hale.js';
import {
  createTemporaryDirectory,
  type DisposableDatabase,
  testDatabaseAdapters,
  testDatabaseUrl,
} from './support/test-databases.js';

const policyFile = fileURLToPath(new URL('../mcp-tools/governance/default-policies.yml', import.meta.url));
const policyText = readFileSync(policyFile, 'utf8');

/**
 * The shipped policy without carol, plus erin, whose patient filter excludes patients with a
 * cancelled appointment at any practice while her appointments are filtered to practice 1: under
 * row-level security the inner read of scheduling.appointment would see only practice 1's
 * cancellations and so exclude fewer patients.
 */
function changedPolicyText(): string {
  const document = parseDocument(policyText);
  document.deleteIn(['principals', 'carol']);
  document.setIn(['principals', 'erin'], { role: 'front_desk', attributes: { practice_ids: [1] } });
  document.setIn(['roles', 'front_desk'], {
    tables: {
      'scheduling.appointment': {
        access: 'rows',
        row_filter: "practice_id = ANY (principal('practice_ids'))",
      },
      'scheduling.patient': {
        access: 'rows',
        row_filter:
          "patient_id NOT IN (SELECT appointment.patient_id FROM scheduling.appointment WHERE appointment.status = 'cancelled')",
      },
    },
  });
  return document.toString();
}

/** Drops the roles a run made on the shared server: roles outlive the test database. */
async function dropRolesOnServer(rolePrefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    const roles = await admin.query<{ rolname: string }>(
      'SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)',
      [rolePrefix],
    );
    for (const { rolname } of roles.rows) await admin.query(`DROP ROLE IF EXISTS "${rolname}"`);
  } finally {
    await admin.end();
  }
}

describe.each(testDatabaseAdapters)('native policies on $name', (adapter) => {
  // Roles belong to the whole server, which other test files and runs share: each run names its own.
  const rolePrefix = `hale_${randomBytes(4).toString('hex')}_`;
  const role = (user: string) => `${rolePrefix}${user}`;
  let handle: DisposableDatabase;
  let database: Database;
  let policy: GovernancePolicy;
  let catalog: WarehouseCatalog;
  let script: string;

  const count = async (sql: string) => Number((await database.query<{ count: number }>(sql)).rows[0]?.count);
  const queryAs = (user: string, sql: string) =>
    database.transaction(async (transaction) => {
      await transaction.exec(`SET LOCAL ROLE "${role(user)}"`);
      return (await transaction.query(sql)).rows;
    });
  const countAs = async (user: string, sql: string) => Number((await queryAs(user, sql))[0]?.count);

  beforeAll(async () => {
    handle = await adapter.create();
    database = handle.database;
    await migrate(database, migrations);
    await seedDemoWarehouse({
      warehouse: database,
      scale: 0.05,
      seed: 7,
      referenceDate: '2026-11-23',
      force: false,
    });
    policy = await loadGovernancePolicy({ file: policyFile, text: policyText });
    catalog = await readWarehouseCatalog(database, governedSchemas);
    script = renderNativePolicies({ policy, catalog, rolePrefix });
    await database.exec(script);
    // A role Hale does not govern, reading a table Hale filters, as other users of a warehouse do.
    await database.exec(`CREATE ROLE "${role('reader')}" NOLOGIN;
      GRANT USAGE ON SCHEMA scheduling TO "${role('reader')}";
      GRANT SELECT ON scheduling.appointment TO "${role('reader')}"`);
  }, 180_000);
  afterAll(async () => {
    try {
      await handle?.dispose();
    } finally {
      if (adapter.name === 'postgres') await dropRolesOnServer(rolePrefix);
    }
  });

  it('renders the same script for the same policy and catalog', () => {
    expect(renderNativePolicies({ policy, catalog, rolePrefix })).toBe(script);
    expect(script).toContain(`-- Policy version ${policy.version} (default-policies.yml)`);
  });

  it('shows bob only practice 1 appointments, their patients and those patients OMOP rows', async () => {
    const appointments = await count('SELECT count(*) FROM scheduling.appointment WHERE practice_id = 1');
    expect(appointments).toBeGreaterThan(0);
    expect(appointments).toBeLessThan(await count('SELECT count(*) FROM scheduling.appointment'));
    expect(await countAs('bob', 'SELECT count(*) FROM scheduling.appointment')).toBe(appointments);
    const patientsOfPractice =
      'SELECT patient_id, person_id FROM scheduling.patient WHERE patient_id IN (SELECT patient_id FROM scheduling.appointment WHERE practice_id = 1)';
    expect(await countAs('bob', 'SELECT count(*) FROM scheduling.patient')).toBe(
      await count(`SELECT count(*) FROM (${patientsOfPractice}) AS patients`),
    );
    // cdm.person's filter reads scheduling.patient, whose own filter reads scheduling.appointment:
    // through row-level security each inner read is filtered for bob, and the rows are still the gate's.
    const people = await count(
      `SELECT count(*) FROM cdm.person WHERE person_id IN (SELECT person_id FROM (${patientsOfPractice}) AS patients)`,
    );
    expect(people).toBeGreaterThan(0);
    expect(await countAs('bob', 'SELECT count(*) FROM cdm.person')).toBe(people);
    await expect(queryAs('bob', 'SELECT count(*) FROM cdm.location')).rejects.toThrow(/permission denied/);
  });

  it('shows carol the scheduling rows of Île-de-France and no patient identifiers or OMOP data', async () => {
    const appointments = await count(
      `SELECT count(*) FROM scheduling.appointment JOIN scheduling.practice USING (practice_id)
        WHERE practice.region = 'Île-de-France'`,
    );
    expect(appointments).toBeGreaterThan(0);
    expect(await countAs('carol', 'SELECT count(*) FROM scheduling.appointment')).toBe(appointments);
    expect(await countAs('carol', 'SELECT count(*) FROM scheduling.patient')).toBe(
      await count(
        `SELECT count(*) FROM scheduling.patient WHERE patient_id IN (
           SELECT patient_id FROM scheduling.appointment JOIN scheduling.practice USING (practice_id)
            WHERE practice.region = 'Île-de-France')`,
      ),
    );
    await expect(queryAs('carol', 'SELECT email FROM scheduling.patient')).rejects.toThrow(
      /permission denied/,
    );
    await expect(queryAs('carol', 'SELECT count(*) FROM cdm.person')).rejects.toThrow(/permission denied/);
  });

  it('shows dana masked patients through her view, not the table, and whole OMOP rows', async () => {
    const columns = 'patient_id, first_name, last_name, email, phone, birth_date, postal_code, city';
    const original = await database.query(
      `SELECT ${columns} FROM scheduling.patient ORDER BY patient_id LIMIT 20`,
    );
    const masked = await queryAs(
      'dana',
      `SELECT ${columns} FROM "${role('dana')}".patient ORDER BY patient_id LIMIT 20`,
    );
    expect(masked).toHaveLength(20);
    for (const [index, row] of masked.entries()) {
      const source = original.rows[index] as Record<string, string | null>;
      const hash = (value: string) => `h_${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
      expect(row).toEqual({
        patient_id: source.patient_id,
        first_name: '[redacted]',
        last_name: '[redacted]',
        email: source.email === null ? null : hash(source.email as string),
        phone: null,
        birth_date: `${String(source.birth_date).slice(0, 4)}-01-01`,
        postal_code: String(source.postal_code).slice(0, 2),
        city: source.city,
      });
    }
    await expect(queryAs('dana', 'SELECT count(*) FROM scheduling.patient')).rejects.toThrow(
      /permission denied/,
    );
    expect(await countAs('dana', 'SELECT count(*) FROM cdm.person')).toBe(
      await count('SELECT count(*) FROM cdm.person'),
    );
  });

  it('lets alice count cdm.person but not read its withheld columns or tables', async () => {
    expect(await countAs('alice', 'SELECT count(*) FROM cdm.person')).toBe(
      await count('SELECT count(*) FROM cdm.person'),
    );
    await expect(queryAs('alice', 'SELECT person_source_value FROM cdm.person')).rejects.toThrow(
      /permission denied/,
    );
    await expect(queryAs('alice', 'SELECT count(*) FROM cdm.note_nlp')).rejects.toThrow(/permission denied/);
    expect(script).toContain('minimum cell size');
  });

  it('leaves every row to admin and to roles Hale does not govern', async () => {
    const appointments = await count('SELECT count(*) FROM scheduling.appointment');
    expect(await countAs('admin', 'SELECT count(*) FROM scheduling.appointment')).toBe(appointments);
    expect(await countAs('reader', 'SELECT count(*) FROM scheduling.appointment')).toBe(appointments);
  });

  it('refuses to run, changing nothing, when PUBLIC may read a governed table', async () => {
    await database.exec('GRANT SELECT ON scheduling.specialty TO PUBLIC');
    try {
      await expect(database.transaction((transaction) => transaction.exec(script))).rejects.toThrow(
        /PUBLIC may read scheduling\.specialty/,
      );
    } finally {
      await database.exec('REVOKE SELECT ON scheduling.specialty FROM PUBLIC');
    }
    expect(await countAs('bob', 'SELECT count(*) FROM scheduling.appointment')).toBeGreaterThan(0);
  });

  it('converges when re-run: a departed principal loses access, an unsafe filter goes through a view', async () => {
    const changedPolicy = await loadGovernancePolicy({ file: policyFile, text: changedPolicyText() });
    const changedScript = renderNativePolicies({ policy: changedPolicy, catalog, rolePrefix });
    expect(changedScript).toContain(`CREATE VIEW ${role('erin')}.patient WITH (security_barrier)`);
    await database.exec(changedScript);
    await database.exec(changedScript);

    await expect(queryAs('carol', 'SELECT count(*) FROM scheduling.appointment')).rejects.toThrow(
      /permission denied/,
    );
    expect(await countAs('reader', 'SELECT count(*) FROM scheduling.appointment')).toBe(
      await count('SELECT count(*) FROM scheduling.appointment'),
    );
    const notCancelled = await count(
      `SELECT count(*) FROM scheduling.patient WHERE patient_id NOT IN (
         SELECT patient_id FROM scheduling.appointment WHERE status = 'cancelled')`,
    );
    expect(await countAs('erin', `SELECT count(*) FROM "${role('erin')}".patient`)).toBe(notCancelled);
    await expect(queryAs('erin', 'SELECT count(*) FROM scheduling.patient')).rejects.toThrow(
      /permission denied/,
    );
    expect(await countAs('erin', 'SELECT count(*) FROM scheduling.appointment')).toBe(
      await count('SELECT count(*) FROM scheduling.appointment WHERE practice_id = 1'),
    );

    await database.exec(script);
    expect(await countAs('carol', 'SELECT count(*) FROM scheduling.appointment')).toBeGreaterThan(0);
    await expect(queryAs('erin', 'SELECT count(*) FROM scheduling.appointment')).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('hale governance sql', () => {
  const scratch = createTemporaryDirectory('hale-native-');
  const hale = (args: string[], env: Record<string, string> = {}) =>
    runHale([...args, '--data-dir', `${scratch.path}/data`], { env });

  beforeAll(async () => {
    const seeded = await hale(['seed', '--scale', '0.02', '--reference-date', '2026-06-30']);
    expect(seeded.exitCode).toBe(0);
  }, 120_000);
  afterAll(() => scratch.remove());

  it('prints the script and the policy version as JSON, from --policies or HALE_POLICIES', async () => {
    const policyCopy = `${scratch.path}/policies.yml`;
    const text = policyText.replace('version: 1', '# a copy\nversion: 1');
    writeFileSync(policyCopy, text);
    const fromFlag = await hale(['governance', 'sql', '--json', '--policies', policyCopy]);
    expect(fromFlag.exitCode).toBe(0);
    const document = JSON.parse(fromFlag.stdout) as { sql: string; policyVersion: string };
    const expectedVersion = createHash('sha256').update(text).digest('hex').slice(0, 12);
    expect(document.policyVersion).toBe(expectedVersion);
    expect(document.sql).toContain('CREATE ROLE hale_bob NOLOGIN;');
    expect(document.sql).toContain(`-- Policy version ${expectedVersion}`);
    const fromEnvironment = await hale(['governance', 'sql'], { HALE_POLICIES: policyCopy });
    expect(fromEnvironment.exitCode).toBe(0);
    expect(fromEnvironment.stdout).toBe(document.sql);
  }, 60_000);

  it('rejects an unknown subcommand with the usage', async () => {
    const run = await hale(['governance', 'apply']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('unknown governance subcommand "apply"');
    expect(run.stderr).toContain('hale governance sql');
  });
});
