// Section ends in print (scripts/render/ends.ts): which section ends stand on 1–3 lines of their own
// page, and which paragraph the print loop pulls onto that page; the lines read back from pdftotext's
// -bbox-layout (scripts/pdf/page-lines.ts). Pure functions on a small body and hand-made page lines; the
// seed's own case (1 line of 世界多极化 on p. 19 before) is checked on the built PDF by test/pdf.test.ts.
import { describe, it, expect } from 'vitest';
import { h } from 'hastscript';
import type { Root } from 'hast';
import { runsOf, shortEnds, withPulls, PULL_CLASS } from '../scripts/render/ends.ts';
import { parseBboxLayout } from '../scripts/pdf/page-lines.ts';
import { TRIMS } from '../scripts/pdf/layout.ts';
import { runningHead } from '../scripts/render/lines.ts';

const para = (id: string, chars: number) => h('p', { id }, '字'.repeat(chars));
const body: Root = {
  type: 'root',
  children: [
    h('p', { id: 'd', className: ['dateline'] }, '2024年3月7日'),
    h('section', { id: 's1', className: ['qa'] }, [h('h2', { id: 's1-h' }, '中欧关系'),
      h('div', { className: ['turn'] }, [para('p1', 100), para('p2', 120), para('p3', 50), para('p4', 80)])]),
    h('section', { id: 's2', className: ['qa'] }, [h('h2', { id: 's2-h' }, '台湾问题'), h('div', { className: ['turn'] }, [para('p5', 60)])]),
  ],
};
const lines = (n: number, first = '字字字') => Array.from({ length: n }, (_, i) => ({ text: i === 0 ? first : '字字字' }));

describe('section ends (render/ends.ts)', () => {
  const runs = runsOf(body, '标题');
  it('reads the lead and each section with its paragraphs and estimated lines', () => {
    expect(runs.map((r) => [r.id, r.heading, r.paragraphs])).toEqual([['body', '标题', ['d']], ['s1', '中欧关系', ['p1', 'p2', 'p3', 'p4']], ['s2', '台湾问题', ['p5']]]);
    expect(runs[1].sizes.get('p2')).toBe(5);
  });

  it('finds a section whose end holds one line of a page before the next section opens a page, and pulls enough paragraphs over', () => {
    // s1 begins on page 4; p4 (3 lines) runs from page 5 onto page 6 with one line; s2 opens page 7.
    const page = new Map(Object.entries({ body: 3, d: 3, s1: 4, p1: 4, p2: 4, p3: 5, p4: 5, s2: 7, note: 8 }));
    const pageLines = [[], [], lines(3), lines(20), lines(24), lines(1), lines(4, '台湾问题')];
    const ends = shortEnds(runs, 'note', (id) => page.get(id), pageLines);
    // p4 alone (3 lines) would leave page 6 with 3: p3 comes too.
    expect(ends).toEqual([{ run: 's1', page: 6, lines: 1, pull: 'p3' }]);
  });

  it('counts the lines above the next heading when sections share a page, and leaves 4 lines alone', () => {
    const page = new Map(Object.entries({ body: 3, d: 3, s1: 3, p1: 3, p2: 3, p3: 4, p4: 4, s2: 4, note: 5 }));
    const shared = (above: number) => [[], [], lines(20), [...lines(above), { text: '台湾问题' }, ...lines(3)]];
    expect(shortEnds(runs, 'note', (id) => page.get(id), shared(2))).toEqual([{ run: 's1', page: 4, lines: 2, pull: 'p2' }]);
    expect(shortEnds(runs, 'note', (id) => page.get(id), shared(4))).toEqual([]);
  });

  it('never pulls the first paragraph under a heading, and ignores a section that ends on the page it began', () => {
    const page = new Map(Object.entries({ body: 3, d: 3, s1: 4, p1: 4, p2: 5, p3: 5, p4: 5, s2: 6, note: 7 }));
    const ends = shortEnds(runs, 'note', (id) => page.get(id), [[], [], lines(2), lines(24), lines(2), lines(5)]);
    expect(ends).toEqual([{ run: 's1', page: 5, lines: 2, pull: undefined }]);
  });

  it('marks the pulled paragraphs for print.css, leaving the body it was given as it was', () => {
    const pulled = withPulls(body, new Set(['p3']));
    const classesOf = (root: Root, id: string): unknown => {
      let found: unknown;
      const visit = (n: Root['children'][number] | Root) => {
        if (n.type === 'element' && n.properties?.id === id) found = n.properties.className;
        if ('children' in n) n.children.forEach((c) => visit(c as Root['children'][number]));
      };
      visit(root);
      return found;
    };
    expect(classesOf(pulled, 'p3')).toEqual([PULL_CLASS]);
    expect(classesOf(body, 'p3')).toBeUndefined();
  });
});

describe('type-area lines (pdf/page-lines.ts)', () => {
  it('keeps the lines inside the type area, one per baseline, and leaves out the running head and the folio', () => {
    const line = (y: number, ...words: string[]) => `<line xMin="57" yMin="${y}" xMax="300" yMax="${y + 15}">${words.map((w) => `<word xMin="0" yMin="${y}" xMax="1" yMax="${y + 15}">${w}</word>`).join('')}</line>`;
    const xhtml = `<doc><page width="419.5" height="595.3">${line(28.5, '世界多极化')}${line(52, '球产业链')}${line(53.5, 'A&amp;B')}${line(70, '第二行')}${line(550.8, '19')}</page></doc>`;
    expect(parseBboxLayout(xhtml, TRIMS.A5)).toEqual([[{ text: '球产业链 A&B', top: 52 }, { text: '第二行', top: 70 }]]);
  });
});

describe('running heads (render/lines.ts runningHead)', () => {
  it('keeps a head that fits on one line and cuts a long one after a word, with an ellipsis', () => {
    expect(runningHead('中共中央政治局委员、外交部长王毅就中国外交政策和对外关系回答中外记者提问', 'zh-Hans')).toBe('中共中央政治局委员、外交部长王毅就中国外交政策和对外关系回答中外记者提问');
    const long = 'Press Gaggle by Press Secretary Karine Jean-Pierre and National Security Communications Advisor John Kirby En Route Philadelphia, PA';
    const head = runningHead(long, 'en');
    expect(head.endsWith('…')).toBe(true);
    expect(long.startsWith(head.slice(0, -1))).toBe(true);
    expect(long[head.length - 1]).toBe(' ');
  });
});
