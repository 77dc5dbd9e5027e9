import { GovernanceError } from '../governance-error.js';
import { fieldsOf, nodeEntry } from '../sql/sql-node.js';
import type { ParsedStatement } from '../sql/sql-parser.js';

/** Words for statement kinds people try, so a refusal says what was seen. */
const statementNames: Readonly<Record<string, string>> = {
  InsertStmt: 'INSERT',
  UpdateStmt: 'UPDATE',
  DeleteStmt: 'DELETE',
  MergeStmt: 'MERGE',
  VariableSetStmt: 'SET/RESET',
  VariableShowStmt: 'SHOW',
  TransactionStmt: 'transaction control',
  CopyStmt: 'COPY',
  ExplainStmt: 'EXPLAIN',
  DoStmt: 'DO',
  PrepareStmt: 'PREPARE',
  ExecuteStmt: 'EXECUTE',
  DeallocateStmt: 'DEALLOCATE',
  CallStmt: 'CALL',
  ListenStmt: 'LISTEN',
  NotifyStmt: 'NOTIFY',
  UnlistenStmt: 'UNLISTEN',
  CreateStmt: 'CREATE TABLE',
  CreateTableAsStmt: 'CREATE TABLE AS',
  DropStmt: 'DROP',
  TruncateStmt: 'TRUNCATE',
  GrantStmt: 'GRANT/REVOKE',
  GrantRoleStmt: 'GRANT/REVOKE role',
  AlterTableStmt: 'ALTER TABLE',
  LockStmt: 'LOCK',
  DeclareCursorStmt: 'DECLARE CURSOR',
  FetchStmt: 'FETCH',
  ClosePortalStmt: 'CLOSE',
  VacuumStmt: 'VACUUM/ANALYZE',
  LoadStmt: 'LOAD',
  DiscardStmt: 'DISCARD',
  CheckPointStmt: 'CHECKPOINT',
  CreateFunctionStmt: 'CREATE FUNCTION',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
};

/**
 * Exactly one statement, and it is a plain SELECT (or VALUES / set operation of SELECTs). Everything
 * else — SET ROLE, COPY, EXPLAIN, transaction control, DO … — is refused before anything runs.
 */
export function checkStatement(statements: readonly ParsedStatement[]): Record<string, unknown> {
  if (statements.length === 0) throw new GovernanceError('syntax_error', 'the SQL holds no statement');
  if (statements.length > 1)
    throw new GovernanceError(
      'statement_not_allowed',
      `exactly one statement is allowed; this SQL holds ${statements.length} (stacked statements are refused)`,
    );
  const statement = (statements[0] as ParsedStatement).statement;
  const select = fieldsOf(statement, 'SelectStmt');
  if (select) return select;
  const type = nodeEntry(statement)?.[0] ?? 'unknown';
  throw new GovernanceError(
    'statement_not_allowed',
    `${statementNames[type] ?? type.replace(/Stmt$/, '')} statements are not allowed: Hale only runs SELECT queries`,
  );
}
