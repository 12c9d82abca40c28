// EPUB 3 writer: one XHTML document per question-and-answer section from the shared HTML renderer,
// package document, nav (toc, landmarks, page-list) and NCX from templates/default/epub/, packed by
// scripts/epub/ocf.ts into a byte-reproducible zip.
//
// epub-gen-memory was the first writer; it is no longer used. To meet the issue every one of its
// four templates had to be replaced, and what it still did on top was harmful: it re-serialises
// chapters with Chinese as numeric references and without data-* attributes, writes xml:lang="en"
// into the nav, takes a random UUID and the current time, and zips with jszip's "now" timestamps. A
// 50-line packager on yazl (scripts/epub/ocf.ts) gives us each byte, so nothing needs post-patching.
import type { Block, Matter, Note, Section, Transcript } from '../model/types.ts';
import { walk } from '../model/walk.ts';
import type { BookView } from '../render/variables.ts';
import { formatString } from '../lang/strings.ts';
import { typographyFor } from '../render/hyphenate.ts';
import { renderBlock, renderLabels, renderNotes, toMarkup, type RenderOptions } from '../render/html.ts';
import { checkBookTemplate, escapeXml, readTemplate, renderTemplate, templatePath, type TemplateSet } from '../render/templates.ts';
import { renderMustache } from '../core/mustache.ts';
import { cssProblems, xmlProblems } from '../core/markup.ts';
import { fail } from '../core/diagnostics.ts';
import { relative } from 'node:path';
import { insertPageMarkers, pageMarkersFor, TITLE_ID } from '../epub/pages.ts';
import type { Browser } from 'puppeteer-core';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { coverImages, coverSvg, type CoverFonts } from '../epub/cover.ts';
import { cssStack, fontsFor } from '../fonts.ts';
import { packOcf, type OcfEntry } from '../epub/ocf.ts';
import { isXmlPath, serializeXml, xmlDocument } from '../render/xml.ts';
import { epubFonts } from '../epub/font.ts';
import type { PageLookup } from './pdf.ts';

export interface EpubInput {
  tree: Transcript;
  view: BookView;
  templates: TemplateSet;
  /** Element id → print page number, from the PDF stage (for the page-list and index locators). */
  pageMap: Map<string, number>;
  /** The text of each printed page (index 0 = page 1), from the PDF stage: page markers go at the
   * character where each page begins. Without it they go at element starts. */
  pageTexts?: string[];
  /** The index for the EPUB (hast), given the print page numbers and the file each anchor lives in. */
  index: (pages: PageLookup, hrefOf: (id: string) => string) => Element | null;
  /** The editorial note (the document model); none gives the note document its heading only. */
  note?: Matter;
  /** Markdown front and back matter: a document each, in the navigation. */
  matter?: Matter[];
  /** The editor's notes: footnotes at the end of the document that calls them. */
  notes?: Note[];
  /** dcterms:modified and the zip timestamps (the context's build stamp, so builds reproduce). */
  modified: Date;
  /** The build's Chromium. Given, the cover ships as a PNG (drawn without it: epub/cover.ts); without
   * one (unit tests) as the SVG itself: valid and accessible, but calibre's Kindle conversion and store
   * thumbnailers ignore SVG covers. */
  browser?: () => Promise<Browser>;
  /** Long sections get a document each (`page`, the default); short ones share documents (`space`).
   * The same decision as print's (render/sections.ts sectionBreakFor). */
  sectionBreak?: 'page' | 'space';
  /** book.yaml `epub.embedFont`: embed every face the book is set in, cut to the characters used. */
  embedFont?: boolean;
  /** A volume (volume.ts): its parts, each a document of its own (the part's heading, dateline and
   * sections), nested in the navigation with their sections below. The tree then holds the parts. */
  parts?: { id: string; heading: string; block: Block; sections: Section[] }[];
  /** Receives the PNG cover and its thumbnail when drawn (the catalogue links them). */
  onCover?: (images: { cover: Uint8Array; thumbnail: Uint8Array }) => void;
}

