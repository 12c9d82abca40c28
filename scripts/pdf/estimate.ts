// Page numbers guessed before anything is laid out, for the document first loaded only (its pages are
// then cut from the loaded page, pdf/paginate.ts). Without them the contents and index would have no
// numbers, and an index of unmerged locators (`0, 0, 0` for anchors that share a page) is longer than
// the index printed: the page cut from it, and the note beside it, would be off. A guess from the text's estimated lines
// (render/ems.ts, the measure the section ends use) sets the index about as long as it prints; nothing
// printed keeps a guessed number, as every later pass renders with the pages found.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { emWidth, LINE_EMS } from '../render/ems.ts';
import { TRIMS, typeWidth, type Trim } from './layout.ts';

/** Lines of body text a page of the narrowest trim holds (A5: 172 mm at 10.5 pt × 1.75). */
const A5_LINES = 26;
/** Lines a section heading takes with its space: on a page of its own (16 mm above), or following on. */
const HEAD_LINES = { page: 5, space: 3 };
/** Pages before the body: half-title, title page, colophon, contents. */
const FRONT_PAGES = 4;

export interface Guess {
  /** The body's ids with the page each is guessed on. */
  pages: Map<string, number>;
  /** The page after the body's last. */
  end: number;
}

/** Guessed pages of the body's ids at `trim`, sections opening a page or following on. */
export function estimatePages(body: Root, trim: Trim, pagePerSection: boolean): Guess {
  const a5 = TRIMS.A5;
  const lineEms = LINE_EMS * (typeWidth(trim) / typeWidth(a5));
  const perPage = Math.max(1, Math.floor(A5_LINES * ((trim.height - trim.top - trim.bottom) / (a5.height - a5.top - a5.bottom))));
  const pages = new Map<string, number>();
  let page = FRONT_PAGES + 1;
  let line = 0;
  const advance = (n: number) => { line += n; while (line >= perPage) { page++; line -= perPage; } };
  const mark = (n: Element | ElementContent | RootContent) => {
    if (n.type !== 'element') return;
    const id = n.properties?.id;
    if (typeof id === 'string' && !pages.has(id)) pages.set(id, page);
    for (const c of n.children) mark(c);
  };
  const walk = (nodes: (RootContent | ElementContent)[]) => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      if (n.tagName === 'section' && typeof n.properties?.id === 'string') {
        if (pagePerSection && line > 0) { page++; line = 0; }
        advance(pagePerSection ? HEAD_LINES.page : HEAD_LINES.space);
      }
      if (n.tagName === 'p' || /^h\d$/.test(n.tagName)) {
        mark(n);
        advance(Math.max(1, Math.ceil((2 + emWidth(toString(n))) / lineEms)));
        continue;
      }
      const id = n.properties?.id;
      if (typeof id === 'string' && !pages.has(id)) pages.set(id, page);
      walk(n.children);
    }
  };
  walk(body.children);
  return { pages, end: line > 0 ? page + 1 : page };
}
