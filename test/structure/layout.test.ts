// Layout that fits the shape: a daily briefing of short exchanges is set compactly (sections share
// pages), no page is blank but for a running head or folio, and no EPUB document is empty. The book is
// made of real MFA briefing exchanges (test/corpus and test/structure/fixtures), about 4,000 characters.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../support/zip.ts';
import { buildInto, pdfinfo, pdftotext, tempDir } from '../helpers.ts';
import { projectRoot } from '../../scripts/render/templates.ts';

const parts = [
  'test/structure/fixtures/mfa-2022-10-27', 'test/corpus/zh-hans-mfa-2022-03-18', 'test/corpus/zh-hans-mfa-2021-02-09',
  'test/corpus/zh-hans-mfa-2017-12-06', 'test/corpus/zh-hans-mfa-2022-08-09', 'test/structure/fixtures/mfa-2024-10-08',
  'test/corpus/zh-hans-mfa-2018-09-07',
].map((p) => join(projectRoot, p));

describe('a daily briefing of short exchanges', () => {
  const root = tempDir('tp-briefing-');
  const book = join(root, 'briefing');
  let pdf = '';
  let epub = '';
  let chars = 0;
  beforeAll(async () => {
    mkdirSync(book, { recursive: true });
    // Each part without its own title line; one title for the whole.
    const body = parts.filter(existsSync).map((p) => readFileSync(join(p, 'transcript.txt'), 'utf8').split('\n').slice(1).filter((l) => l.trim()).join('\n\n')).join('\n\n');
    chars = body.length;
    writeFileSync(join(book, 'transcript.txt'), `外交部发言人例行记者会\n\n${body}\n`);
    writeFileSync(join(book, 'book.yaml'), 'id: urn:test:briefing\ntitle: 外交部发言人例行记者会\nlanguage: zh-Hans\nspeaker: 毛宁\nspeakers: [赵立坚, 汪文斌, 华春莹]\nsource: 中华人民共和国外交部\ndate: 2022-08-09\n');
    await buildInto(book, join(root, 'dist'), ['pdf', 'epub']);
    pdf = join(root, 'dist', 'briefing', 'briefing.pdf');
    epub = join(root, 'dist', 'briefing', 'briefing.epub');
  });

  it('is about 4,000 characters of real text', () => {
    expect(chars).toBeGreaterThan(3500);
  });
  it('sets sections on shared pages: the body takes about a page per 600 characters, not a page per exchange', () => {
    const pages = Number(pdfinfo(pdf).Pages);
    const texts = Array.from({ length: pages }, (_, i) => pdftotext(pdf, i + 1));
    const first = texts.findIndex((t) => t.includes('总台央视记者：')); // a label: not in the contents
    // The body ends before the index (which, automatic now, may list 柬埔寨 too).
    const indexAt = texts.findIndex((t) => /^\s*索\s*引\s*$/m.test(t));
    const last = texts.slice(0, indexAt > 0 ? indexAt : undefined).findLastIndex((t) => t.includes('柬埔寨'));
    expect(first).toBeGreaterThan(0);
    const bodyPages = last - first + 1;
    expect(bodyPages).toBeLessThanOrEqual(Math.ceil(chars / 500));
    // 15 exchanges: a page per exchange would need at least 15.
    expect(bodyPages).toBeLessThan(12);
  });
  it('has no page that carries only a running head or a folio', () => {
    const pages = Number(pdfinfo(pdf).Pages);
    for (let i = 1; i <= pages; i++) {
      const t = pdftotext(pdf, i).trim();
      expect(t, `page ${i}`).not.toMatch(/^\d+$/);
    }
  });
  it('groups short sections into EPUB documents, none of them empty', () => {
    const entries = readZip(epub);
    const list = entries.map((e) => e.name).filter((f) => /^EPUB\/(lead|s\d+)\.xhtml$/.test(f));
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThan(6);
    for (const f of list) {
      const x = entries.find((e) => e.name === f)!.data.toString('utf8');
      const text = x.replace(/^[\s\S]*<body[^>]*>/, '').replace(/<[^>]+>/g, '').trim();
      expect(text.length, f).toBeGreaterThan(200);
    }
  });
});
