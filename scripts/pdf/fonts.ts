// The print fonts of a book's language (scripts/fonts.ts): TrueType-outline faces from @fontsource,
// loaded by file:// URL.
//
// Why we rewrite fontsource's CSS instead of linking it: its .woff2 files carry the name table of the
// variable font's default instance ("Noto Serif SC ExtraLight", "Noto Sans SC Thin") although their
// outlines and OS/2 weight are the real 400 and 700 instances. Chromium copies that name into the
// PDF, so a print shop's preflight would see "NotoSerifSCExtraLight-Regular" and "NotoSansSCThin-Bold"
// and query a font that is in fact right. The .woff files of the same instances have the correct
// names (NotoSerifSC-Regular, NotoSansSC-Bold), so we point every @font-face at the .woff only.
// Both weights are declared, so Chromium never synthesises bold.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { fail } from '../core/diagnostics.ts';
import { allFamilies, cssStack, fontsFor, type FontFamily } from '../fonts.ts';

const require = createRequire(import.meta.url);

/** The fontsource stylesheets of a family (`@fontsource/noto-serif-tc/400.css`, …). */
function stylesheets(family: FontFamily): string[] {
  return family.css.map((c) => `${family.pkg}/${c}`);
}

/** Every print stylesheet of every language (kept for callers that list the font files). */
export const FONT_FILES = allFamilies().flatMap(stylesheets);

function resolveFont(f: string): string {
  try { return require.resolve(f); } catch { fail('TP031', { path: f }); }
}

/**
 * The folders the font packages live in. They belong to the build wherever npm put them (a hoisted or
 * linked node_modules may lie outside the project), so the offline page must let them load.
 */
export function fontDirs(): string[] {
  return [...new Set(FONT_FILES.map((f) => dirname(resolveFont(f))))];
}

const cached = new Map<string, string>();

/**
 * One stylesheet declaring the print faces of the book's language, with absolute file:// URLs to the
 * .woff files, and the two stacks the print stylesheet uses: `var(--serif)` for text, `var(--sans)`
 * for headings, speakers and questions.
 */
export function printFontCss(language = 'zh-Hans'): string {
  const hit = cached.get(language);
  if (hit) return hit;
  const fonts = fontsFor(language);
  const parts: string[] = [];
  for (const family of fonts.families) {
    for (const f of stylesheets(family)) {
      const path = resolveFont(f);
      parts.push(rewriteFontCss(readFileSync(path, 'utf8'), pathToFileURL(dirname(path)).href));
    }
  }
  const names = (list: FontFamily[]) => list.map((f) => f.family);
  parts.push(`:root {\n  --serif: ${cssStack(names(fonts.serif), 'serif')};\n  --sans: ${cssStack(names(fonts.sans), 'sans-serif')};\n`
    + `  --latin-serif: ${cssStack(names(fonts.latinSerif), 'serif')};\n  --latin-sans: ${cssStack(names(fonts.latinSans), 'sans-serif')};\n}`);
  const css = parts.join('\n');
  cached.set(language, css);
  return css;
}

/** Keeps fontsource's @font-face rules but loads `<base>/files/X.woff` instead of `./files/X.woff2`. */
export function rewriteFontCss(css: string, base: string): string {
  return css.replace(/src:\s*url\(\.\/files\/([^)]+?)\.woff2\)\s*format\('woff2'\),\s*url\(\.\/files\/([^)]+?)\.woff\)\s*format\('woff'\)/g,
    (_m, _woff2: string, woff: string) => `src: url(${base}/files/${woff}.woff) format('woff')`);
}

/** A font file of a package, resolved (TP031 when npm did not install it). */
export function fontFile(pkg: string, file: string): string {
  return resolveFont(join(pkg, 'files', file));
}
