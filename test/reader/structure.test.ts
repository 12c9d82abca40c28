import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { norm } from './support.ts';
import { readTranscript } from '../../scripts/reader/read.ts';
import { recogniseLabel } from '../../scripts/reader/labels.ts';
import { englishPhrase } from '../../scripts/reader/structure.ts';

const detectSpeaker = (text: string, principal: string) => recogniseLabel(text, { principals: [principal] });
import { loadBookConfig } from '../../scripts/config/load.ts';
import { sections, turns, paragraphs, titleText } from '../../scripts/model/walk.ts';
import { SEED } from '../helpers.ts';

describe('speaker labels', () => {
  it.each([
    ['彭博社记者：请问', { label: '彭博社记者', name: '彭博社', kind: 'question' }],
    ['《人民日报》记者：请问', { label: '《人民日报》记者', name: '人民日报', kind: 'question' }],
    ['CGTN记者:请问', { label: 'CGTN记者', name: 'CGTN', kind: 'question' }],
    ['王毅：我们', { label: '王毅', name: '王毅', kind: 'principal' }],
    ['Q: What about', { label: 'Q', kind: 'question' }],
    ['MR. SMITH: Thank you', { label: 'MR. SMITH', kind: 'other' }],
  ])('%s', (text, expected) => {
    expect(detectSpeaker(text, '王毅')).toMatchObject(expected);
  });
  it.each(['我认为，“四个坚持”至关重要：首先', '这里，我还想请大家注意几个新的趋势：', '首先：我们'])('is not fooled by a colon in prose: %s', (text) => {
    expect(detectSpeaker(text, '王毅')).toBeNull();
  });
});

describe('structure', () => {
  it('recovers title, dateline, turns and sections; paragraphs follow their label until the next', () => {
    const { tree } = norm('会议实录\n\n据新华社北京3月7日电 会议举行。\n\n彭博社记者：问题一？\n\n王毅：回答一。\n\n回答一的第二段。\n\n新华社记者：问题二？\n\n王毅：回答二。');
    expect(titleText(tree)).toBe('会议实录');
    expect(tree.children.map((c) => c.type)).toEqual(['title', 'dateline', 'section', 'section']);
    const [s1] = sections(tree);
    expect(s1.children.map((t) => [t.kind, t.speaker.label, t.children.length])).toEqual([['question', '彭博社记者', 1], ['answer', '王毅', 2]]);
  });
  it('takes section headings from book.yaml and defaults to the outlet and topic', () => {
    const { tree } = norm('实录\n\n3月7日，王毅举行记者会。\n\n彭博社记者：中美关系的前景如何？\n\n王毅：很好。\n\n新华社记者：南海问题怎么看？\n\n王毅：很好。', { sections: [{ question: 2, heading: '南海问题' }] });
    const [a, b] = sections(tree);
    expect(a.headingSource).toBe('auto');
    expect(a.heading.startsWith('彭博社：')).toBe(true);
    expect(b).toMatchObject({ heading: '南海问题', headingSource: 'book' });
  });
  it('builds plain prose without speaker labels', () => {
    const { tree } = norm('一篇文章\n\n第一段。\n\n第二段。');
    expect(tree.children.map((c) => c.type)).toEqual(['title', 'dateline', 'paragraph']);
  });
  it('reads English labels', () => {
    const { tree } = norm('Press briefing\n\nQ: What is the plan?\n\nMR. SMITH: We will see.', { speaker: 'MR. SMITH' });
    expect(turns(tree).map((t) => t.kind)).toEqual(['question', 'answer']);
  });
  it('keeps positions into the raw source on every paragraph', () => {
    const raw = readFileSync(`${SEED}/transcript.txt`);
    const r = readTranscript(raw, { speaker: '王毅' });
    const lines = raw.toString('utf8').split('\n');
    for (const p of paragraphs(r.tree)) {
      const { line, column } = p.position!.start;
      const text = p.children[0].type === 'text' ? p.children[0].value : '';
      // The first character of each paragraph sits where its position says (ASCII punctuation
      // aside, which normalisation widened).
      expect(lines[line - 1][column - 1], `${p.id} at ${line}:${column}`).toBe(text[0].replace('，', ',').replace('：', ':'));
    }
  });
});

describe('the seed transcript', () => {
  const config = loadBookConfig(`${SEED}/book.yaml`);
  const r = readTranscript(readFileSync(`${SEED}/transcript.txt`), config);
  const text = r.blocks.join('\n');
  it('has 15 question-and-answer sections with the editor\'s headings', () => {
    expect(sections(r.tree)).toHaveLength(15);
    expect(sections(r.tree)[3].heading).toBe('中美关系');
  });
  it('repairs every defect the issue names', () => {
    expect(text).toContain('共同恪守联合国宪章宗旨和原则');
    expect(text).not.toMatch(/\n益。/);
    expect(text).toContain('始终愿与');
    expect(text).toContain('中越结成');
    expect(text).toContain('冷战残余犹存');
    expect(text).toContain('怎么看待');
    expect(text.match(/在关系人类前途命运问题上旗帜鲜明/g)).toHaveLength(1);
    expect(text).not.toMatch(/[\p{Script=Han}][,:;?!]|[,:;?!][\p{Script=Han}]/u);
    expect(text).toContain('中国—中亚峰会');
  });
  it('keeps numbers and Latin runs', () => {
    for (const s of ['5.2%', '2400亿美元', 'CGTN记者', '3月7日', '1.7万列']) expect(text).toContain(s);
  });
  it('leaves no applied change without a source position', () => {
    for (const c of r.changes) expect(c.line).toBeGreaterThan(0);
  });
});

describe('section headings from a question', () => {
  // Seen on the pages of the hearing en-chrg-2009-02-24 (issue 20): the senator's courtesy to the chair
  // made the heading `Mr. Chairman`; the heading is the first sentence that names a topic.
  it('passes over courtesies to the first sentence of substance', () => {
    const turn = 'Thank you, Mr. Chairman. Thank you, Mr. Chairman. First question, it is clear one of the key problems over the past few years has been excessive risk taken by financial institutions.';
    expect(englishPhrase(turn)).toBe('First question, it is clear one of the key problems over the…');
    expect(englishPhrase('Thanks, Karine. Three subjects. First, since you mentioned Ukraine in your topper, Russian President Vladimir Putin says Ukrainian forces have suffered losses.')).toMatch(/^First, since you mentioned Ukraine/);
    // A space before the stop (French typography, a question broken off with a dash) is no part of the heading.
    expect(englishPhrase('Et sur les retraites, que dites-vous aux syndicats ?')).toBe('Et sur les retraites, que dites-vous aux syndicats');
    expect(englishPhrase('Does he plan to get in touch with — ?')).toBe('Does he plan to get in touch with —');
    // A turn that is only a courtesy still gets its words.
    expect(englishPhrase('Thank you very much, Mr. Chairman.')).toBe('Very much, Mr. Chairman');
  });
});
