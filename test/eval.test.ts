// The reader's quality targets on the project's own evaluation set (test/eval/): error reduction
// on corrupted text ≥ 95 %, and not one character changed on clean text.
import { describe, it, expect } from 'vitest';
import { evaluate } from './eval/evaluate.ts';
import { corrupt, editDistance } from './eval/corrupt.ts';

describe('evaluation set', () => {
  const results = evaluate(Array.from({ length: 20 }, (_, i) => i + 1), 10);
  it.each(results.map((r) => [r.corpus, r] as const))('%s: clean text is left exactly as it is', (_name, r) => {
    expect(r.cleanChanged).toBe(0);
  });
  it.each(results.map((r) => [r.corpus, r] as const))('%s: error reduction is at least 95 %%', (_name, r) => {
    expect(r.before).toBeGreaterThan(100); // the generator really corrupted something
    expect(r.errorReduction).toBeGreaterThanOrEqual(0.95);
  });
  it('the generator is deterministic and the distance is a real edit distance', () => {
    expect(corrupt('标题\n\n我们走，他们来。我们走，他们来。', { seed: 7, rate: 50, language: 'zh' }).text)
      .toBe(corrupt('标题\n\n我们走，他们来。我们走，他们来。', { seed: 7, rate: 50, language: 'zh' }).text);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('始终愿愿与', '始终愿与')).toBe(1);
  });
});
