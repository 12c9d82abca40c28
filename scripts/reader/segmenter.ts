// One shared jieba instance (Chinese word segmentation with a frequency dictionary), made on first use.
import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;
let tfidf: TfIdf | null = null;

export function getJieba(): Jieba {
  return (jieba ??= Jieba.withDict(dict));
}

/** TF-IDF keywords of a text (jieba's IDF table), best first. */
export function keywords(text: string, top: number, allowedPos?: string[]): string[] {
  tfidf ??= TfIdf.withDict(idf);
  return tfidf.extractKeywords(getJieba(), text, top, allowedPos).map((k) => k.keyword);
}

/** The dictionary's bytes, `word freq tag` per line (the compact word table is cached by their hash). */
export function dictionaryBytes(): Buffer {
  return Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength);
}
