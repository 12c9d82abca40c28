// Building one book: read → render → write EPUB, PDF, change report and SHA256SUMS into dist/<book>/.
// Every output is written to a temp name and renamed; SHA256SUMS is written last.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Context } from './core/context.ts';
import { fail, type Diagnostic } from './core/diagnostics.ts';
import { sha256, writeFileAtomic } from './core/files.ts';
import { prepareBook, pdfInputOf, epubInputOf, stampDate } from './prepare.ts';
import { writePdf } from './writers/pdf.ts';
import { pdfPageTexts } from './pdf/text.ts';
import { writeEpub } from './writers/epub.ts';
import { reportHtml } from './writers/report.ts';

export type Format = 'epub' | 'pdf';

export interface BuildOptions {
  /** Output root; the book goes to `<out>/<book id>/`. */
  out: string;
  formats: Set<Format>;
  ctx: Context;
  /** A shared browser (for corpus builds); one is started when needed and absent. */
  browser?: () => Promise<Browser>;
  /** Largest transcript accepted, in MB (TP006 above it). */
  maxMb?: number;
}

export interface BookResult {
  id: string;
  outDir: string;
  files: string[];
  diagnostics: Diagnostic[];
  millis: Record<string, number>;
}

export async function buildBook(bookDir: string, options: BuildOptions): Promise<BookResult> {
  const millis: Record<string, number> = {};
  const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try { return await f(); } finally { millis[label] = Math.round(performance.now() - t0); }
  };
  const prepared = await time('read', () => prepareBook(bookDir, { maxMb: options.maxMb }));
  const { book, report } = prepared;
  const outDir = resolve(options.out, book.id);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    fail('TP050', { path: outDir, reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: outDir });
  }
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const outputs = new Map<string, Uint8Array | string>();
  outputs.set('changes.json', JSON.stringify(report, null, 2) + '\n');
  outputs.set('changes.html', reportHtml(report, prepared.view));

  // The PDF goes first: the EPUB's page-list and index locators need its id → page map.
  // One date for every file of this build, from the context: SOURCE_DATE_EPOCH, else book.yaml
  // `modified`, else the clock (never the event's date).
  const date = stampDate(prepared, options.ctx);
  let pageMap = new Map<string, number>();
  let pageTexts: string[] | undefined;
  if (options.formats.has('pdf')) {
    const workDir = mkdtempSync(join(outDir, '.work-'));
    try {
      const browser = await (options.browser ?? (() => { throw new Error('no browser'); }))();
      const result = await time('pdf', () => writePdf(pdfInputOf(prepared, { browser, workDir, date })));
      diagnostics.push(...result.diagnostics);
      outputs.set(`${book.id}.pdf`, result.pdf);
      pageMap = result.pageMap;
      pageTexts = await time('pageText', () => pdfPageTexts(result.pdf));
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  if (options.formats.has('epub')) {
    outputs.set(`${book.id}.epub`, await time('epub', () => writeEpub(epubInputOf(prepared, { pageMap, pageTexts, modified: date, browser: options.browser }))));
  }
  for (const [name, data] of outputs) writeFileAtomic(join(outDir, name), data);
  const sums = [...outputs].sort(([a], [b]) => a.localeCompare(b)).map(([name, data]) => `${sha256(data)}  ${name}`).join('\n') + '\n';
  writeFileAtomic(join(outDir, 'SHA256SUMS'), sums);
  return { id: book.id, outDir, files: [...outputs.keys(), 'SHA256SUMS'], diagnostics, millis };
}
