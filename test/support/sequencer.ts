// The order test files start in: longest first, so that the two workers finish together instead of one
// long file starting last and running alone. vitest's own order needs a previous run's timings, which a
// fresh clone (CI) does not have, and falls back to file size, which says little (a short file can build
// twenty books). So the order comes from test/support/durations.json: seconds per file from a measured
// run (`node test/support/durations.mjs <vitest JSON report>` rewrites it). A file not listed there (a
// new test) is placed by its size, as vitest would, at a rate measured on the listed files.
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const table = JSON.parse(readFileSync(join(import.meta.dirname, 'durations.json'), 'utf8')) as { files: Record<string, number> };

/** Seconds a file is expected to take: measured, or estimated from its size (1 s per KB, unmeasured files are rarely slow). */
export function expectedSeconds(root: string, file: string): number {
  const key = relative(root, file).split('\\').join('/');
  if (key in table.files) return table.files[key]!;
  try { return statSync(file).size / 1024; } catch { return 0; }
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    return [...files].sort((a, b) => expectedSeconds(root, b.moduleId) - expectedSeconds(root, a.moduleId) || (a.moduleId < b.moduleId ? -1 : 1));
  }
}
