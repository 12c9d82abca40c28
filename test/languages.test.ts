// Three languages as real editions (issue #14), on real transcripts: an English State Department
// briefing and a Traditional-Chinese Hong Kong government transcript (test/fixtures/languages/), built
// once each. What a reader of each edition would see: no Chinese in the English book beyond what its
// transcript has, a Latin text face in its PDF and Latin punctuation after its labels; TC faces and
// Traditional interface words in the Traditional book; both valid (epubcheck), the Traditional one
// accessible (Ace; the English one's Ace verdict comes from the English volume, volume.test.ts).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractZip } from './support/zip.ts';
import * as OpenCC from 'opencc-js';
import { buildInto, pdftotext, tempDir } from './helpers.ts';
import { pdfFonts, runEpubcheck } from '../scripts/check.ts';
import { runAce } from '../scripts/epub/ace.ts';
import { loadBook } from '../scripts/book.ts';
import { resolveTemplateSet } from '../scripts/render/templates.ts';
import { buildView } from '../scripts/render/variables.ts';
import { writeEpub } from '../scripts/writers/epub.ts';
import { widestUnit, wrapLines } from '../scripts/epub/cover.ts';
import { hyphenatorFor, SOFT_HYPHEN } from '../scripts/render/hyphenate.ts';
import { fontsFor } from '../scripts/fonts.ts';
import { renderBody, renderLabels } from '../scripts/render/html.ts';
import { typographyFor } from '../scripts/render/hyphenate.ts';
import { readTranscript } from '../scripts/reader/read.ts';
import { loadStrings, defaultStringsSet } from '../scripts/lang/strings.ts';
import { corpusIds, corpusRoot } from '../scripts/fixtures/corpus.ts';

const EN = 'test/fixtures/languages/en-state-2024-02-28';
const TC = 'test/fixtures/languages/zh-hant-hk-2016-06-21';
const name = (dir: string) => dir.split('/').pop()!;

/** Han characters, CJK punctuation and full-width forms. */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3100-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/gu;

const unzip = (epub: string): string => extractZip(epub, tempDir('tp-lang-epub-'));

/** The body documents of an unpacked EPUB (one per section or a group of sections, by layout). */
function bodyText(dir: string): string {
  return readdirSync(join(dir, 'EPUB')).filter((f) => f.endsWith('.xhtml') && !/^(cover|titlepage|nav|note|colophon|index)\.xhtml$/.test(f))
    .map((f) => readFileSync(join(dir, 'EPUB', f), 'utf8')).join('\n');
}

/** Every text file of an unpacked EPUB (documents, navigation, package, NCX, CSS), concatenated. */
function epubText(dir: string): string {
  return (readdirSync(join(dir, 'EPUB'), { recursive: true }) as string[])
    .filter((f) => /\.(xhtml|opf|ncx|css)$/.test(f)).map((f) => readFileSync(join(dir, 'EPUB', f), 'utf8')).join('\n');
}

const built: Record<string, { pdf: string; epub: string; dir: string; out: string }> = {};

beforeAll(async () => {
  for (const book of [EN, TC]) {
    const out = tempDir('tp-lang-');
    await buildInto(book, out);
    const id = name(book);
    built[id] = { pdf: join(out, id, `${id}.pdf`), epub: join(out, id, `${id}.epub`), dir: unzip(join(out, id, `${id}.epub`)), out: join(out, id) };
  }
});

