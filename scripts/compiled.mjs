// The CLI as compiled JavaScript (quick start): `node scripts/setup.mjs` bundles scripts/ with esbuild
// into node_modules/.cache/transcript-press/js/ once the sources change, and bin/transcript-press.mjs
// runs that output when it is current, so no TypeScript is compiled at start. When it is not current
// (a source edited since, or esbuild not installed), the CLI runs the sources through tsx as before.
//
// Bundles: loading some 900 small modules one by one (our ~150 files, unified, hast, micromark, zod,
// pdf-lib…) cost 1.5–2 s of CPU at every start, a bundle a few hundred ms. `normalize` and `inspect` run
// a smaller one without what only the other commands import (READER_BUNDLE). Packages with native code,
// WebAssembly or files read beside them stay outside and load from node_modules as before (EXTERNAL);
// so do packages loaded with require() (compromise, hyphen, en-lexicon, opencc-js).
//
// The bundle is a CommonJS script (cli.cjs), run through vm.Script with V8's code cache: most of a short
// command's CPU was compiling the bundle's functions, and an ES module has no code cache on Node 20.
// The modules each command imports dynamically stay lazy inside it (esbuild runs a module's top level
// only when it is first imported). import() of an external ES module (puppeteer-core, pdfjs-dist,
// subset-font, harfbuzzjs) is handed to this module's own import(): on Node 20 a function restored from
// the code cache loses the script's dynamic-import callback ("A dynamic import callback was not
// specified"), so the bundle has no import() of its own. Each
// command keeps its own cache (cache-<command>.bin: the functions that command compiled), written after
// its first run and again whenever V8 rejects it; a new bundle starts with none.
// Plain JavaScript with no dependencies: the bin loads it before anything else.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'node_modules', '.cache', 'transcript-press', 'js');
const stampFile = join(outDir, 'stamp.json');

/** The bundle's format; a change here makes every install bundle again. */
const FORMAT = 'esbuild-script-7';

/** Packages left outside the bundle: native code, WebAssembly, files read from their folder, a browser;
 * and opencc-js, whose 2.2 MB of dictionaries lang/opencc.ts loads only when a text converts. */
const EXTERNAL = ['@node-rs/jieba', '@resvg/resvg-js', 'harfbuzzjs', 'subset-font', 'puppeteer-core', 'pdfjs-dist', '@daisy/ace-cli', 'compromise', 'opencc-js', 'tsx', 'esbuild', 'typescript'];

/**
 * `normalize` and `inspect` run a second, smaller bundle (1.1 MB against 2.9, opencc-js outside both): the same CLI without the
 * modules only other commands import (the build and its writers, the catalogue, check, the index, the
 * schema's documentation), which it leaves as imports it never reaches. A 1 KB `normalize` spent a
 * tenth of its CPU reading and copying the whole bundle.
 */
const READER_BUNDLE = 'cli-reader.cjs';
const READER_COMMANDS = new Set(['normalize', 'inspect']);
const READER_LEAVES_OUT = ['build.ts', 'corpus.ts', 'check.ts', 'catalog/collect.ts', 'catalog/verify.ts', 'config/docs.ts', 'index/index.ts'];

/** What the output was compiled from: each source's path, size and modification time, in one string. */
function sourcesKey() {
  const parts = [FORMAT];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) { const st = statSync(p); parts.push(`${p.slice(root.length)}:${st.size}:${Math.round(st.mtimeMs)}`); }
    }
  };
  walk(join(root, 'scripts'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) {
    const st = statSync(join(root, f), { throwIfNoEntry: false });
    parts.push(`${f}:${st?.size}:${Math.round(st?.mtimeMs ?? 0)}`);
  }
  return parts.join('\n');
}

/** The compiled CLI's path if the output matches the sources as they are now, else null. */
export function compiledCli() {
  const cli = join(outDir, 'cli.cjs');
  if (!existsSync(cli) || !existsSync(stampFile)) return null;
  try {
    return readFileSync(stampFile, 'utf8') === JSON.stringify(sourcesKey()) ? cli : null;
  } catch {
    return null;
  }
}

