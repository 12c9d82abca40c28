// The run's seed book is built in the background while the first test files run (global-setup.ts). A
// test file that reads it (it names seedDist or seedFile, test/helpers.ts) waits here, before its own
// hooks, until the build has finished, and fails with the CLI's output if the build failed. Paths to
// the seed may be taken at collection time (they exist before the files do); read the files in hooks and
// tests, as every file does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, inject } from 'vitest';
import { SEED_FAILED, SEED_READY } from './seed.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async (suite) => {
  const file = (suite as { filepath?: string }).filepath ?? suite.file?.filepath;
  if (!file || !/\bseed(Dist|File)\b/.test(readFileSync(file, 'utf8'))) return;
  let root: string;
  try { root = inject('suiteDir'); } catch { return; } // no globalSetup: no seed to wait for
  for (;;) {
    if (existsSync(join(root, SEED_READY))) return;
    if (existsSync(join(root, SEED_FAILED))) throw new Error(`building the run's seed book failed:\n${readFileSync(join(root, SEED_FAILED), 'utf8')}`);
    await sleep(250);
  }
}, 1_200_000);