describe('English edition (a real State Department briefing)', () => {
  const transcript = () => readFileSync(join(EN, 'transcript.txt'), 'utf8');

  it('has no CJK character or mark its transcript does not have, in the EPUB or the PDF', () => {
    const allowed = new Set(transcript().match(CJK) ?? []);
    const { epub, pdf, dir } = built[name(EN)]!;
    expect([...new Set(epubText(dir).match(CJK) ?? [])].filter((c) => !allowed.has(c))).toEqual([]);
    expect([...new Set(pdftotext(pdf).match(CJK) ?? [])].filter((c) => !allowed.has(c))).toEqual([]);
    expect(readFileSync(epub).length).toBeGreaterThan(0);
  });

  it('sets its PDF in a Latin text face (Source Serif 4, Source Sans 3), all TrueType, no CJK face', () => {
    const fonts = pdfFonts(built[name(EN)]!.pdf);
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('SourceSerif4-Regular');
    expect(names.some((n) => n.startsWith('SourceSans3-'))).toBe(true);
    expect(names.filter((n) => /CJK|SC-|TC-/.test(n))).toEqual([]);
    expect(fonts.filter((f) => !f.embedded || !/TrueType/.test(f.type))).toEqual([]);
  });

  it('prints English words: contents, colophon, Latin label punctuation, typographic quotes kept', () => {
    // Soft hyphens stay in the PDF's text layer (Chromium keeps them); a reader's search ignores them.
    const text = pdftotext(built[name(EN)]!.pdf).replaceAll(SOFT_HYPHEN, '');
    expect(text).toContain('Contents');
    expect(text).toContain('Published by');
    expect(text).toContain('February 28, 2024');
    expect(text).toMatch(/MR MILLER: Good afternoon/);
    expect(text).toContain('I don’t have anything');
    const s1 = bodyText(built[name(EN)]!.dir);
    expect(s1).toContain('<span class="speaker-name">MR MILLER</span>:</b> Good');
    expect(s1).toContain('aria-label="Answer"');
  });

  it('hyphenates running text with soft hyphens, but not headings, metadata or the change report', () => {
    const { dir, out } = built[name(EN)]!;
    const body = bodyText(dir);
    expect(body).toContain(`Transnis${SOFT_HYPHEN}tria`);
    expect(body.match(/<h2[^>]*>[^<]*<\/h2>/g)!.join('')).not.toContain(SOFT_HYPHEN);
    for (const f of ['EPUB/package.opf', 'EPUB/nav.xhtml', 'EPUB/toc.ncx']) expect(readFileSync(join(dir, f), 'utf8'), f).not.toContain(SOFT_HYPHEN);
    expect(readFileSync(join(out, 'changes.html'), 'utf8')).not.toContain(SOFT_HYPHEN);
  });

  it('names the author from book.yaml (not the label), claims no conformance nobody certified, dates the edition not the event', () => {
    const opf = readFileSync(join(built[name(EN)]!.dir, 'EPUB', 'package.opf'), 'utf8');
    expect(opf).toContain('<dc:creator id="author">Matthew Miller</dc:creator>');
    expect(opf).not.toContain('MR MILLER</dc:creator>');
    expect(opf).not.toMatch(/certifiedBy|conformsTo/);
    expect(opf).not.toContain('<meta property="dcterms:modified">2024-02-28');
    expect(opf).toMatch(/<meta property="schema:accessibilitySummary">A reflowable text edition in English/);
  });

  // Ace on English documents runs in volume.test.ts, on the English volume of State Department briefings:
  // the same writer, template and language as this book, with part documents besides, so this book's
  // documents are a subset of what Ace judges there. Here epubcheck only.
  it('is valid (epubcheck 0/0)', async () => {
    const { epub } = built[name(EN)]!;
    expect((await runEpubcheck(epub)).diagnostics).toEqual([]);
  });

  it('embeds every Latin face it is set in with epub.embedFont, and no CJK face it does not need', async () => {
    const book = loadBook(EN);
    const templates = resolveTemplateSet('default', book.dir);
    const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates });
    const file = join(tempDir('tp-lang-font-'), 'en.epub');
    const data = await writeEpub({ tree: book.read.tree, view, templates, pageMap: new Map(), modified: new Date('2024-01-01T00:00:00Z'), index: () => null, embedFont: true });
    writeFileSync(file, data);
    const opf = readFileSync(join(unzip(file), 'EPUB', 'package.opf'), 'utf8');
    const fonts = [...opf.matchAll(/href="fonts\/([^"]+)\.woff"/g)].map((m) => m[1]!).sort();
    expect(fonts).toEqual(['source-sans-3-400-normal', 'source-sans-3-700-normal', 'source-serif-4-400-normal']);
    expect((await runEpubcheck(file)).diagnostics).toEqual([]);
  });
});

