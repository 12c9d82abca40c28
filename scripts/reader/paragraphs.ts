// Paragraph repair across blocks: join a paragraph broken mid-sentence, drop a stray fragment that
// only repeats the tail of the paragraph before it. A speaker label's paragraph is never merged
// into the one before it.
import type { TrackedText } from './tracked-text.ts';
import type { ChangeLog } from './changes.ts';
import { CLOSING } from './chars.ts';
import { recogniseLabel, repeatedLabels } from './labels.ts';

export function repairParagraphs(blocks: TrackedText[], log: ChangeLog, principals: string | string[]): TrackedText[] {
  const out: TrackedText[] = [];
  // The same label recogniser as the structure stage (scripts/reader/labels.ts).
  const ctx = { principals: typeof principals === 'string' ? [principals].filter(Boolean) : principals, repeated: repeatedLabels(blocks.map((b) => b.text)) };
  const isLabel = (t: TrackedText) => recogniseLabel(t.text, ctx) !== null;
  for (let i = 0; i < blocks.length; i++) {
    let block = blocks[i];
    const previous = out[out.length - 1];
    // The first block is the title line: it rightly ends without punctuation.
    if (previous && out.length > 1 && !isLabel(block) && !recogniseLabel(previous.text, ctx)?.alone) {
      // A fragment may have been pasted more than once (验。验。).
      for (let fragment = repeatedTail(previous.text, block.text); fragment > 0; fragment = repeatedTail(previous.text, block.text)) {
        log.record('para-fragment', block, 0, fragment, '', { confidence: 0.97,
          note: `repeats the end of the previous paragraph` });
        block = block.slice(fragment);
      }
      if (block.text.trim() === '') continue;
      if (!CLOSING.includes(previous.text[previous.length - 1]) && runsOn(previous.text, block.text)) {
        // Recorded at the break: before is the paragraph break (¶), after is nothing.
        log.record('para-join', previous, previous.length, previous.length, '', {
          before: '¶', confidence: 0.95, note: 'the paragraph ended without closing punctuation; joined to the next' });
        // Latin words need their space back; Chinese joins without one.
        const space = /[\p{Script=Latin}\p{N},;]$/u.test(previous.text) && /^[\p{Script=Latin}\p{N}]/u.test(block.text) ? ' ' : '';
        out[out.length - 1] = previous.concat(space, block);
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/**
 * Length of a leading fragment of `next` that repeats the end of `previous`: a short piece that ends
 * with sentence punctuation and is exactly the last characters of the previous paragraph (`益。`).
 */
export function repeatedTail(previous: string, next: string): number {
  const m = /^[^。！？!?]{1,12}[。！？!?]/u.exec(next);
  if (!m) return 0;
  const piece = m[0];
  if (!previous.endsWith(piece) || piece.length >= previous.length) return 0;
  // The copy must start mid-sentence in the previous paragraph (利|益。): a whole sentence said
  // again is speech, not a fragment.
  if (/[。！？!?：:；;]/.test(previous[previous.length - piece.length - 1])) return 0;
  // Only when something follows, or the whole block is the fragment; never a full sentence said again.
  return piece.length <= 6 || next.length === piece.length ? piece.length : 0;
}

/** Whether `next` continues the sentence `previous` left open (it does not open a new sentence). */
function runsOn(previous: string, next: string): boolean {
  if (/^[\p{Script=Han}\p{Script=Latin}\p{N}“《（]/u.test(next) && /[\p{Script=Han}\p{Script=Latin}\p{N}”》）、，]$/u.test(previous)) {
    // A heading-like short line (no punctuation at all) followed by text is left alone.
    return /[，。、；：]/.test(previous) || previous.length > 40;
  }
  return false;
}
