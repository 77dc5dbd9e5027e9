import { describe, expect, it } from 'vitest';
import { describePolicies } from '../../client/src/chat/describe-policies.js';
import { highlightSql } from '../../client/src/chat/highlight-sql.js';
import { splitClaims } from '../../client/src/chat/split-claims.js';
import { chooseChart } from '../../client/src/results/choose-chart.js';
import { formatShare, isShareColumn, resultTableOf } from '../../client/src/results/result-table-data.js';
import { sortRows } from '../../client/src/results/sort-rows.js';
import { toCsv } from '../../client/src/results/to-csv.js';

describe('grounding marks', () => {
  it('flags the unverified claim with its reason and marks the other numbers verified', () => {
    const segments = splitClaims('No-shows were 12.5% online and 9% by phone.', {
      ungrounded: [{ text: '9%', reason: 'no result holds this number' }],
      markNumbers: true,
    });
    expect(segments).toEqual([
      { text: 'No-shows were ', kind: 'plain' },
      { text: '12.5%', kind: 'verified' },
      { text: ' online and ', kind: 'plain' },
      { text: '9%', kind: 'ungrounded', reason: 'no result holds this number' },
      { text: ' by phone.', kind: 'plain' },
    ]);
  });

  it('marks nothing as verified when the check found no claims to verify', () => {
    expect(splitClaims('Top 5 practices', { ungrounded: [], markNumbers: false })).toEqual([
      { text: 'Top 5 practices', kind: 'plain' },
    ]);
  });
});

describe('SQL highlighting', () => {
  it('gives back the SQL exactly and tells keywords, functions, strings and parameters apart', () => {
    const sql = `SELECT count(*) AS "n" FROM scheduling.appointment WHERE status = 'no''show' AND id > $1 -- note`;
    const tokens = highlightSql(sql);
    expect(tokens.map((token) => token.text).join('')).toBe(sql);
    const kinds = Object.fromEntries(tokens.map((token) => [token.text, token.kind]));
    expect(kinds).toMatchObject({
      SELECT: 'keyword',
      count: 'function',
      '"n"': 'identifier',
      "'no''show'": 'string',
      $1: 'parameter',
      '-- note': 'comment',
    });
  });
});

describe('policy effects in plain words', () => {
  it('explains row filters, aggregate-only access, masks and hidden groups', () => {
    expect(
      describePolicies({
        policies: [
          'scheduling.practice: rows filtered (ops_manager: scheduling.practice)',
          'scheduling.appointment: aggregates only, groups under 11 patients hidden (analyst: scheduling.*)',
          'scheduling.patient.postal_code: masked (prefix(2)) (data_scientist: scheduling.patient)',
        ],
        suppression: { smallGroups: 2, complementaryGroups: 1, minimumCellSize: 11 },
      }),
    ).toEqual([
      'Filtered to the rows your access covers in the practice table.',
      'Totals only from the appointment table: any group of fewer than 11 patients is hidden.',
      'The postal code column of the patient table was cut to its first 2 characters.',
      '2 groups with fewer than 11 patients hidden.',
      '1 more group hidden so that the small ones cannot be worked out from the totals.',
    ]);
  });

  it("names the person's own scope when it knows it", () => {
    const policies = ['scheduling.practice: rows filtered (ops_manager: scheduling.practice)'];
    expect(describePolicies({ policies, scope: { regions: ['Île-de-France'] } })).toEqual([
      'Filtered to your region: Île-de-France (the practice table).',
    ]);
    expect(describePolicies({ policies, scope: { practice_ids: [1, 2] } })).toEqual([
      'Filtered to your practices: 1, 2 (the practice table).',
    ]);
  });
});

describe('charts chosen from the shape of a result', () => {
  const metric = { name: 'no_show_rate', label: 'No-show rate', role: 'metric' } as const;
  it('draws one number as a big figure, a time series as lines and categories as bars', () => {
    expect(chooseChart([metric], [{ no_show_rate: 0.12 }])).toMatchObject({
      kind: 'big-number',
      value: 0.12,
    });
    const month = { name: 'metric_time__month', label: 'Month', role: 'time' } as const;
    expect(
      chooseChart(
        [month, metric],
        [
          { metric_time__month: '2026-01-01', no_show_rate: 0.1 },
          { metric_time__month: '2026-02-01', no_show_rate: 0.2 },
        ],
      ),
    ).toMatchObject({ kind: 'line', x: month });
    const channel = { name: 'appointment__channel', label: 'Booking channel', role: 'dimension' } as const;
    expect(
      chooseChart(
        [channel, metric],
        [
          { appointment__channel: 'online', no_show_rate: 0.1 },
          { appointment__channel: 'phone', no_show_rate: 0.2 },
        ],
      ),
    ).toMatchObject({ kind: 'bar', x: channel });
  });

  it('infers the roles of run_sql columns from their values', () => {
    const table = resultTableOf({
      columns: ['day', 'city', 'visits'],
      rows: [
        { day: '2026-01-01', city: 'Lyon', visits: 3 },
        { day: '2026-01-02', city: 'Lyon', visits: 5 },
      ],
    });
    expect(table?.columns.map((column) => column.role)).toEqual(['time', 'dimension', 'metric']);
    expect(chooseChart(table?.columns ?? [], table?.rows ?? [])).toMatchObject({ kind: 'line' });
  });
});

describe('tables', () => {
  it('shows rates as percentages, as the answer writes them', () => {
    const rate = { name: 'no_show_rate', label: 'No-show rate', role: 'metric' } as const;
    expect(isShareColumn(rate, [{ no_show_rate: 0.0486 }, { no_show_rate: 0.1 }])).toBe(true);
    expect(formatShare(0.0486)).toBe('4.86%');
    const count = { name: 'no_shows', label: 'No-shows', role: 'metric' } as const;
    expect(isShareColumn(count, [{ no_shows: 1 }])).toBe(false);
  });

  it('sorts numbers as numbers and keeps empty cells last', () => {
    const rows = [{ n: 10 }, { n: null }, { n: 9 }, { n: 100 }];
    expect(sortRows(rows, { column: 'n', direction: 'ascending' }).map((row) => row.n)).toEqual([
      9,
      10,
      100,
      null,
    ]);
    expect(sortRows(rows, { column: 'n', direction: 'descending' }).map((row) => row.n)).toEqual([
      100,
      10,
      9,
      null,
    ]);
  });

  it('writes CSV with quoting and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['name', 'value'],
        [
          { name: 'a, "b"', value: 1 },
          { name: '=cmd()', value: null },
        ],
      ),
    ).toBe('name,value\r\n"a, ""b""",1\r\n\'=cmd(),\r\n');
  });
});
