import type { AdversarialCase } from '../adversarial-cases.js';
import {
  allEmails,
  allEmailsAndPhones,
  bobPatientIds,
  bobPersonIds,
  carolPatientIds,
  carolPracticeIds,
} from './policy-scopes.js';

const notPermitted = { outcome: 'denied', code: 'not_permitted' } as const;
const notAllowed = { outcome: 'denied', code: 'statement_not_allowed' } as const;
const bobPracticeCount = 'SELECT count(*) FROM scheduling.practice WHERE practice_id = 1';

/**
 * What a text-level filter gets wrong and the real parser gets right: comments (nested ones too),
 * dollar quoting, quoted and Unicode-escaped identifiers, schema qualification.
 */
export const lexicalCases: readonly AdversarialCase[] = [
  // comments
  {
    id: 'comments-nested-comment-hides-drop',
    category: 'comments',
    user: 'bob',
    sql: '/* outer /* inner */ DROP TABLE scheduling.patient; */ SELECT count(*) FROM scheduling.practice',
    expect: { outcome: 'rows', reference: bobPracticeCount },
  },
  {
    id: 'comments-line-comment-hides-delete',
    category: 'comments',
    user: 'bob',
    sql: 'SELECT count(*) -- ; DELETE FROM scheduling.appointment\nFROM scheduling.practice',
    expect: { outcome: 'rows', reference: bobPracticeCount },
  },
  {
    id: 'comments-denied-column-commented-out',
    category: 'comments',
    user: 'carol',
    sql: 'SELECT patient_id, city /*, email */ FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: `SELECT patient_id, city FROM scheduling.patient WHERE patient_id IN (${carolPatientIds})`,
    },
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'comments-trailing-line-comment-in-predicate',
    category: 'comments',
    user: 'carol',
    sql: "SELECT count(*) FROM scheduling.patient WHERE city = 'Paris' -- AND email IS NOT NULL",
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.patient WHERE city = 'Paris' AND patient_id IN (${carolPatientIds})`,
    },
  },
  {
    id: 'comments-empty-comment-glued-to-denied-column',
    category: 'comments',
    user: 'carol',
    sql: 'SELECT patient_id, /**/email FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'comments-markers-inside-strings-around-denied-column',
    category: 'comments',
    user: 'carol',
    sql: "SELECT '/*' AS a, email, '*/' AS b FROM scheduling.patient",
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'comments-line-marker-inside-string',
    category: 'comments',
    user: 'carol',
    sql: "SELECT '--' AS a, phone FROM scheduling.patient",
    expect: notPermitted,
  },
  {
    id: 'comments-statement-kind-after-comment',
    category: 'comments',
    user: 'admin',
    sql: '/* SELECT */ DELETE FROM scheduling.appointment',
    expect: notAllowed,
  },
  {
    id: 'comments-semicolon-in-comment-then-drop',
    category: 'comments',
    user: 'admin',
    sql: 'SELECT 1 AS one /* ; */; DROP TABLE cdm.person',
    expect: notAllowed,
  },
  {
    id: 'comments-unterminated-nested-comment',
    category: 'comments',
    user: 'bob',
    sql: 'SELECT count(*) FROM scheduling.practice /* outer /* inner */',
    expect: { outcome: 'denied', code: 'syntax_error' },
  },

  // dollar quoting
  {
    id: 'dollar-drop-inside-constant',
    category: 'dollar-quoting',
    user: 'bob',
    sql: 'SELECT $$; DROP TABLE scheduling.patient; --$$ AS note',
    expect: { outcome: 'rows', reference: "SELECT '; DROP TABLE scheduling.patient; --' AS note" },
  },
  {
    id: 'dollar-tagged-quote-nests-plain-quote',
    category: 'dollar-quoting',
    user: 'admin',
    sql: 'SELECT $tag$ $$ ; DELETE FROM scheduling.appointment; $$ $tag$ AS note',
    expect: { outcome: 'rows', reference: "SELECT ' $$ ; DELETE FROM scheduling.appointment; $$ ' AS note" },
  },
  {
    id: 'dollar-do-block',
    category: 'dollar-quoting',
    user: 'admin',
    sql: 'DO $$ BEGIN PERFORM pg_sleep(10); END $$',
    expect: notAllowed,
  },
  {
    id: 'dollar-denied-name-as-constant',
    category: 'dollar-quoting',
    user: 'carol',
    sql: 'SELECT $e$email$e$ AS email FROM scheduling.patient',
    expect: {
      outcome: 'rows',
      reference: `SELECT 'email' AS email FROM scheduling.patient WHERE patient_id IN (${carolPatientIds})`,
    },
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'dollar-quote-with-apostrophe-in-predicate',
    category: 'dollar-quoting',
    user: 'bob',
    sql: "SELECT count(*) FROM scheduling.patient WHERE last_name <> $q$O'Brien$q$",
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.patient WHERE last_name <> 'O''Brien' AND patient_id IN (${bobPatientIds})`,
    },
  },
  {
    id: 'dollar-constant-concatenated-with-denied-column',
    category: 'dollar-quoting',
    user: 'carol',
    sql: 'SELECT $$mailto:$$ || email AS link FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'dollar-unterminated',
    category: 'dollar-quoting',
    user: 'carol',
    sql: 'SELECT $$unterminated FROM scheduling.patient',
    expect: { outcome: 'denied', code: 'syntax_error' },
  },

  // quoted and Unicode-escaped identifiers
  {
    id: 'identifiers-unicode-escaped-denied-column',
    category: 'identifiers',
    user: 'carol',
    sql: 'SELECT U&"\\0065mail" FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'identifiers-unicode-escape-character',
    category: 'identifiers',
    user: 'carol',
    sql: 'SELECT U&"!0065mail" UESCAPE \'!\' FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'identifiers-quoted-denied-column',
    category: 'identifiers',
    user: 'carol',
    sql: 'SELECT "email" FROM scheduling.patient',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'identifiers-upper-case-unquoted-folds',
    category: 'identifiers',
    user: 'carol',
    sql: 'SELECT EMAIL FROM SCHEDULING.PATIENT',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'identifiers-quoted-qualifiers-denied-column',
    category: 'identifiers',
    user: 'carol',
    sql: 'SELECT "patient"."email" FROM "scheduling"."patient"',
    expect: notPermitted,
    forbiddenValuesFrom: allEmails,
  },
  {
    id: 'identifiers-quoted-upper-case-is-another-name',
    category: 'identifiers',
    user: 'carol',
    sql: 'SELECT "EMAIL" FROM scheduling.patient',
    expect: { outcome: 'denied', code: 'unknown_name' },
  },
  {
    id: 'identifiers-unicode-escaped-denied-group-by',
    category: 'identifiers',
    user: 'alice',
    sql: 'SELECT count(*) FROM cdm.person GROUP BY U&"d\\0061y_of_birth"',
    expect: notPermitted,
  },
  {
    id: 'identifiers-unicode-escaped-catalog-schema',
    category: 'identifiers',
    user: 'carol',
    sql: 'SELECT count(*) FROM U&"pg_\\0063atalog".pg_class',
    expect: notPermitted,
  },
  {
    id: 'identifiers-quoted-table-is-filtered',
    category: 'identifiers',
    user: 'bob',
    sql: 'SELECT count(*) FROM "scheduling"."patient"',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`,
    },
  },
  {
    id: 'identifiers-unicode-escaped-table-is-filtered',
    category: 'identifiers',
    user: 'bob',
    sql: 'SELECT count(*) FROM U&"sch\\0065duling".U&"p\\0061tient"',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`,
    },
  },
  {
    id: 'identifiers-unicode-escaped-masked-column-sees-mask',
    category: 'identifiers',
    user: 'dana',
    sql: 'SELECT count(*) FROM scheduling.patient WHERE U&"\\0065mail" LIKE \'%@%\'',
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM scheduling.patient WHERE false' },
    forbiddenValuesFrom: allEmailsAndPhones,
  },

  // schema qualification
  {
    id: 'schema-unqualified-patient-is-filtered',
    category: 'schema-qualification',
    user: 'bob',
    sql: 'SELECT count(*) FROM patient',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM scheduling.patient WHERE patient_id IN (${bobPatientIds})`,
    },
  },
  {
    id: 'schema-unqualified-person-is-filtered',
    category: 'schema-qualification',
    user: 'bob',
    sql: 'SELECT count(*) FROM person',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) FROM cdm.person WHERE person_id IN (${bobPersonIds})`,
    },
  },
  {
    id: 'schema-unqualified-person-without-cdm-access',
    category: 'schema-qualification',
    user: 'carol',
    sql: 'SELECT count(*) FROM person',
    expect: notPermitted,
  },
  {
    id: 'schema-unqualified-vocabulary-table',
    category: 'schema-qualification',
    user: 'carol',
    sql: 'SELECT count(*) FROM concept',
    expect: { outcome: 'rows', reference: 'SELECT count(*) FROM vocab.concept' },
  },
  {
    id: 'schema-cdm-without-cdm-access',
    category: 'schema-qualification',
    user: 'carol',
    sql: 'SELECT count(*) FROM cdm.person',
    expect: notPermitted,
  },
  {
    id: 'schema-table-with-access-none',
    category: 'schema-qualification',
    user: 'bob',
    sql: 'SELECT * FROM cdm.location',
    expect: notPermitted,
  },
  {
    id: 'schema-table-with-access-none-for-analyst',
    category: 'schema-qualification',
    user: 'alice',
    sql: 'SELECT count(*) FROM cdm.cost',
    expect: notPermitted,
  },
  {
    id: 'schema-hale-internal-table',
    category: 'schema-qualification',
    user: 'bob',
    sql: 'SELECT * FROM hale.warehouse_state',
    expect: notPermitted,
  },
  {
    id: 'schema-hale-internal-table-for-admin',
    category: 'schema-qualification',
    user: 'admin',
    sql: 'SELECT count(*) FROM hale.document',
    expect: notPermitted,
  },
  {
    id: 'schema-pg-catalog-view',
    category: 'schema-qualification',
    user: 'bob',
    sql: 'SELECT count(*) FROM pg_catalog.pg_tables',
    expect: notPermitted,
  },
  {
    id: 'schema-alias-named-like-a-schema',
    category: 'schema-qualification',
    user: 'carol',
    sql: 'SELECT count(*) AS practices FROM scheduling.practice AS cdm WHERE cdm.region IS NOT NULL',
    expect: {
      outcome: 'rows',
      reference: `SELECT count(*) AS practices FROM scheduling.practice WHERE practice_id IN (${carolPracticeIds})`,
    },
  },
  {
    id: 'schema-mixed-qualified-and-unqualified-join',
    category: 'schema-qualification',
    user: 'carol',
    sql: 'SELECT count(*) FROM scheduling.appointment a JOIN patient p ON p.patient_id = a.patient_id',
    expect: {
      outcome: 'rows',
      reference:
        'SELECT count(*) FROM scheduling.appointment a JOIN scheduling.patient p ON p.patient_id = a.patient_id ' +
        `WHERE a.practice_id IN (${carolPracticeIds}) AND p.patient_id IN (${carolPatientIds})`,
    },
  },
];
