// book.yaml `epub.embedFont`: embed Noto Serif SC cut down to the characters the book uses, so the
// text looks as intended on reading systems without a Chinese serif (older e-ink devices), at a few
// hundred KB instead of the 2 MB of the font's simplified-Chinese part.
//
// The font is the print edition's (@fontsource/noto-serif-sc, SIL OFL 1.1, no reserved font name):
// its "chinese-simplified" file holds the GB 2312 range in one face, which is what can be subset.
// The OFL asks that the licence travel with the font: the copyright and licence name records
// (name IDs 0, 13, 14) are kept inside the subset.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { fail } from '../core/diagnostics.ts';

const require = createRequire(import.meta.url);

export const EMBEDDED_FAMILY = 'TP Noto Serif SC';
const SOURCE = '@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-400-normal.woff';

/** Every distinct character of the documents' text (markup stripped, entities left as text). */
export function usedCharacters(documents: string[]): string {
  const chars = new Set<string>();
  for (const doc of documents) {
    for (const ch of doc.replace(/<[^>]*>/g, '')) if (ch > '\u007f') chars.add(ch);
  }
  return [...chars].sort().join('');
}

export async function subsetSerif(text: string): Promise<Uint8Array> {
  let path: string;
  try { path = require.resolve(SOURCE); } catch { fail('TP031', { path: SOURCE }); }
  const font = await subsetFont(readFileSync(path), text, {
    targetFormat: 'woff',
    // Names: copyright, family, subfamily, unique id, full name, version, PostScript name, licence, licence URL.
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
  });
  return new Uint8Array(font);
}
