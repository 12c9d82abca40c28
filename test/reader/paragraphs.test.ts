import { describe, it, expect } from 'vitest';
import { norm } from './support.ts';

describe('paragraph repair', () => {
  it('joins a paragraph broken mid-sentence', () => {
    const r = norm('标题\n\n王毅：有序的多极化，是要共同恪守联合国宪章\n\n宗旨和原则，共同坚持。');
    expect(r.text).toBe('标题\n\n王毅：有序的多极化，是要共同恪守联合国宪章宗旨和原则，共同坚持。');
    expect(r.applied.find((c) => c.rule === 'para-join')).toMatchObject({ before: '¶', after: '', line: 3 });
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
