// Volumes (issue #27): the corpus's Chinese MFA briefings and its English State Department transcripts
// bound into one EPUB and one PDF each (test/volumes/), through the real command. Checked like a book
// (`check`: epubcheck, Ace on the English volume, fonts, sums), and as a reader would: the contents list every part (date
// and title) with its sections on the pages they print on; every locator of the cumulative index is a
// page that prints its term; the EPUB has one navigation with the parts, page-list entries and part
// landmarks; the change report covers every part. (Limits, notes, matter and topic merging without a
// browser: volume-unit.test.ts.)
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pdfinfo, pdftotext, poppler, run, tempDir, unzip } from './helpers.ts';
import { prepareVolume } from '../scripts/volume.ts';
import { allEntries } from '../scripts/index/model.ts';
import { checkIndexPages, openPdf } from './support/printed-index.ts';
import { crawlCatalog, opds2Errors, opds12Errors, opdsRncDir } from './support/opds.ts';
import { epubcheckFindings } from './support/validators.ts';
import { openPdf as openPdfChecked, pdfFonts, verifySums } from '../scripts/check.ts';

const CLI = resolve('bin/transcript-press.mjs');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
const cli = (args: string[]) => run('node', [CLI, ...args], { env, timeout: 1_200_000 });
// pdftotext keeps the soft hyphens of English text (and a hyphen, ASCII or U+2010, where a word was broken).
const squash = (s: string) => s.replace(/\u00ad[-\u2010]?/g, '').replace(/\s+/g, '');
const VOLUMES = ['zh-mfa-briefings', 'en-state-briefings'];
/** The volume whose EPUB Ace checks (through `check`); see the check test below. */
const ACE_VOLUME = 'en-state-briefings';
/**
 * Both volumes built by one `build` into one folder, as a user binds several (one process and one
 * browser for both: a Chromium launch is about 3.5 s of CPU, a process start about 1 s). Each volume's
 * tests read its own folder in it; the catalogue there lists both.
 */
const out = tempDir('tp-volume-');
let both: ReturnType<typeof cli> | undefined;

