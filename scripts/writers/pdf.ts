// PDF writer: the print HTML rendered by Chromium's own paged media (puppeteer page.pdf).
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { fail, diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { renderTemplate, templatePath, projectRoot, type TemplateSet } from '../render/templates.ts';
import type { BookView } from '../render/variables.ts';

const require = createRequire(import.meta.url);

export interface PdfInput {
  view: BookView;
  /** Body markup from the shared renderer. */
  body: string;
  /** The index for print, rendered again on each pass with the page numbers known so far. */
  indexHtml: (pages: PageLookup) => string;
  noteHtml: string;
  templates: TemplateSet;
  trim: 'A5' | 'B5' | 'A4' | '6x9';
  browser: Browser;
  /** Scratch directory for the print HTML (deleted afterwards). */
  workDir: string;
}

/** Page number (1-based, as printed in the folio) of an element id, if known. */
export type PageLookup = (id: string) => number | undefined;

export interface PdfResult {
  pdf: Uint8Array;
  diagnostics: Diagnostic[];
  /** Element id → page number, for every section, paragraph and index anchor (the EPUB page-list uses it). */
  pageMap: Map<string, number>;
}

/** Trim sizes (width × height). */
export const TRIMS = {
  A5: { width: '148mm', height: '210mm' },
  B5: { width: '176mm', height: '250mm' },
  A4: { width: '210mm', height: '297mm' },
  '6x9': { width: '6in', height: '9in' },
} as const;

export function fontStylesheets(): string[] {
  const files = ['@fontsource/noto-serif-sc/400.css', '@fontsource/noto-serif-sc/700.css', '@fontsource/noto-sans-sc/400.css', '@fontsource/noto-sans-sc/700.css'];
  return files.map((f) => {
    let path: string;
    try { path = require.resolve(f); } catch { fail('TP031', { path: f }); }
    return pathToFileURL(path).href;
  });
}

export async function writePdf(input: PdfInput): Promise<PdfResult> {
  const diagnostics: Diagnostic[] = [];
  const dir = mkdtempSync(join(input.workDir, 'print-'));
  try {
    const html = renderTemplate(input.templates, 'print.html', {
      ...input.view, body: input.body, indexHtml: input.indexHtml(() => undefined), noteHtml: input.noteHtml,
      fontCss: fontStylesheets(), printCss: pathToFileURL(templatePath(input.templates, 'print.css')).href,
    });
    const file = join(dir, 'book.html');
    writeFileSync(file, html);
    const page = await input.browser.newPage();
    try {
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const url = req.url();
        // Offline by design: only files of the build and the project (fonts, templates) load.
        if (url.startsWith('file://') && (url.startsWith(pathToFileURL(projectRoot).href) || url.startsWith(pathToFileURL(dir).href))) req.continue();
        else if (url.startsWith('data:')) req.continue();
        else { diagnostics.push(diagnostic('TP033', { url: url.slice(0, 120) })); req.abort('blockedbyclient'); }
      });
      page.on('pageerror', (err) => diagnostics.push(diagnostic('TP032', { reason: `page error: ${String(err).slice(0, 200)}` })));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const size = TRIMS[input.trim];
      const pdf = await page.pdf({ width: size.width, height: size.height,
        printBackground: true, preferCSSPageSize: false, outline: true, tagged: true, timeout: 180_000 });
      return { pdf, diagnostics, pageMap: new Map() };
    } finally {
      await page.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { existsSync };
