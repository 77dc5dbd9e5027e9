import type { AdversarialCase } from '../adversarial-cases.js';
import {
  allEmails,
  allEmailsAndPhones,
  bobPatientIds,
  carolPatientIds,
  carolPracticeIds,
  emailsOutsideBob,
} from './policy-scopes.js';

const notPermitted = { outcome: 'denied', code: 'not_permitted' } as const;
const carolAppointmentCount = `SELECT count(*) FROM scheduling.appointment WHERE practice_id IN (${carolPracticeIds})`;

/**
 * Denied columns reached without naming them in the select list: whole-row references (`*`, `t.*`,
 * `row_to_json(t)`, `t::text`, `(t).col`), NATURAL/USING joins and positional ORDER BY/GROUP BY.
 * For masked or filtered tables the same references must see the masked, filtered rows.
 */
export const columnReferenceCases: readonly AdversarialCase[] = [
  // whole-row references
  {
    id: 'whole-row-star',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT * FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'whole-row-table-star',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT p.* FROM scheduling.patient p',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'whole-row-table-command',
    category: 'whole-row',
    user: 'carol',
    sql: 'TABLE scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'whole-row-row-to-json',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT row_to_json(p) FROM scheduling.patient p',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'whole-row-jsonb-minus-key',
    category: 'whole-row',
    user: 'carol',
    sql: "SELECT to_jsonb(p) - 'email' AS patient FROM scheduling.patient p",
    expect: notPermitted,
  },
  {
    id: 'whole-row-cast-to-text',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT p::text FROM scheduling.patient p',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'whole-row-bare-alias',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT p FROM scheduling.patient p',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'whole-row-field-selection',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT (p).email FROM scheduling.patient p',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'whole-row-text-in-predicate',
    category: 'whole-row',
    user: 'carol',
    sql: "SELECT count(*) FROM scheduling.patient p WHERE p::text LIKE '%@example.com%'",
    expect: notPermitted,
  },
  {
    id: 'whole-row-star-in-unused-subquery',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT count(*) FROM (SELECT * FROM scheduling.patient) s',
    expect: notPermitted,
  },
  {
    id: 'whole-row-count-distinct-row',
    category: 'whole-row',
    user: 'alice',
    sql: 'SELECT gender_concept_id, count(DISTINCT p) AS persons FROM cdm.person p GROUP BY gender_concept_id',
    expect: notPermitted,
  },
  {
    id: 'whole-row-count-table-star-with-denied-text',
    category: 'whole-row',
    user: 'alice',
    sql: 'SELECT count(n.*) AS notes FROM cdm.note n',
    expect: notPermitted,
  },
  {
    id: 'whole-row-other-table-star-is-fine',
    category: 'whole-row',
    user: 'carol',
    sql: 'SELECT count(*) FROM (SELECT a.* FROM scheduling.appointment a JOIN scheduling.patient p USING (patient_id)) s',
    expect: { outcome: 'rows', reference: carolAppointmentCount },
  },
  {
    id: 'whole-row-star-sees-masked-values',
    category: 'whole-row',
    user: 'dana',
    sql: 'SELECT count(*) FROM (SELECT * FROM scheduling.patient) s WHERE s.phone IS NOT NULL',
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM scheduling.patient WHERE false' },
    forbiddenValuesFrom: allEmailsAndPhones,
  },
  {
    id: 'whole-row-json-text-sees-masked-values',
    category: 'whole-row',
    user: 'dana',
    sql: "SELECT count(*) FROM scheduling.patient p WHERE row_to_json(p)::text LIKE '%@example.com%'",
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM scheduling.patient WHERE false' },
    forbiddenValuesFrom: allEmailsAndPhones,
  },
  {
    id: 'whole-row-field-selection-of-masked-column',
    category: 'whole-row',
    user: 'dana',
    sql: 'SELECT (p).postal_code FROM scheduling.patient p',
    expect: {
      outcome: 'rows',
      reference: 'SELECT left(postal_code, 2) AS postal_code FROM scheduling.patient',
    },
  },
  {
    id: 'whole-row-json-of-filtered-rows',
    category: 'whole-row',
    user: 'bob',
    sql: 'SELECT row_to_json(p) AS patient FROM scheduling.patient p',
    expect: {
      outcome: 'rows',
      reference: `SELECT row_to_json(p) AS patient FROM scheduling.patient p WHERE p.patient_id IN (${bobPatientIds})`,
    },
    forbiddenValuesFrom: emailsOutsideBob,
  },

  // NATURAL and USING
  {
    id: 'natural-join',
    category: 'natural-using',
    user: 'bob',
    sql: 'SELECT * FROM scheduling.appointment NATURAL JOIN scheduling.patient',
    expect: { outcome: 'denied', code: 'statement_not_allowed' },
  },
  {
    id: 'natural-join-on-shared-postal-code',
    category: 'natural-using',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.patient NATURAL JOIN scheduling.practice',
    expect: { outcome: 'denied', code: 'statement_not_allowed' },
  },
  {
    id: 'natural-self-join-over-denied-columns',
    category: 'natural-using',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.patient a NATURAL JOIN scheduling.patient b',
    expect: { outcome: 'denied', code: 'statement_not_allowed' },
  },
  {
    id: 'using-denied-column',
    category: 'natural-using',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.patient a JOIN scheduling.patient b USING (email)',
    expect: notPermitted,
  },
  {
    id: 'using-denied-column-for-analyst',
    category: 'natural-using',
    user: 'alice',
    sql: 'SELECT count(*) FROM cdm.person a JOIN cdm.person b USING (person_source_value)',
    expect: notPermitted,
  },
  {
    id: 'using-star-expands-denied-columns',
    category: 'natural-using',
    user: 'carol',
    sql: 'SELECT * FROM scheduling.appointment JOIN scheduling.patient USING (patient_id)',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'using-allowed-column',
    category: 'natural-using',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.appointment JOIN scheduling.patient USING (patient_id)',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT count(*) FROM scheduling.appointment a JOIN scheduling.patient p ON p.patient_id = a.patient_id ' +
        `WHERE a.practice_id IN (${carolPracticeIds}) AND p.patient_id IN (${carolPatientIds})`,
    },
  },
  {
    id: 'using-practice-join-is-filtered-on-both-sides',
    category: 'natural-using',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.appointment JOIN scheduling.practice USING (practice_id)',
    expect: {
      outcome: 'rows',
      reference: 'SELECT count(*) FROM scheduling.appointment WHERE practice_id = 1',
    },
  },

  // positional references
  {
    id: 'positional-order-by-masked-birth-date',
    category: 'positional',
    user: 'dana',
    sql: 'SELECT patient_id, birth_date FROM scheduling.patient ORDER BY 2, 1',
    expect: {
      outcome: 'rows',
      reference:
        "SELECT patient_id, CAST(date_trunc('year', birth_date) AS date) AS birth_date FROM scheduling.patient ORDER BY 2, 1",
    },
  },
  {
    id: 'positional-group-by-masked-postal-code',
    category: 'positional',
    user: 'dana',
    sql: 'SELECT postal_code, count(*) AS patients FROM scheduling.patient GROUP BY 1 ORDER BY 1',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT left(postal_code, 2) AS postal_code, count(*) AS patients FROM scheduling.patient GROUP BY 1 ORDER BY 1',
    },
  },
  {
    id: 'positional-group-by-denied-column',
    category: 'positional',
    user: 'alice',
    sql: 'SELECT day_of_birth, count(*) FROM cdm.person GROUP BY 1',
    expect: notPermitted,
  },
  {
    id: 'positional-group-by-entity-key-expression',
    category: 'positional',
    user: 'alice',
    sql: 'SELECT person_id % 2 AS parity, count(*) FROM cdm.person GROUP BY 1',
    expect: { outcome: 'denied', code: 'aggregate_required' },
  },
  {
    id: 'positional-order-by-entity-key',
    category: 'positional',
    user: 'alice',
    sql: 'SELECT person_id, count(*) AS visits FROM cdm.visit_occurrence GROUP BY 1 ORDER BY 1',
    expect: { outcome: 'denied', code: 'aggregate_required' },
  },
  {
    id: 'positional-order-by-over-subquery-with-denied-column',
    category: 'positional',
    user: 'carol',
    sql: 'SELECT c FROM (SELECT city AS c, birth_date FROM scheduling.patient) s ORDER BY 1',
    expect: notPermitted,
  },
  {
    id: 'positional-order-by-allowed-columns',
    category: 'positional',
    user: 'carol',
    sql: 'SELECT city, count(*) AS patients FROM scheduling.patient GROUP BY 1 ORDER BY 2 DESC, 1',
    expect: {
      outcome: 'rows',
      reference: `SELECT city, count(*) AS patients FROM scheduling.patient WHERE patient_id IN (${carolPatientIds}) GROUP BY 1 ORDER BY 2 DESC, 1`,
    },
  },
  {
    id: 'positional-order-by-past-select-list',
    category: 'positional',
    user: 'carol',
    sql: 'SELECT patient_id FROM scheduling.patient ORDER BY 5',
    expect: { outcome: 'denied', code: 'unknown_name' },
  },
];