describe.each(VOLUMES)('volume %s', (name) => {
  const dir = join(out, name);
  const pdf = join(dir, `${name}.pdf`);
  let pages: string[] = [];
  /** Where each element id landed (the PDF's named destinations, as poppler reads them). */
  let dests = new Map<string, number>();
  const volume = prepareVolume(join('test/volumes', name));

  beforeAll(async () => {
    const r = await (both ??= cli(['build', ...VOLUMES.map((v) => join('test/volumes', v)), '--out', out]));
    expect(r.status, r.stderr).toBe(0);
    const count = Number(pdfinfo(pdf).Pages);
    // One pdftotext for the whole PDF: it ends every page with a form feed, and a page's text is the
    // same as pdftotext of that page alone (compared on the Chinese volume's 41 pages).
    pages = pdftotext(pdf).split('\f').slice(0, count);
    expect(pages).toHaveLength(count);
    dests = new Map([...poppler('pdfinfo', ['-dests', pdf]).matchAll(/^\s*(\d+) \[[^\]]*\] "([^"]+)"$/gm)].map((m) => [m[2], Number(m[1])]));
  }, 1_200_000);

  // Ace runs on one volume, the English one, through the real `check`: a volume's EPUB is written by the
  // book's writer, and what only a volume has (part documents and their landmarks, the navigation nested
  // by part, the cumulative index) is the same markup in both languages; Chinese documents pass Ace in the
  // seed's check (epub.test.ts). This run is also the Ace verdict on English documents for the English
  // book of languages.test.ts (same writer and template). Ace costs about 1.7 s of CPU per spine document, and the Chinese volume
  // has the most, so the Chinese volume gets every other part of `check` (checkDist without Ace: epubcheck,
  // the PDF opened and its fonts, the sums) in this process.
  if (name === ACE_VOLUME) {
    it('passes check like a book: epubcheck 0/0, Ace with no critical or serious issue, fonts, sums', async () => {
      const r = await run('node', [CLI, 'check', dir, '--json'], { env, timeout: 1_200_000 });
      const diagnostics = JSON.parse(r.stderr.split('\n')[0] || '[]') as { code: string; message: string }[];
      expect(diagnostics.filter((d) => ['TP040', 'TP041', 'TP042', 'TP044'].includes(d.code)), r.stderr).toEqual([]);
      expect(r.status, r.stderr).toBe(0);
    }, 1_200_000);
  } else {
    it('passes check like a book without Ace: epubcheck 0/0, the PDF opens with every font embedded, sums', async () => {
      expect(verifySums(dir)).toEqual([]);
      expect(await epubcheckFindings(join(dir, `${name}.epub`))).toEqual([]);
      expect(await openPdfChecked(pdf)).toBeNull();
      expect(pdfFonts(pdf).filter((f) => f.type.startsWith('Type 3') || !f.embedded)).toEqual([]);
    }, 1_200_000);
  }

  it('binds every part in date order, and prints the contents grouped by part on the pages they name', () => {
    const dates = volume.parts.map((p) => p.book.view.date);
    expect(dates).toEqual([...dates].sort());
    expect(volume.parts.length).toBeGreaterThanOrEqual(5);
    // The contents run from the page headed 目录/Contents to the page before the body.
    const first = pages.findIndex((t) => /^\s*(目\s*录|Contents)\s*$/m.test(t));
    expect(first).toBeGreaterThan(0);
    const lines = pages.slice(first, dests.get('body')! - 1).flatMap((t) => t.split('\n')).filter((l) => /\S/.test(l) && !/^\s*(目\s*录|Contents)\s*$/.test(l));
    // Each entry's first line ends with its page number (a wrapped title continues below without one).
    // (A number larger than the book's page count ends a wrapped title, such as its year, not an entry.)
    const printed = lines.map((l) => /\s(\d+)\s*$/.exec(l)?.[1]).filter(Boolean).map(Number).filter((n) => n <= pages.length);
    // The contents list the parts and their sections, then the back matter (index, editorial note), as the EPUB's navigation does.
    expect(printed).toEqual([...volume.view.toc.map((e) => dests.get(e.id)), dests.get('back-index'), dests.get('note')]);
    let from = 0;
    for (const entry of volume.view.toc) {
      const head = squash(entry.heading).slice(0, 8);
      const at = lines.findIndex((l, i) => i >= from && squash(l).startsWith(head));
      expect(at, `contents line for ${entry.heading}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
      // The page it names prints the part's title, or the section's heading.
      const part = volume.parts.find((p) => p.id === entry.id);
      const target = part ? squash(part.title).slice(0, 10) : squash(entry.heading).replace(/…$/, '').slice(0, 8);
      expect(squash(pages[dests.get(entry.id)! - 1]), `${entry.heading} on page ${dests.get(entry.id)}`).toContain(target);
    }
  });

  it('has one cumulative index of every part\'s curated and automatic topics: one entry per term, every locator on a page that prints it', async () => {
    const terms = allEntries(volume.index).map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
    // Automatic entries (found in the parts' text) beside the curated ones.
    expect(terms.length).toBeGreaterThan(volume.config.topics.length + 20);
    const doc = await openPdf(pdf);
    try {
      // Every page number printed is its anchor's page, and every page of a range prints the term or an alias.
      expect(await checkIndexPages({ file: pdf, index: volume.index, pageMap: dests }, doc)).toBeGreaterThanOrEqual(60);
    } finally {
      await doc.destroy();
    }
    // A term used in several parts has one entry whose locators reach into each of them.
    const partOf = (block: string) => block.split('-')[0];
    const spread = terms.filter((t) => new Set(volume.index.occurrences.filter((o) => o.term === t).map((o) => partOf(o.block))).size >= 3);
    expect(spread.length).toBeGreaterThan(0);
  });

  it('prints the part date as the running head of its right-hand pages, never another part\'s', () => {
    const starts = volume.parts.map((p) => dests.get(p.id)! - 1);
    expect(starts.every((s, i) => i === 0 || s > starts[i - 1])).toBe(true);
    let right = 0;
    let left = 0;
    volume.parts.forEach((p, k) => {
      const end = k + 1 < starts.length ? starts[k + 1] : dests.get('back-index')! - 1;
      for (let i = starts[k] + 1; i < end; i++) {
        const head = squash(pages[i].split('\n').find((l) => l.trim()) ?? '');
        // Page i + 1: odd pages are right-hand ones, headed by the part's date and title; even ones by the volume's title.
        if ((i + 1) % 2 === 1) { right++; expect(head.startsWith(squash(p.heading).slice(0, 14)), `page ${i + 1}: ${head.slice(0, 30)}`).toBe(true); }
        else { left++; expect(head.startsWith(squash(volume.view.title)), `page ${i + 1}: ${head.slice(0, 30)}`).toBe(true); }
      }
    });
    expect(right + left).toBeGreaterThan(0);
  });

  it('has one EPUB navigation with the parts and their sections, a page-list, part landmarks', () => {
    const x = unzip(join(dir, `${name}.epub`));
    const nav = readFileSync(join(x, 'EPUB', 'nav.xhtml'), 'utf8');
    for (const p of volume.parts) {
      expect(nav).toContain(`href="${p.id}.xhtml"`);
      for (const s of p.sections) expect(nav).toContain(`href="${p.id}.xhtml#${s.id}"`);
    }
    expect((nav.match(/epub:type="part"/g) ?? []).length).toBe(volume.parts.length);
    const listed = [...nav.matchAll(/#pg(\d+)"/g)].map((m) => Number(m[1]));
    const firstBody = Math.min(...listed);
    const lastBody = Math.max(...listed);
    for (let p = firstBody; p <= lastBody; p++) expect(listed, `page ${p} in the page-list`).toContain(p);
  });

  it('writes a change report covering every part, and a catalogue entry for the volume', () => {
    const report = JSON.parse(readFileSync(join(dir, 'changes.json'), 'utf8'));
    expect(report.parts.map((p: { book: string }) => p.book)).toEqual(volume.parts.map((p) => p.book.book.id));
    const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
    expect(catalog.publications.map((p: { metadata: { identifier: string } }) => p.metadata.identifier)).toContain(volume.config.id);
  });

  it('is listed in a catalogue a client can follow, valid against both OPDS schemas', async () => {
    const { files, dangling } = crawlCatalog([join(out, 'catalog.xml'), join(out, 'catalog.json')]);
    expect(dangling).toEqual([]);
    for (const f of [`${name}.epub`, `${name}.pdf`, 'thumbnail.png']) expect(files.map((x) => x.path), f).toContain(join(dir, f));
    for (const f of files) if (f.length !== undefined) expect(statSync(f.path).size, f.path).toBe(f.length);
    for (const feed of readdirSync(out).filter((n) => /^catalog.*\.json$/.test(n))) expect(opds2Errors(JSON.parse(readFileSync(join(out, feed), 'utf8'))), feed).toEqual([]);
    expect(await opds12Errors(readdirSync(out).filter((n) => /^catalog.*\.xml$/.test(n)).map((n) => join(out, n)), opdsRncDir())).toBe('');
  });
});
