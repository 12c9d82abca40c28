// Hyphenation at build time for the print and EPUB text of alphabetic languages: soft hyphens (U+00AD)
// from the TeX patterns of the `hyphen` package, so justified English lines break inside words instead
// of opening rivers. Chromium's own hyphenation dictionaries are not available offline, and reading
// systems differ; a soft hyphen is honoured by all of them (CSS `hyphens: manual`) and is invisible
// where the line does not break. Only text the reader reads is hyphenated (paragraphs, not headings,
// labels, hashes, identifiers, the change report or metadata).
import { createRequire } from 'node:module';
import { baseLanguage, latinPassage, scriptOf } from '../lang/language.ts';

const require = createRequire(import.meta.url);
export const SOFT_HYPHEN = '\u00ad';

type Hyphenator = (word: string) => string;
const cache = new Map<string, Hyphenator | null>();

/** Patterns for a BCP 47 tag from the `hyphen` package (en → US English patterns), or null. */
function patternsFor(language: string): ((text: string, options?: object) => string) | null {
  const tag = language.toLowerCase();
  const candidates = [tag, tag.split('-')[0] === 'en' && /-(gb|au|nz|ie|za|in)\b/.test(tag) ? 'en-gb' : '', tag.split('-')[0]!].filter(Boolean);
  for (const c of candidates) {
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(c)) continue;
    try {
      return (require(`hyphen/${c}`) as { hyphenateSync: (text: string, options?: object) => string }).hyphenateSync;
    } catch { /* no patterns under that name */ }
  }
  return null;
}

/** Breaks allowed at least 2 letters from a word's start and 3 from its end (TeX's English minima). */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;

/**
 * A function that puts soft hyphens into text of `language`, or null where hyphenation does not
 * apply (Chinese and other scripts without spaces, languages without patterns).
 */
export function hyphenatorFor(language: string): ((text: string) => string) | null {
  if (cache.has(language)) return cache.get(language) ?? null;
  const script = scriptOf(language);
  const patterns = script === 'Latn' || script === 'Cyrl' || script === 'Grek' ? patternsFor(language) : null;
  const word: Hyphenator | null = patterns && ((w: string) => trimBreaks(patterns(w, { minWordLength: LEFT_MIN + RIGHT_MIN + 1 })));
  const fn = word && ((text: string) => text.replace(/[\p{L}\p{M}’'-]+|\S+/gu, (token) =>
    // Words only: not numbers, URLs, e-mail addresses or words already carrying soft hyphens; an acronym
    // or a word in capitals (two capitals in a row: UNESCO’s, NASDAQ) is not broken, as a typesetter keeps it.
    /^[\p{L}\p{M}’'-]+$/u.test(token) && !token.includes(SOFT_HYPHEN) && !/\p{Lu}\p{Lu}/u.test(token) ? token.split(/(?<=-)/).map(word).join('') : token));
  cache.set(language, fn ?? null);
  return fn ?? null;
}

/** Drops soft hyphens too close to either end of the word (`a­bout`, `call­ed`). */
function trimBreaks(hyphenated: string): string {
  const parts = hyphenated.split(SOFT_HYPHEN);
  if (parts.length === 1) return hyphenated;
  const letters = (s: string) => [...s.replace(/[^\p{L}]/gu, '')].length;
  const total = parts.reduce((n, p) => n + letters(p), 0);
  let out = parts[0]!;
  let before = letters(parts[0]!);
  for (const part of parts.slice(1)) {
    out += before >= LEFT_MIN && total - before >= RIGHT_MIN ? SOFT_HYPHEN + part : part;
    before += letters(part);
  }
  return out;
}

/**
 * French spacing at typesetting, like the soft hyphens: the space a French transcript types before
 * `? ! ; :` and `»` (and after `«`) is set as a narrow no-break space (U+202F), so no line starts with
 * the mark (`La semaine ? L'année ?`). The source and the normalised text keep their spaces; only the
 * edition's running text is set this way, as a French typesetter would.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/(?<=\S)[ \u00a0](?=[?!;:»])|(?<=«)[ \u00a0]/gu, '\u202f');
}

/** The renderer's typography options for a book's language: soft hyphens for languages that
 * hyphenate (and French spacing in French); in a non-Latin book, Latin words with apostrophes marked
 * `lang="en"` for the Latin face, and a paragraph written wholly in a Latin-script language (latinPassage)
 * marked with its tag and hyphenated as that language. */
export function typographyFor(language: string): { hyphenate?: (text: string) => string; latinLang?: string; passage?: (text: string) => Passage | undefined } {
  const script = scriptOf(language);
  const hyphenate = hyphenatorFor(language) ?? undefined;
  const french = baseLanguage(language) === 'fr';
  return {
    hyphenate: french ? (t: string) => frenchSpacing(hyphenate ? hyphenate(t) : t) : hyphenate,
    latinLang: script === 'Latn' ? undefined : 'en',
    passage: script === 'Latn' ? undefined : latinPassageOf,
  };
}

/** A Latin-script passage in a book of another script: its tag and its hyphenation. */
export interface Passage { lang: string; hyphenate?: (text: string) => string }

function latinPassageOf(text: string): Passage | undefined {
  const lang = latinPassage(text);
  return lang ? { lang, hyphenate: typographyFor(lang).hyphenate } : undefined;
}
