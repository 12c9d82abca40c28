import { describe, it, expect } from 'vitest';
import { body } from './support.ts';
import { BuildError } from '../../scripts/core/diagnostics.ts';

describe('editorial corrections', () => {
  it('applies a correction after the automatic pass and records it with its note', () => {
    const r = body('为恢复和奔奔走，努力。', { corrections: [{ find: '恢复和奔走', replace: '恢复和平奔走', note: '脱字' }] });
    expect(r.text).toBe('为恢复和平奔走，努力。');
    expect(r.changes.find((c) => c.rule === 'correction')).toMatchObject({ before: '恢复和奔走', after: '恢复和平奔走', note: '脱字', applied: true });
  });
  it.each([['不存在', 0], ['我们', 2]])('refuses a correction whose find "%s" occurs %i times (TP020)', (find, count) => {
    try {
      body('我们走，我们来。', { corrections: [{ find, replace: 'x' }] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BuildError);
      expect((err as BuildError).diagnostic).toMatchObject({ code: 'TP020', file: 'book.yaml' });
      expect((err as BuildError).diagnostic.message).toContain(`occurs ${count} times`);
    }
  });
});

describe('diagnostics from the reader', () => {
  it('a heading for a question the transcript does not have → TP022', () => {
    try {
      body('彭博社记者：问题？\n\n王毅：回答。', { sections: [{ question: 3, heading: '不存在' }] });
      expect.unreachable();
    } catch (err) {
      expect((err as BuildError).diagnostic).toMatchObject({ code: 'TP022', file: 'book.yaml' });
      expect((err as BuildError).diagnostic.message).toContain('the transcript has 1');
    }
  });
  it('a repair left for review is also an info diagnostic TP021 at its source position', async () => {
    const { readTranscript } = await import('../../scripts/reader/read.ts');
    const r = readTranscript(Buffer.from('标题\n\n王毅：这个问题我们研究研究。'), { speaker: '王毅' });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'TP021', severity: 'info', line: 3, column: 12 })]);
    expect(r.diagnostics[0].hint).toContain('{ find: "王毅：这个问题我们研究研究。", replace: "王毅：这个问题我们研究。" }');
  });
});

