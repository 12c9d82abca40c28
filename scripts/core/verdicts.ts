// A validator's verdict kept by the bytes it judged. epubcheck and Ace are deterministic: the same file
// with the same tool (and, for Ace, the same browser) gets the same findings. When TP_VERDICT_CACHE names
// a folder, a verdict is read from there if one was kept for those bytes, and kept there after a run
// that completed. The test suite sets it for one run (test/support/global-setup.ts), so an EPUB that
// several tests validate (the seed book's, above all) is validated once; nothing sets it otherwise.
// A run that failed (the tool missing, a timeout) is never kept: it is tried again next time.
// Test files run in parallel processes and often ask for the same verdict at once (the seed's EPUB): the
// first takes a lock folder beside the verdict and computes it; the others wait for the verdict, or take
// the lock over when its owner died or gave up without keeping one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files.ts';

/** The cache folder for this process and its children, or null when verdicts are not kept. */
export function verdictCache(): string | null {
  return process.env.TP_VERDICT_CACHE || null;
}

/**
 * `compute()`'s value for this file and tool, from the cache when it was kept for the same bytes and
 * `tool` key; `compute` returns `undefined` for a run that did not complete (not kept).
 */
export async function cachedVerdict<T>(tool: string, file: string, compute: () => Promise<T | undefined>): Promise<T | undefined> {
  const dir = verdictCache();
  if (!dir) return compute();
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch { return compute(); }
  const key = createHash('sha256').update(tool).update('\0').update(bytes).digest('hex');
  const path = join(dir, `${key}.json`);
  const lock = join(dir, `${key}.lock`);
  for (;;) {
    if (existsSync(path)) {
      try { return JSON.parse(readFileSync(path, 'utf8')) as T; } catch { /* torn or foreign: compute again */ }
    }
    if (takeLock(dir, lock)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    const value = await compute();
    if (value !== undefined) writeFileAtomic(path, JSON.stringify(value));
    return value;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** True when this process now holds `lock`: it was free, or its owner is no longer alive. */
function takeLock(dir: string, lock: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch {
    let owner = 0;
    try { owner = Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0; } catch { /* not written yet, or gone */ }
    if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}
