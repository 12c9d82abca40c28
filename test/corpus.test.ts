// Corpus builds: incremental skips, shards, and faults (a hanging or crashing Chromium).
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { buildCorpus, shardOf, parseShard, summaryTable } from '../scripts/corpus.ts';
import { defaultContext } from '../scripts/core/context.ts';
import { launchBrowser } from '../scripts/core/browser.ts';
import { generateCorpus } from '../scripts/fixtures/generate.ts';
import { tempDir } from './helpers.ts';
import { manualClock } from './support/clock.ts';
import { freshBrowser, warmBrowser } from './support/browser.ts';

const ctx = defaultContext({ log: () => {} });

describe('shards', () => {
  const dirs = Array.from({ length: 40 }, (_, i) => `source/book-${i}`);
  it('partition the corpus: every book in exactly one shard', () => {
    const shards = [1, 2, 3].map((i) => shardOf(dirs, i, 3));
    expect(shards.flat().sort()).toEqual([...dirs].sort());
    expect(shards.every((s) => s.length > 5)).toBe(true);
  });
  it('keep a book in its shard when others are added', () => {
    const before = shardOf(dirs, 2, 3);
    const after = shardOf([...dirs, 'source/new-book'], 2, 3);
    expect(after.filter((d) => d !== 'source/new-book')).toEqual(before);
  });
  it('parses I/N and rejects nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b']) expect(parseShard(bad)).toBeNull();
  });
});

describe('incremental corpus build', () => {
  const root = tempDir('corpus-');
  const books = generateCorpus(join(root, 'source'), 3, 3000);
  const out = join(root, 'dist');
  const dirs = books.map((b) => b.dir);

  it('builds every book, then skips unchanged ones and rebuilds only what changed', async () => {
    // The worker's warm browser (test/support/browser.ts) for the covers: this is about what is built, not the browser.
    const first = await buildCorpus(dirs, { out, formats: new Set(['epub']), ctx, jobs: 2, launch: warmBrowser });
    expect(first.map((o) => o.status)).toEqual(['built', 'built', 'built']);
    for (const b of books) expect(existsSync(join(out, b.id, `${b.id}.epub`))).toBe(true);
    const second = await buildCorpus(dirs, { out, formats: new Set(['epub']), ctx, launch: warmBrowser });
    expect(second.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    appendFileSync(join(books[1].dir, 'transcript.txt'), '\n王毅：补充一句。\n');
    const third = await buildCorpus(dirs, { out, formats: new Set(['epub']), ctx, launch: warmBrowser });
    expect(third.map((o) => o.status)).toEqual(['skipped', 'built', 'skipped']);
    expect(summaryTable(third)).toMatch(/1 built, 2 unchanged, 0 failed/);
  });

  it('fails a broken book alone; the others finish', async () => {
    writeFileSync(join(books[2].dir, 'book.yaml'), 'id: [broken\n');
    const outcomes = await buildCorpus(dirs, { out, formats: new Set(['epub']), ctx, force: true, launch: warmBrowser });
    expect(outcomes.map((o) => o.status)).toEqual(['built', 'built', 'failed']);
    expect(outcomes[2].diagnostics[0]).toMatchObject({ code: 'TP010' });
  });
});

describe('Chromium faults', () => {
  const root = tempDir('faults-');
  const [book] = generateCorpus(join(root, 'source'), 1, 2000);
  const out = join(root, 'dist');

  it('retries a book whose browser hangs, with a fresh browser, and succeeds', async () => {
    const clock = manualClock();
    let launches = 0;
    const launch = async (): Promise<Browser> => {
      launches++;
      // A context of the run's browser (test/support/browser.ts): the hang is the test's own newPage.
      const browser = await freshBrowser();
      // The first browser hangs: every new page waits forever, and the book's time runs out.
      if (launches === 1) {
        (browser as unknown as { newPage: () => Promise<never> }).newPage = () => {
          queueMicrotask(() => expect(clock.elapse()).toEqual([8000]));
          return new Promise<never>(() => {});
        };
      }
      return browser;
    };
    const [o] = await buildCorpus([book.dir], { out, formats: new Set(['pdf']), ctx, force: true, launch, timeoutMs: 8000, timer: clock.timer });
    expect(o.status).toBe('built');
    expect(o.attempts).toBe(2);
    expect(launches).toBe(2);
    expect(readFileSync(join(out, book.id, `${book.id}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('retries once after Chromium crashes mid-build, then reports the book failed if it crashes again', async () => {
    let launches = 0;
    const launch = async (): Promise<Browser> => {
      launches++;
      const browser = await launchBrowser();
      // Crash mid-build: as the book opens its first page.
      const newPage = browser.newPage.bind(browser);
      (browser as unknown as { newPage: () => ReturnType<typeof newPage> }).newPage = () => { browser.process()?.kill('SIGKILL'); return newPage(); };
      return browser;
    };
    const [o] = await buildCorpus([book.dir], { out, formats: new Set(['pdf']), ctx, force: true, launch, timer: manualClock().timer });
    expect(o.status).toBe('failed');
    expect(o.attempts).toBe(2);
    expect(launches).toBe(2);
    // How a second crash is reported today: puppeteer's "connection closed" is no BuildError, so it
    // becomes TP090 (internal error). This is the suite's fixture for TP090; were it reported as TP032
    // instead, list TP090 in NOT_RAISED (test/support/global-setup.ts) again.
    expect(o.diagnostics.map((d) => d.code)).toEqual(['TP090']);
    expect(existsSync(join(out, book.id, `.${book.id}.pdf.${process.pid}.tmp`))).toBe(false);
  });
});
