import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage, exactLanguageEvidence, languageEvidence, resolveLanguage, t2s } from '../../scripts/lang/language.ts';

// Passages in the style of the transcripts the reader receives (press conferences, briefings).
const hans = '毛宁：谢谢。关于你提到的问题，中方的立场是一贯的、明确的。我们愿同各方一道，推动“十五五”规划顺利实施。';
const hant = '主持人：謝謝。新聞局局長表示，財政部部長和中國人民銀行行長將出席記者會，說明“十五五”規劃的重點。';
const en = 'MR MILLER: Thank you. I am not going to speculate about what “anomalous activity” is, but we will keep working with our partners.';

describe('detectLanguage', () => {
  it('tells Simplified, Traditional and English apart', () => {
    expect(detectLanguage(hans)).toBe('zh-Hans');
    expect(detectLanguage(hant)).toBe('zh-Hant');
    expect(detectLanguage(en)).toBe('en');
  });
  it('counts characters that change under conversion as evidence of the script', () => {
    const e = languageEvidence(hant);
    expect(e.traditional).toBeGreaterThan(10);
    expect(e.simplified).toBeLessThan(e.traditional);
    const s = languageEvidence(hans);
    expect(s.simplified).toBeGreaterThan(5);
    expect(s.traditional).toBe(0);
  });
  it('reads Chinese with English names and numbers in it as Chinese', () => {
    expect(detectLanguage('彭博社记者：CNN和BBC报道，Apple公司在2024年第三季度的营收为948亿美元。你怎么看？')).toBe('zh-Hans');
    expect(detectLanguage('彭博社記者：CNN和BBC報導，Apple公司在2024年第三季度的營收為948億美元。你怎麼看？')).toBe('zh-Hant');
  });
  it('reads English that quotes a Chinese name as English', () => {
    expect(detectLanguage('QUESTION: Did the Secretary meet Wang Yi (王毅) in Beijing last week, and what did they discuss about trade?')).toBe('en');
  });
  it('defaults to Simplified when no character tells the scripts apart', () => {
    expect(detectLanguage('中日')).toBe('zh-Hans');
  });
  it('is unaffected by text before the evidence (no length bias for short greetings)', () => {
    expect(detectLanguage('謝謝')).toBe('zh-Hant');
    expect(detectLanguage('谢谢')).toBe('zh-Hans');
  });
});

describe('the table of script characters against whole-text conversion', () => {
  it('decides every corpus transcript as the phrase-aware conversion of the whole text does', () => {
    const root = join(import.meta.dirname, '..', 'corpus');
    const texts = readdirSync(root).map((d) => join(root, d, 'transcript.txt')).filter((f) => existsSync(f)).map((f) => [f, readFileSync(f, 'utf8')] as const);
    expect(texts.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const [file, text] of texts) {
      const fast = languageEvidence(text);
      seen.add(fast.language);
      if (fast.language === 'en') continue;
      const exact = exactLanguageEvidence(text);
      expect(fast.language, file).toBe(exact.traditional > exact.simplified ? 'zh-Hant' : 'zh-Hans');
    }
    expect([...seen].sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
  });
  it('falls back to the conversion when neither script clearly wins', () => {
    // Two characters of each script: no clear winner by the table, so the counts are the conversion's.
    const mixed = '謝謝谢谢';
    const e = languageEvidence(mixed);
    const exact = exactLanguageEvidence(mixed);
    expect([e.traditional, e.simplified]).toEqual([exact.traditional, exact.simplified]);
  });
});

describe('resolveLanguage', () => {
  it('lets the declared language win over detection', () => {
    expect(resolveLanguage('zh-Hant', hans)).toBe('zh-Hant');
    expect(resolveLanguage('zh-TW', hans)).toBe('zh-Hant');
    expect(resolveLanguage('en-US', hant)).toBe('en');
    expect(resolveLanguage('zh-Hans', en)).toBe('zh-Hans');
  });
  it('detects when nothing is declared', () => {
    expect(resolveLanguage(undefined, hant)).toBe('zh-Hant');
  });
});

describe('t2s keeps length for the text it is used on', () => {
  it('maps Traditional to Simplified character for character', () => {
    expect(t2s(hant)).toHaveLength(hant.length);
    expect(t2s('新聞局局長')).toBe('新闻局局长');
  });
});