/** One XHTML content document in the spine. */
interface Doc {
  id: string;
  href: string;
  title: string;
  /** epub:type of the body; EPUB Indexes 1.0 (as epubcheck reads it) wants exactly `index` on the body of an index-only document. */
  bodyType: 'frontmatter' | 'bodymatter' | 'backmatter' | 'index';
  /** Class on the body, for the few pages styled as a whole (the cover fills the screen). */
  bodyClass?: string;
  content: string;
  /** The hast `content` was serialised from; the fonts read its text (a template's fragment has none). */
  tree?: Root;
  properties?: string;
}

/** A document's body from its hast: the tree, kept for the fonts, and its one serialisation. */
function serialised(tree: Element | ElementContent[]): Pick<Doc, 'tree' | 'content'> {
  const root: Root = { type: 'root', children: Array.isArray(tree) ? tree : [tree] };
  return { tree: root, content: toMarkup(root, 'xhtml') };
}

interface TocItem { id: string; href: string; label: string; children: TocItem[]; playOrder?: number }

const OEBPS = 'EPUB';

/** `2024-03-07T00:00:00Z`: the form dcterms:modified requires (no milliseconds). */
export function modifiedStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Text length at which a section fills a reading screen or more: it gets a document of its own. */
export const SECTION_DOC_CHARS = 1500;

/**
 * Sections grouped into content documents. With `page` each section is a document, as print gives
 * each a page; with `space` a section of SECTION_DOC_CHARS characters or more stands alone and shorter
 * ones join the document before them until it holds that much. The lead (title, dateline) opens the
 * first document; when there is none, the first section does, so no document is empty.
 */
export function groupSections(lead: Block[], sections: Section[], mode: 'page' | 'space' = 'space'): { lead: Block[]; sections: Section[] }[] {
  const size = (b: Block) => { let n = 0; walk(b, (x) => { if (x.type === 'text') n += x.value.length; }); return n; };
  const groups: { lead: Block[]; sections: Section[]; chars: number }[] = [{ lead, sections: [], chars: lead.reduce((n, b) => n + size(b), 0) }];
  for (const s of sections) {
    const chars = size(s);
    const last = groups[groups.length - 1];
    const empty = last.sections.length === 0 && last.lead.length === 0;
    if (empty || (mode === 'space' && chars < SECTION_DOC_CHARS && last.chars < SECTION_DOC_CHARS)) {
      last.sections.push(s);
      last.chars += chars;
    } else groups.push({ lead: [], sections: [s], chars });
  }
  return groups;
}

/** Where each element id lives, so links written as `#id` (index, note) can point into the right file. */
function idFiles(docs: { href: string; tree: Block[] }[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const doc of docs) {
    for (const block of doc.tree) {
      walk(block, (n) => {
        const id = n.type === 'title' ? TITLE_ID : (n as { id?: string }).id;
        if (id && !files.has(id)) files.set(id, doc.href);
        // Index anchors inside a speaker label (index/match.ts).
        if (n.type === 'speaker') for (const a of n.anchors ?? []) files.set(a.id, doc.href);
      });
    }
  }
  return files;
}

/** Points links written as `#id` at `file.xhtml#id` for ids that live in another document (in place, on the tree). */
export function relink(nodes: ElementContent[], files: Map<string, string>, self: string): ElementContent[] {
  for (const node of nodes) {
    visit(node, 'element', (e: Element) => {
      const href = e.properties.href;
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      const file = files.get(href.slice(1));
      if (file && file !== self) e.properties.href = `${file}${href}`;
    });
  }
  return nodes;
}

/**
 * The editorial note's document: its heading and the note's blocks, its links pointed at the files
 * their targets live in.
 */
