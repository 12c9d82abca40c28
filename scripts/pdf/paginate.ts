// Pages guessed from the page as loaded, for a first build's one optimistic print. On screen the body is
// as wide as the type area (pdf/layout.ts), so every block is set in the lines it prints in; what print
// adds is the cutting into pages. That is redone here as Chromium's block fragmentation does it in the
// common case: forced breaks (break-before/after: page, a change of named page), the last breakpoint
// that fits, one that avoids a break (break-before/after/inside: avoid, orphans and widows) preferred
// over one that does not, margins cut at an unforced break and kept after a forced one, a multi-column
// block (the index) filled column by column. Nothing printed trusts it: the writer prints with these
// numbers and checks the print's own destinations, falling back to measuring when one differs.

/** One block laid out as a unit of lines (a paragraph, a heading), or whole (a grid, a flex box). */
export interface Leaf {
  /** Top of the outermost box opening here (border edge), and that less its margin (kept after a forced break). */
  top: number; mtop: number; bottom: number;
  /** Lines and their height; 1 line of the whole height when it does not break. */
  lines: number; /** The first line's height (a label can make it taller), then each line's. */ first: number; step: number; orphans: number; widows: number;
  forced: boolean; avoid: boolean;
  /** Inside a box with break-inside: avoid: a break between its lines is allowed, as the last resort before none. */
  keep: boolean;
  name: string;
  /** Index of the multi-column block it lies in (its columns and their count), -1 when none. */
  col: number;
}

export interface Probe { leaves: Leaf[]; ids: [string, number][]; cols: number[] }

/**
 * The probe run in the page (a string, so no transpiler helper reaches it): a multi-column block is
 * set as one column of its column's width while it is read, then restored. Returns leaves in order and
 * every id's height on the page (an inline's middle: the line it stands on).
 */
export const PROBE = `(() => {
  const px = (v) => parseFloat(v) || 0;
  const BLOCK = new Set(['block', 'list-item', 'flex', 'grid', 'table', 'flow-root']);
  const FORCED = new Set(['page', 'left', 'right', 'recto', 'verso']);
  const multi = [...document.querySelectorAll('body *')].filter((e) => { const c = getComputedStyle(e); return c.display !== 'none' && Number(c.columnCount) > 1; });
  const cols = [], saved = [];
  for (const e of multi) {
    const c = getComputedStyle(e); const n = Number(c.columnCount); const w = e.getBoundingClientRect().width;
    cols.push(n); saved.push(e.getAttribute('style'));
    e.style.columns = 'auto'; e.style.width = ((w - px(c.columnGap) * (n - 1)) / n) + 'px';
  }
  const y0 = window.scrollY, leaves = [];
  let pend = null, last = null;
  const walk = (e, name, col, keep) => {
    const c = getComputedStyle(e);
    if (c.display === 'none' || c.position === 'absolute' || c.position === 'fixed' || !BLOCK.has(c.display)) return;
    const r = e.getBoundingClientRect();
    const own = c.page && c.page !== 'auto' ? c.page : name;
    const ci = multi.indexOf(e); const inCol = ci >= 0 ? ci : (c.columnSpan === 'all' ? -1 : col);
    pend ??= { top: Infinity, mtop: Infinity, forced: false, avoid: false };
    pend.top = Math.min(pend.top, r.top + y0); pend.mtop = Math.min(pend.mtop, r.top + y0 - Math.max(0, px(c.marginTop)));
    if (FORCED.has(c.breakBefore)) pend.forced = true;
    if (c.breakBefore.startsWith('avoid')) pend.avoid = true;
    const kids = [...e.children].filter((k) => BLOCK.has(getComputedStyle(k).display));
    const mono = c.display !== 'block' && c.display !== 'list-item';
    const kept = keep || c.breakInside.startsWith('avoid');
    if (mono || kids.length === 0) {
      const lh = px(c.lineHeight); const lines = mono || !(lh > 0) ? 1 : Math.max(1, Math.round(r.height / lh));
      // A taller first line (a speaker's label in another face) is the usual odd one out: the others are the line height.
      // Line boxes are whole layout units (1/64 px): 14 px × 1.45 sets lines of 20.296875 px.
      const step = Math.floor(lh * 64) / 64; const first = r.height - (lines - 1) * step; const even = mono || !(first > 0);
      last = { ...pend, bottom: r.bottom + y0, lines, step: even ? r.height / lines : step, first: even ? r.height / lines : first, orphans: Number(c.orphans) || 2, widows: Number(c.widows) || 2, keep: kept, name: own, col: inCol, after: '' };
      leaves.push(last); pend = null;
    } else for (const k of kids) walk(k, own, inCol, kept);
    if (last && FORCED.has(c.breakAfter)) last.after = 'page';
    else if (last && c.breakAfter.startsWith('avoid') && last.after !== 'page') last.after = 'avoid';
  };
  walk(document.body, 'auto', -1, false);
  const ids = [];
  for (const e of document.querySelectorAll('body [id]')) {
    const rs = e.getClientRects(); if (!rs.length) continue;
    const inline = getComputedStyle(e).display.startsWith('inline');
    ids.push([e.id, inline ? rs[0].top + y0 + rs[0].height / 2 : rs[0].top + y0]);
  }
  multi.forEach((e, i) => { if (saved[i] === null) e.removeAttribute('style'); else e.setAttribute('style', saved[i]); });
  return { leaves, ids, cols };
})()`;

