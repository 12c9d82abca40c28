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
 * For each printed page, the first element (in reading order) that begins on it → the page label.
 * A page no element begins on (a page filled by the end of one long paragraph) gets no marker: the
 * reader lands on the paragraph that runs onto it, which is where the print page's text starts too.
 * Page numbers that go backwards (a map from a different layout) are ignored rather than emitting a
 * page-list out of order, which reading systems would present as nonsense.
 */
export function pageBreaksFor(tree: Transcript, pageMap: Map<string, number>): Map<string, string> {
  const breaks = new Map<string, string>();
  let last = 0;
  for (const id of anchorIds(tree)) {
    const page = pageMap.get(id);
    if (page === undefined || page <= last) continue;
    breaks.set(id, String(page));
    last = page;
  }
  return breaks;
}
