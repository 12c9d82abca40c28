// Everything both editions need from a book, made once: the book read, topics marked in its tree,
// the template set, the view templates lay out, the change report, the editorial note and the two
// index renderers. build.ts and the benchmarks all start here, so they measure what ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBook, type Book } from './book.ts';
import type { Diagnostic } from './core/diagnostics.ts';
import { markTopics, topicPositions, renderPrintIndex, renderEpubIndex, type IndexModel, type PageLookup } from './index/index.ts';
import { rules } from './reader/changes.ts';
import { resolveTemplateSet, type TemplateSet } from './render/templates.ts';
import { bookDate, buildView, type BookView } from './render/variables.ts';
import { buildReport, editorialNoteHtml, type ChangeReport } from './writers/report.ts';
import type { Browser } from 'puppeteer-core';
import type { Context } from './core/context.ts';
import { renderBody } from './render/html.ts';
import type { PdfInput } from './writers/pdf.ts';
import type { EpubInput } from './writers/epub.ts';
import { glyphDiagnostics } from './pdf/coverage.ts';
import { FONT_FILES } from './pdf/fonts.ts';

export interface PreparedBook {
  book: Book;
  index: IndexModel;
  templates: TemplateSet;
  view: BookView;
  report: ChangeReport;
  noteHtml: string;
  /** The print index, given the page numbers known so far. */
  printIndex: (pages: PageLookup) => string;
  /** The EPUB index; locators link to `#anchor` and the EPUB writer points them at the chapter files. */
  epubIndex: (pages: PageLookup) => string;
  /** Warnings from reading the transcript and marking the topics. */
  diagnostics: Diagnostic[];
}

export function prepareBook(bookDir: string, options: { maxMb?: number } = {}): PreparedBook {
  const book = loadBook(bookDir, options);
  // Topics are marked in the tree before anything renders it: both editions link to the anchors.
  const { index, diagnostics: indexDiagnostics } = markTopics(book.read.tree, book.config.topics, book.configFile,
    topicPositions(readFileSync(join(book.dir, 'book.yaml'), 'utf8'), book.configFile));
  const templates = resolveTemplateSet(book.config.template, book.dir, book.configFile);
  const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates, ruleNames: rules });
  const report = buildReport(book.id, book.transcriptFile, book.sourceSha256, book.read.changes);
  const strings = { index: view.strings.index, see: view.strings.see, seeAlso: view.strings.seeAlso };
  return {
    book, index, templates, view, report,
    noteHtml: editorialNoteHtml(view, report),
    printIndex: (pages) => renderPrintIndex(index, pages, strings),
    epubIndex: (pages) => renderEpubIndex(index, pages, strings),
    diagnostics: [...book.read.diagnostics, ...indexDiagnostics],
  };
}

/** Every string of book.yaml that can reach a page. */
function configStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['id', 'language', 'template', 'trim', 'style', 'date'].includes(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => configStrings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => configStrings(v, k));
  return [];
}

/**
 * Glyph coverage (TP037): the book's characters, transcript and book.yaml, against the print fonts'
 * cmaps; `missing` is what the PDF writer sets as 〓.
 */
export async function checkGlyphs(p: PreparedBook): Promise<{ missing: string[]; diagnostics: Diagnostic[] }> {
  const { book } = p;
  const yaml = readFileSync(join(book.dir, 'book.yaml'), 'utf8');
  const text = [...book.read.blocks, ...configStrings(book.config), ...p.view.toc.map((t) => t.heading)].join('\n');
  // Only the regular weights: the bold files of a family cover the same characters.
  return glyphDiagnostics(text, FONT_FILES.filter((f) => f.includes('400')),
    [{ file: book.transcriptFile, text: book.read.source }, { file: book.configFile, text: yaml }]);
}

/** The PDF writer's input for a prepared book (the benchmarks print exactly what a build prints). */
export function pdfInputOf(p: PreparedBook, options: { browser: Browser; workDir: string; date: Date; missingGlyphs?: string[] }): PdfInput {
  const { book, view } = p;
  return {
    view, body: renderBody(book.read.tree, { flavour: 'html', labels: { question: view.strings.question, answer: view.strings.answer, remark: view.strings.remark } }),
    indexHtml: p.printIndex, noteHtml: p.noteHtml, templates: p.templates, trim: book.config.trim,
    browser: options.browser, workDir: options.workDir, print: book.config.print, date: options.date,
    missingGlyphs: options.missingGlyphs,
  };
}

/** The EPUB writer's input for a prepared book, given the print edition's page map (empty without one). */
export function epubInputOf(p: PreparedBook, options: { pageMap: Map<string, number>; modified?: Date; browser?: () => Promise<Browser> }): EpubInput {
  return {
    tree: p.book.read.tree, view: p.view, templates: p.templates, pageMap: options.pageMap, indexHtml: p.epubIndex,
    noteHtml: p.noteHtml, modified: options.modified, browser: options.browser, embedFont: p.book.config.epub.embedFont,
  };
}

/** Dates stamped into the files: SOURCE_DATE_EPOCH (through the context) when set, else the book's date. */
export function stampDate(p: PreparedBook, ctx: Context): Date {
  return process.env.SOURCE_DATE_EPOCH ? ctx.now() : bookDate(p.view);
}
