/**
 * Converts a source date (YYYY-MM-DD, YYYYMMDD or an ISO datetime) to Athena's YYYYMMDD. Anything else
 * throws, so a malformed source row stops the build instead of reaching the bundled files.
 */
export function athenaDate(value: string | undefined): string {
  const digits = (value ?? '').slice(0, 10).replaceAll('-', '');
  if (!/^\d{8}$/.test(digits)) throw new Error(`bad date: ${value}`);
  return digits;
}

/** Validity period of every hand-written row: no real start date is known, and the rows do not expire. */
export const localValidity = { startDate: '19700101', endDate: '20991231' } as const;
