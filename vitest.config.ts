import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Browser-heavy files share 2 cores; keep parallelism modest.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
