// Paragraphs that are lines. Many published transcripts put one paragraph on each line with no blank
// line between (web pages copied as text, the MFA's own pages); others wrap a paragraph over several
// lines. Blocks (blank-line separated, lines joined) are split again where a line break is a
// paragraph break:
// - before a line that opens with a speaker label (a turn always starts a paragraph), and after a
//   transcription service's label alone on its line with its time (`Jane Doe  00:15`, the speech on
//   the next line; a page's header name without a time stays in its block, which is the title), or
//   after a Chinese label alone (`国家统计局局长 康义` above a speech shorter than itself), and after
//   any label alone where that is the document's convention (Hansard: the name line, then the speech)
//   or under a page's caption (earningscall.biz: `speaker` / `Operator` / the speech);
// - around a line of only rule characters (*****, -----), and around a subtitle cue's timing line;
// - everywhere, when the text is laid out one paragraph per line: most line breaks inside blocks
//   follow a line that ends a sentence (hard-wrapped text breaks mid-sentence);
// - after a line wider than any wrap (140 columns), or a date line; between two fields of a record's
//   header (时间：… above 地点：…);
// - after a line that stops short of its block's width: a wrapped line runs to the width the text
//   was wrapped at, so a line well short of the block's longest line is a line of its own (a
//   gazette's `院會紀錄` / `時 間 …` header lines, a page's `字体：` line), never a wrap.
import type { TrackedText } from './tracked-text.ts';
import type { DocumentLabels } from './document-labels.ts';
import { isDateLine } from './dates.ts';
import { opensWithField } from './labels.ts';
import { CUE_TIMING, isFurniture, RULE, SPEAKER_CAPTION, stampedAlone } from './convention.ts';
import { hanLatinCounts } from './chars.ts';

const ENDS_SENTENCE = /[。！？!?…”’」』）)\]】.:：；;]\s*$/u;

/** A field name before the title on its line (標題：…, 原标题：… as a reposted page has it, Title: …): the title line stands alone. */
export const TITLE_FIELD = /^(?:原?标题|原?標題|题目|題目|Title)\s*[：:]\s*/u;

/** A line that is only a date and time (2022-08-09 20:53, 1:24 P.M. EDT): the page's date line. */

/** A line shorter than this share of its block's longest line ends where its text ends, not at a wrap. */
const SHORT_LINE = 0.75;

/** A block written mostly in Han characters (of its letters). */
function HAN_BLOCK(text: string): boolean {
  const { han, latin } = hanLatinCounts(text);
  return han > latin;
}

/**
 * A line of one script above a line of the other: a Chinese line (mostly Han) above a line with no Han
 * and three words or more of Latin letters, or the reverse. A bilingual release gives each paragraph in
 * Chinese and then in English (`2025年1月27日外交部发言人毛宁` / `主持例行记者会` above `Foreign Ministry
 * Spokesperson Mao Ning’s` / `Regular Press Conference on January 27, 2025`); a wrap never turns a
 * paragraph from one language into the other, while a Chinese paragraph wrapped before a Latin word
 * (`支持` / `WTO改革`) keeps Han on the next line and stays one.
 */
function scriptTurns(prev: string, next: string): boolean {
  const a = hanLatinCounts(prev);
  const b = hanLatinCounts(next);
  const latinLine = (c: { han: number; latin: number }, line: string) => c.han === 0 && (line.match(/\p{L}+/gu)?.length ?? 0) >= 3;
  return (a.han > a.latin && latinLine(b, next)) || (b.han > b.latin && latinLine(a, prev));
}

/** Display columns past which no text is wrapped (a Han character takes two). */
const MAX_WRAP = 140;

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;
/** Per UTF-16 unit standing alone: 0 not yet asked, 1 wide, 2 not (filled from WIDE on first use). */
const wideUnit = new Uint8Array(0x10000);

/** Display columns of a line: East Asian wide characters count two. Read by code unit, without a string
 * per character: a surrogate pair is one character, tested whole; a lone surrogate is narrow, as WIDE says. */
function columns(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const low = c >= 0xd800 && c <= 0xdbff ? line.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      n += WIDE.test(line.slice(i, i + 2)) ? 2 : 1;
      i++;
      continue;
    }
    let known = wideUnit[c]!;
    if (known === 0) wideUnit[c] = known = WIDE.test(String.fromCharCode(c)) ? 1 : 2;
    n += known === 1 ? 2 : 1;
  }
  return n;
}

