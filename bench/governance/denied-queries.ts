import type { DemoUser } from './demo-users.js';

/** A query the gate must refuse, and the principal who tries it. */
export interface DeniedQuery {
  id: string;
  user: DemoUser;
  sql: string;
}

/**
 * Attempts on the gate, one or two per attack family, so the gate timing covers the refusal paths
 * (a refusal can be cheaper than a rewrite, or dearer when it builds suggestions). The full
 * adversarial corpus is test/governance/adversarial-cases.ts, which the bench may not import
 * (test/architecture.test.ts); these are kept in step with its families.
 */
export const deniedQueries: readonly DeniedQuery[] = [
  { id: 'stacked-select-drop', user: 'bob', sql: 'SELECT 1; DROP TABLE scheduling.patient' },
  { id: 'delete', user: 'admin', sql: 'DELETE FROM scheduling.appointment' },
  { id: 'update', user: 'dana', sql: "UPDATE scheduling.patient SET email = 'x@example.org'" },
  {
    id: 'writable-cte',
    user: 'admin',
    sql: 'WITH gone AS (DELETE FROM scheduling.appointment RETURNING *) SELECT count(*) FROM gone',
  },
  { id: 'select-into', user: 'admin', sql: 'SELECT * INTO public.copied FROM scheduling.patient' },
  { id: 'copy-to-program', user: 'admin', sql: "COPY scheduling.patient TO PROGRAM 'cat > /tmp/out'" },
  { id: 'explain-analyze', user: 'bob', sql: 'EXPLAIN ANALYZE SELECT * FROM scheduling.patient' },
  { id: 'set-role', user: 'bob', sql: 'SET ROLE postgres' },
  { id: 'set-config', user: 'bob', sql: "SELECT set_config('search_path', 'public', false)" },
  { id: 'begin', user: 'carol', sql: 'BEGIN' },
  { id: 'do-block', user: 'admin', sql: 'DO $$ BEGIN PERFORM pg_sleep(1); END $$' },
  { id: 'pg-sleep', user: 'alice', sql: 'SELECT pg_sleep(10)' },
  { id: 'read-file', user: 'admin', sql: "SELECT pg_read_file('/etc/passwd')" },
  { id: 'dblink', user: 'admin', sql: "SELECT * FROM dblink('host=evil', 'SELECT 1') AS t(x int)" },
  { id: 'catalog-pg-authid', user: 'admin', sql: 'SELECT rolname, rolpassword FROM pg_catalog.pg_authid' },
  { id: 'information-schema', user: 'carol', sql: 'SELECT table_name FROM information_schema.tables' },
  { id: 'unknown-table', user: 'bob', sql: 'SELECT count(*) FROM scheduling.appointments' },
  { id: 'public-schema', user: 'dana', sql: 'SELECT * FROM public.secrets' },
  { id: 'carol-email', user: 'carol', sql: 'SELECT email FROM scheduling.patient' },
  { id: 'carol-star', user: 'carol', sql: 'SELECT * FROM scheduling.patient' },
  { id: 'carol-row-to-json', user: 'carol', sql: 'SELECT row_to_json(p) FROM scheduling.patient p' },
  {
    id: 'carol-email-predicate',
    user: 'carol',
    sql: "SELECT count(*) FROM scheduling.patient WHERE email LIKE 'a%'",
  },
  { id: 'carol-order-by-name', user: 'carol', sql: 'SELECT city FROM scheduling.patient ORDER BY last_name' },
  {
    id: 'carol-natural-join',
    user: 'carol',
    sql: 'SELECT * FROM scheduling.patient NATURAL JOIN scheduling.appointment',
  },
  {
    id: 'carol-union-email',
    user: 'carol',
    sql: 'SELECT city FROM scheduling.practice UNION SELECT email FROM scheduling.patient',
  },
  {
    id: 'carol-lateral-email',
    user: 'carol',
    sql: 'SELECT a.appointment_id, x.email FROM scheduling.appointment a, LATERAL (SELECT p.email FROM scheduling.patient p WHERE p.patient_id = a.patient_id) x',
  },
  { id: 'carol-omop', user: 'carol', sql: 'SELECT count(*) FROM cdm.person' },
  {
    id: 'carol-birth-date',
    user: 'carol',
    sql: 'SELECT avg(extract(year FROM birth_date)) FROM scheduling.patient',
  },
  { id: 'alice-rows', user: 'alice', sql: 'SELECT person_id, year_of_birth FROM cdm.person' },
  {
    id: 'alice-patient-names',
    user: 'alice',
    sql: 'SELECT count(DISTINCT last_name) FROM scheduling.patient',
  },
  {
    id: 'alice-array-agg',
    user: 'alice',
    sql: 'SELECT status, array_agg(patient_id) FROM scheduling.appointment GROUP BY status',
  },
  { id: 'alice-note-text', user: 'alice', sql: "SELECT count(*) FROM cdm.note WHERE note_text LIKE '%x%'" },
  { id: 'alice-window-rows', user: 'alice', sql: 'SELECT count(*) OVER () FROM scheduling.appointment' },
  { id: 'alice-cost', user: 'alice', sql: 'SELECT sum(total_cost) FROM cdm.cost' },
  { id: 'bob-location', user: 'bob', sql: 'SELECT * FROM cdm.location' },
  { id: 'bob-cohort', user: 'bob', sql: 'SELECT count(*) FROM cdm.cohort' },
  { id: 'tablesample', user: 'alice', sql: 'SELECT count(*) FROM cdm.person TABLESAMPLE SYSTEM (1)' },
  {
    id: 'leaky-cast',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.patient WHERE CAST(email AS integer) > 0',
  },
  { id: 'quoted-identifier', user: 'carol', sql: 'SELECT "email" FROM "scheduling"."patient"' },
  {
    id: 'comment-hidden-statement',
    user: 'bob',
    sql: 'SELECT 1 /* ; */ ; /* */ DELETE FROM scheduling.appointment',
  },
  { id: 'dollar-quoted-statement', user: 'admin', sql: 'SELECT $x$ ; $x$; DROP TABLE scheduling.practice' },
  { id: 'lock-table', user: 'admin', sql: 'LOCK TABLE scheduling.appointment' },
  { id: 'listen', user: 'admin', sql: 'LISTEN hale' },
];
