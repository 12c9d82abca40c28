// Raw text to blocks: paragraphs separated by blank lines, each a TrackedText into the source.
// Line breaks inside a paragraph are joined: with nothing next to CJK text, with one space elsewhere
// (between Latin words, after a dash or a symbol: `that —⏎you know` keeps its space).
// LF, CRLF and a lone CR (classic Mac text) are all line ends.
import { TrackedText } from './tracked-text.ts';

const EOL = '(?:\\r\\n|\\r|\\n)';
const BLANK = '[ \\t\\u3000\\u00A0]*';

/** Splits the (already character-cleaned) text; a plain string is taken as the whole source. */
export function splitBlocks(input: string | TrackedText): TrackedText[] {
  const whole = typeof input === 'string' ? TrackedText.fromSource(input, 0, input.length) : input;
  const source = whole.text;
  const blocks: TrackedText[] = [];
  // A blank line (possibly holding spaces, tabs or ideographic spaces) ends a paragraph.
  const separator = new RegExp(`${EOL}${BLANK}(?:${EOL}${BLANK})+`, 'g');
  let start = 0;
  const push = (end: number) => {
    const block = joinLines(whole.slice(start, end));
    if (block.text.trim() !== '') blocks.push(block);
  };
  for (const m of source.matchAll(separator)) {
    push(m.index!);
    start = m.index! + m[0].length;
  }
  push(source.length);
  return blocks;
}

/** True when the text ends its lines with CR only (no LF anywhere). */
export function crOnly(text: string): boolean {
  return text.includes('\r') && !text.includes('\n');
}

/** Text set without spaces between words: Han, kana, and CJK and full-width punctuation. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]/u;
/** Marks both scripts use (dashes, curly quotes, ellipsis): the letter beyond them decides. */
const SHARED = /[\s\u2010-\u2027]/u;

/** The nearest character from `i` going by `step` that is not a shared mark ('' at the block's edge). */
function nearest(text: string, i: number, step: 1 | -1): string {
  for (let k = i; k >= 0 && k < text.length; k += step) if (!SHARED.test(text[k])) return text[k];
  return '';
}

function joinLines(block: TrackedText): TrackedText {
  const edits = [];
  for (const m of block.text.matchAll(new RegExp(`[ \\t]*${EOL}[ \\t\\u3000]*`, 'g'))) {
    edits.push({ start: m.index!, end: m.index! + m[0].length, insert: joinerAt(block.text, m.index!, m.index! + m[0].length) });
  }
  return block.apply(edits);
}

/** What stands where a line break inside a paragraph was, between text[..end) and text[start..]: nothing
 * next to CJK text or at an edge, one space elsewhere. */
function joinerAt(text: string, end: number, start: number): '' | ' ' {
  const [before, after] = [text[end - 1] ?? '', text[start] ?? ''];
  const cjk = CJK.test(nearest(text, end - 1, -1)) || CJK.test(nearest(text, start, 1));
  return cjk || !before || !after ? '' : ' ';
}

/** What joins two pieces of one paragraph across a break that is a line break (a subtitle's cues). */
export function lineJoiner(left: string, right: string): '' | ' ' {
  return joinerAt(left + right, left.length, left.length);
}
