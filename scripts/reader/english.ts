// English word classes for the duplicate repair, from a part-of-speech lexicon (en-lexicon: the
// Penn Treebank tags a word takes, most frequent first, ~112,000 words; chosen over wink-lexicon,
// pos and compromise's lexicon for its coverage of the corpus's English words, 97 % of tokens).
// Loaded on first use: most paragraphs have no doubled word. The package's table is a 2.6 MB script
// whose loading took a third of a second of CPU (most of a short English `normalize`); it is read
// instead from a cache file made from it once (lexiconLines): its entries as sorted `word\ttags` lines,
// searched by bisection without parsing, each word's answer kept.
import { createRequire } from 'node:module';
import { cachedFromPackages } from './wordtable.ts';

const require = createRequire(import.meta.url);
let lines: string | null = null;
const known = new Map<string, string | undefined>();

/** en-lexicon's entry for exactly `word` (its tags joined by |), or undefined. */
function entry(word: string): string | undefined {
  if (known.has(word)) return known.get(word);
  const found = bisect((lines ??= lexiconLines()), word);
  if (known.size < 100_000) known.set(word, found);
  return found;
}

/** The value of `key` in sorted `key\tvalue\n` lines (keys in code-unit order), by bisection on offsets. */
export function bisect(s: string, key: string): string | undefined {
  let lo = 0, hi = s.length; // both at the start of a line (or the end)
  while (lo < hi) {
    const start = s.lastIndexOf('\n', ((lo + hi) >> 1) - 1) + 1;
    const tab = s.indexOf('\t', start);
    const end = s.indexOf('\n', tab);
    const k = s.slice(start, tab);
    if (k === key) return s.slice(tab + 1, end);
    if (k < key) lo = end + 1; else hi = start;
  }
  return undefined;
}

/** en-lexicon's own entries as sorted lines, from the cache, made from the package when missing. */
export function lexiconLines(): string {
  return cachedFromPackages('en-lexicon', 'tsv', ['en-lexicon/package.json', 'en-lexicon/dist/lexicon.js'], () => linesOf(lexiconTable()));
}

const lexiconTable = () => (require('en-lexicon') as { lexicon: Record<string, string> }).lexicon;

/** A table as sorted `key\ttags\n` lines (keys and tags hold no tab or line break). */
export function linesOf(table: Record<string, string>): string {
  return Object.keys(table).sort().map((k) => `${k}\t${table[k]}\n`).join('');
}

/** The Penn Treebank tags a word takes, most frequent first (empty for a word the lexicon does not know). */
export function tagsOf(word: string): string[] {
  const found = entry(word) ?? entry(word.toLowerCase());
  return found ? found.split('|') : [];
}

/**
 * What a doubled word is, for deciding whether doubling it can be speech or grammar:
 *   function   a closed-class word (pronoun, determiner or article, preposition, particle,
 *              conjunction, modal, wh-word, existential there) or an auxiliary (a form of be, have,
 *              do): speakers stutter on these ("I I", "we we", "with with"), and doubling some is
 *              grammar ("that that", "had had", "calling for for", "this this weekend")
 *   expressive an interjection, adverb or adjective ("yeah yeah", "very very", "long long ago")
 *   content    a noun or a lexical verb: doubling it is a copying slip ("the market market")
 *   unknown    the lexicon does not know the word (a name, a rare word)
 */
export type WordClass = 'function' | 'expressive' | 'content' | 'unknown';

/** Penn tags of closed-class words. */
const CLOSED = new Set(['PRP', 'PRP$', 'DT', 'PDT', 'IN', 'TO', 'RP', 'CC', 'MD', 'WDT', 'WP', 'WP$', 'WRB', 'EX']);
const EXPRESSIVE = /^(UH|RB|RBR|RBS|JJ|JJR|JJS)$/;

/** The auxiliaries are the verbs be, have and do (en-inflectors, en-lexicon's own dependency, gives a form's stem). */
const AUXILIARY_STEMS = new Set(['be', 'have', 'do']);
type Inflector = new (w: string) => { toPresent(): string };
let inflectors: Inflector | null = null;
const stemOf = (w: string) => new (inflectors ??= (require('en-inflectors') as { Inflectors: Inflector }).Inflectors)(w).toPresent();
function isAuxiliary(word: string): boolean {
  const w = word.toLowerCase();
  if (AUXILIARY_STEMS.has(w)) return true;
  // Every word asked about has tags, so its lower case is a lexicon word's: answered from the forms.
  if (entry(word) === undefined && entry(w) === undefined) return AUXILIARY_STEMS.has(stemOf(w));
  return (auxiliaries ??= new Set(auxiliaryForms().split('\n'))).has(w);
}
let auxiliaries: Set<string> | null = null;

/**
 * The lexicon's words (in lower case) that en-inflectors takes back to be, have or do (am, was, been,
 * has, did… and its oddities: bed, dos): made once with both packages and kept in the cache, so a
 * doubled verb does not load en-inflectors (a tenth of a second) to be judged.
 */
export function auxiliaryForms(): string {
  return cachedFromPackages('en-auxiliaries', 'txt', ['en-lexicon/package.json', 'en-lexicon/dist/lexicon.js', 'en-inflectors/package.json'], () => {
    const words = new Set(Object.keys(lexiconTable()).map((k) => k.toLowerCase()));
    return [...words].filter((w) => AUXILIARY_STEMS.has(stemOf(w))).sort().join('\n');
  });
}

export function wordClass(word: string): WordClass {
  const tags = tagsOf(word);
  if (!tags.length) return 'unknown';
  // The word's commonest readings decide (en-lexicon lists rare tags too: "the" as VBD).
  const main = tags.slice(0, 2);
  if (CLOSED.has(tags[0]) || main.every((t) => CLOSED.has(t) || t === 'RB') && main.some((t) => CLOSED.has(t))) return 'function';
  if (/^VB/.test(tags[0]) && isAuxiliary(word)) return 'function';
  // "not", "never": negation is an adverb whose double inverts the meaning if removed.
  if (tags.includes('UH') || EXPRESSIVE.test(tags[0])) return 'expressive';
  return 'content';
}

/** Whether a closed-class word's double can be grammar: it may end one phrase and open the next
 *  (a preposition or particle after a verb, a determiner used as a pronoun, an auxiliary before a
 *  participle, a complementiser before a determiner). Personal pronouns and articles cannot. */
export function canBeGrammatical(word: string): boolean {
  const tags = tagsOf(word);
  if (/^VB/.test(tags[0] ?? '') && isAuxiliary(word)) return true;
  // The commonest readings only: en-lexicon also lists rare tags ("the" as IN).
  return tags.slice(0, 2).some((t) => /^(IN|RP|TO|WDT|WP|MD|RB)$/.test(t));
}

/** Whether a capitalised word is also a common word: the lexicon knows its lower-case form, and not
 *  only as a proper noun ("President", "And": yes; "Washington", "EST", "Walla": no). */
export function isCommonWord(word: string): boolean {
  const found = entry(word.toLowerCase());
  if (found === undefined) return false;
  return !/^NNP/.test(found.split('|')[0]);
}

/** Whether the lexicon knows the word (in any case). */
export function isEnglishWord(word: string): boolean {
  return tagsOf(word).length > 0;
}