function editorialNote(heading: string, blocks: Block[], files: Map<string, string>, options: RenderOptions): Element {
  const note = relink(blocks.flatMap((b) => renderBlock(b, options)), files, 'note.xhtml');
  return h('section', { 'epub:type': 'appendix', role: 'doc-appendix', className: ['editorial-note'], 'aria-labelledby': 'note-h' },
    ['\n', h('h1', { id: 'note-h' }, heading), '\n', ...note, '\n']);
}

/**
 * The one place that says which fonts draw a cover in `lang`: the print edition's faces for that
 * language (scripts/fonts.ts), their files the only fonts the cover's renderer is given (a name the
 * template asks for that none of them has is drawn in the language's serif).
 */
export function coverFonts(lang: string): CoverFonts {
  const fonts = fontsFor(lang);
  return {
    serif: cssStack(fonts.serif.map((f) => f.family), 'serif'), sans: cssStack(fonts.sans.map((f) => f.family), 'sans-serif'),
    faces: fonts,
  };
}

/** The EPUB's templates and how each is read: a book may bring its own copy of any of them. */
const EPUB_TEMPLATES: [string, 'xml' | 'fragment' | 'css'][] = [
  ['epub/document.xhtml', 'xml'], ['epub/package.opf', 'xml'], ['epub/toc.ncx', 'xml'], ['epub/nav.xhtml', 'fragment'],
  ['epub/cover.xhtml', 'fragment'], ['epub/titlepage.xhtml', 'fragment'], ['epub/colophon.xhtml', 'fragment'],
  ['epub.css', 'css'], ['epub/font.css', 'css'],
];

/**
 * The output gate (issue #22): every XML document of the EPUB is parsed with a real XML parser and
 * every stylesheet read, and the book is refused (TP120) unless each is well-formed, declares no DOCTYPE
 * but `<!DOCTYPE html>` and no entity, runs no script and loads nothing from outside the book.
 */
export function gateEntries(entries: OcfEntry[], templates: TemplateSet): void {
  for (const e of entries) {
    if (typeof e.data !== 'string') continue;
    const isXml = isXmlPath(e.path);
    if (!isXml && !e.path.endsWith('.css')) continue;
    const problems = isXml ? xmlProblems(e.data) : cssProblems(e.data);
    const p = problems[0];
    if (!p) continue;
    const own = templates.dirs.length > 1 ? relative(process.cwd(), templates.dirs[0]) : '';
    const reason = p.kind === 'malformed' ? 'is not well-formed XML' : p.kind === 'doctype' || p.kind === 'entity' ? 'declares a DOCTYPE or entities'
      : p.kind === 'remote' ? 'loads a file from outside the book' : 'holds script';
    fail('TP120', { doc: e.path, reason, what: p.what,
      fix: own ? `the book's own templates (${own}) made it: fix the template that writes ${e.path.replace(/^EPUB\//, '')} (its markup, or a {{{triple}}} tag that should be {{double}}), or remove the book's copy`
        : 'the template set made it: fix the template, or report the book if it uses the default templates' },
    { file: e.path, line: p.line, column: p.column, excerpt: e.data.split('\n')[p.line - 1]?.slice(0, 200) });
  }
}

/**
 * What can be known about the EPUB before anything renders (build.ts calls it before the PDF): a
 * book's own EPUB templates follow the print page's rules, named at their own lines (TP121, TP122),
 * and the cover is XML without entities (TP122, TP127).
 */
export function preflightEpub(view: BookView, templates: TemplateSet): void {
  for (const [file, kind] of EPUB_TEMPLATES) checkBookTemplate(templates, file, kind);
  checkBookTemplate(templates, 'cover.svg', 'xml', 'declarations');
  coverSvg(view, templates, coverFonts(view.lang));
}

/** What the body's content documents are: the parts of a volume, or the transcript's sections grouped. */
interface BodyDoc { id: string; href: string; title: string; tree: Block[] }

