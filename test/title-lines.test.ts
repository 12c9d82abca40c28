// Titles on the half-title, title page and body opening break between words only (titleUnits).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { titleUnits, wrapLines } from '../scripts/epub/cover.ts';
import { chineseWords } from '../scripts/lang/words.ts';
import { loadCorpus } from '../scripts/fixtures/corpus.ts';
import { pdfinfo, pdftotext, seedFile } from './helpers.ts';

const squash = (s: string) => s.replace(/\s+/g, '');

describe('title lines', () => {
  it('titleUnits keeps a Chinese word, a date and a dash whole, with the space after a unit outside it', () => {
    expect(titleUnits('王毅就中国外交政策', 'zh-Hans').map((u) => u.text)).toContain('中国');
    const en = titleUnits('Department Press Briefing – February 2, 2023', 'en');
    expect(en.map((u) => u.text)).toEqual(['Department', 'Press', 'Briefing –', 'February 2, 2023']);
    expect(en.map((u) => u.space)).toEqual([' ', ' ', ' ', '']);
    // A unit too wide for any line is given letter by letter rather than overflowing.
    expect(titleUnits('x'.repeat(40), 'en')).toHaveLength(40);
  });

  it('the seed PDF breaks its long body title between words (not 就中 / 国外交)', () => {
    const pdf = seedFile('pdf');
    const pages = Number(pdfinfo(pdf).Pages);
    const title = '中共中央政治局委员、外交部长王毅就中国外交政策和对外关系回答中外记者提问';
    const page = [...Array(pages).keys()].map((i) => i + 1).find((p) => squash(pdftotext(pdf, p)).startsWith(title))!;
    expect(page).toBeGreaterThan(0);
    const lines = pdftotext(pdf, page).split('\n').map(squash).filter(Boolean);
    expect(lines[0]! + lines[1]!).toBe(title);
    expect(lines[0]!.endsWith('中')).toBe(false);
  });
});

describe('title lines over the corpus', () => {
  it('breaks every corpus title between words only: names and proper nouns stay whole (发言人 / 华春莹, never 发言 / 人华 or 华春 / 莹)', () => {
    expect(wrapLines('2018年9月7日外交部发言人华春莹主持例行记者会', 10, 'zh-Hans')).toEqual(['2018年9月7日', '外交部发言人华春莹', '主持例行记者会']);
    expect(wrapLines('2018年9月7日外交部发言人华春莹主持例行记者会', 8, 'zh-Hans').some((l) => /华春$|^莹|发言$|^人华/.test(l))).toBe(false);
    let titles = 0, lines = 0;
    for (const entry of loadCorpus(undefined, 'all')) {
      const title = entry.config.title;
      const lang = entry.config.language;
      titles++;
      // Where a Chinese line may end: after a jieba word, read independently of the breaker's units.
      const ends = new Set<number>();
      let at = 0;
      for (const w of chineseWords(title)) { at += w.length; ends.add(at); }
      for (const width of [8, 10, 12, 16]) {
        const set = wrapLines(title, width, lang);
        let offset = 0;
        for (const line of set.slice(0, -1)) {
          const end = title.indexOf(line, offset) + line.length;
          offset = end;
          lines++;
          // Latin: a line ends before a space (or inside a word wider than the whole line, cut by letters).
          const latinOk = /\s/.test(title[end] ?? ' ') || /[\s\p{P}]$/u.test(line) || [...line].length * 0.56 >= width - 1;
          const ok = /\p{Script=Han}/u.test(title.slice(end - 1, end + 1)) ? ends.has(end) : latinOk;
          if (!ok) expect.fail(`${entry.id}: "${line}" ends inside a word (${set.join(' / ')})`);
        }
      }
    }
    expect(titles).toBeGreaterThan(100);
    expect(lines).toBeGreaterThan(100);
  });
});
