// The one label recogniser (scripts/reader/labels.ts): the shapes real transcripts come in, and the
// colons in prose that are not labels.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { recogniseLabel, repeatedLabels } from '../../scripts/reader/labels.ts';
import { norm } from './support.ts';
import { turns } from '../../scripts/model/walk.ts';
import { readTranscript } from '../../scripts/reader/read.ts';

const ctx = (...principals: string[]) => ({ principals });

describe('labels', () => {
  it.each([
    ['彭博社记者：请问', '王毅', { label: '彭博社记者', name: '彭博社', kind: 'question' }],
    ['“今日俄罗斯”国际通讯社记者：今年是俄中建交75周年。', '王毅', { kind: 'question' }],
    ['香港《南华早报》记者：请问', '王毅', { label: '香港《南华早报》记者', kind: 'question' }],
    ['《中國日報》記者：在新一輪巴以沖突爆發一年之際', '毛寧', { name: '中國日報', kind: 'question' }],
    ['總臺央視記者：據報道', '毛寧', { kind: 'question' }],
    ['有记者问：据报道', '张晓刚', { kind: 'question' }],
    ['问：中方对此有何评论？', '毛宁', { kind: 'question' }],
    ['問：中方對此有何評論？', '毛寧', { kind: 'question' }],
    ['答：我们注意到有关报道。', '毛宁', { name: '毛宁', kind: 'principal' }],
    ['主持人：请提问。', '王毅', { kind: 'moderator' }],
    ['王毅:我们', '王毅', { kind: 'principal', label: '王毅' }],
    // A job title before the name; the book may spell the name in the other script.
    ['十四屆全國人大四次會議新聞發言人婁勤儉：各位媒體朋友', '娄勤俭', { name: '娄勤俭', kind: 'principal' }],
    ['十四屆全國人大四次會議新聞中心主任、全國人大常委會辦公廳新聞局長金晴中：中外記者朋友們', '婁勤儉', { name: '金晴中', kind: 'other' }],
    ['Q: What about', 'Ned Price', { label: 'Q', kind: 'question' }],
    ['Q Does the secretary continue to have full confidence?', 'Geoff Morrell', { label: 'Q', kind: 'question' }],
    ['A: We will see.', 'Ned Price', { name: 'Ned Price', kind: 'principal' }],
    ['QUESTION: Good afternoon.', 'Ned Price', { kind: 'question' }],
    ['MR PRICE: Good afternoon.', 'Ned Price', { name: 'Ned Price', kind: 'principal' }],
    ['MS. PSAKI: Hi everyone.', 'Jen Psaki', { name: 'Jen Psaki', kind: 'principal' }],
    ['MR. SMITH: Thank you', 'Ned Price', { label: 'MR. SMITH', kind: 'other' }],
    ['MODERATOR: Our next question', 'Ned Price', { kind: 'moderator' }],
    ['ACTING SECRETARY OF DEFENSE CHRISTOPHER C. MILLER: Good afternoon.', 'Christopher C. Miller', { name: 'Christopher C. Miller', kind: 'principal' }],
    ['DONALD RUMSFELD, SECRETARY OF DEFENSE: ... has brought', 'Donald Rumsfeld', { kind: 'principal' }],
  ])('%s', (text, principal, expected) => {
    expect(recogniseLabel(text, ctx(principal))).toMatchObject(expected);
  });

  it('a label alone on its line, with or without its colon', () => {
    expect(recogniseLabel('王超：', ctx('婁勤儉'))).toMatchObject({ label: '王超', kind: 'other', alone: true });
    expect(recogniseLabel('王超', ctx('王超'))).toMatchObject({ kind: 'principal', alone: true });
    expect(recogniseLabel('記者', ctx('王超'))).toMatchObject({ kind: 'question', alone: true });
    // A heading line is no label.
    expect(recogniseLabel('新闻热点', ctx('王超'))).toBeNull();
  });

  it('a personal name is a label when the word segmenter reads it as a name, with a title before or after', () => {
    expect(recogniseLabel('张晓刚：你可能问出了大家共同的关切。', ctx('毛宁'))).toMatchObject({ name: '张晓刚', kind: 'other' });
    expect(recogniseLabel('崔大使：事实上，中美合作是唯一正确选择。', ctx('毛宁'))).toMatchObject({ name: '崔大使', kind: 'other' });
    expect(recogniseLabel('立法會主席梁君彥議員：行政長官。', ctx('行政長官'))).toMatchObject({ name: '梁君彥', kind: 'other' });
    expect(recogniseLabel('[李克强]:', ctx('李克强'))).toMatchObject({ kind: 'principal', alone: true });
    expect(recogniseLabel('3、問：請問', ctx('李克强'))).toMatchObject({ kind: 'question' });
    expect(recogniseLabel('（李院長致詞）', ctx('李院長'))).toMatchObject({ kind: 'principal', alone: true });
    // Words are not names, even after a surname character: 明确的, 周边, 高度.
    expect(recogniseLabel('中方立场是明确的：反对', ctx('毛宁'))).toBeNull();
    expect(recogniseLabel('周边：我们', ctx('毛宁'))).toBeNull();
  });
  it('any short label the transcript uses more than once (a transliterated name), but no function word', () => {
    expect(recogniseLabel('斯旺：那好。', ctx('崔大使'))).toBeNull();
    const repeated = repeatedLabels(['斯旺：一？', '崔大使：二。', '斯旺：三？', '首先：四。', '首先：五。']);
    expect(recogniseLabel('斯旺：那好。', { principals: ['崔大使'], repeated })).toMatchObject({ kind: 'other' });
    expect(recogniseLabel('首先：四。', { principals: ['崔大使'], repeated })).toBeNull();
  });

  it.each([
    ['他说：我们', '王毅'], ['王毅表示：中方', '毛宁'], ['我认为，“四个坚持”至关重要：首先', '王毅'],
    ['这里，我还想请大家注意几个新的趋势：', '王毅'], ['首先：我们', '王毅'], ['一是：', '王毅'], ['时间：2011年6月29日', '王毅'],
    ['会议于10:30开始。', '王毅'], ['10:30 a.m. EDT', 'Ned Price'], ['Note: the figures are provisional.', 'Ned Price'],
    ['There are three things: first, the ceasefire.', 'Ned Price'], ['So the question is: what next?', 'Ned Price'],
    ['中方立场是明确的：反对', '毛宁'], ['下午3:00开始', '毛宁'],
  ])('is not fooled by a colon in prose: %s', (text, principal) => {
    expect(recogniseLabel(text, ctx(principal))).toBeNull();
  });

  // Real leads, as published: a university site's (西京网讯, 2019, in a jieba tutorial; 番职网讯, 2015, a
  // site template), a trade wire's (SMM网讯, 北极星储能网讯), an agency's dateline. A name that ends in 讯 stays a name.
  it.each([
    ['西京网讯：10月31日晚，“庆祝中华人民共和国成立70周年暨西京学院建校25周年教职工竹竿舞比赛”举行。'],
    ['番职网讯：（缪志波 报道）12月23日下午，学校6420会议室掌声阵阵，笑语绵绵，'],
    ['SMM网讯：上海期铜价格小幅下跌。'],
    ['北极星储能网讯：2026年9月15日，河北任丘智弘100MW/400MWh新型技术路线磷酸铁锂电池+钠电池独立储能试点项目储能系统设备采购中标结果公示。'],
    ['新华社北京6月12日电：国务院台办12日举行例行新闻发布会。'],
  ])('a news outlet\'s lead before a colon is no label, even where the document\'s convention fits it: %s', (text) => {
    expect(recogniseLabel(text, ctx('朱凤莲'))).toBeNull();
    // The lead above a real briefing (the dev transcript zh-hans-tao-2023-04-26, its colon labels make
    // the convention): the lead is the dateline, not a turn; the briefing's turns stay.
    const briefing = readFileSync(new URL('../corpus/zh-hans-tao-2023-04-26/transcript.txt', import.meta.url), 'utf8').split('\n').slice(4).join('\n');
    const { tree } = norm(`国台办新闻发布会\n\n${text}\n\n${briefing}`, { speaker: '朱凤莲' });
    const labels = turns(tree).map((t) => t.speaker.label);
    expect(labels[0]).toBe('朱凤莲');
    expect(labels.some((l) => /讯|电$/u.test(l))).toBe(false);
  });
  it('a name ending in 讯 is still a label', () => {
    expect(recogniseLabel('张讯：我补充一点。', ctx('陈斌华'))).toMatchObject({ kind: 'other' });
  });

  it('paragraph repair and structure agree: a label paragraph is never joined to the one before', () => {
    const { tree, text } = norm('标题\n\n王超\n\n各位记者朋友，大家好\n\n记者：请问会议何时开始？\n\n王超：好的。', { speaker: '王超' });
    expect(text.split('\n\n')).toHaveLength(5);
    expect(turns(tree).map((t) => [t.kind, t.speaker.label])).toEqual([['remarks', '王超'], ['question', '记者'], ['answer', '王超']]);
  });
});