/** The EPUB's files, stage by stage: cover, content documents, navigation, package, then the zip. */
export async function writeEpub(input: EpubInput): Promise<Uint8Array> {
  const { view, templates } = input;
  preflightEpub(view, templates);
  const markers = pageMarkersFor(input.tree, input.pageMap, input.pageTexts);
  const cover = await drawCover(input);
  const body = bodyDocuments(input);
  const docs = contentDocuments(input, body, markers, cover.href);
  const nav = navigation(input, body, docs, markers);
  docs[docs.findIndex((d) => d.id === 'nav')].content = epubFragment(input, 'nav.xhtml', nav);
  // The fonts go last: embedded faces are cut to the characters of every document, navigation included.
  // The documents' own trees where they were built as hast; titles are text.
  const text = (value: string): Root => ({ type: 'root', children: [{ type: 'text', value }] });
  const fonts = await epubFonts(view.lang, [...docs.flatMap((d) => [text(d.title), d.tree ?? d.content]), text(view.title)], !!input.embedFont);
  const entries = ocfEntries(input, docs, nav, fonts, cover);
  // Every XML document passes the one gate (render/xml.ts): nothing XML forbids reaches the zip.
  const final = entries.map((e) => (isXmlPath(e.path) && typeof e.data === 'string' ? { ...e, data: xmlDocument(e.data) } : e));
  gateEntries(final, templates);
  return packOcf(final, input.modified);
}

/** One of the EPUB's fragment templates (templates/<set>/epub/), laid out with the book's variables. */
function epubFragment(input: EpubInput, file: string, extra: object = {}): string {
  return renderTemplate(input.templates, `epub/${file}`, { ...input.view, strings: input.view.strings, ...extra });
}

/** How the body text is rendered in XHTML: the book's labels, typography and the editor's notes. */
function epubRenderOptions(input: EpubInput): RenderOptions {
  const strings = input.view.strings;
  return {
    flavour: 'xhtml',
    labels: renderLabels(strings), ...typographyFor(input.view.lang),
    notes: input.notes ?? [],
    noteWords: { notes: strings.notes!, page: strings.notePage!, back: strings.noteBack! },
  };
}

/** The cover: a PNG drawn from the SVG in a build (one that has a browser for its print edition), else
 * (the writer called alone, as unit tests do) the SVG itself. */
async function drawCover(input: EpubInput): Promise<{ href: string; mediaType: string; data: Uint8Array | string }> {
  const faces = coverFonts(input.view.lang);
  const svg = xmlDocument(coverSvg(input.view, input.templates, faces));
  const images = input.browser ? await coverImages(svg, faces) : null;
  if (images) input.onCover?.(images);
  return images
    ? { href: 'cover.png', mediaType: 'image/png', data: images.cover }
    : { href: 'cover.svg', mediaType: 'image/svg+xml', data: svg };
}

/**
 * The body's documents: the title and dateline (and anything before the first question) open the body
 * matter; a long section is a document of its own, so reading systems start it on a new screen, while
 * short ones (a daily briefing's exchanges) share a document: no near-empty screens, no empty lead.
 * A volume has a document per part instead.
 */
function bodyDocuments(input: EpubInput): { lead: Block[]; sections: Section[]; docs: BodyDoc[]; files: Map<string, string> } {
  const { tree, view } = input;
  const lead = tree.children.filter((c) => c.type !== 'section');
  const sections = tree.children.filter((c): c is Section => c.type === 'section');
  const docs: BodyDoc[] = input.parts
    ? input.parts.map((p) => ({ id: p.id, href: `${p.id}.xhtml`, title: p.heading, tree: [p.block] }))
    : groupSections(lead, sections, input.sectionBreak ?? 'page').map((group, i) => ({
      id: i === 0 ? 'lead' : group.sections[0].id,
      href: i === 0 ? 'lead.xhtml' : `${group.sections[0].id}.xhtml`,
      title: i === 0 && group.lead.length ? view.transcriptTitle || view.title : group.sections[0]?.heading ?? view.title,
      tree: [...group.lead, ...group.sections] as Block[],
    }));
  return { lead, sections, docs, files: idFiles(docs) };
}

