// Roles by position in the dialogue (issue 20), on the dev hearings and debates, whoever book.yaml names:
// the chair or host moderates, a member who asks questions, a witness who answers answers, however
// briefly. Each transcript is read with a book.yaml of `speaker:` only (as the held-out evaluation
// gives it) naming its own principal, the golden chair (the annotator's moderator,
// a source-side fact) or someone who never speaks. Expected roles are the golden files'
// (annotate-shape.mjs), never the product's. The test split is measured by scripts/eval/structure.ts only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { goldenCases, goldenRoots, scoreCaseAs, type PrincipalChoice } from '../../scripts/fixtures/structure.ts';
import { projectRoot } from '../../scripts/render/templates.ts';

const hearings = goldenCases(goldenRoots(projectRoot)).filter((dir) => {
  const e = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { split?: string; shape?: string; turns: unknown[] };
  return e.split === 'dev' && e.shape === 'hearing' && e.turns.length >= 10;
});

describe('roles by position in the dialogue (dev hearings)', () => {
  it('has the dev hearings to read', () => expect(hearings.map((d) => d.split('/').at(-1))).toEqual(['en-chrg-2008-02-28', 'en-chrg-2008-07-16']));
  // Before: with the chair named, every witness's and member's turn of en-chrg-2008-07-16 was read as
  // the moderator's (19 of 19 roles wrong), and the chair's as remarks; naming nobody, 15 of 19.
  it.each(['minimal', 'chair', 'nobody'] as PrincipalChoice[])('speaker: %s — a witness answers, a member asks, the chair moderates', (choice) => {
    for (const dir of hearings) {
      const s = scoreCaseAs(dir, choice)!;
      // The one role left: the excerpt opens with the witness going on with an answer to a question
      // the excerpt does not hold, read as his remarks.
      const wrong = s.wrongRoles.filter((w) => !(w.line === 1 && w.expected === 'answer' && w.found === 'remarks'));
      expect(wrong, `${s.id} with ${choice}`).toEqual([]);
      expect(s.falseTurns).toEqual([]);
    }
  });
  it('the opening heading describes the turn it stands above, not the chair who speaks later', () => {
    const s = scoreCaseAs(hearings.find((d) => d.endsWith('en-chrg-2008-07-16'))!, 'chair')!;
    const first = s.result.sections[0];
    expect(first.turns[0]).toBe(1);
    expect(first.heading).toBe('Opening Remarks: Mr. Bernanke');
  });
  it('a Speaker\'s rulings open no member\'s remarks: the heading names nobody (dev en-hansard-2013-02-04)', () => {
    const s = scoreCaseAs(join(projectRoot, 'test/corpus/en-hansard-2013-02-04'), 'minimal')!;
    expect(s.result.turns.slice(0, 2).map((t) => t.role)).toEqual(['moderator', 'moderator']);
    expect(s.result.sections[0].heading).toBe('Opening Remarks');
  });
});
