// A unigram word model over jieba's frequency dictionary (the same dictionary @node-rs/jieba
// segments with). The dictionary is Simplified; Traditional text is scored through its Simplified
// view (scoringView), which has the same length, so positions carry over to the original. It answers "how likely is this text?" as the log-probability of its best
// segmentation (jieba's own DAG + max-route algorithm), which is what the duplicate repair needs
// and what the segmenter's API does not expose.
import { dictionaryText } from './segmenter.ts';
import { t2s } from './language.ts';

export interface Segmentation {
  score: number;
  /** Word boundaries: words[i] = [start, end). */
  words: [number, number][];
}

export class Lexicon {
  private readonly logFreq = new Map<string, number>();
  private readonly tags = new Map<string, string>();
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
      const rest = line.slice(sp + 1);
      const freq = parseInt(rest, 10);
      if (!(freq > 0)) continue;
      entries.push([word, freq]);
      const tag = rest.slice(rest.indexOf(' ') + 1).trim();
      if (tag && rest.includes(' ')) this.tags.set(word, tag);
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

  /** How often jieba's corpus has `word` (its dictionary count), or undefined. */
  frequency(word: string): number | undefined {
    const logp = this.logFreq.get(word);
    return logp === undefined ? undefined : Math.round(Math.exp(logp + this.logTotal));
  }

  /** jieba's part-of-speech tag of a dictionary word (n, v, f, p, u…), or undefined. */
  tag(word: string): string | undefined {
    return this.tags.get(word);
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

/**
 * The text the word model scores: Simplified Chinese, one character for one character, so that a
 * position in the view is the same position in the original. Traditional text is converted with
 * OpenCC (t→cn, phrase-aware); should a conversion ever change the length, each character is
 * converted alone, and a character whose conversion is not one character is kept as it is.
 */
export function scoringView(text: string, language: string | undefined): string {
  if (language !== 'zh-Hant' || !/\p{Script=Han}/u.test(text)) return text;
  const whole = t2s(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = t2s(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
