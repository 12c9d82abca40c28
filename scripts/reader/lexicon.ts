// A unigram word model over jieba's frequency dictionary (the same dictionary @node-rs/jieba
// segments with). The dictionary is Simplified; Traditional text is scored through its Simplified
// view (scoringView), which has the same length, so positions carry over to the original. It answers "how likely is this text?" as the log-probability of its best
// segmentation (jieba's own DAG + max-route algorithm), which is what the duplicate repair needs
// and what the segmenter's API does not expose.
import { dictionaryTable, releaseDictionary } from './segmenter.ts';
import { tableFromText, type WordTable } from './wordtable.ts';
import { t2s } from '../lang/language.ts';

export interface Segmentation {
  score: number;
  /** Word boundaries: words[i] = [start, end). */
  words: [number, number][];
}

export class Lexicon {
  private readonly logTotal: number;
  readonly maxWordLength: number;
  /** Score of a character the dictionary does not know as a word. */
  readonly unknownScore: number;

  /** `dictionary`: jieba's `word freq [tag]` text, or the compact table made from it (wordtable.ts). */
  constructor(dictionary: string | WordTable) {
    this.table = typeof dictionary === 'string' ? tableFromText(dictionary) : dictionary;
    this.logTotal = Math.log(this.table.total);
    this.maxWordLength = Math.min(this.table.maxLength, 16);
    this.unknownScore = Math.log(1) - this.logTotal; // jieba gives unknown pieces the minimum frequency
  }

  private readonly table: WordTable;
  /** Scratch for segment: the frequencies of the spans from one position. */
  private readonly spans = new Uint32Array(16);
  /** Scratch for segment: each position's best score and where its best word ends, grown as needed
   * (two typed arrays per call were most of what the duplicate repair allocated: a typed array of more
   * than 64 bytes has its own buffer outside the heap). */
  private best = new Float64Array(64);
  private next = new Int32Array(64);

  /** Log-probability of `word` as one dictionary word, or undefined. */
  word(word: string): number | undefined {
    const f = this.table.freq(word);
    return f > 0 ? Math.log(f) - this.logTotal : undefined;
  }

  /** How often jieba's corpus has `word` (its dictionary count), or undefined. */
  frequency(word: string): number | undefined {
    const f = this.table.freq(word);
    return f > 0 ? f : undefined;
  }

  /** jieba's part-of-speech tag of a dictionary word (n, v, f, p, u…), or undefined. */
  tag(word: string): string | undefined {
    return this.table.tag(word);
  }

  has(word: string): boolean {
    return this.table.freq(word) > 0;
  }

  /**
   * The dictionary's lattice at a junction: the words of two or more characters that end at `at`
   * in `text` (their start positions) and those that begin at `at` (their end positions).
   */
  junction(text: string, at: number): { lefts: number[]; rights: number[] } {
    const lefts: number[] = [];
    const rights: number[] = [];
    for (let a = at - 2; a >= Math.max(0, at - this.maxWordLength); a--) if (this.has(text.slice(a, at))) lefts.push(a);
    for (let b = at + 2; b <= Math.min(text.length, at + this.maxWordLength); b++) if (this.has(text.slice(at, b))) rights.push(b);
    return { lefts, rights };
  }

  /** Best segmentation of `text` (max sum of word log-probabilities; single characters always allowed). */
  segment(text: string): Segmentation {
    const n = text.length;
    if (this.best.length < n + 1) {
      this.best = new Float64Array(Math.max(n + 1, this.best.length * 2));
      this.next = new Int32Array(this.best.length);
    }
    const best = this.best;
    const next = this.next;
    best[n] = 0;
    // The spans' frequencies read in place, all those from i at once (a substring and a hash per span
    // were most of the segmenter's time and garbage).
    const freqs = this.spans;
    for (let i = n - 1; i >= 0; i--) {
      let bestScore = -Infinity;
      let bestEnd = i + 1;
      const limit = Math.min(n, i + this.maxWordLength);
      this.table.freqsFrom(text, i, limit, freqs);
      for (let j = i + 1; j <= limit; j++) {
        const f = freqs[j - i - 1]!;
        const s = f > 0 ? Math.log(f) - this.logTotal : j === i + 1 ? this.unknownScore : undefined;
        if (s === undefined) continue;
        const total = s + best[j];
        if (total > bestScore) { bestScore = total; bestEnd = j; }
      }
      best[i] = bestScore;
      next[i] = bestEnd;
    }
    const words: [number, number][] = [];
    for (let i = 0; i < n; i = next[i]!) words.push([i, next[i]!]);
    return { score: best[0]!, words };
  }
}

let shared: Lexicon | null = null;
/** Lets the shared model and the dictionary's table go (a build does while Chromium prints): the next use loads them again. */
export function releaseLexicon(): void {
  shared = null;
  releaseDictionary();
}

/** The shared model, made on first use from the cached compact table (wordtable.ts). */
export function lexicon(): Lexicon {
  return (shared ??= new Lexicon(dictionaryTable()));
}

/**
 * The text the word model scores: Simplified Chinese, one character for one character, so that a
 * position in the view is the same position in the original. Every passage goes through it,
 * whatever the book's language says: a Traditional passage in a book read as Simplified (a Hong
 * Kong transcript quoting a mainland title, a book without `language`) is scored as the words it
 * is, never as Simplified text with unknown words. Simplified text passes unchanged. Converted with
 * OpenCC (t→cn, phrase-aware); should a conversion ever change the length, each character is
 * converted alone, and a character whose conversion is not one character is kept as it is.
 */
export function scoringView(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  const whole = t2s(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = t2s(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