type Markers = ReturnType<typeof pageMarkersFor>;

/** Every XHTML document in spine order: cover, title page, nav (filled in later), matter, body, index, note, colophon. */
function contentDocuments(input: EpubInput, body: ReturnType<typeof bodyDocuments>, markers: Markers, coverHref: string): Doc[] {
  const { view } = input;
  const strings = view.strings;
  const options = epubRenderOptions(input);
  const matter = input.matter ?? [];
  const matterDoc = (m: Matter): Doc => ({ id: m.id, href: `${m.id}.xhtml`, title: m.title, bodyType: m.place === 'front' ? 'frontmatter' : 'backmatter',
    ...serialised(renderBlock(m, options)) });
  // The index gets the print page numbers; an empty index (no topics yet) is left out altogether
  // rather than shipped as an empty page that the metadata would then have to claim.
  const pages: PageLookup = (id) => input.pageMap.get(id);
  const indexTree = input.index(pages, (id) => body.files.get(id) ?? '');

  return [
    { id: 'cover', href: 'cover.xhtml', title: strings.cover, bodyType: 'frontmatter', bodyClass: 'cover-page',
      content: epubFragment(input, 'cover.xhtml', { coverHref, coverAlt: formatString(strings, 'coverAlt', view) }) },
    { id: 'titlepage', href: 'titlepage.xhtml', title: view.title, bodyType: 'frontmatter', content: epubFragment(input, 'titlepage.xhtml') },
    { id: 'nav', href: 'nav.xhtml', title: strings.contents, bodyType: 'frontmatter', properties: 'nav', content: '' },
    ...matter.filter((m) => m.place === 'front').map(matterDoc),
    // The lead carries the notes called from before the first section; each section carries its own.
    ...body.docs.map((d): Doc => ({ id: d.id, href: d.href, title: d.title, bodyType: 'bodymatter',
      ...serialised(insertPageMarkers([...d.tree.flatMap((b) => renderBlock(b, options)), ...(d.id === 'lead' ? renderNotes(null, options) : [])], markers)) })),
    ...matter.filter((m) => m.place === 'back').map(matterDoc),
    ...(indexTree ? [{ id: 'index', href: 'index.xhtml', title: strings.index, bodyType: 'index', properties: 'index', ...serialised(indexTree) } satisfies Doc] : []),
    { id: 'note', href: 'note.xhtml', title: strings.editorialNote, bodyType: 'backmatter',
      ...serialised(editorialNote(strings.editorialNote, input.note?.children ?? [], body.files, options)) },
    { id: 'colophon', href: 'colophon.xhtml', title: strings.colophon, bodyType: 'backmatter', content: epubFragment(input, 'colophon.xhtml') },
  ];
}

interface PageTarget { href: string; label: string; playOrder?: number }
interface Navigation { toc: TocItem[]; landmarks: { type: string; href: string; label: string }[]; pageList: PageTarget[] }

/** The navigation: contents, landmarks and page-list, with the NCX's play order. */
function navigation(input: EpubInput, body: ReturnType<typeof bodyDocuments>, docs: Doc[], markers: Markers): Navigation {
  const strings = input.view.strings;
  const doc = (id: string) => docs.find((d) => d.id === id);
  const landmarks = [
    { type: 'cover', href: 'cover.xhtml', label: strings.cover },
    { type: 'titlepage', href: 'titlepage.xhtml', label: strings.titlePage },
    { type: 'toc', href: 'nav.xhtml#toc', label: strings.contents },
    { type: 'bodymatter', href: body.docs[0]?.href ?? 'lead.xhtml', label: strings.bodymatter },
    // A volume: a landmark for each part (the SSV's `part`).
    ...(input.parts ?? []).map((p) => ({ type: 'part', href: `${p.id}.xhtml`, label: p.heading })),
    ...(doc('index') ? [{ type: 'index', href: 'index.xhtml', label: strings.index }] : []),
    { type: 'colophon', href: 'colophon.xhtml', label: strings.colophon },
  ];
  const pageList = [...markers].flatMap(([id, list]) => list.map((m) => ({ href: `${body.files.get(id)}#pg${m.label}`, label: m.label })))
    .sort((a, b) => Number(a.label) - Number(b.label));
  const toc = contents(input, body, docs);
  assignPlayOrder(docs, toc, pageList);
  return { toc, landmarks, pageList };
}

