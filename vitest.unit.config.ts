// `npm run test:unit`: the fast loop. Every test file that needs no browser, no seed build, no Java
// and no CLI run: no globalSetup, so nothing is built first. `npm test` (vitest.config.ts) still runs
// every file, these included; CI runs that.
//
// A file is a unit file when its text uses none of the heavy helpers below; a file that mixes unit
// tests with one browser test runs in the full suite only. The list is computed, so a new test file
// joins the loop by itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const HEAVY = /seedDist|seedFile|buildInto|\bcli\(|epubcheck|[lL]aunch|pdftotext\(|poppler\(|pdfinfo\(|buildSeedWithCli|puppeteer|chromium|inject\(|runAce|writePdf\(|renderPdf/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

export const unitFiles = testFiles('test').filter((f) => !HEAVY.test(readFileSync(f, 'utf8'))).sort();

export default defineConfig({
  test: {
    include: unitFiles,
    testTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
  },
});
