// Fonts per language, in one place: which faces a book's language is set in, for the PDF (scripts/pdf/
// fonts.ts declares them by file:// URL), the EPUB (scripts/epub/font.ts names and embeds them) and the
// cover. Each face is a whole static TrueType file per weight from npm (@expo-google-fonts, SIL OFL 1.1:
// Google Fonts' own builds), not a web font cut into unicode-range slices: Chromium embeds one subset
// per face and weight in the PDF (a slice each would be 80 fonts for 4 faces, which a print shop's
// preflight flags), TrueType outlines, never Type 3, and nothing depends on the machine's fonts.
//
// Glyph fallback is one chain per script (STACKS): the book's own faces first, then the other shipped
// Chinese faces (Traditional ↔ Simplified: a name in a Traditional book may use a character only the
// Simplified face draws, and the whole TC face also carries ~1,700 characters of CJK Extension B and
// later), then a symbol face. The PDF, the cover and the EPUB's font-family lists use the same chain;
// a character no face of the chain has is TP140 (pdf/coverage.ts).
//
// Latin text is set in a Latin face first (Source Serif 4 / Source Sans 3) with the CJK faces only as a
// fallback for the Chinese characters a transcript may quote: a CJK face would draw ’ “ ” — as
// full-width marks ("Russia’ s"). Chinese text is set in the Noto CJK face of its script (SC or TC
// glyph forms and punctuation placement), whose Latin letters are Source Serif's and Source Sans's own
// designs, so Latin runs inside Chinese match the Latin edition without a second face.
//
// Adding a language: a strings file (templates/<set>/lang/<tag>.json) and, for a new script, a row in
// STACKS below.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fail } from './core/diagnostics.ts';
import { projectRoot } from './core/root.ts';
import { scriptOf } from './lang/language.ts';
import { writeCacheFile } from './core/files.ts';

const require = createRequire(import.meta.url);

/** A face's weight and style, as the templates use them. */
export type FaceKey = '400' | '700' | '400-italic' | '700-italic';

/** One family from npm: its package and a whole font file per weight and style. */
export interface FontFamily {
  /** CSS family name. */
  family: string;
  /** npm package. */
  pkg: string;
  /** Font files inside the package, per weight/style. A family without a bold file (the symbol face)
   * serves its regular file for bold too, so Chromium never synthesises one. */
  files: Partial<Record<FaceKey, string>>;
  /** Chinese faces (a Latin book embeds them in the EPUB only when its text has Chinese characters). */
  cjk?: boolean;
  /** The same design as installed on reading systems (for the EPUB's stack when nothing is embedded). */
  system: string[];
}

/** Google Fonts' file names in an @expo-google-fonts package: `400Regular/NotoSerifSC_400Regular.ttf`. */
function expo(stem: string, keys: FaceKey[]): Partial<Record<FaceKey, string>> {
  const names: Record<FaceKey, string> = { '400': '400Regular', '700': '700Bold', '400-italic': '400Regular_Italic', '700-italic': '700Bold_Italic' };
  return Object.fromEntries(keys.map((k) => [k, `${names[k]}/${stem}_${names[k]}.ttf`]));
}

const ROMAN: FaceKey[] = ['400', '700'];
const WITH_ITALIC: FaceKey[] = ['400', '400-italic', '700', '700-italic'];

