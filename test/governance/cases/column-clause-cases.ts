import type { AdversarialCase } from '../adversarial-cases.js';
import {
  allEmails,
  bobPatientIds,
  bobPersonIds,
  carolPatientIds,
  carolPracticeIds,
  emailsOutsideBob,
} from './policy-scopes.js';

const notPermitted = { outcome: 'denied', code: 'not_permitted' } as const;

/**
 * Denied columns in every clause (WHERE, JOIN ON, GROUP BY, HAVING, ORDER BY, windows, subqueries),
 * behind aliases and expressions, in either arm of a set operation, and inside LATERAL or correlated
 * subqueries; plus what those constructs may still do within the principal's scope.
 */
export const columnClauseCases: readonly AdversarialCase[] = [
  // predicates and clauses over denied columns
  {
    id: 'denied-where-like',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: "SELECT patient_id FROM scheduling.patient WHERE email LIKE 'a%'",
    expect: notPermitted,
  },
  {
    id: 'denied-where-range',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: "SELECT count(*) FROM scheduling.patient WHERE birth_date < '1950-01-01'",
    expect: notPermitted,
  },
  {
    id: 'denied-where-coalesce',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: "SELECT count(*) FROM scheduling.patient WHERE coalesce(phone, '') = ''",
    expect: notPermitted,
  },
  {
    id: 'denied-group-by',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.patient GROUP BY last_name',
    expect: notPermitted,
  },
  {
    id: 'denied-having',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: "SELECT city, count(*) FROM scheduling.patient GROUP BY city HAVING max(phone) > ''",
    expect: notPermitted,
  },
  {
    id: 'denied-order-by',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: 'SELECT patient_id FROM scheduling.patient ORDER BY birth_date',
    expect: notPermitted,
  },
  {
    id: 'denied-window-order',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: 'SELECT patient_id, row_number() OVER (ORDER BY last_name) AS position FROM scheduling.patient',
    expect: notPermitted,
  },
  {
    id: 'denied-join-condition',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: 'SELECT a.appointment_id FROM scheduling.appointment a JOIN scheduling.patient p ON p.patient_id = a.patient_id AND p.email IS NOT NULL',
    expect: notPermitted,
  },
  {
    id: 'denied-exists-subquery',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: "SELECT count(*) FROM scheduling.appointment a WHERE EXISTS (SELECT 1 FROM scheduling.patient p WHERE p.patient_id = a.patient_id AND p.phone LIKE '+33 6%')",
    expect: notPermitted,
  },
  {
    id: 'denied-in-subquery',
    category: 'denied-column-predicates',
    user: 'carol',
    sql: "SELECT count(*) FROM scheduling.patient WHERE patient_id IN (SELECT patient_id FROM scheduling.patient WHERE first_name = 'Léa')",
    expect: notPermitted,
  },
  {
    id: 'denied-analyst-person-day-of-birth',
    category: 'denied-column-predicates',
    user: 'alice',
    sql: 'SELECT count(*) FROM cdm.person WHERE day_of_birth = 1',
    expect: notPermitted,
  },
  {
    id: 'denied-analyst-note-text',
    category: 'denied-column-predicates',
    user: 'alice',
    sql: "SELECT count(*) FROM cdm.note WHERE note_text LIKE '%diabetes%'",
    expect: notPermitted,
  },
  {
    id: 'denied-analyst-patient-email-null',
    category: 'denied-column-predicates',
    user: 'alice',
    sql: 'SELECT count(*) FROM scheduling.patient WHERE email IS NULL',
    expect: notPermitted,
  },

  // aliases and expressions
  {
    id: 'alias-renamed-denied-column',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT email AS contact FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'alias-function-of-denied-column',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT lower(email) FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'alias-length-of-denied-column',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT length(email) AS n FROM scheduling.patient',
    expect: notPermitted,
  },
  {
    id: 'alias-case-over-denied-column',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT CASE WHEN email IS NULL THEN 0 ELSE 1 END AS has_email FROM scheduling.patient',
    expect: notPermitted,
  },
  {
    id: 'alias-count-of-denied-column',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT count(email) FROM scheduling.patient',
    expect: notPermitted,
  },
  {
    id: 'alias-subquery-renames-denied-column',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT x FROM (SELECT email AS x FROM scheduling.patient) s',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'alias-cte-renames-denied-column',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'WITH contacts(c) AS (SELECT email FROM scheduling.patient) SELECT c FROM contacts',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'alias-analyst-distinct-function-of-denied-column',
    category: 'aliases-expressions',
    user: 'alice',
    sql: 'SELECT count(DISTINCT lower(first_name)) AS names FROM scheduling.patient',
    expect: notPermitted,
  },
  {
    id: 'alias-allowed-column-named-like-denied',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT patient_id AS email FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: `SELECT patient_id AS email FROM scheduling.patient WHERE patient_id IN (${carolPatientIds})`,
    },
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'alias-subquery-column-named-like-denied',
    category: 'aliases-expressions',
    user: 'carol',
    sql: 'SELECT s.email FROM (SELECT city AS email FROM scheduling.patient) s',
    expect: {
      outcome: 'rows',
      reference: `SELECT city AS email FROM scheduling.patient WHERE patient_id IN (${carolPatientIds})`,
    },
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'alias-masked-column-cannot-be-widened',
    category: 'aliases-expressions',
    user: 'dana',
    sql: 'SELECT left(postal_code, 5) AS postal_code FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: 'SELECT left(postal_code, 2) AS postal_code FROM scheduling.patient',
    },
  },

  // set operations
  {
    id: 'set-union-arm-reads-denied-column',
    category: 'set-operations',
    user: 'carol',
    sql: 'SELECT city FROM scheduling.patient UNION SELECT email FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'set-union-arm-filters-on-denied-column',
    category: 'set-operations',
    user: 'carol',
    sql: 'SELECT city FROM scheduling.practice UNION ALL SELECT city FROM scheduling.patient WHERE phone IS NOT NULL',
    expect: notPermitted,
  },
  {
    id: 'set-union-all-both-arms-filtered',
    category: 'set-operations',
    user: 'bob',
    sql: 'SELECT email FROM scheduling.patient UNION ALL SELECT full_name FROM scheduling.practitioner',
    expect: {
      outcome: 'rows',
      reference:
        `SELECT email FROM scheduling.patient WHERE patient_id IN (${bobPatientIds}) ` +
        'UNION ALL SELECT full_name FROM scheduling.practitioner WHERE practice_id = 1',
    },
    forbiddenValuesFrom: emailsOutsideBob,
  },
  {
    id: 'set-except-probes-hidden-patients',
    category: 'set-operations',
    user: 'bob',
    sql: 'SELECT count(*) FROM (SELECT patient_id FROM scheduling.appointment EXCEPT SELECT patient_id FROM scheduling.patient) s',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT count(*) FROM (SELECT patient_id FROM scheduling.appointment WHERE practice_id = 1 ' +
        `EXCEPT SELECT patient_id FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})) s`,
    },
  },
  {
    id: 'set-intersect-persons-and-patients',
    category: 'set-operations',
    user: 'bob',
    sql: 'SELECT person_id FROM cdm.person INTERSECT SELECT person_id FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference:
        `SELECT person_id FROM cdm.person WHERE person_id IN (${bobPersonIds}) ` +
        `INTERSECT SELECT person_id FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`,
    },
  },
  {
    id: 'set-union-ordered-by-position',
    category: 'set-operations',
    user: 'carol',
    sql: 'SELECT city FROM scheduling.patient UNION SELECT city FROM scheduling.practice ORDER BY 1',
    expect: {
      outcome: 'rows',
      reference:
        `SELECT city FROM scheduling.patient WHERE patient_id IN (${carolPatientIds}) ` +
        `UNION SELECT city FROM scheduling.practice WHERE practice_id IN (${carolPracticeIds}) ORDER BY 1`,
    },
  },
  {
    id: 'set-analyst-top-level-union-of-aggregates',
    category: 'set-operations',
    user: 'alice',
    sql: 'SELECT gender_concept_id, count(*) FROM cdm.person GROUP BY 1 UNION ALL SELECT 0, count(*) FROM cdm.death',
    expect: { outcome: 'denied', code: 'aggregate_required' },
  },
  {
    id: 'set-analyst-except-of-row-level-values',
    category: 'set-operations',
    user: 'alice',
    sql: 'SELECT year_of_birth FROM cdm.person EXCEPT SELECT year_of_birth FROM cdm.person WHERE gender_concept_id = 8507',
    expect: { outcome: 'denied', code: 'aggregate_required' },
  },

  // LATERAL and correlated subqueries
  {
    id: 'lateral-counts-per-practice',
    category: 'lateral-correlated',
    user: 'carol',
    sql: 'SELECT pr.name, x.n FROM scheduling.practice pr, LATERAL (SELECT count(*) AS n FROM scheduling.appointment a WHERE a.practice_id = pr.practice_id) x',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT pr.name, x.n FROM scheduling.practice pr, LATERAL (SELECT count(*) AS n FROM scheduling.appointment a ' +
        `WHERE a.practice_id = pr.practice_id) x WHERE pr.practice_id IN (${carolPracticeIds})`,
    },
  },
  {
    id: 'lateral-correlated-peek-at-other-practice',
    category: 'lateral-correlated',
    user: 'bob',
    sql: 'SELECT p.practice_id, (SELECT count(*) FROM scheduling.appointment a WHERE a.practice_id = p.practice_id + 1) AS next_practice FROM scheduling.practice p',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT p.practice_id, (SELECT count(*) FROM scheduling.appointment a WHERE a.practice_id = p.practice_id + 1 ' +
        'AND a.practice_id = 1) AS next_practice FROM scheduling.practice p WHERE p.practice_id = 1',
    },
  },
  {
    id: 'lateral-visits-per-patient',
    category: 'lateral-correlated',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.patient p CROSS JOIN LATERAL (SELECT count(*) AS visits FROM cdm.visit_occurrence v WHERE v.person_id = p.person_id) x WHERE x.visits > 0 AND p.patient_id <= 150',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT count(*) FROM scheduling.patient p CROSS JOIN LATERAL (SELECT count(*) AS visits FROM cdm.visit_occurrence v ' +
        `WHERE v.person_id = p.person_id AND v.person_id IN (${bobPersonIds})) x ` +
        `WHERE x.visits > 0 AND p.patient_id <= 150 AND p.patient_id IN (${bobPatientIds})`,
    },
  },
  {
    id: 'lateral-reads-denied-column',
    category: 'lateral-correlated',
    user: 'carol',
    sql: 'SELECT a.appointment_id, x.e FROM scheduling.appointment a CROSS JOIN LATERAL (SELECT email AS e FROM scheduling.patient p WHERE p.patient_id = a.patient_id) x',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'lateral-alias-of-outer-denied-column',
    category: 'lateral-correlated',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.patient p, LATERAL (SELECT p.email AS e) x WHERE x.e IS NOT NULL',
    expect: notPermitted,
  },
  {
    id: 'lateral-correlated-scalar-reads-denied-column',
    category: 'lateral-correlated',
    user: 'carol',
    sql: 'SELECT a.appointment_id, (SELECT p.phone FROM scheduling.patient p WHERE p.patient_id = a.patient_id) AS phone FROM scheduling.appointment a',
    expect: notPermitted,
  },
  {
    id: 'lateral-analyst-row-level-output',
    category: 'lateral-correlated',
    user: 'alice',
    sql: 'SELECT c.care_site_id, x.year_of_birth FROM cdm.care_site c CROSS JOIN LATERAL (SELECT year_of_birth FROM cdm.person p WHERE p.care_site_id = c.care_site_id LIMIT 1) x',
    expect: { outcome: 'denied', code: 'aggregate_required' },
  },
  {
    id: 'lateral-analyst-correlated-exists-on-entity-key',
    category: 'lateral-correlated',
    user: 'alice',
    sql: 'SELECT count(*) AS persons FROM cdm.person p WHERE EXISTS (SELECT 1 FROM cdm.condition_occurrence c WHERE c.person_id = p.person_id)',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT count(*) AS persons FROM cdm.person p WHERE EXISTS (SELECT 1 FROM cdm.condition_occurrence c WHERE c.person_id = p.person_id)',
    },
  },
  {
    id: 'lateral-analyst-subquery-min-singles-out',
    category: 'lateral-correlated',
    user: 'alice',
    sql: 'SELECT count(*) AS persons FROM cdm.person WHERE year_of_birth = (SELECT min(year_of_birth) FROM cdm.person)',
    expect: { outcome: 'denied', code: 'aggregate_required' },
  },
];
