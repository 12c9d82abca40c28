// PDF writer: the print HTML rendered by Chromium's own paged media (puppeteer page.pdf), made into a
// book by what Chromium lacks: page references are found by rendering, reading the named
// destinations (id → page), filling the numbers in and rendering again until the pages printed are the
// pages found; blank pages for right-hand starts are placed from the same page map. A first build
// prints at once with the pages its loaded page lays out to (pdf/paginate.ts) and is usually final; a
// measuring pass (nothing painted, no tags) is left for rounds of pulls. A section's last 4 lines are kept
// on one page by the layout itself: their lines are counted on the page as loaded, and print.css keeps
// them together (render/ends.ts endKeeps), so no round of measuring is spent on them. Pulling a
// section's last lines onto their page (render/ends.ts) is the fallback, decided on a measuring pass from
// marks at the sections' ends (pdf/marks.ts) or on the print, which is still read back: each round is one
// more measuring pass and print. A book whose print document
// is unchanged since a build that found its pages prints once (pdf/pagecache.ts), checked the same way. The finish (boxes, bleed,
// opening pages, metadata, fixed dates and ID) is an incremental update appended to Chromium's bytes
// (pdf/finish.ts), with pdf-lib as the fallback for a file the small reader does not understand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Browser, Page } from 'puppeteer-core';
import { fail, diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { renderTemplate, templatePath, readTemplate, type TemplateSet } from '../render/templates.ts';
import type { BookView } from '../render/variables.ts';
import { printFontCss, fontDirs } from '../pdf/fonts.ts';
import { substituteMissing } from '../pdf/coverage.ts';
import { xmlChars } from '../render/xml.ts';
import { runningHead, titleUnits } from '../render/lines.ts';
import { append, assemble, blockPlaces, bodyBlocks, bodyMarkup, idsIn, linkTargets, sameNode, serialize, slot, topBlocks, type BodyBlock } from '../pdf/document.ts';
import { h } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import { MM, pageCss, printPx, TRIMS as TRIM_GEOMETRY } from '../pdf/layout.ts';
import { readDestinations, readPositions } from '../pdf/dests.ts';
import { rectoBlanks, shiftForBlanks } from '../pdf/recto.ts';
import { finishChromiumPdf, type FinishInput, type FinishResult } from '../pdf/finish.ts';
import { layoutKey, readLayout, writeLayout, type PageLayout } from '../pdf/pagecache.ts';
import type { SectionBreak } from '../render/sections.ts';
import { endCandidates, endKeeps, endMark, indexLines, indexPull, indexPullOf, noteFits, noteRunsOn, NOTE_RUN_ON, runsOf, shortEnds, shortEndsOf, withEndKeeps, withEndMarks, withIndexPull, withPulls, type EndKeeps, type IndexLine, type Run } from '../render/ends.ts';
import { indexEnd, INDEX_END, marksEndOf, NOTE_END, NOTE_HEAD, noteBelowIndex, type Marks } from '../pdf/marks.ts';
import { pageLines } from '../pdf/page-lines.ts';
import { estimatePages } from '../pdf/estimate.ts';
import { PROBE, guessFromProbe, noteBelow, type Probe } from '../pdf/paginate.ts';

export interface PdfInput {
  view: BookView;
  /** The body from the shared renderer (hast), given the page numbers known so far (editor's notes
   * print the page of their reference). */
  body: (pages: PageLookup) => Root;
  /** Markdown front and back matter (hast); each opens a page, in the contents and the bookmarks. */
  matter?: { id: string; heading: string; place: 'front' | 'back'; tree: ElementContent[] }[];
  /** The index for print (hast), rendered again on each pass with the page numbers known so far. */
  index: (pages: PageLookup) => Element | null;
  /** The editorial note's blocks (hast); the template gives it its section and heading. */
  note: ElementContent[];
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
  /** A folder of known page layouts (pdf/pagecache.ts): an unchanged book prints once. Off when absent. */
  pageCache?: string;
  /** Called once the first print has been asked for, before Node's garbage is collected: the caller lets go of what only reading the book needed (its word tables). */
  whilePrinting?: () => void;
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
  /** How many times Chromium laid the book out: 1 with a known layout (page cache), else measuring passes (one, and one more per round of pulls) and the print. */
  passes: number;
  /** Of those, full prints (painted, tagged): 1 unless the print found its numbers or a section end still wrong (a fallback). */
  prints: number;
  /** The final HTML (body markup as rendered on the last pass), for the benchmark's floor. */
  html: string;
  /** Milliseconds per pass and step (`1.layout`, `2.print`, `2.finish`…), for the benchmark. */
  timings: Record<string, number>;
  /** With `keepHtml`: the final HTML as a folder a browser opens (`print.css` is a copy of the template's). */
  printFiles?: PrintFiles;
}

/** More passes than this means the layout oscillates (e.g. a contents page that grows with its numbers). */
export const MAX_PASSES = 3;
/** Rounds of pulling a section's last lines onto their page (render/ends.ts), each up to two passes more. */
const MAX_PULL_ROUNDS = 4;

/**
 * No timeout of its own on loading and printing: a book near the size limits takes minutes to print
 * on a busy machine, and a fixed 180 s made such books fail as internal errors. What catches a hung
 * browser is the book's timeout (corpus.ts), which kills the browser's whole process group.
 */
const PDF_TIMEOUT = 0;

export async function writePdf(input: PdfInput): Promise<PdfResult> {
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const dir = mkdtempSync(join(input.workDir, 'print-'));
  // Chromium opens the page while Node prepares the first document (which breathes: see breathe()).
  const opening = input.browser.newPage();
  opening.catch(() => undefined);
  let page: Page | undefined;
  try {
    try {
      const plan = await planPrint(input, dir);
      await breathe();
      const key = input.pageCache ? layoutKey(await layoutInputs(input, plan)) : '';
      const known = input.pageCache ? readLayout(input.pageCache, key) : undefined;
      const first = await firstPass(plan, known);
      timings['0.setup'] = Math.round(performance.now() - t0);
      page = await opening;
      timings['0.newPage'] = Math.round(performance.now() - t0) - timings['0.setup'];
      await guard(page, [dir, ...input.templates.dirs], plan.diagnostics);
      const laid = await layOut(page, plan, timings, (l) => finishPrint(input, plan, l), first, known, input.whilePrinting);
      if (input.pageCache && (!known || laid.passes > 1)) writeLayout(input.pageCache, key, { pages: laid.found, blanks: laid.blanks, pulls: plan.pulls, keeps: plan.keeps });
      return await finishBook(input, plan, laid, timings);
    } finally {
      await (page ?? await opening.catch(() => undefined))?.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One print document's markup, serialised when first asked for: the whole page (the first load), the
 * inside of its `<body>` (a later pass's swap); and every page number its parts asked for with the
 * answer they got. The document is a function of those answers, the blank pages and the pulls, so a
 * print whose pages give the same answers would print itself again (no second render to compare).
 */
interface Rendered {
  doc: () => string; body: () => string; asked: Asked;
  /** The markup of each element directly in `<body>`, the transcript's `<main>` left empty (pdf/document.ts topBlocks). */
  tops: () => string[];
  /** The body's tree as rendered (the same object while no page it asked for changed), the blank pages and the pulls it was laid out with. */
  tree: Root; blanks: Set<string>; pulls: string;
  /** The markup of the body blocks `changed` (by index in the tree) with their places among the elements of the transcript's `<main>`, and their count. */
  blocks: (changed: number[]) => { count: number; blocks: [number, string][] } | undefined;
}
/** Ids a renderer asked the page of, with the page it was given. */
type Asked = Map<string, number | undefined>;

/** A page lookup that writes down what it was asked and what it answered. */
function recording(pages: PageLookup, asked: Asked): PageLookup {
  return (id) => { const page = pages(id); asked.set(id, page); return page; };
}

/** True if `pages` answers every question in `asked` as before. */
function answersAlike(asked: Asked, pages: PageLookup): boolean {
  for (const [id, page] of asked) if (pages(id) !== page) return false;
  return true;
}

/**
 * A part rendered from page numbers (the body, the index), made again only when a page it asked for
 * changed or its `key` did (the pulls): the body is the bulk of a book and usually asks for a few note
 * references only, so the measuring pass, the final one and the page cache's key share one rendering.
 */
function pageMemo<T>(make: (pages: PageLookup) => T): (pages: PageLookup, key: string) => { value: T; asked: Asked } {
  let last: { value: T; asked: Asked; key: string } | undefined;
  return (pages, key) => {
    if (last && last.key === key && answersAlike(last.asked, pages)) return last;
    const asked: Asked = new Map();
    last = { value: make(recording(pages, asked)), asked, key };
    return last;
  };
}

const once = (f: () => string): (() => string) => { let v: string | undefined; return () => (v ??= f()); };
interface Links { fontCss: string; printCss: string }

/** What every pass shares: the generated page CSS, the ids asked for, and the renderer of one pass's document. */
interface Plan {
  css: string;
  /** Every id a page number may be asked for. */
  targets: string[];
  /** Ids whose page loses its running head and folio. */
  openings: string[];
  /** Ids that start on a right-hand page. */
  rectoAnchors: string[];
  diagnostics: Diagnostic[];
  /** The scratch folder the document is written to. */
  dir: string;
  /** The transcript's runs of paragraphs by section, where the body ends, and the paragraphs pulled onto a
   * section end's page so that it holds at least 4 lines (render/ends.ts). */
  runs: Run[];
  bodyEnd: string;
  /** The print index's top-level entries (their ids are page targets): the index's end is held to 4 lines too. */
  indexEntries: IndexLine[];
  trim: (typeof TRIM_GEOMETRY)[keyof typeof TRIM_GEOMETRY];
  pulls: Set<string>;
  /** The classes that keep each section's last 4 lines on one page (render/ends.ts endKeeps), set once from the loaded page's lines (so their number is their key). */
  keeps: EndKeeps;
  /** Pages guessed for the first document loaded (pdf/estimate.ts), before the loaded page is cut into pages (pdf/paginate.ts). */
  guess: Map<string, number>;
  render: (pages: PageLookup, blanks: Set<string>, measure?: boolean, hrefs?: Links) => Rendered;
}

/** The contents: what the EPUB's navigation lists, less the pages before it (title page, colophon). */
function contentsEntries(input: PdfInput, hasIndex: boolean) {
  const { view } = input;
  const matter = input.matter ?? [];
  const front = matter.filter((m) => m.place === 'front').map(({ id, heading }) => ({ id, heading }));
  const back = matter.filter((m) => m.place === 'back').map(({ id, heading }) => ({ id, heading }));
  // The transcript's own title heads its sections, as in the EPUB's navigation. A volume's contents
  // are its parts with their sections below (levels of their own).
  const bound = view.toc.some((t) => t.level);
  // A run of questions whose headings were made up from their first words is one entry (contentsHeadings).
  const listed = view.toc.filter((t) => t.contents !== null).map((t) => ({ ...t, heading: t.contents ?? t.heading }));
  const body = bound ? view.toc : [{ id: 'body', heading: view.transcriptTitle || view.title }, ...listed.map((t) => ({ ...t, sub: true }))];
  const toc = [...front, ...body, ...back,
    ...(hasIndex ? [{ id: 'back-index', heading: view.strings.index ?? '' }] : []), { id: 'note', heading: view.strings.editorialNote ?? '' }]
    .map((e) => ({ ...e, units: titleUnits(e.heading, view.lang, 8) }));
  // A book of one section and no matter has no contents page: it would list the page after it.
  return { toc, front, back, hasToc: listed.length > 1 || matter.length > 0 };
}

/**
 * The running heads as page CSS. With a page per section each section is a named page whose head is
 * its heading; sections that share pages share the transcript's title as the head (a named page per
 * section would force a page break before each, as CSS says a change of page name does). A title with
 * nothing under it (no dateline or lead) shares the first section's named page, so it is not a page of
 * its own.
 */
function runningCss(input: PdfInput, firstBody: Root, parts: { front: Heading[]; back: Heading[]; hasIndex: boolean; pagePerSection: boolean }): string {
  const { view } = input;
  const { pagePerSection } = parts;
  // Running heads are one line each: a long title is cut after a word (render/lines.ts runningHead).
  const head = <T extends { heading: string }>(e: T): T => ({ ...e, heading: runningHead(e.heading, view.lang) });
  const firstBlock = firstBody.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
  const leadless = pagePerSection && view.toc.length > 0 && firstBlock?.type === 'element' && firstBlock.tagName === 'section';
  return pageCss({
    trim: TRIM_GEOMETRY[input.trim], bookTitle: runningHead(view.title, view.lang), sections: [...parts.front, ...(pagePerSection ? view.toc : []), ...parts.back].map(head),
    parts: [...(input.runningParts ?? (pagePerSection ? [] : [{ id: 'body', heading: view.transcriptTitle || view.title }])),
      ...(parts.hasIndex ? [{ id: 'back-index', heading: view.strings.index ?? '' }] : []), { id: 'note', heading: view.strings.editorialNote ?? '' }].map(head),
  }) + (leadless ? `\n#body-h { page: ${view.toc[0].id.replace(/[^\w-]/g, '')}; }` : '');
}

type Heading = { id: string; heading: string };

/**
 * The body's blocks, serialised, with the pulls marked: made from the memoised body tree (whose own
 * questions are asked again, so that they are recorded for the blocks too).
 */
function blocksMemo(bodyOf: ReturnType<typeof pageMemo<Root>>, pulls: ReadonlySet<string>, keeps: EndKeeps, marks?: Run[]) {
  return pageMemo((pages) => {
    const tree = bodyOf(pages, '');
    for (const id of tree.asked.keys()) pages(id);
    const pulled = withEndKeeps(withPulls(tree.value, pulls), keeps);
    return bodyBlocks(marks ? withEndMarks(pulled, marks) : pulled);
  });
}

/** A measuring pass's link targets: the print's, and the marks at the ends of the runs, the index and the note (pdf/marks.ts). */
function markTargets(targets: string[], runs: Run[], hasIndex: boolean): string[] {
  return [...targets, ...runs.filter((r) => r.paragraphs.length).map((r) => endMark(r.id)), ...(hasIndex ? [INDEX_END] : []), NOTE_HEAD, NOTE_END];
}

/** An empty block whose destination is where the content before it ends. */
const endDiv = (id: string): Element => h('div', { id });

/**
 * A turn of Node's event loop in the middle of preparing the first document: the page Chromium opens
 * meanwhile (writePdf) takes several protocol round trips, and each waits for Node to read Chromium's
 * answer and send the next command. Without these turns the page opened only once the whole document
 * was made, as if one after the other.
 */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A part rendered with no page number known (the first document's), then a turn of the event loop (breathe). */
async function unnumbered<T>(part: (pages: PageLookup, key: string) => { value: T }): Promise<T> {
  const { value } = part(() => undefined, '');
  await breathe();
  return value;
}

async function planPrint(input: PdfInput, dir: string): Promise<Plan> {
  const { view } = input;
  const print = input.print ?? { bleed: false, rectoSections: false };
  // `auto` is resolved by the caller (printSectionBreak); a bare writer call keeps pages.
  const pagePerSection = print.rectoSections || (print.sectionBreak ?? 'page') === 'page';
  const fontFile = join(dir, 'fonts.css');
  writeFileSync(fontFile, printFontCss(view.lang));
  const indexOf = pageMemo(input.index);
  const bodyOf = pageMemo((pages) => input.body(pages));
  const firstIndex = await unnumbered(indexOf);
  const hasIndex = firstIndex !== null;
  const firstBody = await unnumbered(bodyOf);
  const matter = input.matter ?? [];
  const { toc, front, back, hasToc } = contentsEntries(input, hasIndex);
  const css = runningCss(input, firstBody, { front, back, hasIndex, pagePerSection });
  // Every id a page number may be asked for: all ids of the body (sections, headings, paragraphs,
  // the dateline, topic anchors) and whatever the index links to.
  const indexEntries = indexLines(firstIndex);
  const targets = [...new Set(['body', 'note', ...(hasIndex ? ['back-index'] : []), ...matter.map((m) => m.id), ...idsIn(firstBody), ...(firstIndex ? linkTargets(firstIndex) : []), ...indexEntries.map((e) => e.id)])];
  const note = input.note;
  const pulls = new Set<string>();
  const keeps: EndKeeps = new Map();
  const links = { fontCss: pathToFileURL(fontFile).href, printCss: pathToFileURL(templatePath(input.templates, 'print.css')).href };
  const runs = runsOf(firstBody, view.transcriptTitle || view.title);
  // A measuring pass's body closes each run with a mark whose destination is where the run ends (pdf/marks.ts).
  const [blocksOf, markedBlocksOf, marked] = [blocksMemo(bodyOf, pulls, keeps), blocksMemo(bodyOf, pulls, keeps, runs), markTargets(targets, runs, hasIndex)];
  // The document of one pass: the template (data only) with the book's parts in its slots.
  const render = (pages: PageLookup, blanks: Set<string>, measure = false, hrefs = links): Rendered => {
    const pullKey = `${[...pulls].sort().join(' ')}|${keeps.size}`;
    const indexPart = indexOf(pages, '');
    const index = indexPart.value;
    const bodyPart = (measure ? markedBlocksOf : blocksOf)(pages, pullKey);
    const asked: Asked = new Map([...indexPart.asked, ...bodyPart.asked]);
    const look = recording(pages, asked);
    const doc = assemble(renderTemplate(input.templates, 'print.html', {
      ...view, sectionBreak: pagePerSection ? 'page' : 'space', hasToc, noteRunOn: hasIndex && pulls.has(NOTE_RUN_ON),
      toc: toc.map((e) => ({ ...e, page: look(e.id)?.toString() ?? '' })),
      frontMatter: slot('front'), backMatter: slot('back'),
      body: slot('body'), indexHtml: slot('index'), noteHtml: slot('note'),
      ...hrefs, pageCss: css, targets: measure ? marked : targets,
    }), {
      body: bodyPart.value, blanks,
      slots: { index: [...(index ? withIndexPull(index, pulls) : []), ...(measure && index ? [endDiv(INDEX_END)] : [])], note: measure ? [...note, endDiv(NOTE_END)] : note, front: matter.filter((m) => m.place === 'front').flatMap((m) => m.tree), back: matter.filter((m) => m.place === 'back').flatMap((m) => m.tree) },
    });
    if (measure) measuring(doc);
    // Characters no print font has are set as 〓 (pdf/coverage.ts): never a system-font fallback;
    // characters XML forbids (book.yaml escapes can hold them) are dropped.
    const clean = (markup: string) => substituteMissing(xmlChars(markup), input.missingGlyphs ?? []);
    return renderedOf(doc, clean, { tree: bodyOf(pages, '').value, blocks: bodyPart.value, blanks, pullKey, asked });
  };
  return {
    css, targets, render, dir, diagnostics: [], pulls, keeps, guess: guessPages(firstBody, TRIM_GEOMETRY[input.trim], pagePerSection, [...front.map((m) => m.id), 'body'], [...back.map((m) => m.id), ...(hasIndex ? ['back-index'] : []), 'note']), trim: TRIM_GEOMETRY[input.trim],
    runs,
    bodyEnd: back[0]?.id ?? (hasIndex ? 'back-index' : 'note'), indexEntries,
    // Openings get no running head or folio; the body and (optionally) every section start recto.
    openings: ['body', ...(input.runningParts ?? []).map((p) => p.id), ...matter.map((m) => m.id), ...(pagePerSection ? view.toc.map((t) => t.id) : []), ...(hasIndex ? ['back-index'] : []), 'note'],
    rectoAnchors: ['body', ...(print.rectoSections ? view.toc.map((t) => t.id) : [])],
  };
}

/** One pass's Rendered from its document (hast): markup made when first asked for, cleaned by `clean`. */
function renderedOf(doc: Root, clean: (markup: string) => string, parts: { tree: Root; blocks: BodyBlock[]; blanks: Set<string>; pullKey: string; asked: Asked }): Rendered {
  const { tree, blocks } = parts;
  let tops: string[] | undefined;
  return { doc: once(() => clean(serialize(doc))), body: once(() => clean(bodyMarkup(doc))), asked: parts.asked,
    tops: () => (tops ??= topBlocks(doc, 'body').map(clean)), tree, blanks: new Set(parts.blanks), pulls: parts.pullKey.split('|')[0]!,
    blocks: (changed) => {
      const at = blockPlaces(doc, 'body', blocks, tree);
      return at && { count: at.count, blocks: changed.map((i) => [at.places[i] ?? -1, clean(blocks[i]!.raw.value)]) };
    } };
}

/**
 * Everything the layout depends on, for the page cache: the first pass's document (text, structure,
 * generated CSS), the print stylesheet and font declarations, the font packages' versions, the trim and
 * print options, and the browser's version.
 */
async function layoutInputs(input: PdfInput, plan: Plan): Promise<string[]> {
  const fontPackages = fontDirs().map((d) => { try { return readFileSync(join(d, 'package.json'), 'utf8'); } catch { return d; } });
  const measured = plan.render(() => undefined, new Set(['body']), true, { fontCss: 'fonts.css', printCss: 'print.css' });
  await breathe();
  return [
    measured.doc(),
    readTemplate(input.templates, 'print.css'), printFontCss(input.view.lang), ...fontPackages, LAYOUT_LOGIC,
    JSON.stringify([input.trim, input.print ?? null]), await input.browser.version(),
  ];
}

/**
 * The version of what the writer decides from a layout beside the pages (the section ends' keeps,
 * counted on the first pass's document with its guessed numbers): a known layout written by other logic
 * would print another book than a first build, so a change of that logic changes this.
 */
const LAYOUT_LOGIC = 'keeps-at-print-width-2';

/** The loop's state at its start and the first document, serialised (while Chromium opens the page). */
interface FirstPass { state: LoopState; rendered: Rendered }

/**
 * A first build prints at once too, with the pages its loaded page lays out to (optimistic); a print
 * that finds a number wrong is printed again with the pages it found. A known layout brings its pages, blank pages, pulls and keeps.
 */
async function firstPass(plan: Plan, known?: PageLayout): Promise<FirstPass> {
  const state: LoopState = { pages: known?.pages ?? plan.guess, blanks: known?.blanks ?? new Set(['body']), pullRounds: 0, measure: false, line: 0, indexLine: 0, prints: 0, remeasures: 0 };
  for (const id of known?.pulls ?? []) plan.pulls.add(id);
  for (const [id, c] of known?.keeps ?? []) plan.keeps.set(id, c);
  const rendered = plan.render((id) => state.pages.get(id), state.blanks, state.measure);
  await breathe();
  rendered.doc();
  return { state, rendered };
}

/** What the passes end with: the last print, the pages found in it, and the document printed. */
interface Laid { pdf: Uint8Array; found: Map<string, number>; blanks: Set<string>; current: Rendered; passes: number; prints: number }

/**
 * Prints until the pages printed are the pages found. The first pass is the full print: with the pages
 * cut from the loaded page (optimistic), or with a known layout (the page cache), checked like any other.
 * A measuring pass (laid out, nothing painted, no structure tree or outline) follows a round of pulls.
 */
async function layOut(page: Page, plan: Plan, timings: Record<string, number>, finish: (laid: Laid) => Promise<FinishResult>, first: FirstPass, known?: PageLayout, release?: () => void): Promise<Laid & { finished: FinishResult }> {
  const { state } = first;
  let chars: Set<string> | undefined;
  for (let pass = 1; pass <= MAX_PASSES + 2 * state.pullRounds + state.remeasures; pass++) {
    const lap = stopwatch(timings, pass);
    const { measure } = state;
    let current: Rendered | undefined = pass === 1 ? first.rendered : plan.render((id) => state.pages.get(id), state.blanks, measure);
    lap('html');
    if (!chars) {
      [chars, [state.line, state.indexLine]] = [await loadDocument(page, plan.dir, current, measure), await lineHeights(page)];
      lap('load');
      // A known layout rendered its keeps from the start; else they are counted on the page just loaded.
      if (!known?.keeps?.size) await keepEnds(page, plan);
      lap('keeps');
      if (!known) current = await optimistic(page, plan, state, chars, current, lap) ?? current;
    } else await swapBody(page, current, chars, measure);
    lap('layout');
    // Chromium prints while Node makes what the finish needs of this document (the body's markup seeds the
    // file's ID) and lets its garbage go before the first print: what preparing and measuring the book left on
    // the heap (about 100 MB at 600 pages) would otherwise stand beside Chromium's print at the process tree's peak.
    const printing = page.pdf({ preferCSSPageSize: true, printBackground: true, outline: !measure, tagged: !measure, timeout: PDF_TIMEOUT });
    if (!measure) await whilePrinting(() => { current!.body(); if (!state.prints) { release?.(); collectGarbage(); } });
    let pdf: Uint8Array | undefined = await printing;
    if (!measure) state.prints++;
    lap(measure ? 'measure' : 'print');
    const at = measure ? readPositions(pdf) : undefined;
    const found = at ? new Map([...at].map(([id, a]) => [id, a.page])) : await readDestinations(pdf);
    lap('dests');
    const nextBlanks = rectoBlanks(plan.rectoAnchors, (id) => found.get(id), state.blanks);
    // Converged when the pages just printed would print themselves again: every number in the
    // contents and index is the page where its target landed, and no blank page moves. Ids whose
    // pages nothing prints (index entries, the editorial note) may move without costing a pass.
    if (!measure && sameSet(nextBlanks, state.blanks) && answersAlike(current.asked, (id) => found.get(id))) {
      // The pulls were decided on the measuring passes' marks; what pdftotext still finds on the print
      // (a mark miscounted, the index's end, the note beside the index) costs a round: a measuring pass
      // and a print, or the print alone when only the note moves. A known layout printed as it was known was decided on these very pages.
      const decided = known !== undefined && pass === 1;
      const laid = { pdf, found, blanks: state.blanks, current, passes: pass, prints: state.prints };
      const { more, finished } = await checkAndFinish(laid, state.pullRounds < MAX_PULL_ROUNDS && !decided ? plan : undefined, finish);
      lap('check');
      if (!more.length) return { ...laid, finished: await finished };
      pull(plan, state, more);
      // The note run on below the index moves nothing but the note, onto the index's page: printed again at once.
      const runOnOnly = more.length === 1 && more[0] === NOTE_RUN_ON;
      state.pages = runOnOnly ? runOnPages(found) : found;
      state.measure = !runOnOnly;
      continue;
    }
    // The measuring state goes before the next print: its bytes and markup are not kept.
    pdf = undefined;
    current = undefined;
    const numbered = state.pages.size > 0;
    state.pages = shiftForBlanks(found, state.blanks, nextBlanks);
    state.blanks = nextBlanks;
    if (at) afterMeasure(plan, state, markPulls(plan, { at, line: state.line, height: plan.trim.height * MM }, state.indexLine, found), numbered);
    else state.measure = false;
  }
  fail('TP034', { passes: MAX_PASSES + 2 * state.pullRounds + state.remeasures });
}

/**
 * The check of a print (shortEndPulls, skipped without `plan`) with its finish beside it: the check's
 * pdftotext runs while Node finishes the PDF, which is kept when the check asks for nothing.
 */
async function checkAndFinish(laid: Laid, plan: Plan | undefined, finish: (laid: Laid) => Promise<FinishResult>): Promise<{ more: string[]; finished: Promise<FinishResult> }> {
  const checking = plan ? shortEndPulls(laid.pdf, plan, laid.found) : Promise.resolve([]);
  const finished = finish(laid);
  finished.catch(() => undefined);
  return { more: await checking, finished };
}

/**
 * What follows a measuring pass. Section ends are read off its marks: pulls in the body move what
 * follows them, so the next pass measures again. The index's end and the note beside it are decided
 * only on a pass whose index printed its page numbers (the first pass has none, and its index is
 * shorter): when the first pass would pull there, the next pass measures with the numbers. Those
 * pulls move nothing printed after them but the note's page, so the print follows at once.
 */
function afterMeasure(plan: Plan, state: LoopState, more: { body: string[]; back: string[] }, numbered: boolean): void {
  if (state.pullRounds >= MAX_PULL_ROUNDS) { state.measure = false; return; }
  const back = numbered ? more.back : [];
  if (more.body.length || back.length) pull(plan, state, [...more.body, ...back]);
  if (more.body.length) return;
  if (!numbered && more.back.length) { state.remeasures++; return; }
  if (back.includes(NOTE_RUN_ON)) state.pages = runOnPages(state.pages);
  state.measure = false;
}

/** The pages once the editorial note runs on below a one-page index: what stood on the note's page stands on the index's. */
function runOnPages(pages: Map<string, number>): Map<string, number> {
  const [index, note] = [pages.get('back-index'), pages.get('note')];
  if (index === undefined || note === undefined) return pages;
  return new Map([...pages].map(([id, p]) => [id, p === note ? index : p]));
}

/** What the passes carry from one to the next. */
interface LoopState { pages: Map<string, number>; blanks: Set<string>; pullRounds: number; measure: boolean; line: number; indexLine: number; prints: number; remeasures: number }

function pull(plan: Plan, state: LoopState, ids: string[]): void {
  for (const id of ids) plan.pulls.add(id);
  state.pullRounds++;
}

/**
 * Section ends kept by the layout (render/ends.ts endKeeps): the lines of each run's last paragraphs
 * are counted on the page as loaded (on screen the body is as wide as the type area, pdf/layout.ts), the
 * classes decided from them are set on the page, and every later rendering carries them.
 */
async function keepEnds(page: Page, plan: Plan): Promise<void> {
  const lines = await page.evaluate((ids: string[]) => {
    const out: Record<string, number> = {};
    for (const id of ids) {
      const e = document.getElementById(id);
      const line = e ? parseFloat(getComputedStyle(e).lineHeight) : NaN;
      if (e && line > 0) out[id] = Math.round(e.getBoundingClientRect().height / line);
    }
    return out;
  }, endCandidates(plan.runs));
  for (const [id, c] of endKeeps(plan.runs, (id) => lines[id])) plan.keeps.set(id, c);
  if (!plan.keeps.size) return;
  await page.evaluate((keeps: [string, string[]][]) => {
    for (const [id, c] of keeps) document.getElementById(id)?.classList.add(...c);
  }, [...plan.keeps]);
}

/**
 * A first build's pages without a measuring pass: the page as loaded is cut into pages as Chromium's
 * print would cut it (pdf/paginate.ts), the document is rendered with those numbers and the parts that
 * changed (the contents, the index) are set on the page. Undefined when the page cannot be read so.
 */
async function optimistic(page: Page, plan: Plan, state: LoopState, chars: Set<string>, loaded: Rendered, lap: (step: string) => void): Promise<Rendered | undefined> {
  let probe: Probe;
  try {
    probe = await page.evaluate(PROBE) as Probe;
  } catch {
    return undefined;
  }
  lap('probe');
  const height = printPx(plan.trim.height - plan.trim.top - plan.trim.bottom);
  const laid = guessFromProbe(probe, height);
  const blanks = rectoBlanks(plan.rectoAnchors, (id) => laid.get(id), state.blanks);
  state.pages = shiftForBlanks(laid, state.blanks, blanks);
  state.blanks = blanks;
  if (runsOnBelowIndex(plan, state, noteBelow(probe, laid, height))) {
    pull(plan, state, [NOTE_RUN_ON]);
    state.pages = runOnPages(state.pages);
  }
  const current = plan.render((id) => state.pages.get(id), state.blanks, false);
  lap('cut');
  if (!await patchParts(page, loaded, current, chars)) await patchBody(page, current, chars);
  return current;
}

/** Points a run-on read from the loaded page spares beyond what a measuring pass's marks spare (pdf/marks.ts): a borderline note waits for the print's check. */
const PROBE_SLACK = 12;

/** True when the editorial note runs on below a one-page index, read from the loaded page (px) as pdf/marks.ts reads it from a measuring pass (pt). */
function runsOnBelowIndex(plan: Plan, state: LoopState, below: { indexEnd: number; note: number } | undefined): boolean {
  if (!below || !state.line || !state.indexLine) return false;
  const pt = 0.75;
  const indexLast = below.indexEnd * pt - state.indexLine + PROBE_SLACK;
  return noteFits(plan.trim.top * MM + indexLast, below.note * pt - state.line + PROBE_SLACK, (plan.trim.height - plan.trim.bottom) * MM);
}

/**
 * The loaded page brought to `current` part by part, when only parts outside the transcript changed (the
 * contents, the index, the note): the transcript's blocks are those of the loaded page (the same tree,
 * blank pages and pulls; the section ends' keeps were set on the page as counted), so only the parts whose
 * markup differs are parsed and set. False (nothing done) when that does not hold: then patchBody.
 */
async function patchParts(page: Page, loaded: Rendered, current: Rendered, chars: Set<string>): Promise<boolean> {
  const [before, after] = [loaded.tree.children, current.tree.children];
  // Blank pages may come or go before the parts around the transcript, not among its blocks.
  const inside = new Set(after.flatMap((n) => (n.type === 'element' && typeof n.properties.id === 'string' ? [n.properties.id] : [])));
  const moved = [...loaded.blanks, ...current.blanks].filter((id) => loaded.blanks.has(id) !== current.blanks.has(id));
  if (moved.some((id) => inside.has(id)) || loaded.pulls !== current.pulls.split(' ').filter((p) => p !== NOTE_RUN_ON).join(' ')) return false;
  if (before.length !== after.length) return false;
  const [was, now] = [aroundMain(loaded.tops()), aroundMain(current.tops())];
  if (!was || !now) return false;
  // Blocks of the transcript whose page numbers changed (an editor's note prints its reference's page).
  const changed = loaded.tree === current.tree ? [] : after.flatMap((node, i) => (sameNode(before[i]!, node) ? [] : [i]));
  const body = current.blocks(changed);
  if (!body || body.blocks.some(([at]) => at < 0)) return false;
  const parts = was.map((old, k) => (old.length === now[k]!.length ? now[k]!.flatMap((html, i) => (html === old[i] ? [] : [[i, html] as [number, string]])) : now[k]!.join('\n')));
  const done = await page.evaluate((parts: ([number, string][] | string)[], counts: number[], blocks: [number, string][], inMain: number) => {
    // No named functions in here: the page has no transpiler helpers (__name).
    const main = document.getElementById('body');
    const all = [...document.body.children];
    const at = main ? all.indexOf(main) : -1;
    const sides = [all.slice(0, at), all.slice(at + 1)];
    if (!main || at < 0 || sides[0]!.length !== counts[0] || sides[1]!.length !== counts[1] || main.children.length !== inMain) return false;
    const fresh: [HTMLCollection[number], DocumentFragment][] = [];
    const lists: [HTMLCollection[number][], [number, string][]][] = [[[...main.children], blocks]];
    parts.forEach((part, k) => { if (typeof part !== 'string') lists.push([sides[k]!, part]); });
    for (const [within, list] of lists) {
      for (const [i, html] of list) {
        const t = document.createElement('template');
        t.innerHTML = html;
        fresh.push([within[i]!, t.content]);
      }
    }
    if (fresh.some(([old, c]) => c.childElementCount !== 1 || c.firstElementChild!.tagName !== old.tagName)) return false;
    for (const [old, c] of fresh) old.replaceWith(c.firstElementChild!);
    // A side whose parts changed in number (a blank page came or went) is set anew as a whole.
    parts.forEach((part, k) => {
      if (typeof part !== 'string') return;
      for (const e of sides[k]!) e.remove();
      main.insertAdjacentHTML(k === 0 ? 'beforebegin' : 'afterend', part);
    });
    return true;
  }, parts, was.map((side) => side.length), body.blocks, body.count);
  if (done && newChars(parts.flat(2).filter((x) => typeof x === 'string').join('') + body.blocks.map(([, html]) => html).join(''), chars)) await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return done;
}

/** The parts before and after the transcript's `<main>` (the empty one in `tops`), undefined without it. */
function aroundMain(tops: string[]): [string[], string[]] | undefined {
  const at = tops.indexOf('');
  return at < 0 ? undefined : [tops.slice(0, at), tops.slice(at + 1)];
}

/** Sets a new body on the page, replacing only the top-level blocks whose markup changed (all of it when their number did). */
async function patchBody(page: Page, current: Rendered, chars: Set<string>): Promise<void> {
  const body = current.body();
  await page.evaluate((inner) => {
    const fresh = document.createElement('template');
    fresh.innerHTML = inner;
    const [was, now] = [[...document.body.children], [...fresh.content.children]];
    if (was.length !== now.length) { document.body.innerHTML = inner; return; }
    // Classes set on the loaded page (the section ends' keeps) are in the new markup too.
    was.forEach((e, i) => { if (e.outerHTML !== now[i].outerHTML) e.replaceWith(now[i]); });
  }, body);
  if (newChars(body, chars)) await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The line heights in points of the body (its first paragraph) and of the index (an entry), 0 when the page does not say. */
async function lineHeights(page: Page): Promise<[number, number]> {
  const px = await page.evaluate(() => ['main p', '#back-index li'].map((q) => { const e = document.querySelector(q); return e ? parseFloat(getComputedStyle(e).lineHeight) : NaN; }));
  const pt = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n * 0.75 : 0);
  return [pt(px[0]), pt(px[1])];
}

/** Paragraphs to pull onto a short section end's page, counted on a measuring pass's marks (pdf/marks.ts). */
function markPulls(plan: Plan, marks: Marks, indexLine: number, found: Map<string, number>): { body: string[]; back: string[] } {
  if (!marks.line) return { body: [], back: [] };
  const page = (id: string) => found.get(id);
  const { endOf, headingLow } = marksEndOf(marks, plan.runs);
  const ends = shortEndsOf(plan.runs, page, endOf, headingLow);
  const indexCut = indexPullOf(plan.indexEntries, page('back-index'), indexEnd(marks, plan.runs, indexLine), page);
  // The note beside a one-page index, in points from the page's top as pdftotext gives them.
  const below = noteBelowIndex(marks, plan.runs, indexLine, page);
  const runOn = below && noteFits(plan.trim.top * MM + below.indexLast, below.height, (plan.trim.height - plan.trim.bottom) * MM) ? [NOTE_RUN_ON] : [];
  const fresh = (ids: (string | undefined)[]) => ids.filter((id): id is string => id !== undefined && !plan.pulls.has(id));
  return { body: fresh(ends.map((e) => e.pull)), back: fresh([indexCut?.pull, ...runOn]) };
}

/** Paragraphs to pull onto the page of a section end that holds too few lines (render/ends.ts). */
async function shortEndPulls(pdf: Uint8Array, plan: Plan, found: Map<string, number>): Promise<string[]> {
  const lines = await pageLines(pdf, plan.trim, 0, plan.dir, Math.max(0, ...found.values()));
  if (!lines) return [];
  const page = (id: string) => found.get(id);
  const ends = [...shortEnds(plan.runs, plan.bodyEnd, page, lines), indexPull(plan.indexEntries, page('back-index'), page('note'), page, lines) ?? []].flat();
  // An index of one page and a short editorial note share the page (render/ends.ts noteRunsOn).
  const runOn = noteRunsOn(page('back-index'), page('note'), lines, (plan.trim.height - plan.trim.bottom) * MM) ? [NOTE_RUN_ON] : [];
  return [...ends.flatMap((e) => (e.pull ? [e.pull] : [])), ...runOn].filter((id) => !plan.pulls.has(id));
}

/** Loads the first pass's document; returns the characters it shows (a later pass waits for fonts only for new ones). */
async function loadDocument(page: Page, dir: string, current: Rendered, measure: boolean): Promise<Set<string>> {
  const file = join(dir, 'book.html');
  const doc = current.doc();
  writeFileSync(file, doc);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: PDF_TIMEOUT });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // The measuring document sets the glyphs page numbers add in every face (see measuring()).
  return new Set(measure ? doc + NUMBER_GLYPHS : doc);
}

/** Same page, new body: fonts and styles stay loaded, so a later pass costs only layout + print. */
async function swapBody(page: Page, current: Rendered, chars: Set<string>, measure: boolean): Promise<void> {
  const body = current.body();
  // A measuring pass hides the page again (its style is in the head, which the swap keeps).
  await page.evaluate((inner, styleId, hide) => {
    document.getElementById(styleId)?.remove();
    if (hide) document.head.append(Object.assign(document.createElement('style'), { id: styleId, textContent: hide }));
    document.body.innerHTML = inner;
  }, body, MEASURE_STYLE, measure ? HIDDEN : '');
  // Only characters the page has not shown yet can start a font download (a fallback face); the page
  // numbers filled in are usually digits it already has. (The head does not change between passes.)
  if (newChars(body, chars)) await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The finished PDF: boxes, bare openings, metadata and a fixed ID on the last print (pdf/finish.ts). */
async function finishBook(input: PdfInput, plan: Plan, laid: Laid & { finished: FinishResult }, timings: Record<string, number>): Promise<PdfResult> {
  const { view } = input;
  const { found, current, finished } = laid;
  const missing = plan.targets.filter((id) => !found.has(id));
  if (missing.length) plan.diagnostics.push(diagnostic('TP032', { reason: `no page found for ${missing.length} ids (${missing.slice(0, 5).join(', ')})` }));
  const names = { fontCss: `${input.keepHtml}.fonts.css`, printCss: `${input.keepHtml}.print.css` };
  const printFiles = input.keepHtml ? {
    html: plan.render((id) => found.get(id), laid.blanks, false, names).doc(),
    files: { [names.fontCss]: printFontCss(view.lang), [names.printCss]: readTemplate(input.templates, 'print.css') },
  } : undefined;
  // The whole final HTML is serialised only for a caller that reads it (the benchmark's floor).
  return { pdf: finished.pdf, diagnostics: plan.diagnostics, pageMap: found, passes: laid.passes, prints: laid.prints, get html() { return current.doc(); }, timings, printFiles };
}

/** The finished PDF of a print: boxes, bare openings, metadata and a fixed ID (pdf/finish.ts). */
async function finishPrint(input: PdfInput, plan: Plan, laid: Laid): Promise<FinishResult> {
  const { view } = input;
  const { found, current } = laid;
  const print = input.print ?? { bleed: false, rectoSections: false };
  const finishInput: FinishInput = {
    trim: TRIM_GEOMETRY[input.trim], bleed: print.bleed,
    bare: new Set(plan.openings.map((id) => found.get(id)).filter((n): n is number => n !== undefined)),
    meta: { title: view.title, author: view.author, subject: view.subtitle ?? view.description, keywords: view.subjects, lang: view.lang, date: input.date },
    idSeed: JSON.stringify([current.body(), plan.css, readTemplate(input.templates, 'print.css'), input.trim, print]),
  };
  return finishChromiumPdf(laid.pdf, finishInput);
}

/**
 * Runs `work` (Node's own) while Chromium prints: after the print command has gone out (page.pdf first waits
 * for the page's fonts), so that work does not hold the command back.
 */
async function whilePrinting(work: () => void): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 25));
  work();
}

/** The guessed pages (pdf/estimate.ts) of the body's ids, and of what the contents lists before and after the body, each a page. */
function guessPages(body: Root, trim: (typeof TRIM_GEOMETRY)[keyof typeof TRIM_GEOMETRY], pagePerSection: boolean, before: string[], after: string[]): Map<string, number> {
  const { pages, end } = estimatePages(body, trim, pagePerSection);
  const first = Math.min(...pages.values(), end);
  before.forEach((id, i) => pages.set(id, Math.max(1, first - before.length + i + 1)));
  after.forEach((id, i) => pages.set(id, end + i));
  return pages;
}

/** The id of the style that hides everything during the measuring pass. */
const MEASURE_STYLE = 'tp-measure';
/** A measuring pass's page: laid out, not painted. */
const HIDDEN = 'html { visibility: hidden !important; }';
/** What filling in page numbers adds to a page: digits, the range dash, the separators. */
const NUMBER_GLYPHS = '0123456789–,，、 ';

/**
 * The measuring pass's HTML: everything hidden (laid out, not painted), and the glyphs that page
 * numbers will add set once, out of the flow, in each face, so their font subsets are loaded before the
 * full pass and that pass need not wait for fonts.
 */
function measuring(doc: Root): void {
  // The document's own stacks, not each family alone: a family named alone is fetched and sanitised
  // even when the stack never reaches it (for zh-Hans, the TC and symbol faces: 5 files more, about
  // 2.5 s of Chromium's time on every first print).
  const faces = ['var(--serif)', 'var(--sans)'].flatMap((stack) => [400, 700].map((w) =>
    h('span', { style: `font: ${w} 1em ${stack}` }, NUMBER_GLYPHS)));
  append(doc, 'head', h('style', { id: MEASURE_STYLE }, HIDDEN));
  append(doc, 'body', h('div', { ariaHidden: 'true', style: 'position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: hidden' }, faces));
}


/** True if `html` has a character not in `seen` (which it then adds). */
function newChars(html: string, seen: Set<string>): boolean {
  let added = false;
  for (const c of html) if (!seen.has(c)) { seen.add(c); added = true; }
  return added;
}

/**
 * A full garbage collection, if V8 lets one be asked for (`gc`, exposed at run time; a no-op where it
 * cannot be). At 600 pages it takes Node's share of the print's peak PSS from about 290 to 190 MB.
 */
function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as (options?: object) => void;
    gc();
    // Then the collection V8 makes under memory pressure, which also gives back the pages it had kept for
    // reuse (about 25 MB at 600 pages); asked for alone, the flavour is not honoured by Node 20's V8.
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } catch { /* no collection: only memory is at stake */ }
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

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
