// The CLI as compiled JavaScript (quick start): `node scripts/setup.mjs` compiles scripts/ with tsc
// into node_modules/.cache/transcript-press/js/ once the sources change, and bin/transcript-press.mjs
// runs that output when it is current, so no TypeScript is compiled at start. When it is not current
// (a source edited since, or typescript not installed), the CLI runs the sources through tsx as before.
// Plain JavaScript with no dependencies: the bin loads it before anything else.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'node_modules', '.cache', 'transcript-press', 'js');
const stampFile = join(outDir, 'stamp.json');

/** What the output was compiled from: each source's path, size and modification time, in one string. */
function sourcesKey() {
  const parts = [];
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
  const cli = join(outDir, 'scripts', 'cli.js');
  if (!existsSync(cli) || !existsSync(stampFile)) return null;
  try {
    return readFileSync(stampFile, 'utf8') === JSON.stringify(sourcesKey()) ? cli : null;
  } catch {
    return null;
  }
}

/** Compiles scripts/ when the output is not current. Returns false if typescript is not installed or tsc failed. */
export function compileCli(say = () => {}) {
  if (compiledCli()) return true;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) return false;
  const key = JSON.stringify(sourcesKey());
  say('compiling scripts/ to JavaScript (tsc, once per change of the sources)');
  // Type errors do not stop the output (tsc emits anyway); `npm run typecheck` is where they are reported.
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'ignore' });
  if (!existsSync(join(outDir, 'scripts', 'cli.js'))) return false;
  mkdirSync(outDir, { recursive: true });
  const tmp = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(tmp, key);
  renameSync(tmp, stampFile);
  return r.status === 0 || r.status === 2;
}
