// Section ends in print: no page may hold fewer than 4 lines of a section's end. The layout keeps them
// itself (endKeeps below: the lines of each section's last paragraphs are counted on the loaded page and
// print.css keeps the last 4 lines together), so the book is laid out once for it. What is left of the
// measured decision is the fallback: a laid-out book is read back (the lines on each page and the page
// of each paragraph) and where a section still ends with 1–3 lines on a page of their own, the paragraph
// that runs into that page is pulled over to it (`pull-page`, a page break before it): the page before
// runs short instead, as a typesetter would set it. A pull can only move text later, so it settles.
import type { Element, Root, RootContent, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { LINE_EMS, emWidth } from './ems.ts';

/** The class print.css breaks a page before. */
export const PULL_CLASS = 'pull-page';
/** Lines of a section's end a page must hold when it holds any. */
export const END_LINES = 4;

/** A run of the body that ends before a new section: the lead (id `body`) or a section. */
export interface Run {
  id: string;
  /** Its heading's text (the next run's heading marks where this one ends on a shared page). */
  heading: string;
  /** Ids of its paragraphs, in order. */
  paragraphs: string[];
  /** Their lines at the narrowest trim, roughly (from the text's width in ems), by id. */
  sizes: Map<string, number>;
}

/**
 * Where a run of the body opens: a section with an id, a question's (`qa`) or a volume's part (its
 * title and lead, up to its first question). The one test of a run's bounds, for the runs measured
 * (runsOf) and the pulls marked (withPulls): a part's lead was once the book lead's run in one and a run
 * of its own in the other, so the last section of a part ended, by the runs, on the next part's page.
 */
function opensRun(e: Element): boolean {
  return e.tagName === 'section' && typeof e.properties?.id === 'string';
}

/** The lead (title, dateline, opening paragraphs), each section and each volume part's lead of the print body, in order. */
export function runsOf(body: Root, title: string): Run[] {
  const runs: Run[] = [{ id: 'body', heading: title, paragraphs: [], sizes: new Map() }];
  const walk = (nodes: (RootContent | ElementContent)[], run: Run) => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      const id = typeof n.properties?.id === 'string' ? n.properties.id : undefined;
      if (id && opensRun(n)) {
        const heading = n.children.find((c): c is Element => c.type === 'element' && /^h\d$/.test(c.tagName));
        const next: Run = { id, heading: heading ? toString(heading) : '', paragraphs: [], sizes: new Map() };
        runs.push(next);
        walk(n.children, next);
      } else if (n.tagName === 'p' && id) {
        run.paragraphs.push(id);
        // Two ems for the first line's indent.
        run.sizes.set(id, Math.max(1, Math.ceil((2 + emWidth(toString(n))) / LINE_EMS)));
      }
      else walk(n.children, run);
    }
  };
  walk(body.children, runs[0]);
  return runs.filter((r) => r.id !== 'body' || r.paragraphs.length > 0);
}

/** A section end found on too few lines. */
export interface ShortEnd { run: string; page: number; lines: number; pull?: string }

/**
 * The runs whose last page holds 1–3 of their lines though they began on an earlier page, each with
 * the paragraph to pull onto that page: going back from the last one that begins before that page until
 * the page would hold 4 lines (by the paragraphs' estimated lines; a later round corrects an estimate),
 * never the first under the heading (the heading would be left alone): when that is not enough and the
 * section began on the page before, the section itself is pulled, heading and all. `end` is what follows the body (a new page);
 * `lines` the type-area lines per page (index 0 = page 1).
 */
export function shortEnds(runs: Run[], end: string, page: (id: string) => number | undefined, lines: { text: string }[][]): ShortEnd[] {
  const endOf: EndOf = (run, i) => {
    const start = page(run.id);
    const nextRun = runs[i + 1];
    const nextStart = page(nextRun?.id ?? end);
    if (start === undefined || nextStart === undefined) return undefined;
    let last = nextStart;
    let count = nextRun ? headingLine(lines[nextStart - 1] ?? [], nextRun.heading) : 0;
    if (count <= 0) {
      // The next run opens its page: this one ends on the last page before it that holds text.
      last = nextStart - 1;
      while (last > start && !(lines[last - 1]?.length)) last--;
      count = lines[last - 1]?.length ?? 0;
    }
    return { last, count };
  };
  return shortEndsOf(runs, page, endOf, (run) => headingLine(lines[(page(run.id) ?? 0) - 1] ?? [], run.heading) > 0);
}

/** Where a laid-out run ends: the last page holding its lines, and how many of its lines that page holds. */
export interface RunEnd { last: number; count: number }
/** A run's end in a laid-out book (`i` its index in the runs), undefined when its pages are unknown. */
export type EndOf = (run: Run, i: number) => RunEnd | undefined;

