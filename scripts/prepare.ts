// Everything both editions need from a book, made once: the book read, topics marked in its tree,
// the template set, the view templates lay out, the change report, the editorial note and the two
// index renderers. build.ts and the benchmarks all start here, so they measure what ships.
// A prepared book (and a prepared volume, volume.ts) is handed to the one build pipeline as an
// `Edition`: what the writers take, made once, whatever it was made from.
import { dirname } from 'node:path';
import { loadBook, type Book, type LoadOptions } from './book.ts';
import type { Diagnostic } from './core/diagnostics.ts';
import { bookTopics, markTopics, topicPositions, printIndexTree, epubIndexTree, type IndexModel, type PageLookup } from './index/index.ts';
import type { Topic } from './config/schema.ts';
import { checkBookTemplates, resolveTemplateSet, type TemplateSet } from './render/templates.ts';
import { buildView, type BookView } from './render/variables.ts';
import { buildReport, type ChangeReport } from './writers/report.ts';
import type { Browser } from 'puppeteer-core';
import type { Element, ElementContent } from 'hast';
import type { Context } from './core/context.ts';
import { renderBlock, renderBodyTree, renderLabels, type RenderOptions } from './render/html.ts';
import { typographyFor } from './render/hyphenate.ts';
import type { Matter, Note } from './model/types.ts';
import { anchorNotes } from './markdown/notes.ts';
import { apparatusPositions } from './markdown/positions.ts';
import { editorialNote, loadMatter, type MatterVariables } from './markdown/matter.ts';
import type { PdfInput } from './writers/pdf.ts';
import { printSectionBreak, sectionBreakFor } from './render/sections.ts';
import type { EpubInput } from './writers/epub.ts';
import { glyphDiagnostics } from './pdf/coverage.ts';
import { LineIndex } from './reader/tracked-text.ts';
import { fontsFor, readyCmaps, type FontFamily } from './fonts.ts';
import { reportHtml } from './writers/report.ts';
import type { CatalogEntry } from './catalog/entry.ts';

export interface PreparedBook {
  book: Book;
  index: IndexModel;
  /** The topics the index was made from: curated, automatic or both (book.yaml `index`). */
  topics: Topic[];
  templates: TemplateSet;
  view: BookView;
  report: ChangeReport;
  /** The editorial note (template set Markdown with this book's counts), as the document model. */
  note: Matter;
  /** Front and back matter written in Markdown (book.yaml `matter`), in book.yaml order. */
  matter: Matter[];
  /** The editor's notes, numbered in reading order; their references are in the tree. */
  notes: Note[];
  /** The print index, given the page numbers known so far. */
  printIndex: (pages: PageLookup) => Element | null;
  /** The EPUB index (hast); `hrefOf` names the chapter file each locator's anchor lives in. */
  epubIndex: (pages: PageLookup, hrefOf: (id: string) => string) => Element | null;
  /** Warnings from reading the transcript and marking the topics. */
  diagnostics: Diagnostic[];
}

