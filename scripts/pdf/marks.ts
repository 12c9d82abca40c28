// Section ends counted without a painted print: a measuring pass paints nothing, so pdftotext finds no
// lines in it, but its named destinations give every target's page and the top of its box. Each run's
// last paragraph closes with an empty mark (render/ends.ts withEndMarks); the run's lines on the page
// of that mark are counted from the heights of the paragraphs that begin there and of the mark itself,
// in lines of the body's line height. A count is exact for the 1–3 lines a pull is decided on (the turn
// spacing and a moderator's smaller lines are under half a line per paragraph); the final print is
// still read with pdftotext, and a short end found there costs another round (writers/pdf.ts).
import type { EndOf, Run } from '../render/ends.ts';
import { endMark } from '../render/ends.ts';
import type { DestAt } from './raw.ts';

/** A measuring pass's destinations, the body's line height and the page's height, in points. */
export interface Marks { at: Map<string, DestAt>; line: number; /** The page's height in points (the trim's: Chromium prints no bleed). */ height: number }

/**
 * The height of the type area's first line. Chromium gives a destination's height from the top of the
 * page box's content area counted down from the page's full height (a paragraph opening a page stands
 * at the page's height less a third of a point); the highest paragraph, should one stand higher.
 */
function pageTop(marks: Marks, runs: Run[]): number {
  let top = marks.height - TOP_OFFSET;
  for (const run of runs) for (const p of run.paragraphs) top = Math.max(top, marks.at.get(p)?.y ?? -Infinity);
  return top;
}

/** Points between the page's height and the /XYZ height of the type area's first line (0.32 at A5: a rounding of Chromium's). */
const TOP_OFFSET = 0.32;

/** Each run's end from the marks: the page of its end mark and its lines there (render/ends.ts shortEndsOf). */
export function marksEndOf(marks: Marks, runs: Run[]): { endOf: EndOf; headingLow: (run: Run) => boolean } {
  const top = pageTop(marks, runs);
  const lines = (dy: number) => Math.max(0, Math.round(dy / marks.line));
  const endOf: EndOf = (run) => {
    const end = marks.at.get(endMark(run.id));
    if (!end || Number.isNaN(end.y) || !Number.isFinite(top)) return undefined;
    // Paragraphs of the run that begin on that page, top down: each piece between two starts is whole lines.
    const starts = run.paragraphs.map((p) => marks.at.get(p)).filter((a): a is DestAt => a?.page === end.page && a.y >= end.y).map((a) => a.y).sort((a, b) => b - a);
    let from = top;
    let count = 0;
    for (const y of starts) { count += lines(from - y); from = y; }
    return { last: end.page, count: count + lines(from - end.y) + 1 };
  };
  const headingLow = (run: Run) => (marks.at.get(run.id)?.y ?? top) < top - marks.line / 2;
  return { endOf, headingLow };
}

/** Marks of the back matter in a measuring pass: after the index, and after the editorial note. */
export const INDEX_END = 'tp-end-index';
export const NOTE_END = 'tp-end-note';
/** The note's heading (print.html), whose destination is where the note's first line stands. */
export const NOTE_HEAD = 'note-h';

/** The index's last page and its rows there, from the mark after it (rows of the index's line height). */
export function indexEnd(marks: Marks, runs: Run[], indexLine: number): { last: number; count: number } | undefined {
  const end = marks.at.get(INDEX_END);
  const top = pageTop(marks, runs);
  if (!end || !indexLine || Number.isNaN(end.y) || !Number.isFinite(top)) return undefined;
  return { last: end.page, count: Math.max(0, Math.round((top - end.y) / indexLine)) };
}

/** Points a run-on decision read from marks must spare beyond pdftotext's (glyph tops against box tops): a borderline note waits for the print's check. */
const RUN_ON_SLACK = 6;

/**
 * The editorial note's fit below a one-page index (render/ends.ts noteRunsOn) read from marks, in points
 * from the type area's top: the index's last line, and the height from the note's first line to its last.
 * Undefined when the note is not on the page after a one-page index, or runs over a page.
 */
export function noteBelowIndex(marks: Marks, runs: Run[], indexLine: number, found: (id: string) => number | undefined): { indexLast: number; height: number } | undefined {
  const [index, note, head, end, indexEndAt] = [found('back-index'), found('note'), marks.at.get(NOTE_HEAD), marks.at.get(NOTE_END), marks.at.get(INDEX_END)];
  const top = pageTop(marks, runs);
  if (index === undefined || note !== index + 1 || !head || !end || !indexEndAt || end.page !== note || indexEndAt.page !== index || !Number.isFinite(top)) return undefined;
  return { indexLast: top - indexEndAt.y - indexLine + RUN_ON_SLACK, height: head.y - end.y - marks.line + RUN_ON_SLACK };
}
