// The failures issue 11 found on real transcripts, and the damage it found left in them, as unit
// cases; each legitimate double is kept by a mechanism (see scripts/reader/dedupe.ts), not a word list.
import { describe, it, expect } from 'vitest';
import { body } from './support.ts';

const applied = (r: ReturnType<typeof body>) => r.changes.filter((c) => c.applied);

describe('legitimate doubles in real transcripts stay', () => {
  it.each([
    // greetings and reduplication
    ['謝謝主持人。謝謝您的提問。', 'zh-Hant'],
    ['谢谢。我们愿同各方一道，推动合作。', 'zh-Hans'],
    // words meeting: a word ends with the character the next begins with
    ['全國人大常委會辦公廳新聞局局長金晴中主持記者會。', 'zh-Hant'],
    ['財政部部長藍佛安、中國人民銀行行長潘功勝出席記者會。', 'zh-Hant'],
    ['财政部部长蓝佛安、中国人民银行行长潘功胜出席记者会。', 'zh-Hans'],
    ['他从陕西西安出发，谈到关税税则和真理教教主的问题。', 'zh-Hans'],
    // a localiser, particle or preposition before a word that begins with it
    ['我们对在这次事故中中国同胞遇难深感悲痛。', 'zh-Hans'],
    ['我们还有有关方面的意见，在在场的记者中也有人问到。', 'zh-Hans'],
    // numerals and plan names
    ['今年是“十五五”开局之年。“十五五”规划纲要草案备受关注。', 'zh-Hans'],
    ['今年是「十五五」開局之年，也是“十四五”收官之後。', 'zh-Hant'],
    ['一一列举，三三两两。', 'zh-Hans'],
    // verbs that reduplicate, a modal after a word ending in the same character
    ['你可否说说这是否属实？而且还能问问题。', 'zh-Hans'],
    ['经济委员会会做详实的研究。', 'zh-Hans'],
    // a transliterated name
    ['同蒙外长巴特策策格举行会谈。', 'zh-Hans'],
  ])('%s', (s, language) => {
    const r = body(s, { language });
    expect(r.text).toBe(s);
    expect(applied(r)).toEqual([]);
  });
});

describe('the damage left in real text is repaired', () => {
  it.each([
    ['截至目截至目前，中方已派出工作组。', '截至目前，中方已派出工作组。'],
    ['我们对美对美方的做法表示关切。', '我们对美方的做法表示关切。'],
    ['这完全符合两合两国人民的根本利益。', '这完全符合两国人民的根本利益。'],
    ['中国的大门是敞开是敞开的。', '中国的大门是敞开的。'],
    ['双方要加强友好交好交流。', '双方要加强友好交流。'],
    ['首先向大家通报一组数字：根据卫生健康委今天发布的统计数字，根据卫生健康委今天发布的统计数字，根据卫生健康委今天发布的统计数字，境内新增治愈病例1846例。',
      '首先向大家通报一组数字：根据卫生健康委今天发布的统计数字，境内新增治愈病例1846例。'],
  ])('%s', (input, expected) => {
    const r = body(input, { language: 'zh-Hans' });
    expect(r.text).toBe(expected);
    expect(applied(r).every((c) => c.confidence >= 0.95)).toBe(true);
  });
  it('repairs Traditional text through its Simplified reading, editing its own characters', () => {
    const r = body('我們始終願願與美方加強對話溝通，中國的大門是敞開是敞開的。', { language: 'zh-Hant' });
    expect(r.text).toBe('我們始終願與美方加強對話溝通，中國的大門是敞開的。');
  });
  it('lists a doubtful double for review with the correction ready to paste', () => {
    const r = body('这个问题正正属于我们要研究的范围。', { language: 'zh-Hans' });
    expect(r.text).toBe('这个问题正正属于我们要研究的范围。');
    const w = body('这个问题我们研究研究。', { language: 'zh-Hans' });
    const c = w.changes.find((x) => x.rule === 'dup-word')!;
    expect(c).toMatchObject({ applied: false, before: '研究', after: '' });
  });
});

