// The cover: templates/default/cover.svg laid out with the book's title lines. SVG has no line
// wrapping, so the writer breaks the title here (at word boundaries: Intl.Segmenter knows Chinese
// words) and the template only places the lines it is given.
import { SaxesParser } from 'saxes';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { BuildError, diagnostic, fail } from '../core/diagnostics.ts';
import type { BookView } from '../render/variables.ts';
import { projectRoot, renderTemplate, templatePath, type TemplateSet } from '../render/templates.ts';
import { xmlProblems } from '../core/markup.ts';
import { xmlChars } from '../render/xml.ts';
import { faceFile, familyCmap, readyCmaps, type FaceKey, type FontFamily, type LanguageFonts } from '../fonts.ts';

import { widestUnit, wrapLines } from '../render/lines.ts';
import { writeCacheFile } from '../core/files.ts';

// The line breaking of titles lives in render/lines.ts (the print title pages use it too).
export { breakUnits, charWidth, titleUnits, widestUnit, wrapLines } from '../render/lines.ts';

/** The cover's size in pixels (the SVG's viewBox): 1:1.6, what e-book stores ask for. */
export const COVER_WIDTH = 1600;
export const COVER_HEIGHT = 2560;

/**
 * The fonts the cover is drawn with: the project's own web fonts, never the machine's, so the same
 * book gives the same cover PNG on every machine (a fresh one has only DejaVu, which has no Chinese).
 */
export interface CoverFonts {
  /** font-family lists the template puts on the title and subtitle lines, and on the publisher line. */
  serif: string;
  sans: string;
  /** The families behind those names: the language's fallback chains (scripts/fonts.ts fontsFor). */
  faces: LanguageFonts;
}

/** The cover's SVG, its text set in `fonts` (see coverFonts in scripts/writers/epub.ts). */
export function coverSvg(view: BookView, templates: TemplateSet, fonts: CoverFonts): string {
  // Ten ems of 120 px a line; a unit that may not break (a date, a long word) wider than that sets
  // the whole title smaller rather than being split.
  const ems = Math.max(10, widestUnit(view.title, view.lang));
  const titleSize = Math.round(120 * 10 / ems);
  const titleLines = wrapLines(view.title, ems, view.lang).map((text, i) => ({ text, size: titleSize, y: 700 + i * titleSize * 1.35 }));
  const ruleY = titleLines[titleLines.length - 1].y + 140;
  const subtitleLines = view.subtitle ? wrapLines(view.subtitle, 16, view.lang).map((text, i) => ({ text, size: 68, y: ruleY + 150 + i * 100 })) : [];
  const svg = renderTemplate(templates, 'cover.svg', { ...view, titleLines, subtitleLines, ruleY, fonts: { serif: fonts.serif, sans: fonts.sans } });
  // Characters XML forbids (control characters a title may carry; reported by the reader) are removed
  // the way every EPUB document's are, before the cover is judged as XML.
  return checkedSvg(xmlChars(svg), relative(process.cwd(), templatePath(templates, 'cover.svg')));
}

/**
 * The cover as XML before anything draws it (issue #22): a DOCTYPE without declarations (what
 * Illustrator and Inkscape export) is dropped, entity declarations are refused (TP122), and a cover that
 * is not well-formed XML is refused at its line (TP127) instead of drawing Chromium's error page.
 */
export function checkedSvg(svg: string, file: string): string {
  const doctype = bareDoctype(svg);
  const dropped = doctype ? svg.slice(0, doctype.start) + svg.slice(doctype.start, doctype.end).replace(/[^\n]/g, '') + svg.slice(doctype.end) : svg;
  for (const p of xmlProblems(dropped)) {
    const where = { file, line: p.line, column: p.column, excerpt: dropped.split('\n')[p.line - 1]?.slice(0, 200) };
    if (p.kind === 'doctype' || p.kind === 'entity') fail('TP122', { file, what: p.what }, where);
    if (p.kind === 'malformed') fail('TP127', { file, reason: `is not well-formed XML (${p.what})` }, where);
  }
  return dropped;
}

