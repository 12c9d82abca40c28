#!/usr/bin/env node
// Idempotent set-up, run before `npm run build`, `npm test` and `npm run bench`.
//
// Plain JavaScript with no dependencies on purpose: it runs before `node_modules` exists.
// When everything is present it only stats a handful of files (well under 2 s). When something
// is missing it installs it with apt-get / npm ci, or stops with the exact command to run.
// Nothing here downloads a browser: Chromium comes from Debian, fonts from npm.
import { existsSync, statSync, accessSync, constants, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const say = (msg) => { if (!quiet) process.stderr.write(`setup: ${msg}\n`); };

/** Returns the first existing executable named `cmd` on PATH, or null. */
function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, cmd);
    try { accessSync(candidate, constants.X_OK); return candidate; } catch { /* keep looking */ }
  }
  return null;
}

export function chromiumPath() {
  return process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
}

// Each system requirement: how to tell it is present, and the Debian package that provides it.
const systemParts = [
  { what: 'Chromium (PDF rendering)', present: () => existsSync(chromiumPath()), pkg: 'chromium' },
  { what: 'poppler-utils (pdftotext, pdffonts, pdftoppm)', present: () => !!which('pdftotext') && !!which('pdffonts') && !!which('pdftoppm'), pkg: 'poppler-utils' },
  { what: 'Java runtime (for epubcheck)', present: () => !!which('java'), pkg: 'default-jre-headless' },
  { what: 'epubcheck', present: () => existsSync('/usr/share/java/epubcheck.jar'), pkg: 'epubcheck' },
  { what: 'jing (RELAX NG validator, for the OPDS 1.2 catalogue test)', present: () => !!which('jing'), pkg: 'jing' },
  { what: 'qpdf (check opens every PDF)', present: () => !!which('qpdf'), pkg: 'qpdf' },
];

function installSystemParts() {
  const missing = systemParts.filter((p) => !p.present());
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map((p) => p.pkg))];
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !which('apt-get')) {
    const lines = missing.map((p) => `  - ${p.what}`).join('\n');
    process.stderr.write(`setup: missing system parts:\n${lines}\n` +
      `setup: install them as root with:\n  ${isRoot ? '' : 'sudo '}${command}\n` +
      `setup: or point PUPPETEER_EXECUTABLE_PATH at an existing Chromium.\n`);
    process.exit(1);
  }
  say(`installing ${pkgs.join(', ')} with apt-get (one-time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      process.stderr.write(`setup: 'apt-get ${args.join(' ')}' failed (exit ${r.status}). Run it by hand:\n  ${command}\n`);
      process.exit(1);
    }
  }
  const still = systemParts.filter((p) => !p.present());
  if (still.length) {
    process.stderr.write(`setup: still missing after apt-get: ${still.map((p) => p.what).join(', ')}\n`);
    process.exit(1);
  }
}

/**
 * True when node_modules holds exactly the locked packages: every package npm installed (its hidden
 * lockfile, node_modules/.package-lock.json) has the locked version, and every locked package that is
 * not optional was installed. Optional ones for other platforms are never installed.
 */
function sameInstall(lock, marker) {
  try {
    const want = JSON.parse(readFileSync(lock, 'utf8')).packages ?? {};
    const have = JSON.parse(readFileSync(marker, 'utf8')).packages ?? {};
    for (const [path, p] of Object.entries(have)) if (want[path]?.version !== p.version) return false;
    for (const [path, p] of Object.entries(want)) if (path && !p.optional && !p.link && !(path in have)) return false;
    return true;
  } catch {
    return false;
  }
}

function installNodeModules() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json'); // written by npm on every install
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  // A checkout, merge or copy can leave the lockfile newer than node_modules with the same packages:
  // then nothing is installed (an `npm ci` would wipe node_modules under a running test or bench).
  if (fresh || (existsSync(marker) && sameInstall(lock, marker))) return;
  say('installing npm packages (npm ci)');
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1' };
  // The lockfile pins every version and its integrity but names no tarball URL, so `npm ci` asks the
  // registry for every package's metadata again (over 500 requests) even when npm's cache holds it: with
  // --prefer-offline it reads the cached metadata and fetches only what the cache lacks. A cache too
  // old to list a locked version fails that install (npm has no retry for it): then `npm ci` again as usual.
  const npmCi = (extra) => spawnSync('npm', ['ci', ...extra, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
  let ci = npmCi(['--prefer-offline']);
  if (ci.status !== 0 && /ETARGET|notarget|No matching version/i.test(ci.stderr ?? '')) ci = npmCi([]);
  if (ci.status === 0) return;
  // Some registry mirrors serve native packages only for their own platform (a 404 for
  // @node-rs/jieba-android-arm64 and the like), so the lockfile cannot list the other platforms'
  // optional packages and `npm ci` refuses it as "not in sync" (npm/cli#4828). `npm install
  // --no-save` then installs exactly the locked versions without rewriting the lockfile.
  if (/can only install packages when your package\.json and package-lock\.json/.test(ci.stderr ?? '')) {
    say('npm ci refused the lockfile (platform-only registry); installing the locked versions with npm install --no-save');
    const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env });
    if (install.status === 0) return;
  } else {
    process.stderr.write(ci.stderr ?? '');
  }
  process.stderr.write(`setup: installing npm packages failed. Run it by hand in ${root}: npm ci\n`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installSystemParts();
  installNodeModules();
  // Quick start: the CLI as JavaScript (scripts/compiled.mjs); without it the CLI still runs through tsx.
  // `--no-compile` (the unit loop, which never starts the CLI) skips it.
  if (!process.argv.includes('--no-compile')) {
    const { compileCli } = await import('./compiled.mjs');
    if (!compileCli(say)) say('could not compile scripts/ (typescript missing?): the CLI runs through tsx');
  }
}
