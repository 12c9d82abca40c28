// The command's own entry point, `run(argv, io)` from scripts/cli.ts (what bin/transcript-press.mjs
// calls), run in the test's process with its output captured. A spawned CLI costs about 3 s of CPU to
// start (loading the module graph) before it does anything; most bad-input cases fail in milliseconds
// after that. Use it where the process boundary proves nothing: the exit code is run()'s return value
// (the bin sets it as the process's), and what it prints is what the bin prints. Keep at least one case
// per contract spawned through the real binary (helpers.ts `run`), to prove the process says the same.
//
// `cwd` (the folder a command without book folders looks in for source/) and the environment variables
// given are set for the call and restored after: calls in one file run one at a time (vitest runs a
// file's tests in order; the forks pool gives each file its own process, where chdir is allowed).

import { warmBrowser } from './browser.ts';
import { BROWSER_ENDPOINT } from '../../scripts/core/browser.ts';

export interface CliResult { code: number | null; out: string; err: string }

//
// `build` gets the worker's warm browser (test/support/browser.ts) when the call sets no environment
// variable: a variable given here may be one Chromium reads at launch (FONTCONFIG_FILE, TZ) or one that
// chooses the browser (PUPPETEER_EXECUTABLE_PATH), so such a call launches its own, as the bin would.
export async function cliInProcess(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  const { run } = await import('../../scripts/cli.ts');
  // A call that sets variables starts its own browser, as the bin would with them: not the run's.
  if (Object.keys(env).length) env = { [BROWSER_ENDPOINT]: '', ...env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const home = process.cwd();
  Object.assign(process.env, env);
  if (cwd) process.chdir(cwd);
  let out = '';
  let err = '';
  try {
    const launch = Object.keys(env).length === 0 ? warmBrowser : undefined;
    const code = await run(args, { out: (s) => { out += s; }, err: (s) => { err += s; }, launch });
    return { code, out, err };
  } finally {
    process.chdir(home);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