/**
 * shortEnds from any reading of the layout: `endOf` gives each run's last page and its lines there,
 * `headingLow` tells whether a run's heading stands below the first line of its first page (read from
 * pdftotext's lines of a print, or from the named destinations of a measuring pass, pdf/marks.ts).
 */
export function shortEndsOf(runs: Run[], page: (id: string) => number | undefined, endOf: EndOf, headingLow: (run: Run) => boolean): ShortEnd[] {
  const out: ShortEnd[] = [];
  runs.forEach((run, i) => {
    const start = page(run.id);
    const at = endOf(run, i);
    if (start === undefined || !at) return;
    const { last, count } = at;
    if (last <= start || count === 0 || count >= END_LINES) return;
    const before = run.paragraphs.filter((p) => (page(p) ?? last) < last);
    let pull: string | undefined;
    // Lines that stay on that page: those of the paragraphs that begin there (a paragraph running into
    // it comes whole when pulled, so its lines there are not counted twice).
    const begun = run.paragraphs.filter((p) => page(p) === last).reduce((n, p) => n + (run.sizes.get(p) ?? 1), 0);
    let held = Math.min(count, begun);
    for (let k = before.length - 1; k > 0 && held < END_LINES; k--) {
      pull = before[k];
      held += run.sizes.get(pull) ?? 1;
    }
    // Not enough without the first paragraph under the heading, and the section began lower down the
    // page before: the whole section opens the next page, heading and all (a question of 3 lines at a
    // page's foot with its 3-line answer overleaf).
    if (held < END_LINES && run.id !== 'body' && start === last - 1 && headingLow(run)) pull = run.id;
    out.push({ run: run.id, page: last, lines: count, pull });
  });
  return out;
}

/** Index of the line where `heading` begins on the page (its first characters, spaces ignored); -1 if absent. */
function headingLine(lines: { text: string }[], heading: string): number {
  const key = squash(heading).slice(0, 8);
  if (!key) return -1;
  return lines.findIndex((l) => squash(l.text).startsWith(key));
}

const squash = (s: string) => s.replace(/[\s\u00ad\u2010]+/g, '');

/**
 * The body with `pull-page` on the paragraphs (and sections) to pull (a copy where anything changes).
 * A section pulled whole supersedes the pulls of its own paragraphs from earlier rounds, and in a
 * section (or the lead before the first) only the earliest pulled paragraph breaks the page: a later
 * round that pulls one paragraph further back supersedes the pull of the one after it, which would
 * break the page again (en-wh-2022-06-28 p. 10: two lines alone on a page, the rest of the end overleaf).
 */
export function withPulls(body: Root, pulls: ReadonlySet<string>): Root {
  if (!pulls.size) return body;
  const mark = <T extends RootContent | ElementContent>(n: T, inPulled: boolean, run: { pulled: boolean }): T => {
    if (n.type !== 'element') return n;
    const id = n.properties?.id;
    const section = opensRun(n);
    const pulled = typeof id === 'string' && pulls.has(id) && !inPulled && (section || !run.pulled);
    if (pulled && !section) run.pulled = true;
    const inner = section ? { pulled: false } : run;
    const children = n.children.map((c) => mark(c, inPulled || pulled, inner));
    const className = pulled ? [...classes(n), PULL_CLASS] : n.properties?.className;
    return { ...n, properties: { ...n.properties, className }, children };
  };
  const lead = { pulled: false };
  return { ...body, children: body.children.map((c) => mark(c, false, lead)) };
}

function classes(e: Element): string[] {
  const c = e.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? String(c).split(' ') : [];
}

// The index's end obeys the same rule. Its last page is balanced over two columns, so it holds 1–3
// lines when 1–6 entry lines run over onto it. The index is then cut before an entry of the page before
// (the index goes on in a second two-column block that opens a page, `pull-page`): the page before ends
// balanced and short, the last page holds the entries pulled over with its own.

/** A top-level entry of the print index and its lines in a column, roughly. */
export interface IndexLine { id: string; lines: number }

/** Ems of a line in an index column at the narrowest trim (A5: two columns of 53 mm at 8.5 pt), less the hanging indent. */
const INDEX_COLUMN_EMS = 17;

/** The top-level entries of the print index (scripts/index/render.ts printIndexTree), in order, with their lines (sub-entries included). */
export function indexLines(index: Element | null): IndexLine[] {
  if (!index) return [];
  const out: IndexLine[] = [];
  for (const group of index.children) {
    if (group.type !== 'element' || !classes(group).includes('index-group')) continue;
    const list = group.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ul');
    for (const li of list?.children ?? []) {
      if (li.type !== 'element' || typeof li.properties?.id !== 'string') continue;
      out.push({ id: li.properties.id, lines: entryLines(li) });
    }
  }
  return out;
}

