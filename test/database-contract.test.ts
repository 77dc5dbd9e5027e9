import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, migrations, requireExtension } from '../mcp-tools/db/index.js';
import { type DisposableDatabase, testDatabaseAdapters } from './support/test-databases.js';

describe.each(testDatabaseAdapters)('database port on $name', (adapter) => {
  let handle: DisposableDatabase;
  let database: Database;

  beforeAll(async () => {
    handle = await adapter.create();
    database = handle.database;
  }, 60_000);
  afterAll(async () => handle?.dispose());

  it('binds parameters instead of interpolating them', async () => {
    const hostile = "x'); DROP TABLE pg_class; --";
    const result = await database.query<{ echoed: string; answer: number }>(
      'SELECT $1::text AS echoed, $2::int + 1 AS answer',
      [hostile, 41],
    );
    expect(result.rows).toEqual([{ echoed: hostile, answer: 42 }]);
    expect(result.fields.map((field) => field.name)).toEqual(['echoed', 'answer']);
  });

  it('returns the same JavaScript values on every adapter', async () => {
    const result = await database.query(
      `SELECT count(*) AS total, 2.50::numeric AS ratio, DATE '2024-02-29' AS day,
              TIMESTAMP '2024-02-29 13:45:00' AS at, 9007199254740993::bigint AS huge`,
    );
    expect(result.rows[0]).toEqual({
      total: 1,
      ratio: 2.5,
      day: '2024-02-29',
      at: '2024-02-29 13:45:00',
      huge: '9007199254740993',
    });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await database.exec('CREATE TABLE contract_items (item_id int PRIMARY KEY, label text)');
    await database.transaction(async (transaction) => {
      await transaction.query('INSERT INTO contract_items VALUES ($1, $2)', [1, 'kept']);
    });
    await expect(
      database.transaction(async (transaction) => {
        await transaction.query('INSERT INTO contract_items VALUES ($1, $2)', [2, 'lost']);
        throw new Error('abort the load');
      }),
    ).rejects.toThrow('abort the load');
    const rows = await database.query('SELECT item_id, label FROM contract_items ORDER BY item_id');
    expect(rows.rows).toEqual([{ item_id: 1, label: 'kept' }]);
  });

  it('bulk-loads CSV chunks with COPY, NULLs and quoting included', async () => {
    await database.exec('CREATE TABLE contract_copy (copy_id int, note text, measured_on date)');
    function* chunks() {
      yield '1,"comma, inside",2024-01-02\n2,,';
      yield '\n3,"quote "" inside",\n';
    }
    const loaded = await database.copyFrom({
      table: 'contract_copy',
      columns: ['copy_id', 'note', 'measured_on'],
      chunks: chunks(),
    });
    expect(loaded).toBe(3);
    const rows = await database.query('SELECT * FROM contract_copy ORDER BY copy_id');
    expect(rows.rows).toEqual([
      { copy_id: 1, note: 'comma, inside', measured_on: '2024-01-02' },
      { copy_id: 2, note: null, measured_on: null },
      { copy_id: 3, note: 'quote " inside', measured_on: null },
    ]);
  });

  it('rolls back a COPY that fails inside a transaction, leaving earlier data', async () => {
    await database.exec('CREATE TABLE contract_atomic (atomic_id int NOT NULL)');
    await database.copyFrom({ table: 'contract_atomic', columns: ['atomic_id'], chunks: ['1\n2\n'] });
    await expect(
      database.transaction(async (transaction) => {
        await transaction.exec('DELETE FROM contract_atomic');
        await transaction.copyFrom({
          table: 'contract_atomic',
          columns: ['atomic_id'],
          chunks: ['3\nnot-a-number\n'],
        });
      }),
    ).rejects.toThrow(/invalid input syntax for type integer/);
    const rows = await database.query('SELECT atomic_id FROM contract_atomic ORDER BY atomic_id');
    expect(rows.rows).toEqual([{ atomic_id: 1 }, { atomic_id: 2 }]);
  });

  it('makes a bulk load outside a transaction all-or-nothing, however many batches it takes', async () => {
    await database.exec('CREATE TABLE contract_bulk (bulk_id int NOT NULL, note text)');
    function* rows() {
      // About 5 MB: several of the embedded adapter's COPY batches, then one bad row at the end.
      for (let chunk = 0; chunk < 50; chunk++) {
        yield Array.from({ length: 2000 }, (_, index) => `${chunk * 2000 + index},${'x'.repeat(40)}\n`).join(
          '',
        );
      }
      yield 'not-a-number,last\n';
    }
    await expect(
      database.copyFrom({ table: 'contract_bulk', columns: ['bulk_id', 'note'], chunks: rows() }),
    ).rejects.toThrow(/invalid input syntax for type integer/);
    const count = await database.query<{ count: number }>('SELECT count(*) AS count FROM contract_bulk');
    expect(count.rows).toEqual([{ count: 0 }]);
  });

  it('applies migrations once, records them, and reports extension-gated ones', async () => {
    const first = await migrate(database, migrations);
    const second = await migrate(database, migrations);
    expect(second.applied).toEqual([]);
    const recorded = await database.query<{ version: number }>(
      'SELECT version FROM hale.schema_migration ORDER BY 1',
    );
    // A retired migration is never applied to a new database; its successor does its work.
    const expected = migrations
      .filter((migration) => !migration.retired)
      .filter((migration) => (migration.requires ?? []).every((extension) => first.features[extension]))
      .map((migration) => migration.version);
    expect(recorded.rows.map((row) => row.version)).toEqual(expected);
    if (first.features.vector) {
      expect(first.pending).toEqual([]);
    } else {
      expect(first.pending.map((pending) => pending.name)).toEqual(['chunk embeddings']);
      expect(first.pending.map((pending) => pending.missing)).toEqual([['vector']]);
      expect(() =>
        requireExtension(first.features, 'vector', {
          feature: 'document search',
          location: database.location,
        }),
      ).toThrow(/CREATE EXTENSION vector/);
    }
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const [firstMigration] = migrations;
    if (!firstMigration) throw new Error('no migrations');
    const edited = [{ ...firstMigration, sql: `${firstMigration.sql}\n-- edited` }];
    await expect(migrate(database, edited)).rejects.toMatchObject({ code: 'migration_failed' });
  });
});

describe('embedded database', () => {
  it('always has pgvector and pg_trgm', async () => {
    const [pglite] = testDatabaseAdapters;
    if (!pglite) throw new Error('no adapters');
    const handle = await pglite.create();
    try {
      const report = await migrate(handle.database, migrations);
      expect(report.features).toEqual({ vector: true, pg_trgm: true });
      const distance = await handle.database.query<{ distance: number }>(
        "SELECT '[1,2,3]'::vector <-> '[1,2,4]'::vector AS distance",
      );
      expect(distance.rows[0]?.distance).toBe(1);
    } finally {
      await handle.dispose();
    }
  }, 60_000);
});
