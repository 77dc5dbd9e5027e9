import { loadModule, parseSync } from 'libpg-query';
import { deparseSync } from 'pgsql-deparser';
import { GovernanceError } from '../governance-error.js';
import type { SqlNode } from './sql-node.js';

let loading: Promise<void> | undefined;

/** Loads the PostgreSQL parser (WebAssembly) once per process; every other function here needs it. */
export function loadSqlParser(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

/** One parsed statement: its AST node (e.g. `{ SelectStmt: … }`). */
export interface ParsedStatement {
  statement: SqlNode;
}

/**
 * Parses SQL with PostgreSQL's own parser. A syntax error becomes `syntax_error` with the parser's
 * message and position; it never echoes data, since nothing has run yet.
 */
export function parseSql(sql: string): ParsedStatement[] {
  try {
    const result = parseSync(sql) as { stmts?: { stmt: SqlNode }[] };
    return (result.stmts ?? []).map((entry) => ({ statement: entry.stmt }));
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    const position =
      details?.cursorPosition === undefined ? '' : ` at character ${details.cursorPosition + 1}`;
    throw new GovernanceError('syntax_error', `SQL syntax error${position}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Turns statements back into SQL text (pgsql-deparser), the text the warehouse executes. */
export function deparseSql(statements: readonly SqlNode[]): string {
  return deparseSync(statements.map((statement) => ({ RawStmt: { stmt: statement } })) as never, {
    pretty: false,
  });
}
