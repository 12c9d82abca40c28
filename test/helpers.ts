// Shared test helpers: the seed book built once per run (test/support/global-setup.ts), building other
// books into a temp folder, running poppler tools the same way in every time zone and locale.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';
import { buildBook, type BookResult, type Format } from '../scripts/build.ts';
import { defaultContext } from '../scripts/core/context.ts';
import { warmBrowser } from './support/browser.ts';
import { SEED, SEED_ID } from './support/seed.ts';
import { extractZip } from './support/zip.ts';

export { SEED, SEED_ID };
export { run } from '../scripts/core/run.ts';

export function tempDir(prefix = 'tp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** dist/wangyi-2024-03-07/ of the run's one seed build (DejaVu-only fonts). Read it; never write to it. */
export function seedDist(): string {
  return inject('seedDist');
}

export const seedFile = (ext: 'epub' | 'pdf') => join(seedDist(), `${SEED_ID}.${ext}`);

/** An EPUB (or any zip) extracted into a new temp folder. */
export function unzip(file: string): string {
  return extractZip(file, tempDir('tp-unzip-'));
}

/** Builds a book in this process, in the worker's warm browser (test/support/browser.ts), as `build` of several books would. */
export async function buildInto(bookDir: string, out: string, formats: Format[] = ['epub', 'pdf']): Promise<BookResult> {
  return await buildBook(bookDir, { out, formats: new Set(formats), ctx: defaultContext({ log: () => {} }), browser: warmBrowser });
}

/** poppler's tools print dates in local time and some messages in the locale: pin both. */
const popplerEnv = () => ({ ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' });

export function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'pdftoppm', args: string[], encoding: BufferEncoding = 'utf8'): string {
  const r = spawnSync(tool, args, { encoding, env: popplerEnv(), maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r.stdout;
}

export function pdftotext(pdf: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return poppler('pdftotext', [...args, '-layout', pdf, '-']);
}

export function pdfinfo(pdf: string): Record<string, string> {
  const out = poppler('pdfinfo', [pdf]);
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => { const i = l.indexOf(':'); return [l.slice(0, i), l.slice(i + 1).trim()]; }));
}
