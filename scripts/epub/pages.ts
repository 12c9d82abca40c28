// Print page numbers in the EPUB (EPUB 3 page-list): where each printed page begins, to the character.
//
// The PDF stage gives an id → page map (the page each element begins on, from the PDF's /Dests) and the
// text of every printed page. A page either begins with an element (a paragraph or section starting at
// its top) or in the middle of the element that runs onto it from the page before; then the page's
// first character is found by matching that element's text against the text of the two pages, and the
// marker goes inside the element at that character. Plain functions over the tree and strings, so a
// unit test needs neither a PDF nor a browser; the marker is inserted into the rendered hast by
// `insertPageMarkers` (a tree operation, no markup strings).
import type { Element, ElementContent, Text as HastText } from 'hast';
import { h } from 'hastscript';
import type { Node, Transcript } from '../model/types.ts';
import { inlineText, walk } from '../model/walk.ts';
import { setSpaces } from '../render/html.ts';

/** A page-break marker: the print page's label and the character of its element where it begins
 * (0 = before the element's first character). */
export interface PageMarker { label: string; offset: number }

interface Anchor { id: string; text: string }

/** The transcript's title opens the body: the same id in print (print.html) and EPUB (render/html.ts). */
export const TITLE_ID = 'body-h';

/** An element's text as the renderer sets it (setSpaces: a run of spaces is one), so that a marker's
 * offset counts the characters the rendered element holds (White House pages put two after a full stop). */
function anchorOf(n: Node): Anchor | undefined {
  if (n.type === 'title') return { id: TITLE_ID, text: setSpaces(inlineText(n.children)) };
  if (n.type === 'dateline' || n.type === 'paragraph') return { id: n.id, text: setSpaces(inlineText(n.children)) };
  if (n.type === 'section') return { id: n.id, text: n.heading };
  return undefined;
}

/** Elements that may carry a marker, in reading order, with their text as the renderer prints it. */
export function anchors(tree: Transcript): Anchor[] {
  const out: Anchor[] = [];
  walk(tree, (n) => { const a = anchorOf(n); if (a) out.push(a); });
  return out;
}

/** Element ids in reading order, as the shared renderer emits them (dateline, section, paragraphs). */
export function anchorIds(tree: Transcript): string[] {
  return anchors(tree).map((a) => a.id);
}

/** The letters and digits of a text (what survives a PDF's text extraction unchanged: no spaces,
 * hyphens of broken words or punctuation) with the offset of each in the original. */
export function keyOf(text: string, digits = true): { key: string; offsets: number[] } {
  let key = '';
  const offsets: number[] = [];
  const re = digits ? /[\p{L}\p{N}]/gu : /\p{L}/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) { key += m[0]; offsets.push(m.index); }
  return { key, offsets };
}

/** Characters matched on each side of a page boundary. */
const SPAN = 8;

/**
 * Where `text` (an element running from the page before onto this one) crosses from `prevPage` to
 * `page`: the offset of the first character printed on `page`, or undefined when the element does not
 * continue onto it. `from` is where the element's part on `prevPage` begins (a previous boundary).
 * The boundary is the one place where the text before it is on the previous page, the text after it on
 * this one, and the text across it (the two together) on neither.
 */
export function boundaryIn(text: string, prevPage: string, page: string, from = 0): number | undefined {
  // Letters and digits first; then letters alone, for a page that prints digits the element's text does
  // not hold (an editor's note number, 制止³) next to the boundary.
  return boundaryBy(text, prevPage, page, from, true) ?? boundaryBy(text, prevPage, page, from, false);
}

function boundaryBy(text: string, prevPage: string, page: string, from: number, digits: boolean): number | undefined {
  const { key, offsets } = keyOf(text, digits);
  const prev = keyOf(prevPage, digits).key;
  const cur = keyOf(page, digits).key;
  let start = 0;
  while (start < offsets.length && offsets[start] < from) start++;
  // The page before ends with the text before the boundary (its folio aside): a point whose sides are
  // both found, but whose text before it is not the page's end, is kept only if no point is (the words
  // after it may stand again on the next page: "pad the pockets of | big oil" … "Big Oil companies").
  const prevEnd = prev.replace(/\p{N}+$/u, '');
  let first: number | undefined;
  for (let j = start + 1; j < key.length; j++) {
    const after = key.slice(j, j + SPAN);
    if (!cur.includes(after)) continue;
    const before = key.slice(Math.max(start, j - SPAN), j);
    if (!prev.includes(before)) continue;
    // The text across the point, as long as the two sides checked (a short window, "ons|and", is found
    // elsewhere on an English page and would reject the true boundary).
    const across = before + after;
    if (prev.includes(across) || cur.includes(across)) continue;
    // Opening quotes and brackets go with the line they open.
    let at = offsets[j];
    while (at > offsets[j - 1] + 1 && /[\p{Ps}\p{Pi}]/u.test(text[at - 1])) at--;
    if (prevEnd.endsWith(before)) return at;
    first ??= at;
  }
  return first;
}

/**
 * Page-break markers: element id → markers inside it, in order.
 *
 * Each print page gets one marker. It goes at the character where the page begins: inside the element
 * that runs onto the page (found from `pageTexts`, the text of each printed page, index 0 = page 1), or
 * else before the first element that begins on it. Without page texts (or where the text cannot be
 * matched) a page no element begins on gets its marker at the nearest point the id → page map can name,
 * the start of the element running onto it. Pages after the last one an element begins on are followed
 * while the last element runs onto them (found in the page texts only). Page numbers that go backwards (a map from a different
 * layout) are ignored rather than emitting a page-list out of order.
 */