describe('Traditional-Chinese edition (a real Hong Kong government transcript)', () => {
  it('embeds Noto Serif TC and Noto Sans TC in its PDF, and no Simplified face', () => {
    const names = pdfFonts(built[name(TC)]!.pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('NotoSerifTC-Regular');
    expect(names).toContain('NotoSansTC-Bold');
    expect(names.filter((n) => /SC-/.test(n))).toEqual([]);
  });

  it('marks its documents lang="zh-Hant" and carries no Simplified interface word', () => {
    const { dir } = built[name(TC)]!;
    const text = epubText(dir);
    expect(readFileSync(join(dir, 'EPUB', 'nav.xhtml'), 'utf8')).toContain('lang="zh-Hant"');
    expect(text).toContain('目錄');
    expect(text).toContain('編輯說明');
    // Every Han character the EPUB has that OpenCC would make Traditional must come from the transcript
    // or book.yaml; the words of the edition itself are all Traditional already.
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const source = readFileSync(join(TC, 'transcript.txt'), 'utf8') + readFileSync(join(TC, 'book.yaml'), 'utf8');
    const simplified = [...new Set(text.match(/\p{Script=Han}/gu) ?? [])].filter((c) => toTraditional(c) !== c && !source.includes(c));
    expect(simplified).toEqual([]);
    for (const word of ['目录', '编辑说明', '开场发言', '简体', '版权信息', '书名页', '来源']) expect(text, word).not.toContain(word);
  });

  // The one Ace run on a Traditional-Chinese edition (lang="zh-Hant", TC faces).
  it('is valid (epubcheck 0/0) and has no critical or serious Ace finding', async () => {
    const { epub } = built[name(TC)]!;
    expect((await runEpubcheck(epub)).diagnostics).toEqual([]);
    expect((await runAce(epub)).violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
  });
});

describe('every book of the development corpus (EPUB only: no browser)', () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  /** Han characters, CJK marks and full-width forms of the EPUB's own words: the EPUB's text minus
   * every character of the transcript and book.yaml. */
  async function editionOnly(id: string): Promise<{ lang: string; extra: string[]; text: string }> {
    const book = loadBook(join(corpusRoot, id));
    const templates = resolveTemplateSet('default', book.dir);
    const view = buildView({ config: book.config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates });
    const file = join(tempDir('tp-lang-corpus-'), `${id}.epub`);
    writeFileSync(file, await writeEpub({ tree: book.read.tree, view, templates, pageMap: new Map(), modified: new Date('2026-11-27T00:00:00Z'), index: () => null }));
    const text = epubText(unzip(file));
    const source = readFileSync(join(book.dir, 'transcript.txt'), 'utf8') + readFileSync(join(book.dir, 'book.yaml'), 'utf8');
    return { lang: book.config.language, text, extra: [...new Set(text.match(CJK) ?? [])].filter((c) => !source.includes(c)) };
  }

  it('English books have no CJK character or mark of their own; Traditional books no Simplified character', async () => {
    const problems: string[] = [];
    let en = 0, hant = 0;
    for (const id of corpusIds()) {
      const { lang, extra, text } = await editionOnly(id);
      if (lang === 'en') {
        en++;
        if (extra.length) problems.push(`${id}: ${extra.join('')}`);
      } else if (lang === 'zh-Hant') {
        hant++;
        const simplified = extra.filter((c) => toTraditional(c) !== c);
        if (simplified.length) problems.push(`${id}: ${simplified.join('')}`);
        if (!text.includes('lang="zh-Hant"')) problems.push(`${id}: not lang="zh-Hant"`);
      }
    }
    expect(en).toBeGreaterThanOrEqual(5);
    expect(hant).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  }, 600_000);
});

describe('language plumbing', () => {
  it('claims accessibility conformance only with book.yaml epub.certifiedBy, naming who checked it', async () => {
    const book = loadBook(EN);
    const templates = resolveTemplateSet('default', book.dir);
    const config = { ...book.config, epub: { ...book.config.epub, certifiedBy: 'Example Press accessibility desk' } };
    const view = buildView({ config, tree: book.read.tree, changes: book.read.changes, sourceSha256: book.sourceSha256, templates });
    const file = join(tempDir('tp-lang-cert-'), 'cert.epub');
    writeFileSync(file, await writeEpub({ tree: book.read.tree, view, templates, pageMap: new Map(), modified: new Date('2026-11-27T00:00:00Z'), index: () => null }));
    const opf = readFileSync(join(unzip(file), 'EPUB', 'package.opf'), 'utf8');
    expect(opf).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>');
    expect(opf).toContain('<meta property="a11y:certifiedBy">Example Press accessibility desk</meta>');
  });

  it('chooses the faces from the language: TC for zh-Hant and zh-TW, SC for zh-Hans, Latin first for English', () => {
    // The book's own face first, then the other Chinese script's, then a symbol face (issue 23: a
    // character Noto TC lacks prints from Noto SC, never as 〓).
    expect(fontsFor('zh-Hant').serif.map((f) => f.family)).toEqual(['Noto Serif TC', 'Noto Serif SC', 'Noto Sans Symbols 2']);
    expect(fontsFor('zh-TW').sans.map((f) => f.family)).toEqual(['Noto Sans TC', 'Noto Sans SC', 'Noto Sans Symbols 2']);
    expect(fontsFor('zh-Hans').serif.map((f) => f.family)).toEqual(['Noto Serif SC', 'Noto Serif TC', 'Noto Sans Symbols 2']);
    expect(fontsFor('en').serif[0]!.family).toBe('Source Serif 4');
    expect(fontsFor('en-GB').sans[0]!.family).toBe('Source Sans 3');
  });

  it('marks Latin words with an apostrophe in Chinese text lang="en" (the Latin face sets them), and nothing in English text', () => {
    const zh = readTranscript(Buffer.from('标题\n\n王毅：我看了CGTN’s的报道，也读了 the President’s remarks。'), { speaker: '王毅' });
    const html = renderBody(zh.tree, { flavour: 'html', labels: renderLabels(loadStrings(defaultStringsSet(), 'zh-Hans')), ...typographyFor('zh-Hans') });
    expect(html).toContain('<span lang="en" class="latin">CGTN’s</span>');
    expect(html).toContain('<span lang="en" class="latin">President’s</span>');
    expect(html).not.toContain('\u00ad');
    const en = readTranscript(Buffer.from('Title\n\nMR MILLER: I don’t know.'), { speaker: 'MR MILLER', language: 'en' });
    expect(renderBody(en.tree, { flavour: 'html', labels: renderLabels(loadStrings(defaultStringsSet(), 'en')), ...typographyFor('en') })).not.toContain('lang="en"');
  });

  it('hyphenates English by the patterns, keeping two letters before and three after a break; not Chinese', () => {
    const en = hyphenatorFor('en')!;
    expect(en('internationally recognized').split(SOFT_HYPHEN).join('·')).toBe('in·ter·na·tion·ally rec·og·nized');
    expect(en('about called')).toBe('about called');
    expect(en('https://www.state.gov/briefings 1,000')).toBe('https://www.state.gov/briefings 1,000');
    // An acronym or a word in capitals is not broken (it was UN·ESCO’s), a name with one capital is (Mc·Con·nell).
    expect(en('UNESCO’s NASDAQ-listed')).toBe('UNESCO’s NASDAQ-listed');
    expect(en('McConnell').split(SOFT_HYPHEN).length).toBeGreaterThan(1);
    expect(hyphenatorFor('zh-Hans')).toBeNull();
  });

  it('breaks cover lines between words, never before punctuation, never inside a date, in every language', () => {
    expect(wrapLines('Department Press Briefing, February 28, 2024', 10, 'en')).toEqual(['Department', 'Press Briefing,', 'February 28, 2024']);
    for (const [title, lang] of [['Secretary Blinken’s Remarks to the Press on March 7, 2024', 'en'], ['外交部发言人2024年3月7日例行记者会（全文）', 'zh-Hans'],
      ['行政長官二〇一六年六月二十一日會見傳媒談話全文', 'zh-Hant'], ['“Made in China 2025” and the World Trade Organization', 'en']] as const) {
      const lines = wrapLines(title, Math.max(10, widestUnit(title, lang)), lang);
      expect(lines.join(lang === 'en' ? ' ' : '')).toBe(title);
      for (const l of lines) expect(l, title).not.toMatch(/^[\s,.;:!?，。、；：？！）》」』”’—–-]/u);
      for (const date of ['March 7, 2024', '2024年3月7日', '二〇一六年六月二十一日']) {
        if (title.includes(date)) expect(lines.some((l) => l.includes(date)), `${date} in ${lines.join(' | ')}`).toBe(true);
      }
    }
  });
});

describe('French edition (a real vie-publique.fr interview, language detected)', () => {
  const FR = 'test/fixtures/languages/fr-vie-publique-2017-10-09';
  let dir = '';
  let epub = '';
  beforeAll(async () => {
    const out = tempDir('tp-lang-fr-');
    await buildInto(FR, out, ['epub']);
    epub = join(out, name(FR), `${name(FR)}.epub`);
    dir = unzip(epub);
  }, 300_000);

  it('is in French: lang="fr", French navigation and label punctuation, French hyphenation, an index of names', () => {
    const opf = readFileSync(join(dir, 'EPUB', 'package.opf'), 'utf8');
    expect(opf).toMatch(/<dc:language>fr<\/dc:language>/);
    expect(opf).toContain('Une édition au texte recomposable, en français');
    const nav = readFileSync(join(dir, 'EPUB', 'nav.xhtml'), 'utf8');
    expect(nav).toMatch(/xml:lang="fr"/);
    expect(nav).toContain('Table des matières');
    const body = bodyText(dir);
    expect(body).toContain('<span class="speaker-name">NATHALIE LOISEAU</span>\u202f:</b> ');
    expect(body).toContain(`mi${SOFT_HYPHEN}nistre`);
    // French spacing: the transcript's space before ? is set no-break (no line starts with the mark).
    expect(body.replaceAll(SOFT_HYPHEN, '')).toContain('La semaine\u202f? L’année\u202f?'.replace('’', "'"));
    const index = readFileSync(join(dir, 'EPUB', 'index.xhtml'), 'utf8');
    expect(index).toContain('Catalogne');
    expect(index).not.toMatch(/>(avec|ce que|Ecoutez)</);
  });

  it('is valid (epubcheck 0/0)', async () => {
    expect((await runEpubcheck(epub)).diagnostics).toEqual([]);
  }, 300_000);
});
