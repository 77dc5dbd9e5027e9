import { describe, expect, it } from 'vitest';
import { suppressSmallCells } from './suppress-small-cells.js';

const base = {
  columns: ['city', 'status', 'n', '__hale_patients_0'],
  groupCountColumns: ['__hale_patients_0'],
  filteredCountColumns: [],
  minimumCellSize: 11,
};

describe('suppressSmallCells', () => {
  it('hides groups under the minimum and drops the hidden count columns', () => {
    const { rows, columns, report } = suppressSmallCells({
      ...base,
      columns: ['city', 'n', '__hale_patients_0'],
      dimensionColumns: ['city'],
      rows: [
        { city: 'Paris', n: 400, __hale_patients_0: 120 },
        { city: 'Lyon', n: 90, __hale_patients_0: 30 },
        { city: 'Nice', n: 12, __hale_patients_0: 4 },
        { city: 'Lille', n: 50, __hale_patients_0: 20 },
      ],
    });
    expect(columns).toEqual(['city', 'n']);
    // Nice alone would be derivable as the total minus the others: Lille (the next smallest) goes too.
    expect(rows).toEqual([
      { city: 'Paris', n: 400 },
      { city: 'Lyon', n: 90 },
    ]);
    expect(report).toEqual({ smallGroups: 1, complementaryGroups: 1, minimumCellSize: 11 });
  });

  it('applies complementary suppression along each dimension of a two-way table', () => {
    const cell = (city: string, status: string, patients: number) => ({
      city,
      status,
      n: patients,
      __hale_patients_0: patients,
    });
    const { rows, report } = suppressSmallCells({
      ...base,
      dimensionColumns: ['city', 'status'],
      rows: [
        cell('Paris', 'done', 50),
        cell('Paris', 'no_show', 3),
        cell('Lyon', 'done', 40),
        cell('Lyon', 'no_show', 30),
      ],
    });
    expect(report.smallGroups).toBe(1);
    // Paris/no_show hidden; then Paris/done (its row slice) and Lyon/no_show (its column slice), then Lyon/done.
    expect(rows).toEqual([]);
    expect(report.complementaryGroups).toBe(3);
  });

  it('hides a group whose FILTERed count covers 1 to 10 patients, but not 0', () => {
    const { rows, report } = suppressSmallCells({
      columns: ['city', 'no_shows', '__hale_patients_0', '__hale_filtered_patients_0'],
      dimensionColumns: [],
      groupCountColumns: ['__hale_patients_0'],
      filteredCountColumns: ['__hale_filtered_patients_0'],
      minimumCellSize: 11,
      rows: [
        { city: 'Paris', no_shows: 2, __hale_patients_0: 500, __hale_filtered_patients_0: 2 },
        { city: 'Lyon', no_shows: 0, __hale_patients_0: 300, __hale_filtered_patients_0: 0 },
      ],
    });
    expect(rows).toEqual([{ city: 'Lyon', no_shows: 0 }]);
    expect(report.smallGroups).toBe(1);
  });
});
