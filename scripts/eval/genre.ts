// Builds scripts/index/genre.json, the background the automatic index measures salience against: in
// how many of the corpus's dev transcripts (test/corpus, `split: dev`; never the test part) each word
// occurs, per language. Chinese is cut by jieba after conversion to Simplified; English words are
// lower-cased. Only words in at least two transcripts are kept. Run: npx tsx scripts/eval/genre.ts
import { fileURLToPath } from 'node:url';
import { corpusRoot, loadCorpus } from '../fixtures/corpus.ts';
import { getJieba } from '../reader/segmenter.ts';
import { t2s } from '../lang/language.ts';
import { genreFile, type GenreTable } from '../index/genre.ts';
import { writeFileAtomic } from '../core/files.ts';

export function buildGenre(): GenreTable {
  const table: GenreTable = { docs: { zh: 0, en: 0 }, df: { zh: {}, en: {} } };
  for (const entry of loadCorpus(corpusRoot, 'dev')) {
    const split = (entry.expected as { split?: string }).split ?? 'dev';
    if (split !== 'dev') continue;
    const lang = entry.expected.language === 'en' ? 'en' : 'zh';
    const words = lang === 'zh'
      ? getJieba().cut(t2s(entry.text), true).filter((w) => /\p{Script=Han}/u.test(w))
      : (entry.text.toLowerCase().match(/\p{L}[\p{L}’'-]*/gu) ?? []).map((w) => w.replace(/[’']s$/u, ''));
    table.docs[lang]++;
    for (const w of new Set(words)) table.df[lang][w] = (table.df[lang][w] ?? 0) + 1;
  }
  for (const lang of ['zh', 'en'] as const) {
    const kept = Object.entries(table.df[lang]).filter(([, n]) => n >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    table.df[lang] = Object.fromEntries(kept);
  }
  return table;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = fileURLToPath(genreFile);
  writeFileAtomic(file, JSON.stringify(buildGenre()) + '\n');
  console.log(`wrote ${file}`);
}