/** Where a DOCTYPE that declares nothing (no internal subset) stands, as the XML parser (saxes) reads it. */
function bareDoctype(svg: string): { start: number; end: number } | null {
  const parser = new SaxesParser({ xmlns: false });
  let found: { start: number; end: number } | null = null;
  // saxes hands over what stands between `<!DOCTYPE` and `>` (9 and 1 characters) when it has read the `>`.
  parser.on('doctype', (d) => { if (!d.includes('[')) found = { start: parser.position - d.length - 10, end: parser.position }; });
  parser.on('error', () => undefined);
  parser.write(svg).close();
  return found;
}


/** The catalogue's thumbnail of the cover: the same drawing at 1/8 of the size (200 × 320 pixels). */
export const THUMBNAIL_SCALE = 1 / 8;

/**
 * The cover as a PNG. A raster cover because Kindle conversion (calibre's AZW3) and most library and
 * store thumbnailers ignore an SVG cover-image.
 */
export async function coverPng(svg: string, fonts: CoverFonts): Promise<Uint8Array> {
  return (await coverImages(svg, fonts)).cover;
}

/**
 * The cover and its thumbnail, drawn from the SVG by resvg (a renderer in the process: no browser) with
 * the project's font files only, so no machine's fonts or settings can reach the pixels, and cached by
 * everything the pictures are made from: the SVG, the font files it is drawn with, resvg's version.
 */
export async function coverImages(svg: string, fonts: CoverFonts): Promise<{ cover: Uint8Array; thumbnail: Uint8Array }> {
  const drawable = withoutOutsideImages(svg);
  const files = await coverFontFiles(drawable, fonts.faces);
  const key = createHash('sha256').update(JSON.stringify([drawable, files.map((f) => [f, statSync(f).size]), resvgVersion(), THUMBNAIL_SCALE]))
    .digest('hex').slice(0, 32);
  const cached = { cover: join(COVER_CACHE, `${key}.png`), thumbnail: join(COVER_CACHE, `${key}.thumbnail.png`) };
  try {
    return { cover: new Uint8Array(readFileSync(cached.cover)), thumbnail: new Uint8Array(readFileSync(cached.thumbnail)) };
  } catch { /* not drawn yet */ }
  const dir = mkdtempSync(join(tmpdir(), 'tp-cover-'));
  let images: { cover: Uint8Array; thumbnail: Uint8Array };
  try {
    images = await drawCover(drawable, await coverFaces(files, svgCharacters(drawable), dir), fonts.faces);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // A read-only install only draws each time; the thumbnail first, so a cover on disk has its thumbnail.
  if (writeCacheFile(cached.thumbnail, images.thumbnail)) writeCacheFile(cached.cover, images.cover);
  return images;
}

const COVER_CACHE = join(projectRoot, 'node_modules', '.cache', 'transcript-press', 'covers');

function resvgVersion(): string {
  return (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;
}

/**
 * Draws the cover at its size, then the thumbnail from the drawing's outlines (resvg's own SVG of the
 * cover, its text already turned into paths: the same pixels as drawing the text again at 1/8, without
 * reading the fonts twice). A cover resvg cannot read is refused (TP127) with resvg's reason.
 */
async function drawCover(svg: string, fontFiles: string[], faces: LanguageFonts): Promise<{ cover: Uint8Array; thumbnail: Uint8Array }> {
  const { Resvg } = await import('@resvg/resvg-js');
  let drawing: InstanceType<typeof Resvg>;
  try {
    drawing = new Resvg(svg, {
      // The project's files and nothing of the machine's; the generic families are the book's own faces.
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: faces.serif[0]!.family, serifFamily: faces.serif[0]!.family, sansSerifFamily: faces.sans[0]!.family },
      textRendering: 2, shapeRendering: 2, logLevel: 'off',
    });
  } catch (err) {
    throw new BuildError(diagnostic('TP127', { file: 'cover.svg', reason: `could not be drawn: ${String((err as Error).message ?? err).split('\n')[0]!.slice(0, 200)}` }));
  }
  const cover = new Uint8Array(drawing.render().asPng());
  const outlines = new Resvg(drawing.toString(), { font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: Math.round(drawing.width * THUMBNAIL_SCALE) }, logLevel: 'off' });
  return { cover, thumbnail: new Uint8Array(outlines.render().asPng()) };
}

