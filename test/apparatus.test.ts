// The editorial apparatus in both editions of the seed: the Markdown preface (its heading in the PDF
// text, the contents and the bookmarks; a document in the EPUB navigation), the four notes (EPUB
// footnotes with references and back links; print notes whose "见第 N 页" is the page their number is
// printed on), epubcheck 0/0 and Ace without critical or serious findings. Then a hostile preface: a
// <script> and remote images appended to it stay text, and no request reaches a listener.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFileSync, cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SEED, buildInto, pdftotext, pdfinfo, seedFile, tempDir, unzip as extract } from './helpers.ts';
import { runEpubcheck } from '../scripts/check.ts';
import { runAce } from '../scripts/epub/ace.ts';

const NAME = 'wangyi-2024-03-07';
const squash = (s: string) => s.replace(/\s+/g, '');

const unzip = (epub: string) => join(extract(epub), 'EPUB');
const documents = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.xhtml')).map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

describe('the seed\'s apparatus in both editions (the run\'s seed build, DejaVu-only fonts)', () => {
  let pdf = '';
  let epub = '';
  let dir = '';
  let pages: string[] = [];
  beforeAll(() => {
    pdf = seedFile('pdf');
    epub = seedFile('epub');
    dir = unzip(epub);
    pages = Array.from({ length: Number(pdfinfo(pdf).Pages) }, (_, i) => squash(pdftotext(pdf, i + 1)));
  });

  it('prints the preface with its Markdown heading, lists it in the contents with its page and in the bookmarks', async () => {
    const preface = pages.findIndex((t) => t.startsWith('编者前言'));
    expect(preface).toBeGreaterThan(0);
    expect(pages.slice(preface, preface + 2).join('')).toContain('校勘的方法');
    // The figures come from this build, not from the text the editor wrote.
    expect(pages.slice(preface, preface + 2).join('')).toMatch(/共\d+处。/);
    const contents = pages.find((t) => t.startsWith('目录'))!;
    expect(contents).toContain(`编者前言${preface + 1}`);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), isEvalSupported: false, disableFontFace: true }).promise;
    const titles: string[] = [];
    const walk = (items: { title: string; items?: unknown[] }[]) => { for (const i of items) { titles.push(i.title); walk((i.items ?? []) as typeof items); } };
    walk((await doc.getOutline()) ?? []);
    expect(titles).toEqual(expect.arrayContaining(['编者前言', '校勘的方法', '变更报告']));
  });

  it('ends a print note with the page its reference is printed on', () => {
    const notes = pages.flatMap((t, i) => [...t.matchAll(/见第(\d+)页/g)].map((m) => ({ on: i + 1, ref: Number(m[1]) })));
    expect(notes.length).toBe(4);
    const quotes = ['乘坐同一条大船上', '金砖国家等多边机制决议或宣言', '终究无法被制止', '贸易航线于此'];
    notes.forEach((n, i) => {
      // The quoted passage and its superscript number are on the page the note names, at or before the note.
      expect(pages[n.ref - 1], `note ${i + 1}`).toContain(`${quotes[i]}${i + 1}`);
      expect(n.ref).toBeLessThanOrEqual(n.on);
    });
  });

  it('carries the four notes as EPUB footnotes with noterefs and back links in the same document', () => {
    const docs = documents(dir);
    const refs = docs.flatMap((d) => [...d.text.matchAll(/<a href="#(n\d+)" id="(nr\d+)" epub:type="noteref" role="doc-noteref">(\d+)<\/a>/g)].map((m) => ({ ...d, note: m[1], ref: m[2], n: m[3] })));
    const notes = docs.flatMap((d) => [...d.text.matchAll(/<aside id="(n\d+)" class="note" epub:type="footnote" role="doc-footnote">([\s\S]*?)<\/aside>/g)].map((m) => ({ ...d, id: m[1], body: m[2] })));
    expect(refs.map((r) => r.n)).toEqual(expect.arrayContaining(['1', '2', '3', '4']));
    expect(refs.length).toBe(4);
    expect(notes.length).toBe(4);
    for (const r of refs) {
      const note = notes.find((n) => n.id === r.note)!;
      expect(note.file).toBe(r.file);
      expect(note.body).toContain(`<a href="#${r.ref}" role="doc-backlink"`);
      expect(note.body).toContain('底本照录');
    }
  });

  it('gives the preface its own EPUB document, typed and in the navigation before the transcript', () => {
    const preface = readFileSync(join(dir, 'm-preface.xhtml'), 'utf8');
    expect(preface).toMatch(/<section id="m-preface" class="matter matter-front matter-preface" aria-labelledby="m-preface-h" epub:type="preface" role="doc-preface"><h1 id="m-preface-h">编者前言<\/h1>/);
    expect(preface).toContain('<h2 id="m-preface-h1">校勘的方法</h2>');
    expect(preface).toContain('<em>一字不改</em>');
    const nav = readFileSync(join(dir, 'nav.xhtml'), 'utf8');
    expect(nav.indexOf('<a href="m-preface.xhtml">编者前言</a>')).toBeGreaterThan(0);
    expect(nav.indexOf('m-preface.xhtml')).toBeLessThan(nav.indexOf('lead.xhtml'));
    expect(readFileSync(join(dir, 'toc.ncx'), 'utf8')).toContain('<content src="m-preface.xhtml"/>');
  });

  it('passes epubcheck 0/0 and Ace with no critical or serious finding', async () => {
    expect((await runEpubcheck(epub)).diagnostics).toEqual([]);
    const { violations } = await runAce(epub);
    expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
    // Nothing at all in the apparatus' own documents.
    expect(violations.filter((v) => /m-preface|s3\.xhtml|s6\.xhtml|s13\.xhtml/.test(JSON.stringify(v)))).toEqual([]);
  });
});