/** A leaf as the probe gives it: its break-after as the next leaf's. */
type RawLeaf = Leaf & { after: string };

/** Leaves with each break-after moved onto the next leaf (a break between them is forced or avoided). */
export function joinBreaks(raw: RawLeaf[]): Leaf[] {
  return raw.map((l, i) => {
    const prev = raw[i - 1];
    return { ...l, forced: l.forced || prev?.after === 'page' || (prev !== undefined && prev.name !== l.name), avoid: l.avoid || prev?.after === 'avoid' };
  });
}

/** Where a fragmentainer (a page, a column) begins on the loaded page, and its number. */
interface Start { y: number; frag: number }
/** A breakpoint: before line `line` of leaf `leaf` (0: before the leaf). */
interface Break { leaf: number; line: number }
/** Layout units are 1/64 px: a box this much over the page's foot is not over it. */
const EPS = 0.02;

/** The y on the loaded page where content after a break begins (margins are cut at an unforced break). */
const breakY = (leaves: Leaf[], b: Break): number => (b.line === 0 ? leaves[b.leaf].top : lineEnd(leaves[b.leaf], b.line - 1));
/** The bottom of a leaf's line `l` (0-based) on the loaded page. */
const lineEnd = (leaf: Leaf, l: number): number => (l === leaf.lines - 1 ? leaf.bottom : leaf.top + leaf.first + l * leaf.step);

/**
 * Cuts a flow of leaves into fragmentainers of height `room(n)`, the first beginning at `first`: the
 * last breakpoint that fits wins, one that avoids nothing (0) over one against orphans or widows (1) over
 * one against break-avoid (2), as Chromium ranks them; a forced break always breaks.
 */
export function fragment(leaves: Leaf[], room: (frag: number) => number, first: number): Start[] {
  const starts: Start[] = [{ y: first, frag: 0 }];
  let limit = first + room(0);
  let at: Break = { leaf: 0, line: 0 };
  const open = (y: number, b: Break) => { const frag = starts.length; starts.push({ y, frag }); limit = y + room(frag); at = b; };
  while (at.leaf < leaves.length) {
    const next = nextBreak(leaves, at, limit);
    if (!next) break;
    open(next.forced ? leaves[next.leaf].mtop : breakY(leaves, next), next);
  }
  return starts;
}

