import { describe, expect, it } from 'vitest';
import { writeSqlAnswer } from './write-sql-answer.js';

describe('writeSqlAnswer', () => {
  it('shows the rows as a table with formatted numbers, and what the gate did', () => {
    const text = writeSqlAnswer({
      content: {
        columns: ['channel', 'appointments'],
        rows: [
          { channel: 'online', appointments: 9706 },
          { channel: 'phone', appointments: null },
        ],
        rowCount: 2,
        truncated: false,
        policies: ['scheduling.appointment: rows filtered (ops_manager: scheduling.appointment)'],
      },
      scope: { regions: ['Île-de-France'] },
    });
    expect(text).toContain('returned 2 rows');
    expect(text).toContain('| online | 9,706 |');
    expect(text).toContain('| phone | (null) |');
    expect(text).toContain('(regions: Île-de-France)');
  });

  it('says when there are no rows', () => {
    expect(
      writeSqlAnswer({ content: { columns: ['a'], rows: [], rowCount: 0, truncated: false, policies: [] } }),
    ).toContain('returned no rows');
  });
});
