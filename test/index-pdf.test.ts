// The print PDF against its own page map and its printed index (issues 5 and 6): every page number the
// index prints is a page where pdftotext finds that term or one of its aliases; every paragraph and
// section id has a page, and section headings are where the map says; bleed boxes and right-hand
// section starts; a rendering page that fetches nothing. One writePdf per book, in beforeAll.
import { sha256 } from '../scripts/core/files.ts';
import { select, selectAll } from 'hast-util-select';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer-core';
import { SEED, poppler, pdftotext, seedFile, tempDir } from './helpers.ts';
import { checkIndexPages, openPdf, pageText, pdfjsDestinations, wordsOf, type PdfjsDoc } from './support/printed-index.ts';
import { prepareBook, pdfInputOf, stampDate } from '../scripts/prepare.ts';
import { defaultContext } from '../scripts/core/context.ts';
import { generateBook } from '../scripts/fixtures/generate.ts';
import { warmBrowser } from './support/browser.ts';
import { writePdf, type PdfInput, type PdfResult } from '../scripts/writers/pdf.ts';
import { loadBook } from '../scripts/book.ts';
import { projectRoot } from '../scripts/render/templates.ts';
import type { IndexModel } from '../scripts/index/model.ts';
import { corpusRoot } from '../scripts/fixtures/corpus.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
const MM = 72 / 25.4;

/** The text of a hast node. */
const textOf = (n: { type: string; value?: string; children?: unknown[] }): string =>
  n.type === 'text' ? n.value ?? '' : (n.children ?? []).map((c) => textOf(c as never)).join('');

let browser: Browser;
// The worker's warm browser (test/support/browser.ts): every render below, as a batch build renders its books.
beforeAll(async () => { browser = await warmBrowser(); });

/** writePdf on a book folder with the input build.ts would make; the PDF is also written to a file. */
async function render(bookDir: string, pageCache?: string): Promise<{ input: PdfInput; index: IndexModel; result: PdfResult; file: string }> {
  const work = tempDir('tp-ipdf-');
  const prepared = prepareBook(bookDir);
  const input = { ...pdfInputOf(prepared, { browser, workDir: work, date: stampDate(prepared, defaultContext()) }), pageCache };
  const index = prepared.index;
  const result = await writePdf(input);
  const file = join(work, 'book.pdf');
  writeFileSync(file, result.pdf);
  return { input, index, result, file };
}

