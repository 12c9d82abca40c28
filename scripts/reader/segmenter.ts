// The reader's use of the one shared jieba instance (lang/words.ts): keywords, and (from lang/words.ts,
// where the title breaker uses them too) the raw dictionary and jieba for a short text without the whole
// dictionary (jiebaFor), so that a small file starts quickly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TfIdf } from '@node-rs/jieba';
import { getJieba } from '../lang/words.ts';

export { getJieba, dictionaryBytes, dictionaryTable, jiebaFor, scopedJieba } from '../lang/words.ts';

const require = createRequire(import.meta.url);
let tfidf: TfIdf | null = null;

/** TF-IDF keywords of a text (jieba's IDF table), best first. */
export function keywords(text: string, top: number, allowedPos?: string[]): string[] {
  tfidf ??= TfIdf.withDict(readFileSync(require.resolve('@node-rs/jieba/idf.txt')));
  return tfidf.extractKeywords(getJieba(), text, top, allowedPos).map((k) => k.keyword);
}
