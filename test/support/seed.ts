// Building the seed book through the CLI in a child process, with the environment a test chooses
// (fonts, time zone, locale): the same path a user takes, and nothing leaks into the test's process.
import { join } from 'node:path';
import { run } from '../../scripts/core/run.ts';
import { projectRoot } from '../../scripts/render/templates.ts';

export const SEED = 'source/wangyi-2024-03-07';
export const SEED_ID = 'wangyi-2024-03-07';
/** The date the run's seed builds carry: 2024-03-07T00:00:00Z. */
export const SEED_EPOCH = '1709769600';

/** Builds the seed into `out` and returns `out/<book>`; throws with the CLI's output when it fails. */
export async function buildSeedWithCli(out: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  // A build is dated by the clock unless SOURCE_DATE_EPOCH says otherwise: pin it (2024-03-07, the
  // book's date), so the run's editions do not depend on the day the suite runs.
  const base = { ...process.env, SOURCE_DATE_EPOCH: SEED_EPOCH };
  const r = await run(process.execPath, [join(projectRoot, 'bin/transcript-press.mjs'), 'build', join(projectRoot, SEED), '--out', out, '--force'],
    { cwd: projectRoot, env: { ...base, ...env }, timeout: 600_000 });
  if (r.status !== 0) throw new Error(`building the seed book failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${r.stderr}`);
  return join(out, SEED_ID);
}
