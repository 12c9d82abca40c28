// Everything both editions need from a book, made once: the book read, topics marked in its tree,
// the template set, the view templates lay out, the change report, the editorial note and the two
// index renderers. build.ts and the benchmarks all start here, so they measure what ships.
import { loadBook, type Book, type LoadOptions } from './book.ts';
import type { Diagnostic } from './core/diagnostics.ts';
import { markTopics, topicPositions, printIndexTree, epubIndexTree, type IndexModel, type PageLookup } from './index/index.ts';
import { rules } from './model/changes.ts';
import { resolveTemplateSet, type TemplateSet } from './render/templates.ts';
import { buildView, type BookView } from './render/variables.ts';
import { buildReport, editorialNoteHtml, type ChangeReport } from './writers/report.ts';
import type { Browser } from 'puppeteer-core';
import type { Element } from 'hast';
import type { Context } from './core/context.ts';
import { renderBodyTree, renderLabels } from './render/html.ts';
import { typographyFor } from './render/hyphenate.ts';
import type { PdfInput } from './writers/pdf.ts';
import { sectionBreakFor } from './render/sections.ts';
import type { EpubInput } from './writers/epub.ts';

export interface PreparedBook {
  book: Book;
  index: IndexModel;
  templates: TemplateSet;
  view: BookView;
  report: ChangeReport;
  noteHtml: string;
  /** The print index, given the page numbers known so far. */
  printIndex: (pages: PageLookup) => Element | null;
  /** The EPUB index (hast); `hrefOf` names the chapter file each locator's anchor lives in. */
  epubIndex: (pages: PageLookup, hrefOf: (id: string) => string) => Element | null;
  /** Warnings from reading the transcript and marking the topics. */
  diagnostics: Diagnostic[];
}

export function prepareBook(bookDir: string, options: LoadOptions = {}): PreparedBook {
  const book = loadBook(bookDir, options);
  // Topics are marked in the tree before anything renders it: both editions link to the anchors.
  const { index, diagnostics: indexDiagnostics } = markTopics(book.read.tree, book.config.topics, book.configFile,
    topicPositions(book.config.topics, book.place));
  const templates = resolveTemplateSet(book.config.template, book.dir, book.configFile);
  const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates, ruleNames: rules });
  const report = buildReport(book.id, book.transcriptFile, book.sourceSha256, book.read.changes);
  const strings = { index: view.strings.index!, see: view.strings.see!, seeAlso: view.strings.seeAlso!,
    xrefSeparator: view.strings.xrefSeparator!, locatorSeparator: view.strings.locatorSeparator! };
  return {
    book, index, templates, view, report,
    noteHtml: editorialNoteHtml(view, report),
    printIndex: (pages) => printIndexTree(index, pages, strings),
    epubIndex: (pages, hrefOf) => epubIndexTree(index, pages, strings, hrefOf),
    diagnostics: [...book.read.diagnostics, ...indexDiagnostics],
  };
}

/** The PDF writer's input for a prepared book (the benchmarks print exactly what a build prints). */
export function pdfInputOf(p: PreparedBook, options: { browser: Browser; workDir: string; date: Date }): PdfInput {
  const { book, view } = p;
  return {
    view, body: renderBodyTree(book.read.tree, { flavour: 'html', labels: renderLabels(view.strings), ...typographyFor(view.lang) }),
    index: p.printIndex, noteHtml: p.noteHtml, templates: p.templates, trim: book.config.trim,
    browser: options.browser, workDir: options.workDir, date: options.date,
    print: { ...book.config.print, sectionBreak: sectionBreakFor(book.read.tree, book.config.print.sectionBreak, book.config.print.rectoSections) },
  };
}

/** The EPUB writer's input for a prepared book, given the print edition's page map (empty without one). */
export function epubInputOf(p: PreparedBook, options: { pageMap: Map<string, number>; pageTexts?: string[]; modified: Date; browser?: () => Promise<Browser> }): EpubInput {
  return {
    tree: p.book.read.tree, view: p.view, templates: p.templates, pageMap: options.pageMap, pageTexts: options.pageTexts, index: p.epubIndex,
    noteHtml: p.noteHtml, modified: options.modified, browser: options.browser, embedFont: p.book.config.epub.embedFont,
    sectionBreak: sectionBreakFor(p.book.read.tree, p.book.config.print.sectionBreak, p.book.config.print.rectoSections),
  };
}

/**
 * The edition's own date, stamped into the files (EPUB dcterms:modified and zip times, PDF dates):
 * SOURCE_DATE_EPOCH (through the context) when set, else book.yaml `modified`, else the build's clock.
 * Never the event's date: that is when the words were said, not when this edition was made.
 */
export function stampDate(p: PreparedBook, ctx: Context): Date {
  const modified = p.book.config.modified;
  return ctx.stamp(modified ? new Date(`${modified}T00:00:00Z`) : undefined);
}
