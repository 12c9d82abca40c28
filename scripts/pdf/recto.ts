// Right-hand (recto) starts without `break-before: recto` (Chromium lacks it): from a rendered page map
// we decide before which elements a blank page goes so that each of them lands on an odd page.

/**
 * `anchors` in reading order, `pages` their pages in the layout that had blank pages before `current`.
 * Returns the anchors that need a blank page before them. Inserting or removing a blank page before
 * one anchor shifts every later one by a page, which the running `shift` accounts for; the sections
 * themselves keep their length because each starts on a fresh page anyway.
 */
export function rectoBlanks(anchors: string[], pages: (id: string) => number | undefined, current: ReadonlySet<string>): Set<string> {
  const next = new Set<string>();
  let shift = 0;
  for (const id of anchors) {
    const page = pages(id);
    if (page === undefined) continue;
    const had = current.has(id);
    const without = page + shift - (had ? 1 : 0);
    const need = without % 2 === 0;
    if (need) next.add(id);
    if (need !== had) shift += need ? 1 : -1;
  }
  return next;
}
