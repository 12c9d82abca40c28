// The reader's use of the one shared jieba instance (lang/words.ts): keywords and the raw dictionary.
import { TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { getJieba } from '../lang/words.ts';

export { getJieba };

let tfidf: TfIdf | null = null;

/** TF-IDF keywords of a text (jieba's IDF table), best first. */
export function keywords(text: string, top: number, allowedPos?: string[]): string[] {
  tfidf ??= TfIdf.withDict(idf);
  return tfidf.extractKeywords(getJieba(), text, top, allowedPos).map((k) => k.keyword);
}

/** The dictionary's bytes, `word freq tag` per line (the compact word table is cached by their hash). */
export function dictionaryBytes(): Buffer {
  return Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength);
}
