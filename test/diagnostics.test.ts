// The code registry: codes are formatted one way, and each is triggered by a fixture somewhere in
// test/ (STYLE.md §5). The few not yet triggered are listed with the reason, so the gap is visible.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { codes } from '../scripts/core/codes.ts';
import { BuildError, diagnostic, formatDiagnostic } from '../scripts/core/diagnostics.ts';
import { loadBook } from '../scripts/book.ts';
import { launchBrowser } from '../scripts/core/browser.ts';
import { buildCorpus } from '../scripts/corpus.ts';
import { defaultContext } from '../scripts/core/context.ts';
import { runEpubcheck } from '../scripts/check.ts';
import { generateBook } from '../scripts/fixtures/generate.ts';
import { tempDir } from './helpers.ts';

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
    let launches = 0;
    const launch = async (): Promise<Browser> => {
      launches++;
      const browser = await launchBrowser();
      (browser as unknown as { newPage: () => Promise<never> }).newPage = () => new Promise<never>(() => {});
      return browser;
    };
    const [o] = await buildCorpus([book.dir], { out: join(root, 'dist'), formats: new Set(['pdf']), ctx: defaultContext({ log: () => {} }), launch, timeoutMs: 2500 });
    expect(o).toMatchObject({ status: 'failed', attempts: 2 });
    expect(o.diagnostics[0].code).toBe('TP035');
    expect(launches).toBe(2);
  });

  it('TP040: epubcheck errors on a broken EPUB become diagnostics with epubcheck\'s own id', () => {
    const file = join(tempDir('epub-'), 'broken.epub');
    writeFileSync(file, 'this is not a zip');
    const { diagnostics } = runEpubcheck(file);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0].code).toBe('TP040');
    expect(diagnostics[0].message).toMatch(/epubcheck [A-Z]{3}-\d{3}/);
  });

  it('every code is triggered by a fixture in test/, except the ones listed here with a reason', () => {
    const notYet: Record<string, string> = {
      TP034: 'needs a template whose layout never settles',
      TP041: 'epubcheck warnings: our EPUBs have none to show',
      TP090: 'internal errors are bugs; there is no fixture for a bug',
    };
    const testText = (readdirSync('test', { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('diagnostics.test.ts'))
      .map((f) => readFileSync(join('test', f), 'utf8')).join('\n')
      // This file's own fixtures count; its list of exceptions below does not.
      + readFileSync(new URL(import.meta.url), 'utf8').replace(/const notYet[\s\S]*?\n    \};/, '');
    const untested = Object.keys(codes).filter((c) => !testText.includes(c) && !(c in notYet));
    expect(untested).toEqual([]);
  });
});

describe('check on built output', () => {
  it('passes the seed book (epubcheck, Ace, fonts, sums) and catches a tampered file', async () => {
    const { checkDist, pdfFonts } = await import('../scripts/check.ts');
    const { buildInto, SEED } = await import('./helpers.ts');
    const { writeFileSync: write, readFileSync: read } = await import('node:fs');
    const out = tempDir('check-');
    await buildInto(SEED, out);
    const dir = join(out, 'wangyi-2024-03-07');
    const found = checkDist(dir);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    // The one accepted finding: epubcheck requires epub:type="index" on the index document's body,
    // where ARIA allows no role, so Ace reports a moderate TP043 there and nowhere else.
    expect(found.map((d) => [d.code, d.file?.split('/').pop()])).toEqual([['TP043', 'index.xhtml']]);
    expect(found[0].message).toContain('epub-type-has-matching-role');
    expect(pdfFonts(join(dir, 'wangyi-2024-03-07.pdf')).every((f) => f.embedded && !f.type.startsWith('Type 3'))).toBe(true);
    write(join(dir, 'changes.json'), read(join(dir, 'changes.json'), 'utf8') + ' ');
    expect(checkDist(dir).map((d) => d.code)).toContain('TP001');
  });
  it('TP036: a PDF whose font is Type 3 (Debian\'s CFF Noto CJK printed by Chromium)', async () => {
    const { checkDist } = await import('../scripts/check.ts');
    const { launchBrowser: launch } = await import('../scripts/core/browser.ts');
    const dir = tempDir('type3-');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setContent('<p style="font-family: \'Noto Serif CJK SC\'">中文</p>');
      writeFileSync(join(dir, 'x.pdf'), await page.pdf());
    } finally { await browser.close(); }
    writeFileSync(join(dir, 'SHA256SUMS'), '');
    const found = checkDist(dir).filter((d) => d.code === 'TP036');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toMatch(/Type 3/);
  });
});
