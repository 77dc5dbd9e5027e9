import type { AdversarialCase } from '../adversarial-cases.js';

const notAllowed = { outcome: 'denied', code: 'statement_not_allowed' } as const;
const notPermitted = { outcome: 'denied', code: 'not_permitted' } as const;

/**
 * Attempts to change who the query runs as or under which limits: roles, settings (as statements or
 * through functions), transaction control, row locks, parameters and prepared statements.
 */
export const sessionCases: readonly AdversarialCase[] = [
  // roles and settings
  {
    id: 'role-set-role',
    category: 'role-and-settings',
    user: 'carol',
    sql: 'SET ROLE postgres',
    expect: notAllowed,
  },
  {
    id: 'role-reset-role',
    category: 'role-and-settings',
    user: 'bob',
    sql: 'RESET ROLE',
    expect: notAllowed,
  },
  {
    id: 'role-set-session-authorization',
    category: 'role-and-settings',
    user: 'alice',
    sql: 'SET SESSION AUTHORIZATION DEFAULT',
    expect: notAllowed,
  },
  {
    id: 'role-set-statement-timeout',
    category: 'role-and-settings',
    user: 'admin',
    sql: 'SET statement_timeout = 0',
    expect: notAllowed,
  },
  {
    id: 'role-set-local-read-only-off',
    category: 'role-and-settings',
    user: 'admin',
    sql: 'SET LOCAL transaction_read_only = off',
    expect: notAllowed,
  },
  {
    id: 'role-set-search-path',
    category: 'role-and-settings',
    user: 'carol',
    sql: 'SET search_path TO pg_catalog, scheduling',
    expect: notAllowed,
  },
  {
    id: 'role-reset-all',
    category: 'role-and-settings',
    user: 'dana',
    sql: 'RESET ALL',
    expect: notAllowed,
  },
  {
    id: 'role-show-setting',
    category: 'role-and-settings',
    user: 'bob',
    sql: 'SHOW search_path',
    expect: notAllowed,
  },
  {
    id: 'role-set-config-function',
    category: 'role-and-settings',
    user: 'carol',
    sql: "SELECT set_config('role', 'postgres', false)",
    expect: notPermitted,
  },
  {
    id: 'role-set-config-qualified-beside-data',
    category: 'role-and-settings',
    user: 'bob',
    sql: "SELECT pg_catalog.set_config('search_path', 'pg_catalog', true) AS path, count(*) FROM scheduling.patient",
    expect: notPermitted,
  },
  {
    id: 'role-current-setting',
    category: 'role-and-settings',
    user: 'alice',
    sql: "SELECT current_setting('is_superuser')",
    expect: notPermitted,
  },
  {
    id: 'role-current-user',
    category: 'role-and-settings',
    user: 'bob',
    sql: 'SELECT current_user',
    expect: notPermitted,
  },
  {
    id: 'role-session-user',
    category: 'role-and-settings',
    user: 'dana',
    sql: 'SELECT session_user AS who',
    expect: notPermitted,
  },
  {
    id: 'role-alter-role',
    category: 'role-and-settings',
    user: 'admin',
    sql: 'ALTER ROLE CURRENT_USER SET statement_timeout = 0',
    expect: notAllowed,
  },

  // transaction control
  {
    id: 'transaction-begin',
    category: 'transaction-control',
    user: 'admin',
    sql: 'BEGIN',
    expect: notAllowed,
  },
  {
    id: 'transaction-commit-then-delete',
    category: 'transaction-control',
    user: 'admin',
    sql: 'COMMIT; DELETE FROM scheduling.appointment',
    expect: notAllowed,
  },
  {
    id: 'transaction-rollback',
    category: 'transaction-control',
    user: 'bob',
    sql: 'ROLLBACK',
    expect: notAllowed,
  },
  {
    id: 'transaction-start-read-write',
    category: 'transaction-control',
    user: 'admin',
    sql: 'START TRANSACTION READ WRITE',
    expect: notAllowed,
  },
  {
    id: 'transaction-set-read-write',
    category: 'transaction-control',
    user: 'dana',
    sql: 'SET TRANSACTION READ WRITE',
    expect: notAllowed,
  },
  {
    id: 'transaction-savepoint',
    category: 'transaction-control',
    user: 'carol',
    sql: 'SAVEPOINT escape_hatch',
    expect: notAllowed,
  },
  {
    id: 'transaction-lock-table',
    category: 'transaction-control',
    user: 'admin',
    sql: 'LOCK TABLE scheduling.patient IN ACCESS EXCLUSIVE MODE',
    expect: notAllowed,
  },
  {
    id: 'transaction-prepare-transaction',
    category: 'transaction-control',
    user: 'admin',
    sql: "PREPARE TRANSACTION 'dangling'",
    expect: notAllowed,
  },

  // locking clauses
  {
    id: 'locking-for-update',
    category: 'locking-clauses',
    user: 'bob',
    sql: 'SELECT patient_id FROM scheduling.patient FOR UPDATE',
    expect: notAllowed,
  },
  {
    id: 'locking-for-share-in-subquery',
    category: 'locking-clauses',
    user: 'admin',
    sql: 'SELECT count(*) FROM (SELECT practice_id FROM scheduling.practice FOR SHARE) s',
    expect: notAllowed,
  },
  {
    id: 'locking-for-no-key-update-skip-locked',
    category: 'locking-clauses',
    user: 'dana',
    sql: 'SELECT person_id FROM cdm.person FOR NO KEY UPDATE SKIP LOCKED',
    expect: notAllowed,
  },

  // parameters and prepared statements
  {
    id: 'parameters-positional-parameter',
    category: 'parameters',
    user: 'bob',
    sql: 'SELECT email FROM scheduling.patient WHERE patient_id = $1',
    expect: notAllowed,
  },
  {
    id: 'parameters-prepare',
    category: 'parameters',
    user: 'admin',
    sql: 'PREPARE stolen AS SELECT email FROM scheduling.patient',
    expect: notAllowed,
  },
  {
    id: 'parameters-execute',
    category: 'parameters',
    user: 'carol',
    sql: 'EXECUTE stolen',
    expect: notAllowed,
  },
];