/** The breakpoint that ends the fragmentainer begun at `at` (undefined when the flow ends there). */
function nextBreak(leaves: Leaf[], at: Break, limit: number): (Break & { forced?: boolean }) | undefined {
  const best: (Break | undefined)[] = [undefined, undefined, undefined];
  for (let j = at.leaf; j < leaves.length; j++) {
    const leaf = leaves[j];
    const l0 = j === at.leaf ? at.line : 0;
    if (j > at.leaf) {
      if (leaf.forced) return { leaf: j, line: 0, forced: true };
      best[leaf.avoid ? 2 : 0] = { leaf: j, line: 0 };
    }
    for (let l = l0; l < leaf.lines; l++) {
      if (l > l0) best[leaf.keep ? 2 : l - l0 < leaf.orphans || (leaf.lines - l < leaf.widows && leaf.lines - l0 >= leaf.orphans + leaf.widows) ? 1 : 0] = { leaf: j, line: l };
      if (lineEnd(leaf, l) <= limit + EPS) continue;
      const pick = best[0] ?? best[1] ?? best[2];
      if (pick) return pick;
      // Nothing fits: the line (or the unbreakable block) stands alone and overflows.
      return l + 1 < leaf.lines ? { leaf: j, line: l + 1 } : j + 1 < leaves.length ? { leaf: j + 1, line: 0, forced: leaves[j + 1].forced } : undefined;
    }
  }
  return undefined;
}

/**
 * The page (1-based) of every id the probe saw: the flow cut into pages of `height` px, each run of a
 * multi-column block's leaves cut into columns (the first page's as high as the page has room left).
 */
export function guessFromProbe(probe: Probe, height: number): Map<string, number> {
  const leaves = joinBreaks(probe.leaves as RawLeaf[]);
  const marks: { y: number; page: number }[] = [];
  let page = 0;
  let i = 0;
  while (i < leaves.length) {
    let end = i;
    const col = leaves[i].col;
    while (end < leaves.length && leaves[end].col === col) end++;
    const run = leaves.slice(i, end);
    if (col < 0) {
      const goesOn = marks.length > 0 && !run[0].forced;
      const starts = fragment(run, () => height, goesOn ? run[0].top : run[0].mtop);
      // A run after a multi-column block that is not forced onto a page would follow the balanced columns: not modelled.
      for (const s of starts) marks.push({ y: s.y, page: page + s.frag + (goesOn ? 0 : 1) });
      page = marks[marks.length - 1].page;
    } else {
      const n = probe.cols[col] ?? 1;
      const last = marks[marks.length - 1];
      const left = last ? last.y + height - run[0].top : height;
      const starts = fragment(run, (f) => (f < n ? left : height), run[0].top);
      for (const s of starts) marks.push({ y: s.y, page: page + Math.floor(s.frag / n) });
      page = marks[marks.length - 1].page;
    }
    i = end;
  }
  return pagesOf(probe.ids, marks);
}

/** Each id's page: the last page begun at or above its height. */
function pagesOf(ids: [string, number][], marks: { y: number; page: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, y] of ids) {
    let lo = 0, hi = marks.length - 1, found = marks.length ? marks[0].page : 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid].y <= y + EPS) { found = marks[mid].page; lo = mid + 1; } else hi = mid - 1;
    }
    if (!out.has(id)) out.set(id, found);
  }
  return out;
}

/**
 * The editorial note's room below a one-page index, in px: where the index's balanced columns end below
 * the page's top (the least column height at which its leaves fill no more columns than it has), and the
 * note's height from its heading's top to its last line's foot. Undefined unless the index is one page
 * with the note on the next.
 */
export function noteBelow(probe: Probe, pages: Map<string, number>, height: number): { indexEnd: number; note: number } | undefined {
  const leaves = joinBreaks(probe.leaves as RawLeaf[]);
  const cols = leaves.filter((l) => l.col >= 0);
  const notes = leaves.filter((l) => l.name === 'note');
  const [index, note] = [pages.get('back-index'), pages.get('note')];
  const y = (id: string) => probe.ids.find(([i]) => i === id)?.[1];
  const [indexTop, head] = [y('back-index'), y('note-h')];
  if (!cols.length || !notes.length || index === undefined || note !== index + 1 || indexTop === undefined || head === undefined) return undefined;
  const n = probe.cols[cols[0].col] ?? 1;
  const top = cols[0].top;
  const start = leaves.find((l) => l.name === 'back-index')?.mtop ?? indexTop;
  const fits = (h: number) => fragment(cols, () => h, top).length <= n;
  if (!fits(start + height - top)) return undefined;
  let [lo, hi] = [0, start + height - top];
  while (hi - lo > 1 / 64) { const mid = (lo + hi) / 2; if (fits(mid)) hi = mid; else lo = mid; }
  return { indexEnd: top + hi - start, note: notes[notes.length - 1].bottom - head };
}
