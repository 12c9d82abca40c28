// English word classes for the duplicate repair, from a part-of-speech lexicon (en-lexicon: the
// Penn Treebank tags a word takes, most frequent first, ~112,000 words; chosen over wink-lexicon,
// pos and compromise's lexicon for its coverage of the corpus's English words, 97 % of tokens).
// Loaded on first use: most paragraphs have no doubled word.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let table: Record<string, string> | null = null;
/** The Penn Treebank tags a word takes, most frequent first (empty for a word the lexicon does not know). */
export function tagsOf(word: string): string[] {
  table ??= (require('en-lexicon') as { lexicon: Record<string, string> }).lexicon;
  const entry = Object.hasOwn(table, word) ? table[word] : Object.hasOwn(table, word.toLowerCase()) ? table[word.toLowerCase()] : undefined;
  return entry ? entry.split('|') : [];
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
function isAuxiliary(word: string): boolean {
  inflectors ??= (require('en-inflectors') as { Inflectors: Inflector }).Inflectors;
  const w = word.toLowerCase();
  return AUXILIARY_STEMS.has(w) || AUXILIARY_STEMS.has(new inflectors(w).toPresent());
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
  tagsOf(word);
  const lower = word.toLowerCase();
  if (!Object.hasOwn(table!, lower)) return false;
  return !/^NNP/.test(table![lower].split('|')[0]);
}
