/**
 * The adversarial corpus of the governance gate: queries that try to get around it, each with what
 * the gate must do, for the five demo principals of mcp-tools/governance/default-policies.yml.
 * The corpus is data; a runner executes it against the demo warehouse at scale 0.1 on both databases
 * (embedded and PostgreSQL). How each expectation is checked:
 *
 * - `denied`: `status` is 'denied' and `code` equals the expected code; nothing was executed.
 * - `error`: `status` is 'error' and `code` equals the expected code (the query ran and the database
 *   refused a value); `reason` holds no data value.
 * - `rows`: `status` is 'ok', `truncated` is false, no group was suppressed, the column names equal
 *   those of `reference` run as admin directly on the warehouse, in order, and the rows equal its rows,
 *   as a multiset, or in order when the reference ends with an ORDER BY.
 * - `suppressed`: `status` is 'ok' and `suppression.smallGroups` > 0.
 * - `capped`: either `status` 'ok' with `truncated` true and at most 5,000 rows, or `code` 'timeout'
 *   or 'too_large'; on the embedded database, which cannot cancel a running statement, a `WITH
 *   RECURSIVE` query may instead be refused with 'statement_not_allowed'. Never a hang.
 * - `forbiddenValuesFrom` (any outcome): run as admin, every non-null value of its first column is
 *   searched for (as a substring) in `JSON.stringify` of the whole result, reason and policies included.
 *   The queries already leave out values that a principal may legitimately see.
 */
import { aggregateCases } from './cases/aggregate-cases.js';
import { capacityCases } from './cases/capacity-cases.js';
import { catalogAndFunctionCases } from './cases/catalog-and-function-cases.js';
import { columnClauseCases } from './cases/column-clause-cases.js';
import { columnReferenceCases } from './cases/column-reference-cases.js';
import { legitimateCases } from './cases/legitimate-cases.js';
import { lexicalCases } from './cases/lexical-cases.js';
import { scopeCases } from './cases/scope-cases.js';
import { sessionCases } from './cases/session-cases.js';
import { statementCases } from './cases/statement-cases.js';

/** A demo principal of the bundled policy. */
export type AdversarialUser = 'admin' | 'dana' | 'alice' | 'bob' | 'carol';

/** What the gate must do with one case. */
export type AdversarialExpectation =
  /** Refused before execution. */
  | { outcome: 'denied'; code: string }
  /** Ran and failed with a safe category. */
  | { outcome: 'error'; code: string }
  /** Allowed: rows equal `reference` run as admin (same column names). */
  | { outcome: 'rows'; reference: string }
  /** Allowed, with at least one small group removed. */
  | { outcome: 'suppressed' }
  /** Ran and was cut by the row cap, or refused with timeout/too_large. */
  | { outcome: 'capped' };

/** One attempt on the gate: who asks, the SQL, and what must happen. */
export interface AdversarialCase {
  /** Unique, kebab-case. */
  id: string;
  /** The family of attack, one of `adversarialCategories` (or an extra family). */
  category: string;
  user: AdversarialUser;
  sql: string;
  expect: AdversarialExpectation;
  /**
   * Admin SQL listing values the principal must never see (e.g. emails of patients outside bob's
   * practice); none may appear anywhere in the JSON of the result, including error text.
   */
  forbiddenValuesFrom?: string;
}

/** The attack families the governance issue lists; the corpus has cases for every one. */
export const adversarialCategories = [
  'stacked-statements',
  'writable-cte',
  'select-into',
  'copy',
  'side-effect-function',
  'explain',
  'role-and-settings',
  'transaction-control',
  'comments',
  'dollar-quoting',
  'identifiers',
  'schema-qualification',
  'system-catalogs',
  'cast-errors',
  'leaky-predicates',
  'whole-row',
  'natural-using',
  'positional',
  'denied-column-predicates',
  'set-operations',
  'aliases-expressions',
  'window-aggregate-role',
  'lateral-correlated',
  'tablesample',
  'small-cells-differencing',
  'row-packing',
  'limit-bypass',
  'resource-exhaustion',
  'legitimate',
] as const;

/** Every case of the corpus. */
export const adversarialCases: readonly AdversarialCase[] = [
  ...statementCases,
  ...sessionCases,
  ...catalogAndFunctionCases,
  ...lexicalCases,
  ...columnReferenceCases,
  ...columnClauseCases,
  ...scopeCases,
  ...aggregateCases,
  ...capacityCases,
  ...legitimateCases,
];