const FAMILIES: Record<string, FontFamily> = {
  'Source Serif 4': { family: 'Source Serif 4', pkg: '@expo-google-fonts/source-serif-4', files: expo('SourceSerif4', WITH_ITALIC),
    system: ['Source Serif 4', 'Source Serif Pro', 'Georgia'] },
  'Source Sans 3': { family: 'Source Sans 3', pkg: '@expo-google-fonts/source-sans-3', files: expo('SourceSans3', WITH_ITALIC),
    system: ['Source Sans 3', 'Source Sans Pro', 'Helvetica Neue', 'Arial'] },
  'Noto Serif SC': { family: 'Noto Serif SC', pkg: '@expo-google-fonts/noto-serif-sc', files: expo('NotoSerifSC', ROMAN), cjk: true,
    system: ['Noto Serif CJK SC', 'Source Han Serif SC', 'Source Han Serif CN', 'Songti SC', 'STSong', 'SimSun'] },
  'Noto Sans SC': { family: 'Noto Sans SC', pkg: '@expo-google-fonts/noto-sans-sc', files: expo('NotoSansSC', ROMAN), cjk: true,
    system: ['Noto Sans CJK SC', 'Source Han Sans SC', 'Source Han Sans CN', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei'] },
  'Noto Serif TC': { family: 'Noto Serif TC', pkg: '@expo-google-fonts/noto-serif-tc', files: expo('NotoSerifTC', ROMAN), cjk: true,
    system: ['Noto Serif CJK TC', 'Source Han Serif TC', 'Source Han Serif TW', 'Songti TC', 'PMingLiU', 'MingLiU'] },
  'Noto Sans TC': { family: 'Noto Sans TC', pkg: '@expo-google-fonts/noto-sans-tc', files: expo('NotoSansTC', ROMAN), cjk: true,
    system: ['Noto Sans CJK TC', 'Source Han Sans TC', 'Source Han Sans TW', 'PingFang TC', 'Microsoft JhengHei'] },
  'Noto Sans Symbols 2': { family: 'Noto Sans Symbols 2', pkg: '@expo-google-fonts/noto-sans-symbols-2', files: expo('NotoSansSymbols2', ['400']),
    system: ['Noto Sans Symbols 2', 'Segoe UI Symbol', 'Apple Symbols'] },
};

/** The last resort of every chain: arrows, dingbats, geometric shapes, check marks. */
const SYMBOLS = 'Noto Sans Symbols 2';

/**
 * The fallback chain per script, serif (text, questions and answers) and sans (headings, speakers),
 * first choice first: the script's own face, the other Chinese face, the symbol face.
 */
const STACKS: Record<string, { serif: string[]; sans: string[] }> = {
  Hans: { serif: ['Noto Serif SC', 'Noto Serif TC', SYMBOLS], sans: ['Noto Sans SC', 'Noto Sans TC', SYMBOLS] },
  Hant: { serif: ['Noto Serif TC', 'Noto Serif SC', SYMBOLS], sans: ['Noto Sans TC', 'Noto Sans SC', SYMBOLS] },
  Latn: { serif: ['Source Serif 4', 'Noto Serif SC', 'Noto Serif TC', SYMBOLS], sans: ['Source Sans 3', 'Noto Sans SC', 'Noto Sans TC', SYMBOLS] },
};

/** Latin words marked lang="en" inside a Chinese book (words with an apostrophe, render/html.ts). */
const LATIN = { serif: ['Source Serif 4'], sans: ['Source Sans 3'] };

export interface LanguageFonts {
  /** The script the stacks were chosen for (Hans, Hant, Latn). */
  script: string;
  serif: FontFamily[];
  sans: FontFamily[];
  /** For Latin words marked `lang="en"` inside the text, then the book's own stack. */
  latinSerif: FontFamily[];
  latinSans: FontFamily[];
  /** Every family the book may use, once. */
  families: FontFamily[];
}

/** The fonts a book in `language` (BCP 47) is set in. Scripts without a row get the Latin stacks. */
export function fontsFor(language: string): LanguageFonts {
  const script = scriptOf(language);
  const stack = STACKS[script] ?? STACKS.Latn!;
  const serif = stack.serif.map((f) => FAMILIES[f]!);
  const sans = stack.sans.map((f) => FAMILIES[f]!);
  const latinSerif = [...new Set([...LATIN.serif.map((f) => FAMILIES[f]!), ...serif])];
  const latinSans = [...new Set([...LATIN.sans.map((f) => FAMILIES[f]!), ...sans])];
  return { script: STACKS[script] ? script : 'Latn', serif, sans, latinSerif, latinSans, families: [...new Set([...serif, ...sans, ...latinSerif, ...latinSans])] };
}

/** Every family of every language: the packages the offline print page must be allowed to read. */
export function allFamilies(): FontFamily[] {
  return Object.values(FAMILIES);
}

/** A CSS font-family value: quoted names, then the generic family. */
export function cssStack(names: string[], generic: 'serif' | 'sans-serif'): string {
  return [...new Set(names)].map((n) => `"${n.replace(/["\\]/g, '')}"`).concat(generic).join(', ');
}

/** The absolute path of a family's file for a weight/style (its regular file when it has no such cut;
 * TP031 when npm did not install it). */
export function faceFile(family: FontFamily, key: FaceKey = '400'): string {
  const f = `${family.pkg}/${family.files[key] ?? family.files['400']!}`;
  try { return require.resolve(f); } catch { fail('TP031', { path: f }); }
}

/** The code points a font maps to a glyph: one bit per code point (139 KB), made from the sorted list
 * without a Set (a Set of a CJK face's 30,000 code points cost some 10 ms of every build, per face). */
export class CodePoints {
  private readonly bits = new Uint8Array(0x110000 >> 3);
  constructor(points: Iterable<number>) {
    for (const p of points) this.bits[p >> 3]! |= 1 << (p & 7);
  }
  has(point: number): boolean {
    return point >= 0 && point < 0x110000 && (this.bits[point >> 3]! & (1 << (point & 7))) !== 0;
  }
}

const cmaps = new Map<string, CodePoints>();

const CMAP_CACHE = join(projectRoot, 'node_modules', '.cache', 'transcript-press', 'cmaps');

/** HarfBuzz, imported only to read a font whose code points are not cached yet (readyCmaps): it is an ES
 * module that instantiates WebAssembly as it loads, which the CLI's script bundle cannot require(). */
let harfbuzz: typeof import('harfbuzzjs') | null = null;

/** Makes familyCmap answer for these families: their lists from the disk cache, or read with HarfBuzz. */
export async function readyCmaps(families: readonly FontFamily[]): Promise<void> {
  for (const family of families) {
    const file = faceFile(family, '400');
    if (cmaps.has(file)) continue;
    const cached = cachedCmap(file);
    if (!cached) harfbuzz ??= await import('harfbuzzjs');
    cmaps.set(file, new CodePoints(cached ?? fileCmap(file)));
  }
}

/** The code points a family maps to a glyph (its regular file: the bold and italic files cover the same
 * characters), read with HarfBuzz and cached per process; a family not cached on disk needs readyCmaps first. */
export function familyCmap(family: FontFamily): CodePoints {
  const file = faceFile(family, '400');
  let cached = cmaps.get(file);
  if (!cached) {
    cached = new CodePoints(cachedCmap(file) ?? fileCmap(file));
    cmaps.set(file, cached);
  }
  return cached;
}

/**
 * A font file's code points, read with HarfBuzz once per file and kept on disk as a sorted list of
 * 32-bit code points under the file's identity (path, size, modification time: a font package update
 * writes new files). Reading a 20 MB CJK face and walking its cmap costs more than half a second at
 * every build; the list is 200 KB.
 */
function fileCmap(file: string): Iterable<number> {
  if (!harfbuzz) throw new Error(`${file}: its code points are not cached; call readyCmaps first`);
  const points = Uint32Array.from(new harfbuzz.Face(new harfbuzz.Blob(new Uint8Array(readFileSync(file))), 0).collectUnicodes()).sort();
  // A read-only install reads the font each time.
  writeCacheFile(cmapCacheFile(file), new Uint8Array(points.buffer, points.byteOffset, points.byteLength));
  return points;
}

/** The cached list's path: under the file's identity (path, size, modification time). */
function cmapCacheFile(file: string): string {
  const st = statSync(file);
  const key = createHash('sha256').update(JSON.stringify([file, st.size, st.mtimeMs])).digest('hex').slice(0, 32);
  return join(CMAP_CACHE, `${key}.u32`);
}

/** The list from the disk cache, or null when it is not there. */
function cachedCmap(file: string): Uint32Array | null {
  try {
    const bytes = readFileSync(cmapCacheFile(file));
    if (bytes.length % 4 === 0) return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  } catch { /* not read yet */ }
  return null;
}
