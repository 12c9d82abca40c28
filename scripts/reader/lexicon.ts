// A unigram word model over jieba's frequency dictionary (the same dictionary @node-rs/jieba
// segments with). It answers "how likely is this text?" as the log-probability of its best
// segmentation (jieba's own DAG + max-route algorithm), which is what the duplicate repair needs
// and what the segmenter's API does not expose.
import { dictionaryText } from './segmenter.ts';

export interface Segmentation {
  score: number;
  /** Word boundaries: words[i] = [start, end). */
  words: [number, number][];
}

export class Lexicon {
  private readonly logFreq = new Map<string, number>();
  private readonly logTotal: number;
  readonly maxWordLength: number;
  /** Score of a character the dictionary does not know as a word. */
  readonly unknownScore: number;

  constructor(dictionary: string) {
    let total = 0;
    let maxLen = 1;
    const entries: [string, number][] = [];
    for (const line of dictionary.split('\n')) {
      const sp = line.indexOf(' ');
      if (sp <= 0) continue;
      const word = line.slice(0, sp);
      const freq = parseInt(line.slice(sp + 1), 10);
      if (!(freq > 0)) continue;
      entries.push([word, freq]);
      total += freq;
      if (word.length > maxLen) maxLen = word.length;
    }
    this.logTotal = Math.log(total);
    for (const [w, f] of entries) this.logFreq.set(w, Math.log(f) - this.logTotal);
    this.maxWordLength = Math.min(maxLen, 16);
    this.unknownScore = Math.log(1) - this.logTotal; // jieba gives unknown pieces the minimum frequency
  }

  /** Log-probability of `word` as one dictionary word, or undefined. */
  word(word: string): number | undefined {
    return this.logFreq.get(word);
  }

  has(word: string): boolean {
    return this.logFreq.has(word);
  }

  /** Best segmentation of `text` (max sum of word log-probabilities; single characters always allowed). */
  segment(text: string): Segmentation {
    const n = text.length;
    const best = new Float64Array(n + 1);
    const next = new Int32Array(n + 1);
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      let bestScore = -Infinity;
      let bestEnd = i + 1;
      const limit = Math.min(n, i + this.maxWordLength);
      for (let j = i + 1; j <= limit; j++) {
        const w = this.logFreq.get(text.slice(i, j));
        const s = (w ?? (j === i + 1 ? this.unknownScore : undefined));
        if (s === undefined) continue;
        const total = s + best[j];
        if (total > bestScore) { bestScore = total; bestEnd = j; }
      }
      best[i] = bestScore;
      next[i] = bestEnd;
    }
    const words: [number, number][] = [];
    for (let i = 0; i < n; i = next[i]) words.push([i, next[i]]);
    return { score: best[0], words };
  }
}

let shared: Lexicon | null = null;
export function lexicon(): Lexicon {
  return (shared ??= new Lexicon(dictionaryText()));
}
