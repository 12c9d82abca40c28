// Chinese words, in one place: one shared jieba instance (a frequency dictionary plus its HMM for words
// the dictionary lacks, which keeps personal names whole: 华春莹, 汪文斌), made on first use. The reader
// (reader/segmenter.ts), the index and the title line breaker (render/lines.ts) all cut with it.
//
// jieba's dictionary is Simplified, so Traditional text is cut on its Simplified form (OpenCC t → cn,
// which maps character for character) and the cuts are carried back to the original characters.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { t2s } from './language.ts';

let jieba: Jieba | null = null;

/** The instance with jieba's whole dictionary (dict.txt only; the package's dict.js also reads the IDF table). */
export function getJieba(): Jieba {
  return (jieba ??= Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'))));
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
  if (simplified.length !== chars.length) return getJieba().cut(text, true);
  const out: string[] = [];
  let at = 0;
  for (const w of getJieba().cut(simplified.join(''), true)) {
    const n = [...w].length;
    out.push(chars.slice(at, at + n).join(''));
    at += n;
  }
  return out;
}
