// The print fonts: TrueType-outline Noto Serif/Sans SC from @fontsource, loaded by file:// URL.
//
// Why we rewrite fontsource's CSS instead of linking it: its .woff2 files carry the name table of the
// variable font's default instance ("Noto Serif SC ExtraLight", "Noto Sans SC Thin") although their
// outlines and OS/2 weight are the real 400 and 700 instances. Chromium copies that name into the
// PDF, so a print shop's preflight would see "NotoSerifSCExtraLight-Regular" and "NotoSansSCThin-Bold"
// and query a font that is in fact right. The .woff files of the same instances have the correct
// names (NotoSerifSC-Regular, NotoSansSC-Bold), so we point every @font-face at the .woff only.
// Both weights are declared, so Chromium never synthesises bold.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { fail } from '../core/diagnostics.ts';

const require = createRequire(import.meta.url);

export const FONT_FILES = [
  '@fontsource/noto-serif-sc/400.css', '@fontsource/noto-serif-sc/700.css',
  '@fontsource/noto-sans-sc/400.css', '@fontsource/noto-sans-sc/700.css',
] as const;

let cached: string | undefined;

/**
 * The folders the font packages live in. They belong to the build wherever npm put them (a hoisted or
 * linked node_modules may lie outside the project), so the offline page must let them load.
 */
export function fontDirs(): string[] {
  return [...new Set(FONT_FILES.map((f) => {
    try { return dirname(require.resolve(f)); } catch { fail('TP031', { path: f }); }
  }))];
}

/** One stylesheet declaring all print faces, with absolute file:// URLs to the .woff files. */
export function printFontCss(): string {
  if (cached) return cached;
  const parts: string[] = [];
  for (const f of FONT_FILES) {
    let path: string;
    try { path = require.resolve(f); } catch { fail('TP031', { path: f }); }
    const base = pathToFileURL(dirname(path)).href;
    const css = readFileSync(path, 'utf8');
    parts.push(rewriteFontCss(css, base));
  }
  return (cached = parts.join('\n'));
}

/** Keeps fontsource's @font-face rules but loads `<base>/files/X.woff` instead of `./files/X.woff2`. */
export function rewriteFontCss(css: string, base: string): string {
  return css.replace(/src:\s*url\(\.\/files\/([^)]+?)\.woff2\)\s*format\('woff2'\),\s*url\(\.\/files\/([^)]+?)\.woff\)\s*format\('woff'\)/g,
    (_m, _woff2: string, woff: string) => `src: url(${base}/files/${woff}.woff) format('woff')`);
}