/** Lines of an entry and its sub-entries in a column (CJK characters an em, others half). */
function entryLines(li: Element): number {
  const own = li.children.filter((c) => !(c.type === 'element' && c.tagName === 'ul'));
  const ems = emWidth(toString({ ...li, children: own }));
  const subs = li.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'ul')
    .flatMap((ul) => ul.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li'));
  return Math.max(1, Math.ceil(ems / INDEX_COLUMN_EMS)) + subs.reduce((n, s) => n + entryLines(s), 0);
}

/**
 * The index entry to cut the index before, when the index's last page (the one before `next`, what
 * follows the index) holds 1–3 lines though the index began earlier (`start`): going back over the
 * entries of the page before until the last page would hold 2 × 4 entry lines (balanced, 4 lines), never
 * the index's first entry. Undefined when the end is long enough or pages are unknown.
 */
export function indexPull(entries: IndexLine[], start: number | undefined, next: number | undefined, page: (id: string) => number | undefined, lines: { text: string }[][]): ShortEnd | undefined {
  if (start === undefined || next === undefined) return undefined;
  let last = next - 1;
  while (last > start && !(lines[last - 1]?.length)) last--;
  return indexPullOf(entries, start, { last, count: lines[last - 1]?.length ?? 0 }, page);
}

/** indexPull from any reading of the layout: the index's last page and the lines (rows) it holds there. */
export function indexPullOf(entries: IndexLine[], start: number | undefined, end: RunEnd | undefined, page: (id: string) => number | undefined): ShortEnd | undefined {
  if (start === undefined || !end) return undefined;
  const { last, count } = end;
  if (last <= start || count === 0 || count >= END_LINES) return undefined;
  let held = entries.filter((e) => page(e.id) === last).reduce((n, e) => n + e.lines, 0);
  const before = entries.filter((e) => (page(e.id) ?? last) < last);
  let pull: string | undefined;
  for (let k = before.length - 1; k > 0 && held < 2 * END_LINES; k--) {
    pull = before[k].id;
    held += before[k].lines;
  }
  return { run: 'back-index', page: last, lines: count, pull };
}

/**
 * The print index cut before the first pulled entry: the entries before it in the index's own section,
 * the rest in a second two-column section (no ids of its own) that opens a page. The letter group the
 * cut falls in goes on without its letter. Unchanged when no entry of it is pulled.
 */
export function withIndexPull(index: Element, pulls: ReadonlySet<string>): Element[] {
  const groups = index.children;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (group.type !== 'element' || !classes(group).includes('index-group')) continue;
    const u = group.children.findIndex((c) => c.type === 'element' && c.tagName === 'ul');
    const list = group.children[u] as Element | undefined;
    const at = list?.children.findIndex((li) => li.type === 'element' && typeof li.properties?.id === 'string' && pulls.has(li.properties.id)) ?? -1;
    if (!list || at < 0) continue;
    const head: Element = { ...group, children: [...group.children.slice(0, u), { ...list, children: list.children.slice(0, at) }] };
    const tail: Element = { type: 'element', tagName: 'section', properties: { className: ['index-group', 'index-cont'] }, children: [{ ...list, children: list.children.slice(at) }] };
    const first = at > 0 ? [...groups.slice(0, g), head] : groups.slice(0, g);
    const rest = at > 0 ? [tail, ...groups.slice(g + 1)] : groups.slice(g);
    return [
      { ...index, children: first },
      { type: 'element', tagName: 'section', properties: { className: ['index', PULL_CLASS] }, children: rest },
    ];
  }
  return [index];
}

// Page economy at the back: an index of one page and the editorial note share that page when the note
// fits below the index (a short briefing then needs no page of its own for the note). The pull set
// carries the decision (it is no element id), so a known layout (pdf/pagecache.ts) keeps it.

/** Marks, in the set of pulls, that the editorial note runs on below the index (print.css `#note.run-on`). */
export const NOTE_RUN_ON = '#note-run-on';

/** Points between the index's last line and the note's heading when it runs on, with the heading's own line. */
const RUN_ON_GAP = 40;

/**
 * True when the index holds one page (`start`, the note opening the next, `note`) and the note's lines,
 * as printed on their own page, fit below the index's last line above `bottom` (points from the page
 * top, the type area's foot). `lines` as read back by pdf/page-lines.ts.
 */
