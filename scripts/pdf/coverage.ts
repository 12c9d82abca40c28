// Glyph coverage: every character of the book is looked up in the cmap of the font files it will be
// printed in: every family of the book's fallback chain (scripts/fonts.ts: its own faces, the other
// Chinese faces, the symbol face). A character none of them has would make Chromium fall back to a
// system font: a Type 3 bitmap for emoji and for Debian's CFF Noto CJK (Hangul, rare CJK extensions),
// a print shop's preflight error, or a blank on a fresh machine. Such a character fails the book
// (TP140, naming it, its first place and the fix) unless book.yaml says `allowMissingGlyphs: true`, the
// editor's acceptance: then it is a TP037 warning and the print edition sets the typesetter's sign for
// a missing sort, 〓 (GETA MARK), in its place (the EPUB keeps the character: reading systems have fonts
// of their own).
//
// Fonts are read with HarfBuzz (harfbuzzjs, already here for subset-font).
import { diagnostic, type Diagnostic, type Where } from '../core/diagnostics.ts';
import { familyCmap, type FontFamily } from '../fonts.ts';

/** What the print edition sets for a character its fonts lack. */
export const MISSING_GLYPH = '〓';

/** Characters that need no glyph: white space, default-ignorable ones (ZWJ, variation selectors) and
 * controls (which the writers remove). */
const NO_GLYPH = /[\s\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;

/** The characters of `text` that no family of `families` has (in order of first appearance). */
export function missingGlyphs(text: string, families: readonly FontFamily[]): string[] {
  const maps = families.map(familyCmap);
  return [...new Set(text)].filter((ch) => !NO_GLYPH.test(ch) && !maps.some((m) => m.has(ch.codePointAt(0)!)));
}

/** Where a character first occurs, and in how many more places. */
export type Locate = (ch: string) => { where: Where; more: number };

/** What to do about a character, by what kind of character it is. */
function fixFor(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase();
  const correction = `or replace it in book.yaml: corrections: [{ find: "${ch}", replace: "…" }]`;
  if (/\p{Extended_Pictographic}/u.test(ch)) return `emoji are in no print font (a colour emoji would become a Type 3 bitmap): write what it means in words, ${correction}`;
  if (/\p{Script=Hangul}/u.test(ch)) return `add a Korean font (e.g. @expo-google-fonts/noto-serif-kr) to the fallback chain in scripts/fonts.ts, ${correction}`;
  if (/\p{Script=Han}/u.test(ch)) return `U+${hex} is a rare ideograph (CJK extension): add a font that has it (e.g. HanaMin or Jigmo) to the fallback chain in scripts/fonts.ts, ${correction} with a common variant`;
  if (/\p{Co}/u.test(ch)) return `a private-use character means nothing outside the program that made it: ${correction.replace(/^or /, '')}`;
  return `add a font that has U+${hex} to the fallback chain in scripts/fonts.ts, ${correction}`;
}

function nameOf(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (/\p{Extended_Pictographic}/u.test(ch)) return 'emoji';
  if (/\p{Script=Hangul}/u.test(ch)) return 'Hangul';
  if (/\p{Script=Han}/u.test(ch)) return cp >= 0x20000 ? 'CJK ideograph, supplementary plane' : 'CJK ideograph';
  if (/\p{Co}/u.test(ch)) return 'private use';
  const script = ['Latin', 'Greek', 'Cyrillic', 'Arabic', 'Hebrew', 'Thai', 'Devanagari', 'Hiragana', 'Katakana', 'Tibetan', 'Mongolian']
    .find((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(ch));
  return script ?? (/\p{S}/u.test(ch) ? 'symbol' : /\p{P}/u.test(ch) ? 'punctuation' : 'character');
}

/**
 * One diagnostic for each character of `text` the fonts lack, placed by `locate` (the transcript, then
 * book.yaml): TP140 (an error: the book fails), or TP037 (a warning, 〓 printed) when the book allows
 * missing glyphs. At most `limit`; the rest in one more.
 */
export function glyphDiagnostics(text: string, fonts: readonly FontFamily[], locate: Locate, options: { limit?: number; allowMissing?: boolean } = {}): { missing: string[]; diagnostics: Diagnostic[] } {
  const missing = missingGlyphs(text, fonts);
  const code = options.allowMissing ? 'TP037' : 'TP140';
  const families = fonts.map((f) => f.family).join(', ');
  const limit = options.limit ?? 30;
  const hex = (ch: string) => ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const diagnostics = missing.slice(0, limit).map((ch) => {
    const { where, more } = locate(ch);
    return diagnostic(code, { codepoint: hex(ch), char: ch, name: nameOf(ch), fonts: families, more, fix: fixFor(ch) }, where);
  });
  if (missing.length > limit) {
    const rest = missing.slice(limit);
    diagnostics.push(diagnostic(code, { codepoint: hex(rest[0]), char: rest.join(''), name: `and ${rest.length - 1} more characters`, fonts: families, more: 0, fix: fixFor(rest[0]) }));
  }
  return { missing, diagnostics };
}

/** The print HTML with every character cluster that holds a missing character set as 〓. */
export function substituteMissing(html: string, missing: Iterable<string>): string {
  const set = new Set(missing);
  if (set.size === 0) return html;
  let out = '';
  for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(html)) {
    let bad = false;
    for (const ch of segment) if (set.has(ch)) { bad = true; break; }
    out += bad ? MISSING_GLYPH : segment;
  }
  return out;
}
