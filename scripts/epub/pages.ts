// Print page numbers in the EPUB (EPUB 3 page-list): from the PDF stage's id → page map, choose the
// one element per printed page where a page-break marker goes. A plain function over the tree, so a
// unit test needs neither a PDF nor a browser.
import type { Transcript } from '../model/types.ts';
import { walk } from '../model/walk.ts';

/** Element ids in reading order, as the shared renderer emits them (dateline, section, paragraphs). */
export function anchorIds(tree: Transcript): string[] {
  const ids: string[] = [];
  walk(tree, (n) => {
    if (n.type === 'dateline' || n.type === 'section' || n.type === 'paragraph') ids.push(n.id);
  });
  return ids;
}

/**
 * Page-break markers: element id → the print page labels whose marker goes just before it.
 *
 * Each page's marker sits at the first element (in reading order) that begins on it. A page no
 * element begins on (the middle of a long answer) still gets a marker, so a reader can go to any
 * printed page: it goes before the last element that began earlier, the one that runs onto that page, the nearest point
 * the id → page map can name (the page's first line lies inside that paragraph). Page numbers that go
 * backwards (a map from a different layout) are ignored rather than emitting a page-list out of order,
 * which reading systems would present as nonsense.
 */
export function pageBreaksFor(tree: Transcript, pageMap: Map<string, number>): Map<string, string[]> {
  const breaks = new Map<string, string[]>();
  let last = 0;
  let running: string | undefined;
  for (const id of anchorIds(tree)) {
    const page = pageMap.get(id);
    if (page === undefined || page < last) continue;
    // Another element on the same page: it is now the one running onto the next page.
    if (page === last) { running = id; continue; }
    if (running !== undefined && page > last + 1) {
      const labels = breaks.get(running) ?? [];
      for (let gap = last + 1; gap < page; gap++) labels.push(String(gap));
      breaks.set(running, labels);
    }
    breaks.set(id, [String(page)]);
    last = page;
    running = id;
  }
  return breaks;
}
