// A validator's verdict kept by the bytes it judged. epubcheck and Ace are deterministic: the same file
// with the same tool (and, for Ace, the same browser) gets the same findings. When TP_VERDICT_CACHE names
// a folder, a verdict is read from there if one was kept for those bytes, and kept there after a run
// that completed. The test suite sets it for one run (test/support/global-setup.ts), so an EPUB that
// several tests validate (the seed book's, above all) is validated once; nothing sets it otherwise.
// A run that failed (the tool missing, a timeout) is never kept: it is tried again next time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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
  if (existsSync(path)) {
    try { return JSON.parse(readFileSync(path, 'utf8')) as T; } catch { /* torn or foreign: compute again */ }
  }
  const value = await compute();
  if (value !== undefined) {
    writeFileAtomic(path, JSON.stringify(value));
  }
  return value;
}