export function noteRunsOn(start: number | undefined, note: number | undefined, lines: { top: number }[][], bottom: number): boolean {
  if (start === undefined || note === undefined || note !== start + 1) return false;
  const index = lines[start - 1] ?? [];
  const own = lines[note - 1] ?? [];
  if (!index.length || !own.length || lines[note]?.length) return false;
  return noteFits(index[index.length - 1].top, own[own.length - 1].top - own[0].top, bottom);
}

/** True when a note whose lines span `height` points fits below an index line at `indexLast` (points from the page top) above `bottom`. */
export function noteFits(indexLast: number, height: number, bottom: number): boolean {
  return indexLast + RUN_ON_GAP + height + RUN_ON_GAP / 2 <= bottom;
}

// A measuring pass paints nothing, so it has no lines to count; it has named destinations, which give
// each target's page and height. An empty mark at the end of each run's last paragraph is where that
// run's last line stands (pdf/marks.ts counts lines from them).

/** The id of the mark at the end of a run's last paragraph. */
export const endMark = (run: string): string => `tp-end-${run}`;

/** The body with an empty `<a id>` mark closing each run's last paragraph (a copy; the runs' own paragraphs only). */
export function withEndMarks(body: Root, runs: Run[]): Root {
  const last = new Map(runs.flatMap((r) => (r.paragraphs.length ? [[r.paragraphs[r.paragraphs.length - 1]!, r.id] as const] : [])));
  const mark = <T extends RootContent | ElementContent>(n: T): T => {
    if (n.type !== 'element') return n;
    const id = n.properties?.id;
    const run = typeof id === 'string' && n.tagName === 'p' ? last.get(id) : undefined;
    const children = n.children.map((c) => mark(c));
    if (run) children.push({ type: 'element', tagName: 'a', properties: { id: endMark(run) }, children: [] });
    return { ...n, children };
  };
  return { ...body, children: body.children.map((c) => mark(c)) };
}

// Section ends kept by the layout itself (print.css `end-keep`, `end-join`, `end-w1`…`end-w4`), with
// no measuring round: going back from a run's last paragraph, each paragraph either can leave enough
// lines on the last page by breaking inside it (its `widows`), or is kept whole and joined to the one
// after it, until the paragraphs kept together hold 4 lines. Chromium honours `widows` only when a
// paragraph can satisfy `orphans` (2) and `widows` at once (otherwise it keeps the orphans and breaks
// 2 + 2), so a paragraph too short for both is kept whole instead. Lines are Chromium's own, counted on
// the loaded page (writers/pdf.ts), so nothing here is an estimate.

/** Lines a paragraph keeps on the page it begins on (print.css `p { orphans: 2 }`). */
const ORPHANS = 2;
/** Paragraphs looked at from a run's end: 4 lines need at most 4 paragraphs. */
export const END_REACH = END_LINES;

/** The class print.css gives a section end's paragraph, by id: kept whole, joined to the one after, or widows. */
export type EndKeeps = Map<string, string[]>;

/** The classes that keep every run's last 4 lines on one page, from each paragraph's lines as laid out (`lines`, by id). */
export function endKeeps(runs: Run[], lines: (id: string) => number | undefined): EndKeeps {
  const keeps: EndKeeps = new Map();
  const add = (id: string, c: string) => keeps.set(id, [...(keeps.get(id) ?? []), c]);
  for (const run of runs) {
    let held = 0;
    for (let k = run.paragraphs.length - 1; k >= 0 && held < END_LINES; k--) {
      const id = run.paragraphs[k]!;
      const n = lines(id);
      if (n === undefined) break;
      if (held > 0) add(run.paragraphs[k + 1]!, 'end-join');
      const need = END_LINES - held;
      if (n >= ORPHANS + need) { add(id, `end-w${need}`); break; }
      add(id, 'end-keep');
      held += n;
    }
  }
  return keeps;
}

/** The candidates whose lines endKeeps may ask for: the last paragraphs of each run. */
export function endCandidates(runs: Run[]): string[] {
  return runs.flatMap((r) => r.paragraphs.slice(-END_REACH));
}

/** The body with the end classes on its paragraphs (a copy where anything changes). */
export function withEndKeeps(body: Root, keeps: EndKeeps): Root {
  if (!keeps.size) return body;
  const mark = <T extends RootContent | ElementContent>(n: T): T => {
    if (n.type !== 'element') return n;
    const id = n.properties?.id;
    const add = typeof id === 'string' && n.tagName === 'p' ? keeps.get(id) : undefined;
    const children = n.children.map((c) => mark(c));
    return { ...n, properties: add ? { ...n.properties, className: [...classes(n), ...add] } : n.properties, children };
  };
  return { ...body, children: body.children.map((c) => mark(c)) };
}
