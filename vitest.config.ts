import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';
import { browserFreeFiles } from './vitest.unit.config.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One seed build for the whole run, the run's shared folders and verdict cache, and the check that
    // every diagnostic code was raised.
    globalSetup: ['test/support/global-setup.ts'],
    // TP_CPU_LOG=<file>: CPU seconds per test file (test/support/cpu-log.ts); does nothing otherwise.
    // test/support/seed-ready.ts: a file that reads the seed waits for its background build.
    setupFiles: ['test/support/seed-ready.ts', 'test/support/cpu-log.ts'],
    // Generous: the limits catch a hang, not a slow machine. Browser builds, epubcheck and Ace take
    // seconds when the machine is quiet and minutes when it is shared; nothing here asserts wall time.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    // Two lanes. The files that need a browser, a CLI, Java or the seed build: in two child processes
    // (pool 'forks': chdir allowed), the longest first (test/support/durations.json) so that both end
    // together. Each process runs its files one after another and keeps its modules from one to the next
    // (isolate: false): loading the module graph of scripts/ anew cost about 2 s of CPU per file. These
    // files share no state but what they restore (process.env, the working folder: test/support/cli.ts),
    // and each closes the browsers it launches. The browser-free files (the unit loop's,
    // vitest.unit.config.ts, and the whole-corpus evaluations): one after another in one worker thread
    // that keeps its modules (isolate: false, as `npm run test:unit` runs them), so that the module graph
    // of scripts/ (compromise, jieba's table, the fonts' tables) is loaded once, not once per file.
    pool: 'forks',
    poolMatchGlobs: browserFreeFiles.map((f) => [`**/${f}`, 'threads'] as [string, 'threads']),
    poolOptions: {
      forks: { maxForks: 2, minForks: 1, isolate: false },
      threads: { isolate: false, maxThreads: 1, minThreads: 1 },
    },
    sequence: { sequencer: LongestFirst },
  },
});
