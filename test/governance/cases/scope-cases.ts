import type { AdversarialCase } from '../adversarial-cases.js';
import {
  allEmails,
  allEmailsAndPhones,
  bobPatientIds,
  bobPersonIds,
  carolPracticeIds,
  emailsOutsideBob,
  phonesOutsideBob,
} from './policy-scopes.js';

const queryFailed = { outcome: 'error', code: 'query_failed' } as const;
const bobAppointmentCount = 'SELECT count(*) FROM scheduling.appointment WHERE practice_id = 1';

/**
 * Rows outside a principal's scope and values under a mask must stay invisible even to predicates
 * that fail on them: the policy filter and masks run first, and failures carry no data value.
 */
export const scopeCases: readonly AdversarialCase[] = [
  // cast errors on hidden or masked values
  {
    id: 'cast-error-email-to-int',
    category: 'cast-errors',
    user: 'bob',
    sql: 'SELECT email::int FROM scheduling.patient',
    expect: queryFailed,
    forbiddenValuesFrom: emailsOutsideBob,
  },
  {
    id: 'cast-error-phone-to-date',
    category: 'cast-errors',
    user: 'bob',
    sql: 'SELECT CAST(phone AS date) AS phone FROM scheduling.patient',
    expect: queryFailed,
    forbiddenValuesFrom: phonesOutsideBob,
  },
  {
    id: 'cast-error-in-where',
    category: 'cast-errors',
    user: 'bob',
    sql: 'SELECT patient_id FROM scheduling.patient WHERE email::numeric > 0',
    expect: queryFailed,
    forbiddenValuesFrom: emailsOutsideBob,
  },
  {
    id: 'cast-error-only-on-hidden-rows-never-fires',
    category: 'cast-errors',
    user: 'bob',
    sql:
      'SELECT count(*) FROM scheduling.patient WHERE CASE WHEN patient_id NOT IN ' +
      '(SELECT a.patient_id FROM scheduling.appointment a WHERE a.practice_id = 1) THEN email::int ELSE 0 END = 0',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`,
    },
    forbiddenValuesFrom: emailsOutsideBob,
  },
  {
    id: 'cast-error-only-on-other-regions-never-fires',
    category: 'cast-errors',
    user: 'carol',
    sql:
      'SELECT count(*) FROM scheduling.appointment WHERE CASE WHEN practice_id NOT IN ' +
      "(SELECT practice_id FROM scheduling.practice WHERE region = 'Île-de-France') THEN status::int ELSE 0 END = 0",
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.appointment WHERE practice_id IN (${carolPracticeIds})`,
    },
  },
  {
    id: 'cast-error-masked-email-to-int',
    category: 'cast-errors',
    user: 'dana',
    sql: 'SELECT email::int FROM scheduling.patient',
    expect: queryFailed,
    forbiddenValuesFrom: allEmailsAndPhones,
  },
  {
    id: 'cast-masked-phone-is-null-before-cast',
    category: 'cast-errors',
    user: 'dana',
    sql: 'SELECT phone::int AS phone FROM scheduling.patient',
    expect: { outcome: 'rows', reference: 'SELECT CAST(NULL AS int) AS phone FROM scheduling.patient' },
    forbiddenValuesFrom: allEmailsAndPhones,
  },
  {
    id: 'cast-masked-birth-date-to-text',
    category: 'cast-errors',
    user: 'dana',
    sql: 'SELECT birth_date::text AS birth_date FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference:
        "SELECT CAST(CAST(date_trunc('year', birth_date) AS date) AS text) AS birth_date FROM scheduling.patient",
    },
  },
  {
    id: 'cast-error-denied-column-is-refused-first',
    category: 'cast-errors',
    user: 'carol',
    sql: 'SELECT email::int FROM scheduling.patient',
    expect: { outcome: 'denied', code: 'not_permitted' },
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'cast-error-denied-column-for-analyst',
    category: 'cast-errors',
    user: 'alice',
    sql: 'SELECT count(*) FROM cdm.person WHERE person_source_value::int > 0',
    expect: { outcome: 'denied', code: 'not_permitted' },
  },
  {
    id: 'cast-error-inside-allowed-aggregate',
    category: 'cast-errors',
    user: 'alice',
    sql: 'SELECT sum(gender_source_value::int) AS total FROM cdm.person',
    expect: queryFailed,
  },
  {
    id: 'cast-error-constant',
    category: 'cast-errors',
    user: 'bob',
    sql: "SELECT 'not a number'::int AS n",
    expect: queryFailed,
  },
  {
    id: 'cast-error-division-by-zero',
    category: 'cast-errors',
    user: 'admin',
    sql: 'SELECT 1 / 0 AS x',
    expect: queryFailed,
  },

  // predicates that would fail or differ on rows outside the scope
  {
    id: 'leaky-division-by-zero-on-hidden-patients',
    category: 'leaky-predicates',
    user: 'bob',
    sql:
      'SELECT patient_id, email FROM scheduling.patient WHERE 1 / (CASE WHEN patient_id NOT IN ' +
      '(SELECT a.patient_id FROM scheduling.appointment a WHERE a.practice_id = 1) THEN 0 ELSE 1 END) = 1',
    expect: {
      outcome: 'rows',
      reference: `SELECT patient_id, email FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`,
    },
    forbiddenValuesFrom: emailsOutsideBob,
  },
  {
    id: 'leaky-division-by-zero-on-other-practices',
    category: 'leaky-predicates',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.appointment WHERE 1 / (CASE WHEN practice_id <> 1 THEN 0 ELSE 1 END) = 1',
    expect: { outcome: 'rows', reference: bobAppointmentCount },
  },
  {
    id: 'leaky-division-by-zero-on-one-other-practice',
    category: 'leaky-predicates',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.appointment WHERE CASE WHEN practice_id = 2 THEN 1 / (practice_id - 2) ELSE 1 END = 1',
    expect: { outcome: 'rows', reference: bobAppointmentCount },
  },
  {
    id: 'leaky-division-by-zero-across-join',
    category: 'leaky-predicates',
    user: 'bob',
    sql:
      'SELECT count(*) FROM scheduling.appointment a JOIN scheduling.patient p ON p.patient_id = a.patient_id ' +
      'WHERE 1 / (CASE WHEN a.practice_id = 1 THEN 1 ELSE 0 END) = 1',
    expect: { outcome: 'rows', reference: bobAppointmentCount },
  },
  {
    id: 'leaky-division-by-zero-on-hidden-persons',
    category: 'leaky-predicates',
    user: 'bob',
    sql:
      'SELECT count(*) FROM cdm.person WHERE 1 / (CASE WHEN person_id NOT IN ' +
      '(SELECT pt.person_id FROM scheduling.patient pt) THEN 0 ELSE 1 END) = 1',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM cdm.person WHERE person_id IN (${bobPersonIds})`,
    },
  },
  {
    id: 'leaky-division-by-zero-on-other-regions',
    category: 'leaky-predicates',
    user: 'carol',
    sql: "SELECT name FROM scheduling.practice WHERE 1 / (CASE WHEN region <> 'Île-de-France' THEN 0 ELSE 1 END) = 1",
    expect: {
      outcome: 'rows',
      reference: `SELECT name FROM scheduling.practice WHERE practice_id IN (${carolPracticeIds})`,
    },
  },
  {
    id: 'leaky-predicate-sees-masked-phone',
    category: 'leaky-predicates',
    user: 'dana',
    sql: 'SELECT count(*) FROM scheduling.patient WHERE 1 / (CASE WHEN phone IS NOT NULL THEN 0 ELSE 1 END) = 1',
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM scheduling.patient' },
    forbiddenValuesFrom: allEmailsAndPhones,
  },
  {
    id: 'leaky-predicate-sees-masked-birth-day',
    category: 'leaky-predicates',
    user: 'dana',
    sql: 'SELECT birth_date FROM scheduling.patient WHERE extract(day FROM birth_date) <> 1',
    expect: { outcome: 'rows', reference: 'SELECT birth_date FROM scheduling.patient WHERE false' },
  },
  {
    id: 'leaky-predicate-sees-masked-email',
    category: 'leaky-predicates',
    user: 'dana',
    sql: "SELECT count(*) FROM scheduling.patient WHERE email LIKE '%@example.com'",
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM scheduling.patient WHERE false' },
    forbiddenValuesFrom: allEmailsAndPhones,
  },
  {
    id: 'leaky-predicate-sees-masked-postal-code',
    category: 'leaky-predicates',
    user: 'dana',
    sql: 'SELECT count(*) FROM scheduling.patient WHERE length(postal_code) > 2',
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM scheduling.patient WHERE false' },
  },
];