/** Characters (code points; a lone surrogate counts one) of `s`, as [...s].length, without the array. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
  }
  return n;
}

interface Line { block: number; start: number; end: number }


/** Each block's lines as [start, end) in the block's text, from the source line each character came from. */
function linesOf(block: TrackedText, lineOf: (offset: number) => number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  // Each character's line asked once (the one before is remembered).
  let previous = block.length > 1 ? lineOf(block.sourceOffset(0)) : 0;
  for (let i = 1; i < block.length; i++) {
    const line = lineOf(block.sourceOffset(i));
    if (line !== previous) {
      out.push([start, i]);
      start = i;
    }
    previous = line;
  }
  out.push([start, block.length]);
  return out;
}

/** Splits blocks into paragraphs where a line break is a paragraph break; `labels` is the document's one label decision. */
export function splitLines(blocks: TrackedText[], lineOf: (offset: number) => number, labels: DocumentLabels): TrackedText[] {
  const all: Line[] = [];
  const perBlock = blocks.map((b, i) => linesOf(b, lineOf).map(([start, end]) => { const l = { block: i, start, end }; all.push(l); return l; }));
  const text = (l: Line) => blocks[l.block].text.slice(l.start, l.end).trim();
  // Layout: one paragraph per line when most breaks inside blocks follow a finished sentence.
  const inner = perBlock.flatMap((ls) => ls.slice(0, -1));
  const finished = inner.filter((l) => ENDS_SENTENCE.test(text(l)) || RULE.test(text(l))).length;
  const perLine = inner.length >= 2 && finished / inner.length >= 0.6;
  const out: TrackedText[] = [];
  const width = (l: Line) => codePoints(text(l));
  const widths = perBlock.map((ls) => ls.reduce((m, l) => Math.max(m, width(l)), 0));
  // Only in Chinese text, which is wrapped at a fixed count of characters: an English page's header
  // lines (`John Kirby` / `Daily Press Briefing` / `Washington, DC`) are one block the structure reads
  // as the title, and its name line is no speaker label.
  const han = blocks.map((b) => HAN_BLOCK(b.text));
  const short = (l: Line) => han[l.block] && width(l) < SHORT_LINE * widths[l.block];
  // Wider than any wrap: the line was not wrapped, so the break after it is the text's own.
  const unwrapped = (l: Line) => columns(text(l)) > MAX_WRAP;
  // Where the document's labels stand alone on their lines (Hansard's `The Prime Minister (Keir
  // Starmer)`), a label alone is followed by its speech on the next line, even without a blank line.
  const top = labels.conventions[0];
  const ownLines = top?.position === 'line' && top.delimiter === 'eol';
  const speechAfter = (prev: string, next: string) => ownLines && labels.at(prev)?.alone === true && (next.length >= 80 || /[.?!…"”’]$/u.test(next));
  blocks.forEach((b, i) => {
    const ls = perBlock[i];
    let from = 0;
    for (let k = 1; k < ls.length; k++) {
      const prev = text(ls[k - 1]);
      const next = text(ls[k]);
      // (Laid out one paragraph per line, a line that stops mid-sentence above one that goes on in lower
      // case is still a wrap: a court reporter's `you may` above `proceed.`.)
      const wrapped = perLine && !han[i] && !ENDS_SENTENCE.test(prev) && /^\p{Ll}/u.test(next) && !labels.at(prev)?.alone;
      const split = (perLine && !wrapped) || short(ls[k - 1]) || unwrapped(ls[k - 1]) || isDateLine(prev) || RULE.test(prev) || isFurniture(prev) || isFurniture(next) || (ls[k - 1].start === 0 && i === 0 && TITLE_FIELD.test(prev)) || RULE.test(next) || isDateLine(next) || labels.at(next) !== null || ((han[i] || stampedAlone(prev)) && labels.at(prev)?.alone === true) || speechAfter(prev, next) || (k >= 2 && SPEAKER_CAPTION.test(text(ls[k - 2]).trim()) && labels.at(prev)?.alone === true) || CUE_TIMING.test(prev) || CUE_TIMING.test(next) || (han[i] && opensWithField(prev) && opensWithField(next)) || scriptTurns(prev, next);
      if (!split) continue;
      push(b.slice(from, ls[k].start));
      from = ls[k].start;
    }
    push(b.slice(from));
  });
  return out;

  function push(t: TrackedText) {
    // A joining space the line break left at either end goes with the break.
    let a = 0;
    let z = t.length;
    while (a < z && /\s/.test(t.text[a])) a++;
    while (z > a && /\s/.test(t.text[z - 1])) z--;
    if (z > a) out.push(t.slice(a, z));
  }
}
