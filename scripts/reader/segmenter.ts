// The reader's use of the one shared jieba instance (lang/words.ts): keywords, the raw dictionary, and
// jieba for a short text without the whole dictionary (jiebaFor), so that a small file starts quickly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { getJieba, jiebaLoaded } from '../lang/words.ts';
import { wordTable, type WordTable } from './wordtable.ts';

export { getJieba };

const require = createRequire(import.meta.url);
let tfidf: TfIdf | null = null;
let dictionary: Buffer | null = null;
let table: WordTable | null = null;

/** TF-IDF keywords of a text (jieba's IDF table), best first. */
export function keywords(text: string, top: number, allowedPos?: string[]): string[] {
  tfidf ??= TfIdf.withDict(readFileSync(require.resolve('@node-rs/jieba/idf.txt')));
  return tfidf.extractKeywords(getJieba(), text, top, allowedPos).map((k) => k.keyword);
}

/** The dictionary's bytes, `word freq tag` per line (the compact word table is cached by their hash). */
export function dictionaryBytes(): Buffer {
  return (dictionary ??= readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
}

/** The dictionary as the compact table (wordtable.ts), made once per process. */
export function dictionaryTable(): WordTable {
  return (table ??= wordTable(dictionaryBytes()));
}

/** Longest text jiebaFor cuts with a dictionary of its own, and how many it does before loading the whole one. */
const SCOPED_CHARS = 64;
const SCOPED_USES = 300;
let scopedUses = 0;

/**
 * jieba for one short text without parsing its 349,000-entry dictionary (half a second at every start):
 * an instance whose dictionary holds only the entries that occur in the text, plus one entry the text
 * cannot contain that carries the rest of the total frequency. jieba's cut and tags of a text depend
 * only on the entries that are substrings of it (the word graph, the HMM's unknown runs, the tags) and on
 * that total (each route's log probability), so the result is the full dictionary's
 * (test/reader/jieba-scoped.test.ts compares them). A long text, or many, use the shared instance.
 */
export function jiebaFor(text: string): Jieba {
  if (jiebaLoaded() || text.length > SCOPED_CHARS || ++scopedUses > SCOPED_USES) return getJieba();
  return scopedJieba(text);
}

/** An instance with only the dictionary entries `text` contains (and the same total frequency). */
export function scopedJieba(text: string): Jieba {
  const words = dictionaryTable();
  const lines: string[] = [];
  const seen = new Set<string>();
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    for (let n = 1; n <= words.maxLength && i + n <= text.length; n++) {
      const w = text.slice(i, i + n);
      const freq = words.freq(w);
      if (freq === 0 || seen.has(w)) continue;
      seen.add(w);
      sum += freq;
      lines.push(`${w} ${freq} ${words.tag(w) ?? 'x'}`);
    }
  }
  let filler = 0xe000;
  while (text.includes(String.fromCharCode(filler))) filler++;
  if (words.total > sum) lines.push(`${String.fromCharCode(filler)} ${words.total - sum} x`);
  const scoped = new Jieba();
  scoped.loadDict(Buffer.from(lines.join('\n') + '\n'));
  return scoped;
}
