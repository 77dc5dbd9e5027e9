import { once } from 'node:events';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { copyStatement } from './copy-statement.js';
import type { CopyFromSource, Database, Queryable, QueryOptions, QueryResult, Row } from './database.js';
import { DatabaseError } from './database-error.js';
import { valueParsers } from './value-parsers.js';

type Client = pg.PoolClient;

/** Carries a transaction's error when its ROLLBACK failed too, so the connection is discarded. */
class RollbackFailedError extends Error {
  readonly original: unknown;

  constructor(original: unknown) {
    super('ROLLBACK failed');
    this.original = original;
  }
}

const types = {
  getTypeParser(oid: number, format?: string) {
    const parser = valueParsers[oid];
    return parser ?? pg.types.getTypeParser(oid, format as 'text');
  },
};

function toQueryResult<TRow extends Row>(result: pg.QueryResult<TRow>): QueryResult<TRow> {
  return {
    rows: result.rows,
    fields: (result.fields ?? []).map((field) => ({ name: field.name })),
    rowCount: result.fields && result.fields.length > 0 ? result.rows.length : (result.rowCount ?? 0),
  };
}

async function copyInto(client: Client, source: CopyFromSource): Promise<number> {
  const stream = client.query(copyFromStdin(copyStatement(source, 'STDIN')));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Observed below; this keeps an early failure from surfacing as an unhandled rejection.
  finished.catch(() => {});
  try {
    for await (const chunk of source.chunks) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), finished]);
    }
    stream.end();
    await finished;
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return stream.rowCount;
}

function clientQueryable(client: Client, pool: pg.Pool): Queryable {
  return {
    async query<TRow extends Row = Row>(
      sql: string,
      params: readonly unknown[] = [],
      options: QueryOptions = {},
    ) {
      const { signal } = options;
      signal?.throwIfAborted();
      // node-postgres has no cancel API: ask the server to cancel this connection's statement.
      const cancel = () => {
        const processId = (client as unknown as { processID?: number }).processID;
        if (processId !== undefined) pool.query('SELECT pg_cancel_backend($1)', [processId]).catch(() => {});
      };
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        return toQueryResult(await client.query<TRow>(sql, [...params]));
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    copyFrom: (source) => copyInto(client, source),
  };
}

/** Removes the password from a connection URL so it can appear in messages and logs. */
export function redactConnectionUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable connection URL)';
  }
}

/**
 * Connects a `pg` pool to a PostgreSQL-wire server and checks it answers, so an unreachable
 * `DATABASE_URL` fails at start with one clear message rather than on the first request.
 */
export async function openPostgresDatabase({
  url,
  maxConnections = 10,
  applicationName = 'hale',
}: {
  url: string;
  maxConnections?: number;
  applicationName?: string;
}): Promise<Database> {
  const location = redactConnectionUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    application_name: applicationName,
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: 10_000,
    types,
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseError('database_unreachable', `cannot connect to ${location}: ${reason}`, {
      cause: error,
    });
  }

  const withClient = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      // A connection whose ROLLBACK failed is in an unknown state: discard it instead of reusing it.
      if (error instanceof RollbackFailedError) broken = error;
      throw error instanceof RollbackFailedError ? error.original : error;
    } finally {
      client.release(broken);
    }
  };

  let closed = false;
  return {
    kind: 'postgres',
    location,
    canInterruptStatements: true,
    query: (sql, params, options) =>
      withClient((client) => clientQueryable(client, pool).query(sql, params, options)),
    async exec(sql: string) {
      await pool.query(sql);
    },
    copyFrom: (source) => withClient((client) => copyInto(client, source)),
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(clientQueryable(client, pool));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          try {
            await client.query('ROLLBACK');
          } catch {
            throw new RollbackFailedError(error);
          }
          throw error;
        }
      }),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
