// The EPUB's fonts. Every book gets font stacks for its language (scripts/fonts.ts: the npm face's
// name, then the same design as reading systems install it, then the generic family). With book.yaml
// `epub.embedFont` the book also carries every face it is set in — text serif (roman, and italic when
// the book has any), sans regular for questions and sans bold for headings and speakers — each cut
// down to the characters the book uses, so the text looks as intended on reading systems without
// those fonts (older e-ink devices), at a few hundred KB instead of megabytes.
//
// The faces are @fontsource's (SIL OFL 1.1, no reserved font names). A Latin family comes in
// per-script files (latin, latin-ext) with the unicode-range fontsource gives each; a Chinese family
// in one file per script (chinese-simplified / chinese-traditional). The OFL asks that the licence
// travel with the font: the copyright and licence name records (name IDs 0, 13, 14) are kept.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { fail } from '../core/diagnostics.ts';
import { cssStack, fontsFor, type FontFamily } from '../fonts.ts';

const require = createRequire(import.meta.url);

/** One embedded face: a subset file and the @font-face that declares it. */
export interface EmbeddedFace {
  family: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  href: string;
  data: Uint8Array;
  /** The code points this file may draw (fontsource's range for a per-script file). */
  unicodeRange?: string;
}

/** What the EPUB's font stylesheet (templates/<set>/epub/font.css) lays out. */
export interface EpubFonts {
  faces: EmbeddedFace[];
  /** CSS font-family values: running text, and headings/speakers/questions. */
  serif: string;
  sans: string;
  /** For Latin words marked lang="en" inside a Chinese book. */
  latinSerif: string;
  latinSans: string;
  /** The book is in a Latin script (the stylesheet's Latin-only rules apply). */
  latinScript: boolean;
}

/** Family name of an embedded subset: never the same as an installed full font it would shadow. */
export const embeddedName = (family: string) => `TP ${family}`;

/** Every distinct character of the documents' text (markup stripped, character references decoded). */
export function usedCharacters(documents: string[]): string {
  const chars = new Set<string>();
  for (const doc of documents) {
    const text = doc.replace(/<[^>]*>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
    for (const ch of text) if (ch >= ' ' && ch !== '\u00ad') chars.add(ch);
  }
  return [...chars].sort().join('');
}

/** Parses `U+0000-00FF,U+0131` into a code-point test. */
function rangeTest(range: string): (cp: number) => boolean {
  const spans = range.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as const;
  });
  return (cp) => spans.some(([a, b]) => cp >= a && cp <= b);
}

/** fontsource's file and unicode-range for one subset of a family at a weight and style. */
function subsetFile(family: FontFamily, subset: string, weight: number, style: 'normal' | 'italic'): { path: string; range?: string } | undefined {
  const base = family.pkg.split('/')[1]!;
  const file = `${family.pkg}/files/${base}-${subset}-${weight}-${style}.woff`;
  let path: string;
  try { path = require.resolve(file); } catch { return undefined; }
  // The family's stylesheet for the weight holds one @font-face per subset file, each with its range.
  let range: string | undefined;
  try {
    const css = readFileSync(require.resolve(`${family.pkg}/${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8');
    const block = css.split('@font-face').find((b) => b.includes(`/${base}-${subset}-${weight}-${style}.woff`));
    range = block && /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
  } catch { /* no stylesheet: the file is used for every character */ }
  return { path, range };
}

/** The faces a book needs: [family, weight, style], text serif first. */
function facesNeeded(families: { serif: FontFamily[]; sans: FontFamily[] }, italic: boolean): [FontFamily, 400 | 700, 'normal' | 'italic'][] {
  const out: [FontFamily, 400 | 700, 'normal' | 'italic'][] = [];
  for (const f of families.serif) {
    out.push([f, 400, 'normal']);
    if (italic && f.css.includes('400-italic.css')) out.push([f, 400, 'italic']);
  }
  for (const f of families.sans) out.push([f, 400, 'normal'], [f, 700, 'normal']);
  return out;
}

const HAN_OR_CJK_MARK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]/u;

/**
 * The EPUB's font stacks for the book's language and, with `embed`, the subset faces. A Latin book
 * embeds its CJK fallback only when its text has Chinese characters or marks.
 */
export async function epubFonts(language: string, documents: string[], embed: boolean): Promise<EpubFonts> {
  const fonts = fontsFor(language);
  const text = usedCharacters(documents);
  const needsCjk = HAN_OR_CJK_MARK.test(text);
  const isCjk = (f: FontFamily) => f.epubSubsets.some((s) => s.startsWith('chinese'));
  const chosen = {
    serif: fonts.serif.filter((f) => !isCjk(f) || fonts.script !== 'Latn' || needsCjk),
    sans: fonts.sans.filter((f) => !isCjk(f) || fonts.script !== 'Latn' || needsCjk),
  };
  const faces: EmbeddedFace[] = [];
  if (embed) {
    const italic = /<(i|em|cite)\b/.test(documents.join(''));
    for (const [family, weight, style] of facesNeeded(chosen, italic)) {
      for (const subset of family.epubSubsets) {
        const file = subsetFile(family, subset, weight, style);
        if (!file) {
          if (subset === family.epubSubsets[0]) fail('TP031', { path: `${family.pkg} ${subset} ${weight} ${style}` });
          continue;
        }
        const inRange = file.range ? rangeTest(file.range) : () => true;
        const chars = [...text].filter((c) => inRange(c.codePointAt(0)!)).join('');
        if (!chars) continue;
        const data = await cut(readFileSync(file.path), chars);
        const slug = `${family.family}-${subset}-${weight}-${style}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        faces.push({ family: embeddedName(family.family), weight, style, href: `fonts/${slug}.woff`, data, unicodeRange: file.range });
      }
    }
  }
  const stack = (list: FontFamily[]) => [...(embed ? list.map((f) => embeddedName(f.family)) : []), ...list.flatMap((f) => [f.family, ...f.system])];
  const system = (list: FontFamily[]) => list.flatMap((f) => [f.family, ...f.system]);
  return { faces, latinScript: fonts.script === 'Latn', serif: cssStack(stack(chosen.serif), 'serif'), sans: cssStack(stack(chosen.sans), 'sans-serif'),
    latinSerif: cssStack([...system(fonts.latinSerif.filter((f) => !chosen.serif.includes(f))), ...stack(chosen.serif)], 'serif'),
    latinSans: cssStack([...system(fonts.latinSans.filter((f) => !chosen.sans.includes(f))), ...stack(chosen.sans)], 'sans-serif') };
}

async function cut(font: Buffer, text: string): Promise<Uint8Array> {
  return new Uint8Array(await subsetFont(font, text, {
    targetFormat: 'woff',
    // Names: copyright, family, subfamily, unique id, full name, version, PostScript name, licence, licence URL.
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
  }));
}
