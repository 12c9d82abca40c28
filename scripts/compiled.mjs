// The CLI as compiled JavaScript (quick start): `node scripts/setup.mjs` bundles scripts/ with esbuild
// into node_modules/.cache/transcript-press/js/ once the sources change, and bin/transcript-press.mjs
// runs that output when it is current, so no TypeScript is compiled at start. When it is not current
// (a source edited since, or esbuild not installed), the CLI runs the sources through tsx as before.
//
// One bundle, split at the CLI's dynamic imports (each command, the print writer, the browser load
// only when they run): loading some 900 small modules one by one (our ~150 files, unified, hast,
// micromark, zod, pdf-lib…) cost 1.5–2 s of CPU at every start, a bundle a few hundred ms. Packages
// with native code, WebAssembly or files read beside them stay outside and load from node_modules as
// before (EXTERNAL); so do packages loaded with require() (compromise, hyphen, en-lexicon).
// Plain JavaScript with no dependencies: the bin loads it before anything else.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'node_modules', '.cache', 'transcript-press', 'js');
const stampFile = join(outDir, 'stamp.json');

/** The bundle's format; a change here makes every install bundle again. */
const FORMAT = 'esbuild-bundle-1';

/** Packages left outside the bundle: native code, WebAssembly, files read from their folder, a browser. */
const EXTERNAL = ['@node-rs/jieba', 'harfbuzzjs', 'subset-font', 'puppeteer-core', 'pdfjs-dist', '@daisy/ace-cli', 'compromise', 'tsx', 'esbuild', 'typescript'];

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
  const cli = join(outDir, 'cli.js');
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
    esbuild.buildSync({
      entryPoints: [join(root, 'scripts', 'cli.ts')], outdir: tmp, bundle: true, splitting: true, format: 'esm',
      platform: 'node', target: 'node20', chunkNames: 'chunk-[hash]', logLevel: 'silent', legalComments: 'none',
      external: EXTERNAL.flatMap((p) => [p, `${p}/*`]),
      // Bundled CommonJS packages call require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __tpRequire } from 'node:module'; const require = __tpRequire(import.meta.url);" },
    });
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
