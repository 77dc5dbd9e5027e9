import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { copyStatement } from './copy-statement.js';
import type { CopyFromSource, Database, Queryable, QueryOptions, QueryResult, Row } from './database.js';
import { valueParsers } from './value-parsers.js';

/**
 * PGlite reads a COPY source from one Blob and runs it on the main thread: batches of a few MB keep
 * memory bounded for gigabyte files and let the event loop (health checks) run between batches.
 */
const copyBatchBytes = 2 * 1024 * 1024;

/**
 * PGlite runs queries on the main thread and settles them with microtasks only, so a long
 * transaction would starve timers and sockets (health checks hang during a seed). Yielding one
 * macrotask before each statement keeps the process responsive at a cost of microseconds.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

type PGliteConnection = Pick<PGliteTransaction, 'query' | 'exec'>;

function toQueryResult<TRow extends Row>(result: {
  rows: TRow[];
  fields: { name: string }[];
  affectedRows?: number;
}): QueryResult<TRow> {
  return {
    rows: result.rows,
    fields: result.fields.map((field) => ({ name: field.name })),
    rowCount: result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0),
  };
}

function queryable(connection: PGliteConnection): Queryable {
  return {
    async query<TRow extends Row = Row>(
      sql: string,
      params: readonly unknown[] = [],
      options: QueryOptions = {},
    ) {
      await yieldToEventLoop();
      // A running statement cannot be interrupted here; an aborted caller at least never starts one.
      options.signal?.throwIfAborted();
      const result = await connection.query<TRow>(sql, [...params]);
      return toQueryResult(result);
    },
    async exec(sql: string) {
      await yieldToEventLoop();
      await connection.exec(sql);
    },
    async copyFrom(source: CopyFromSource) {
      const statement = copyStatement(source, "'/dev/blob'");
      let rowCount = 0;
      let batch: string[] = [];
      let batchBytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await yieldToEventLoop();
        const result = await connection.query(statement, [], { blob: new Blob(batch) });
        rowCount += result.affectedRows ?? 0;
        batch = [];
        batchBytes = 0;
      };
      for await (const chunk of source.chunks) {
        batch.push(chunk);
        batchBytes += chunk.length;
        if (batchBytes >= copyBatchBytes) await flush();
      }
      await flush();
      return rowCount;
    },
  };
}

/**
 * Opens (creating on first use) an embedded PGlite database in `directory` with the pgvector and
 * pg_trgm extensions available. The caller owns the directory lock.
 */
export async function openPGliteDatabase({ directory }: { directory: string }): Promise<Database> {
  const pglite = await PGlite.create({
    dataDir: directory,
    extensions: { vector, pg_trgm },
    parsers: valueParsers,
  });
  await pglite.exec(`SET TimeZone = 'UTC'`);
  let closed = false;
  const outside = queryable(pglite);
  return {
    kind: 'pglite',
    location: directory,
    canInterruptStatements: false,
    ...outside,
    // COPY goes in batches; one transaction makes a bulk load all-or-nothing, as on a server.
    copyFrom: (source) => pglite.transaction((transaction) => queryable(transaction).copyFrom(source)),
    transaction: (work) => pglite.transaction((transaction) => work(queryable(transaction))),
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
