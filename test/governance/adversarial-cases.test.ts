import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GovernanceErrorCode } from '../../mcp-tools/governance/governance-error.js';
import { adversarialCases, adversarialCategories } from './adversarial-cases.js';

const codes: ReadonlySet<GovernanceErrorCode> = new Set<GovernanceErrorCode>([
  'syntax_error',
  'statement_not_allowed',
  'not_permitted',
  'unknown_name',
  'aggregate_required',
  'timeout',
  'too_large',
  'cancelled',
  'query_failed',
]);

type Node = Record<string, unknown>;

function statementsOf(sql: string): Node[] {
  return ((parseSync(sql) as { stmts?: { stmt: Node }[] }).stmts ?? []).map((entry) => entry.stmt);
}

function parses(sql: string): boolean {
  try {
    statementsOf(sql);
    return true;
  } catch {
    return false;
  }
}

/** The string of the last element of a name list (`fields`, `funcname`, `indirection`). */
function lastString(list: unknown): string | undefined {
  const last = Array.isArray(list) ? (list.at(-1) as Node | undefined) : undefined;
  const value = (last?.String as Node | undefined)?.sval;
  return typeof value === 'string' ? value : undefined;
}

/** The column name PostgreSQL gives a select-list item, for the simple shapes the corpus uses. */
function outputName(target: Node): string | undefined {
  if (typeof target.name === 'string') return target.name;
  const [type, fields = {}] = Object.entries((target.val ?? {}) as Record<string, Node>)[0] ?? [];
  if (type === 'ColumnRef') return lastString(fields.fields);
  if (type === 'FuncCall') return lastString(fields.funcname);
  if (type === 'TypeCast') return outputName({ val: fields.arg });
  if (type === 'A_Indirection') return lastString(fields.indirection);
  return undefined;
}

/** Output column names of a plain SELECT (the left arm of a set operation), undefined if unknowable. */
function outputNames(sql: string): string[] | undefined {
  let select = statementsOf(sql)[0]?.SelectStmt as Node | undefined;
  while (select?.larg) select = select.larg as Node;
  const targets = (select?.targetList as Node[] | undefined) ?? [];
  const names = targets.map((target) => outputName(target.ResTarget as Node));
  return names.every((name): name is string => name !== undefined && name !== '*') ? names : undefined;
}

describe('adversarial corpus of the governance gate', () => {
  beforeAll(() => loadModule());

  it('has at least 100 cases with unique kebab-case ids', () => {
    expect(adversarialCases.length).toBeGreaterThanOrEqual(100);
    const ids = adversarialCases.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers every attack family of the issue, with legitimate questions from every principal', () => {
    const present = new Set(adversarialCases.map((entry) => entry.category));
    expect(adversarialCategories.filter((category) => !present.has(category))).toEqual([]);
    const legitimate = adversarialCases.filter((entry) => entry.category === 'legitimate');
    expect(legitimate.length).toBeGreaterThanOrEqual(25);
    expect(new Set(legitimate.map((entry) => entry.user))).toEqual(
      new Set(['admin', 'dana', 'alice', 'bob', 'carol']),
    );
  });

  it('names only error codes the gate has', () => {
    for (const { id, expect: expectation } of adversarialCases) {
      if (expectation.outcome === 'denied' || expectation.outcome === 'error') {
        expect(codes.has(expectation.code as GovernanceErrorCode), id).toBe(true);
      }
    }
  });

  it('parses every SQL text except those meant as syntax errors', () => {
    for (const { id, sql, expect: expectation } of adversarialCases) {
      const syntaxError = expectation.outcome === 'denied' && expectation.code === 'syntax_error';
      expect(parses(sql), id).toBe(!syntaxError);
    }
  });

  it('gives every allowed case one SELECT as reference, with the same column names', () => {
    for (const { id, sql, expect: expectation } of adversarialCases) {
      if (expectation.outcome !== 'rows') continue;
      const statements = statementsOf(expectation.reference);
      expect(
        statements.map((statement) => Object.keys(statement)[0]),
        id,
      ).toEqual(['SelectStmt']);
      const expected = outputNames(expectation.reference);
      const actual = outputNames(sql);
      if (expected && actual) expect(actual, id).toEqual(expected);
    }
  });

  it('lists forbidden values with one SELECT', () => {
    for (const { id, forbiddenValuesFrom } of adversarialCases) {
      if (forbiddenValuesFrom === undefined) continue;
      const statements = statementsOf(forbiddenValuesFrom);
      expect(
        statements.map((statement) => Object.keys(statement)[0]),
        id,
      ).toEqual(['SelectStmt']);
    }
  });
});
