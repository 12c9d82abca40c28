// Once per `vitest run`: build the seed book on "a fresh machine" (DejaVu-only fonts, through the CLI
// as a user would) for every test file to read, and afterwards check that every diagnostic code in the
// registry was raised by some test through the code that raises it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { codes, type Code } from '../../scripts/core/codes.ts';
import { dejavuOnly } from './fonts.ts';
import { SEED_FAILED, SEED_ID, SEED_READY, buildSeedWithCli } from './seed.ts';
import { startEpubcheckServer } from './epubcheck-server.ts';
import { BROWSER_ENDPOINT, startSharedBrowser } from './shared-browser.ts';
// @ts-expect-error plain JavaScript without types (it runs before node_modules exists)
import { compileCli } from '../../scripts/compiled.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/<book>/ of the seed book, built once for the run with DejaVu-only fonts. Read only. */
    seedDist: string;
    /** A folder for the run; removed at the end. */
    suiteDir: string;
  }
}

/**
 * Codes no test raises, each with the reason. The check fails when one of these starts being raised
 * (then it belongs to the tested codes) or when a code outside this list is never raised.
 */
export const NOT_RAISED: Partial<Record<Code, string>> = {
  TP034: 'needs a template whose layout never settles; the convergence loop has no known input that loops',
};

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'tp-suite-'));
  // Every temp folder of the run (the tests' own, the CLIs' they start, Chromium's profiles, Ace's) goes
  // below the run's folder, which is removed at the end: a run leaves nothing in /tmp. Inherited by the
  // workers and every process they start, like the trace below.
  mkdirSync(join(root, 'tmp'));
  process.env.TMPDIR = join(root, 'tmp');
  const trace = join(root, 'codes.log');
  // Inherited by the test workers and every CLI they start (see scripts/core/diagnostics.ts).
  process.env.TP_TRACE_CODES = trace;
  // epubcheck's and Ace's verdicts kept by the EPUB's bytes for the run (scripts/core/verdicts.ts): an
  // EPUB several tests validate (the seed's, above all) is validated once. Inherited like the trace.
  process.env.TP_VERDICT_CACHE = join(root, 'verdicts');
  // One warm epubcheck JVM for every EPUB the run checks (test/support/epubcheck-server.ts); started
  // beside the seed build. Without it (no javac), each check starts its own JVM, as outside the suite.
  // Every CLI the run starts (the seed build below included) runs the compiled JavaScript, not the
  // sources through tsx (about 3 s more CPU per start): `npm test` compiled it in set-up; a bare
  // `npx vitest run` after a source edit compiles it here, once.
  compileCli();
  await warmCaches();
  const socket = join(root, 'epubcheck.sock');
  // One Chromium for the run (shared-browser.ts): every build the run makes, in the workers or in the
  // CLIs they start, renders in it unless it needs other fonts or another browser. DejaVu-only fonts,
  // as the seed build has (the workers' in-process builds are compared with it byte for byte).
  const fonts = dejavuOnly(root);
  const browser = await startSharedBrowser({ ...process.env, FONTCONFIG_FILE: fonts });
  process.env[BROWSER_ENDPOINT] = browser.endpoint;
  // The seed is built in the background: the test files start meanwhile, and a file that reads the seed
  // waits for it (test/support/seed-ready.ts) while the others, the longest ones first, run on. Its
  // outcome is a file beside it (SEED_READY or SEED_FAILED, with the CLI's output).
  const seedOut = join(root, 'seed');
  const seedBuild = buildSeedWithCli(seedOut, { FONTCONFIG_FILE: fonts }).then(
    () => writeFileSync(join(root, SEED_READY), ''),
    (err: Error) => writeFileSync(join(root, SEED_FAILED), err.message));
  const stopEpubcheck = await startEpubcheckServer(socket);
  if (stopEpubcheck) process.env.TP_EPUBCHECK_SOCKET = socket;
  project.provide('seedDist', join(seedOut, SEED_ID));
  project.provide('suiteDir', root);
  return async () => {
    try {
      await seedBuild;
      stopEpubcheck?.();
      await browser.stop();
      if (await wholeRun(project)) checkCodes(trace);
    } finally {
      // A process that outlived its test (a browser being reaped) may still write there: retry, and
      // never fail the run over a leftover folder.
      try { rmSync(root, { recursive: true, force: true, maxRetries: 5 }); } catch (err) { process.stderr.write(`could not remove ${root}: ${(err as Error).message}\n`); }
    }
  };
}

/**
 * The caches a fresh clone has not made yet (node_modules/.cache/transcript-press): every font's code
 * points (fonts.ts, HarfBuzz over 20 MB faces) and jieba's word table (lang/words.ts). Made here once,
 * before the seed build and the workers start, instead of by each process (the seed's CLI, both forks,
 * the CLIs their first files start) that starts before the first of them has written it. With the
 * caches there, this only reads them (well under a second).
 */
async function warmCaches(): Promise<void> {
  const [{ allFamilies, readyCmaps }, { dictionaryTable }] = await Promise.all([import('../../scripts/fonts.ts'), import('../../scripts/lang/words.ts')]);
  await readyCmaps(allFamilies());
  dictionaryTable();
}

/** True when every test file ran and no name filter was given: only then is a missing code a gap. */
async function wholeRun(project: TestProject): Promise<boolean> {
  if (project.vitest.config.testNamePattern) return false;
  const ran = new Set(project.vitest.state.getFiles().map((f) => f.filepath));
  const { testFiles } = await project.globTestFiles();
  return testFiles.every((f) => ran.has(f));
}

function checkCodes(trace: string): void {
  const raised = new Set<string>();
  for (const line of existsSync(trace) ? readFileSync(trace, 'utf8').split('\n') : []) {
    const [code, caller = ''] = line.split('\t');
    // A diagnostic a test makes itself (to test formatting) proves nothing about the code path.
    if (code && !/[\\/]test[\\/]/.test(caller)) raised.add(code);
  }
  const active = (Object.keys(codes) as Code[]).filter((c) => !(codes[c] as { retired?: boolean }).retired);
  const missing = active.filter((c) => !raised.has(c) && !(c in NOT_RAISED));
  const stale = active.filter((c) => raised.has(c) && c in NOT_RAISED);
  const problems = [
    ...missing.map((c) => `${c} (${codes[c].title}) was never raised: add a fixture that triggers it, or list it in NOT_RAISED with the reason`),
    ...stale.map((c) => `${c} is raised now: remove it from NOT_RAISED in test/support/global-setup.ts`),
  ];
  if (problems.length) throw new Error(`diagnostic codes without a fixture:\n  ${problems.join('\n  ')}`);
  process.stderr.write(`diagnostic codes: ${raised.size} of ${active.length} raised by fixtures; not raised by design: ${Object.keys(NOT_RAISED).join(', ')}\n`);
}