/**
 * The font files the cover is drawn with: of each fallback chain its first family, and each later
 * family only when it has a character of the SVG that the ones before it lack (a family no character
 * falls back to draws nothing; reading the Chinese faces, 10 to 15 MB each, is most of a cover's cost).
 */
async function coverFontFiles(svg: string, faces: LanguageFonts): Promise<string[]> {
  const chains = [faces.serif, faces.sans, faces.latinSerif, faces.latinSans];
  await readyCmaps([...new Set(chains.flat())]);
  const chars = [...svgCharacters(svg)].map((c) => c.codePointAt(0)!);
  const files: string[] = [];
  for (const chain of chains) {
    let missing = chars;
    chain.forEach((family, i) => {
      const cmap = familyCmap(family);
      if (i > 0 && !missing.some((c) => cmap.has(c))) return;
      files.push(...(Object.keys(family.files) as FaceKey[]).map((k) => faceFile(family, k)));
      missing = missing.filter((c) => !cmap.has(c));
    });
  }
  return [...new Set(files)];
}

/** Every character of the SVG, its markup and its text as the XML parser decodes it (`&#39;` is `'`). */
function svgCharacters(svg: string): Set<string> {
  const chars = new Set(Array.from(svg));
  const parser = new SaxesParser({ xmlns: false });
  parser.on('text', (t) => { for (const c of t) chars.add(c); });
  parser.on('opentag', (tag) => { for (const v of Object.values(tag.attributes)) for (const c of String(v)) chars.add(c); });
  parser.on('error', () => undefined);
  parser.write(svg).close();
  return chars;
}

/**
 * The font files resvg is given: a large face (the Chinese ones, 10 to 15 MB) cut to the SVG's
 * characters first (subset-font, in `dir`). resvg reads a font file again for each glyph it draws, so a
 * long title in a whole Chinese face cost seconds; the cut keeps the glyphs and their layout tables, and
 * draws the same pixels.
 */
async function coverFaces(files: string[], chars: Set<string>, dir: string): Promise<string[]> {
  const text = [...chars].join('');
  const out: string[] = [];
  for (const [i, file] of files.entries()) {
    if (statSync(file).size < WHOLE_FACE_BYTES) { out.push(file); continue; }
    const { default: subsetFont } = await import('subset-font');
    const cut = join(dir, `${i}.ttf`);
    writeFileSync(cut, await subsetFont(readFileSync(file), text, { targetFormat: 'truetype' }));
    out.push(cut);
  }
  return out;
}

const WHOLE_FACE_BYTES = 2_000_000;

/**
 * The SVG without the images it would load from a file or the network: resvg reads an <image>'s path
 * from the disk as it is (an absolute path, or one relative to the working folder), where the browser
 * that drew covers before let a cover load nothing. Inline pictures (data: URLs of PNG, JPEG, GIF or
 * WebP) stay; an inline SVG could itself name a file, so it goes too. Cut where the XML parser (saxes)
 * says each such element starts and ends; a cover without one is returned as it is.
 */
export function withoutOutsideImages(svg: string): string {
  const parser = new SaxesParser({ xmlns: false });
  const cuts: { start: number; end: number }[] = [];
  const open: { name: string; start: number; cut: boolean }[] = [];
  let tagStart = 0;
  parser.on('opentagstart', (tag) => { tagStart = parser.position - tag.name.length - 2; });
  parser.on('opentag', (tag) => {
    const local = tag.name.slice(tag.name.indexOf(':') + 1);
    const href = Object.entries(tag.attributes).find(([k]) => k === 'href' || k.endsWith(':href'))?.[1];
    const outside = (local === 'image' || local === 'feImage') && href !== undefined && !INLINE_PICTURE.test(String(href).trim());
    open.push({ name: tag.name, start: tagStart, cut: outside && !open.some((o) => o.cut) });
  });
  parser.on('closetag', () => {
    const el = open.pop();
    if (el?.cut) cuts.push({ start: el.start, end: parser.position });
  });
  parser.on('error', () => undefined);
  parser.write(svg).close();
  let out = svg;
  for (const c of cuts.reverse()) out = out.slice(0, c.start) + out.slice(c.end);
  return out;
}

const INLINE_PICTURE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;
