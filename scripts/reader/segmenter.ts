// The reader's use of the one shared jieba instance, from lang/words.ts (where the title breaker uses it too):
// the raw dictionary, and jieba for a short text without the whole
// dictionary (jiebaFor), so that a small file starts quickly.
export { getJieba, dictionaryBytes, dictionaryTable, jiebaFor, releaseDictionary, scopedJieba } from '../lang/words.ts';
