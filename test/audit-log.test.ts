import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, migrations, openEmbeddedDatabase } from '../mcp-tools/db/index.js';
import { type AuditEntry, listAuditEntries, recordAuditEntry } from '../mcp-tools/governance/audit/index.js';
import { runHale } from './support/run-hale.js';
import {
  createTemporaryDirectory,
  type DisposableDatabase,
  testDatabaseAdapters,
} from './support/test-databases.js';

/** A plausible allowed query; tests override what they are about. */
function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    principal: 'alice',
    role: 'analyst',
    channel: 'chat',
    tool: 'run_sql',
    originalSql: 'SELECT count(*) FROM scheduling.appointment',
    executedSql: 'SELECT count(*) FROM scheduling.appointment LIMIT 1001',
    policies: ['scheduling.appointment: all rows (analyst)'],
    outcome: 'ok',
    rowsReturned: 1,
    suppressedGroups: 0,
    durationMs: 12.5,
    policyVersion: 'policy-v1',
    ...overrides,
  };
}

const appendOnly = /hale\.audit_log is append-only/;

describe.each(testDatabaseAdapters)('audit log on $name', (adapter) => {
  let handle: DisposableDatabase;
  let database: Database;

  beforeAll(async () => {
    handle = await adapter.create();
    database = handle.database;
    const report = await migrate(database, migrations);
    expect(report.pending.map((pending) => pending.version)).not.toContain(3);
  }, 60_000);
  afterAll(async () => handle?.dispose());

  async function snapshot() {
    const result = await database.query('SELECT * FROM hale.audit_log ORDER BY audit_id');
    return result.rows;
  }

  it('records entries and reads them back newest first, exactly as written', async () => {
    const hostileSql = "SELECT '); DROP TABLE hale.audit_log; --' AS x";
    const first = await recordAuditEntry(database, auditEntry({ originalSql: hostileSql }));
    const second = await recordAuditEntry(
      database,
      auditEntry({
        principal: 'bob',
        role: 'clinician',
        channel: 'mcp',
        tool: 'query_metrics',
        executedSql: undefined,
        policies: [],
        outcome: 'denied',
        code: 'not_permitted',
        reason: 'cdm.person is not available to clinician',
        rowsReturned: 0,
      }),
    );
    const third = await recordAuditEntry(
      database,
      auditEntry({ outcome: 'error', code: 'timeout', reason: 'cancelled after 30 s', suppressedGroups: 3 }),
    );
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);

    const entries = await listAuditEntries(database, { limit: 10 });
    expect(entries.map((entry) => entry.auditId)).toEqual([third, second, first]);
    const [newest, denied, oldest] = entries;
    expect(oldest).toEqual({
      ...auditEntry({ originalSql: hostileSql }),
      auditId: first,
      occurredAt: expect.any(String),
    });
    expect(denied).toEqual({
      auditId: second,
      occurredAt: expect.any(String),
      principal: 'bob',
      role: 'clinician',
      channel: 'mcp',
      tool: 'query_metrics',
      originalSql: 'SELECT count(*) FROM scheduling.appointment',
      policies: [],
      outcome: 'denied',
      code: 'not_permitted',
      reason: 'cdm.person is not available to clinician',
      rowsReturned: 0,
      suppressedGroups: 0,
      durationMs: 12.5,
      policyVersion: 'policy-v1',
    });
    expect(newest).toMatchObject({ outcome: 'error', code: 'timeout', suppressedGroups: 3 });
    for (const entry of entries) {
      expect(entry.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(new Date(entry.occurredAt).toISOString()).toBe(entry.occurredAt);
      expect(Math.abs(Date.parse(entry.occurredAt) - Date.now())).toBeLessThan(60_000);
    }
  });

  it('filters by principal and outcome and honours the limit', async () => {
    const bob = await listAuditEntries(database, { limit: 10, principal: 'bob' });
    expect(bob.map((entry) => entry.principal)).toEqual(['bob']);
    const errors = await listAuditEntries(database, { limit: 10, outcome: 'error' });
    expect(errors.map((entry) => entry.code)).toEqual(['timeout']);
    const aliceOk = await listAuditEntries(database, { limit: 10, principal: 'alice', outcome: 'ok' });
    expect(aliceOk).toHaveLength(1);
    expect(await listAuditEntries(database, { limit: 10, principal: 'nobody' })).toEqual([]);
    const latest = await listAuditEntries(database, { limit: 2 });
    expect(latest.map((entry) => entry.outcome)).toEqual(['error', 'denied']);
  });

  it('breaks ties in time by id, so entries of one transaction still list newest first', async () => {
    const ids = await database.transaction(async (transaction) => [
      await recordAuditEntry(transaction, auditEntry({ principal: 'carol', tool: 'first' })),
      await recordAuditEntry(transaction, auditEntry({ principal: 'carol', tool: 'second' })),
    ]);
    const carol = await listAuditEntries(database, { limit: 10, principal: 'carol' });
    expect(carol.map((entry) => entry.tool)).toEqual(['second', 'first']);
    expect(carol.map((entry) => entry.auditId)).toEqual([...ids].reverse());
    expect(carol[0]?.occurredAt).toBe(carol[1]?.occurredAt);
  });

  it('refuses an entry with an unknown channel or outcome', async () => {
    const before = await snapshot();
    await expect(
      recordAuditEntry(database, auditEntry({ channel: 'email' as AuditEntry['channel'] })),
    ).rejects.toThrow(/check constraint/);
    await expect(
      recordAuditEntry(database, auditEntry({ outcome: 'maybe' as AuditEntry['outcome'] })),
    ).rejects.toThrow(/check constraint/);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['UPDATE', "UPDATE hale.audit_log SET outcome = 'ok', reason = NULL WHERE outcome = 'denied'"],
    ['UPDATE', 'UPDATE hale.audit_log SET principal = principal'],
    ['DELETE', "DELETE FROM hale.audit_log WHERE principal = 'bob'"],
    ['DELETE', 'DELETE FROM hale.audit_log'],
    ['TRUNCATE', 'TRUNCATE hale.audit_log'],
    ['TRUNCATE', 'TRUNCATE hale.audit_log RESTART IDENTITY CASCADE'],
  ])('refuses %s and leaves every row as it was: %s', async (operation, statement) => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    const failure = database.query(statement);
    await expect(failure).rejects.toThrow(appendOnly);
    await expect(failure).rejects.toThrow(`${operation} is not allowed`);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses changes inside a transaction too, rolling back the transaction', async () => {
    const before = await snapshot();
    await expect(
      database.transaction(async (transaction) => {
        await recordAuditEntry(transaction, auditEntry({ principal: 'mallory' }));
        await transaction.exec("DELETE FROM hale.audit_log WHERE principal = 'alice'");
      }),
    ).rejects.toThrow(appendOnly);
    expect(await snapshot()).toEqual(before);
  });
});

