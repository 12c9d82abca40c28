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

/**
 * The page map a layout will have once the blank pages change from `before` to `after`, predicted from
 * the current map: an anchor starts a page, so everything on that page or later moves by one page per
 * blank added (or removed) in front of it. Predicting lets the next pass confirm the numbers instead
 * of discovering them, which saves a render.
 */
export function shiftForBlanks(pages: Map<string, number>, before: ReadonlySet<string>, after: ReadonlySet<string>): Map<string, number> {
  const moves: { from: number; by: number }[] = [];
  for (const id of after) if (!before.has(id) && pages.has(id)) moves.push({ from: pages.get(id)!, by: 1 });
  for (const id of before) if (!after.has(id) && pages.has(id)) moves.push({ from: pages.get(id)!, by: -1 });
  if (!moves.length) return pages;
  return new Map([...pages].map(([id, p]) => [id, p + moves.reduce((sum, m) => sum + (p >= m.from ? m.by : 0), 0)]));
}
