// The one resolver of a book's language and script (issue 24: inspect, normalize, build, the writers and
// the fonts all ask here). A declared tag is read through Intl.Locale (zh-TW → Hant, zh-MO → Hant,
// zh → Hans by likely subtags); an undeclared one is detected, once, on the DECODED text.
//
// Which language and script a transcript is in, when no book.yaml says so: English (Latin letters
// outnumber Han characters), Traditional Chinese or Simplified Chinese. The script is decided by
// OpenCC (opencc-js): a character that changes under Traditional→Simplified conversion is evidence of
// Traditional text, one that changes under Simplified→Traditional is evidence of Simplified text.
// Characters shared by both scripts (the majority) say nothing. The characters are counted from a table
// of OpenCC's one-character entries; only when neither script clearly wins is the text converted
// (phrase by phrase, as before), since converting 200,000 characters both ways cost two seconds. `language` in book.yaml always wins.
import { changingCharacters, converter } from './opencc.ts';
import { hanLatinCounts } from '../reader/chars.ts';

export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

// Tries of only the entries a short text uses, the full converter after enough text (lang/opencc.ts).
const toSimplified = converter('t2s');
const toTraditional = converter('s2t');

/** Traditional (OpenCC `t`, also Taiwan and Hong Kong forms) to Simplified (OpenCC `cn`). */
export function t2s(text: string): string {
  return toSimplified(text);
}

/** Simplified (OpenCC `cn`) to Traditional (OpenCC `t`). */
export function s2t(text: string): string {
  return toTraditional(text);
}

/** How many characters of `text` a conversion changes (position by position; per character when lengths differ). */
function changedChars(text: string, convert: (s: string) => string): number {
  const converted = convert(text);
  let n = 0;
  if (converted.length === text.length) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== converted.charCodeAt(i)) n++;
    return n;
  }
  for (const ch of text) if (convert(ch) !== ch) n++;
  return n;
}

export interface LanguageEvidence {
  language: Language;
  han: number;
  latin: number;
  /** Characters only Traditional text has (they change under t→cn). */
  traditional: number;
  /** Characters only Simplified text has (they change under cn→t). */
  simplified: number;
}

/** The evidence behind `detectLanguage` (for diagnostics and tests). Looks at the first 200,000 characters. */
export function languageEvidence(input: string): LanguageEvidence {
  return evidence(input, true);
}

/** languageEvidence; with `english` false an English verdict comes without its script counts (zero), which
 * only the evidence shows: OpenCC's tables are not read for a text that is not Chinese. */
function evidence(input: string, english: boolean): LanguageEvidence {
  const text = input.length > 200_000 ? input.slice(0, 200_000) : input;
  const hanText = hanOf(text);
  const han = hanText.length;
  // (Counted by code point as /\p{Script=Latin}/gu matches them, without an array of every match.)
  const latin = hanLatinCounts(text).latin;
  // A Latin letter carries less than a Han character (an English word is ~5 letters, a Chinese
  // word ~1.5 characters): English only when Latin letters clearly dominate.
  if (latin > 3 * han || han === 0) return { language: 'en', han, latin, ...(english ? tableCounts(hanText) : { traditional: 0, simplified: 0 }) };
  const counts = decisive(tableCounts(hanText)) ?? exactCounts(hanText);
  return { language: counts.traditional > counts.simplified ? 'zh-Hant' : 'zh-Hans', han, latin, ...counts };
}

interface Counts { traditional: number; simplified: number }

/** Characters of `hanText` that the one-character entries of each conversion change (no conversion run). */
function tableCounts(hanText: string): Counts {
  const marks = (scriptTables ??= scriptMarks());
  let traditional = 0, simplified = 0;
  // By code point, not a one-character string each (garbage on 200,000 characters).
  for (let i = 0; i < hanText.length; i++) {
    const cp = hanText.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const m = marks[cp]!;
    if (m & 1) traditional++;
    if (m & 2) simplified++;
  }
  return { traditional, simplified };
}
let scriptTables: Uint8Array | null = null;

/** Lets the per-code-point marks go (1.1 MB; a build does while Chromium prints): the next use makes them again. */
export function releaseScriptMarks(): void {
  scriptTables = null;
}

/** Per code point: 1 when t2s changes the character, 2 when s2t does. */
function scriptMarks(): Uint8Array {
  const marks = new Uint8Array(0x110000);
  for (const [bit, config] of [[1, 't2s'], [2, 's2t']] as const) {
    for (const ch of changingCharacters(config)) { const cp = ch.codePointAt(0)!; marks[cp] = marks[cp]! | bit; }
  }
  return marks;
}

/**
 * The character counts when one script clearly outweighs the other, else null. Whole-text conversion
 * differs from character-by-character only where a phrase entry applies, a small share of the
 * evidence; under this margin the phrase-aware counts are used (test/reader/language.test.ts checks
 * both ways agree on every corpus transcript).
 */
function decisive(c: Counts): Counts | null {
  return Math.max(c.traditional, c.simplified) >= 3 * Math.min(c.traditional, c.simplified) + 20 ? c : null;
}

/** Characters each phrase-aware conversion of the whole text changes. */
function exactCounts(hanText: string): Counts {
  return { traditional: changedChars(hanText, t2s), simplified: changedChars(hanText, s2t) };
}

/** The counts by whole-text conversion, the slow reference `languageEvidence` agrees with (tests). */
export function exactLanguageEvidence(input: string): Counts {
  const text = input.length > 200_000 ? input.slice(0, 200_000) : input;
  return exactCounts(hanOf(text));
}