export function pageMarkersFor(tree: Transcript, pageMap: Map<string, number>, pageTexts: string[] = []): Map<string, PageMarker[]> {
  const markers = new Map<string, PageMarker[]>();
  const add = (id: string, marker: PageMarker) => markers.set(id, [...(markers.get(id) ?? []), marker]);
  // The elements with a known page, in reading order and never going backwards.
  const placed: (Anchor & { page: number })[] = [];
  for (const a of anchors(tree)) {
    // The title is not in the body markup the PDF stage maps; it opens the body, which is.
    const page = pageMap.get(a.id) ?? (a.id === TITLE_ID ? pageMap.get('body') : undefined);
    if (page === undefined || page < (placed.at(-1)?.page ?? 0)) continue;
    placed.push({ ...a, page });
  }
  if (!placed.length) return markers;
  let i = 0;
  let running: (Anchor & { from: number }) | undefined;
  const crossing = (page: number) => {
    const prevText = pageTexts[page - 2];
    const text = pageTexts[page - 1];
    return running && prevText !== undefined && text !== undefined ? boundaryIn(running.text, prevText, text, running.from) : undefined;
  };
  const lastPlaced = placed.at(-1)!.page;
  for (let page = placed[0].page; page <= lastPlaced; page++) {
    const at = crossing(page);
    if (running && at !== undefined) {
      add(running.id, { label: String(page), offset: at });
      running.from = at;
    } else if (placed[i]?.page === page) {
      add(placed[i].id, { label: String(page), offset: 0 });
    } else if (running) {
      add(running.id, { label: String(page), offset: running.from });
    }
    while (placed[i]?.page === page) running = { ...placed[i++], from: 0 };
  }
  // The last element may run on past the last page an element begins on (a body whose last page holds
  // only the end of a paragraph): those pages no element names, so only the page texts can place them.
  for (let page = lastPlaced + 1; ; page++) {
    const at = crossing(page);
    if (!running || at === undefined) break;
    add(running.id, { label: String(page), offset: at });
    running.from = at;
  }
  return markers;
}

function marker(label: string): Element {
  return h('span', { id: `pg${label}`, role: 'doc-pagebreak', 'aria-label': label, 'epub:type': 'pagebreak', className: ['pagebreak'] });
}

const classes = (e: Element): string[] => {
  const c: unknown = e.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(' ') : [];
};

/**
 * Puts the markers into rendered content (hast): for each element id, each marker goes at its offset
 * in the element's text — the speaker label and note numbers, which are not part of the paragraph's text, are skipped —
 * splitting a text node where the page begins mid-node. A marker at offset 0 opens the element.
 */
export function insertPageMarkers(content: ElementContent[], markers: Map<string, PageMarker[]>): ElementContent[] {
  const visit = (node: ElementContent) => {
    if (node.type !== 'element') return;
    const id = node.properties?.id;
    const list = typeof id === 'string' ? markers.get(id) : undefined;
    if (list) placeMarkers(node, list);
    for (const child of node.children) visit(child);
  };
  content.forEach(visit);
  return content;
}

function placeMarkers(element: Element, list: PageMarker[]) {
  const atStart = list.filter((m) => m.offset === 0).map((m) => marker(m.label));
  const inside = list.filter((m) => m.offset > 0).sort((a, b) => a.offset - b.offset);
  let seen = 0;
  // The space the renderer puts after the speaker label is not part of the paragraph's text either.
  let afterLabel = false;
  const split = (parent: Element) => {
    const out: ElementContent[] = [];
    for (const child of parent.children) {
      const labelSpace = afterLabel && child.type === 'text' ? /^\s*/.exec(child.value)![0] : '';
      afterLabel = child.type === 'element' && classes(child).includes('speaker');
      if (labelSpace) out.push({ type: 'text', value: labelSpace } satisfies HastText);
      if (child.type === 'text') {
        // Soft hyphens (added for print and reading systems) are not part of the element's text.
        let value = child.value.slice(labelSpace.length);
        let base = seen;
        const length = (v: string) => v.replaceAll('\u00AD', '').length;
        while (inside.length && inside[0].offset < base + length(value)) {
          const cut = indexAfter(value, inside[0].offset - base);
          if (cut > 0) out.push({ type: 'text', value: value.slice(0, cut) } satisfies HastText);
          out.push(marker(inside.shift()!.label));
          base += length(value.slice(0, cut));
          value = value.slice(cut);
        }
        if (value) out.push({ type: 'text', value });
        seen = base + length(value);
      } else if (child.type === 'element' && !classes(child).some((c) => c === 'speaker' || c === 'noteref')) {
        // A page that begins with an inline element (a topic, emphasis) gets its marker before the element,
        // not inside it: an index locator's anchor then follows its page's marker.
        while (inside.length && inside[0].offset === seen) out.push(marker(inside.shift()!.label));
        split(child);
        out.push(child);
      } else {
        out.push(child);
      }
    }
    parent.children = out;
  };
  split(element);
  // Markers past the end of the text (none expected) still go in, at the end, so no page is lost.
  element.children.unshift(...atStart);
  element.children.push(...inside.map((m) => marker(m.label)));
}

/** The index in `value` after `count` characters that are not soft hyphens. */
function indexAfter(value: string, count: number): number {
  let i = 0;
  for (let n = 0; n < count && i < value.length; i++) if (value[i] !== '\u00AD') n++;
  return i;
}
