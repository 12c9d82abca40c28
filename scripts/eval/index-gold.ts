// Measures the automatic index (issue 26) against index entries written by hand (test/index-gold/,
// data): the share of automatic entries that are real, useful entries (precision) and the share of
// hand-written people, places and organisations found with their full names (recall), per split.
// Used by test/index-auto.test.ts and printed by `npx tsx scripts/eval/index-gold.ts [--list]`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, corpusRoot, type CorpusEntry } from '../fixtures/corpus.ts';
import { readTranscript } from '../reader/read.ts';
import { flatEntries, type AutoEntry } from '../index/candidates.ts';
import { autoIndex } from '../index/auto.ts';
import { simplified } from '../reader/labels.ts';

export const goldRoot = join(corpusRoot, '..', 'index-gold');
/** Real transcripts the corpus does not hold, with gold only (test/index-gold/texts/README.md): all dev. */
export const indexTextsRoot = join(goldRoot, 'texts');

/** Every text that may have gold: the corpus, both parts, and the index-only texts. */
export function goldTexts(): Map<string, CorpusEntry> {
  const extra = existsSync(indexTextsRoot) ? loadCorpus(indexTextsRoot, 'all') : [];
  return new Map([...loadCorpus(corpusRoot, 'all'), ...extra].map((c) => [c.id, c]));
}

export interface Gold {
  id: string;
  split: 'dev' | 'test';
  people: string[][];
  places: string[][];
  organisations: string[][];
  subjects: string[][];
  neutral: string[];
  /** Automatic entries judged by a person after a run: true = useful. */
  judged?: Record<string, boolean>;
}

export interface BookScore {
  id: string;
  split: string;
  language: string;
  entries: { term: string; kind: string; verdict: 'gold' | 'judged-useful' | 'judged-wrong' | 'unjudged' | 'neutral' }[];
  names: { gold: string; kind: 'person' | 'place' | 'organisation'; found: boolean }[];
}

export function loadGold(root = goldRoot): Gold[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as Gold);
}

