// The two renderings of the index. Both read the same model and differ only where the medium does
// (STYLE.md §1): print collapses page ranges and links each number to where the PDF engine should
// find that page; the EPUB follows EPUB Indexes 1.0 and links every locator to its anchor.
// Markup is built with hastscript, so a term can never inject markup.
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { IndexEntry, IndexModel, IndexXref } from './model.ts';

/** Page number (as printed) of an element id, if known; the PDF writer's PageLookup. */
export type PageLookup = (id: string) => number | undefined;

/** Words of the index, from templates/<set>/lang/<tag>.json. */
export interface IndexStrings {
  /** Heading: 索引. */
  index: string;
  /** 见 */
  see: string;
  /** 参见 */
  seeAlso: string;
  [key: string]: string;
}

/** A printed locator: one page, or a run of pages `page–to`, linked to `anchor` (the first on `page`). */
export interface Locator {
  anchor: string;
  /** Undefined while the page is not known yet (the first PDF pass). */
  page?: number;
  to?: number;
}

/** Text printed where a page number is not known yet: one digit, so the first pass lays out alike. */
export const UNKNOWN_PAGE = '0';

/**
 * Print locators: repeats on one page merge into one number linked to the first anchor there, runs of
 * consecutive pages collapse to a range (12–14). An anchor whose page is unknown keeps a link of its
 * own, so the next pass learns its page from the link target (the PDF engine only knows pages of
 * elements something links to).
 */
export function printLocators(anchors: string[], pages: PageLookup): Locator[] {
  const firstOnPage = new Map<number, string>();
  const unknown: Locator[] = [];
  for (const anchor of anchors) {
    const page = pages(anchor);
    if (page === undefined) unknown.push({ anchor });
    else if (!firstOnPage.has(page)) firstOnPage.set(page, anchor);
  }
  const known = [...firstOnPage].sort(([a], [b]) => a - b);
  const out: Locator[] = [];
  for (const [page, anchor] of known) {
    const last = out[out.length - 1];
    if (last && (last.to ?? last.page!) + 1 === page) last.to = page;
    else out.push({ anchor, page });
  }
  return [...out, ...unknown];
}

/** EPUB locators: one per page (repeats merged, no ranges: every page stays a link of its own). */
export function epubLocators(anchors: string[], pages: PageLookup): { anchor: string; label: string }[] {
  const seen = new Set<number>();
  const out: { anchor: string; label: string }[] = [];
  for (const anchor of anchors) {
    const page = pages(anchor);
    if (page !== undefined && seen.has(page)) continue;
    if (page !== undefined) seen.add(page);
    // Without a print edition, a running number still gives each link a short, distinct label.
    out.push({ anchor, label: page !== undefined ? String(page) : String(out.length + 1) });
  }
  return out;
}

const joinWith = (items: ElementContent[][], sep: string): ElementContent[] =>
  items.flatMap((item, i) => (i ? [{ type: 'text' as const, value: sep }, ...item] : item));

function xrefs(kind: 'see' | 'seeAlso', refs: IndexXref[], strings: IndexStrings, epub: boolean): ElementContent[] {
  if (refs.length === 0) return [];
  const links = refs.map((r) => [r.target
    // EPUB Indexes 1.0: a cross-reference link holds the target's term as an index-term.
    ? h('a', { href: `#${r.target}`, ...(epub ? { 'epub:type': kind === 'see' ? 'index-xref-preferred' : 'index-xref-related' } : {}) },
      epub ? [h('span', { 'epub:type': 'index-term' }, r.term)] : [r.term])
    : h('span', r.term)]);
  return [{ type: 'text', value: ' ' }, h('span', { className: [`index-${kind === 'see' ? 'see' : 'see-also'}`] }, [
    // The words are italic, the terms upright: the usual way to tell a reference from a heading.
    h('i', strings[kind]), ' ', ...joinWith(links, strings.xrefSeparator ?? '；'),
  ])];
}

