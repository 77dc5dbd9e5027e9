import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.hale/**', 'client/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two test files at a time on the 2-core CI machine: most of a file's time is spent waiting on
    // child processes and the PostgreSQL server, and one at a time made the suite 18 minutes long
    // against 13 (measured 2026-12-01, 61 files), too close to CI's 20-minute budget.
    maxWorkers: 2,
  },
});