describe('seed book: printed index and page map', () => {
  let seed: Awaited<ReturnType<typeof render>>;
  let seedCache: string;
  let doc: PdfjsDoc;
  const epochBefore = process.env.SOURCE_DATE_EPOCH;

  beforeAll(async () => {
    delete process.env.SOURCE_DATE_EPOCH; // the edition's own date, as the run's seed build (test/support/seed.ts)
    seedCache = tempDir('tp-ipdf-pages-');
    seed = await render(SEED, seedCache);
    doc = await openPdf(seed.file);
  });
  afterAll(async () => {
    await doc?.destroy();
    if (epochBefore === undefined) delete process.env.SOURCE_DATE_EPOCH; else process.env.SOURCE_DATE_EPOCH = epochBefore;
  });

  it('is what the build writes, byte for byte (the test renders the input build.ts makes)', async () => {
    // The run's seed build: another process, through the CLI, with DejaVu-only fonts.
    const sum = (b: Uint8Array) => sha256(b);
    expect(sum(readFileSync(seedFile('pdf')))).toBe(sum(seed.result.pdf));
  });

  it('prints once on a first build, with a page map pdf.js agrees with', async () => {
    // A first build prints at once with the pages cut from its loaded page (pdf/paginate.ts): a second
    // pass would mean a number guessed wrong (a fallback print) or a pull, neither of which the seed needs.
    expect(seed.result.passes).toBe(1);
    expect(seed.result.prints).toBe(1);
    expect(seed.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dests = await pdfjsDestinations(doc);
    for (const [id, page] of seed.result.pageMap) expect(dests.get(id), id).toBe(page);
  });

  it('prints once when its layout is known (the page cache the first render filled), to the same bytes', async () => {
    expect(readdirSync(seedCache).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const again = await render(SEED, seedCache);
    expect(again.result.passes).toBe(1);
    expect(again.result.prints).toBe(1);
    expect(sha256(again.result.pdf)).toBe(sha256(seed.result.pdf));
    expect(again.result.pageMap).toEqual(seed.result.pageMap);
  });

  it('gives every index page number a page where pdftotext finds the term or one of its aliases', async () => {
    expect(await checkIndexPages({ ...seed, pageMap: seed.result.pageMap }, doc)).toBeGreaterThan(60);
  });

  it('sets the index in two columns whose first letter headings line up', () => {
    const page = seed.result.pageMap.get('back-index')!;
    const letters = wordsOf(seed.file, page).filter((w) => /^[A-Z]$/.test(w.text));
    const mid = 419.53 / 2;
    const left = letters.filter((w) => w.x0 < mid).sort((a, b) => a.y0 - b.y0)[0];
    const right = letters.filter((w) => w.x0 > mid).sort((a, b) => a.y0 - b.y0)[0];
    expect(left && right, letters.map((w) => w.text).join(' ')).toBeTruthy();
    expect(Math.abs(left!.y0 - right!.y0)).toBeLessThan(1);
  });

  it('maps every paragraph, the dateline and every section, and the map agrees with pdftotext', () => {
    const { pageMap } = seed.result;
    const paragraphs = selectAll('p[id], div[id]', seed.input.body((id) => pageMap.get(id))).map((e) => String(e.properties.id)).filter((id) => /^(p\d+|dateline)$/.test(id))
      .map((id) => ({ id, text: squash(textOf(select(`[id="${id}"]`, seed.input.body((id) => pageMap.get(id)))!)) }));
    expect(paragraphs.length).toBeGreaterThan(50);
    expect(paragraphs.map((p) => p.id)).toContain('dateline');
    for (const p of paragraphs) {
      const page = pageMap.get(p.id);
      expect(page, p.id).toBeDefined();
      // A paragraph's destination is where its box begins: its first words are on that page.
      expect(squash(pageText(seed.file, page!)), `${p.id} on page ${page}`).toContain(p.text.slice(0, 8));
    }
    const sections = seed.input.view.toc;
    expect(sections.length).toBe(15);
    for (const s of sections) {
      const page = pageMap.get(s.id)!;
      expect(page, s.id).toBeDefined();
      // Sections follow one another (print's `auto`): the heading is on the page the map says, and never
      // ends it: lines of its text follow on the same page.
      const lines = pageText(seed.file, page).split('\n').map(squash).filter((l) => l && !/^\d+$/.test(l));
      const at = lines.indexOf(squash(s.heading));
      expect(at, `${s.heading} on page ${page}`).toBeGreaterThanOrEqual(0);
      expect(lines.length - at - 1, `${s.heading} on page ${page} is followed by its text`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('automatic index (issue 26): corpus books with a minimal book.yaml, three languages', () => {
  // Real transcripts as a new user would build them: book.yaml has no topics, so index: auto.
  for (const id of ['zh-hans-mfa-2017-12-06', 'zh-hant-mnd-2023-09-28', 'en-state-2023-02-02']) {
    it(`${id}: has an index, and every page number it prints is a page that prints the term`, async () => {
      const book = await render(join(corpusRoot, id));
      const pdf = await openPdf(book.file);
      try {
        expect(book.index.groups.length).toBeGreaterThan(0);
        expect(book.index.occurrences.length).toBeGreaterThanOrEqual(5);
        expect(await checkIndexPages({ ...book, pageMap: book.result.pageMap }, pdf)).toBeGreaterThanOrEqual(5);
      } finally {
        await pdf.destroy();
      }
    });
  }
});

describe('print options: bleed and right-hand section starts', () => {
  let book: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    const { dir } = generateBook(join(tempDir('tp-ipdf-bleed-'), 'source'), 'bleed', 6000, 3);
    appendFileSync(join(dir, 'book.yaml'), 'print: { bleed: true, rectoSections: true }\n');
    book = await render(dir);
  });

  it('sets MediaBox with the slug, BleedBox 3 mm outside the trim and TrimBox at the A5 trim on every page', () => {
    const pages = Math.max(...book.result.pageMap.values());
    const out = poppler('pdfinfo', ['-box', '-f', '1', '-l', String(pages), book.file]);
    const box = (kind: string) => [...out.matchAll(new RegExp(`Page\\s+\\d+\\s+${kind}:\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)`, 'g'))].map((m) => m.slice(1, 5).map(Number));
    const w = 148 * MM, h = 210 * MM, b = 3 * MM, s = 10 * MM;
    for (const [kind, want] of [['MediaBox', [-s, -s, w + s, h + s]], ['BleedBox', [-b, -b, w + b, h + b]], ['TrimBox', [0, 0, w, h]]] as const) {
      const boxes = box(kind);
      expect(boxes.length, kind).toBe(pages);
      for (const got of boxes) got.forEach((v, i) => expect(v, kind).toBeCloseTo(want[i]!, 1));
    }
    // Bleed: 6 mm wider and taller than the trim.
    const [bx0, by0, bx1, by1] = box('BleedBox')[0]!;
    expect((bx1! - bx0!) / MM).toBeCloseTo(154, 1);
    expect((by1! - by0!) / MM).toBeCloseTo(216, 1);
  });

  it('draws crop marks outside the bleed: ink in the slug, none inside the bleed margin', () => {
    // 72 dpi: one pixel per point. The MediaBox starts at -10 mm, so the trim's corner is at (s, s).
    const pgm = poppler('pdftoppm', ['-r', '72', '-gray', '-f', '2', '-l', '2', book.file], 'latin1');
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm)!;
    const width = Number(header[1]);
    const pixels = Buffer.from(pgm.slice(header[0].length), 'latin1');
    const at = (x: number, y: number) => pixels[Math.round(y) * width + Math.round(x)]!;
    const s = 10 * MM, b = 3 * MM;
    // The vertical mark on the left trim line, above the page: from the slug's edge to the bleed.
    const column = Math.round(s);
    const dark = [...Array(Math.floor(s - b - 2)).keys()].filter((y) => Math.min(at(column, y + 1), at(column - 1, y + 1), at(column + 1, y + 1)) < 160);
    expect(dark.length).toBeGreaterThan(10);
    // Inside the bleed (between the bleed line and the trim) there is no mark.
    for (let y = Math.ceil(s - b) + 1; y < s - 1; y++) expect(at(column, y), `bleed row ${y}`).toBeGreaterThan(200);
  });

  it('starts every section on a right-hand (odd) page with its heading first', () => {
    const sections = book.input.view.toc;
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) {
      const page = book.result.pageMap.get(s.id)!;
      expect(page % 2, `${s.id} on page ${page}`).toBe(1);
      const first = pageText(book.file, page).split('\n').find((l) => l.trim());
      expect(squash(first ?? '')).toBe(squash(s.heading));
      // The page before is either the end of the previous section or a blank one: never a heading.
      expect(squash(pageText(book.file, page - 1))).not.toContain(squash(s.heading));
    }
    expect(book.result.pageMap.get('body')! % 2).toBe(1);
  });
});

describe('rendering reaches no network', () => {
  let server: Server;
  let requests: string[] = [];
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => { requests.push(req.url ?? ''); res.end(''); });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => { await new Promise((ok) => server.close(ok)); });

  it('prints an <img> or <script> in the transcript as text and fetches nothing', async () => {
    requests = [];
    const { dir } = generateBook(join(tempDir('tp-ipdf-img-'), 'source'), 'img', 1500, 5);
    const tags = `<img src="http://127.0.0.1:9/x.png"> <img src="http://127.0.0.1:${port}/y.png"> <script>fetch('http://127.0.0.1:${port}/z')</script>`;
    appendFileSync(join(dir, 'transcript.txt'), `\n王毅：我们看这张图片 ${tags} 就明白了。\n`);
    const { result, file } = await render(dir);
    expect(result.diagnostics.filter((d) => d.code === 'TP033' || d.code === 'TP032')).toEqual([]);
    expect(requests).toEqual([]);
    // The markup is printed (the reader turns its straight quotes into Chinese ones, and line breaks
    // may reorder pieces in pdftotext's output, so look for the pieces).
    const text = squash(poppler('pdftotext', [file, '-']));
    for (const piece of ['<img', 'http://127.0.0.1:9/x.png', `http://127.0.0.1:${port}/y.png`, `<script>fetch('http://127.0.0.1:${port}/z')</script>`]) {
      expect(text).toContain(piece);
    }
  });

  it('blocks and reports (TP033) a remote stylesheet a book-level template asks for', async () => {
    requests = [];
    const { dir } = generateBook(join(tempDir('tp-ipdf-tpl-'), 'source'), 'tpl', 1500, 6);
    mkdirSync(join(dir, 'templates'));
    const css = readFileSync(join(projectRoot, 'templates/default/print.css'), 'utf8');
    writeFileSync(join(dir, 'templates/print.css'),
      `@import url(http://127.0.0.1:9/x.css);\n@import url(http://127.0.0.1:${port}/y.css);\n${css}\n.book-title { color: rgb(200, 0, 0); }\n`);
    expect(loadBook(dir).config.template).toBe('default');
    const { result, file } = await render(dir);
    const blocked = result.diagnostics.filter((d) => d.code === 'TP033').map((d) => d.message);
    expect(blocked.some((m) => m.includes('http://127.0.0.1:9/x.css')), blocked.join('\n')).toBe(true);
    expect(blocked.some((m) => m.includes(`http://127.0.0.1:${port}/y.css`)), blocked.join('\n')).toBe(true);
    expect(blocked).toHaveLength(2); // the override itself, a file of the book, is not blocked…
    expect(requests).toEqual([]);
    // …and it is the stylesheet in use: the title page's title is red.
    const pgm = poppler('pdftoppm', ['-r', '30', '-f', '3', '-l', '3', file], 'latin1');
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm)!;
    const px = Buffer.from(pgm.slice(header[0].length), 'latin1');
    let red = 0;
    for (let i = 0; i + 2 < px.length; i += 3) if (px[i]! > 150 && px[i + 1]! < 80 && px[i + 2]! < 80) red++;
    expect(red).toBeGreaterThan(5);
  });
});
