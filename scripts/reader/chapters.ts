/**
 * A transcript's own chapter headings: a podcast's topics (`Introduction`, `OpenAI board saga`, `Will
 * GPT-5 be AGI?` between the turns of a Lex Fridman transcript), a debate's title above the exchange it
 * heads (`Engagements` in Hansard). Such a line is nobody's speech: read into the turn above it, it puts
 * a heading in a speaker's mouth. It opens a section under its own words instead.
 *
 * A line is a chapter heading when it stands between a turn's speech and the next label (or just above
 * the first label), is short, starts as a heading does (not in lower case, not with a time stamp), and
 * does not end a sentence. One such line proves nothing (a speaker's `Thank you` without its stop); the
 * document's convention does: at least two of them, in a document whose speech paragraphs end their
 * sentences. Once the document has the convention, a heading that asks (`Will GPT-5 be AGI?`) is one too.
 */
import { isFurniture, stampedAlone } from './convention.ts';
import { isTimeLine } from './dates.ts';

/** Ends a sentence or a clause: not how a heading ends. */
const ENDS_SENTENCE = /[.!?。！？…:：;；,，、—–-]["”’」』）)\]】]?$/u;
/** Ends a question: a heading may, where the document's other headings prove the convention. */
const ASKS = /[?？]["”’」』）)]?$/u;
/** Starts with a time stamp, as a podcast's speech paragraphs do (`(00:01:05) Take me through…`). */
const STAMP = /^[([]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?/u;

const MAX_CHARS = 60;
const MAX_WORDS = 10;
/** The share of speech paragraphs that must end a sentence for unpunctuated lines to read as headings. */
const PUNCTUATED = 0.9;

/** The blocks that are chapter headings. `labels[i]` is the label decided for block `i` (null when none). */
export function chapterHeadings(texts: string[], labels: readonly unknown[]): Set<number> {
  const first = labels.findIndex(Boolean);
  const found = new Set<number>();
  if (first < 0) return found;
  const plain: number[] = [];
  const asking: number[] = [];
  let speech = 0;
  let ended = 0;
  for (let i = Math.max(0, first - 1); i < texts.length; i++) {
    if (labels[i]) continue;
    const t = texts[i].trim();
    const shape = headingShape(texts, labels, i, first);
    if (shape === 'plain') plain.push(i);
    else if (shape === 'asks') asking.push(i);
    if (shape !== 'plain' && i > first && !isFurniture(t)) {
      speech++;
      if (ENDS_SENTENCE.test(t)) ended++;
    }
  }
  if (plain.length < 2 || (speech > 0 && ended / speech < PUNCTUATED)) return found;
  for (const i of [...plain, ...asking]) found.add(i);
  return found;
}

/** Whether block `i` stands where a heading stands and reads as one: `plain`, `asks` (ends with ?), or no. */
function headingShape(texts: string[], labels: readonly unknown[], i: number, first: number): 'plain' | 'asks' | null {
  const t = texts[i].trim();
  let next = i + 1;
  while (next < texts.length && isFurniture(texts[next])) next++;
  if (next >= texts.length || !labels[next]) return null;
  // Between a turn's speech and the next label: the block above is speech (not the label whose speech
  // this line would be), ending its sentence; or the line right above the first label.
  if (i > first) {
    const above = texts[i - 1].trim();
    if (labels[i - 1] || !ENDS_SENTENCE.test(above)) return null;
  } else if (i !== first - 1) return null;
  if (t.length < 2 || t.length > MAX_CHARS || t.split(/\s+/u).length > MAX_WORDS) return null;
  // A heading starts with a word, a number or a sign of one (`$7 trillion of compute`); not with a rule
  // (`--- Later in debate ---`, Hansard's divider), a bracket (a stage direction) or a small letter.
  if (!/^[\p{L}\p{N}$£€#"“‘']/u.test(t) || /^\p{Ll}/u.test(t) || STAMP.test(t) || isFurniture(t) || isTimeLine(t) || stampedAlone(t)) return null;
  if (ASKS.test(t)) return 'asks';
  return ENDS_SENTENCE.test(t) ? null : 'plain';
}
