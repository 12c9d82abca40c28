// The print PDF of the seed book: fonts a print shop accepts, A5 trim, contents page numbers that are
// true, bookmarks, bare opening pages, and byte-identical rebuilds.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED, poppler, pdftotext, pdfinfo, seedFile } from './helpers.ts';
import { rectoBlanks } from '../scripts/pdf/recto.ts';
import { marginGroup } from '../scripts/pdf/finish.ts';
import { pageCss, TRIMS, cssString } from '../scripts/pdf/layout.ts';
import { printFontCss } from '../scripts/pdf/fonts.ts';
import { pageLines, parseBboxLayout } from '../scripts/pdf/page-lines.ts';

const squash = (s: string) => s.replace(/\s+/g, '');

// The run's one seed build (test/support/global-setup.ts); byte-identical rebuilds: test/hermetic.test.ts.
describe('print PDF of the seed book', () => {
  const pdfA = seedFile('pdf');
  let pages = 0;

  beforeAll(() => { pages = Number(pdfinfo(pdfA).Pages); });

  it('embeds and subsets every font, none Type 3, with real 400 and 700 faces', () => {
    const out = poppler('pdffonts', [pdfA]);
    const rows = out.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).not.toMatch(/Type 3/);
      // columns: name type encoding emb sub uni id
      const cols = row.trim().split(/\s+/);
      expect(cols.slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
    }
    const names = new Set(rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')));
    expect(names).toContain('NotoSerifSC-Regular');
    expect(names).toContain('NotoSansSC-Bold');
    // The woff2 instances are named after the variable font's default (Thin/ExtraLight): not used.
    expect([...names].filter((n) => /Thin|ExtraLight/.test(n))).toEqual([]);
  });

  it('is trimmed to A5 with TrimBox = MediaBox and carries the metadata', () => {
    const info = pdfinfo(pdfA);
    const [w, h] = info['Page size']!.split(/\s*x\s*|\s+/).map(Number);
    expect(w).toBeCloseTo(419.53, 1);
    expect(h).toBeCloseTo(595.28, 1);
    const boxes = poppler('pdfinfo', ['-box', pdfA]);
    expect(boxes).toMatch(/TrimBox:\s+0\.00\s+0\.00\s+419\.53\s+595\.28/);
    expect(info.Title).toBe('王毅就中国外交政策和对外关系答记者问');
    expect(info.Author).toBe('王毅');
    expect(info.Keywords).toContain('中国外交');
    expect(info.Creator).toBe('transcript-press');
    expect(info.Tagged).toBe('yes');
    // The edition's date (book.yaml `modified`, no SOURCE_DATE_EPOCH): midnight UTC, whatever the
    // build machine's zone; never the event's date (2024-03-07).
    const modified = /^modified: (\d{4})-(\d\d)-(\d\d)$/m.exec(readFileSync(`${SEED}/book.yaml`, 'utf8'))!;
    const month = new Date(Date.UTC(2000, Number(modified[2]) - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    expect(info.CreationDate).toMatch(new RegExp(`${month}\\s+${Number(modified[3])} 00:00:00 ${modified[1]} UTC`));
  });

  it('prints contents page numbers that are the pages where pdftotext finds each heading', () => {
    // The contents follow the colophon; entries are "heading …… N".
    const tocPage = [...Array(pages).keys()].map((i) => i + 1).find((p) => squash(pdftotext(pdfA, p)).startsWith('目录'))!;
    expect(tocPage).toBeGreaterThan(3);
    const entries = pdftotext(pdfA, tocPage).split('\n')
      .map((l) => /^\s*(\S.*?)[\s.·…_]+(\d+)\s*$/.exec(l)).filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ heading: squash(m[1]!), page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThanOrEqual(10);
    // Everything the EPUB's navigation lists after the title page: the preface, the transcript, its
    // sections, the index and the editorial note (the colophon precedes the contents in print).
    expect(entries.map((e) => e.heading)).toEqual(expect.arrayContaining(['编者前言', '中俄关系', '索引', '编辑说明']));
    let last = tocPage;
    for (const { heading, page } of entries) {
      // Sections follow one another on the page, so two may share one.
      expect(page, heading).toBeGreaterThanOrEqual(last);
      last = page;
      const text = pdftotext(pdfA, page).split('\n').filter((l) => l.trim());
      expect(squash(text.join('')), `${heading} on page ${page}`).toContain(heading);
      if (['编者前言', '索引', '编辑说明'].includes(heading)) {
        // Opening pages carry no running head, so the heading is the page's first line…
        expect(squash(text[0] ?? ''), `${heading} on page ${page}`).toBe(heading);
        // …and no folio either: the last line is body text, not a number.
        expect(text.at(-1)!.trim(), `folio on opening page ${page}`).not.toMatch(/^\d+$/);
      }
    }
  });

  it('holds no page with fewer than 4 lines of a section\'s end (sections opening pages, pp. 19 and 24 held one before the print loop pulled lines)', () => {
    const tocPage = [...Array(pages).keys()].map((i) => i + 1).find((p) => squash(pdftotext(pdfA, p)).startsWith('目录'))!;
    const starts = new Set(pdftotext(pdfA, tocPage).split('\n').map((l) => /(\d+)\s*$/.exec(l)?.[1]).filter(Boolean).map(Number));
    const lines = parseBboxLayout(poppler('pdftotext', ['-bbox-layout', pdfA, '-']), TRIMS.A5);
    const short: string[] = [];
    for (const start of starts) {
      // The page before a section opens its page: if the section before ran onto it, 4 lines or more.
      let end = start - 1;
      while (end > 1 && lines[end - 1]!.length === 0) end--;
      const n = lines[end - 1]!.length;
      if (!starts.has(end) && n > 0 && n < 4) short.push(`p. ${end}: ${n}`);
    }
    expect(starts.size).toBeGreaterThanOrEqual(10);
    expect(short).toEqual([]);
  });

  it('reads the same lines back from the print whole and as two halves read at once (the check of a long book)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-lines-'));
    try {
      const pdf = new Uint8Array(readFileSync(pdfA));
      const whole = await pageLines(pdf, TRIMS.A5, 0, dir);
      // Split from 1 page on: pages 1–14 and 15 to the end, each read by its own pdftotext.
      const halves = await pageLines(pdf, TRIMS.A5, 0, dir, pages, 1);
      expect(whole).toHaveLength(pages);
      expect(whole!.filter((p) => p.length).length).toBeGreaterThan(pages / 2);
      expect(halves).toEqual(whole);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts folios at the outer foot and the book title over left-hand pages', () => {
    const body = [...Array(pages).keys()].map((i) => i + 1).filter((p) => p > 6);
    const withFolio = body.map((p) => ({ p, folio: folioOf(pdfA, p) })).filter((x) => x.folio);
    const left = withFolio.find((x) => x.p % 2 === 0)!;
    const right = withFolio.find((x) => x.p % 2 === 1)!;
    expect(left.folio!.text).toBe(String(left.p));
    expect(left.folio!.x).toBeLessThan(100); // outer = left on a verso
    expect(right.folio!.text).toBe(String(right.p));
    expect(right.folio!.x).toBeGreaterThan(300); // outer = right on a recto
    expect(squash(pdftotext(pdfA, left.p).split('\n').find((l) => l.trim())!)).toBe('王毅就中国外交政策和对外关系答记者问');
  });

  it('has bookmarks for the contents, the sections and the editorial note, none doubled', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfA)), isEvalSupported: false, disableFontFace: true }).promise;
    const outline = (await doc.getOutline()) ?? [];
    const titles: string[] = [];
    const walk = (items: typeof outline) => { for (const i of items) { titles.push(i.title); walk(i.items ?? []); } };
    walk(outline);
    expect(titles).toContain('目录');
    expect(titles).toContain('中俄关系');
    expect(titles).toContain('编辑说明');
    for (const t of titles) {
      const half = t.length / 2;
      expect(Number.isInteger(half) && t.slice(0, half) === t.slice(half), `doubled bookmark ${t}`).toBe(false);
    }
    await doc.destroy();
  });
});