/** Contents: front matter, the transcript with its questions nested (or a volume's parts), then the back matter. */
function contents(input: EpubInput, body: ReturnType<typeof bodyDocuments>, docs: Doc[]): TocItem[] {
  const { view } = input;
  const matter = input.matter ?? [];
  const item = (d: Doc, children: TocItem[] = [], label = d.title): TocItem => ({ id: d.id, href: d.href, label, children });
  const doc = (id: string) => docs.find((d) => d.id === id);
  const listed = new Map(view.toc.map((t) => [t.id, t.contents]));
  return [
    // Labelled "title page", not with the title again: the next entry is the transcript's own, similar title.
    item(doc('titlepage')!, [], view.strings.titlePage),
    ...matter.filter((m) => m.place === 'front').map((m) => item(doc(m.id)!)),
    // A volume: each part, its sections below it.
    ...(input.parts ?? []).map((p) => item(doc(p.id)!, p.sections.map((s) => ({ id: s.id, href: `${p.id}.xhtml#${s.id}`, label: s.heading, children: [] })))),
    // The same entries as the print contents (render/variables.ts contentsHeadings).
    ...(input.parts ? [] : [item(doc('lead')!, body.sections.filter((s) => listed.get(s.id) !== null).map((s) => {
      // A section opens its document, or sits inside one it shares with others (file.xhtml#s4).
      const file = body.files.get(s.id)!;
      const opens = body.docs.find((d) => d.href === file)?.tree.find((b) => b.type === 'section') === s;
      return { id: s.id, href: opens && !(file === 'lead.xhtml' && body.lead.length) ? file : `${file}#${s.id}`, label: listed.get(s.id) ?? s.heading, children: [] };
    }), view.transcriptTitle || view.title)]),
    ...matter.filter((m) => m.place === 'back').map((m) => item(doc(m.id)!)),
    ...(doc('index') ? [item(doc('index')!)] : []),
    item(doc('note')!),
    item(doc('colophon')!),
  ];
}

/**
 * NCX playOrder follows reading order: documents in spine order, page targets inside their file.
 * Entries that point at the same place share one playOrder (epubcheck RSC-005 otherwise): a section
 * that opens the lead document has the lead's own href.
 */
function assignPlayOrder(docs: Doc[], toc: TocItem[], pageList: PageTarget[]): void {
  const spineIndex = new Map(docs.map((d, i) => [d.href, i]));
  const order = [
    ...toc.flatMap((t) => [t, ...t.children]).map((t) => ({ key: [spineIndex.get(t.href.split('#')[0])!, -1], target: t as { href: string; playOrder?: number } })),
    ...pageList.map((p, i) => ({ key: [spineIndex.get(p.href.split('#')[0])!, i], target: p as { href: string; playOrder?: number } })),
  ].sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  const playOrders = new Map<string, number>();
  for (const o of order) {
    if (!playOrders.has(o.target.href)) playOrders.set(o.target.href, playOrders.size + 1);
    o.target.playOrder = playOrders.get(o.target.href);
  }
}

type EpubFonts = Awaited<ReturnType<typeof epubFonts>>;

