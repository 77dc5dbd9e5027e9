/** A row as returned by the driver: column name → value. */
export type Row = Record<string, unknown>;

/** The result of one statement. `fields` keeps the column order the database returned. */
export interface QueryResult<TRow extends Row = Row> {
  rows: TRow[];
  fields: { name: string }[];
  rowCount: number;
}

/**
 * What a bulk load needs: the target table, its column order, and the rows as CSV text chunks
 * (RFC 4180, no header, empty unquoted field = NULL). Chunks may be any size; adapters batch them.
 */
export interface CopyFromSource {
  table: string;
  columns: readonly string[];
  chunks: AsyncIterable<string> | Iterable<string>;
}

/** Options of one statement. */
export interface QueryOptions {
  /**
   * Aborting cancels the running statement where the database can (PostgreSQL: a cancel request);
   * the embedded database only refuses to start once aborted.
   */
  signal?: AbortSignal;
}

/** Statements available both on the database and inside a transaction. */
export interface Queryable {
  /** Runs one statement with `$1`-style bound parameters. */
  query<TRow extends Row = Row>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<TRow>>;
  /** Runs a script of several statements without parameters (DDL, migrations). */
  exec(sql: string): Promise<void>;
  /** Bulk-loads CSV rows with COPY … FROM STDIN; resolves to the number of rows loaded. */
  copyFrom(source: CopyFromSource): Promise<number>;
}

/** The statements of one open transaction. */
export type Transaction = Queryable;

/**
 * The database port. Two adapters implement it: embedded PGlite and a `pg` pool. Callers never see
 * the driver, so everything above `db/` runs unchanged on both.
 */
export interface Database extends Queryable {
  /** Which adapter this is, for messages and metrics only; behaviour must not branch on it. */
  readonly kind: 'pglite' | 'postgres';
  /** A human description of where the data lives (a path, or a URL without its password). */
  readonly location: string;
  /**
   * Whether a running statement can be stopped (statement_timeout, cancel requests). PGlite runs
   * PostgreSQL single-threaded in WebAssembly: its statement_timeout never fires (measured: a 1 s
   * timeout let a 29 s query finish), so callers bound the work before running instead.
   */
  readonly canInterruptStatements: boolean;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. Inside
   * `work`, use only the transaction it receives: the embedded adapter has a single connection, so
   * a query on the database itself would wait for the transaction to end and never return.
   */
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  /** Flushes and releases the database. Safe to call twice. */
  close(): Promise<void>;
}
