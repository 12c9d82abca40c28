// The lines of text each printed page holds inside its type area (running heads and folios, which sit
// in the margins, left out), read back from a PDF with poppler's `pdftotext -bbox-layout`. The print
// loop counts a section's last lines with it (render/ends.ts), and the corpus print check reads pages
// with it (scripts/eval/print-corpus.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../core/run.ts';
import { MM, type Trim } from './layout.ts';

/** One printed line: its text (words joined) and the top of its box in PDF points from the page top. */
export interface PageLine { text: string; top: number }

/** Lines closer than this (points) are one line: a bold label and the text after it are separate boxes. */
const SAME_LINE = 5;

/**
 * Per physical page (index 0 = page 1), the lines inside the type area of `trim` (offset by `bleed` mm
 * of bleed on every side), top to bottom. Null when pdftotext is missing or fails (then nothing is
 * counted, and layout decisions that need counts are skipped).
 */
export async function pageLines(pdf: Uint8Array, trim: Trim, bleed = 0, dir?: string, pages = 0, splitFrom = SPLIT_PAGES): Promise<PageLine[][] | null> {
  if (dir) return pageLinesVia(dir, pdf, trim, bleed, pages >= splitFrom ? Math.floor(pages / 2) : 0);
  const result = await run('pdftotext', ['-q', '-enc', 'UTF-8', '-bbox-layout', '-', '-'], { input: pdf });
  if (result.status !== 0) return null;
  return parseBboxLayout(result.stdout, trim, bleed);
}

/**
 * From this many pages (`pages`: the book's, or fewer when not all are known; 0 when none are), two
 * pdftotext read a half each (pageLinesVia); below it one reads the whole book.
 */
const SPLIT_PAGES = 64;

/**
 * The same through files in `dir`: pdftotext then reads and writes without waiting on this process, which
 * may go on with other work (the finish of the same print) meanwhile. With `half` > 0, two pdftotext read
 * at once, pages 1–half and half+1 to the end: it reads each page on its own, so the halves' pages are the
 * whole's, in half the time on two cores.
 */
async function pageLinesVia(dir: string, pdf: Uint8Array, trim: Trim, bleed: number, half: number): Promise<PageLine[][] | null> {
  const input = join(dir, 'lines.pdf');
  const ranges = half > 0 ? [['-l', String(half)], ['-f', String(half + 1)]] : [[]];
  const outputs = ranges.map((_, i) => join(dir, `lines-${i}.html`));
  writeFileSync(input, pdf);
  try {
    const results = await Promise.all(ranges.map((range, i) => run('pdftotext', ['-q', '-enc', 'UTF-8', '-bbox-layout', ...range, input, outputs[i]!])));
    if (results.some((r) => r.status !== 0)) return null;
    return outputs.flatMap((output) => parseBboxLayout(readFileSync(output, 'utf8'), trim, bleed));
  } finally {
    for (const file of [input, ...outputs]) rmSync(file, { force: true });
  }
}

/** pdftotext's -bbox-layout XHTML → lines per page inside the type area. */
export function parseBboxLayout(xhtml: string, trim: Trim, bleed = 0): PageLine[][] {
  const pages: PageLine[][] = [];
  for (const page of xhtml.split('<page ').slice(1)) {
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1] ?? 0);
    const top = (trim.top + bleed) * MM - 2;
    const bottom = height - (trim.bottom + bleed) * MM + 2;
    const lines: PageLine[] = [];
    for (const m of page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const yMin = Number(m[1]); const yMax = Number(m[2]);
      if (yMin < top || yMax > bottom) continue;
      const text = [...m[3].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1])).join(' ');
      const same = lines.find((l) => Math.abs(l.top - yMin) < SAME_LINE);
      if (same) same.text += ` ${text}`;
      else lines.push({ text, top: yMin });
    }
    pages.push(lines.sort((a, b) => a.top - b.top));
  }
  return pages;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
/** pdftotext's XML escapes, in one pass: the five named ones (&apos; in Prime Minister&apos;s) and numeric references. */
function unescape(s: string): string {
  return s.replace(/&(?:(lt|gt|quot|apos|amp)|#(\d+)|#x([0-9a-f]+));/gi, (m, name?: string, dec?: string, hex?: string) =>
    name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)));
}
