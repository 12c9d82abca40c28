// One place that starts Debian's Chromium through puppeteer-core (never a downloaded browser).
// The browser is a sandbox for untrusted book folders (issue #16): no script runs in any page it opens
// (the project's own code drives pages from outside, through CDP evaluation, which still works), and
// it has no network at all, WebSocket and WebRTC included. Files are confined per page by request
// interception (writers/pdf.ts) and by the book folder check (book.ts).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Browser } from 'puppeteer-core';
import { fail } from './diagnostics.ts';

// scripts/setup.mjs has the same lookup: it runs before node_modules exists and cannot import this.
export function chromiumPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** Flags every Chromium of the project gets (Ace's too: scripts/epub/ace.ts joins them into a shell line, so no spaces). */
export const chromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage', '--font-render-hinting=none',
];

/**
 * No network, at the browser level. Request interception does not see WebSockets, WebRTC or
 * beacons sent while a page unloads, so the network stack itself is made dead-ended: every request goes
 * through a SOCKS proxy on the discard port of loopback (nothing listens there; `<-loopback>` removes
 * the implicit loopback bypass, so 127.0.0.1 goes to the dead proxy too), no host name resolves, and
 * WebRTC may not use UDP outside the proxy. file:// and data: are not network and still load.
 */
export const networkOffFlags = [
  '--proxy-server=socks5://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--disable-domain-reliability', '--no-pings', '--dns-prefetch-disable',
];

/**
 * Script off in every page of the build's browser (print, measuring passes, cover): the Blink setting
 * is the default of every new page, so a page the project forgets to configure is still inert.
 * `page.evaluate` (CDP Runtime.evaluate) still runs the project's own code from outside the page.
 */
export const scriptOffFlags = ['--blink-settings=scriptEnabled=false'];

/** Everything the build's Chromium is started with. */
export const sandboxFlags = [...chromiumFlags, ...networkOffFlags, ...scriptOffFlags];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) fail('TP030', { path: executablePath });
  try {
    // puppeteer starts Chromium detached: its pid is the process group of all its helpers, which
    // killBrowser() ends as a whole. DevTools goes over a pipe (fds 3 and 4), not a port: when the
    // build dies, even by SIGKILL, the pipe closes and Chromium shuts itself down with its helpers,
    // so a CI runner that kills builds on a timeout does not pile up browsers (issue #22).
    // One protocol call may take as long as printing a 2,000-page book; a hang is caught by the book's
    // own timeout (scripts/corpus.ts), which kills the browser.
    // puppeteer-core is loaded here, on the first launch: a build whose every picture is cached (an
    // EPUB-only rebuild, `normalize`, `inspect`) never pays for loading it.
    const { default: puppeteer } = await import('puppeteer-core');
    return await puppeteer.launch({ executablePath, headless: true, args: sandboxFlags, protocolTimeout: 3_600_000, timeout: 180_000, pipe: true });
  } catch (err) {
    fail('TP032', { reason: `could not start ${executablePath}: ${(err as Error).message.split('\n')[0]}` });
  }
}

/**
 * TRANSCRIPT_PRESS_BROWSER=ws://…: `build` renders in that running Chromium instead of starting its own
 * (a Chromium start costs about 3 s of CPU; the test suite keeps one for all its builds,
 * test/support/global-setup.ts). The browser must have been started with every sandbox flag above (and
 * puppeteer's --enable-automation, which lets its command line be read): it is asked for its command
 * line and refused (TP032) otherwise, so a connected browser is as inert as a launched one. Each build
 * gets its own browser context (its own pages, cache and storage); closing it closes that context and
 * disconnects, leaving the browser running. Empty or unset: `build` starts its own.
 */
export const BROWSER_ENDPOINT = 'TRANSCRIPT_PRESS_BROWSER';

/**
 * Returns after the few turns of Node's event loop a launch begun just before (launchBrowser) needs to
 * load puppeteer, make its profile folder and start Chromium's process, so that work which then holds
 * Node's thread (reading a book) runs beside Chromium's start instead of before it. Waits for nothing else.
 */
export async function letLaunchBegin(): Promise<void> {
  await import('puppeteer-core');
  for (let turn = 0; turn < 3; turn++) await stat(tmpdir());
}

/** The browser a build renders in: the running one named by TRANSCRIPT_PRESS_BROWSER, or a new one. */
export async function startBrowser(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT];
  return endpoint ? connectBrowser(endpoint) : launchBrowser();
}

/** A context of the running sandboxed browser at `endpoint`, as a Browser whose close() leaves it running. */
export async function connectBrowser(endpoint: string): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
  const refuse = (reason: string): never => fail('TP032', { reason: `${reason} (${BROWSER_ENDPOINT}=${endpoint}); unset ${BROWSER_ENDPOINT} to let build start its own` });
  let browser: Browser;
  try {
    browser = await puppeteer.connect({ browserWSEndpoint: endpoint, protocolTimeout: 3_600_000 });
  } catch (err) {
    return refuse(`could not connect to the browser: ${(err as Error).message.split('\n')[0]}`);
  }
  let args: string[] = [];
  try {
    const session = await browser.target().createCDPSession();
    args = ((await session.send('Browser.getBrowserCommandLine')) as { arguments: string[] }).arguments;
    await session.detach().catch(() => undefined);
  } catch { /* not readable: refused below */ }
  const missing = sandboxFlags.filter((f) => !args.includes(f));
  if (missing.length) {
    await browser.disconnect().catch(() => undefined);
    return refuse(args.length ? `the running browser was not started with the sandbox flags (${missing.join(' ')} missing)` : 'the running browser\'s command line cannot be read (start it with --enable-automation, as puppeteer does)');
  }
  const context = await browser.createBrowserContext();
  // A property a caller sets on it (a test replacing newPage) is its own, and read before the context's.
  const own = new Map<PropertyKey, unknown>();
  return new Proxy(browser, {
    set(_target, prop, value) { own.set(prop, value); return true; },
    get(target, prop) {
      if (own.has(prop)) return own.get(prop);
      if (prop === 'newPage') return () => context.newPage();
      if (prop === 'pages') return () => context.pages();
      if (prop === 'process') return () => null;
      if (prop === 'close') return async () => { await context.close().catch(() => undefined); await target.disconnect().catch(() => undefined); };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Ends a browser and every process it started (renderers, GPU and network helpers, zygotes): the
 * whole process group, so a frozen browser leaves no stray Chromium behind.
 */
export async function killBrowser(browser: Browser): Promise<void> {
  const pid = browser.process()?.pid;
  if (pid) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
}
