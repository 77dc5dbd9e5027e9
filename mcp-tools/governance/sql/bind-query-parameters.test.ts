import { beforeAll, describe, expect, it } from 'vitest';
import { bindQueryParameters } from './bind-query-parameters.js';
import { deparseSql, loadSqlParser, parseSql } from './sql-parser.js';

function bound(sql: string, parameters: Parameters<typeof bindQueryParameters>[1]): string {
  const [parsed] = parseSql(sql);
  if (!parsed) throw new Error('no statement');
  bindQueryParameters(parsed.statement, parameters);
  return deparseSql([parsed.statement]);
}

describe('bindQueryParameters', () => {
  beforeAll(loadSqlParser);

  it('puts each value in the parse tree as a constant, quoted by the deparser', () => {
    const sql = bound(
      'SELECT 1 FROM t WHERE a = $1 AND b = ANY ($2) AND c > $3 AND d = $4 AND e IS NOT DISTINCT FROM $5',
      ["O'Brien'); DROP TABLE t; --", ['Lyon', 'Paris'], -2.5, 0, null],
    );
    expect(sql).toContain("a = 'O''Brien''); DROP TABLE t; --'");
    expect(sql).toContain("ARRAY['Lyon', 'Paris']");
    expect(sql).toMatch(/c > -2\.5 /);
    expect(sql).toContain('d = 0');
    expect(parseSql(sql)).toHaveLength(1);
  });

  it('refuses a $n without a value and a value that is not used', () => {
    expect(() => bound('SELECT $2', ['x'])).toThrow('parameter $2 has no value (1 parameter given)');
    expect(() => bound('SELECT $1', ['x', 'y'])).toThrow('parameter $2 given but not used in the query');
    expect(() => bound('SELECT $1', [Number.NaN])).toThrow('not a finite number');
  });
});
