// Glyph coverage: every character of the book is looked up in the cmap of the font files it will be
// printed in (the @fontsource faces the print CSS declares, each with its unicode-range). A character
// none of them has would make Chromium fall back to a system font: a Type 3 bitmap for emoji and for
// Debian's CFF Noto CJK (Hangul, CJK Extension B–G), a print shop's preflight error, or a blank on a
// fresh machine. Each such character is a TP037 warning naming it, its first place and the fix, and
// the print edition sets the typesetter's sign for a missing sort, 〓 (GETA MARK), in its place
// (the EPUB keeps the character: reading systems have fonts of their own).
//
// Fonts are read with HarfBuzz (harfbuzzjs, already here for subset-font); fontsource's .woff files
// are unpacked to sfnt by fontverter (subset-font's converter).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Blob, Face } from 'harfbuzzjs';
import fontverter from 'fontverter';
import { diagnostic, fail, type Diagnostic, type Where } from '../core/diagnostics.ts';

const require = createRequire(import.meta.url);

/** What the print edition sets for a character its fonts lack. */
export const MISSING_GLYPH = '〓';

interface FaceRule {
  family: string;
  file: string;
  ranges: [number, number][];
}

/** The @font-face rules of a fontsource CSS file (family, .woff file, unicode-range). */
export function fontFaces(cssSpecifier: string): FaceRule[] {
  let path: string;
  try { path = require.resolve(cssSpecifier); } catch { fail('TP031', { path: cssSpecifier }); }
  const css = readFileSync(path, 'utf8');
  const out: FaceRule[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1] ?? '';
    const woff = /url\(\.\/files\/([^)]+?\.woff)\)/.exec(block)?.[1];
    if (!woff) continue;
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    const ranges: [number, number][] = range
      ? range.split(',').map((r) => {
        const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(a.replace(/\?/g, '0'), 16), parseInt((b ?? a).replace(/\?/g, 'f'), 16)];
      })
      : [[0, 0x10ffff]];
    out.push({ family, file: join(dirname(path), 'files', woff), ranges });
  }
  return out;
}

const cmaps = new Map<string, Promise<Set<number>>>();

/** The code points a font file maps to a glyph (cached per process). */
export function cmapOf(file: string): Promise<Set<number>> {
  let cached = cmaps.get(file);
  if (!cached) {
    cached = (async () => {
      const sfnt = await fontverter.convert(readFileSync(file), 'truetype');
      const face = new Face(new Blob(new Uint8Array(sfnt)), 0);
      return new Set(face.collectUnicodes());
    })();
    cmaps.set(file, cached);
  }
  return cached;
}

/** Characters that need no glyph: white space, default-ignorable ones (ZWJ, variation selectors) and
 * controls (which the writers remove). */
const NO_GLYPH = /[\s\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;

/** The characters of `text` that no face of `cssFiles` has (in order of first appearance). */
export async function missingGlyphs(text: string, cssFiles: readonly string[]): Promise<string[]> {
  const faces = cssFiles.flatMap(fontFaces);
  const distinct = [...new Set(text)].filter((ch) => !NO_GLYPH.test(ch));
  const missing: string[] = [];
  for (const ch of distinct) {
    const cp = ch.codePointAt(0)!;
    let found = false;
    for (const f of faces) {
      if (!f.ranges.some(([a, b]) => cp >= a && cp <= b)) continue;
      if ((await cmapOf(f.file)).has(cp)) { found = true; break; }
    }
    if (!found) missing.push(ch);
  }
  return missing;
}

/** Where a character first occurs, and in how many more places. */
export type Locate = (ch: string) => { where: Where; more: number };

/** What to do about a character, by what kind of character it is. */
function fixFor(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase();
  const correction = `or replace it in book.yaml: corrections: [{ find: "${ch}", replace: "…" }]`;
  if (/\p{Extended_Pictographic}/u.test(ch)) return `emoji are in no print font (a colour emoji would become a Type 3 bitmap): write what it means in words, ${correction}`;
  if (/\p{Script=Hangul}/u.test(ch)) return `add a Korean font (e.g. @fontsource/noto-serif-kr) to the template's fonts, ${correction}`;
  if (/\p{Script=Han}/u.test(ch)) return `U+${hex} is a rare ideograph (CJK extension): add a font that has it (e.g. a Noto Serif CJK subset or HanaMin) to the template's fonts, ${correction} with a common variant`;
  if (/\p{Co}/u.test(ch)) return `a private-use character means nothing outside the program that made it: ${correction.replace(/^or /, '')}`;
  return `add a font that has U+${hex} to the template's fonts, ${correction}`;
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
 * TP037 for each character of `text` the fonts lack, placed by `locate` (the transcript, then
 * book.yaml). At most `limit` warnings; the rest in one more.
 */
export async function glyphDiagnostics(text: string, cssFiles: readonly string[], locate: Locate, options: { limit?: number } = {}): Promise<{ missing: string[]; diagnostics: Diagnostic[] }> {
  const missing = await missingGlyphs(text, cssFiles);
  const families = [...new Set(cssFiles.flatMap(fontFaces).map((f) => f.family))].join(', ');
  const limit = options.limit ?? 30;
  const hex = (ch: string) => ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const diagnostics = missing.slice(0, limit).map((ch) => {
    const { where, more } = locate(ch);
    return diagnostic('TP037', { codepoint: hex(ch), char: ch, name: nameOf(ch), fonts: families, more, fix: fixFor(ch) }, where);
  });
  if (missing.length > limit) {
    const rest = missing.slice(limit);
    diagnostics.push(diagnostic('TP037', { codepoint: hex(rest[0]), char: rest.join(''), name: `and ${rest.length - 1} more characters`, fonts: families, more: 0, fix: fixFor(rest[0]) }));
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
