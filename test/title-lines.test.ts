// Titles on the half-title, title page and body opening break between words only (titleUnits).
import { describe, expect, it } from 'vitest';
import { titleUnits } from '../scripts/epub/cover.ts';
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
