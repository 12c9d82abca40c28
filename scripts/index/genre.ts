// The background an entry must stand out against: how many transcripts of the genre (the corpus's
// dev part: briefings, press conferences, interviews, speeches) use a word, per language, made by
// `npx tsx scripts/eval/genre.ts` into genre.json (generated data, never edited by hand), and jieba's
// IDF of general Chinese. A word most briefings use (中方, 合作, we, today) is the genre's, not the book's.

import { lexicon } from '../reader/lexicon.ts';
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

/** The median IDF of jieba's idf.txt: what its TF-IDF gives a word it does not know. */
const IDF_UNKNOWN = 11.95;

/**
 * A word's rarity in general Chinese on the scale of jieba's IDF, from the dictionary frequency the
 * reader has already loaded (reader/lexicon.ts): over dictionary words, jieba's IDF is close to
 * 0.9 × (−log p) − 2.2 (least squares on a sample of briefing words; loading idf.txt as well took
 * seconds). An unknown word gets jieba's median IDF, as its TF-IDF does.
 */
export function idfOf(word: string): number {
  const logp = lexicon().word(word);
  return logp === undefined ? IDF_UNKNOWN : Math.max(0, 0.9 * -logp - 2.2);
}

/** For the builder: the file this table is read from. */
export const genreFile = new URL('./genre.json', import.meta.url);
