// The cover: templates/default/cover.svg laid out with the book's title lines. SVG has no line
// wrapping, so the writer breaks the title here (at word boundaries: Intl.Segmenter knows Chinese
// words) and the template only places the lines it is given.
import { BuildError, diagnostic } from '../core/diagnostics.ts';
import { withTimeout } from '../core/timeout.ts';
import type { Browser } from 'puppeteer-core';
import type { BookView } from '../render/variables.ts';
import { renderTemplate, type TemplateSet } from '../render/templates.ts';

/** Splits text into at most-`max`-character lines, balanced, breaking only between words. */
export function wrapLines(text: string, max: number, lang: string): string[] {
  const chars = [...text];
  if (chars.length <= max) return [text];
  const lineCount = Math.ceil(chars.length / max);
  const target = Math.ceil(chars.length / lineCount);
  const words = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((s) => s.segment);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const len = [...line].length;
    // Close the line once it reaches the balanced width, or before it would pass the hard limit.
    if (len > 0 && (len >= target || len + [...word].length > max)) { lines.push(line); line = ''; }
    // A "word" longer than a line (a long name) is cut by characters.
    for (const ch of [...word]) {
      if ([...line].length >= max) { lines.push(line); line = ''; }
      line += ch;
    }
  }
  if (line) lines.push(line);
  // Punctuation must not start a line (GB/T 15834 line-breaking): pull it back to the line before.
  for (let i = 1; i < lines.length; i++) {
    const m = /^[，。、；：？！）》」』”’]+/u.exec(lines[i]);
    if (m) { lines[i - 1] += m[0]; lines[i] = lines[i].slice(m[0].length); }
  }
  return lines.filter(Boolean);
}

/** The cover's size in pixels (the SVG's viewBox): 1:1.6, what e-book stores ask for. */
export const COVER_WIDTH = 1600;
export const COVER_HEIGHT = 2560;

export function coverSvg(view: BookView, templates: TemplateSet): string {
  const titleSize = 120;
  const titleLines = wrapLines(view.title, 10, view.lang).map((text, i) => ({ text, size: titleSize, y: 700 + i * titleSize * 1.35 }));
  const ruleY = titleLines[titleLines.length - 1].y + 140;
  const subtitleLines = view.subtitle ? wrapLines(view.subtitle, 16, view.lang).map((text, i) => ({ text, size: 68, y: ruleY + 150 + i * 100 })) : [];
  return renderTemplate(templates, 'cover.svg', { ...view, titleLines, subtitleLines, ruleY });
}

/**
 * The cover as a PNG, drawn by Chromium from the SVG. A raster cover because Kindle conversion
 * (calibre's AZW3) and most library and store thumbnailers ignore an SVG cover-image. Same SVG, same
 * Chromium and fonts → same bytes (Chromium's PNG encoder writes no time or text chunks).
 */
export async function coverPng(svg: string, browser: Browser): Promise<Uint8Array> {
  // One cover at a time per browser: two screenshots taken at once in one shared Chromium were seen
  // to stall for minutes on a loaded machine. A stuck screenshot is abandoned after a while and
  // tried once more on a fresh tab before the book fails (and is retried with a fresh browser).
  const previous = coverQueue.get(browser) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(async () => {
    try {
      return await withTimeout(shoot(svg, browser), SCREENSHOT_TIMEOUT_MS, stuck);
    } catch {
      return await withTimeout(shoot(svg, browser), SCREENSHOT_TIMEOUT_MS, stuck);
    }
  });
  coverQueue.set(browser, turn);
  return turn;
}

const coverQueue = new WeakMap<Browser, Promise<unknown>>();
const SCREENSHOT_TIMEOUT_MS = 20_000;
const stuck = () => new BuildError(diagnostic('TP032', { reason: `the cover screenshot took more than ${SCREENSHOT_TIMEOUT_MS / 1000} s` }));

async function shoot(svg: string, browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: COVER_WIDTH, height: COVER_HEIGHT, deviceScaleFactor: 1 });
    // Offline by design: the SVG is inline data and may load nothing else.
    await page.setRequestInterception(true);
    page.on('request', (req) => (req.url().startsWith('data:') ? req.continue() : req.abort('blockedbyclient')));
    await page.goto(`data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // A screenshot needs a rendered frame, and Chromium may stop producing frames for a tab in the
    // background: bring it to the front first.
    await page.bringToFront();
    return new Uint8Array(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT } }));
  } finally {
    // Closing may itself hang when the tab is stuck; do not wait for it forever.
    await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  }
}
