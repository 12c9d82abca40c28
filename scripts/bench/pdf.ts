// Benchmark of the PDF stage against its floor, in one run and one browser: our writePdf (cheap
// measuring pass, full passes, finishing; with `pageCache` a rebuild's one print, the warm-up filling the cache) versus a single bare page.pdf of the same final HTML
// (load it, wait for fonts, print with the same tagging and outline). Target: ratio ≤ 1.5.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import type { IndexModel } from '../index/model.ts';
import { launchBrowser } from '../core/browser.ts';
import { writePdf, type PdfInput } from '../writers/pdf.ts';
import { printFontCss } from '../pdf/fonts.ts';
import { prepareBook, pdfInputOf, stampDate } from '../prepare.ts';
import { defaultContext } from '../core/context.ts';
import { median } from './measure.ts';

export interface PdfBench {
  ours_ms: number; floor_ms: number; passes: number; prints: number; pages: number; runs: number;
  /** Median of the per-run ratios ours/floor (each run is one of ours then one floor), their range, the load average. */
  ratio: number; range: [number, number]; load: [number, number];
  /** Median milliseconds per step: ours (`1.layout`, `1.print`, `2.print`, `2.finish`…) and the floor (`floor.load`…). */
  steps: Record<string, number>;
}

/**
 * The same PdfInput build.ts makes for a book (topics marked, print index, editorial note), with the
 * index model it was made from (tests check the printed index against its occurrences).
 */
/** Runs ours and the floor alternately `runs` times after one warm-up each; reports medians. */
export async function benchPdf(options: { bookDir?: string; runs?: number; browser?: Browser; pageCache?: string } = {}): Promise<PdfBench> {
  const bookDir = options.bookDir ?? 'source/wangyi-2024-03-07';
  const runs = options.runs ?? 5;
  const browser = options.browser ?? await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'tp-bench-pdf-'));
  try {
    const prepared = prepareBook(bookDir);
    const input = { ...pdfInputOf(prepared, { browser, workDir: dir, date: stampDate(prepared, defaultContext()) }), pageCache: options.pageCache };
    const ours: number[] = [], floor: number[] = [];
    const load0 = loadavg()[0]!;
    const steps = new Map<string, number[]>();
    const step = (k: string, ms: number) => steps.set(k, [...(steps.get(k) ?? []), ms]);
    let passes = 0, prints = 0, pages = 0;
    for (let i = 0; i <= runs; i++) {
      let t0 = performance.now();
      const result = await writePdf(input);
      const oursMs = performance.now() - t0;
      passes = result.passes;
      prints = result.prints;
      pages = result.pageMap.size ? Math.max(...result.pageMap.values()) : 0;

      // The floor prints exactly the final HTML; its font stylesheet lived in writePdf's scratch folder.
      const fontFile = join(dir, 'fonts.css');
      writeFileSync(fontFile, printFontCss());
      const file = join(dir, 'final.html');
      writeFileSync(file, result.html.replace(/href="file:[^"]*\/fonts\.css"/, `href="${pathToFileURL(fontFile).href}"`));
      t0 = performance.now();
      const laps: Record<string, number> = {};
      let t = t0;
      const lap = (k: string) => { const now = performance.now(); laps[`floor.${k}`] = Math.round(now - t); t = now; };
      const page = await browser.newPage();
      try {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0 });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        lap('layout');
        await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 });
        lap('print');
      } finally {
        await page.close();
      }
      const floorMs = performance.now() - t0;
      if (i > 0) { // run 0 warms caches
        ours.push(oursMs); floor.push(floorMs);
        for (const [k, ms] of Object.entries({ ...result.timings, ...laps })) step(k, ms);
      }
    }
    const oursMs = median(ours), floorMs = median(floor);
    const ratios = ours.map((o, i) => o / floor[i]!);
    const r2 = (n: number) => Math.round(n * 100) / 100;
    return {
      ours_ms: Math.round(oursMs), floor_ms: Math.round(floorMs), ratio: r2(median(ratios)), range: [r2(Math.min(...ratios)), r2(Math.max(...ratios))],
      load: [r2(load0), r2(loadavg()[0]!)], passes, prints, pages, runs,
      steps: Object.fromEntries([...steps].map(([k, xs]) => [k, median(xs)])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (!options.browser) await browser.close();
  }
}
