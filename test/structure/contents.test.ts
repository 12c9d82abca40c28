// What the contents list (issue 20): the document's parts, not every question. A run of questions whose
// headings were made up from their first words is one `Questions and Answers` entry; follow-ups and
// interjections stay in their question's section.
import { describe, it, expect } from 'vitest';
import { readTranscript } from '../../scripts/reader/index.ts';
import { sections } from '../../scripts/model/walk.ts';
import { contentsHeadings } from '../../scripts/render/variables.ts';

const NBSP = '\u00a0';
const Q = `Q${NBSP}${NBSP}${NBSP} `;
const briefing = [
  'Press Briefing', '',
  `MS. JEAN-PIERRE:${NBSP} Good afternoon, everybody. Today the President signed an order on housing.`, '',
  `${Q}Thank you. The House passed a bill on the budget today. Will the President veto it?`, '',
  `MS. JEAN-PIERRE:${NBSP} He has been clear that he would.`, '',
  `${Q}Karine —`, '',
  `${Q}— and would he meet the Speaker before the vote?`, '',
  `MS. JEAN-PIERRE:${NBSP} Not this week.`, '',
  `${Q}On Sudan, how many Americans are still waiting to leave the country this week?`, '',
  `MS. JEAN-PIERRE:${NBSP} A few hundred have asked for help.`, '',
].join('\n');

describe('contents of a long question session', () => {
  it('a follow-up and an interjection stay in the question they follow', () => {
    const tree = readTranscript(Buffer.from(briefing), { speaker: 'MS. JEAN-PIERRE', language: 'en' }).tree;
    const list = sections(tree);
    expect(list.map((s) => [s.role, s.children.filter((t) => t.kind === 'question').length])).toEqual([['remarks', 0], ['question', 3], ['question', 1]]);
    const entries = contentsHeadings(list, 'Questions and Answers');
    expect(entries.map((e) => e.contents)).toEqual(['Opening Remarks: Ms. Jean-Pierre', 'Questions and Answers', null]);
  });
  it('headings the editor wrote are listed, each one (the editor numbers every question, follow-ups too)', () => {
    const tree = readTranscript(Buffer.from(briefing), { speaker: 'MS. JEAN-PIERRE', language: 'en', sections: [{ question: 1, heading: 'The budget' }, { question: 2, heading: 'Karine' }, { question: 3, heading: 'The Speaker' }, { question: 4, heading: 'Sudan' }] }).tree;
    const entries = contentsHeadings(sections(tree), 'Questions and Answers');
    expect(entries.map((e) => e.contents)).toEqual(['Opening Remarks: Ms. Jean-Pierre', 'The budget', 'Karine', 'The Speaker', 'Sudan']);
    expect(entries.map((e) => e.contents)).not.toContain('Questions and Answers');
  });
});