export function prepareBook(bookDir: string, options: LoadOptions & { markTopics?: boolean } = {}): PreparedBook {
  const book = loadBook(bookDir, options);
  const places = apparatusPositions(book.place, book.configText, book.configFile);
  // Notes are anchored on the final text (after corrections), then topics are marked: both editions
  // link to the anchors and the note references.
  const { notes, diagnostics: noteDiagnostics } = anchorNotes(book.read.tree, book.config.notes, {
    file: book.configFile, quoteAt: (i) => places.get(`notes.${i}.quote`), bodyAt: (i, point) => places.inValue(`notes.${i}.note`, point),
  });
  // The index: curated topics, automatic ones or both (book.yaml `index`), matched the same way. A volume's
  // parts are read without marking them: the volume marks every part's chosen topics once (volume.ts).
  const chosen = bookTopics(book.read.tree, book.config, { file: book.configFile, ...book.place(book.config.index ? ['index'] : ['topics']) });
  const marked = markTopics(book.read.tree, options.markTopics === false ? [] : chosen.topics, book.configFile,
    topicPositions(book.config.topics, book.place), { automaticFrom: chosen.curated });
  const index = marked.index;
  const indexDiagnostics = [...chosen.diagnostics, ...marked.diagnostics];
  const templates = resolveTemplateSet(book.config.template, book.dir, book.configFile);
  checkBookTemplates(templates);
  const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates });
  const report = buildReport(book.id, book.transcriptFile, book.sourceSha256, book.read.changes, book.read.language, view.strings);
  const strings = { index: view.strings.index!, see: view.strings.see!, seeAlso: view.strings.seeAlso!,
    xrefSeparator: view.strings.xrefSeparator!, locatorSeparator: view.strings.locatorSeparator! };
  const vars: MatterVariables = {
    title: view.title, source: view.source, corrections: view.correctionsCount, automatic: view.automaticCount,
    review: view.reviewCount, notes: notes.length, sourceSha256: view.sourceSha256,
  };
  const { matter, diagnostics: matterDiagnostics } = loadMatter(book.config.matter, {
    bookDir: book.dir, configFile: book.configFile, showDir: dirname(book.configFile), vars,
    fileAt: (i) => places.get(`matter.${i}.file`),
  });
  const note = editorialNote(templates, view.lang, view.strings.editorialNote ?? '', vars);
  return {
    book, index, topics: chosen.topics, templates, view, report, matter, notes,
    note: note.matter,
    printIndex: (pages) => printIndexTree(index, pages, strings),
    epubIndex: (pages, hrefOf) => epubIndexTree(index, pages, strings, hrefOf),
    diagnostics: [...book.read.diagnostics, ...noteDiagnostics, ...indexDiagnostics, ...matterDiagnostics, ...note.diagnostics],
  };
}

/** The renderer's words and options for a flavour, from the book's strings. */
export function renderOptions(view: BookView, flavour: RenderOptions['flavour'], extra: Partial<RenderOptions> = {}): RenderOptions {
  const s = view.strings;
  return {
    flavour, labels: renderLabels(s), ...typographyFor(view.lang),
    noteWords: { notes: s.notes!, page: s.notePage!, back: s.noteBack! },
    ...extra,
  };
}

/** The editorial note's blocks as print hast (the print template gives it its section and heading). */
export function printNote(note: Matter, view: BookView): ElementContent[] {
  return note.children.flatMap((b) => renderBlock(b, renderOptions(view, 'html')));
}

/** Every string of book.yaml that can reach a page. */
function configStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['id', 'language', 'template', 'trim', 'style', 'date'].includes(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => configStrings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => configStrings(v, k));
  return [];
}

/**
 * Glyph coverage (TP140, or TP037 when book.yaml allows missing glyphs): the book's characters,
 * transcript and book.yaml, against the cmaps of its fallback chain; `missing` is what the PDF writer
 * sets as 〓.
 */
export async function checkGlyphs(p: PreparedBook): Promise<{ missing: string[]; diagnostics: Diagnostic[] }> {
  const { book } = p;
  const yaml = book.configText;
  const text = [...book.read.blocks, ...configStrings(book.config), ...p.view.toc.map((t) => t.heading)].join('\n');
  const places = [{ file: book.transcriptFile, text: book.read.source, lines: new LineIndex(book.read.source) }, { file: book.configFile, text: yaml, lines: new LineIndex(yaml) }];
  await readyCmaps(coverageFonts(book.config.language));
  return glyphDiagnostics(text, coverageFonts(book.config.language), (ch) => {
    let where = {};
    let more = -1;
    for (const p of places) {
      const at = p.text.indexOf(ch);
      if (at < 0) continue;
      if (more < 0) {
        const { line, column } = p.lines.point(at);
        where = { file: p.file, line, column, excerpt: p.lines.lineText(line) };
      }
      more += p.text.split(ch).length - 1;
    }
    return { where, more: Math.max(0, more) };
  }, { allowMissing: book.config.allowMissingGlyphs });
}

