// Volumes (issue #27): the corpus's Chinese MFA briefings and its English State Department transcripts
// bound into one EPUB and one PDF each (test/volumes/), through the real command. Checked like a book
// (`check`: epubcheck, Ace, fonts, sums), and as a reader would: the contents list every part (date
// and title) with its sections on the pages they print on; every locator of the cumulative index is a
// page that prints its term; the EPUB has one navigation with the parts, page-list entries and part
// landmarks; the change report covers every part; too big a volume is refused up front (TP190).
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pdfinfo, pdftotext, poppler, run, tempDir, unzip } from './helpers.ts';
import { prepareVolume } from '../scripts/volume.ts';

const CLI = resolve('bin/transcript-press.mjs');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
const cli = (args: string[]) => run('node', [CLI, ...args], { env, timeout: 1_200_000 });
// pdftotext keeps the soft hyphens of English text (and a hyphen, ASCII or U+2010, where a word was broken).
const squash = (s: string) => s.replace(/\u00ad[-\u2010]?/g, '').replace(/\s+/g, '');
const VOLUMES = ['zh-mfa-briefings', 'en-state-briefings'];

describe.each(VOLUMES)('volume %s', (name) => {
  const out = tempDir('tp-volume-');
  const dir = join(out, name);
  const pdf = join(dir, `${name}.pdf`);
  let pages: string[] = [];
  /** Where each element id landed (the PDF's named destinations, as poppler reads them). */
  let dests = new Map<string, number>();
  const volume = prepareVolume(join('test/volumes', name));

  beforeAll(async () => {
    const r = await cli(['build', join('test/volumes', name), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const count = Number(pdfinfo(pdf).Pages);
    pages = Array.from({ length: count }, (_, i) => pdftotext(pdf, i + 1));
    dests = new Map([...poppler('pdfinfo', ['-dests', pdf]).matchAll(/^\s*(\d+) \[[^\]]*\] "([^"]+)"$/gm)].map((m) => [m[2], Number(m[1])]));
  }, 1_200_000);

  it('passes check like a book: epubcheck 0/0, Ace with no critical or serious issue, fonts, sums', async () => {
    const r = await run('node', [CLI, 'check', dir, '--json'], { env, timeout: 1_200_000 });
    const diagnostics = JSON.parse(r.stderr.split('\n')[0] || '[]') as { code: string; message: string }[];
    expect(diagnostics.filter((d) => ['TP040', 'TP041', 'TP042', 'TP044'].includes(d.code)), r.stderr).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
  }, 1_200_000);

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

  it('has one cumulative index: one entry per term, every locator a page that prints the term', () => {
    const indexPage = pages.findIndex((t) => /^\s*(索引|Index)\s*$/m.test(t));
    expect(indexPage).toBeGreaterThan(0);
    const text = pages.slice(indexPage).join('\n');
    let checked = 0;
    const terms = volume.config.topics.map((t) => t.term);
    for (const term of terms) {
      const m = new RegExp(`(?:^|\\s)${term}\\s+([\\d–, ]+)`).exec(text);
      if (!m) continue;
      expect(text.split(new RegExp(`(?:^|\\s)${term}\\s+\\d`)).length - 1, `${term} listed once`).toBe(1);
      for (const loc of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
        const [a, b] = loc.split('–').map(Number);
        for (let p = a; p <= (b || a); p++) {
          expect(squash(pages[p - 1]), `${term} on page ${p}`).toContain(squash(term));
          checked++;
        }
      }
    }
    // The terms used in many parts have locators in several of them.
    expect(checked).toBeGreaterThanOrEqual(8);
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
    expect(catalog.publications[0].metadata.identifier).toBe(volume.config.id);
  });
});

describe('volume limits', () => {
  it('refuses too many parts up front (TP190) with how to split, and a pattern that finds nothing (TP191)', async () => {
    const root = tempDir('tp-volume-big-');
    for (let i = 0; i < 401; i++) {
      const d = join(root, `b${String(i).padStart(3, '0')}`);
      mkdirSync(d);
      cpSync('test/corpus/en-state-2023-02-02/transcript.txt', join(d, 'transcript.txt'));
      writeFileSync(join(d, 'book.yaml'), `id: urn:x:b${i}\ntitle: B${i}\nspeaker: X\nsource: Y\ndate: 2024-01-01\n`);
    }
    mkdirSync(join(root, 'vol'));
    writeFileSync(join(root, 'vol', 'volume.yaml'), 'id: urn:x:vol\ntitle: Big\nparts: ["../b*"]\n');
    const t0 = Date.now();
    const r = await cli(['build', join(root, 'vol'), '--out', join(root, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/TP190 .*volume\.yaml.* the volume has 401 parts; one volume takes at most 400/);
    expect(r.stderr).toMatch(/split it into 2 volumes, .*b000 … b399; b400 … b400/);
    expect(Date.now() - t0).toBeLessThan(120_000);
    writeFileSync(join(root, 'vol', 'volume.yaml'), 'id: urn:x:vol\ntitle: Big\nparts:\n  - ../nothing-*\n');
    const none = await cli(['build', join(root, 'vol'), '--out', join(root, 'out')]);
    expect(none.stderr).toMatch(/TP191 .*volume\.yaml:4:5 error: part "\.\.\/nothing-\*": matches no book folder/);
  }, 600_000);
});
