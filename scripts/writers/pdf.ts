// PDF writer: the print HTML rendered by Chromium's own paged media (puppeteer page.pdf), made into a
// book by what Chromium lacks: page references are found by rendering, reading the named
// destinations (id → page), filling the numbers in and rendering again until the pages printed are the
// pages found; blank pages for right-hand starts are placed from the same page map. The first pass
// only measures (nothing painted, no tags); the second is usually final. The finish (boxes, bleed,
// opening pages, metadata, fixed dates and ID) is an incremental update appended to Chromium's bytes
// (pdf/finish.ts), with pdf-lib as the fallback for a file the small reader does not understand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { fail, diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { renderTemplate, templatePath, readTemplate, type TemplateSet } from '../render/templates.ts';
import type { BookView } from '../render/variables.ts';
import { printFontCss, fontDirs } from '../pdf/fonts.ts';
import { substituteMissing } from '../pdf/coverage.ts';
import { xmlChars } from '../render/xml.ts';
import { titleUnits } from '../render/lines.ts';
import { cssStack, fontsFor } from '../fonts.ts';
import { append, assemble, bodyBlocks, bodyMarkup, idsIn, linkTargets, parseFragment, serialize, slot } from '../pdf/document.ts';
import { h } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import { pageCss, TRIMS as TRIM_GEOMETRY } from '../pdf/layout.ts';
import { readDestinations } from '../pdf/dests.ts';
import { rectoBlanks, shiftForBlanks } from '../pdf/recto.ts';
import { finishChromiumPdf, type FinishInput } from '../pdf/finish.ts';
import type { SectionBreak } from '../render/sections.ts';

export interface PdfInput {
  view: BookView;
  /** The body from the shared renderer (hast), given the page numbers known so far (editor's notes
   * print the page of their reference). */
  body: (pages: PageLookup) => Root;
  /** Markdown front and back matter (hast); each opens a page, in the contents and the bookmarks. */
  matter?: { id: string; heading: string; place: 'front' | 'back'; tree: ElementContent[] }[];
  /** The index for print (hast), rendered again on each pass with the page numbers known so far. */
  index: (pages: PageLookup) => Element | null;
  noteHtml: string;
  templates: TemplateSet;
  trim: 'A5' | 'B5' | 'A4' | '6x9';
  browser: Browser;
  /** Scratch directory for the print HTML (deleted afterwards). */
  workDir: string;
  /** book.yaml `print`: 3 mm bleed with crop marks; every section on a right-hand page; what comes
   * before a section (`auto` is resolved from the sections' length, see sectionBreakFor). */
  print?: { bleed: boolean; rectoSections: boolean; sectionBreak?: SectionBreak };
  /** CreationDate/ModDate (the context's build stamp), so two builds are identical. */
  date: Date;
  /** Characters no print font has (TP037): set as 〓 so Chromium never falls back to a system font. */
  missingGlyphs?: string[];
  /** A volume's parts (element id and running head: the part's date and title): each a named page
   * that opens a page, headed by its own date and title instead of the book's one title. */
  runningParts?: { id: string; heading: string }[];
  /** Also return the final print HTML with its stylesheets (build --keep-html), named after this (the book id). */
  keepHtml?: string;
}

/** The final print HTML and the stylesheets it links to by relative URL (fonts.css names the font files by absolute file URL). */
export interface PrintFiles { html: string; files: Record<string, string> }

/** Page number (1-based, as printed in the folio) of an element id, if known. */
export type PageLookup = (id: string) => number | undefined;

export interface PdfResult {
  pdf: Uint8Array;
  diagnostics: Diagnostic[];
  /** Element id → page number, for every section, paragraph and index anchor (the EPUB page-list uses it). */
  pageMap: Map<string, number>;
  /** How many times Chromium laid the book out (1 measuring pass + 1 full one, rarely 2). */
  passes: number;
  /** The final HTML (body markup as rendered on the last pass), for the benchmark's floor. */
  html: string;
  /** Milliseconds per pass and step (`1.layout`, `2.print`, `2.finish`…), for the benchmark. */
  timings: Record<string, number>;
  /** With `keepHtml`: the final HTML as a folder a browser opens (`print.css` is a copy of the template's). */
  printFiles?: PrintFiles;
}