describe('hale audit', () => {
  const scratch = createTemporaryDirectory('hale-audit-');
  afterAll(() => scratch.remove());

  it('lists the audit command in help', async () => {
    const help = await runHale(['help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^ {2}audit +list recent governed queries/m);
    const auditHelp = await runHale(['audit', '--help']);
    expect(auditHelp.stdout).toContain('--outcome ok|denied|error');
  });

  it('prints no entries on a fresh data directory', async () => {
    const dataDirectory = join(scratch.path, 'fresh');
    const json = await runHale(['audit', '--json', '--data-dir', dataDirectory]);
    expect(json.exitCode, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ entries: [] });
    const text = await runHale(['audit', '--data-dir', dataDirectory]);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toBe('No audit entries yet.\n');
  }, 60_000);

  it('lists recorded entries newest first, filtered, as JSON and as one line each', async () => {
    const dataDirectory = join(scratch.path, 'recorded');
    const database = await openEmbeddedDatabase({ directory: dataDirectory });
    try {
      await migrate(database, migrations);
      await recordAuditEntry(database, auditEntry());
      await recordAuditEntry(
        database,
        auditEntry({
          principal: 'bob',
          channel: 'cli',
          originalSql: `SELECT person_id,\n       year_of_birth\n  FROM cdm.person\n WHERE year_of_birth < 1950 AND gender_concept_id = 8507 AND race_concept_id = 8527`,
          executedSql: undefined,
          outcome: 'denied',
          code: 'not_permitted',
          rowsReturned: 0,
        }),
      );
    } finally {
      await database.close();
    }

    const json = await runHale(['audit', '--json', '--data-dir', dataDirectory]);
    expect(json.exitCode, json.stderr).toBe(0);
    const { entries } = JSON.parse(json.stdout);
    expect(entries.map((entry: { principal: string }) => entry.principal)).toEqual(['bob', 'alice']);
    expect(entries[0]).not.toHaveProperty('executedSql');

    const denied = await runHale(['audit', '--outcome', 'denied', '--data-dir', dataDirectory]);
    expect(denied.exitCode, denied.stderr).toBe(0);
    const lines = denied.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z {2}bob {2}cli {2}run_sql {2}denied \(not_permitted\) {2}0 rows {2}SELECT person_id, year_of_birth FROM cdm\.person WHERE .*…$/,
    );
    expect(lines[0]?.split('  ').at(-1)).toHaveLength(80);

    const alice = await runHale(['audit', '--user', 'alice', '--limit', '1', '--data-dir', dataDirectory]);
    expect(alice.stdout).toContain(
      'alice  chat  run_sql  ok  1 rows  SELECT count(*) FROM scheduling.appointment',
    );
    const nobody = await runHale(['audit', '--user', 'nobody', '--data-dir', dataDirectory]);
    expect(nobody.stdout).toBe('No audit entries match these filters.\n');
    // Four CLI processes: about 50 s on a busy two-core machine, so the guard is 2 minutes.
  }, 120_000);

  it.each([
    [['--limit', 'abc'], '--limit must be a whole number from 1 to 1000, got "abc"'],
    [['--limit', '0'], '--limit must be a whole number from 1 to 1000, got "0"'],
    [['--limit', '1001'], '--limit must be a whole number from 1 to 1000, got "1001"'],
    [['--limit', '2.5'], '--limit must be a whole number from 1 to 1000, got "2.5"'],
    [['--outcome', 'maybe'], '--outcome must be one of ok, denied, error, got "maybe"'],
    [['--user='], '--user must name a principal'],
  ])('rejects %j with exit code 2 before touching the data directory', async (args, message) => {
    const dataDirectory = join(scratch.path, 'never');
    const run = await runHale(['audit', ...args, '--data-dir', dataDirectory]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`hale audit: ${message}`);
    expect(run.stderr).toContain('Usage: hale audit');
    expect(existsSync(dataDirectory)).toBe(false);
  });
});