/** The page's folio: the lowest word on the page if it is a number, with its left edge in pt. */
function folioOf(pdf: string, page: number): { text: string; x: number } | undefined {
  const out = poppler('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const words = [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
  const lowest = words.sort((a, b) => b.y - a.y)[0];
  return lowest && /^\d+$/.test(lowest.text) && lowest.y > 540 ? lowest : undefined;
}

describe('print layout helpers', () => {
  it('places blank pages so that each anchor lands on a right-hand (odd) page', () => {
    const pages = new Map([['a', 6], ['b', 9], ['c', 12]]);
    const blanks = rectoBlanks(['a', 'b', 'c'], (id) => pages.get(id), new Set());
    // a: 6 → blank → 7; b then at 10 → blank → 11; c then at 14 → blank → 15.
    expect([...blanks]).toEqual(['a', 'b', 'c']);
    // Re-running on the layout that has those blanks keeps them (it is a fixed point).
    const after = new Map([['a', 7], ['b', 11], ['c', 15]]);
    expect([...rectoBlanks(['a', 'b', 'c'], (id) => after.get(id), blanks)]).toEqual(['a', 'b', 'c']);
    // A blank that is no longer needed is dropped and later anchors shift back.
    expect([...rectoBlanks(['a', 'b'], (id) => new Map([['a', 8], ['b', 11]]).get(id), new Set(['a']))]).toEqual(['b']);
  });

  it('finds the margin-box group only when it is plain text before the clipped page content', () => {
    const stream = ['1 0 0 -1 0 595 cm', 'q', 'BT', '/F4 16 Tf', '<0029> Tj', 'ET', 'Q', 'q', '0 0 10 10 re', 'W* n', 'BT', 'ET', 'Q', ''].join('\n');
    const g = marginGroup(stream)!;
    expect(stream.slice(g.start, g.end)).toBe('q\nBT\n/F4 16 Tf\n<0029> Tj\nET\nQ\n');
    expect(marginGroup(['q', '0 0 10 10 re', 'W* n', 'BT', 'ET', 'Q'].join('\n'))).toBeUndefined();
    expect(marginGroup(['q', '/P <</MCID 0>> BDC', 'BT', 'ET', 'EMC', 'Q'].join('\n'))).toBeUndefined();
    // A running head with 月 and 日, which Chromium writes with /ActualText spans, is still the head.
    const head = ['q', 'BT', '<0013> Tj', '/Span<</ActualText <feff6708> >> BDC', '<3ade> Tj', 'EMC', 'ET', 'Q', 'q', '0 0 10 10 re', 'W* n', 'Q', ''].join('\n');
    expect(marginGroup(head)).toEqual({ start: 0, end: head.indexOf('Q\n') + 2 });
  });

  it('generates named pages with escaped running heads and mirrored margins', () => {
    const css = pageCss({ trim: TRIMS.A5, bookTitle: '书"名', sections: [{ id: 's1', heading: '甲\\乙' }], parts: [] });
    expect(css).toContain('#s1 { page: s1; }');
    // A backslash (and anything else that could end the string or the <style>) is a CSS escape.
    expect(css).toContain('@page s1:right { @top-center { content: "甲\\5C 乙"; } }');
    expect(css).toContain(cssString('书"名'));
    expect(css).toMatch(/@page :left \{ margin-left: 15mm; margin-right: 20mm;/);
    expect(css).toContain('size: 148mm 210mm');
  });

  it('declares one whole TrueType file per face and weight, no unicode-range slices', () => {
    const css = printFontCss('zh-Hant');
    expect(css).not.toContain('unicode-range');
    const faces = css.match(/@font-face \{[^}]*\}/g) ?? [];
    // TC, then SC, then the symbol face: the fallback chain, each at 400 and 700.
    const families = faces.map((f) => /font-family: '([^']+)'/.exec(f)?.[1]);
    expect([...new Set(families)]).toEqual(expect.arrayContaining(['Noto Serif TC', 'Noto Sans TC', 'Noto Serif SC', 'Noto Sans SC', 'Noto Sans Symbols 2']));
    expect(faces.every((f) => /src: url\(file:[^)]+\.ttf\) format\('truetype'\)/.test(f))).toBe(true);
    expect(css).toMatch(/--serif: "Noto Serif TC", "Noto Serif SC", "Noto Sans Symbols 2", serif/);
  });
});

