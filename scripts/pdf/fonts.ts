// The print fonts of a book's language (scripts/fonts.ts): one whole TrueType file per face and weight
// from npm, declared by file:// URL. One @font-face per file and no unicode-range, so Chromium embeds
// one subset per face and weight (TrueType, never Type 3). The families of the fallback chain are all
// declared; Chromium reads a fallback file only when the text needs a character the faces before it
// lack. Every weight the templates use is declared (a family without a bold file serves its regular
// file for bold), so Chromium never synthesises bold.
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allFamilies, cssStack, faceFile, fontsFor, type FaceKey, type FontFamily } from '../fonts.ts';


/**
 * The folders the font packages live in. They belong to the build wherever npm put them (a hoisted or
 * linked node_modules may lie outside the project), so the offline page must let them load.
 */
export function fontDirs(): string[] {
  return [...new Set(allFamilies().map((f) => dirname(dirname(faceFile(f)))))];
}

const cached = new Map<string, string>();

const WEIGHTS: { key: FaceKey; weight: number; style: 'normal' | 'italic' }[] = [
  { key: '400', weight: 400, style: 'normal' }, { key: '700', weight: 700, style: 'normal' },
  { key: '400-italic', weight: 400, style: 'italic' }, { key: '700-italic', weight: 700, style: 'italic' },
];

/** The @font-face rules of one family: one per weight and style it has, each one whole file. */
export function fontFaceCss(family: FontFamily): string {
  const out: string[] = [];
  for (const { key, weight, style } of WEIGHTS) {
    if (style === 'italic' && !family.files[key]) continue;
    const url = pathToFileURL(faceFile(family, key)).href;
    out.push(`@font-face {\n  font-family: '${family.family}';\n  font-style: ${style};\n  font-weight: ${weight};\n  font-display: block;\n  src: url(${url}) format('truetype');\n}`);
  }
  return out.join('\n');
}

/**
 * One stylesheet declaring the print faces of the book's language and the stacks the print stylesheet
 * uses: `var(--serif)` for text (questions and answers alike), `var(--sans)` for headings and speakers.
 */
export function printFontCss(language = 'zh-Hans'): string {
  const hit = cached.get(language);
  if (hit) return hit;
  const fonts = fontsFor(language);
  const parts = fonts.families.map(fontFaceCss);
  const names = (list: FontFamily[]) => list.map((f) => f.family);
  parts.push(`:root {\n  --serif: ${cssStack(names(fonts.serif), 'serif')};\n  --sans: ${cssStack(names(fonts.sans), 'sans-serif')};\n`
    + `  --latin-serif: ${cssStack(names(fonts.latinSerif), 'serif')};\n  --latin-sans: ${cssStack(names(fonts.latinSans), 'sans-serif')};\n}`);
  const css = parts.join('\n');
  cached.set(language, css);
  return css;
}
