// In a full run, the run's one Chromium (shared-browser.ts: started in global set-up, a browser context
// per worker, connected on first use); otherwise one warm Chromium per test worker process, for the builds a test runs in its own process (buildInto in
// test/helpers.ts, `build` through cliInProcess in test/support/cli.ts). Launching Chromium and closing
// it costs about 3.5 s of CPU (measured with test/support/cpu-total.mjs: 4 launches of an empty page,
// 14 CPU s), more than many of the builds it serves; `build` of several books shares one browser the
// same way (scripts/corpus.ts SharedBrowser), so a book built in a warm browser is built as a batch
// would build it. The forks lane keeps its processes from file to file (vitest.config.ts, isolate:
// false), so a worker launches it once for all its files.
//
// Not for a test about the browser itself (a launch that fails, a crash, a hang, fonts or settings
// given to Chromium at launch): those launch their own. The browser is launched with the worker's
// environment as it is at the first call; callers that change the environment for a build (fonts,
// PUPPETEER_EXECUTABLE_PATH) launch their own instead (cliInProcess does so by itself).
//
// A caller's close() leaves it running (the product closes the browser it was given at the end of a
// build); a browser killed on a fault (killBrowser, a crash) is replaced at the next call. It ends with
// its worker: its DevTools pipe closes and Chromium shuts down with its helpers (scripts/core/browser.ts),
// and the worker kills its process group on exit besides.
import type { Browser } from 'puppeteer-core';
import { BROWSER_ENDPOINT, connectBrowser, launchBrowser } from '../../scripts/core/browser.ts';

const state = globalThis as { tpWarmBrowser?: Promise<Browser>; tpWarmPid?: number; tpWarmExitHook?: boolean };

/** The worker's warm browser, launched on first use (and again if it was closed or killed). */
export async function warmBrowser(): Promise<Browser> {
  const before = state.tpWarmBrowser;
  if (before) {
    const b = await before.catch(() => null);
    if (b?.connected) return shareable(b);
    if (state.tpWarmBrowser === before) state.tpWarmBrowser = undefined;
  }
  // In a full run, a context of the run's one browser (shared-browser.ts); without globalSetup, its own.
  const endpoint = process.env[BROWSER_ENDPOINT];
  state.tpWarmBrowser ??= (endpoint ? connectBrowser(endpoint) : launchBrowser()).then((b) => { state.tpWarmPid = b.process()?.pid; return b; });
  if (!state.tpWarmExitHook) {
    state.tpWarmExitHook = true;
    process.on('exit', () => {
      // Synchronous, as an exit handler must be: the whole process group (Chromium was started detached).
      if (state.tpWarmPid) try { process.kill(-state.tpWarmPid, 'SIGKILL'); } catch { /* gone */ }
    });
  }
  return shareable(await state.tpWarmBrowser);
}

/** The browser with a close() that leaves it open for the next caller. */
function shareable(browser: Browser): Browser {
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'close') return async () => {};
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A browser of the test's own, for a test that replaces its methods or has it killed (a hang, a retry):
 * in a full run a new context of the run's browser (killBrowser closes that context), otherwise a new
 * Chromium. A test whose browser must be a process of its own (a crash, a process group) launches one.
 */
export function freshBrowser(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT];
  return endpoint ? connectBrowser(endpoint) : launchBrowser();
}
