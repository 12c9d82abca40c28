// The first build's page guess (pdf/paginate.ts): the loaded page's blocks cut into pages as Chromium's
// print cuts them. Pure functions on made-up leaves; the whole path (a first build printed once, its
// numbers checked against its own destinations) is tested on the seed in test/pdf.test.ts.
import { describe, expect, it } from 'vitest';
import { fragment, guessFromProbe, type Leaf, type Probe } from '../scripts/pdf/paginate.ts';

/** A paragraph of `lines` lines of 20 px at `top`. */
function para(top: number, lines: number, more: Partial<Leaf> = {}): Leaf & { after: string } {
  return { top, mtop: top, bottom: top + 20 * lines, lines, first: 20, step: 20, orphans: 2, widows: 2, forced: false, avoid: false, keep: false, name: 'body', col: -1, after: '', ...more };
}

describe('fragment', () => {
  it('breaks inside a paragraph at the last line that fits', () => {
    // Page of 100 px: the 8-line paragraph gives 5 lines, then 3.
    expect(fragment([para(0, 8)], () => 100, 0).map((s) => s.y)).toEqual([0, 100]);
  });

  it('keeps widows: two lines go over rather than one', () => {
    // 6 lines, 5 fit: a break after 5 would leave 1 (widows 2), so 4 stay.
    expect(fragment([para(0, 6)], () => 100, 0).map((s) => s.y)).toEqual([0, 80]);
  });

  it('moves a paragraph whole when orphans cannot be kept, and a heading with it', () => {
    const leaves = [para(0, 4), { ...para(80, 1), after: 'avoid' }, para(100, 3, { avoid: true })];
    // One line of the last paragraph would fit (orphans 2): break before it, but it avoids a break
    // after the heading, so the heading goes over too.
    expect(fragment(leaves, () => 120, 0).map((s) => s.y)).toEqual([0, 80]);
  });

  it('lets a short paragraph break against its widows rather than before it (Chromium keeps orphans)', () => {
    // 3 lines, 2 fit: orphans 2 kept, 1 widow; as Chromium prints a 3-line paragraph at a page foot.
    expect(fragment([para(0, 4), para(80, 3)], () => 120, 0).map((s) => s.y)).toEqual([0, 120]);
  });

  it('breaks inside a kept paragraph when the only other break is against a heading (both break an avoid: the later wins)', () => {
    const leaves = [{ ...para(0, 1), after: 'avoid' }, para(20, 8, { avoid: true, keep: true })];
    expect(fragment(leaves, () => 100, 0).map((s) => s.y)).toEqual([0, 100]);
  });

  it('breaks before a forced block, keeping its margin', () => {
    const leaves = [para(0, 1), para(40, 1, { forced: true, mtop: 30 })];
    expect(fragment(leaves, () => 500, 0).map((s) => s.y)).toEqual([0, 30]);
  });
});

describe('guessFromProbe', () => {
  it('numbers pages through a multi-column index after the body', () => {
    const body = [para(0, 10), para(200, 10)];
    // The index opens a page (forced) with a heading; its 30 entries of 20 px go two columns to a page.
    const index = [para(400, 1, { forced: true, name: 'index', mtop: 400 }),
      ...Array.from({ length: 30 }, (_, i) => para(420 + 20 * i, 1, { col: 0, name: 'index' }))];
    const note = [para(1020, 2, { forced: true, name: 'note', mtop: 1020 })];
    const probe: Probe = { leaves: [...body, ...index, ...note], cols: [2],
      ids: [['a', 10], ['b', 250], ['back-index', 400], ['last-entry', 1000], ['note', 1020]] };
    const pages = guessFromProbe(probe, 200);
    // Body: pages 1–2 (10 lines each); index from page 3: 9 rows × 2 columns under the heading, then 20 a page.
    expect(Object.fromEntries(pages)).toEqual({ a: 1, b: 2, 'back-index': 3, 'last-entry': 4, note: 5 });
  });
});
