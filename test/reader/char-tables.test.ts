// The reader's per-unit tables (reader/chars.ts isHan, hanLatinCounts; lang/opencc.ts mayChangeUnder's
// quick skip) answer exactly as the regexes and the full scan they replace, on every BMP unit, on
// astral characters and on lone surrogates.
import { describe, expect, it } from 'vitest';
import { classTester, hanLatinCounts, isHan, lowerCase } from '../../scripts/reader/chars.ts';
import { mayChangeUnder } from '../../scripts/lang/opencc.ts';

const HAN = /\p{Script=Han}/u;
const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0;

/** A deterministic mix of Han, Latin, marks, astral Han (𠀀 U+20000, 𝐀 U+1D400) and lone surrogates. */
function sample(seed: number, length: number): string {
  const pool = ['中', '國', '国', '发', '發', 'a', 'Z', 'é', ' ', '，', '。', '𠀀', '𝐀', '\uD840', '\uDC00', 'ǅ', '〇', '々', '⺀', '1', '后', '後', '台灣'];
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += pool[x % pool.length];
  }
  return out;
}

describe('per-unit character tables', () => {
  it('isHan of one unit is the regex on every BMP unit, and on longer strings too', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isHan(ch) !== HAN.test(ch)) throw new Error(`U+${c.toString(16)}: ${isHan(ch)}`);
    }
    for (const s of ['𠀀', 'a中', '\uD840\uDC00', '', undefined]) expect(isHan(s)).toBe(!!s && HAN.test(s));
  });

  it('hanLatinCounts is the count of both regexes over code points', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const s = sample(seed, seed % 50);
      expect(hanLatinCounts(s)).toEqual({ han: count(/\p{Script=Han}/gu, s), latin: count(/\p{Script=Latin}/gu, s) });
    }
    expect(hanLatinCounts('中文 text 𠀀')).toEqual({ han: 3, latin: 4 });
  });

  it("mayChangeUnder's quick skip finds what the full scan finds", () => {
    // Traditional characters change under t2s, Simplified ones under s2t; Latin and punctuation never.
    expect(mayChangeUnder('t2s', 'abc，。 123')).toBe(false);
    expect(mayChangeUnder('t2s', 'abc 國')).toBe(true);
    expect(mayChangeUnder('s2t', 'abc 国')).toBe(true);
    expect(mayChangeUnder('t2s', '中文')).toBe(false);
    for (let seed = 1; seed <= 100; seed++) {
      const s = sample(seed, 20);
      const expected = [...s].some((ch) => mayChangeUnder('t2s', ch)) || /[國發後灣]/.test(s);
      expect(mayChangeUnder('t2s', s), s).toBe(expected);
    }
  });
});

describe('classTester (the NFC rule\'s check: a class of marks and compatibility characters)', () => {
  const NFC_CLASS = /[\p{M}\u2126\u212A\u212B\uF900-\uFAFF]/u;
  const tester = classTester(NFC_CLASS);
  it('answers as the pattern on every BMP unit alone, beside Han, and on texts with surrogates', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `中${ch}`, `${ch}文`]) if (tester(s) !== NFC_CLASS.test(s)) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
    // Astral marks (U+1D165 musical stem, U+E0100 variation selector), lone surrogates, astral Han.
    for (const s of ['a\u{1D165}', '中\u{E0100}', '\uD834', '\uDD65x', '𠀀', 'é', 'e\u0301', '', 'Ω', '\u2126']) expect(tester(s)).toBe(NFC_CLASS.test(s));
    for (let seed = 1; seed <= 200; seed++) { const s = sample(seed, 30); expect(tester(s)).toBe(NFC_CLASS.test(s)); }
  });
});

describe('lowerCase (the clause rule\'s normal form)', () => {
  it('is toLowerCase on every BMP unit, beside Han, and on texts with final sigma, dotted I and astral letters', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `中${ch}`, `${ch}文`, `Σ${ch}`]) if (lowerCase(s) !== s.toLowerCase()) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
    for (const s of ['ΟΔΟΣ', 'οδοσ', 'İstanbul', '\u{10400}\u{10401}', '中\u{10400}', '𠀀文', 'Ǆ', 'ß', '', '我们我们']) expect(lowerCase(s)).toBe(s.toLowerCase());
    for (let seed = 1; seed <= 200; seed++) { const s = sample(seed, 30); expect(lowerCase(s)).toBe(s.toLowerCase()); }
  });
});
