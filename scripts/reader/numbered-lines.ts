// A transcript laid out on numbered lines, as court reporters and deposition transcripts print every
// page: the lines of each page numbered 1–25 (up to 30) in the margin, the page's number alone on a
// line above or below them. The numbers are the page's, not what was said: they are dropped before
// anything else reads the text, each a recorded `page-furniture` change, and a page number goes with
// its line end, so a sentence that runs on over a page break stays one paragraph.
//
// The layout is recognised by the numbers themselves: at least eight numbered lines, most of the
// text's lines, running on one by one (each the one before plus one, or 1 at a page's top).
import type { ChangeLog } from './changes.ts';
import type { Edit, TrackedText } from './tracked-text.ts';

/** A line's number in the margin, and the spaces after it. */
const NUMBERED = /^[ \t]*([1-9]\d?)(?:[ \t]+|$)/;
/** A page's number alone on its line. */
const PAGE_NUMBER = /^[ \t]*\d{1,4}[ \t]*$/;

interface Line { start: number; end: number; text: string }

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    out.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
    if (nl < 0) return out;
    start = nl + 1;
  }
}

/** Whether the lines are a numbered page layout: most lines numbered, the numbers running on. */
function numberedLayout(lines: Line[]): boolean {
  const nonblank = lines.filter((l) => l.text.trim() && !PAGE_NUMBER.test(l.text));
  let numbered = 0, running = 0, previous = 0;
  for (const l of nonblank) {
    const m = NUMBERED.exec(l.text);
    if (!m) continue;
    const n = Number(m[1]);
    if (n > 30) continue;
    numbered++;
    if (n === previous + 1 || n === 1) running++;
    previous = n;
  }
  return numbered >= 8 && numbered >= 0.8 * nonblank.length && running >= 0.9 * numbered;
}

/** The text without its line and page numbers, when it is laid out on numbered lines; else unchanged. */
export function dropLineNumbers(text: TrackedText, log: ChangeLog): TrackedText {
  const lines = linesOf(text.text);
  if (!numberedLayout(lines)) return text;
  const edits: Edit[] = [];
  lines.forEach((l, i) => {
    if (PAGE_NUMBER.test(l.text) && l.text.trim() !== '') {
      // The page number goes with its line end: the text runs on over the page break.
      const end = Math.min(text.length, l.end + 1);
      log.record('page-furniture', text, l.start, end, '', { confidence: 0.99, note: 'a numbered transcript\'s page number', before: l.text.trim() });
      edits.push({ start: l.start, end, insert: '' });
      return;
    }
    const m = NUMBERED.exec(l.text);
    if (!m || Number(m[1]) > 30) return;
    log.record('page-furniture', text, l.start, l.start + m[0].length, '', { confidence: 0.99, note: 'a numbered transcript\'s line number' });
    edits.push({ start: l.start, end: l.start + m[0].length, insert: '' });
  });
  return text.apply(edits);
}
