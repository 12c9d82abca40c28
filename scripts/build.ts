// Building one book: read → render → write EPUB, PDF, change report and SHA256SUMS into dist/<book>/.
// Every output is written to a temp name and renamed; SHA256SUMS is written last.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { loadBook, type Book } from './book.ts';
import type { Context } from './core/context.ts';
import { fail, type Diagnostic } from './core/diagnostics.ts';
import { sha256, writeFileAtomic } from './core/files.ts';
import { rules } from './reader/changes.ts';
import { renderBody } from './render/html.ts';
import { resolveTemplateSet } from './render/templates.ts';
import { buildView } from './render/variables.ts';
import { writePdf, type PageLookup } from './writers/pdf.ts';
import { writeEpub } from './writers/epub.ts';
import { markTopics, topicPositions, renderPrintIndex, renderEpubIndex } from './index/index.ts';
import { buildReport, editorialNoteHtml, reportHtml } from './writers/report.ts';

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
  const book: Book = await time('read', () => loadBook(bookDir, { maxMb: options.maxMb }));
  const outDir = resolve(options.out, book.id);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    fail('TP050', { path: outDir, reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: outDir });
  }
  const diagnostics: Diagnostic[] = [...book.read.diagnostics];
  // Topics are marked in the tree before anything renders it: both editions link to the anchors.
  const { index, diagnostics: indexDiagnostics } = markTopics(book.read.tree, book.config.topics, book.configFile,
    topicPositions(readFileSync(join(book.dir, 'book.yaml'), 'utf8'), book.configFile));
  diagnostics.push(...indexDiagnostics);
  const templates = resolveTemplateSet(book.config.template, book.dir, book.configFile);
  const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates, ruleNames: rules });
  const report = buildReport(book.id, book.transcriptFile, book.sourceSha256, book.read.changes);
  const noteHtml = editorialNoteHtml(view, report);
  const outputs = new Map<string, Uint8Array | string>();
  outputs.set('changes.json', JSON.stringify(report, null, 2) + '\n');
  outputs.set('changes.html', reportHtml(report, book.config.title));

  // The PDF goes first: the EPUB's page-list and index locators need its id → page map.
  let pageMap = new Map<string, number>();
  const indexStrings = { index: view.strings.index, see: view.strings.see, seeAlso: view.strings.seeAlso };
  const printIndex = (pages: PageLookup) => renderPrintIndex(index, pages, indexStrings);
  // Locators link to `#anchor`; the EPUB writer rewrites them to the chapter files holding each id.
  const epubIndex = (pages: PageLookup) => renderEpubIndex(index, pages, indexStrings);
  if (options.formats.has('pdf')) {
    const workDir = mkdtempSync(join(outDir, '.work-'));
    try {
      const browser = await (options.browser ?? (() => { throw new Error('no browser'); }))();
      const body = renderBody(book.read.tree, { flavour: 'html', labels: view.strings as never });
      // Reproducible by default: SOURCE_DATE_EPOCH when set (through the context), else the book's date.
      const date = process.env.SOURCE_DATE_EPOCH ? options.ctx.now() : new Date(`${book.config.date}T00:00:00Z`);
      const result = await time('pdf', () => writePdf({ view, body, indexHtml: printIndex, noteHtml, templates, trim: book.config.trim, browser, workDir, print: book.config.print, date }));
      diagnostics.push(...result.diagnostics);
      outputs.set(`${book.id}.pdf`, result.pdf);
      pageMap = result.pageMap;
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  if (options.formats.has('epub')) {
    // With SOURCE_DATE_EPOCH the EPUB is stamped with it; without, writeEpub uses the book's date.
    outputs.set(`${book.id}.epub`, await time('epub', () => writeEpub({ tree: book.read.tree, view, templates, pageMap, indexHtml: epubIndex, noteHtml, modified: process.env.SOURCE_DATE_EPOCH ? options.ctx.now() : undefined, browser: options.browser, embedFont: book.config.epub.embedFont })));
  }
  for (const [name, data] of outputs) writeFileAtomic(join(outDir, name), data);
  const sums = [...outputs].sort(([a], [b]) => a.localeCompare(b)).map(([name, data]) => `${sha256(data)}  ${name}`).join('\n') + '\n';
  writeFileAtomic(join(outDir, 'SHA256SUMS'), sums);
  return { id: book.id, outDir, files: [...outputs.keys(), 'SHA256SUMS'], diagnostics, millis };
}
