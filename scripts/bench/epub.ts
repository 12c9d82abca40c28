// Benchmark of the EPUB stage: our writeEpub (render, templates, PNG cover drawn by resvg, zip)
// against epub-gen-memory, the library it replaced, given the same chapters. The cover is timed
// apart (a build with a browser draws it; cached by its inputs after the first). Run: npx tsx scripts/bench/epub.ts
import { bookDate } from '../render/variables.ts';
import type { Browser } from 'puppeteer-core';
import epubGen from 'epub-gen-memory';
import { renderBlock, renderLabels, toMarkup } from '../render/html.ts';
import { readTemplate } from '../render/templates.ts';
import { launchBrowser } from '../core/browser.ts';
import { coverFonts, writeEpub, type EpubInput } from '../writers/epub.ts';
import { coverPng, coverSvg } from '../epub/cover.ts';
import { prepareBook, epubInputOf } from '../prepare.ts';
import { median, timed } from './measure.ts';

export interface EpubBench { ours_ms: number; ours_no_cover_ms: number; cover_ms: number; epub_gen_memory_ms: number; bytes: number; runs: number }

/** The same EpubInput build.ts makes for a book (without a page map: that needs the PDF stage). */
export function epubInput(bookDir: string): EpubInput {
  const prepared = prepareBook(bookDir);
  return epubInputOf(prepared, { pageMap: new Map(), modified: bookDate(prepared.view) });
}

/** The old writer's call, as it was: one chapter per section, its own templates, jszip. */
async function epubGenMemory(input: EpubInput): Promise<Buffer> {
  const { view, tree } = input;
  const options = { flavour: 'xhtml' as const, labels: renderLabels(view.strings) };
  const chapters = tree.children.filter((s) => s.type === 'section').map((s) => ({ title: s.heading, content: toMarkup(renderBlock(s, options), 'xhtml') }));
  const generate = ((epubGen as unknown as { default?: unknown }).default ?? epubGen) as (o: object, c: object[]) => Promise<Buffer>;
  return generate({ title: view.title, author: view.speaker, lang: view.lang, css: readTemplate(input.templates, 'epub.css'), version: 3, verbose: false }, chapters);
}

/** Runs each variant `runs` times after one warm-up; reports medians in milliseconds. */
export async function benchEpub(options: { bookDir?: string; runs?: number; browser?: Browser } = {}): Promise<EpubBench> {
  const runs = options.runs ?? 7;
  const browser = options.browser ?? await launchBrowser();
  try {
    const input = epubInput(options.bookDir ?? 'source/wangyi-2024-03-07');
    const withCover = { ...input, browser: async () => browser };
    const ours: number[] = [], bare: number[] = [], cover: number[] = [], old: number[] = [];
    let bytes = 0;
    const fonts = coverFonts(input.view.lang);
    const svg = coverSvg(input.view, input.templates, fonts);
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      bytes = (await writeEpub(withCover)).length;
      const t = performance.now() - t0;
      const [, b] = await timed(() => writeEpub(input));
      const [, c] = await timed(() => coverPng(svg, fonts));
      const [, o] = await timed(() => epubGenMemory(input));
      if (i === 0) continue; // warm-up
      ours.push(t); bare.push(b); cover.push(c); old.push(o);
    }
    const round = (x: number) => Math.round(x * 10) / 10;
    return { ours_ms: round(median(ours)), ours_no_cover_ms: round(median(bare)), cover_ms: round(median(cover)), epub_gen_memory_ms: round(median(old)), bytes, runs };
  } finally {
    if (!options.browser) await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchEpub(), null, 2));
}