/** More passes than this means the layout oscillates (e.g. a contents page that grows with its numbers). */
export const MAX_PASSES = 3;

/**
 * No timeout of its own on loading and printing: a book near the size limits takes minutes to print
 * on a busy machine, and a fixed 180 s made such books fail as internal errors. What catches a hung
 * browser is the book's timeout (corpus.ts), which kills the browser's whole process group.
 */
const PDF_TIMEOUT = 0;

export async function writePdf(input: PdfInput): Promise<PdfResult> {
  const diagnostics: Diagnostic[] = [];
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const dir = mkdtempSync(join(input.workDir, 'print-'));
  const { view } = input;
  const trim = TRIM_GEOMETRY[input.trim];
  const print = input.print ?? { bleed: false, rectoSections: false };
  // `auto` is resolved by the caller from the tree (sectionBreakFor); a bare writer call keeps pages.
  const pagePerSection = print.rectoSections || (print.sectionBreak ?? 'page') === 'page';
  try {
    const fontFile = join(dir, 'fonts.css');
    writeFileSync(fontFile, printFontCss(view.lang));
    const firstIndex = input.index(() => undefined);
    const hasIndex = firstIndex !== null;
    const firstBody = input.body(() => undefined);
    const matter = input.matter ?? [];
    const front = matter.filter((m) => m.place === 'front').map(({ id, heading }) => ({ id, heading }));
    const back = matter.filter((m) => m.place === 'back').map(({ id, heading }) => ({ id, heading }));
    // The contents lists what the EPUB's navigation lists, less the pages before it (title page,
    // colophon): front matter, the sections, back matter, the index and the editorial note. A book of
    // one section and no matter has no contents page: it would list the page after it.
    // The transcript's own title heads its sections, as in the EPUB's navigation.
    // A volume's contents are its parts with their sections below (levels of their own).
    const bound = view.toc.some((t) => t.level);
    // A run of questions whose headings were made up from their first words is one entry (contentsHeadings).
    const listed = view.toc.filter((t) => t.contents !== null).map((t) => ({ ...t, heading: t.contents ?? t.heading }));
    const body = bound ? view.toc : [{ id: 'body', heading: view.transcriptTitle || view.title }, ...listed.map((t) => ({ ...t, sub: true }))];
    const toc = [...front, ...body, ...back,
      ...(hasIndex ? [{ id: 'back-index', heading: view.strings.index ?? '' }] : []), { id: 'note', heading: view.strings.editorialNote ?? '' }]
      .map((e) => ({ ...e, units: titleUnits(e.heading, view.lang, 8) }));
    const hasToc = listed.length > 1 || matter.length > 0;
    // With a page per section each section is a named page whose head is its heading; sections that
    // share pages share the transcript's title as the head (a named page per section would force a
    // page break before each, as CSS says a change of page name does).
    // A title with nothing under it (no dateline or lead) shares the first section's named page, so
    // it is not a page of its own (a change of page name forces a break).
    const firstBlock = firstBody.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
    const leadless = pagePerSection && view.toc.length > 0 && firstBlock?.type === 'element' && firstBlock.tagName === 'section';
    const css = pageCss({
      trim, bookTitle: view.title, sections: [...front, ...(pagePerSection ? view.toc : []), ...back],
      parts: [...(input.runningParts ?? (pagePerSection ? [] : [{ id: 'body', heading: view.transcriptTitle || view.title }])), ...(hasIndex ? [{ id: 'back-index', heading: view.strings.index ?? '' }] : []), { id: 'note', heading: view.strings.editorialNote ?? '' }],
    }) + (leadless ? `\n#body-h { page: ${view.toc[0].id.replace(/[^\w-]/g, '')}; }` : '');
    // Every id a page number may be asked for: all ids of the body (sections, headings, paragraphs,
    // the dateline, topic anchors) and whatever the index links to.
    const targets = [...new Set(['body', 'note', ...(hasIndex ? ['back-index'] : []), ...matter.map((m) => m.id), ...idsIn(firstBody), ...(firstIndex ? linkTargets(firstIndex) : [])])];
    // Openings get no running head or folio; the body and (optionally) every section start recto.
    const openings = ['body', ...(input.runningParts ?? []).map((p) => p.id), ...matter.map((m) => m.id), ...(pagePerSection ? view.toc.map((t) => t.id) : []), ...(hasIndex ? ['back-index'] : []), 'note'];
    const rectoAnchors = ['body', ...(print.rectoSections ? view.toc.map((t) => t.id) : [])];
    const printCssPath = templatePath(input.templates, 'print.css');
    const note = parseFragment(input.noteHtml);

    // The document of one pass: the template (data only) with the book's parts in its slots.
    const links = { fontCss: pathToFileURL(fontFile).href, printCss: pathToFileURL(printCssPath).href };
    const html = (pages: PageLookup, blanks: Set<string>, measure = false, hrefs = links) => {
      const index = input.index(pages);
      const body = bodyBlocks(input.body(pages));
      const doc = assemble(renderTemplate(input.templates, 'print.html', {
        ...view, sectionBreak: pagePerSection ? 'page' : 'space', hasToc,
        toc: toc.map((e) => ({ ...e, page: pages(e.id)?.toString() ?? '' })),
        frontMatter: slot('front'), backMatter: slot('back'),
        body: slot('body'), indexHtml: slot('index'), noteHtml: slot('note'),
        ...hrefs, pageCss: css, targets,
      }), { body, slots: { index: index ? [index] : [], note, front: matter.filter((m) => m.place === 'front').flatMap((m) => m.tree), back: matter.filter((m) => m.place === 'back').flatMap((m) => m.tree) }, blanks });
      if (measure) measuring(doc, view.lang);
      // Characters no print font has are set as 〓 (pdf/coverage.ts): never a system-font fallback;
      // characters XML forbids (book.yaml escapes can hold them) are dropped.
      const clean = (markup: string) => substituteMissing(xmlChars(markup), input.missingGlyphs ?? []);
      return { doc: clean(serialize(doc)), body: clean(bodyMarkup(doc)) };
    };

    timings['0.setup'] = Math.round(performance.now() - t0);
    const page = await input.browser.newPage();
    timings['0.newPage'] = Math.round(performance.now() - t0) - timings['0.setup'];
    try {
      await guard(page, [dir, ...input.templates.dirs], diagnostics);
      let pages = new Map<string, number>();
      // First guess: a one-page contents, so the body needs a blank page to start on the right.
      let blanks = new Set<string>(['body']);
      let current = { doc: '', body: '' };
      let chars = new Set<string>();
      for (let pass = 1; pass <= MAX_PASSES; pass++) {
        const lap = stopwatch(timings, pass);
        // The first pass only measures: everything is laid out but nothing is painted (so no glyphs are
        // subset and embedded), and there is no structure tree or outline, which Chromium builds slowly.
        const final = pass > 1;
        current = html((id) => pages.get(id), blanks, pass === 1);
        lap('html');
        if (pass === 1) {
          const file = join(dir, 'book.html');
          writeFileSync(file, current.doc);
          await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: PDF_TIMEOUT });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          chars = new Set(current.doc + NUMBER_GLYPHS);
        } else {
          // Same page, new body: fonts and styles stay loaded, so a later pass costs only layout + print.
          await page.evaluate((inner, styleId) => { document.getElementById(styleId)?.remove(); document.body.innerHTML = inner; }, current.body, MEASURE_STYLE);
          // Only characters the page has not shown yet can start a font download (unicode-range
          // subsets); the page numbers filled in are usually digits it already has.
          if (newChars(current.doc, chars)) await page.evaluate(() => document.fonts.ready.then(() => undefined));
        }
        lap('layout');
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: final, tagged: final, timeout: PDF_TIMEOUT });
        lap('print');
        const found = await readDestinations(pdf);
        lap('dests');
        const nextBlanks = rectoBlanks(rectoAnchors, (id) => found.get(id), blanks);
        // Converged when the pages just printed would print themselves again: every number in the
        // contents and index is the page where its target landed, and no blank page moves. Ids whose
        // pages nothing prints (index entries, the editorial note) may move without costing a pass.
        if (final && sameSet(nextBlanks, blanks) && html((id) => found.get(id), nextBlanks).doc === current.doc) {
          const missing = targets.filter((id) => !found.has(id));
          if (missing.length) diagnostics.push(diagnostic('TP032', { reason: `no page found for ${missing.length} ids (${missing.slice(0, 5).join(', ')})` }));
          const bare = new Set(openings.map((id) => found.get(id)).filter((n): n is number => n !== undefined));
          const finishInput: FinishInput = {
            trim, bleed: print.bleed, bare,
            meta: {
              title: view.title, author: view.author, subject: view.subtitle ?? view.description,
              keywords: view.subjects, lang: view.lang, date: input.date,
            },
            idSeed: JSON.stringify([current.body, css, readTemplate(input.templates, 'print.css'), input.trim, print]),
          };
          const finished = await finishChromiumPdf(pdf, finishInput);
          lap('finish');
          const names = { fontCss: `${input.keepHtml}.fonts.css`, printCss: `${input.keepHtml}.print.css` };
          const printFiles = input.keepHtml ? {
            html: html((id) => found.get(id), nextBlanks, false, names).doc,
            files: { [names.fontCss]: printFontCss(view.lang), [names.printCss]: readTemplate(input.templates, 'print.css') },
          } : undefined;
          return { pdf: finished.pdf, diagnostics, pageMap: found, passes: pass, html: current.doc, timings, printFiles };
        }
        pages = shiftForBlanks(found, blanks, nextBlanks);
        blanks = nextBlanks;
      }
      fail('TP034', { passes: MAX_PASSES });
    } finally {
      await page.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The id of the style that hides everything during the measuring pass. */
const MEASURE_STYLE = 'tp-measure';
/** What filling in page numbers adds to a page: digits, the range dash, the separators. */
const NUMBER_GLYPHS = '0123456789–,，、 ';

/**
 * The measuring pass's HTML: everything hidden (laid out, not painted), and the glyphs that page
 * numbers will add set once, out of the flow, in each face, so their font subsets are loaded before the
 * full pass and that pass need not wait for fonts.
 */
function measuring(doc: Root, lang: string): void {
  const fonts = fontsFor(lang);
  const faces = [...fonts.serif, ...fonts.sans].flatMap((f) => [400, 700].map((w) =>
    h('span', { style: `font: ${w} 1em ${cssStack([f.family], 'serif')}` }, NUMBER_GLYPHS)));
  append(doc, 'head', h('style', { id: MEASURE_STYLE }, 'html { visibility: hidden !important; }'));
  append(doc, 'body', h('div', { ariaHidden: 'true', style: 'position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: hidden' }, faces));
}


/** True if `html` has a character not in `seen` (which it then adds). */
function newChars(html: string, seen: Set<string>): boolean {
  let added = false;
  for (const c of html) if (!seen.has(c)) { seen.add(c); added = true; }
  return added;
}

/** Records milliseconds per step of a pass (`2.print`), for the benchmark. */
function stopwatch(timings: Record<string, number>, pass: number) {
  let t = performance.now();
  return (step: string) => {
    const now = performance.now();
    timings[`${pass}.${step}`] = Math.round(now - t);
    t = now;
  };
}

/**
 * A sandbox page (issue #16): script off (the browser starts with it off, see writers/browser.ts; set
 * here again so a browser from elsewhere is no exception), and only the files of this build, the
 * template set (the book's own template folder, then the named set) and the font packages load;
 * every other request is blocked and reported (TP033). The network itself is off at the browser level.
 */
async function guard(page: Page, dirs: string[], diagnostics: Diagnostic[]) {
  await page.setJavaScriptEnabled(false);
  const allowed = [...fontDirs(), ...dirs].map((d) => pathToFileURL(d).href + '/');
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if ((url.startsWith('file://') && allowed.some((a) => url.startsWith(a))) || url.startsWith('data:')) void req.continue();
    else { diagnostics.push(diagnostic('TP033', { url: url.slice(0, 120) })); void req.abort('blockedbyclient'); }
  });
  page.on('pageerror', (err) => diagnostics.push(diagnostic('TP032', { reason: `page error: ${String(err).slice(0, 200)}` })));
}

function sameMap(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
