// Raw text to blocks: paragraphs separated by blank lines, each a TrackedText into the source.
// Line breaks inside a paragraph are joined (no space between CJK, one space between Latin words).
import { TrackedText } from './tracked-text.ts';

export function splitBlocks(source: string): TrackedText[] {
  const blocks: TrackedText[] = [];
  // A blank line (possibly holding spaces, tabs or ideographic spaces) ends a paragraph.
  const separator = /\r?\n[ \t\u3000\u00A0]*(?:\r?\n[ \t\u3000\u00A0]*)+/g;
  let start = 0;
  const push = (end: number) => {
    const block = joinLines(TrackedText.fromSource(source, start, end));
    if (block.text.trim() !== '') blocks.push(block);
  };
  for (const m of source.matchAll(separator)) {
    push(m.index!);
    start = m.index! + m[0].length;
  }
  push(source.length);
  return blocks;
}

function joinLines(block: TrackedText): TrackedText {
  const edits = [];
  for (const m of block.text.matchAll(/[ \t]*\r?\n[ \t\u3000]*/g)) {
    const before = block.text[m.index! - 1] ?? '';
    const after = block.text[m.index! + m[0].length] ?? '';
    const latin = /[\p{Script=Latin}\p{N},.;:!?)]/u.test(before) && /[\p{Script=Latin}\p{N}(]/u.test(after);
    edits.push({ start: m.index!, end: m.index! + m[0].length, insert: latin ? ' ' : '' });
  }
  return block.apply(edits);
}
