import type { AdversarialCase } from '../adversarial-cases.js';
import { bobPatientIds, carolPracticeIds } from './policy-scopes.js';

const capped = { outcome: 'capped' } as const;

/**
 * The row cap (5,000 rows) cannot be lifted from inside the query, and queries that would run for
 * hours or build huge values end with a cap, a timeout or a refusal instead of a hang. Row counts
 * assume the demo warehouse at scale 0.1: about 60,000 measurements, 20,000 appointments and 15,000 visits.
 */
export const capacityCases: readonly AdversarialCase[] = [
  // LIMIT and OFFSET tricks
  {
    id: 'limit-all',
    category: 'limit-bypass',
    user: 'admin',
    sql: 'SELECT measurement_id FROM cdm.measurement LIMIT ALL',
    expect: capped,
  },
  {
    id: 'limit-huge-numeric',
    category: 'limit-bypass',
    user: 'admin',
    sql: 'SELECT measurement_id FROM cdm.measurement LIMIT 1e9',
    expect: capped,
  },
  {
    id: 'limit-null',
    category: 'limit-bypass',
    user: 'dana',
    sql: 'SELECT measurement_id FROM cdm.measurement LIMIT NULL',
    expect: capped,
  },
  {
    id: 'limit-offset-zero',
    category: 'limit-bypass',
    user: 'admin',
    sql: 'SELECT measurement_id FROM cdm.measurement OFFSET 0',
    expect: capped,
  },
  {
    id: 'limit-fetch-first',
    category: 'limit-bypass',
    user: 'dana',
    sql: 'SELECT visit_occurrence_id FROM cdm.visit_occurrence FETCH FIRST 1000000 ROWS ONLY',
    expect: capped,
  },
  {
    id: 'limit-inside-subquery',
    category: 'limit-bypass',
    user: 'admin',
    sql: 'SELECT * FROM (SELECT measurement_id FROM cdm.measurement LIMIT 100000) s',
    expect: capped,
  },
  {
    id: 'limit-large-with-offset',
    category: 'limit-bypass',
    user: 'admin',
    sql: 'SELECT appointment_id FROM scheduling.appointment ORDER BY appointment_id LIMIT 100000 OFFSET 10',
    expect: capped,
  },
  {
    id: 'limit-one-past-the-cap',
    category: 'limit-bypass',
    user: 'admin',
    sql: 'SELECT measurement_id FROM cdm.measurement ORDER BY measurement_id LIMIT 5001',
    expect: capped,
  },
  {
    id: 'limit-union-all-doubles-rows',
    category: 'limit-bypass',
    user: 'dana',
    sql: 'SELECT measurement_id FROM cdm.measurement UNION ALL SELECT measurement_id FROM cdm.measurement',
    expect: capped,
  },
  {
    id: 'limit-exactly-the-cap',
    category: 'limit-bypass',
    user: 'admin',
    sql: 'SELECT measurement_id FROM cdm.measurement ORDER BY measurement_id LIMIT 5000',
    expect: {
      outcome: 'rows',
      reference: 'SELECT measurement_id FROM cdm.measurement ORDER BY measurement_id LIMIT 5000',
    },
  },
  {
    id: 'limit-applies-after-the-row-filter',
    category: 'limit-bypass',
    user: 'bob',
    sql: 'SELECT appointment_id FROM scheduling.appointment ORDER BY appointment_id LIMIT 10',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT appointment_id FROM scheduling.appointment WHERE practice_id = 1 ORDER BY appointment_id LIMIT 10',
    },
  },
  {
    id: 'limit-offset-applies-after-the-row-filter',
    category: 'limit-bypass',
    user: 'bob',
    sql: 'SELECT patient_id FROM scheduling.patient ORDER BY patient_id OFFSET 100 LIMIT 5',
    expect: {
      outcome: 'rows',
      reference: `SELECT patient_id FROM scheduling.patient WHERE patient_id IN (${bobPatientIds}) ORDER BY patient_id OFFSET 100 LIMIT 5`,
    },
  },
  {
    id: 'limit-all-on-a-small-result',
    category: 'limit-bypass',
    user: 'carol',
    sql: 'SELECT practice_id FROM scheduling.practice LIMIT ALL',
    expect: {
      outcome: 'rows',
      reference: `SELECT practice_id FROM scheduling.practice WHERE practice_id IN (${carolPracticeIds})`,
    },
  },

  // resource exhaustion
  {
    id: 'resource-cross-join-count',
    category: 'resource-exhaustion',
    user: 'admin',
    sql: 'SELECT count(*) FROM cdm.measurement a CROSS JOIN cdm.measurement b',
    expect: capped,
  },
  {
    id: 'resource-cross-join-rows',
    category: 'resource-exhaustion',
    user: 'dana',
    sql: 'SELECT a.measurement_id, b.measurement_id AS other FROM cdm.measurement a, cdm.measurement b',
    expect: capped,
  },
  {
    id: 'resource-four-way-cross-join',
    category: 'resource-exhaustion',
    user: 'carol',
    sql: 'SELECT count(*) FROM vocab.concept a, vocab.concept b, vocab.concept c, vocab.concept d',
    expect: capped,
  },
  {
    id: 'resource-cross-join-sorted',
    category: 'resource-exhaustion',
    user: 'bob',
    sql: 'SELECT a.concept_id FROM vocab.concept a, vocab.concept b, vocab.concept c ORDER BY 1',
    expect: capped,
  },
  {
    id: 'resource-filtered-self-cross-join',
    category: 'resource-exhaustion',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.appointment a, scheduling.appointment b, scheduling.appointment c',
    expect: capped,
  },
  {
    id: 'resource-analyst-cross-join-aggregate',
    category: 'resource-exhaustion',
    user: 'alice',
    sql: 'SELECT count(*) AS pairs FROM cdm.measurement a CROSS JOIN cdm.measurement b',
    expect: capped,
  },
  {
    id: 'resource-generate-series-rows',
    category: 'resource-exhaustion',
    user: 'admin',
    sql: 'SELECT g FROM generate_series(1, 1000000000) AS g',
    expect: capped,
  },
  {
    id: 'resource-generate-series-count',
    category: 'resource-exhaustion',
    user: 'dana',
    sql: 'SELECT count(*) FROM generate_series(1, 10000000000) AS g',
    expect: capped,
  },
  {
    id: 'resource-generate-series-in-select-list',
    category: 'resource-exhaustion',
    user: 'bob',
    sql: 'SELECT generate_series(1, 100000000) AS n',
    expect: capped,
  },
  {
    id: 'resource-huge-string-aggregate',
    category: 'resource-exhaustion',
    user: 'admin',
    sql: "SELECT length(string_agg(a.concept_name || b.concept_name, ',')) AS size FROM vocab.concept a, vocab.concept b, vocab.concept c",
    expect: capped,
  },
  {
    id: 'resource-recursive-cte-without-end',
    category: 'resource-exhaustion',
    user: 'admin',
    sql: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r',
    expect: capped,
  },
  {
    id: 'resource-recursive-cte-counted',
    category: 'resource-exhaustion',
    user: 'carol',
    sql: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000) SELECT count(*) FROM r',
    expect: capped,
  },
  {
    id: 'resource-repeat-builds-huge-value',
    category: 'resource-exhaustion',
    user: 'admin',
    sql: "SELECT repeat('x', 1000000000) AS big",
    expect: { outcome: 'denied', code: 'not_permitted' },
  },
  {
    id: 'resource-lpad-builds-huge-value',
    category: 'resource-exhaustion',
    user: 'dana',
    sql: "SELECT lpad('x', 1000000000, 'y') AS big",
    expect: { outcome: 'denied', code: 'not_permitted' },
  },
];