/** The families a book in `language` may be printed in: its whole fallback chain. */
export function coverageFonts(language: string): FontFamily[] {
  return fontsFor(language).families;
}

/** The PDF writer's input for a prepared book (the benchmarks print exactly what a build prints). */
export function pdfInputOf(p: PreparedBook, options: { browser: Browser; workDir: string; date: Date; missingGlyphs?: string[] }): PdfInput {
  const { book, view } = p;
  return {
    view, body: (pages) => renderBodyTree(book.read.tree, renderOptions(view, 'html', { notes: p.notes, pages })),
    matter: p.matter.map((m) => ({ id: m.id, heading: m.title, place: m.place, tree: renderBlock(m, renderOptions(view, 'html')) })),
    index: p.printIndex, note: printNote(p.note, view), templates: p.templates, trim: book.config.trim,
    browser: options.browser, workDir: options.workDir, date: options.date,
    print: { ...book.config.print, sectionBreak: printSectionBreak(book.config.print.sectionBreak, book.config.print.rectoSections) },
    missingGlyphs: options.missingGlyphs,
  };
}

/** The EPUB writer's input for a prepared book, given the print edition's page map (empty without one). */
export function epubInputOf(p: PreparedBook, options: { pageMap: Map<string, number>; pageTexts?: string[]; modified: Date; browser?: () => Promise<Browser>; onCover?: EpubInput['onCover'] }): EpubInput {
  return {
    tree: p.book.read.tree, view: p.view, templates: p.templates, pageMap: options.pageMap, pageTexts: options.pageTexts, index: p.epubIndex,
    note: p.note, matter: p.matter, notes: p.notes, modified: options.modified, browser: options.browser, embedFont: p.book.config.epub.embedFont, onCover: options.onCover,
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

/**
 * What the one build pipeline (build.ts) takes from a book or a volume: the writers' inputs, its
 * change report files, its glyph check, its edition date and its catalogue metadata. A book and a
 * volume differ only in how these are made (bookEdition here, volumeEdition in volume.ts).
 */
export interface Edition {
  id: string;
  view: BookView;
  templates: TemplateSet;
  /** Everything found while reading: an error among them fails the edition before anything renders. */
  diagnostics: Diagnostic[];
  /** Glyph coverage (TP037/TP140) of everything it prints; `missing` is set as 〓 in the PDF. */
  glyphs: () => Promise<{ missing: string[]; diagnostics: Diagnostic[] }>;
  /** changes.json and changes.html. */
  reports: () => { json: string; html: string };
  /** The edition's own date (see stampDate). */
  stamp: (ctx: Context) => Date;
  pdfInput: (options: { browser: Browser; workDir: string; date: Date; missingGlyphs?: string[] }) => PdfInput;
  epubInput: (options: { pageMap: Map<string, number>; pageTexts?: string[]; modified: Date; browser?: () => Promise<Browser>; onCover?: EpubInput['onCover'] }) => EpubInput;
  /** The catalogue entry's metadata (its files, date and pages are added by the build). */
  entry: Omit<CatalogEntry, 'files' | 'modified' | 'pages'>;
}

/** A prepared book as an edition. */
export function bookEdition(p: PreparedBook): Edition {
  const { book, view } = p;
  const c = book.config;
  return {
    id: book.id, view, templates: p.templates, diagnostics: p.diagnostics,
    glyphs: () => checkGlyphs(p),
    reports: () => ({ json: JSON.stringify(p.report, null, 2) + '\n', html: reportHtml(p.report, view) }),
    stamp: (ctx) => stampDate(p, ctx),
    pdfInput: (options) => pdfInputOf(p, options),
    epubInput: (options) => epubInputOf(p, options),
    entry: {
      id: book.id, kind: 'book', identifier: c.id, title: c.title, subtitle: c.subtitle, author: c.author ?? c.speaker,
      speaker: view.author, institution: c.source, publisher: c.publisher ?? c.source, language: view.lang, date: c.date,
      subjects: c.subjects, description: c.description,
    },
  };
}