describe('English', () => {
  it('never changes white space next to quotes or other Latin punctuation', () => {
    for (const s of ['I won’t say what “anomalous activity” is?', 'He said “no” — and left.', 'It’s the ‘best’ deal (for now) , they said.']) {
      expect(body(s, { language: 'en' }).text).toBe(s);
    }
  });
  it('keeps what the speaker said by default, repetition included', () => {
    for (const s of ['It was really, really hard.', 'Yeah, yeah, yeah.', 'And it is – it is – it is — a question of will.', 'We’re committed -- to -- to the Congress.']) {
      const r = body(s, { language: 'en' });
      expect(r.text).toBe(s);
      expect(applied(r)).toEqual([]);
    }
  });
  it('tidies speech repetition only when book.yaml asks for style: edited', () => {
    expect(body('Yeah, yeah, yeah.', { language: 'en', style: 'edited' }).text).toBe('Yeah.');
  });
  it('repairs typed doubles of content words in every style; a function word said twice is speech', () => {
    expect(body('We went to the market market.', { language: 'en' }).text).toBe('We went to the market.');
    expect(body('We went to to the the market.', { language: 'en' }).text).toBe('We went to to the the market.');
    expect(body('We went to the the market.', { language: 'en', style: 'edited' }).text).toBe('We went to the market.');
    expect(body('I think that that is right, and he had had enough.', { language: 'en' }).text).toBe('I think that that is right, and he had had enough.');
  });
});

describe('the change report says how sure it is in plain words, in the book’s language', () => {
  it.each([
    ['zh-Hans', '中国的大门是敞开是敞开的。', '几乎确定'],
    ['zh-Hant', '中國的大門是敞開是敞開的。', '幾乎確定'],
    ['en', 'We went to the market market.', 'almost certain'],
  ])('%s', async (language, text, word) => {
    const { buildReport, reportHtml } = await import('../../scripts/writers/report.ts');
    const { loadStrings, defaultStringsSet } = await import('../../scripts/lang/strings.ts');
    const r = body(text, { language });
    const report = buildReport('b', 'transcript.txt', '0', r.changes, language);
    const repair = report.changes.find((c) => c.applied && c.rule.startsWith('dup-'))!;
    expect(repair.certainty).toBe(word);
    // A doubled character with less evidence says so (0.956: likely, not almost certain).
    const likely = buildReport('b', 't', '0', body('我们始终愿愿与美方加强对话沟通。').changes, 'zh-Hans').changes.find((c) => c.rule === 'dup-char')!;
    expect([likely.applied, likely.certainty]).toEqual([true, '很可能']);
    const html = reportHtml(report, { title: 't', lang: language, strings: loadStrings(defaultStringsSet(), language) });
    expect(html).toContain(word);
    expect(html).not.toMatch(/gain \d/);
    // The rules' descriptions are in the book's language too: no English words in a Chinese report.
    expect(html).toMatch({ 'zh-Hans': /<td>删除重复的/, 'zh-Hant': /<td>刪除重複的/, en: /<td>doubled \w+ removed<\/td>/ }[language]!);
    if (language !== 'en') expect(html).not.toMatch(/removed|normalised|made full-width/);
  });
});

describe('without a language in book.yaml the reader detects it', () => {
  it('reads Traditional text as Traditional and keeps its legitimate doubles', async () => {
    const { readTranscript } = await import('../../scripts/reader/read.ts');
    const text = '記者會實錄\n\n主持人：謝謝。新聞局局長、財政部部長和中國人民銀行行長出席記者會。\n';
    const r = readTranscript(Buffer.from(text), { speaker: '主持人' });
    expect(r.language).toBe('zh-Hant');
    expect(r.changes.filter((c) => c.applied)).toEqual([]);
    const en = readTranscript(Buffer.from('Briefing\n\nMR MILLER: I won’t say what “anomalous activity” is? Really, really.\n'), { speaker: 'MR MILLER' });
    expect(en.language).toBe('en');
    expect(en.blocks[1]).toBe('MR MILLER: I won’t say what “anomalous activity” is? Really, really.');
  });
});