describe('structure diagnostics', () => {
  const structural = (raw: string, speaker: string) =>
    readTranscript(Buffer.from(raw), { speaker }).diagnostics.filter((d) => /^TP02[345]$/.test(d.code));

  it('TP023: the principal speaker never found, listing the labels that were', () => {
    const d = structural('标题\n\n记者：请问？\n\n毛宁：好的。\n\n记者：还有？\n\n毛宁：没有。', '王毅').filter((x) => x.code === 'TP023');
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('"王毅"');
    expect(d[0].message).toContain('毛宁');
  });
  it('TP024: a label that names no known speaker, with its line', () => {
    const d = structural('标题\n\n王超：现在开始。\n\n记者：请问？\n\n毛宁：好的。\n\n王超：继续。', '毛宁');
    expect(d.map((x) => [x.code, x.line])).toEqual([['TP024', 3]]);
    expect(d[0].message).toContain('王超');
  });
  it('TP025: a question with no answer', () => {
    const d = structural('标题\n\n记者：请问？\n\n记者：还有一个问题？\n\n毛宁：好的。', '毛宁');
    expect(d.map((x) => [x.code, x.line])).toEqual([['TP025', 3]]);
  });
  it('a clean transcript has none of them', () => {
    expect(structural('标题\n\n记者：请问？\n\n毛宁：好的。', '毛宁')).toEqual([]);
  });
});
