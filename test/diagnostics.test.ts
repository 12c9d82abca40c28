// The code registry: codes are formatted one way, and each is triggered by a fixture somewhere in
// test/ (STYLE.md §5). That every code is raised is checked at the end of the whole run, from what the
// registry made (test/support/global-setup.ts); the few not raised are listed there with the reason.
import { describe, it, expect } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { BuildError, diagnostic, formatDiagnostic } from '../scripts/core/diagnostics.ts';
import { loadBook } from '../scripts/book.ts';
import { launchBrowser } from '../scripts/core/browser.ts';
import { buildCorpus } from '../scripts/corpus.ts';
import { defaultContext } from '../scripts/core/context.ts';
import { checkDist, pdfFonts, runEpubcheck, verifySums } from '../scripts/check.ts';
import { generateBook } from '../scripts/fixtures/generate.ts';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { seedDist, tempDir } from './helpers.ts';
import { manualClock } from './support/clock.ts';
import { freshBrowser } from './support/browser.ts';

const codeOf = (f: () => unknown) => {
  try { f(); } catch (err) { return (err as BuildError).diagnostic?.code; }
  return undefined;
};

describe('diagnostics', () => {
  it('formats as code, file:line:column, severity, message, fix and a caret under the column (CJK counts double)', () => {
    const d = diagnostic('TP012', { term: '中美' }, { file: 'book.yaml', line: 14, column: 5, excerpt: '  - 中美关系' });
    expect(formatDiagnostic(d)).toBe('TP012 book.yaml:14:5 warning: topic "中美" occurs nowhere in the transcript\n    fix: add aliases: [...] with the wording the speaker used, or remove the topic\n    |   - 中美关系\n    |     ^');
  });

  it('TP001: a book folder that does not exist', () => {
    expect(codeOf(() => loadBook('/nonexistent/book'))).toBe('TP001');
  });

  it('TP032: Chromium that will not start', async () => {
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/bin/false';
    try {
      await expect(launchBrowser()).rejects.toMatchObject({ diagnostic: { code: 'TP032' } });
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH; else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  });

  it('TP035: a book whose browser hangs every time fails after one retry', async () => {
    const root = tempDir('hang-');
    const book = generateBook(join(root, 'source'), 'hang', 800);
    const clock = manualClock();
    let launches = 0;
    const launch = async (): Promise<Browser> => {
      launches++;
      // A context of the run's browser (test/support/browser.ts): the hang is the test's own newPage.
      const browser = await freshBrowser();
      // Every page waits forever; the book's time runs out while it waits.
      (browser as unknown as { newPage: () => Promise<never> }).newPage = () => {
        queueMicrotask(() => clock.elapse());
        return new Promise<never>(() => {});
      };
      return browser;
    };
    const [o] = await buildCorpus([book.dir], { out: join(root, 'dist'), formats: new Set(['pdf']), ctx: defaultContext({ log: () => {} }), launch, timeoutMs: 300_000, timer: clock.timer });
    expect(o).toMatchObject({ status: 'failed', attempts: 2 });
    expect(o.diagnostics[0].code).toBe('TP035');
    expect(o.diagnostics[0].message).toContain('within 300 s');
    expect(launches).toBe(2);
  });

  it('TP040: epubcheck errors on a broken EPUB become diagnostics with epubcheck\'s own id', async () => {
    const file = join(tempDir('epub-'), 'broken.epub');
    writeFileSync(file, 'this is not a zip');
    const { diagnostics } = await runEpubcheck(file);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0].code).toBe('TP040');
    expect(diagnostics[0].message).toMatch(/epubcheck [A-Z]{3}-\d{3}/);
  });
  // Every code raised by a fixture: checked at the end of the whole run from what the registry actually
  // made (test/support/global-setup.ts), not by searching the tests' text.
});

describe('check on built output', () => {
  it('passes the seed book (epubcheck, Ace, fonts, sums) and catches a tampered file', async () => {
    const dir = join(tempDir('check-'), 'wangyi-2024-03-07');
    cpSync(seedDist(), dir, { recursive: true });
    const found = await checkDist(dir);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    // The one accepted finding: epubcheck requires epub:type="index" on the index document's body,
    // where ARIA allows no role, so Ace reports a moderate TP043 there and nowhere else.
    expect(found.map((d) => [d.code, d.file?.split('/').pop()])).toEqual([['TP043', 'index.xhtml']]);
    expect(found[0].message).toContain('epub-type-has-matching-role');
    expect(pdfFonts(join(dir, 'wangyi-2024-03-07.pdf')).every((f) => f.embedded && !f.type.startsWith('Type 3'))).toBe(true);
    writeFileSync(join(dir, 'changes.json'), readFileSync(join(dir, 'changes.json'), 'utf8') + ' ');
    expect(verifySums(dir).map((d) => [d.code, d.file])).toEqual([['TP001', join(dir, 'changes.json')]]);
  });

  it('TP036: a PDF with a Type 3 font (what Debian\'s CFF Noto CJK becomes in Chromium) and one not embedded', async () => {
    // A fixture the project makes itself, so it does not depend on the machine's fonts: a Type 3 font
    // (glyphs as PDF drawing procedures, which print shops reject) and Helvetica referenced, not embedded.
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    const ctx = doc.context;
    const square = ctx.register(ctx.flateStream('100 0 0 0 100 100 d1 0 0 100 100 re f'));
    const type3 = ctx.register(ctx.obj({
      Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 100, 100], FontMatrix: [0.01, 0, 0, 0.01, 0, 0],
      CharProcs: { square }, Encoding: { Type: 'Encoding', Differences: [65, 'square'] }, FirstChar: 65, LastChar: 65, Widths: [100], Resources: {},
    }));
    page.node.setFontDictionary(PDFName.of('T3'), type3);
    page.node.addContentStream(ctx.register(ctx.flateStream('BT /T3 12 Tf 50 50 Td (A) Tj ET')));
    page.drawText('A', { x: 10, y: 10, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    const dir = tempDir('type3-');
    writeFileSync(join(dir, 'x.pdf'), await doc.save());
    writeFileSync(join(dir, 'SHA256SUMS'), '');
    const found = (await checkDist(dir)).filter((d) => d.code === 'TP036');
    expect(found.map((d) => d.message)).toEqual([
      'font [none] in x.pdf is Type 3',
      'font Helvetica in x.pdf is not embedded',
    ]);
    expect(found.every((d) => d.severity === 'error' && d.file === join(dir, 'x.pdf'))).toBe(true);
  });
});
