// The cover: templates/default/cover.svg laid out with the book's title lines. SVG has no line
// wrapping, so the writer breaks the title here (at word boundaries: Intl.Segmenter knows Chinese
// words) and the template only places the lines it is given.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError, diagnostic } from '../core/diagnostics.ts';
import { withTimeout } from '../core/timeout.ts';
import type { Browser, Page, Protocol } from 'puppeteer-core';
import type { BookView } from '../render/variables.ts';
import { renderTemplate, type TemplateSet } from '../render/templates.ts';

/** Width of a character in ems, roughly: full-width (Han, kana, full-width marks) 1, the rest about half. */
export function charWidth(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 1 : 0.56;
}
const widthOf = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const HAN_NUMBER = '[0-9０-９〇零一二三四五六七八九十]';
/** Dates a line must not split: March 7, 2024 · 7 March 2024 · March 2024 · 2024-03-07 · 3/7/2024 · 2024年3月7日 · 二〇一六年六月二十一日. */
const DATE = new RegExp([
  `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`, `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}`, `${MONTH}\\s+\\d{4}`,
  '\\d{4}-\\d{1,2}-\\d{1,2}', '\\d{1,2}/\\d{1,2}/\\d{2,4}',
  `${HAN_NUMBER}{2,4}年(?:${HAN_NUMBER}{1,3}月(?:${HAN_NUMBER}{1,3}[日号號])?)?`, `${HAN_NUMBER}{1,3}月${HAN_NUMBER}{1,3}[日号號]`,
].join('|'), 'gu');
/** Marks that open a phrase and so stay with what follows. */
const OPENING = /^[\s]*[“‘（(《〈「『【〔\[{]+$/u;

/**
 * The units a line may break between: words (Intl.Segmenter knows Chinese words), with dates kept
 * whole, punctuation and spaces kept with the word before (so no line starts with a mark) and opening
 * marks with the word after.
 */
export function breakUnits(text: string, lang: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const words = (s: string) => [...segmenter.segment(s)].map((x) => ({ text: x.segment, word: !!x.isWordLike }));
  const parts: { text: string; word: boolean }[] = [];
  for (const m of text.matchAll(DATE)) {
    parts.push(...words(text.slice(last, m.index)), { text: m[0], word: true });
    last = m.index! + m[0].length;
  }
  parts.push(...words(text.slice(last)));
  let opener = '';
  for (const p of parts) {
    if (p.word) { pieces.push(opener + p.text); opener = ''; continue; }
    if (OPENING.test(p.text) && !/\s$/.test(p.text) || (opener && !p.word)) { opener += p.text; continue; }
    if (pieces.length) pieces[pieces.length - 1] += p.text;
    else opener += p.text;
  }
  if (opener) pieces.length ? (pieces[pieces.length - 1] += opener) : pieces.push(opener);
  return pieces;
}

/** The width in ems of the widest unit a line may not break (capped: a very long word is cut). */
export function widestUnit(text: string, lang: string, cap = 14): number {
  return Math.min(cap, Math.max(0, ...breakUnits(text, lang).map((u) => widthOf(u.trim()))));
}

/**
 * Splits text into lines at most `max` ems wide (a Han character is an em), as few lines as fit and
 * balanced (the widest line as narrow as possible), breaking only between the units of breakUnits: so
 * no line starts with punctuation and no date is split, in any language. A unit wider than a line (a
 * long name) is cut by characters.
 */
export function wrapLines(text: string, max: number, lang: string): string[] {
  if (widthOf(text) <= max) return [text];
  const units = breakUnits(text, lang).flatMap((u) => {
    if (widthOf(u.trim()) <= max) return [u];
    const out: string[] = [];
    let cur = '';
    for (const ch of u) { if (cur && widthOf(cur + ch) > max) { out.push(cur); cur = ''; } cur += ch; }
    return cur ? [...out, cur] : out;
  });
  const n = units.length;
  const lineWidth = (i: number, j: number) => widthOf(units.slice(i, j).join('').trim());
  // best[k][j]: the narrowest widest line setting units[0..j) in k lines (a small DP: titles are short).
  for (let lines = 1; lines <= n; lines++) {
    const best: number[][] = Array.from({ length: lines + 1 }, () => Array(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => Array(n + 1).fill(-1));
    best[0]![0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let j = 1; j <= n; j++) {
        for (let i = k - 1; i < j; i++) {
          if (best[k - 1]![i] === Infinity) continue;
          const w = lineWidth(i, j);
          if (w > max) continue;
          const score = Math.max(best[k - 1]![i]!, w);
          if (score < best[k]![j]!) { best[k]![j] = score; from[k]![j] = i; }
        }
      }
    }
    if (best[lines]![n] === Infinity) continue;
    const out: string[] = [];
    for (let k = lines, j = n; k > 0; k--) { const i = from[k]![j]!; out.unshift(units.slice(i, j).join('').trim()); j = i; }
    return out.filter(Boolean);
  }
  return [text];
}

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
  return renderTemplate(templates, 'cover.svg', { ...view, titleLines, subtitleLines, ruleY, fonts: { serif: fonts.serif, sans: fonts.sans } });
}

/**
 * The cover as a PNG, drawn by Chromium from the SVG. A raster cover because Kindle conversion
 * (calibre's AZW3) and most library and store thumbnailers ignore an SVG cover-image. Same SVG, same
 * Chromium and the project's fonts → same bytes on any machine (Chromium's PNG encoder writes no time
 * or text chunks).
 */
export async function coverPng(svg: string, browser: Browser, fonts: CoverFonts): Promise<Uint8Array> {
  // One cover at a time per browser: two screenshots taken at once in one shared Chromium were seen
  // to stall for minutes on a loaded machine. A stuck screenshot is abandoned after a while and
  // tried once more on a fresh tab before the book fails (and is retried with a fresh browser).
  const previous = coverQueue.get(browser) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(async () => {
    try {
      return await withTimeout(shoot(svg, browser, fonts), SCREENSHOT_TIMEOUT_MS, stuck);
    } catch {
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
  return '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>' +
    '<link rel="stylesheet" href="fonts.css"/><style>html, body { margin: 0; padding: 0; } svg { display: block; text-rendering: geometricPrecision; }</style></head><body>' +
    svg.replace(/^<\?xml[^>]*\?>\s*/, '') + '</body></html>';
}

async function shoot(svg: string, browser: Browser, fonts: CoverFonts): Promise<Uint8Array> {
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
    await fontsSettled(page);
    // A screenshot needs a rendered frame, and Chromium may stop producing frames for a tab in the
    // background: bring it to the front first.
    await page.bringToFront();
    return new Uint8Array(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT } }));
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
