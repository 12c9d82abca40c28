// The character step, the decoder and the glyph check as plain functions (no browser, no files).
import { beforeAll, describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadBook } from '../scripts/book.ts';
import { titleText } from '../scripts/model/walk.ts';
import { BuildError } from '../scripts/core/diagnostics.ts';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readTranscript } from '../scripts/reader/read.ts';
import { decodeTranscript } from '../scripts/reader/decode.ts';
import { LineIndex } from '../scripts/reader/tracked-text.ts';
import { missingGlyphs, substituteMissing } from '../scripts/pdf/coverage.ts';
import { allFamilies, familyCmap, readyCmaps } from '../scripts/fonts.ts';
import { coverageFonts } from '../scripts/prepare.ts';
import { projectRoot } from '../scripts/render/templates.ts';

const seed = readFileSync(join(projectRoot, 'source/wangyi-2024-03-07/transcript.txt'), 'utf8');
const iconv = (text: string, to: string) => spawnSync('iconv', ['-c', '-f', 'UTF-8', '-t', to], { input: text }).stdout as Buffer;

describe('decode', () => {
  it('the real seed in GB18030 and in Big5 (after OpenCC) is read back exactly, short or long', async () => {
    const OpenCC = await import('opencc-js');
    const tw = OpenCC.Converter({ from: 'cn', to: 'tw' })(seed);
    for (const [text, enc, label] of [[seed, 'GB18030', 'gb18030'], [tw, 'BIG5', 'big5']] as const) {
      for (const n of [text.length, 200, 20]) {
        const part = text.slice(0, n);
        const r = decodeTranscript(iconv(part, enc), 'transcript.txt');
        expect(r.encoding, `${enc} ${n}`).toBe(label);
        expect(r.text).toBe(new TextDecoder(label).decode(iconv(part, enc)));
        expect(r.diagnostics[0].hint).toContain(`iconv -f ${enc} -t UTF-8 transcript.txt`);
      }
    }
  });
  it('UTF-16 without a BOM is recognised by its zero bytes', () => {
    expect(decodeTranscript(Buffer.from(seed, 'utf16le'), 't.txt').text).toBe(seed);
    expect(decodeTranscript(Buffer.from(Buffer.from(seed, 'utf16le')).swap16(), 't.txt').encoding).toBe('utf-16be');
  });
  it('clean UTF-8 is read as it is, with no warning', () => {
    const r = decodeTranscript(Buffer.from(seed), 't.txt');
    expect(r.text).toBe(seed);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('characters and line ends', () => {
  it('real clean text: 0 changes from the character step', () => {
    const r = readTranscript(Buffer.from(seed));
    expect(r.changes.filter((c) => ['invisible', 'cp1252', 'line-end'].includes(c.rule))).toEqual([]);
  });
  it('CR, LF and CRLF give the same blocks; positions count CR-only lines', () => {
    const lf = readTranscript(Buffer.from(seed)).blocks;
    expect(readTranscript(Buffer.from(seed.replace(/\n/g, '\r'))).blocks).toEqual(lf);
    expect(readTranscript(Buffer.from(seed.replace(/\n/g, '\r\n'))).blocks).toEqual(lf);
    expect(readTranscript(Buffer.from(seed.replace(/\n/g, '\r'))).diagnostics.map((d) => d.code)).toContain('TP009');
    const lines = new LineIndex('a\rb\r\nc\nd');
    expect([2, 5, 7].map((o) => lines.point(o).line)).toEqual([2, 3, 4]);
    expect(lines.lineText(2)).toBe('b');
  });
  it('removes invisible controls with their places; keeps ZWJ inside an emoji sequence and in Persian', () => {
    const r = readTranscript(Buffer.from('标题\n\n王毅：合\u200B作\u202E共赢\u0000。👩\u200D💻 می\u200Cخواهم \u0093好\u0094\n'));
    // The space after the Persian word is white space next to non-Han text: the normaliser keeps it (#11).
    expect(r.blocks[1]).toBe('王毅：合作共赢。👩\u200D💻 می\u200Cخواهم “好”');
    const removed = r.changes.filter((c) => c.rule === 'invisible');
    expect(removed.map((c) => [c.line, c.column, c.before])).toEqual([
      [3, 5, 'U+200B ZERO WIDTH SPACE'], [3, 7, 'U+202E RIGHT-TO-LEFT OVERRIDE'], [3, 10, 'U+0000 NULL']]);
    expect(r.diagnostics.map((d) => d.code)).toContain('TP008');
  });
});

describe('glyph coverage', () => {
  beforeAll(() => readyCmaps(allFamilies()));
  it('names emoji and Hangul; the fallback chain draws Extension B, symbols and the other script; the seed text has every glyph', () => {
    const fonts = coverageFonts('zh-Hans');
    // 𠀡 (U+20021, Extension B) is in the Traditional face, ⌚ in the symbol face only: both in the chain;
    // 𠀀 (U+20000) is in no shipped face.
    expect(missingGlyphs('中文😀한𠀡⌚𠀀“”…—', fonts)).toEqual(['😀', '한', '𠀀']);
    expect(missingGlyphs(seed, fonts)).toEqual([]);
    // The 鄭〓潔 case: a character the Traditional face lacks and the Simplified face has prints in a
    // Traditional book (TC first, then SC).
    const [tc, sc] = coverageFonts('zh-Hant');
    expect(tc!.family).toBe('Noto Serif TC');
    expect(sc!.family).toBe('Noto Serif SC');
    expect(familyCmap(tc!).has(0x4e50)).toBe(false);
    expect(familyCmap(sc!).has(0x4e50)).toBe(true);
    expect(missingGlyphs('鄭乐潔', coverageFonts('zh-Hant'))).toEqual([]);
    expect(substituteMissing('<p>我👩\u200D💻们</p>', ['👩', '💻'])).toBe('<p>我〓们</p>');
  });
});

describe('title from the transcript', () => {
  const book = (transcript: string, yaml = 'id: urn:x:title\nspeaker: 王毅\nsource: 新华社\ndate: 2024-03-07\n') => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tp-title-')), 'book');
    mkdirSync(dir);
    writeFileSync(join(dir, 'transcript.txt'), transcript);
    writeFileSync(join(dir, 'book.yaml'), yaml);
    return dir;
  };
  it('a book.yaml without `title` takes the transcript\'s title line, so the title page and the body agree', () => {
    const loaded = loadBook(book(readFileSync(join(import.meta.dirname, 'corpus', 'zh-hans-mfa-2022-08-09', 'transcript.txt'), 'utf8')));
    expect(loaded.config.title).toBe('2022年8月9日外交部发言人汪文斌主持例行记者会');
    expect(titleText(loaded.read.tree)).toBe(loaded.config.title);
  });
  it('without either, the book is titled from its principal and date, and TP141 (a warning) names book.yaml and the fix', () => {
    const loaded = loadBook(book('王毅：谢谢大家。我们继续。\n\n记者：请问发言人对此有何评论？\n'));
    expect(loaded.config.title).toBe('2024年3月7日王毅发言实录');
    const d = loaded.read.diagnostics.find((x) => x.code === 'TP141')!;
    expect(d.severity).toBe('warning');
    expect(d.file).toMatch(/book\.yaml$/);
    expect(d.hint).toMatch(/title/);
  });
  it('a White House page that opens with its place line: TP141 says the line is a dateline, which never becomes the title', () => {
    const loaded = loadBook(book('James S. Brady Press Briefing Room\n\n2:33 P.M. EDT\n\nMS. JEAN-PIERRE:  Good afternoon, everybody.\n\nQ    Good afternoon.\n', 'speaker: MS. JEAN-PIERRE\n'));
    const d = loaded.read.diagnostics.find((x) => x.code === 'TP141')!;
    expect(d.message).toContain('line 1, "James S. Brady Press Briefing Room", reads as a dateline');
    expect(loaded.config.title).toBe('Remarks by Ms. Jean-Pierre');
    // No `author`: the label in capitals is set as a name on the title page, in the EPUB and the PDF.
    expect(loaded.config.author).toBe('Ms. Jean-Pierre');
  });
  it('a book.yaml with `speaker:` only builds: id from the folder, date and source from the transcript\'s head (TP192 says so)', () => {
    const loaded = loadBook(book('2019-03-14 12:28 來源： 中國網\n\n國家統計局新聞發言人 毛盛勇：謝謝。今年1-2月份國民經濟開局平穩。\n\n記者：請問。\n', 'speaker: 毛盛勇\n'));
    expect(loaded.config.id).toBe('urn:transcript-press:book');
    expect(loaded.config.date).toBe('2019-03-14');
    expect(loaded.config.source).toBe('中國網');
    expect(loaded.config.title).toBe('2019年3月14日毛盛勇發言實錄');
    expect(loaded.read.diagnostics.find((x) => x.code === 'TP192')?.message).toContain('date: 2019-03-14');
  });
  it('with no date or source in the head, the book has none (no made-up date)', () => {
    const loaded = loadBook(book('MS. JEAN-PIERRE:  Good afternoon, everybody. On May 7, 2024 we spoke.\n\nQ    Good afternoon.\n', 'speaker: MS. JEAN-PIERRE\n'));
    expect(loaded.config.date).toBe('');
    expect(loaded.config.source).toBe('');
    expect(loaded.read.diagnostics.find((x) => x.code === 'TP192')?.message).toContain('no date');
  });
});
