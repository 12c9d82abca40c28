// Writing output safely: every file goes to a temp name beside its target, then is renamed, so an
// interrupted build never leaves a half-written file in dist/.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { fail } from './diagnostics.ts';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    fail('TP050', { path, reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: path });
  }
}

/**
 * Writes a cache entry atomically (writeFileAtomic); a cache that cannot be written is no error — a
 * read-only install computes the value again next time. Returns whether it was written.
 */
export function writeCacheFile(path: string, data: string | Uint8Array): boolean {
  try {
    writeFileAtomic(path, data);
    return true;
  } catch {
    return false;
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
