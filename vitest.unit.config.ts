// `npm run test:unit`: the fast loop. Every test file that needs no browser, no seed build, no Java
// and no CLI run: no globalSetup, so nothing is built first. `npm test` (vitest.config.ts) still runs
// every file, these included; CI runs that.
//
// A file is a unit file when its text uses none of the heavy helpers below (nor spawns the CLI) and is not a whole-corpus
// evaluation (WHOLE_CORPUS); a file that mixes unit tests with one browser test runs in the full suite only. The list is computed, so a new test file
// joins the loop by itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const HEAVY = /seedDist|seedFile|buildInto|\bcli\(|epubcheck|[lL]aunch\w*\(|pdftotext\(|poppler\(|pdfinfo\(|buildSeedWithCli|puppeteer|chromium|inject\(|runAce|writePdf\(|renderPdf|bin\/transcript-press|process\.execPath/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Whole-corpus evaluations and project-wide lints: no browser either, but each runs the reader over
// every corpus transcript (or cruises every module) and takes from 20 s to minutes of CPU, so they run
// in the full suite (`npm test`), not in the fast loop. Measured 2026-12-05 (wall, load 12-20): eval
// 4+ min, structure/agreement 207 s, reader/properties 109 s, dependencies 97 s, reader/clean-corpus 77 s,
// reader/probes 45 s; every other unit file under 40 s.
const WHOLE_CORPUS = new Set(['test/eval.test.ts', 'test/structure/agreement.test.ts', 'test/reader/properties.test.ts',
  'test/dependencies.test.ts', 'test/reader/clean-corpus.test.ts', 'test/reader/probes.test.ts']);

/** Every test file that needs no browser, no seed build, no Java and no CLI run, whole-corpus ones included. */
export const browserFreeFiles = testFiles('test').map((f) => f.split('\\').join('/')).filter((f) => !HEAVY.test(readFileSync(f, 'utf8'))).sort();

export const unitFiles = browserFreeFiles.filter((f) => !WHOLE_CORPUS.has(f));

export default defineConfig({
  test: {
    include: unitFiles,
    testTimeout: 120_000,
    pool: 'forks',
    // One process per worker for all its files (no fresh module graph per file): importing scripts/
    // (compromise, jieba's table, the fonts' tables) was most of the loop's time. Unit files share no
    // state through process.env, mocks or the working folder (none uses them).
    isolate: false,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
