// Artefacts made once per `vitest run` and shared by every test file that asks for them: a book built
// by the CLI, a corpus folder, anything slow to make. Test files run in separate worker processes, so
// the first file to ask makes it (under a lock folder) while the others wait and then read it.
//
//   const dist = await shared('lang-en', (out) => buildWithCli([EN], out));
//
// The key names the artefact: two files that ask for the same key get the same folder, so the key must
// say everything that changes it (book, formats, options). Folders live under the run's suiteDir
// (removed at the end, see global-setup.ts). Outside a full run (no globalSetup: the unit config), each
// call makes its own copy. Shared folders are read-only: a test that changes files copies them first.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

const made = new Map<string, Promise<string>>();

function suiteDir(): string | undefined {
  try { return inject('suiteDir'); } catch { return undefined; }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The folder `make` filled for `key`, made once per run. `make(out)` writes into the empty folder `out`
 * (it exists); if it throws, nothing is kept and each file that asks tries again (and fails the same way).
 */
export function shared(key: string, make: (out: string) => Promise<void>): Promise<string> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(key)) throw new Error(`shared artefact key "${key}": use a-z, 0-9, '.', '_', '-'`);
  let p = made.get(key);
  if (!p) {
    p = obtain(key, make);
    made.set(key, p);
    p.catch(() => made.delete(key));
  }
  return p;
}

async function obtain(key: string, make: (out: string) => Promise<void>): Promise<string> {
  const root = suiteDir();
  if (!root) {
    const out = mkdtempSync(join(tmpdir(), `tp-${key}-`));
    await make(out);
    return out;
  }
  const dir = join(root, 'shared', key);
  const lock = `${dir}.lock`;
  mkdirSync(join(root, 'shared'), { recursive: true });
  for (;;) {
    if (existsSync(dir)) return dir;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is making it: wait, unless that worker has died.
      // (The lock may vanish or have no pid yet between these steps: then look again.)
      let owner = 0;
      try { owner = Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0; } catch { /* gone, or not written yet */ }
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    writeFileSync(join(lock, 'pid'), String(process.pid));
    const tmp = `${dir}.${process.pid}.tmp`;
    try {
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp);
      await make(tmp);
      renameSync(tmp, dir);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
