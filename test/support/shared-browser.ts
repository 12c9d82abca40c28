// One Chromium for the whole `vitest run`, started in global set-up (global-setup.ts) with the sandbox
// flags every build's browser gets (scripts/core/browser.ts) and DejaVu-only fonts, as the run's seed
// build has them. Its DevTools endpoint is TRANSCRIPT_PRESS_BROWSER in the environment the workers and
// every CLI they start inherit: `build` then renders in a context of it instead of starting a browser
// (about 3 s of CPU each), and the workers' warm browser (browser.ts) is a context of it too. A build that
// must start its own (other fonts, time zone or Chromium: builds.ts seedOnAnotherMachine, cliInProcess
// with an environment) sets the variable empty; tests of the browser itself call launchBrowser(), which
// never connects.
import type { Browser } from 'puppeteer-core';
import { BROWSER_ENDPOINT, chromiumPath, sandboxFlags } from '../../scripts/core/browser.ts';

/** Starts the run's browser; returns its endpoint and how to stop it. */
export async function startSharedBrowser(env: NodeJS.ProcessEnv): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const { default: puppeteer } = await import('puppeteer-core');
  // A DevTools port on loopback, not a pipe, so that other processes can connect. Every request of its
  // pages still goes to the dead proxy (sandboxFlags), loopback included.
  const browser: Browser = await puppeteer.launch({
    executablePath: chromiumPath(), headless: true, args: sandboxFlags, pipe: false, env,
    protocolTimeout: 3_600_000, timeout: 180_000,
  });
  return { endpoint: browser.wsEndpoint(), stop: () => browser.close().catch(() => undefined) };
}

export { BROWSER_ENDPOINT };
