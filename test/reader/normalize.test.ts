import { describe, it, expect } from 'vitest';
import { body, norm } from './support.ts';

describe('punct-width', () => {
  it('makes ASCII , : ; ? ! next to Chinese full-width', () => {
    expect(body('今年是俄中建交75周年,双边关系:很好;是吗?是!').text).toBe('今年是俄中建交75周年，双边关系：很好；是吗？是！');
  });
  it('keeps ASCII inside numbers and Latin runs', () => {
    expect(body('增速为5.2%,贸易额2400亿美元,共1,000项。CGTN记者说:“好。”').text).toBe('增速为5.2%，贸易额2400亿美元，共1,000项。CGTN记者说：“好。”');
    expect(body('He said: yes, no; maybe? Fine! (ok)').text).toBe('He said: yes, no; maybe? Fine! (ok)');
  });
  it('keeps 3月7日 and time 3:00 intact', () => {
    expect(body('3月7日,会议于3:00开始。').text).toBe('3月7日，会议于3:00开始。');
  });
  it('makes parentheses around Chinese full-width as a pair', () => {
    expect(body('外交部长(王毅)说话。').text).toBe('外交部长（王毅）说话。');
  });
  it('records each change with its source line and column', () => {
    const { changes } = norm('标题\n\n第一句,第二句。');
    const c = changes.find((x) => x.rule === 'punct-width')!;
    expect([c.line, c.column, c.before, c.after]).toEqual([3, 4, ',', '，']);
  });
});

describe('cjk-joiner', () => {
  it('turns an ASCII hyphen between Chinese names into the house dash (default —)', () => {
    expect(body('中国-中亚峰会和澜沧江-湄公河合作。').text).toBe('中国—中亚峰会和澜沧江—湄公河合作。');
  });
  it('follows book.yaml cjkJoiner', () => {
    expect(body('中国-中亚峰会。', { cjkJoiner: '–' }).text).toBe('中国–中亚峰会。');
  });
  it('leaves hyphens in Latin words and numbers', () => {
    expect(body('COVID-19疫情和2023-2024年度。').text).toBe('COVID-19疫情和2023-2024年度。');
  });
});

describe('ellipsis, dash, quotes, white space, NFC', () => {
  it('normalises ellipses and dashes in Chinese text', () => {
    expect(body('他说...我们走吧。').text).toBe('他说……我们走吧。');
    expect(body('这是--我们的立场。').text).toBe('这是——我们的立场。');
  });
  it('makes straight quotes curly and balanced', () => {
    expect(body('推动"一带一路"建设。').text).toBe('推动“一带一路”建设。');
  });
  it('reports unbalanced quotation marks for review without changing them', () => {
    const r = body('推动“一带一路建设。');
    expect(r.text).toBe('推动“一带一路建设。');
    expect(r.changes.some((c) => c.rule === 'quotes-unbalanced' && !c.applied)).toBe(true);
  });
  it('removes stray spaces in Chinese sentences but keeps the spaces typesetting uses on purpose', () => {
    expect(body('我们 将 推动 合作。').text).toBe('我们将推动合作。');
    expect(body('我们将推 动合作。').text).toBe('我们将推动合作。');
    expect(body('我们 ，将推动合作 。').text).toBe('我们，将推动合作。');
    expect(body('据新华社北京3月7日电 3月7日，会议举行。').text).toBe('据新华社北京3月7日电 3月7日，会议举行。');
    // Real transcripts: a byline, a photo credit before the dateline, a heading, the respect space.
    for (const s of ['中新社北京3月6日电（记者 张晓曦 陈建新）国务院台办例行新闻发布会6日举行。',
      '（中評社 海涵攝） 中評社北京11月28日電，國防部舉行例行記者會。', '壹、 主委致詞',
      '中華民國憲法是依據國父 孫中山先生遺教制定，在先總統 蔣公領導下實施。', '实现目标有坚实基础 货币政策仍适度宽松']) {
      expect(body(s).text).toBe(s);
    }
  });
  it('never changes white space in Latin text', () => {
    for (const s of ['I am not going to say what “anomalous activity” is?', 'He called it “unprecedented for decades.”  He even congratulated them.',
      'It\u2019s the \u2018best\u2019 deal , they said .', 'Mr.\u00A0Smith said (again) that it was "fine".']) {
      expect(body(s).text).toBe(s);
    }
  });
  it('composes to NFC', () => {
    expect(body('Cafe\u0301 и 咖啡。').text).toBe('Caf\u00e9 и 咖啡。');
  });
  it('removes doubled commas', () => {
    expect(body('我们，，他们。').text).toBe('我们，他们。');
  });
});
