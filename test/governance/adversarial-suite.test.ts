import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { type AdversarialCase, adversarialCases } from './adversarial-cases.js';

/**
 * Runs the adversarial corpus through the gate on every database: each case must end as expected
 * (denied with its category, the exact rows the principal may see, suppressed, or capped), and no
 * value the principal may not see may appear anywhere in the result, error text included.
 */

function normalise(rows: readonly Record<string, unknown>[], ordered: boolean): string[] {
  const lines = rows.map((row) => JSON.stringify(row));
  return ordered ? lines : lines.sort();
}

describe.each(testDatabaseAdapters)('adversarial governance suite on $name', (adapter) => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;

  beforeAll(async () => {
    handle = await adapter.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.1 });
  }, 180_000);
  afterAll(async () => handle?.dispose());

  async function check(testCase: AdversarialCase): Promise<string[]> {
    const problems: string[] = [];
    const result = await warehouse.runAs(testCase.user, testCase.sql);
    const { expect: expected } = testCase;
    const seen = `${result.status}${result.code ? ` ${result.code}` : ''}${result.reason ? `: ${result.reason}` : ''}`;
    switch (expected.outcome) {
      case 'denied':
      case 'error':
        if (result.status !== expected.outcome || result.code !== expected.code)
          problems.push(`expected ${expected.outcome} ${expected.code}, got ${seen}`);
        if (result.rows.length > 0) problems.push('a refused query returned rows');
        break;
      case 'rows': {
        if (result.status !== 'ok') {
          problems.push(`expected rows, got ${seen}`);
          break;
        }
        const ordered = /\border\s+by\b/i.test(expected.reference);
        const reference = await warehouse.reference(expected.reference);
        const got = normalise(result.rows, ordered);
        const want = normalise(reference, ordered);
        if (JSON.stringify(got) !== JSON.stringify(want))
          problems.push(
            `rows differ: ${got.length} rows vs ${want.length} expected (first: ${got[0]} vs ${want[0]})`,
          );
        break;
      }
      case 'suppressed':
        if (result.status !== 'ok' || !result.suppression || result.suppression.smallGroups === 0)
          problems.push(`expected suppressed groups, got ${seen} ${JSON.stringify(result.suppression)}`);
        break;
      case 'capped':
        if (
          !(result.status === 'ok' && result.truncated) &&
          !['timeout', 'too_large', 'statement_not_allowed'].includes(result.code ?? '')
        )
          problems.push(
            `expected capped, truncated or refused as too large, got ${seen} (${result.rowCount} rows)`,
          );
        break;
    }
    if (testCase.forbiddenValuesFrom) {
      const forbidden = await warehouse.reference(testCase.forbiddenValuesFrom);
      const text = JSON.stringify(result);
      const values = forbidden
        .flatMap((row) => Object.values(row))
        .filter((value) => value !== null && String(value).length >= 4);
      const leaked = values.filter((value) => text.includes(String(value)));
      if (leaked.length > 0)
        problems.push(`LEAK: ${leaked.length} forbidden values appear, e.g. ${String(leaked[0])}`);
    }
    return problems;
  }

  it(`ends every one of the ${adversarialCases.length} cases as expected, with zero leaks`, async () => {
    const failures: string[] = [];
    let leaks = 0;
    for (const testCase of adversarialCases) {
      const problems = await check(testCase);
      leaks += problems.filter((problem) => problem.startsWith('LEAK')).length;
      for (const problem of problems) failures.push(`${testCase.id} (${testCase.user}): ${problem}`);
    }
    console.info(
      `[adversarial] ${adapter.name}: ${adversarialCases.length} cases, ${failures.length} failures, ${leaks} leaks`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