/** The Han characters of `text`, in order (one string, not a match per character). */
function hanOf(text: string): string {
  return text.replace(/\P{Script=Han}+/gu, '');
}

/** zh-Hans, zh-Hant or en for a transcript's text: the rules it is read by (Latin text by the English ones). */
export function detectLanguage(text: string): Language {
  return evidence(text, false).language;
}

/**
 * The commonest function words of each Latin-script language the default templates have strings for,
 * none shared with another list here (la, que, il, un, con, es… are left out for that reason). A
 * language is added here together with its templates/<set>/lang/<tag>.json.
 */
const LATIN_MARKERS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'you', 'we', 'it', 'this', 'have', 'with', 'for', 'are', 'what', 'be', 'was', 'they'],
  fr: ['le', 'les', 'des', 'et', 'est', 'qui', 'une', 'nous', 'vous', 'pas', 'je', 'pour', 'dans', 'sur', 'avec', 'ce', 'du', 'au', 'mais', 'ont'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'wir', 'sie', 'zu', 'den', 'mit', 'auch', 'ein', 'eine', 'dass', 'auf', 'für', 'von', 'wird'],
  es: ['el', 'los', 'las', 'y', 'por', 'para', 'pero', 'muy', 'está', 'fue', 'también', 'hay', 'porque', 'usted', 'ustedes', 'nosotros', 'sí', 'ya', 'lo', 'del'],
  it: ['che', 'di', 'è', 'non', 'sono', 'della', 'anche', 'questo', 'gli', 'nel', 'alla', 'perché', 'molto', 'abbiamo', 'essere', 'delle', 'questa', 'stato', 'ci', 'noi'],
};
const MARKER_OF = new Map(Object.entries(LATIN_MARKERS).flatMap(([tag, words]) => words.map((w) => [w, tag] as const)));

/**
 * The language of a Latin-script text, by its function words: English unless another language's
 * words are at least twice as frequent as English's and make 4 % of the words (a quoted phrase or a
 * foreign name does not move an English transcript). Looks at the first 20,000 words.
 */
export function latinLanguage(text: string): string {
  const counts = new Map<string, number>();
  let words = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (++words > 20_000) break;
    const tag = MARKER_OF.get(m[0].toLowerCase());
    if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['en', 0];
  const english = counts.get('en') ?? 0;
  return best !== 'en' && n >= 2 * english && n >= 0.04 * words ? best : 'en';
}

/**
 * The tag of a passage written wholly in Latin script inside a book of another script: a bilingual
 * briefing's English paragraph after its Chinese one, a question asked in English. latinLanguage of the
 * passage when it has no Han, kana or Hangul and at least four Latin words; else undefined (a name, an
 * "OK." or a mixed sentence stays in the book's language).
 */
export function latinPassage(text: string): string | undefined {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)) return undefined;
  let words = 0;
  for (const _ of text.matchAll(/\p{Script=Latin}{2,}/gu)) if (++words >= 4) return latinLanguage(text);
  return undefined;
}

/** The BCP 47 tag of a transcript without `language`: zh-Hans, zh-Hant, or a Latin-script language
 * told apart by latinLanguage (en, fr, de, es, it). The reading rules are detectLanguage's. */
export function detectTag(text: string): string {
  const language = detectLanguage(text);
  return language === 'en' ? latinLanguage(text) : language;
}

const scriptTags = new Map<string, string>();
/** `language-Script` of a tag by likely subtags (zh-TW → zh-Hant, en-GB → en-Latn), or '' if unknown. */
export function scriptTag(tag: string): string {
  // Kept per tag: a heading's words ask for every section, and maximize() is costly.
  let found = scriptTags.get(tag);
  if (found === undefined) {
    try {
      const loc = new Intl.Locale(tag).maximize();
      found = loc.script ? `${loc.language}-${loc.script}` : '';
    } catch { found = ''; }
    if (scriptTags.size < 1000) scriptTags.set(tag, found);
  }
  return found;
}

/** The script the book's text is written in (Hans, Hant, Latn, …), by likely subtags. */
export function scriptOf(tag: string): string {
  return scriptTag(tag).split('-')[1] ?? '';
}

/** The reading language of a declared tag: zh-Hant for any Traditional tag (zh-Hant, zh-TW, zh-HK,
 * zh-MO), zh-Hans for other Chinese, en for English; undefined for a tag the reader has no rules for. */
export function readingLanguage(tag: string): Language | undefined {
  let loc: Intl.Locale;
  try { loc = new Intl.Locale(tag).maximize(); } catch { return undefined; }
  if (loc.language === 'en') return 'en';
  if (loc.language === 'zh') return loc.script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  return undefined;
}

/** The language subtag of a tag through Intl.Locale (zh for zh-TW or zh-Hant-HK, en for en-GB), or ''
 * for a tag Intl cannot read. */
export function baseLanguage(tag: string): string {
  try { return new Intl.Locale(tag).language; } catch { return ''; }
}

/** Whether a tag names Chinese in any script or region (zh, zh-Hant, zh-TW; cmn, which Intl canonicalises to zh). */
export function isChinese(tag: string): boolean {
  return baseLanguage(tag) === 'zh';
}

/** The language a book is read in: book.yaml's `language` when it says one, else the one detected on
 * the decoded text. */
export function resolveLanguage(declared: string | undefined, text: string): Language {
  return (declared && readingLanguage(declared)) || detectLanguage(text);
}