/** The package document: metadata, manifest, spine and the accessibility claims this book can make. */
function packageDocument(input: EpubInput, docs: Doc[], nav: Navigation, fonts: EpubFonts, cover: { href: string; mediaType: string }): string {
  const { view } = input;
  const hasIndex = docs.some((d) => d.id === 'index');
  const features = ['tableOfContents', 'readingOrder', 'structuralNavigation', 'alternativeText', 'displayTransformability',
    ...(hasIndex ? ['index'] : []), ...(nav.pageList.length ? ['pageNavigation', 'printPageNumbers'] : [])];
  const manifest = [
    ...docs.map((d) => ({ id: d.id, href: d.href, mediaType: 'application/xhtml+xml', properties: d.properties })),
    { id: 'cover-image', href: cover.href, mediaType: cover.mediaType, properties: 'cover-image' },
    { id: 'css', href: 'epub.css', mediaType: 'text/css' },
    ...fonts.faces.map((f, i) => ({ id: `font-${i + 1}`, href: f.href, mediaType: 'font/woff' })),
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
  ];
  return epubFragment(input, 'package.opf', {
    modified: modifiedStamp(input.modified), manifest,
    // The page-list's numbers are the print edition's: say so (EPUB 3 `source-of pagination`; Ace
    // calls its absence serious). epubcheck 4.2 does not know a11y:pageBreakSource yet.
    printSource: nav.pageList.length ? formatString(view.strings, 'printEdition', view) : undefined, spine: docs.map((d) => d.id),
    a11y: {
      accessMode: ['textual', 'visual'], accessModeSufficient: ['textual'], features,
      // The summary names only what this book has (no index or page-list claimed when absent).
      summary: formatString(view.strings, 'accessibilitySummary', { index: hasIndex, pageList: nav.pageList.length > 0 }), conformsTo: 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA',
    },
  });
}

/** META-INF/container.xml (OCF 3.3 §3.5.2.1): where the package document is, one line per element. */
const CONTAINER = serializeXml({ type: 'root', children: [
  { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' },
  { type: 'element', name: 'container', attributes: { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, children: [
    { type: 'text', value: '\n' },
    { type: 'element', name: 'rootfiles', attributes: {}, children: [
      { type: 'text', value: '\n' },
      { type: 'element', name: 'rootfile', attributes: { 'full-path': `${OEBPS}/package.opf`, 'media-type': 'application/oebps-package+xml' }, children: [] },
      { type: 'text', value: '\n' },
    ] },
    { type: 'text', value: '\n' },
  ] },
  { type: 'text', value: '\n' },
] }, { closeEmpty: true });

/** The zip's entries in order: container, package, NCX, each document in its wrapper, stylesheet, fonts, cover. */
function ocfEntries(input: EpubInput, docs: Doc[], nav: Navigation, fonts: EpubFonts, cover: { href: string; mediaType: string; data: Uint8Array | string }): OcfEntry[] {
  const { view, templates } = input;
  const { toc, pageList } = nav;
  const css = readTemplate(templates, 'epub.css') + renderTemplate(templates, 'epub/font.css', fonts);
  const ncx = epubFragment(input, 'toc.ncx', { toc, pageList, pageCount: pageList.length, maxPage: pageList.length ? pageList[pageList.length - 1].label : 0 });
  const wrapperFile = relative(process.cwd(), templatePath(templates, 'epub/document.xhtml'));
  const wrapper = readTemplate(templates, 'epub/document.xhtml');
  return [
    { path: 'META-INF/container.xml', data: CONTAINER },
    { path: `${OEBPS}/package.opf`, data: packageDocument(input, docs, nav, fonts, cover) },
    { path: `${OEBPS}/toc.ncx`, data: ncx },
    ...docs.map((d) => ({ path: `${OEBPS}/${d.href}`, data: renderMustache(wrapper, { lang: view.lang, docTitle: d.title, bodyType: d.bodyType, bodyClass: d.bodyClass, content: d.content }, { file: wrapperFile, escape: escapeXml }) })),
    { path: `${OEBPS}/epub.css`, data: css },
    ...fonts.faces.map((f) => ({ path: `${OEBPS}/${f.href}`, data: f.data })),
    { path: `${OEBPS}/${cover.href}`, data: cover.data },
  ];
}
