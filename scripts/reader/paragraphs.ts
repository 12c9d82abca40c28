// Paragraph repair across blocks: join a paragraph broken mid-sentence, drop a stray fragment that
// only repeats the tail of the paragraph before it. A speaker label's paragraph is never merged
// into the one before it. In `verbatim` a paragraph break is the source's own layout (a White House
// page breaks some paragraphs mid-sentence): it is joined only where it cuts a word in two (宪|章,
// govern|ment), which no layout does; other breaks mid-sentence are listed for review, and `edited`
// joins them.
import type { TrackedText } from './tracked-text.ts';
import type { ChangeLog } from './changes.ts';
import { CLOSING } from './chars.ts';
import { documentLabels, DocumentLabels } from './document-labels.ts';
import { lexicon } from './lexicon.ts';
import { isEnglishWord } from './english.ts';

export function repairParagraphs(blocks: TrackedText[], log: ChangeLog, labels: DocumentLabels | string | string[], options: { style?: 'edited' | 'verbatim' } = {}): TrackedText[] {
  const edited = options.style === 'edited';
  const out: TrackedText[] = [];
  // The document's label decisions (document-labels.ts), the ones every stage reads, built once by the
  // reader; a list of principals (unit tests) builds them here.
  const decided = labels instanceof DocumentLabels ? labels
    : documentLabels(blocks.map((b) => b.text), (typeof labels === 'string' ? [labels] : labels).filter(Boolean));
  const isLabel = (t: TrackedText) => decided.at(t.text) !== null;
  for (let i = 0; i < blocks.length; i++) {
    let block = blocks[i];
    const previous = out[out.length - 1];
    // The first block is the title line: it rightly ends without punctuation.
    if (previous && out.length > 1 && !isLabel(block) && !decided.at(previous.text)?.alone) {
      // A fragment may have been pasted more than once (验。验。).
      for (let fragment = repeatedTail(previous.text, block.text); fragment > 0; fragment = repeatedTail(previous.text, block.text)) {
        log.record('para-fragment', block, 0, fragment, '', { confidence: 0.97,
          note: `repeats the end of the previous paragraph` });
        block = block.slice(fragment);
      }
      if (block.text.trim() === '') continue;
      const run = CLOSING.includes(previous.text[previous.length - 1]) ? null : runsOn(previous.text, block.text);
      const join = run && (edited || run.cutsWord) ? run.confidence : null;
      if (run && join === null) {
        log.record('para-join', previous, previous.length, previous.length, '', {
          before: '¶', applied: false, confidence: run.confidence, note: 'the paragraph breaks mid-sentence here, as in the source: join it if that is a copying slip (`edited` joins it)' });
      }
      if (join !== null && join < APPLY_JOIN) {
        log.record('para-join', previous, previous.length, previous.length, '', {
          before: '¶', applied: false, confidence: join, note: 'the paragraph ends without closing punctuation: a heading, or broken mid-sentence?' });
      }
      if (join !== null && join >= APPLY_JOIN) {
        // Recorded at the break: before is the paragraph break (¶), after is nothing.
        log.record('para-join', previous, previous.length, previous.length, '', {
          before: '¶', confidence: join, note: 'the paragraph ended without closing punctuation; joined to the next' });
        // Latin words need their space back; Chinese joins without one.
        const space = !run!.cutsWord && /[\p{Script=Latin}\p{N},;]$/u.test(previous.text) && /^[\p{Script=Latin}\p{N}]/u.test(block.text) ? ' ' : '';
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

/** Confidence from which a broken paragraph is joined rather than listed for review. */
export const APPLY_JOIN = 0.95;

/**
 * How sure it is that `next` continues the sentence `previous` left open, or null when it plainly
 * does not. English: a paragraph never starts with a small letter. Chinese: the break splits a
 * word (联合国宪|章), or the paragraph before is running text (it has a comma or a full stop inside)
 * and stops on a character. A line without either is a heading, a dateline, a byline or a speaker's
 * title (三、蔡主委年終記者會全文, 来源：CCTV.com, 国防部新闻发言人吴谦大校): never joined.
 */
function runsOn(previous: string, next: string): { confidence: number; cutsWord: boolean } | null {
  const on = (confidence: number | null, cutsWord = false) => (confidence === null ? null : { confidence, cutsWord });
  if (/[\p{Script=Latin},]$/u.test(previous) && /^[a-z]/.test(next)) return on(0.99, cutsEnglishWord(previous, next));
  if (!/[\p{Script=Han}]$/u.test(previous) || !/^[\p{Script=Han}“《（]/u.test(next)) return null;
  if (splitsWordAcross(previous, next)) return on(0.99, true);
  return on(runsOnHan(previous, next));
}

function runsOnHan(previous: string, next: string): number | null {
  // A quotation opened and not closed: the sentence goes on (举办“海 | 峡青年乞巧民俗节”).
  if (previous.lastIndexOf('“') > previous.lastIndexOf('”')) return 0.97;
  // The next paragraph opens with a label or a field (发布人：, 地点：): it is a paragraph of its own.
  if (/^[^，。：:\s]{1,10}[：:]/u.test(next)) return null;
  const running = previous.length >= 8 && /[，。；！？]/.test(previous);
  if (!running) return null;
  // A particle, preposition or conjunction never ends a sentence (…复杂多变的 | 国际地区形势).
  return /[的和与及在对把被将向从为是而并或]$/u.test(previous) ? 0.99 : 0.96;
}

/** The letters on both sides of the break make one English word and are not both words (govern|ment). */
function cutsEnglishWord(previous: string, next: string): boolean {
  const left = /[A-Za-z]+$/.exec(previous)?.[0];
  const right = /^[a-z]+/.exec(next)?.[0];
  if (!left || !right) return false;
  return isEnglishWord(left + right) && !(isEnglishWord(left) && isEnglishWord(right));
}

/** A dictionary word of two or more characters spans the break (宪|章, 发|展). */
function splitsWordAcross(previous: string, next: string): boolean {
  const lex = lexicon();
  const tail = previous.slice(-3);
  const head = next.slice(0, 3);
  const seg = lex.segment(tail + head);
  return seg.words.some(([a, b]) => a < tail.length && b > tail.length && b - a >= 2);
}
