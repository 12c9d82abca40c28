// The EPUB edition of the seed book: epubcheck 0/0, Ace 0 critical/serious, zh-Hans everywhere,
// navigation, semantics and byte-reproducibility. A second EPUB, written with a page map and an index
// (the PDF and index stages' contracts), checks the page-list and the index document the same way.
import { sha256 } from '../scripts/core/files.ts';
import { h } from 'hastscript';
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SEED, seedFile, tempDir, unzip } from './helpers.ts';
import { readZip } from './support/zip.ts';
import { runEpubcheck } from '../scripts/check.ts';
import { packOcf } from '../scripts/epub/ocf.ts';
import { runAce } from '../scripts/epub/ace.ts';
import { anchorIds } from '../scripts/epub/pages.ts';
import { wrapLines } from '../scripts/epub/cover.ts';
import { dosDate } from '../scripts/epub/ocf.ts';
import { writeEpub } from '../scripts/writers/epub.ts';
import { loadBook } from '../scripts/book.ts';
import { resolveTemplateSet } from '../scripts/render/templates.ts';
import { bookDate, buildView } from '../scripts/render/variables.ts';

const BOOK = 'wangyi-2024-03-07';

/** The EPUB at `epub` with one document changed, packed again (same order, same date). */
async function altered(epub: string, path: string, change: (text: string) => string, to: string): Promise<string> {
  const entries = readZip(epub).filter((e) => e.name !== 'mimetype')
    .map((e) => ({ path: e.name, data: e.name === path ? change(e.data.toString('utf8')) : e.data }));
  writeFileSync(to, await packOcf(entries, new Date('2024-03-07T00:00:00Z')));
  return to;
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const xhtmlFiles = (dir: string) => readdirSync(join(dir, 'EPUB')).filter((f) => f.endsWith('.xhtml')).sort();
const seriousAce = async (epub: string) => {
  const { violations, diagnostics } = await runAce(epub);
  return { bad: violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'), diagnostics, violations };
};

// The run's one seed build (both formats: the PDF stage's page map is what the page-list is made from).
describe('EPUB of the seed book', () => {
  const out = tempDir();
  const epub = seedFile('epub');
  let dir = '';
  beforeAll(() => { dir = unzip(epub); });

  it('passes epubcheck with 0 errors and 0 warnings', async () => {
    const { messages, diagnostics } = await runEpubcheck(epub);
    expect(diagnostics).toEqual([]);
    expect(messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE')).toEqual([]);
  });

  it('passes Ace by DAISY with 0 critical and 0 serious issues', async () => {
    // This EPUB carries the print's page-break markers, its page-list and the index document: the one Ace
    // run for them (the page-mapped EPUB below is not given to Ace again).
    expect(read(dir, 'EPUB/nav.xhtml')).toMatch(/<nav epub:type="page-list"/);
    expect(read(dir, 'EPUB/package.opf')).toContain('properties="index"');
    const { bad, diagnostics } = await seriousAce(epub);
    expect(diagnostics.filter((d) => d.code === 'TP044')).toEqual([]);
    expect(bad).toEqual([]);
  });

  it('is a zip with mimetype first and stored, then a fixed entry order', () => {
    const names = readZip(epub).map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['mimetype', 'META-INF/container.xml', 'EPUB/package.opf']);
    const buf = readFileSync(epub);
    expect(buf.readUInt16LE(8)).toBe(0); // stored
    expect(buf.readUInt16LE(28)).toBe(0); // no extra field on mimetype (OCF)
  });

  it('declares zh-Hans on the package and on every XHTML document, with Chinese as UTF-8', () => {
    const opf = read(dir, 'EPUB/package.opf');
    expect(opf).toMatch(/<package [^>]*xml:lang="zh-Hans"/);
    expect(opf).toContain('<dc:language>zh-Hans</dc:language>');
    const files = xhtmlFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const x = read(dir, `EPUB/${f}`);
      expect(x, f).toMatch(/<html [^>]*\blang="zh-Hans"[^>]*>/);
      expect(x, f).toMatch(/<html [^>]*\bxml:lang="zh-Hans"[^>]*>/);
      expect(x, f).not.toMatch(/xml:lang="en"|lang="en"/);
      // No numeric character references for CJK (or any non-ASCII) text.
      const refs = [...x.matchAll(/&#x([0-9a-f]+);|&#(\d+);/gi)].map((m) => (m[1] ? parseInt(m[1], 16) : Number(m[2])));
      expect(refs.filter((c) => c > 0x7f), f).toEqual([]);
    }
    expect(read(dir, 'EPUB/s1.xhtml')).toMatch(/[\u4e00-\u9fff]{10}/);
    expect(read(dir, 'EPUB/toc.ncx')).toContain('xml:lang="zh-Hans"');
  });

  it('takes its identifier from book.yaml and its modified date from the edition (not the event), and has a11y metadata', () => {
    const opf = read(dir, 'EPUB/package.opf');
    expect(opf).toContain('<dc:identifier id="pub-id">urn:transcript-press:wangyi-2024-03-07</dc:identifier>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-11-27T00:00:00Z</meta>');
    expect(opf).toContain('<dc:creator id="author">王毅</dc:creator>');
    for (const f of ['tableOfContents', 'readingOrder', 'structuralNavigation']) expect(opf).toContain(`<meta property="schema:accessibilityFeature">${f}</meta>`);
    expect(opf).toContain('<meta property="schema:accessMode">textual</meta>');
    expect(opf).toContain('<meta property="schema:accessModeSufficient">textual</meta>');
    expect(opf).toContain('<meta property="schema:accessibilityHazard">none</meta>');
    expect(opf).toMatch(/<meta property="schema:accessibilitySummary">[^<]{20,}<\/meta>/);
    // Nobody has certified the seed edition (book.yaml has no epub.certifiedBy), so it claims no conformance.
    expect(opf).not.toContain('dcterms:conformsTo');
    expect(opf).not.toContain('a11y:certifiedBy');
    expect(opf).toMatch(/<item id="cover-image" href="cover.png" media-type="image\/png" properties="cover-image"\/>/);
  });

  it('carries the print page numbers: a marker for every body page of the PDF, a page-list and the NCX pageList', () => {
    const nav = read(dir, 'EPUB/nav.xhtml');
    const labels = [...nav.matchAll(/<li><a href="[a-z0-9]+\.xhtml#pg(\d+)">(\d+)<\/a><\/li>/g)].map((m) => Number(m[2]));
    expect(labels.length).toBeGreaterThan(10);
    // Contiguous: a reader can go to any printed page of the text, even one no paragraph begins on.
    expect(labels).toEqual(labels.map((_, i) => labels[0] + i));
    const markers = xhtmlFiles(dir).flatMap((f) => [...read(dir, `EPUB/${f}`).matchAll(/role="doc-pagebreak" aria-label="(\d+)"/g)].map((m) => Number(m[1])));
    expect([...markers].sort((a, b) => a - b)).toEqual(labels);
    expect(read(dir, 'EPUB/toc.ncx').match(/<pageTarget /g)!.length).toBe(labels.length);
    const opf = read(dir, 'EPUB/package.opf');
    for (const f of ['pageNavigation', 'printPageNumbers']) expect(opf).toContain(`<meta property="schema:accessibilityFeature">${f}</meta>`);
    expect(opf).toContain('<meta refines="#print-source" property="source-of">pagination</meta>');
  });

  it('has a nested table of contents, landmarks and an NCX', () => {
    const nav = read(dir, 'EPUB/nav.xhtml');
    expect(nav).toMatch(/<nav epub:type="toc" role="doc-toc"/);
    const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('</nav>'));
    expect(toc).toMatch(/<li><a href="lead.xhtml">[^<]+<\/a>\s*<ol>\s*<li><a href="s1.xhtml">/);
    expect(toc).toContain('href="titlepage.xhtml"');
    expect(toc).toContain('href="note.xhtml"');
    for (const t of ['toc', 'bodymatter']) expect(nav).toMatch(new RegExp(`<a epub:type="${t}" href="`));
    const ncx = read(dir, 'EPUB/toc.ncx');
    expect(ncx).toContain('<meta name="dtb:uid" content="urn:transcript-press:wangyi-2024-03-07"/>');
    expect(ncx.match(/<navPoint /g)!.length).toBeGreaterThan(15);
  });

  it('marks up structure: title page, chapters, colophon, question vs answer and the speaker', () => {
    expect(read(dir, 'EPUB/titlepage.xhtml')).toContain('epub:type="titlepage"');
    expect(read(dir, 'EPUB/colophon.xhtml')).toMatch(/epub:type="colophon" role="doc-colophon"/);
    const s1 = read(dir, 'EPUB/s1.xhtml');
    expect(s1).toMatch(/<section id="s1" class="qa qa-question"[^>]*epub:type="chapter" role="doc-chapter"/);
    expect(s1).toMatch(/<div class="turn turn-question" role="group" aria-label="提问">/);
    expect(s1).toMatch(/<div class="turn turn-answer" role="group" aria-label="回答">/);
    expect(s1).toMatch(/<b class="speaker speaker-principal" epub:type="z3998:persona"><span class="speaker-name">王毅<\/span>：<\/b>/);
    expect(read(dir, 'EPUB/cover.xhtml')).toMatch(/<img src="cover.png" alt="封面：王毅就中国外交政策[^"]+" role="doc-cover"\/>/);
    const png = readFileSync(join(dir, 'EPUB/cover.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 2560]);
  });

  // Byte-identical rebuilds in another time zone, locale and font set: test/hermetic.test.ts. The date
  // taken from SOURCE_DATE_EPOCH: test/catalog.test.ts, on its batch build that sets it.
});

// calibre is not part of setup (it is large); where it is installed, the Kindle conversion must work.
const calibre = spawnSync('ebook-convert', ['--version'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!calibre)('EPUB through calibre (runs where ebook-convert is installed: apt-get install calibre)', () => {
  it('converts to AZW3 without errors, keeping title, author and the cover', async () => {
    const out = tempDir();
    const azw3 = join(out, 'book.azw3');
    const r = spawnSync('ebook-convert', [seedFile('epub'), azw3], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/\bERROR\b|Traceback|Failed to/);
    const meta = spawnSync('ebook-meta', [azw3, `--get-cover=${join(out, 'cover.jpg')}`], { encoding: 'utf8' }).stdout;
    expect(meta).toMatch(/Title\s+: 王毅就中国外交政策和对外关系答记者问/);
    expect(meta).toMatch(/Author\(s\)\s+: 王毅/);
    expect(meta).toContain('Cover saved');
  });
});

describe('EPUB with the print page map and an index', () => {
  const out = tempDir();
  const epub = join(out, 'paged.epub');
  let dir = '';
  let pageMap = new Map<string, number>();
  beforeAll(async () => {
    const book = await loadBook(SEED);
    const templates = resolveTemplateSet('default', book.dir);
    const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates });
    // A plausible print layout: the text starts on page 5, three paragraphs a page.
    pageMap = new Map(anchorIds(book.read.tree).map((id, i) => [id, 5 + Math.floor(i / 3)]));
    const data = await writeEpub({
      tree: book.read.tree, view, templates, pageMap, modified: bookDate(view),
      index: (pages, hrefOf) => h('section', { id: 'index', role: 'doc-index', 'aria-labelledby': 'index-h' }, [h('h1', { id: 'index-h' }, '索引'),
        h('ul', { 'epub:type': 'index-entry-list' }, [h('li', { 'epub:type': 'index-entry' }, [h('span', { 'epub:type': 'index-term' }, '中俄关系'), ' ',
          h('a', { 'epub:type': 'index-locator', href: `${hrefOf('p11')}#p11` }, String(pages('p11')))])])]),
    });
    mkdirSync(out, { recursive: true });
    writeFileSync(epub, data);
    dir = unzip(epub);
  });

  // No Ace run here: this EPUB is the seed's with a made-up page map and a one-entry index, and the run's
  // seed EPUB, written by the same writer with the real print's page map (page-break markers, page-list)
  // and the whole index, passes Ace above. Ace opens all 23 documents again for about 45 s of CPU and
  // would judge the same markup.
  it('passes epubcheck 0/0', async () => {
    expect((await runEpubcheck(epub)).diagnostics).toEqual([]);
  });

  it('puts one page-break marker per printed page and lists them in a page-list nav and the NCX', () => {
    const pages = new Set(pageMap.values());
    const markers = xhtmlFiles(dir).flatMap((f) => [...read(dir, `EPUB/${f}`).matchAll(/<span id="pg(\d+)" role="doc-pagebreak" aria-label="(\d+)" epub:type="pagebreak"/g)].map((m) => m[1]));
    expect(markers.length).toBe(pages.size);
    expect(new Set(markers).size).toBe(pages.size);
    const nav = read(dir, 'EPUB/nav.xhtml');
    expect(nav).toMatch(/<nav epub:type="page-list" role="doc-pagelist"/);
    expect(nav).toContain('<li><a href="lead.xhtml#pg5">5</a></li>');
    expect(read(dir, 'EPUB/toc.ncx')).toContain('<pageTarget id="page-5" type="normal" value="5"');
    const opf = read(dir, 'EPUB/package.opf');
    expect(opf).toContain('printPageNumbers');
    expect(opf).toMatch(/<meta refines="#print-source" property="source-of">pagination<\/meta>/);
  });

  it('ships the SVG cover itself when no browser is at hand', () => {
    expect(read(dir, 'EPUB/package.opf')).toContain('<item id="cover-image" href="cover.svg" media-type="image/svg+xml" properties="cover-image"/>');
    const svg = read(dir, 'EPUB/cover.svg');
    expect(svg).toContain('>王毅就中国外交政策</text>');
    expect(svg).toContain('>2024年3月7日</text>');
  });

  it('gives the index its own document: properties="index", epub:type="index", in the TOC and landmarks, links into the text', () => {
    expect(read(dir, 'EPUB/package.opf')).toContain('<item id="index" href="index.xhtml" media-type="application/xhtml+xml" properties="index"/>');
    const index = read(dir, 'EPUB/index.xhtml');
    expect(index).toContain('<body epub:type="index">');
    expect(index).toContain(`href="s2.xhtml#p11">${pageMap.get('p11')}</a>`);
    const nav = read(dir, 'EPUB/nav.xhtml');
    expect(nav).toContain('<li><a href="index.xhtml">索引</a></li>');
    expect(nav).toContain('<a epub:type="index" href="index.xhtml">');
  });

  it('emits no page-list and claims no page navigation when the page map is empty', async () => {
    const book = await loadBook(SEED);
    const templates = resolveTemplateSet('default', book.dir);
    const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates });
    const plain = join(out, 'plain.epub');
    writeFileSync(plain, await writeEpub({ tree: book.read.tree, view, templates, pageMap: new Map(), modified: bookDate(view), index: () => null }));
    const d = unzip(plain);
    expect(read(d, 'EPUB/nav.xhtml')).not.toContain('page-list');
    expect(read(d, 'EPUB/package.opf')).not.toMatch(/printPageNumbers|pageNavigation|source-of|properties="index"/);
    expect(xhtmlFiles(d)).not.toContain('index.xhtml');
    expect((await runEpubcheck(plain)).diagnostics).toEqual([]);
  });

  it('embeds every face the book is set in (text serif, sans and sans bold), each a subset, when epub.embedFont is on, reproducibly', async () => {
    const book = await loadBook(SEED);
    const templates = resolveTemplateSet('default', book.dir);
    const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates });
    const input = { tree: book.read.tree, view, templates, pageMap: new Map<string, number>(), modified: bookDate(view), index: () => null, embedFont: true };
    const fonted = join(out, 'font.epub');
    const data = await writeEpub(input);
    writeFileSync(fonted, data);
    expect(Buffer.compare(Buffer.from(await writeEpub(input)), Buffer.from(data))).toBe(0); // reproducible
    const d = unzip(fonted);
    const opf = read(d, 'EPUB/package.opf');
    const fonts = [...opf.matchAll(/href="(fonts\/[^"]+\.woff)" media-type="font\/woff"/g)].map((m) => m[1]!);
    // Headings and speakers are bold sans, the subtitle and colophon labels regular sans, text (questions
    // and answers) serif: all three travel with the book, one file each. The fallback faces of the chain
    // (Traditional, symbols) travel only when the text has a character the first face lacks.
    expect(fonts.sort()).toEqual(['fonts/noto-sans-sc-400-normal.woff', 'fonts/noto-sans-sc-700-normal.woff', 'fonts/noto-serif-sc-400-normal.woff']);
    const css = read(d, 'EPUB/epub.css');
    expect(css).toMatch(/@font-face \{[^}]*font-family: "TP Noto Sans SC";[^}]*font-weight: 700;[^}]*url\(fonts\/noto-sans-sc-700-normal.woff\)/);
    expect(css).toMatch(/^h1, h2, \.speaker[^{]*\{ font-family: "TP Noto Sans SC", "Noto Sans SC", "Noto Sans CJK SC"/m);
    expect(css).toMatch(/^html \{ font-family: "TP Noto Serif SC", "Noto Serif SC"/m);
    for (const f of fonts) {
      const woff = readFileSync(join(d, 'EPUB', f));
      expect(woff.subarray(0, 4).toString()).toBe('wOFF');
      // A subset: far below the 2 MB source, yet far above an empty font.
      expect(woff.length, f).toBeLessThan(700_000);
      expect(woff.length, f).toBeGreaterThan(20_000);
    }
    expect((await runEpubcheck(fonted)).diagnostics).toEqual([]);
  });

  it('reports an Ace serious finding as TP042 (fixture: accessMode removed)', async () => {
    // The finding is about the package's metadata. Ace opens every document of the spine in its browser
    // (about 1.7 s of CPU each, 22 here): the fixture's spine keeps one chapter, so this check costs
    // 12 s of CPU instead of 46. (Ace then also reports the page-list and contents entries that point
    // out of the spine; the seed itself, with its whole spine, passes Ace in the test above.)
    const noAccessMode = (opf: string) => opf.replace(/<meta property="schema:accessMode">[^<]*<\/meta>\n/g, '')
      .replace(/<itemref idref="(?!s1")[^"]*"[^>]*\/>\n/g, '');
    const broken = await altered(seedFile('epub'), 'EPUB/package.opf', noAccessMode, join(out, 'broken.epub'));
    expect(readZip(broken).find((e) => e.name === 'EPUB/package.opf')!.data.toString('utf8').match(/<itemref /g)).toHaveLength(1);
    const { diagnostics } = await runAce(broken);
    expect(diagnostics.filter((x) => x.code === 'TP042').map((x) => x.message).join('\n')).toMatch(/metadata-accessmode/);
  });

  it('reports an epubcheck warning as TP041 with epubcheck\'s id (fixture: a dc:date not in W3CDTF)', async () => {
    const odd = await altered(seedFile('epub'), 'EPUB/package.opf', (opf) => opf.replace(/<dc:date>[^<]*<\/dc:date>/, '<dc:date>7 March 2024</dc:date>'), join(out, 'odd-date.epub'));
    const { diagnostics } = await runEpubcheck(odd);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['TP041', 'warning']]);
    expect(diagnostics[0].message).toMatch(/^epubcheck OPF-053: .*7 March 2024/);
    expect(diagnostics[0].file).toBe(`${odd}/EPUB/package.opf`);
  });

  it('reports an Ace that cannot run as TP044 (fixture: Chromium that will not start)', async () => {
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/bin/false';
    try {
      const { diagnostics, violations } = await runAce(seedFile('epub'));
      expect(violations).toEqual([]);
      expect(diagnostics.map((d) => d.code)).toEqual(['TP044']);
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH; else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  });
});

describe('EPUB helpers', () => {
  it('wrapLines: balanced cover lines, broken between words, no line-initial punctuation', () => {
    const lines = wrapLines('王毅就中国外交政策和对外关系答记者问', 10, 'zh-Hans');
    expect(lines.join('')).toBe('王毅就中国外交政策和对外关系答记者问');
    expect(lines.length).toBe(2);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(10);
    expect(wrapLines('短标题', 10, 'zh-Hans')).toEqual(['短标题']);
    expect(wrapLines('一二三四五，六七八九十一二', 6, 'zh-Hans').some((l) => l.startsWith('，'))).toBe(false);
  });

  it('dosDate: zip timestamps do not depend on the time zone', () => {
    const d = dosDate(new Date('2024-03-07T00:00:00Z'));
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2024, 2, 7, 0]);
  });
});
