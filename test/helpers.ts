// Shared test helpers: build a book once per test file into a temp folder, run poppler tools.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildBook, type BookResult, type Format } from '../scripts/build.ts';
import { defaultContext } from '../scripts/core/context.ts';
import { launchBrowser } from '../scripts/core/browser.ts';
import type { Browser } from 'puppeteer-core';

export const SEED = 'source/wangyi-2024-03-07';

export function tempDir(prefix = 'tp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function buildInto(bookDir: string, out: string, formats: Format[] = ['epub', 'pdf']): Promise<BookResult> {
  let browser: Browser | null = null;
  try {
    return await buildBook(bookDir, { out, formats: new Set(formats), ctx: defaultContext({ log: () => {} }), browser: async () => (browser ??= await launchBrowser()) });
  } finally {
    await (browser as Browser | null)?.close();
  }
}

export function pdftotext(pdf: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return spawnSync('pdftotext', [...args, '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
}

export function pdfinfo(pdf: string): Record<string, string> {
  const out = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => { const i = l.indexOf(':'); return [l.slice(0, i), l.slice(i + 1).trim()]; }));
}
