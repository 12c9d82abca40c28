// Raw text to blocks: paragraphs separated by blank lines, each a TrackedText into the source.
// Line breaks inside a paragraph are joined (no space between CJK, one space between Latin words).
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

function joinLines(block: TrackedText): TrackedText {
  const edits = [];
  for (const m of block.text.matchAll(new RegExp(`[ \\t]*${EOL}[ \\t\\u3000]*`, 'g'))) {
    const before = block.text[m.index! - 1] ?? '';
    const after = block.text[m.index! + m[0].length] ?? '';
    const latin = /[\p{Script=Latin}\p{N},.;:!?)]/u.test(before) && /[\p{Script=Latin}\p{N}(]/u.test(after);
    edits.push({ start: m.index!, end: m.index! + m[0].length, insert: latin ? ' ' : '' });
  }
  return block.apply(edits);
}
