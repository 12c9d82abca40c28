// Character classes shared by the reader's rules.
export const HAN = '\\p{Script=Han}';
/** Full-width (CJK) punctuation. */
export const CJK_PUNCT = '、。，：；？！“”‘’（）《》「」『』【】〔〕…—·～';
const HAN_RE = /\p{Script=Han}/u;
/** Per UTF-16 unit: 0 not yet asked, 1 Han, 2 not (a lone surrogate is not Han, as the regex says). */
const hanUnit = new Uint8Array(0x10000);
/** Whether `ch` holds a Han character. One-unit strings (most calls, in the reader's loops over every
 * character) are answered from a table filled on first use, with the regex's own answer. */
export const isHan = (ch: string | undefined): boolean => {
  if (!ch) return false;
  if (ch.length !== 1) return HAN_RE.test(ch);
  const c = ch.charCodeAt(0);
  if (c < 0x2e80) return false; // no Han character lies below the CJK radicals
  let known = hanUnit[c]!;
  if (known === 0) hanUnit[c] = known = HAN_RE.test(ch) ? 1 : 2;
  return known === 1;
};
/** Whether any code unit of `s` is at or above U+2E80: without one, `s` holds no Han character (a
 * supplementary one is a surrogate pair, above too) and no full-width mark, and the rules of Chinese
 * text have nothing to look at (English paragraphs, most of an English transcript). */
export function mayBeCjk(s: string): boolean {
  return HIGH_UNIT.test(s); // (a class of one range: the regex engine scans faster than a loop of charCodeAt)
}
const HIGH_UNIT = /[\u2e80-\uffff]/;
/** isHan of the one-unit string whose code unit is `c` (s.charCodeAt(i)), without making that string: a
 * loop over every character of a Chinese text made one string per character for the collector. */
export const isHanCode = (c: number): boolean => {
  if (!(c >= 0x2e80)) return false;
  let known = hanUnit[c]!;
  if (known === 0) hanUnit[c] = known = HAN_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
};
/**
 * `re.test(s)` for a pattern that is one character class (it matches exactly one code point), read by
 * code unit from a table filled on first use with the pattern's own answer for that unit: a class of
 * Unicode properties (\p{M}) is tried much more slowly by the regex engine at every position. A text
 * holding a surrogate is given to the pattern itself, from the first surrogate not preceded by a match.
 */
export function classTester(re: RegExp): (s: string) => boolean {
  if (re.global || re.sticky) throw new TypeError('classTester needs a pattern without g or y');
  const unit = new Uint8Array(0x10000); // 0 not yet asked, 1 in the class, 2 not
  return (s) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return re.test(s);
      let known = unit[c]!;
      if (known === 0) unit[c] = known = re.test(String.fromCharCode(c)) ? 1 : 2;
      if (known === 1) return true;
    }
    return false;
  };
}
/** Per UTF-16 unit: 0 not yet asked, 1 toLowerCase changes it standing alone, 2 it does not. */
const lowerUnit = new Uint8Array(0x10000);
/**
 * s.toLowerCase(), without the call (a copy, through ICU for a two-byte string) when no character of s
 * changes: Chinese text has none. Every context-dependent lowering (final sigma) is of a character that
 * changes alone too, so a text of unchanging characters lowers to itself; a surrogate (an astral letter
 * may have a lower case) sends the text to toLowerCase.
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return s.toLowerCase();
    let known = lowerUnit[c]!;
    if (known === 0) { const ch = String.fromCharCode(c); lowerUnit[c] = known = ch.toLowerCase() === ch ? 2 : 1; }
    if (known === 1) return s.toLowerCase();
  }
  return s;
}
export const isCjkPunct = (ch: string | undefined): boolean => !!ch && CJK_PUNCT.includes(ch);
/** A character that makes its neighbourhood "Chinese text" for punctuation purposes. */
export const isCjk = (ch: string | undefined): boolean => isHan(ch) || isCjkPunct(ch);
/** Marks that may end a paragraph properly. */
export const CLOSING = '。！？；：…”’」』）》.!?;:)"\'—';

const LATIN_RE = /\p{Script=Latin}/u;
/** Per BMP unit: 0 not yet asked, 1 Han, 2 Latin, 3 neither (lone surrogates are neither, as for the regexes). */
const unitScript = new Uint8Array(0x10000);
const scriptOf = (ch: string) => (HAN_RE.test(ch) ? 1 : LATIN_RE.test(ch) ? 2 : 3);

/**
 * How many code points of `text` are Han and how many Latin: what `text.match(/\p{Script=Han}/gu)`
 * and the same for Latin count, without an array of every match (a 4 MB transcript is one block).
 */
export function hanLatinCounts(text: string): { han: number; latin: number } {
  let han = 0, latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      kind = scriptOf(text.slice(i, i + 2));
      i++;
    } else {
      kind = unitScript[c]!;
      if (kind === 0) unitScript[c] = kind = scriptOf(text[i]!);
    }
    if (kind === 1) han++;
    else if (kind === 2) latin++;
  }
  return { han, latin };
}
