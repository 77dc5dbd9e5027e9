import type { AdversarialCase } from '../adversarial-cases.js';
import { allEmails, emailsOutsideBob } from './policy-scopes.js';

const notAllowed = { outcome: 'denied', code: 'statement_not_allowed' } as const;

/** Anything but one plain SELECT: stacked statements, writes hidden in a SELECT, COPY, EXPLAIN, DDL. */
export const statementCases: readonly AdversarialCase[] = [
  // stacked statements
  {
    id: 'stacked-two-selects',
    category: 'stacked-statements',
    user: 'admin',
    sql: 'SELECT 1; SELECT 2',
    expect: notAllowed,
  },
  {
    id: 'stacked-select-then-drop',
    category: 'stacked-statements',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.practice; DROP TABLE scheduling.patient',
    expect: notAllowed,
  },
  {
    id: 'stacked-semicolon-inside-string-then-update',
    category: 'stacked-statements',
    user: 'admin',
    sql: "SELECT 'a;b' AS x; UPDATE scheduling.patient SET email = NULL",
    expect: notAllowed,
  },
  {
    id: 'stacked-second-statement-reads-denied-column',
    category: 'stacked-statements',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.practice; SELECT email FROM scheduling.patient',
    expect: notAllowed,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'stacked-commit-set-role-select',
    category: 'stacked-statements',
    user: 'bob',
    sql: 'SELECT 1; COMMIT; SET ROLE postgres; SELECT email FROM scheduling.patient',
    expect: notAllowed,
    forbiddenValuesFrom: emailsOutsideBob,
  },
  {
    id: 'stacked-trailing-semicolon-is-one-statement',
    category: 'stacked-statements',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.practice;',
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM scheduling.practice WHERE practice_id = 1' },
  },

  // writable CTEs
  {
    id: 'writable-cte-delete',
    category: 'writable-cte',
    user: 'admin',
    sql: 'WITH deleted AS (DELETE FROM scheduling.appointment RETURNING *) SELECT count(*) FROM deleted',
    expect: notAllowed,
  },
  {
    id: 'writable-cte-update',
    category: 'writable-cte',
    user: 'bob',
    sql: "WITH changed AS (UPDATE scheduling.patient SET email = 'x@example.org' RETURNING patient_id) SELECT * FROM changed",
    expect: notAllowed,
  },
  {
    id: 'writable-cte-insert',
    category: 'writable-cte',
    user: 'dana',
    sql: "WITH added AS (INSERT INTO scheduling.specialty VALUES (99, 'Intrusion', 0) RETURNING *) SELECT 1 AS one",
    expect: notAllowed,
  },
  {
    id: 'writable-cte-unreferenced-delete',
    category: 'writable-cte',
    user: 'admin',
    sql: 'WITH harmless AS (SELECT 1 AS one), gone AS (DELETE FROM cdm.death RETURNING person_id) SELECT one FROM harmless',
    expect: notAllowed,
  },
  {
    id: 'writable-cte-nested-in-subquery',
    category: 'writable-cte',
    user: 'admin',
    sql: 'SELECT * FROM (WITH gone AS (DELETE FROM cdm.death RETURNING person_id) SELECT person_id FROM gone) s',
    expect: notAllowed,
  },

  // SELECT INTO and its relatives
  {
    id: 'select-into-temp-table',
    category: 'select-into',
    user: 'bob',
    sql: 'SELECT * INTO TEMP stolen FROM scheduling.patient',
    expect: notAllowed,
  },
  {
    id: 'select-into-unlogged-table',
    category: 'select-into',
    user: 'bob',
    sql: 'SELECT email INTO UNLOGGED emails FROM scheduling.patient',
    expect: notAllowed,
  },
  {
    id: 'select-into-after-cte',
    category: 'select-into',
    user: 'admin',
    sql: 'WITH s AS (SELECT 1 AS x) SELECT x INTO TEMP t FROM s',
    expect: notAllowed,
  },
  {
    id: 'select-into-create-table-as',
    category: 'select-into',
    user: 'admin',
    sql: 'CREATE TABLE public.stolen AS SELECT * FROM scheduling.patient',
    expect: notAllowed,
  },
  {
    id: 'select-into-materialized-view',
    category: 'select-into',
    user: 'admin',
    sql: 'CREATE MATERIALIZED VIEW public.patients AS SELECT * FROM scheduling.patient',
    expect: notAllowed,
  },

  // COPY
  {
    id: 'copy-table-to-stdout',
    category: 'copy',
    user: 'admin',
    sql: 'COPY scheduling.patient TO STDOUT',
    expect: notAllowed,
  },
  {
    id: 'copy-query-to-file',
    category: 'copy',
    user: 'bob',
    sql: "COPY (SELECT email FROM scheduling.patient) TO '/tmp/emails.csv'",
    expect: notAllowed,
  },
  {
    id: 'copy-from-program',
    category: 'copy',
    user: 'admin',
    sql: "COPY scheduling.specialty FROM PROGRAM 'id'",
    expect: notAllowed,
  },
  {
    id: 'copy-psql-meta-command',
    category: 'copy',
    user: 'admin',
    sql: "\\copy scheduling.patient TO 'patients.csv'",
    expect: { outcome: 'denied', code: 'syntax_error' },
  },

  // EXPLAIN
  {
    id: 'explain-select',
    category: 'explain',
    user: 'bob',
    sql: 'EXPLAIN SELECT * FROM scheduling.patient',
    expect: notAllowed,
  },
  {
    id: 'explain-analyze-delete',
    category: 'explain',
    user: 'admin',
    sql: 'EXPLAIN ANALYZE DELETE FROM scheduling.appointment',
    expect: notAllowed,
  },
  {
    id: 'explain-json-probe-denied-column',
    category: 'explain',
    user: 'carol',
    sql: "EXPLAIN (FORMAT JSON) SELECT patient_id FROM scheduling.patient WHERE email = 'someone@example.com'",
    expect: notAllowed,
  },

  // other statements
  {
    id: 'non-select-insert',
    category: 'non-select-statements',
    user: 'admin',
    sql: "INSERT INTO scheduling.specialty VALUES (99, 'Intrusion', 0)",
    expect: notAllowed,
  },
  {
    id: 'non-select-update',
    category: 'non-select-statements',
    user: 'bob',
    sql: "UPDATE scheduling.appointment SET status = 'cancelled' WHERE practice_id = 2",
    expect: notAllowed,
  },
  {
    id: 'non-select-truncate',
    category: 'non-select-statements',
    user: 'admin',
    sql: 'TRUNCATE cdm.measurement',
    expect: notAllowed,
  },
  {
    id: 'non-select-drop-schema',
    category: 'non-select-statements',
    user: 'admin',
    sql: 'DROP SCHEMA scheduling CASCADE',
    expect: notAllowed,
  },
  {
    id: 'non-select-create-function',
    category: 'non-select-statements',
    user: 'admin',
    sql: "CREATE FUNCTION public.leak() RETURNS text LANGUAGE sql AS 'SELECT email FROM scheduling.patient LIMIT 1'",
    expect: notAllowed,
  },
  {
    id: 'non-select-grant',
    category: 'non-select-statements',
    user: 'admin',
    sql: 'GRANT ALL ON ALL TABLES IN SCHEMA scheduling TO PUBLIC',
    expect: notAllowed,
  },
  {
    id: 'non-select-vacuum',
    category: 'non-select-statements',
    user: 'dana',
    sql: 'VACUUM FULL cdm.measurement',
    expect: notAllowed,
  },
  {
    id: 'non-select-listen',
    category: 'non-select-statements',
    user: 'bob',
    sql: 'LISTEN hale',
    expect: notAllowed,
  },
  {
    id: 'non-select-discard-all',
    category: 'non-select-statements',
    user: 'carol',
    sql: 'DISCARD ALL',
    expect: notAllowed,
  },

  // syntax and unknown names
  {
    id: 'syntax-misspelt-keyword',
    category: 'syntax',
    user: 'bob',
    sql: 'SELEC email FROM scheduling.patient',
    expect: { outcome: 'denied', code: 'syntax_error' },
  },
  {
    id: 'syntax-dangling-where',
    category: 'syntax',
    user: 'carol',
    sql: 'SELECT * FROM scheduling.patient WHERE',
    expect: { outcome: 'denied', code: 'syntax_error' },
  },
  {
    id: 'unknown-column',
    category: 'unknown-names',
    user: 'bob',
    sql: 'SELECT social_security_number FROM scheduling.patient',
    expect: { outcome: 'denied', code: 'unknown_name' },
  },
  {
    id: 'unknown-table',
    category: 'unknown-names',
    user: 'admin',
    sql: 'SELECT count(*) FROM scheduling.patients',
    expect: { outcome: 'denied', code: 'unknown_name' },
  },
];