describe('raw PDF reader and incremental update', () => {
  it('parses the objects Chromium writes and serialises them back', async () => {
    const { parseValue, serialize } = await import('../scripts/pdf/raw.ts');
    const src = '<</Type /Page /Resources <</Font <</F4 4 0 R>>>> /MediaBox [0 0 419.52 595.5] /T (a \\(b\\) c) /N /t12#2D3 /H <FEFF0041> /B true>>';
    const [v, end] = parseValue(src, 0);
    expect(end).toBe(src.length);
    expect(v instanceof Map && (v.get('N') as { name: string }).name).toBe('t12-3');
    expect(serialize(v)).toBe('<</Type /Page\n/Resources <</Font <</F4 4 0 R>>>>\n/MediaBox [0 0 419.52 595.5]\n/T (a \\(b\\) c)\n/N /t12-3\n/H <FEFF0041>\n/B true>>');
  });

  it('appends an update that a second reader and pdf.js both see, keeping the original bytes', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { RawPdf, IncrementalUpdate, rawDestinations, text, ref } = await import('../scripts/pdf/raw.ts');
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]); doc.addPage([100, 100]);
    const original = await doc.save({ useObjectStreams: false });
    const pdf = new RawPdf(original);
    expect(pdf.pages()).toHaveLength(2);
    const up = new IncrementalUpdate(pdf);
    const dests = up.allocate();
    up.set(dests, new Map([['second', [pdf.pages()[1]!, { t: 'name', name: 'XYZ' }, { t: 'num', raw: '0' }, { t: 'num', raw: '100' }, { t: 'kw', word: 'null' }]]]));
    up.set((pdf.trailer.get('Root') as { num: number }).num, new Map([...pdf.catalog, ['Dests', ref(dests)]]));
    const info = up.allocate();
    up.set(info, new Map([['Title', text('标题')]]));
    const out = up.save(new Map([['Info', ref(info)]]));
    expect(Buffer.from(out.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect([...rawDestinations(new RawPdf(out))]).toEqual([['second', 2]]);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const js = await pdfjs.getDocument({ data: new Uint8Array(out), isEvalSupported: false }).promise;
    expect(((await js.getMetadata()).info as { Title: string }).Title).toBe('标题');
    expect(await js.getPageIndex((await js.getDestination('second'))![0] as { num: number; gen: number })).toBe(1);
    await js.destroy();
  });

  it('falls back to pdf-lib for a file the small reader refuses (cross-reference stream), with the same finish', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { finishChromiumPdf } = await import('../scripts/pdf/finish.ts');
    const { RawPdf, RawPdfError } = await import('../scripts/pdf/raw.ts');
    const { readDestinations } = await import('../scripts/pdf/dests.ts');
    const doc = await PDFDocument.create();
    const pages = [doc.addPage([400, 600]), doc.addPage([400, 600])];
    doc.catalog.set(doc.context.obj('Dests') as never, doc.context.obj({ second: [pages[1]!.ref, 'XYZ', 0, 600, null] }));
    const input = { trim: { width: 148, height: 210, top: 18, bottom: 20, inner: 20, outer: 15 }, bleed: false, bare: new Set<number>(),
      meta: { title: '回退', author: 'A', subject: 'S', keywords: ['k'], lang: 'zh-Hans', date: new Date(Date.UTC(2024, 2, 7)) }, idSeed: 'x' };
    for (const useObjectStreams of [false, true]) {
      const bytes = await doc.save({ useObjectStreams });
      const refused = (() => { try { new RawPdf(bytes); return false; } catch (e) { return e instanceof RawPdfError; } })();
      // Without object streams the small reader takes it (an update appended, its trailer pointing back
      // with /Prev); with them it refuses, and pdf-lib rewrites the whole file.
      expect(refused).toBe(useObjectStreams);
      const { pdf } = await finishChromiumPdf(bytes, input);
      expect(Buffer.from(pdf).toString('latin1').includes('/Prev')).toBe(!useObjectStreams);
      const back = await PDFDocument.load(pdf, { updateMetadata: false });
      expect(back.getTitle()).toBe('回退');
      expect(back.getProducer()).toBe(useObjectStreams ? 'transcript-press (Chromium, pdf-lib)' : 'transcript-press (Chromium)');
      const box = back.getPage(0).getTrimBox();
      expect(Math.round(box.width * 10)).toBe(Math.round(148 * 72 / 25.4 * 10));
      expect([...await readDestinations(bytes)]).toEqual([['second', 2]]);
    }
  });
});
