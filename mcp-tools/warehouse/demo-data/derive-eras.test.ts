import { describe, expect, it } from 'vitest';
import { parseDate } from './calendar.js';
import { deriveEras } from './derive-eras.js';

const day = (date: string) => parseDate(date);

describe('deriveEras', () => {
  it('merges spans of one concept separated by at most 30 days and counts the gap', () => {
    const eras = deriveEras([
      { conceptId: 1, start: day('2024-01-01'), end: day('2024-01-30') },
      { conceptId: 1, start: day('2024-02-20'), end: day('2024-03-20') },
      { conceptId: 1, start: day('2024-06-01'), end: day('2024-06-30') },
      { conceptId: 2, start: day('2024-01-15'), end: day('2024-01-15') },
    ]);
    expect(eras).toEqual([
      { conceptId: 1, start: day('2024-01-01'), end: day('2024-03-20'), count: 2, gapDays: 20 },
      { conceptId: 2, start: day('2024-01-15'), end: day('2024-01-15'), count: 1, gapDays: 0 },
      { conceptId: 1, start: day('2024-06-01'), end: day('2024-06-30'), count: 1, gapDays: 0 },
    ]);
  });

  it('does not count overlap as a gap', () => {
    const [era] = deriveEras([
      { conceptId: 5, start: day('2024-01-01'), end: day('2024-03-01') },
      { conceptId: 5, start: day('2024-02-01'), end: day('2024-02-10') },
    ]);
    expect(era).toMatchObject({ end: day('2024-03-01'), count: 2, gapDays: 0 });
  });
});
