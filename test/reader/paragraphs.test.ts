import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { norm } from './support.ts';
import { corpusRoot } from '../../scripts/fixtures/corpus.ts';

describe('paragraph repair', () => {
  it('joins a paragraph broken inside a word, in verbatim too (宪|章: no layout cuts a word)', () => {
    const r = norm('标题\n\n王毅：有序的多极化，是要共同恪守联合国宪\n\n章宗旨和原则，共同坚持。');
    expect(r.text).toBe('标题\n\n王毅：有序的多极化，是要共同恪守联合国宪章宗旨和原则，共同坚持。');
    expect(r.applied.find((c) => c.rule === 'para-join')).toMatchObject({ before: '¶', after: '', line: 3 });
  });
  it('keeps a break between words in verbatim (listed for review) and joins it in edited', () => {
    const raw = '标题\n\n王毅：有序的多极化，是要共同恪守联合国宪章\n\n宗旨和原则，共同坚持。';
    const verbatim = norm(raw);
    expect(verbatim.text).toBe(raw);
    expect(verbatim.changes.find((c) => c.rule === 'para-join')).toMatchObject({ applied: false, before: '¶' });
    expect(norm(raw, { style: 'edited' }).text).toBe('标题\n\n王毅：有序的多极化，是要共同恪守联合国宪章宗旨和原则，共同坚持。');
  });
  it('English: a White House page’s own mid-sentence break stays in verbatim; a cut word is joined', () => {
    // en-wh-2024-10-23 (test part), paragraphs 33–35 of the published page.
    const raw = 'Title\n\nMR. SINGER:  The United States also hopes to provide up to $10 billion\n\nof our loan as U.S. military support.';
    expect(norm(raw, { speaker: 'MR. SINGER' }).text).toBe(raw);
    expect(norm(raw, { speaker: 'MR. SINGER', style: 'edited' }).text).toBe('Title\n\nMR. SINGER:  The United States also hopes to provide up to $10 billion of our loan as U.S. military support.');
    expect(norm('Title\n\nMR. SINGER:  It is the govern\n\nment of Ukraine that asks.', { speaker: 'MR. SINGER' }).text).toBe('Title\n\nMR. SINGER:  It is the government of Ukraine that asks.');
  });
  it('keeps single line breaks that are the text’s own: header lines shorter than the block, a date line, a line wider than any wrap', () => {
    // zh-hant-ly-2023-02-17 (立法院公報): one field per line, without blank lines between them.
    const gazette = readFileSync(join(corpusRoot, 'zh-hant-ly-2023-02-17/transcript.txt'), 'utf8').split('\n').slice(0, 13).join('\n');
    expect(norm(gazette, { speaker: '主席' }).text).toBe(gazette.replaceAll('\n', '\n\n'));
    expect(norm('标题\n\n2021-09-15 12:50:00\n来源：中国台湾网').text).toBe('标题\n\n2021-09-15 12:50:00\n\n来源：中国台湾网');
    // en-wh-2023-03-08: a line ending in a dash keeps its space when joined.
    expect(norm('Title\n\nMS. JEAN-PIERRE:  That’s something that —\nyou know, that the committee is dealing with.', { speaker: 'MS. JEAN-PIERRE' }).text)
      .toBe('Title\n\nMS. JEAN-PIERRE:  That’s something that — you know, that the committee is dealing with.');
  });
  it('keeps the break where a bilingual release turns from Chinese to English, and joins a wrap before a Latin word', () => {
    // The MFA's bilingual release of 2025-01-27: the Chinese dateline wrapped over two lines, then its
    // English version over two more, with no blank line between them.
    const head = '标题\n\n2025年1月27日外交部发言人毛宁\n主持例行记者会\nForeign Ministry Spokesperson Mao Ning’s\nRegular Press Conference on January 27, 2025';
    expect(norm(head).text).toBe('标题\n\n2025年1月27日外交部发言人毛宁主持例行记者会\n\nForeign Ministry Spokesperson Mao Ning’s Regular Press Conference on January 27, 2025');
    // A Chinese paragraph wrapped before an abbreviation keeps Han on its next line: one paragraph.
    expect(norm('标题\n\n王毅：中方支持以世贸组织为核心的多边贸易体制，支持\nWTO进行必要改革。').text).toBe('标题\n\n王毅：中方支持以世贸组织为核心的多边贸易体制，支持WTO进行必要改革。');
  });
  it('drops a fragment that repeats the end of the previous paragraph', () => {
    const r = norm('标题\n\n王毅：一个强大的中国也符合欧洲的根本利益。\n\n益。中欧应共同做多边主义的践行者。');
    expect(r.text).toBe('标题\n\n王毅：一个强大的中国也符合欧洲的根本利益。\n\n中欧应共同做多边主义的践行者。');
    expect(r.applied.find((c) => c.rule === 'para-fragment')).toMatchObject({ before: '益。', line: 5, column: 1 });
  });
  it('drops a paragraph that is only such a fragment', () => {
    expect(norm('标题\n\n王毅：这符合根本利益。\n\n利益。\n\n下一段。').text).toBe('标题\n\n王毅：这符合根本利益。\n\n下一段。');
  });
  it('never merges a speaker label paragraph into the one before', () => {
    const r = norm('标题\n\n王毅：我们愿同各方一道\n\n彭博社记者：请问中方如何应对？');
    expect(r.text.split('\n\n')).toHaveLength(3);
  });
  it('does not treat a sentence that merely starts like the previous tail as a fragment', () => {
    const r = norm('标题\n\n王毅：我们走。\n\n我们走。然后呢？');
    expect(r.text).toContain('我们走。然后呢？');
  });
  it('joins line breaks inside a paragraph (no space between Chinese, one between Latin words)', () => {
    expect(norm('标题\n\n王毅：我们\n将推动。\n\nQ: this is\na test.').text).toBe('标题\n\n王毅：我们将推动。\n\nQ: this is a test.');
  });
});
