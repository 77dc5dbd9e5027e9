import type { AdversarialCase } from '../adversarial-cases.js';
import {
  allEmailsAndPhones,
  bobPatientIds,
  bobPersonIds,
  carolPatientIds,
  carolPracticeIds,
  emailsOutsideBob,
} from './policy-scopes.js';

/** Same SQL as reference: the principal sees exactly what an administrator sees. */
function unchanged(sql: string): { outcome: 'rows'; reference: string } {
  return { outcome: 'rows', reference: sql };
}

/**
 * Ordinary questions each principal may ask, with the exact answer an administrator gets by writing
 * the policy's filters and masks out by hand. A gate that refuses or changes these is too strict.
 * The analyst's references assume every group holds at least 11 patients at scale 0.1.
 */
export const legitimateCases: readonly AdversarialCase[] = [
  // admin
  {
    id: 'legitimate-admin-patient-count',
    category: 'legitimate',
    user: 'admin',
    sql: 'SELECT count(*) FROM scheduling.patient',
    expect: unchanged('SELECT count(*) FROM scheduling.patient'),
  },
  {
    id: 'legitimate-admin-practices-ordered',
    category: 'legitimate',
    user: 'admin',
    sql: 'SELECT practice_id, name, region FROM scheduling.practice ORDER BY practice_id',
    expect: unchanged('SELECT practice_id, name, region FROM scheduling.practice ORDER BY practice_id'),
  },
  {
    id: 'legitimate-admin-conditions-by-concept',
    category: 'legitimate',
    user: 'admin',
    sql: 'SELECT c.concept_name, count(*) AS conditions FROM cdm.condition_occurrence co JOIN vocab.concept c ON c.concept_id = co.condition_concept_id GROUP BY c.concept_name',
    expect: unchanged(
      'SELECT c.concept_name, count(*) AS conditions FROM cdm.condition_occurrence co JOIN vocab.concept c ON c.concept_id = co.condition_concept_id GROUP BY c.concept_name',
    ),
  },

  // dana: patient-level rows, masked patient identifiers
  {
    id: 'legitimate-dana-postal-code-prefix',
    category: 'legitimate',
    user: 'dana',
    sql: 'SELECT postal_code FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: 'SELECT left(postal_code, 2) AS postal_code FROM scheduling.patient',
    },
  },
  {
    id: 'legitimate-dana-birth-year',
    category: 'legitimate',
    user: 'dana',
    sql: 'SELECT patient_id, birth_date FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference:
        "SELECT patient_id, CAST(date_trunc('year', birth_date) AS date) AS birth_date FROM scheduling.patient",
    },
  },
  {
    id: 'legitimate-dana-phone-is-null',
    category: 'legitimate',
    user: 'dana',
    sql: 'SELECT patient_id, phone FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: 'SELECT patient_id, CAST(NULL AS text) AS phone FROM scheduling.patient',
    },
    forbiddenValuesFrom: allEmailsAndPhones,
  },
  {
    id: 'legitimate-dana-person-rows',
    category: 'legitimate',
    user: 'dana',
    sql: 'SELECT person_id, gender_concept_id, year_of_birth FROM cdm.person',
    expect: unchanged('SELECT person_id, gender_concept_id, year_of_birth FROM cdm.person'),
  },
  {
    id: 'legitimate-dana-patients-per-city',
    category: 'legitimate',
    user: 'dana',
    sql: 'SELECT city, count(*) AS patients FROM scheduling.patient GROUP BY city',
    expect: unchanged('SELECT city, count(*) AS patients FROM scheduling.patient GROUP BY city'),
  },

  // alice: aggregates only
  {
    id: 'legitimate-alice-persons-by-gender',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT gender_concept_id, count(DISTINCT person_id) AS persons FROM cdm.person GROUP BY 1',
    expect: unchanged(
      'SELECT gender_concept_id, count(DISTINCT person_id) AS persons FROM cdm.person GROUP BY 1',
    ),
  },
  {
    id: 'legitimate-alice-person-count',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT count(*) AS persons FROM cdm.person',
    expect: unchanged('SELECT count(*) AS persons FROM cdm.person'),
  },
  {
    id: 'legitimate-alice-visits-by-type',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT visit_concept_id, count(*) AS visits, count(DISTINCT person_id) AS persons FROM cdm.visit_occurrence GROUP BY visit_concept_id',
    expect: unchanged(
      'SELECT visit_concept_id, count(*) AS visits, count(DISTINCT person_id) AS persons FROM cdm.visit_occurrence GROUP BY visit_concept_id',
    ),
  },
  {
    id: 'legitimate-alice-appointments-by-channel',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT channel, count(*) AS appointments, count(DISTINCT patient_id) AS patients FROM scheduling.appointment GROUP BY channel',
    expect: unchanged(
      'SELECT channel, count(*) AS appointments, count(DISTINCT patient_id) AS patients FROM scheduling.appointment GROUP BY channel',
    ),
  },
  {
    id: 'legitimate-alice-mean-and-spread',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT avg(duration_minutes) AS mean_duration, stddev(duration_minutes) AS spread FROM scheduling.appointment',
    expect: unchanged(
      'SELECT avg(duration_minutes) AS mean_duration, stddev(duration_minutes) AS spread FROM scheduling.appointment',
    ),
  },
  {
    id: 'legitimate-alice-masked-postal-code-groups',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT postal_code, count(*) AS patients FROM scheduling.patient GROUP BY postal_code',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT left(postal_code, 2) AS postal_code, count(*) AS patients FROM scheduling.patient GROUP BY left(postal_code, 2)',
    },
  },
  {
    id: 'legitimate-alice-subquery-passes-entity-key',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT s.gender_concept_id, count(DISTINCT s.person_id) AS persons FROM (SELECT person_id, gender_concept_id FROM cdm.person WHERE year_of_birth < 1980) s GROUP BY 1',
    expect: unchanged(
      'SELECT s.gender_concept_id, count(DISTINCT s.person_id) AS persons FROM (SELECT person_id, gender_concept_id FROM cdm.person WHERE year_of_birth < 1980) s GROUP BY 1',
    ),
  },
  {
    id: 'legitimate-alice-entity-key-in-subquery',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT count(*) AS persons FROM cdm.person WHERE person_id IN (SELECT person_id FROM cdm.condition_occurrence)',
    expect: unchanged(
      'SELECT count(*) AS persons FROM cdm.person WHERE person_id IN (SELECT person_id FROM cdm.condition_occurrence)',
    ),
  },
  {
    id: 'legitimate-alice-join-on-entity-key',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT p.gender_concept_id, count(DISTINCT v.person_id) AS persons FROM cdm.visit_occurrence v JOIN cdm.person p ON p.person_id = v.person_id GROUP BY p.gender_concept_id',
    expect: unchanged(
      'SELECT p.gender_concept_id, count(DISTINCT v.person_id) AS persons FROM cdm.visit_occurrence v JOIN cdm.person p ON p.person_id = v.person_id GROUP BY p.gender_concept_id',
    ),
  },
  {
    id: 'legitimate-alice-row-level-reference-table',
    category: 'legitimate',
    user: 'alice',
    sql: 'SELECT practice_id, name, region FROM scheduling.practice',
    expect: unchanged('SELECT practice_id, name, region FROM scheduling.practice'),
  },
  {
    id: 'legitimate-alice-vocabulary',
    category: 'legitimate',
    user: 'alice',
    sql: "SELECT concept_id, concept_name FROM vocab.concept WHERE domain_id = 'Gender'",
    expect: unchanged("SELECT concept_id, concept_name FROM vocab.concept WHERE domain_id = 'Gender'"),
  },

  // bob: his practice's rows only
  {
    id: 'legitimate-bob-patients-with-identifiers',
    category: 'legitimate',
    user: 'bob',
    sql: 'SELECT patient_id, first_name, last_name, email FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: `SELECT patient_id, first_name, last_name, email FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`,
    },
    forbiddenValuesFrom: emailsOutsideBob,
  },
  {
    id: 'legitimate-bob-appointment-count',
    category: 'legitimate',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.appointment',
    expect: {
      outcome: 'rows',
      reference: 'SELECT count(*) FROM scheduling.appointment WHERE practice_id = 1',
    },
  },
  {
    id: 'legitimate-bob-appointments-by-status',
    category: 'legitimate',
    user: 'bob',
    sql: 'SELECT status, count(*) AS appointments FROM scheduling.appointment GROUP BY status',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT status, count(*) AS appointments FROM scheduling.appointment WHERE practice_id = 1 GROUP BY status',
    },
  },
  {
    id: 'legitimate-bob-visit-count',
    category: 'legitimate',
    user: 'bob',
    sql: 'SELECT count(*) FROM cdm.visit_occurrence',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM cdm.visit_occurrence WHERE person_id IN (${bobPersonIds})`,
    },
  },
  {
    id: 'legitimate-bob-practice',
    category: 'legitimate',
    user: 'bob',
    sql: 'SELECT * FROM scheduling.practice',
    expect: { outcome: 'rows', reference: 'SELECT * FROM scheduling.practice WHERE practice_id = 1' },
  },
  {
    id: 'legitimate-bob-providers',
    category: 'legitimate',
    user: 'bob',
    sql: 'SELECT count(*) FROM cdm.provider',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT count(*) FROM cdm.provider WHERE provider_id IN (SELECT provider_id FROM scheduling.practitioner WHERE practice_id = 1)',
    },
  },
  {
    id: 'legitimate-bob-cdm-source',
    category: 'legitimate',
    user: 'bob',
    sql: 'SELECT cdm_source_name FROM cdm.cdm_source',
    expect: unchanged('SELECT cdm_source_name FROM cdm.cdm_source'),
  },

  // carol: her region's scheduling rows, no patient identifiers
  {
    id: 'legitimate-carol-appointment-count',
    category: 'legitimate',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.appointment',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.appointment WHERE practice_id IN (${carolPracticeIds})`,
    },
  },
  {
    id: 'legitimate-carol-patients-without-identifiers',
    category: 'legitimate',
    user: 'carol',
    sql: 'SELECT patient_id, postal_code, city FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: `SELECT patient_id, postal_code, city FROM scheduling.patient WHERE patient_id IN (${carolPatientIds})`,
    },
  },
  {
    id: 'legitimate-carol-practices',
    category: 'legitimate',
    user: 'carol',
    sql: 'SELECT name, city FROM scheduling.practice',
    expect: {
      outcome: 'rows',
      reference: "SELECT name, city FROM scheduling.practice WHERE region = 'Île-de-France'",
    },
  },
  {
    id: 'legitimate-carol-appointments-by-specialty',
    category: 'legitimate',
    user: 'carol',
    sql:
      'SELECT s.name, count(*) AS appointments FROM scheduling.appointment a ' +
      'JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id ' +
      'JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id GROUP BY s.name',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT s.name, count(*) AS appointments FROM scheduling.appointment a ' +
        'JOIN scheduling.practitioner pr ON pr.practitioner_id = a.practitioner_id ' +
        'JOIN scheduling.specialty s ON s.specialty_id = pr.specialty_id ' +
        `WHERE a.practice_id IN (${carolPracticeIds}) AND pr.practice_id IN (${carolPracticeIds}) GROUP BY s.name`,
    },
  },
  {
    id: 'legitimate-carol-vocabulary',
    category: 'legitimate',
    user: 'carol',
    sql: 'SELECT count(*) FROM vocab.concept',
    expect: unchanged('SELECT count(*) FROM vocab.concept'),
  },
];
