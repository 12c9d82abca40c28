#!/usr/bin/env node
// Rewrites test/support/durations.json (the order test files start in, test/support/sequencer.ts) from a
// vitest JSON report: `npx vitest run --reporter=json --outputFile=/tmp/run.json`, then
// `node test/support/durations.mjs /tmp/run.json`. Seconds per file, as that run measured them; only the
// order matters, so a run on a busy machine serves as well as a quiet one.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** test/… of a file in the report, whichever clone it ran in. */
const testPath = (file) => { const p = file.split('\\').join('/'); return p.slice(p.lastIndexOf('/test/') + 1); };
const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const files = Object.fromEntries(report.testResults
  .map((r) => [testPath(r.name), Math.round((r.endTime - r.startTime) / 100) / 10])
  .sort((a, b) => b[1] - a[1]));
const out = join(root, 'test', 'support', 'durations.json');
writeFileSync(out, `${JSON.stringify({ measured: new Date(report.startTime).toISOString().slice(0, 10), files }, null, 2)}\n`);
process.stderr.write(`${Object.keys(files).length} files written to ${relative(root, out)}\n`);
