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