function printEntry(entry: IndexEntry, pages: PageLookup, strings: IndexStrings): ElementContent {
  const locators = printLocators(entry.anchors, pages).map((l) => {
    const first = h('a', { href: `#${l.anchor}` }, l.page === undefined ? UNKNOWN_PAGE : String(l.page));
    // A range is never broken at its dash (34–|36 would read as page 34 and a stray 36).
    return l.to !== undefined ? [h('span', { className: ['index-range'] }, [first, `–${l.to}`])] : [first];
  });
  return h('li', { id: entry.id, className: ['index-entry'] }, [
    h('span', { className: ['index-term'] }, entry.term),
    ...(locators.length ? [{ type: 'text' as const, value: ' ' }, h('span', { className: ['index-locators'] }, joinWith(locators, strings.locatorSeparator ?? ', '))] : []),
    ...xrefs('see', entry.see ? [entry.see] : [], strings, false),
    ...xrefs('seeAlso', entry.seeAlso, strings, false),
    ...(entry.sub.length ? [h('ul', { className: ['index-sub'] }, entry.sub.map((s) => printEntry(s, pages, strings)))] : []),
  ]);
}

/**
 * The index for the PDF: `<section id="index">`, letter groups, entries with linked page numbers.
 * Page numbers are printed as given; the PDF writer renders again with the pages it found.
 */
export function printIndexTree(index: IndexModel, pages: PageLookup, strings: IndexStrings): Element | null {
  if (index.groups.length === 0) return null;
  return h('section', { id: 'index', className: ['index'], role: 'doc-index', 'aria-labelledby': 'index-h' }, [
    h('h1', { id: 'index-h' }, strings.index),
    ...index.groups.map((g) => h('section', { id: `index-${g.letter === '#' ? 'other' : g.letter}`, className: ['index-group'] }, [
      h('h2', { className: ['index-letter'] }, g.letter),
      h('ul', { className: ['index-entries'] }, g.entries.map((e) => printEntry(e, pages, strings))),
    ])),
  ]);
}

function epubEntry(entry: IndexEntry, pages: PageLookup, strings: IndexStrings, hrefOf: (id: string) => string): ElementContent {
  const locators = epubLocators(entry.anchors, pages).map((l) => [h('a', { 'epub:type': 'index-locator', href: `${hrefOf(l.anchor)}#${l.anchor}` }, l.label)]);
  return h('li', { id: entry.id, 'epub:type': 'index-entry' }, [
    h('span', { 'epub:type': 'index-term' }, entry.term),
    ...(locators.length ? [{ type: 'text' as const, value: ' ' }, ...joinWith(locators, strings.locatorSeparator ?? ', ')] : []),
    ...xrefs('see', entry.see ? [entry.see] : [], strings, true),
    ...xrefs('seeAlso', entry.seeAlso, strings, true),
    ...(entry.sub.length ? [h('ul', { 'epub:type': 'index-entry-list' }, entry.sub.map((s) => epubEntry(s, pages, strings, hrefOf)))] : []),
  ]);
}

/**
 * The index for the EPUB, after EPUB Indexes 1.0, as a hast tree. Each locator links to its anchor in
 * the chapter file `hrefOf(id)` returns and is labelled with the print page number, so a reader can
 * cite the print edition. The section carries no `epub:type="index"`: the index document's body does
 * (epubcheck requires it of an index-only document, which then must not hold a second index).
 */
export function epubIndexTree(index: IndexModel, pages: PageLookup, strings: IndexStrings, hrefOf: (id: string) => string = () => ''): Element | null {
  if (index.groups.length === 0) return null;
  return h('section', { id: 'index', role: 'doc-index', 'aria-labelledby': 'index-h' }, [
    h('h1', { id: 'index-h' }, strings.index),
    ...index.groups.map((g) => h('section', { id: `index-${g.letter === '#' ? 'other' : g.letter}`, 'epub:type': 'index-group' }, [
      h('h2', g.letter),
      h('ul', { 'epub:type': 'index-entry-list' }, g.entries.map((e) => epubEntry(e, pages, strings, hrefOf))),
    ])),
  ]);
}
