// Building the seed book through the CLI in a child process, with the environment a test chooses
// (fonts, time zone, locale): the same path a user takes, and nothing leaks into the test's process.
import { join } from 'node:path';
import { run } from '../../scripts/core/run.ts';
import { projectRoot } from '../../scripts/render/templates.ts';

export const SEED = 'source/wangyi-2024-03-07';
export const SEED_ID = 'wangyi-2024-03-07';
/** Beside the run's seed build (in suiteDir): written when it has finished, or failed (holding why). */
export const SEED_READY = 'seed.ready';
export const SEED_FAILED = 'seed.failed';

/** Builds the seed into `out` and returns `out/<book>`; throws with the CLI's output when it fails. */
export async function buildSeedWithCli(out: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<string> {
  const base = { ...process.env };
  delete base.SOURCE_DATE_EPOCH; // the edition's own date (book.yaml `modified`), as a user's build has
  const r = await run(process.execPath, [join(projectRoot, 'bin/transcript-press.mjs'), 'build', join(projectRoot, SEED), '--out', out, '--force', ...args],
    { cwd: projectRoot, env: { ...base, ...env }, timeout: 600_000 });
  if (r.status !== 0) throw new Error(`building the seed book failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${r.stderr}`);
  return join(out, SEED_ID);
}
