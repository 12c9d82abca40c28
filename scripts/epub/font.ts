// The EPUB's fonts. Every book gets font stacks for its language (scripts/fonts.ts: the npm face's
// name, then the same design as reading systems install it, then the generic family). With book.yaml
// `epub.embedFont` the book also carries every face it is set in — text serif (roman, and italic when
// the book has any), sans regular for questions and sans bold for headings and speakers — each cut
// down to the characters the book uses, so the text looks as intended on reading systems without
// those fonts (older e-ink devices), at a few hundred KB instead of megabytes.
//
// The faces are the whole font files the PDF uses (scripts/fonts.ts: SIL OFL 1.1, no reserved font
// names), one per face of the fallback chain that the text needs. The OFL asks that the licence travel
// with the font: the copyright and licence name records (name IDs 0, 13, 14) are kept.
import { readFileSync } from 'node:fs';
import { cssStack, faceFile, familyCmap, fontsFor, readyCmaps, type FaceKey, type FontFamily } from '../fonts.ts';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import type { Element, Nodes } from 'hast';

/** One embedded face: a subset file and the @font-face that declares it. */
export interface EmbeddedFace {
  family: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  href: string;
  data: Uint8Array;
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

/** Every distinct character of the documents' text (hast-util-to-string: no markup, references decoded). */
export function usedCharacters(documents: Nodes[]): string {
  const chars = new Set<string>();
  for (const doc of documents) {
    for (const ch of toString(doc)) if (ch >= ' ' && ch !== '\u00ad') chars.add(ch);
  }
  return [...chars].sort().join('');
}

/** Whether any document sets text in italics (an `i`, `em` or `cite` element): the serif's italic face is then embedded. */
function hasItalic(documents: Nodes[]): boolean {
  let found = false;
  for (const doc of documents) {
    visit(doc, 'element', (e: Element) => {
      if (e.tagName === 'i' || e.tagName === 'em' || e.tagName === 'cite') { found = true; return EXIT; }
      return CONTINUE;
    });
  }
  return found;
}

/** The faces a book needs: [family, weight, style], text serif first. */
function facesNeeded(families: { serif: FontFamily[]; sans: FontFamily[] }, italic: boolean): [FontFamily[], 400 | 700, 'normal' | 'italic'][] {
  return [[families.serif, 400, 'normal'], ...(italic ? [[families.serif, 400, 'italic'] as [FontFamily[], 400, 'italic']] : []),
    [families.sans, 400, 'normal'], [families.sans, 700, 'normal']];
}

const HAN_OR_CJK_MARK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]/u;

/**
 * The EPUB's font stacks for the book's language (the fallback chain of scripts/fonts.ts, then the same
 * designs as reading systems install them) and, with `embed`, the subset faces: each face of the chain
 * carries the characters the faces before it lack. A Latin book embeds its CJK fallback only when its
 * text has Chinese characters or marks.
 */
export async function epubFonts(language: string, documents: (Nodes | string)[], embed: boolean): Promise<EpubFonts> {
  const fonts = fontsFor(language);
  // The documents as trees: the writer's own hast as it is; a template's output (markup, a string) read
  // as an HTML fragment — the text the reader sees, whatever markup carries it. Only embedding, or a
  // Latin book (whose CJK fallback depends on its text), needs them read.
  const trees = embed || fonts.script === 'Latn' ? documents.map((d) => (typeof d === 'string' ? fromHtml(d, { fragment: true }) : d)) : [];
  const text = usedCharacters(trees);
  const needsCjk = HAN_OR_CJK_MARK.test(text);
  const chosen = {
    serif: fonts.serif.filter((f) => !f.cjk || fonts.script !== 'Latn' || needsCjk),
    sans: fonts.sans.filter((f) => !f.cjk || fonts.script !== 'Latn' || needsCjk),
  };
  const faces: EmbeddedFace[] = [];
  if (embed) {
    await readyCmaps([...chosen.serif, ...chosen.sans]);
    const italic = hasItalic(trees);
    for (const [chain, weight, style] of facesNeeded(chosen, italic)) {
      let left = [...text].filter((c) => !/\s/.test(c));
      for (const family of chain) {
        if (style === 'italic' && !family.files['400-italic']) continue;
        const cmap = familyCmap(family);
        const chars = left.filter((c) => cmap.has(c.codePointAt(0)!));
        left = left.filter((c) => !cmap.has(c.codePointAt(0)!));
        // The first face always carries the space and the basic marks; the others only what they add.
        if (!chars.length && family !== chain[0]) continue;
        const key = `${weight}${style === 'italic' ? '-italic' : ''}` as FaceKey;
        const data = await cut(readFileSync(faceFile(family, key)), ` ${chars.join('')}`);
        const slug = `${family.family}-${weight}-${style}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        faces.push({ family: embeddedName(family.family), weight, style, href: `fonts/${slug}.woff`, data });
      }
    }
  }
  const stack = (list: FontFamily[]) => [...(embed ? list.filter((f) => faces.some((x) => x.family === embeddedName(f.family))).map((f) => embeddedName(f.family)) : []), ...list.flatMap((f) => [f.family, ...f.system])];
  const system = (list: FontFamily[]) => list.flatMap((f) => [f.family, ...f.system]);
  return { faces, latinScript: fonts.script === 'Latn', serif: cssStack(stack(chosen.serif), 'serif'), sans: cssStack(stack(chosen.sans), 'sans-serif'),
    latinSerif: cssStack([...system(fonts.latinSerif.filter((f) => !chosen.serif.includes(f))), ...stack(chosen.serif)], 'serif'),
    latinSans: cssStack([...system(fonts.latinSans.filter((f) => !chosen.sans.includes(f))), ...stack(chosen.sans)], 'sans-serif') };
}

async function cut(font: Buffer, text: string): Promise<Uint8Array> {
  // Loaded when a face is cut: subset-font brings fontverter and wawoff2 (a megabyte of compiled
  // JavaScript) into every build that loads this module, embedding fonts or not.
  const { default: subsetFont } = await import('subset-font');
  return new Uint8Array(await subsetFont(font, text, {
    targetFormat: 'woff',
    // Names: copyright, family, subfamily, unique id, full name, version, PostScript name, licence, licence URL.
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
  }));
}
