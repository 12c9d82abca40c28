// The automatic index of a Latin-script book in a language other than English (French, German, …).
// The English finders (en.ts) read English grammar: on French or German text they propose function
// words and sentence openings (avec, ce que, Ecoutez). Without a tagger for the language, the index
// keeps only what the spelling itself marks as a name, and lists no subjects:
//   - a capitalised word that the text also writes inside a sentence (not only where every word is
//     capitalised: after a full stop, a colon, a quote or a label), or two capitalised words or more;
//   - in German, where every noun is capitalised, one that no article, determiner or inflected
//     adjective ever precedes (der Lage, die große Sorge, mit dem russischen Präsidenten are nouns;
//     in Idlib, Herr Seibert, Frau Widmann-Mauz are names).
import { baseLanguage, isChinese } from '../lang/language.ts';
import type { Candidate } from './candidate.ts';

/** Whether a book's language has no finders of its own: Latin-script, neither English nor Chinese. */
export function namesOnlyLanguage(tag: string | undefined): boolean {
  return !!tag && !isChinese(tag) && baseLanguage(tag) !== 'en' && baseLanguage(tag) !== '';
}

const GERMAN_DETERMINERS = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen',
  'kein', 'keine', 'keinen', 'keiner', 'zum', 'zur', 'im', 'am', 'vom', 'beim', 'ins', 'ans', 'diese', 'dieser', 'diesem', 'diesen',
  'dieses', 'jede', 'jeder', 'jedes', 'jeden', 'alle', 'allen', 'unser', 'unsere', 'unseren', 'ihre', 'ihren', 'seine', 'seinen', 'viele', 'mehr']);

/** The occurrences of `term` as whole words: the word before each (lower-cased, '' at a sentence's
 * or paragraph's start). */
function wordsBefore(term: string, text: string): string[] {
  const out: string[] = [];
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
    const head = text.slice(Math.max(0, m.index - 40), m.index);
    const before = /(\p{L}+)[,\s]*$/u.exec(head);
    const opening = /(?:^|[.!?:;"“”«»()\n]|\s[-–—])\s*$/u.test(head);
    out.push(opening || !before ? '' : before[1]!.toLowerCase());
  }
  return out;
}

/** A capitalised word: Catalogne, Widmann-Mauz, LOISEAU, an initial (X.); not an abbreviation such as StS. */
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}’']+(?:-\p{Lu}?[\p{Ll}’']+)*|\p{Lu}{2,}(?:-\p{Lu}{2,})*|\p{Lu}\.)$/u;
/** Courtesy titles before a name, left out of the entry (Frau Widmann-Mauz → Widmann-Mauz). */
const COURTESY = /^(?:Herr|Herrn|Frau|Dr\.?|Prof\.?|Monsieur|Madame|Mme|M\.|Mlle|Maître)\s+/u;

/** The candidates the spelling marks as names, for a names-only language (see the top of the file). */
export function latinNames(found: Candidate[], text: string, tag: string): Candidate[] {
  const german = baseLanguage(tag) === 'de';
  const out = new Map<string, Candidate>();
  for (const c of found) {
    const term = c.term.replace(COURTESY, '');
    if (!term.split(/\s+/).every((w) => NAME_WORD.test(w))) continue;
    const before = wordsBefore(term, text);
    // Two capitalised words or more are a name even where they open a sentence (a reporter who gives
    // her name at a paragraph's start); not in German, where `Die Lage` opens sentences.
    const several = term.includes(' ') && !german && !/^\p{Lu}\.$/u.test(term.split(/\s+/)[0]!);
    if (!several && !before.some((w) => w !== '')) continue;
    if (german && before.some((w) => GERMAN_DETERMINERS.has(w) || (/^\p{Ll}+(?:e|en|er|es|em)$/u.test(w) && !GERMAN_PREPOSITIONS.has(w)))) continue;
    if (!out.has(term)) out.set(term, term === c.term ? c : { ...c, term, aliases: c.aliases.filter((a) => a !== term) });
  }
  return [...out.values()];
}

/** Prepositions and conjunctions that end like an inflected adjective but stand before names. */
const GERMAN_PREPOSITIONS = new Set(['wie', 'über', 'unter', 'gegen', 'zwischen', 'wegen', 'oder', 'aber', 'sowie', 'hinter', 'seit', 'ohne']);