export const norm = (s: string) => simplified(s).replace(/[\s“”"《》「」『』.]/gu, '').toLowerCase();

/** The automatic entries of a corpus transcript, built as the build builds them (auto.ts autoIndex: the
 * same title, labels and principals left out). */
export function autoIndexOf(entry: CorpusEntry): AutoEntry[] {
  const read = readTranscript(Buffer.from(entry.text), entry.config);
  return autoIndex(read.tree, { ...entry.config, language: entry.expected.language });
}

export function scoreBook(entry: CorpusEntry, gold: Gold): BookScore {
  const auto = flatEntries(autoIndexOf(entry));
  const forms = (e: AutoEntry) => [e.term, ...e.aliases].map(norm);
  const all = [...gold.people, ...gold.places, ...gold.organisations, ...gold.subjects];
  const neutral = new Set(gold.neutral.map(norm));
  const entries = auto.map((e) => {
    const f = forms(e);
    let verdict: BookScore['entries'][number]['verdict'] = 'unjudged';
    if (neutral.has(norm(e.term))) verdict = 'neutral';
    else if (all.some((g) => g.map(norm).includes(norm(e.term)))) verdict = 'gold';
    else if (gold.judged && e.term in gold.judged) verdict = gold.judged[e.term] ? 'judged-useful' : 'judged-wrong';
    void f;
    return { term: e.term, kind: e.kind, verdict };
  });
  const kinds = [['person', gold.people], ['place', gold.places], ['organisation', gold.organisations]] as const;
  const names = kinds.flatMap(([kind, list]) => list.map((g) => {
    const gf = g.map(norm);
    return { gold: g[0], kind, found: auto.some((e) => gf.includes(norm(e.term))) };
  }));
  // The part is the corpus table's (test/corpus/README.md, expected.json `split`), never the gold file's own say.
  if (entry.expected.split !== gold.split) throw new Error(`test/index-gold/${gold.id}.json: split ${gold.split}, but the corpus puts ${entry.id} in ${entry.expected.split} (test/corpus/README.md, Parts): write "split": "${entry.expected.split}"`);
  return { id: entry.id, split: entry.expected.split, language: entry.expected.language, entries, names };
}

export interface Figures { books: number; entries: number; useful: number; wrong: number; unjudged: number; precisionStrict: number; precision: number; names: number; found: number; recall: number }

export function figures(scores: BookScore[]): Figures {
  const e = scores.flatMap((s) => s.entries).filter((x) => x.verdict !== 'neutral');
  const useful = e.filter((x) => x.verdict === 'gold' || x.verdict === 'judged-useful').length;
  const wrong = e.filter((x) => x.verdict === 'judged-wrong').length;
  const n = scores.flatMap((s) => s.names);
  const found = n.filter((x) => x.found).length;
  return {
    books: scores.length, entries: e.length, useful, wrong, unjudged: e.length - useful - wrong,
    precisionStrict: e.length ? useful / e.length : 0, precision: useful + wrong ? useful / (useful + wrong) : 0,
    names: n.length, found, recall: n.length ? found / n.length : 0,
  };
}

export function scoreAll(): BookScore[] {
  const corpus = goldTexts();
  return loadGold().filter((g) => corpus.has(g.id)).map((g) => scoreBook(corpus.get(g.id)!, g));
}

/**
 * Per language and kind, dev beside test: the share of automatic entries of the kind that are useful and
 * the share of hand-written names of the kind found (precision over entries of the kind, recall over its
 * gold names; subjects have no recall). A markdown table, as the report and the README print it.
 */
export function classTable(scores: BookScore[]): string {
  const cell = (split: string, lang: string, kind: string) => {
    const of = scores.filter((s) => s.split === split && (lang === 'all' || s.language === lang))
      .map((s) => ({ ...s, entries: s.entries.filter((e) => kind === 'all' || e.kind === kind), names: s.names.filter((n) => kind === 'all' || n.kind === kind) }));
    const f = figures(of);
    const pct = (x: number) => `${(100 * x).toFixed(1)}`;
    return `${f.entries ? `${pct(f.precisionStrict)} % of ${f.entries}` : '–'} / ${f.names ? `${pct(f.recall)} % of ${f.names}` : '–'}`;
  };
  const rows = ['| language | kind | dev: useful / found | test: useful / found |', '|---|---|---|---|'];
  for (const lang of ['all', 'zh-Hans', 'zh-Hant', 'en']) for (const kind of ['all', 'person', 'place', 'organisation', 'subject']) {
    rows.push(`| ${lang} | ${kind} | ${cell('dev', lang, kind)} | ${cell('test', lang, kind)} |`);
  }
  return rows.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scores = scoreAll();
  if (process.argv.includes('--list')) {
    // --list lists the dev part only (rules are tuned on it); --list-test the held-out part too.
    for (const s of scores.filter((x) => x.split === 'dev' || process.argv.includes('--list-test'))) {
      console.log(`\n== ${s.id} (${s.split})`);
      console.log('  entries:', s.entries.map((e) => `${e.term}[${e.kind[0]}]${e.verdict === 'gold' ? '' : e.verdict === 'unjudged' ? '?' : e.verdict === 'judged-useful' ? '+' : e.verdict === 'neutral' ? '~' : '✗'}`).join(' '));
      console.log('  missed:', s.names.filter((n) => !n.found).map((n) => n.gold).join(' '));
    }
  }
  console.log(classTable(scores));
  for (const split of ['dev', 'test']) for (const lang of ['all', 'zh-Hans', 'zh-Hant', 'en']) {
    const f = figures(scores.filter((s) => s.split === split && (lang === 'all' || s.language === lang)));
    if (f.books) console.log(`${split} ${lang}: ${f.books} books, ${f.entries} entries, useful ${f.useful} (strict ${(100 * f.precisionStrict).toFixed(1)} %), judged wrong ${f.wrong}, unjudged ${f.unjudged}; names found ${f.found}/${f.names} = ${(100 * f.recall).toFixed(1)} %`);
  }
}
