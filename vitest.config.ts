import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.hale/**', 'client/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
