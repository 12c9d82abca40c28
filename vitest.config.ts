import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One seed build for the whole run, and the check that every diagnostic code was raised.
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: the limits catch a hang, not a slow machine. Browser builds, epubcheck and Ace take
    // seconds when the machine is quiet and minutes when it is shared; nothing here asserts wall time.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    // Each test file in its own process (a Chromium or a validator per file): two at once on two cores.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
  },
});
