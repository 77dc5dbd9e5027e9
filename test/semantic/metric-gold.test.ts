import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldCases } from '../../bench/semantic/metric-gold-cases.js';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import { compileMetricQuery, type MetricQuery, type SemanticLayer } from '../../semantic-layer/index.js';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';

/** A cell in a comparable form: numbers rounded to 9 significant digits (float tolerance), the rest as text. */
function canonicalCell(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)
        ? Number(value)
        : undefined;
  if (number !== undefined) return Number.isInteger(number) ? String(number) : number.toPrecision(9);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Rows as sorted strings over the given columns: order-insensitive, column order fixed. */
function canonicalRows(rows: readonly Record<string, unknown>[], columns: readonly string[]): string[] {
  return rows.map((row) => columns.map((column) => canonicalCell(row[column])).join(' | ')).sort();
}

// Two data sets per database: the generator's seed changes every value, the scale changes the sizes.
const dataSets = [
  { seed: 11, scale: 0.05 },
  { seed: 5, scale: 0.12 },
] as const;

describe.each(testDatabaseAdapters)('bundled metrics against hand-written gold SQL on $name', (adapter) => {
  let layer: SemanticLayer;
  const warehouses: { label: string; handle: DisposableDatabase; warehouse: GovernedTestWarehouse }[] = [];

  beforeAll(async () => {
    layer = await loadSemanticLayer();
    for (const dataSet of dataSets) {
      const handle = await adapter.create();
      const warehouse = await createGovernedTestWarehouse({ database: handle.database, ...dataSet });
      warehouses.push({ label: `seed ${dataSet.seed}, scale ${dataSet.scale}`, handle, warehouse });
    }
  }, 600_000);
  afterAll(async () => {
    for (const { handle } of warehouses) await handle.dispose();
  });

  it('has a gold query for every bundled metric', () => {
    const covered = new Set(goldCases.flatMap((gold) => gold.query.metrics));
    expect([...layer.metrics.keys()].filter((metric) => !covered.has(metric))).toEqual([]);
  });

  it.each(goldCases)('$name', async (gold) => {
    for (const { label, warehouse } of warehouses) {
      const compiled = compileMetricQuery(layer, gold.query as MetricQuery);
      const generated = await warehouse.governed.run({
        sql: compiled.sql,
        parameters: compiled.parameters,
        principal: resolvePrincipal(warehouse.policy, 'admin'),
        channel: 'eval',
        tool: 'test',
      });
      expect(generated.status, `${label}: ${generated.reason}\n${compiled.sql}`).toBe('ok');
      const columns = compiled.columns.map((column) => column.name);
      const expected = await warehouse.reference(gold.sql);
      expect(expected.length, `${label}: the gold query returns rows`).toBeGreaterThan(0);
      expect(canonicalRows(generated.rows, columns), `${label}\n${compiled.sql}`).toEqual(
        canonicalRows(expected, columns),
      );
    }
  });
});
