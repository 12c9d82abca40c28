import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One seed build for the whole run, the run's shared folders and verdict cache, and the check that
    // every diagnostic code was raised.
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: the limits catch a hang, not a slow machine. Browser builds, epubcheck and Ace take
    // seconds when the machine is quiet and minutes when it is shared; nothing here asserts wall time.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    // Each test file in its own process (a Chromium or a validator per file): two at once on two cores,
    // the longest files first (test/support/durations.json) so that both workers end together.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    sequence: { sequencer: LongestFirst },
  },
});
