// The cover: templates/default/cover.svg laid out with the book's title lines. SVG has no line
// wrapping, so the writer breaks the title here (at word boundaries: Intl.Segmenter knows Chinese
// words) and the template only places the lines it is given.
import { SaxesParser } from 'saxes';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError, diagnostic } from '../core/diagnostics.ts';
import { withTimeout } from '../core/timeout.ts';
import { chromiumVersion } from '../core/browser.ts';
import type { Browser, Page, Protocol } from 'puppeteer-core';
import type { BookView } from '../render/variables.ts';
import { projectRoot, renderTemplate, templatePath, type TemplateSet } from '../render/templates.ts';
import { fail } from '../core/diagnostics.ts';
import { xmlProblems } from '../core/markup.ts';
import { serializeXml, xmlChars } from '../render/xml.ts';
import type { Element, ElementContent, Root } from 'xast';
import { relative } from 'node:path';

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
  /** @font-face rules declaring those families, with file:// URLs to files the project installs. */
  css: string;
  /** The folders those files are in: the only places the cover page may load from. */
  dirs: string[];
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

/**
 * The cover as a PNG, drawn by Chromium from the SVG. A raster cover because Kindle conversion
 * (calibre's AZW3) and most library and store thumbnailers ignore an SVG cover-image. Same SVG, same
 * Chromium and the project's fonts → same bytes on any machine (Chromium's PNG encoder writes no time
 * or text chunks).
 */
export async function coverPng(svg: string, browser: Browser, fonts: CoverFonts): Promise<Uint8Array> {
  return (await coverImages(svg, browser, fonts)).cover;
}

/** The catalogue's thumbnail of the cover: the same drawing at 1/8 of the size (200 × 320 pixels). */
export const THUMBNAIL_SCALE = 1 / 8;

/**
 * The cover and its thumbnail, from one rendering of the SVG, cached by everything the pictures are
 * made from: the page (SVG with its title lines), the font stylesheet, the Chromium that draws it and the
 * machine's font configuration (which could only show through a leak the hermetic test looks for, so a
 * build under another configuration draws anew).
 */
export async function coverImages(svg: string, browser: Browser | (() => Promise<Browser>), fonts: CoverFonts): Promise<{ cover: Uint8Array; thumbnail: Uint8Array }> {
  // Chromium's version is asked without starting it, so a cached cover needs no browser at all.
  const key = createHash('sha256').update(JSON.stringify([coverPage(svg), fonts.css, chromiumVersion(),
    process.env.FONTCONFIG_FILE ?? '', process.env.FONTCONFIG_PATH ?? '', THUMBNAIL_SCALE])).digest('hex').slice(0, 32);
  const files = { cover: join(COVER_CACHE, `${key}.png`), thumbnail: join(COVER_CACHE, `${key}.thumbnail.png`) };
  try {
    return { cover: new Uint8Array(readFileSync(files.cover)), thumbnail: new Uint8Array(readFileSync(files.thumbnail)) };
  } catch { /* not drawn yet */ }
  const images = await drawCover(svg, typeof browser === 'function' ? await browser() : browser, fonts);
  // A read-only install only draws each time; the thumbnail first, so a cover on disk has its thumbnail.
  if (writeCacheFile(files.thumbnail, images.thumbnail)) writeCacheFile(files.cover, images.cover);
  return images;
}

const COVER_CACHE = join(projectRoot, 'node_modules', '.cache', 'transcript-press', 'covers');

async function drawCover(svg: string, browser: Browser, fonts: CoverFonts): Promise<{ cover: Uint8Array; thumbnail: Uint8Array }> {
  // One cover at a time per browser: two screenshots taken at once in one shared Chromium were seen
  // to stall for minutes on a loaded machine. A stuck screenshot is abandoned after a while and
  // tried once more on a fresh tab before the book fails (and is retried with a fresh browser).
  const previous = coverQueue.get(browser) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(async () => {
    try {
      return await withTimeout(shoot(svg, browser, fonts), SCREENSHOT_TIMEOUT_MS, stuck);
    } catch (err) {
      if (err instanceof BuildError && err.diagnostic.code === 'TP127') throw err;
      return await withTimeout(shoot(svg, browser, fonts), SCREENSHOT_TIMEOUT_MS, stuck);
    }
  });
  coverQueue.set(browser, turn);
  return turn;
}

