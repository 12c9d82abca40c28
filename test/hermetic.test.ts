// The editions depend on nothing of the machine's: the seed book built on "a fresh machine" (the run's
// shared build: DejaVu-only fonts, see test/support/global-setup.ts) and again with every font this
// machine has plus the project's own font families installed as system fonts, other rendering
// settings, another time zone and another locale, gives the same EPUB and PDF, byte for byte.
import { describe, it, expect, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { sha256 } from '../scripts/core/files.ts';
import { BROWSER_ENDPOINT, chromiumPath, sandboxFlags } from '../scripts/core/browser.ts';
import { freshBrowser } from './support/browser.ts';
import { seedFile, tempDir, SEED_ID } from './helpers.ts';
import { seedOnAnotherMachine } from './support/builds.ts';
import { dejavuOnly, everyFont } from './support/fonts.ts';

const sum = (file: string) => sha256(readFileSync(file));

/**
 * Chinese text set in each of `families` as the machine's fonts supply them under this fontconfig: a hash
 * per family. Without a fontconfig: in the run's browser (test/support/shared-browser.ts), which has
 * DejaVu-only fonts, as the run's seed build had.
 */
async function systemFontSamples(fontconfig: string | null, families: string[]): Promise<string[]> {
  // The build's flags in both, so that the fonts are all that differs.
  const browser = fontconfig ? await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: sandboxFlags, timeout: 300_000, protocolTimeout: 300_000, env: { ...process.env, FONTCONFIG_FILE: fontconfig } })
    : await freshBrowser();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(0); // a loaded machine is slow; the run's limit catches a hang
    await page.setJavaScriptEnabled(false);
    await page.setViewport({ width: 200, height: 60 });
    const out: string[] = [];
    for (const family of families) {
      await page.setContent(`<p style="margin:0;font:40px '${family}'">中文</p>`);
      out.push(sha256(await page.screenshot({ type: 'png' })));
    }
    return out;
  } finally {
    await browser.close();
  }
}

describe('a hermetic edition', () => {
  const work = tempDir('tp-hermetic-');
  const fontconfig = everyFont(work);

  it('the second font set is one a leak would show in: it has Chinese glyphs for the names the old cover asked the system for', async () => {
    const families = ['Noto Serif SC', 'Noto Sans SC'];
    const every = await systemFontSamples(fontconfig, families);
    // A fresh machine: the run's browser when there is one (DejaVu only), else a Chromium with DejaVu only.
    const fresh = await systemFontSamples(process.env[BROWSER_ENDPOINT] ? null : dejavuOnly(work), families);
    families.forEach((family, i) => expect(every[i], family).not.toBe(fresh[i]));
  });

  it('builds byte-identical EPUB and PDF with every font, other rendering settings, another time zone and locale (and --keep-html)', async () => {
    // (Built once per run with --keep-html as well, for keep-html.test.ts: so the print HTML left beside
    // the PDF is shown to change neither edition.)
    const other = await seedOnAnotherMachine();
    expect(inject('seedDist')).not.toBe(other);
    expect(sum(join(other, `${SEED_ID}.epub`)), 'EPUB').toBe(sum(seedFile('epub')));
    expect(sum(join(other, `${SEED_ID}.pdf`)), 'PDF').toBe(sum(seedFile('pdf')));
  });
});
