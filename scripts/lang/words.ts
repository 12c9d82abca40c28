// Chinese words, in one place: one shared jieba instance (a frequency dictionary plus its HMM for words
// the dictionary lacks, which keeps personal names whole: 华春莹, 汪文斌), made on first use. The reader
// (reader/segmenter.ts), the index and the title line breaker (render/lines.ts) all cut with it.
//
// jieba's dictionary is Simplified, so Traditional text is cut on its Simplified form (OpenCC t → cn,
// which maps character for character) and the cuts are carried back to the original characters.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { t2s } from './language.ts';
import { wordTableOfFile, type WordTable } from '../reader/wordtable.ts';

const require = createRequire(import.meta.url);
/** The native module, loaded on first use: a text without Han never needs it, and loading it was a
 * tenth of a short command's start. */
let native: typeof import('@node-rs/jieba') | null = null;
const JiebaClass = () => (native ??= require('@node-rs/jieba') as typeof import('@node-rs/jieba')).Jieba;
let dictionary: Buffer | null = null;
let table: WordTable | null = null;

let jieba: Jieba | null = null;

/** The instance with jieba's whole dictionary (dict.txt only; the package's dict.js also reads the IDF table). */
export function getJieba(): Jieba {
  return (jieba ??= JiebaClass().withDict(dictionaryBytes()));
}

/** True once the whole dictionary is loaded (then nothing is gained by a smaller one). */
export function jiebaLoaded(): boolean {
  return jieba !== null;
}

const HAN = /\p{Script=Han}/u;

/**
 * `text` cut into words (every character kept, in order): jieba with its HMM, on the Simplified form of
 * Traditional text when that form has as many characters.
 */
export function chineseWords(text: string): string[] {
  if (!HAN.test(text)) return [text];
  const chars = [...text];
  const simplified = [...t2s(text)];
  if (simplified.length !== chars.length) return jiebaFor(text).cut(text, true);
  const out: string[] = [];
  let at = 0;
  const cut = simplified.join('');
  for (const w of jiebaFor(cut).cut(cut, true)) {
    const n = [...w].length;
    out.push(chars.slice(at, at + n).join(''));
    at += n;
  }
  return out;
}

/** The dictionary's bytes, `word freq tag` per line (the compact word table is cached by their hash). */
export function dictionaryBytes(): Buffer {
  return (dictionary ??= readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
}

/** The dictionary as the compact table (wordtable.ts), made once per process. */
export function dictionaryTable(): WordTable {
  // From the dictionary's path: a start whose table is cached reads neither the dictionary nor hashes it.
  return (table ??= wordTableOfFile(require.resolve('@node-rs/jieba/dict.txt')));
}

/** Lets the dictionary's table and bytes go (10 MB; a build does while Chromium prints): the next use reads them again. */
export function releaseDictionary(): void {
  table = null;
  dictionary = null;
}

/** Longest text jiebaFor cuts with the growing dictionary, and how many characters it scans before loading the whole one. */
const SCOPED_CHARS = 64;
const SCOPED_BUDGET = 2_000_000;
let scopedBudget = SCOPED_BUDGET;

/**
 * jieba for one short text without parsing its 349,000-entry dictionary (half a second at every start):
 * an instance whose dictionary holds only the entries that occur in the texts asked about so far, plus
 * one entry no text contains that carries the rest of the total frequency. jieba's cut and tags of a text
 * depend only on the entries that are substrings of it (the word graph, the HMM's unknown runs, the tags)
 * and on that total (each route's log probability), so the result is the full dictionary's
 * (test/reader/jieba-scoped.test.ts compares them); entries of other texts are never in its word graph.
 * A long text, or a process that has scanned very many, use the shared instance.
 */
export function jiebaFor(text: string): Jieba {
  if (jiebaLoaded() || text.length > SCOPED_CHARS || (scopedBudget -= text.length) < 0) return getJieba();
  return growing.cover(text) ?? scopedJieba(text);
}

/** The entries of `text`'s substrings not yet in `seen`, as dictionary lines, and their frequencies' sum. */
function newEntries(text: string, words: WordTable, seen: Set<string>): { lines: string[]; sum: number } {
  const lines: string[] = [];
  let sum = 0;
  // Looked up in place first, all spans from one position at once: most are no word, and need no substring.
  const freqs = new Uint32Array(words.maxLength);
  for (let i = 0; i < text.length; i++) {
    words.freqsFrom(text, i, Math.min(text.length, i + words.maxLength), freqs);
    for (let n = 1; n <= words.maxLength && i + n <= text.length; n++) {
      const freq = freqs[n - 1]!;
      if (freq === 0) continue;
      const w = text.slice(i, i + n);
      if (seen.has(w)) continue;
      seen.add(w);
      sum += freq;
      lines.push(`${w} ${freq} ${words.tag(w) ?? 'x'}`);
    }
  }
  return { lines, sum };
}

/** The one growing instance: entries are added as texts need them, and the filler entry's frequency is reset
 * (jieba replaces an entry loaded again and corrects its total) so the total stays the whole dictionary's. */
const growing = {
  jieba: null as Jieba | null,
  seen: new Set<string>(),
  sum: 0,
  filler: String.fromCharCode(0xe000),
  cover(text: string): Jieba | null {
    if (text.includes(this.filler)) return null;
    const words = dictionaryTable();
    const { lines, sum } = newEntries(text, words, this.seen);
    this.sum += sum;
    if (words.total <= this.sum) return null;
    const fresh = !this.jieba;
    this.jieba ??= new (JiebaClass())();
    if (lines.length || fresh) {
      lines.push(`${this.filler} ${words.total - this.sum} x`);
      this.jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
    }
    return this.jieba;
  },
};

/** An instance with only the dictionary entries `text` contains (and the same total frequency). */
export function scopedJieba(text: string): Jieba {
  const words = dictionaryTable();
  const { lines, sum } = newEntries(text, words, new Set<string>());
  let filler = 0xe000;
  while (text.includes(String.fromCharCode(filler))) filler++;
  if (words.total > sum) lines.push(`${String.fromCharCode(filler)} ${words.total - sum} x`);
  const scoped = new (JiebaClass())();
  scoped.loadDict(Buffer.from(lines.join('\n') + '\n'));
  return scoped;
}