describe('a hostile preface', () => {
  let server: Server;
  let port = 0;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => { requests.push(req.url ?? ''); res.end('x'); });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('prints <script> and remote images as text, fetches nothing, and still sets *emphasis* as <em>', async () => {
    const book = join(tempDir('tp-ap-hostile-'), NAME);
    cpSync(SEED, book, { recursive: true });
    appendFileSync(join(book, 'preface.md'), `\n<script>fetch("http://127.0.0.1:${port}/script")</script>\n\n`
      + `<img src="http://127.0.0.1:${port}/img">\n\n![会场](http://127.0.0.1:${port}/md.png) 和 *附加强调*。\n`);
    // Back matter too: an afterword goes after the transcript, in the contents and the navigation.
    writeFileSync(join(book, 'afterword.md'), '## 致谢\n\n感谢*新华社*。\n');
    const yaml = readFileSync(join(book, 'book.yaml'), 'utf8');
    writeFileSync(join(book, 'book.yaml'), yaml.replace(/^( *- \{ file: preface\.md.*\n)/m, '$1  - { file: afterword.md, title: 后记, place: back }\n'));
    const out = tempDir('tp-ap-hostile-out-');
    const result = await buildInto(book, out);
    expect(result.diagnostics.filter((d) => d.code === 'TP082').length).toBe(2);
    expect(result.diagnostics.filter((d) => d.code === 'TP083').length).toBe(1);
    expect(requests).toEqual([]);
    const dir = unzip(join(out, NAME, `${NAME}.epub`));
    for (const d of documents(dir)) expect(d.text, d.file).not.toMatch(/<script|<img(?![^>]*src="cover)/);
    const preface = readFileSync(join(dir, 'm-preface.xhtml'), 'utf8');
    expect(preface).toContain(`&#x3C;script>fetch("http://127.0.0.1:${port}/script")&#x3C;/script>`);
    expect(preface).toContain('会场 和 <em>附加强调</em>。');
    const nav = readFileSync(join(dir, 'nav.xhtml'), 'utf8');
    expect(nav.indexOf('<a href="m-afterword.xhtml">后记</a>')).toBeGreaterThan(nav.indexOf('s15.xhtml'));
    expect(readFileSync(join(dir, 'm-afterword.xhtml'), 'utf8')).toMatch(/<body epub:type="backmatter">\s*<section id="m-afterword" class="matter matter-back matter-afterword" aria-labelledby="m-afterword-h" epub:type="afterword" role="doc-afterword">/);
    const text = pdftotext(join(out, NAME, `${NAME}.pdf`));
    expect(squash(text)).toMatch(/共建“一带一路”\d+后记\d+/);
    expect(squash(text)).toContain('致谢感谢新华社。');
    expect(squash(text)).toContain(squash(`<script>fetch("http://127.0.0.1:${port}/script")</script>`));
    expect((await runEpubcheck(join(out, NAME, `${NAME}.epub`))).diagnostics).toEqual([]);
  });
});
