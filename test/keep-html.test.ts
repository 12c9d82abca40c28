// `build --keep-html` leaves the final print HTML and its stylesheets beside the PDF: listed in
// SHA256SUMS, linked by relative names, and a bare Chromium print of it lays out the same pages.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { BROWSER_ENDPOINT, chromiumFlags, chromiumPath } from '../scripts/core/browser.ts';
import { freshBrowser } from './support/browser.ts';
import { SEED_ID } from './support/seed.ts';
import { seedOnAnotherMachine } from './support/builds.ts';
import { pdfinfo, poppler, tempDir } from './helpers.ts';

describe('build --keep-html', () => {
  it('leaves the print HTML that a bare print turns into the same pages', async () => {
    const work = tempDir('tp-keep-html-');
    // The seed built with --keep-html once per run (its PDF is byte-identical to the plain build's:
    // hermetic.test.ts).
    const dir = await seedOnAnotherMachine();
    const names = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/)[1]);
    for (const name of [`${SEED_ID}.print.html`, `${SEED_ID}.print.css`, `${SEED_ID}.fonts.css`]) expect(names).toContain(name);
    const html = readFileSync(join(dir, `${SEED_ID}.print.html`), 'utf8');
    expect(html).toContain(`href="${SEED_ID}.print.css"`);
    expect(html).toContain(`href="${SEED_ID}.fonts.css"`);
    expect(html).not.toContain('/.work/');

    // A bare print: page.pdf of the file and nothing of the project's. In a full run, in a new context of
    // the run's Chromium (test/support/browser.ts freshBrowser: no launch, about 3.5 s of CPU less);
    // alone, in a plain Chromium of its own.
    const browser = process.env[BROWSER_ENDPOINT] ? await freshBrowser()
      : await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumFlags, timeout: 300_000, protocolTimeout: 600_000 });
    const bare = join(work, 'bare.pdf');
    try {
      const page = await browser.newPage();
      // No 30 s default for the page's steps: the run's 10-minute limit catches a hang (a loaded machine
      // took more than 30 s to load this page).
      page.setDefaultTimeout(0);
      await page.goto(pathToFileURL(join(dir, `${SEED_ID}.print.html`)).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      writeFileSync(bare, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await browser.close();
    }
    const ours = join(dir, `${SEED_ID}.pdf`);
    expect(pdfinfo(bare).Pages).toBe(pdfinfo(ours).Pages);
    // Every page reads the same (opening pages differ only by the running head the finish removes).
    const lines = (pdf: string, n: number) => poppler('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-']).split('\n').map((l) => l.trim()).filter(Boolean);
    for (let n = 1; n <= Number(pdfinfo(ours).Pages); n++) {
      const b = lines(bare, n);
      for (const line of lines(ours, n)) expect(b, `page ${n}`).toContain(line);
    }
  });
});
