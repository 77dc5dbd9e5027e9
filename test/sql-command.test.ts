import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicyPath } from './support/governed-test-warehouse.js';
import { runHale } from './support/run-hale.js';
import { createTemporaryDirectory } from './support/test-databases.js';

const scratch = createTemporaryDirectory('hale-sql-');
const dataDirectory = `${scratch.path}/data`;
const hale = (args: string[], input?: string) =>
  runHale([...args, '--data-dir', dataDirectory], input === undefined ? {} : { input });

beforeAll(async () => {
  const seeded = await hale(['seed', '--scale', '0.03', '--reference-date', '2026-06-30']);
  expect(seeded.exitCode).toBe(0);
}, 120_000);
afterAll(() => scratch.remove());

describe('hale sql', () => {
  it('prints the rows the principal may see, the executed SQL and the policies as JSON', async () => {
    const run = await hale([
      'sql',
      '--as',
      'carol',
      '--json',
      'SELECT count(*) AS appointments FROM scheduling.appointment',
    ]);
    expect(run.exitCode).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ status: 'ok', columns: ['appointments'], rowCount: 1 });
    expect(document.executedSql).toContain('region = ANY ($1)');
    expect(document.policies).toEqual([
      'scheduling.appointment: rows filtered (ops_manager: scheduling.appointment)',
    ]);
    const admin = JSON.parse(
      (
        await hale([
          'sql',
          '--as',
          'admin',
          '--json',
          `SELECT count(*) AS appointments FROM scheduling.appointment a JOIN scheduling.practice p USING (practice_id) WHERE p.region = 'Île-de-France'`,
        ])
      ).stdout,
    );
    expect(document.rows).toEqual(admin.rows);
  }, 60_000);

  it('exits 1 with the reason when the gate denies the query', async () => {
    const text = await hale(['sql', '--as', 'carol', 'SELECT email FROM scheduling.patient']);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('column scheduling.patient.email is not available to role ops_manager');
    const json = await hale(['sql', '--as', 'carol', '--json', 'SET ROLE postgres']);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 'denied',
      code: 'statement_not_allowed',
      rows: [],
      executedSql: null,
    });
  }, 60_000);

  it('runs many queries in one process with --jsonl, one result per line, bad lines reported', async () => {
    const input = [
      JSON.stringify({ sql: 'SELECT count(*) AS n FROM scheduling.practice' }),
      'not json',
      JSON.stringify({ sql: 'SELECT pg_sleep(1)' }),
      '',
      JSON.stringify({ sql: 'SELECT name FROM scheduling.practice ORDER BY practice_id LIMIT 1' }),
    ].join('\n');
    const run = await hale(['sql', '--as', 'bob', '--jsonl'], input);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ status: 'ok', rows: [{ n: 1 }] });
    expect(lines[1]).toMatchObject({ status: 'error', code: 'invalid_input' });
    expect(lines[1].reason).toContain('line 2');
    expect(lines[2]).toMatchObject({ status: 'denied', code: 'not_permitted' });
    expect(lines[3]).toMatchObject({ status: 'ok', rowCount: 1 });
  }, 60_000);

  it('refuses a missing --as and an unknown principal with a specific message', async () => {
    const missing = await hale(['sql', 'SELECT 1']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--as USER is required');
    const unknown = await hale(['sql', '--as', 'alicia', 'SELECT 1']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('no principal named "alicia"');
    expect(unknown.stderr).toContain('alice');
  }, 60_000);

  it('refuses to run under a policy whose rule names a column the warehouse lacks', async () => {
    const policy = readFileSync(defaultPolicyPath, 'utf8');
    const index = policy.lastIndexOf('email: deny');
    const misspelt = `${scratch.path}/misspelt.yml`;
    writeFileSync(
      misspelt,
      `${policy.slice(0, index)}emial: deny${policy.slice(index + 'email: deny'.length)}`,
    );
    const run = await hale([
      'sql',
      '--as',
      'carol',
      '--policies',
      misspelt,
      'SELECT email FROM scheduling.patient',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /misspelt\.yml:\d+: role ops_manager, scheduling\.patient: column emial does not exist in scheduling\.patient \(did you mean email\?\)/,
    );
  }, 60_000);

  it('records each query in the audit log', async () => {
    const audit = await hale(['audit', '--json', '--user', 'carol']);
    const entries = JSON.parse(audit.stdout).entries;
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.map((entry: { channel: string }) => entry.channel)).toContain('cli');
    expect(
      entries.some(
        (entry: { outcome: string; code?: string }) =>
          entry.outcome === 'denied' && entry.code === 'not_permitted',
      ),
    ).toBe(true);
  }, 60_000);
});
