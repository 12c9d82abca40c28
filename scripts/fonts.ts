// Fonts per language, in one place: which faces a book's language is set in, for the PDF (scripts/pdf/
// fonts.ts loads them by file:// URL), the EPUB (scripts/epub/font.ts embeds them) and the cover.
// All come from npm (@fontsource, SIL OFL 1.1) with TrueType outlines, so the PDF embeds TrueType,
// never Type 3, and nothing depends on the machine's fonts.
//
// Latin text is set in a Latin face first (Source Serif 4 / Source Sans 3) with the CJK face only as a
// fallback for the Chinese characters a transcript may quote: a CJK face would draw ’ “ ” — as
// full-width marks ("Russia’ s"). Chinese text is set in the Noto CJK face of its script (SC or TC
// glyph forms and punctuation placement), whose Latin letters are Source Serif's and Source Sans's own
// designs, so Latin runs inside Chinese match the Latin edition without a second face.
//
// Adding a language: a strings file (templates/<set>/lang/<tag>.json) and, for a new script, a row in
// STACKS below.
import { scriptOf } from './lang/language.ts';

/** One family from npm: its package and the weights/styles the templates use. */
export interface FontFamily {
  /** CSS family name, as fontsource declares it. */
  family: string;
  /** npm package. */
  pkg: string;
  /** fontsource stylesheets to load (`400.css`, `700-italic.css`). */
  css: string[];
  /** Subset files (fontsource's file-name middle) to embed in an EPUB: `chinese-traditional`, `latin`. */
  epubSubsets: string[];
  /** The same design as installed on reading systems (for the EPUB's stack when nothing is embedded). */
  system: string[];
}

const FAMILIES: Record<string, FontFamily> = {
  'Source Serif 4': { family: 'Source Serif 4', pkg: '@fontsource/source-serif-4', css: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
    epubSubsets: ['latin', 'latin-ext'], system: ['Source Serif 4', 'Source Serif Pro', 'Georgia'] },
  'Source Sans 3': { family: 'Source Sans 3', pkg: '@fontsource/source-sans-3', css: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
    epubSubsets: ['latin', 'latin-ext'], system: ['Source Sans 3', 'Source Sans Pro', 'Helvetica Neue', 'Arial'] },
  'Noto Serif SC': { family: 'Noto Serif SC', pkg: '@fontsource/noto-serif-sc', css: ['400.css', '700.css'],
    epubSubsets: ['chinese-simplified'], system: ['Noto Serif CJK SC', 'Source Han Serif SC', 'Source Han Serif CN', 'Songti SC', 'STSong', 'SimSun'] },
  'Noto Sans SC': { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', css: ['400.css', '700.css'],
    epubSubsets: ['chinese-simplified'], system: ['Noto Sans CJK SC', 'Source Han Sans SC', 'Source Han Sans CN', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei'] },
  'Noto Serif TC': { family: 'Noto Serif TC', pkg: '@fontsource/noto-serif-tc', css: ['400.css', '700.css'],
    epubSubsets: ['chinese-traditional'], system: ['Noto Serif CJK TC', 'Source Han Serif TC', 'Source Han Serif TW', 'Songti TC', 'PMingLiU', 'MingLiU'] },
  'Noto Sans TC': { family: 'Noto Sans TC', pkg: '@fontsource/noto-sans-tc', css: ['400.css', '700.css'],
    epubSubsets: ['chinese-traditional'], system: ['Noto Sans CJK TC', 'Source Han Sans TC', 'Source Han Sans TW', 'PingFang TC', 'Microsoft JhengHei'] },
};

/** Serif (text) and sans (headings, speakers, questions) families per script, first choice first. */
const STACKS: Record<string, { serif: string[]; sans: string[] }> = {
  Hans: { serif: ['Noto Serif SC'], sans: ['Noto Sans SC'] },
  Hant: { serif: ['Noto Serif TC'], sans: ['Noto Sans TC'] },
  Latn: { serif: ['Source Serif 4', 'Noto Serif SC'], sans: ['Source Sans 3', 'Noto Sans SC'] },
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