/** Bundles scripts/ when the output is not current. Returns false if esbuild is not installed or failed. */
export function compileCli(say = () => {}) {
  if (compiledCli()) return true;
  let esbuild;
  try { esbuild = createRequire(import.meta.url)('esbuild'); } catch { return false; }
  const key = JSON.stringify(sourcesKey());
  say('bundling scripts/ to JavaScript (esbuild, once per change of the sources)');
  // Built beside, then swapped in whole: a CLI starting meanwhile sees the old set or the new one.
  const tmp = `${outDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [name, leftOut] of [['cli.cjs', []], [READER_BUNDLE, READER_LEAVES_OUT]]) {
      esbuild.buildSync({
        entryPoints: [join(root, 'scripts', 'cli.ts')], outfile: join(tmp, name), bundle: true, format: 'cjs',
        platform: 'node', target: 'node20', logLevel: 'silent', legalComments: 'none',
        // Regular expression literals with \p{…} stay literals: for node20 esbuild rewrote each as a
        // `new RegExp("…")` call, run (and its pattern looked up) at every evaluation, in the reader's
        // loops too. Node 20.0 has these escapes; the sources run through tsx keep them as written.
        supported: { 'regexp-unicode-property-escapes': true },
        // White space and comments out (6.2 → 5.1 MB): every start reads, copies and deserialises less.
        // Names stay (no identifier minifying): error names and the functions handed to Chromium's
        // page.evaluate are as written.
        minifyWhitespace: true,
        external: [...EXTERNAL.flatMap((p) => [p, `${p}/*`]), ...leftOut.map((m) => join(root, 'scripts', m))],
        // The sources find their files and packages from import.meta.url: the script's own URL here.
        define: { 'import.meta.url': '__tpMetaUrl' },
        banner: { js: "const __tpMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      });
      const file = join(tmp, name);
      writeFileSync(file, asciiOnly(readFileSync(file, 'utf8').replace(/(?<![\w$.])import\((?=["'])/g, '__tpImport(')));
    }
  } catch {
    rmSync(tmp, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(tmp, 'stamp.json'), key);
  const old = `${outDir}.${process.pid}.old`;
  mkdirSync(dirname(outDir), { recursive: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
  return true;
}

/**
 * The bundle with every non-ASCII UTF-16 unit written as a \uXXXX escape. esbuild escapes them in strings
 * but leaves them in regular expression literals (the reader's Chinese patterns) and comments, and one
 * such character made the whole 6.5 MB script a two-byte string: decoded from UTF-8 and held at twice
 * the size at every start. An escape means the same unit in a regular expression with or without the u
 * flag (a surrogate pair of escapes is one code point under u), in a string and in a comment; none of
 * these characters follows a backslash (that would make the escape literal text), which is checked.
 * All ASCII, the script is read as Latin-1: one byte a character, no decoding.
 */
function asciiOnly(code) {
  return code.replace(/[^\0-\x7f]/g, (ch, at) => {
    if (code[at - 1] === '\\') throw new Error(`bundle: a non-ASCII character after a backslash at ${at}`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Runs the compiled CLI (`cli`, from compiledCli) on `args` with the code cache of its command, and
 * writes that cache when there was none or V8 rejected it. Returns the exit code.
 */
export async function runCompiled(cli, args) {
  const command = /^[a-z][a-z-]*$/.test(args[0] ?? '') ? args[0] : 'other';
  const reader = join(dirname(cli), READER_BUNDLE);
  if (READER_COMMANDS.has(command) && existsSync(reader)) cli = reader;
  const cacheFile = join(dirname(cli), `cache-${command}.bin`);
  let cachedData;
  try { cachedData = readFileSync(cacheFile); } catch { /* first run of this command */ }
  // Latin-1: the bundle is ASCII (asciiOnly), so this is its text without a UTF-8 decode.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __tpImport) {${readFileSync(cli, 'latin1')}\n})`, { filename: cli, cachedData });
  // The cache's bytes (3.7 MB) are not held while the command runs (a build's print is its memory's peak).
  const fresh = !cachedData || script.cachedDataRejected;
  cachedData = undefined;
  const module = { exports: {} };
  const load = (specifier) => import(specifier);
  script.runInThisContext().call(module.exports, module.exports, createRequire(cli), module, cli, dirname(cli), load);
  const code = await module.exports.run(args);
  if (fresh) {
    // Beside, then renamed: a CLI starting meanwhile reads the old cache or the new one, never half.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try { writeFileSync(tmp, script.createCachedData()); renameSync(tmp, cacheFile); } catch { rmSync(tmp, { force: true }); }
  }
  return code;
}