const coverQueue = new WeakMap<Browser, Promise<unknown>>();
const SCREENSHOT_TIMEOUT_MS = 60_000;
const stuck = () => new BuildError(diagnostic('TP032', { reason: `the cover screenshot took more than ${SCREENSHOT_TIMEOUT_MS / 1000} s` }));

/** The page that shows the SVG: XHTML (so the SVG is parsed as the XML it is), fonts from a stylesheet. */
export function coverPage(svg: string): string {
  const el = (name: string, attributes: Record<string, string>, children: ElementContent[] = []): Element => ({ type: 'element', name, attributes, children });
  const page: Root = { type: 'root', children: [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' },
    el('html', { xmlns: 'http://www.w3.org/1999/xhtml' }, [
      el('head', {}, [el('meta', { charset: 'UTF-8' }), el('link', { rel: 'stylesheet', href: 'fonts.css' }),
        el('style', {}, [{ type: 'text', value: 'html, body { margin: 0; padding: 0; } svg { display: block; text-rendering: geometricPrecision; }' }])]),
      // The SVG was read as XML already (checkedSvg): it goes in as it is, without its own declaration.
      el('body', {}, [{ type: 'raw', value: withoutXmlDeclaration(svg) }]),
    ]),
  ] };
  return serializeXml(page);
}

/**
 * The SVG without its XML declaration (a page may hold only its own, at its start): where the
 * declaration ends is where the XML parser (saxes) says it does, then the white space after it.
 */
export function withoutXmlDeclaration(svg: string): string {
  const parser = new SaxesParser({ xmlns: false });
  let end = -1;
  parser.on('xmldecl', () => { end = parser.position; });
  parser.on('error', () => undefined);
  parser.write(svg).close();
  return end < 0 ? svg : svg.slice(end).trimStart();
}

async function shoot(svg: string, browser: Browser, fonts: CoverFonts): Promise<{ cover: Uint8Array; thumbnail: Uint8Array }> {
  const dir = mkdtempSync(join(tmpdir(), 'tp-cover-'));
  const page = await browser.newPage();
  try {
    writeFileSync(join(dir, 'fonts.css'), fonts.css);
    writeFileSync(join(dir, 'cover.xhtml'), coverPage(svg));
    // No script runs on the cover page, and it loads only its own folder and the font files.
    await page.setJavaScriptEnabled(false);
    const allowed = [dir, ...fonts.dirs].map((d) => pathToFileURL(d).href + '/');
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || (url.startsWith('file://') && allowed.some((a) => url.startsWith(a)))) void req.continue();
      else void req.abort('blockedbyclient');
    });
    await page.setViewport({ width: COVER_WIDTH, height: COVER_HEIGHT, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(dir, 'cover.xhtml')).href, { waitUntil: 'load' });
    // Chromium shows an XML error as a page with a <parsererror>: never take that for the cover.
    const error = await page.$('parsererror');
    if (error) {
      const text = (await error.evaluate((e) => e.textContent ?? '').catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
      throw new BuildError(diagnostic('TP127', { file: 'cover.svg', reason: `could not be drawn: Chromium read it as broken XML (${text || 'parsererror'})` }));
    }
    await fontsSettled(page);
    // A screenshot needs a rendered frame, and Chromium may stop producing frames for a tab in the
    // background: bring it to the front first.
    await page.bringToFront();
    const cover = new Uint8Array(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT } }));
    const thumbnail = new Uint8Array(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT, scale: THUMBNAIL_SCALE } }));
    return { cover, thumbnail };
  } finally {
    // Closing may itself hang when the tab is stuck; do not wait for it forever.
    await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits, from outside the page (DevTools protocol; the page runs no script), until every text run of
 * the cover is drawn with a web font the page declared: web fonts load after layout asks for them, and
 * until then Chromium draws with a fallback from the machine. Characters no declared font has keep a
 * machine font; after a few seconds the cover is taken as it is.
 */
async function fontsSettled(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: false });
    const texts: number[] = [];
    const visit = (node: Protocol.DOM.Node) => {
      if (node.nodeType === 3 && node.nodeValue.trim()) texts.push(node.nodeId);
      for (const child of node.children ?? []) visit(child);
    };
    visit(root);
    const deadline = Date.now() + FONT_WAIT_MS;
    for (;;) {
      let pending = false;
      for (const nodeId of texts) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        if (fonts.some((f) => !f.isCustomFont)) { pending = true; break; }
      }
      if (!pending || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const FONT_WAIT_MS = 5_000;
