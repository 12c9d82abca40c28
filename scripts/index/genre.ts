// The background an entry must stand out against: how many transcripts of the genre (the corpus's
// dev part: briefings, press conferences, interviews, speeches) use a word, per language, made by
// `npx tsx scripts/eval/genre.ts` into genre.json (generated data, never edited by hand), and jieba's
// IDF of general Chinese. A word most briefings use (中方, 合作, we, today) is the genre's, not the book's.

import { idf } from '@node-rs/jieba/dict.js';
import genre from './genre.json' with { type: 'json' };

export interface GenreTable {
  /** Transcripts counted, per language. */
  docs: Record<'zh' | 'en', number>;
  /** Words in at least two transcripts: how many. Chinese words in Simplified, English in lower case. */
  df: Record<'zh' | 'en', Record<string, number>>;
}

const table = genre as GenreTable;

/** Share of the genre's transcripts that use a word (0 for a word none or one used). */
export function genreDf(lang: 'zh' | 'en', word: string): number {
  const n = table.df[lang][lang === 'en' ? word.toLowerCase() : word] ?? 0;
  return table.docs[lang] ? n / table.docs[lang] : 0;
}

let idfTable: Map<string, number> | null = null;
let idfMedian = 10;

/** jieba's IDF of a word (general Chinese); unknown words get the median, as jieba's TF-IDF does. */
export function idfOf(word: string): number {
  if (!idfTable) {
    idfTable = new Map();
    const values: number[] = [];
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp <= 0) continue;
      const v = Number(line.slice(sp + 1));
      idfTable.set(line.slice(0, sp), v);
      values.push(v);
    }
    values.sort((a, b) => a - b);
    idfMedian = values[values.length >> 1] ?? 10;
  }
  return idfTable.get(word) ?? idfMedian;
}

/** For the builder: the file this table is read from. */
export const genreFile = new URL('./genre.json', import.meta.url);
