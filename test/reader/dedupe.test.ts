import { describe, it, expect } from 'vitest';
import { body } from './support.ts';

describe('legitimate reduplication and word boundaries stay untouched', () => {
  const legit = [
    '您能否谈谈中国斡旋外交的成功之道？', '双方的共同利益远远大于分歧。', '迟迟不予纠正。', '往往会恶化升级。',
    '带来实实在在的好处。', '取得累累硕果。', '一批批合作项目加快了区域增长。', '俄罗斯天然气进入中国千家万户。',
    '越来越多的人开始担心。', '人人都有责任。', '对外工作作出全面部署。', '大家看看这个问题。', '我们要好好学习。',
    '一个个项目落地。', '把家园建设得干干净净。', '哈哈哈，大家都笑了。',
  ];
  it.each(legit)('%s', (s) => {
    const r = body(s);
    expect(r.text).toBe(s);
    expect(r.changes.filter((c) => c.applied)).toEqual([]);
  });
});

describe('doubled characters that make no word are removed', () => {
  it.each([
    ['我们始终愿愿与美方加强对话沟通。', '我们始终愿与美方加强对话沟通。'],
    ['中越越结成为具有战略意义的命运共同体。', '中越结成为具有战略意义的命运共同体。'],
    ['就是冷战残余余犹存，始终未能建立起和平机制。', '就是冷战残余犹存，始终未能建立起和平机制。'],
    ['怎么看看待有的欧洲国家未能加入？', '怎么看待有的欧洲国家未能加入？'],
  ])('%s', (input, expected) => {
    const r = body(input);
    expect(r.text).toBe(expected);
    const c = r.changes.find((x) => x.rule === 'dup-char')!;
    expect(c.applied).toBe(true);
    expect(c.confidence).toBeGreaterThan(0.9);
  });
});

describe('doubled words', () => {
  it('removes a doubled noun; a pronoun said twice is speech: listed in verbatim, tidied in edited', () => {
    expect(body('双方要加强合作合作，推动发展。').text).toBe('双方要加强合作，推动发展。');
    const r = body('我们我们将推动合作。');
    expect(r.text).toBe('我们我们将推动合作。');
    expect(r.changes.find((c) => c.rule === 'dup-word')).toMatchObject({ applied: false, before: '我们' });
    expect(body('我们我们将推动合作。', { style: 'edited' }).text).toBe('我们将推动合作。');
  });
  it('lists a doubled two-character verb for review (研究研究 may be on purpose)', () => {
    const r = body('这个问题我们研究研究。');
    expect(r.text).toBe('这个问题我们研究研究。');
    expect(r.changes.find((c) => c.rule === 'dup-word')?.applied).toBe(false);
  });
  it('lists "the the" in verbatim, tidies it in edited, and keeps "that that" and "had had" in both', () => {
    expect(body('We went to the the market.').text).toBe('We went to the the market.');
    expect(body('We went to the the market.', { style: 'edited' }).text).toBe('We went to the market.');
    expect(body('We went to the market market.').text).toBe('We went to the market.');
    expect(body('I think that that is right, and he had had enough.', { style: 'edited' }).text).toBe('I think that that is right, and he had had enough.');
    expect(body('I think that that is right, and he had had enough.').text).toBe('I think that that is right, and he had had enough.');
  });
});

describe('repeated clauses', () => {
  it('removes a Chinese clause copied three times (kept once, last punctuation kept)', () => {
    const s = '在关系广大发展中国家旗帜鲜明，在关系人类前途命运问题上旗帜鲜明，在关系人类前途命运问题上旗帜鲜明，在关系人类前途命运问题上旗帜鲜明。';
    const r = body(s);
    expect(r.text).toBe('在关系广大发展中国家旗帜鲜明，在关系人类前途命运问题上旗帜鲜明。');
    expect(r.changes.find((c) => c.rule === 'dup-clause')).toMatchObject({ applied: true, note: 'clause repeated 3 times' });
  });
  it('repairs a long English sentence copied three times even in verbatim style', () => {
    const s = 'We will keep working with our partners on this. We will keep working with our partners on this. We will keep working with our partners on this. Thank you.';
    expect(body(s, { style: 'verbatim' }).text).toBe('We will keep working with our partners on this. Thank you.');
  });
});

describe('speech-like repetition follows style', () => {
  const speech = ['It was really, really hard.', 'Yeah, yeah, yeah.', 'And it is – it is – it is — a question of will.', 'Go – go ahead.', 'We must act now. We must act now.'];
  it.each(speech)('verbatim keeps: %s', (s) => {
    expect(body(s, { style: 'verbatim' }).text).toBe(s);
  });
  it('edited removes stutters and restarts', () => {
    expect(body('Go – go ahead.', { style: 'edited' }).text).toBe('Go ahead.');
    expect(body('Yeah, yeah, yeah.', { style: 'edited' }).text).toBe('Yeah.');
    expect(body('And it is – it is – it is — a question of will.', { style: 'edited' }).text).toBe('And it is — a question of will.');
  });
});
