// Section ends in print (scripts/render/ends.ts): which section ends stand on 1–3 lines of their own
// page, and which paragraph the print loop pulls onto that page; the lines read back from pdftotext's
// -bbox-layout (scripts/pdf/page-lines.ts). Pure functions on a small body and hand-made page lines; the
// seed's own case (1 line of 世界多极化 on p. 19 before) is checked on the built PDF by test/pdf.test.ts.
import { describe, it, expect } from 'vitest';
import { h } from 'hastscript';
import type { Root } from 'hast';
import { endKeeps, endMark, indexLines, indexPull, noteRunsOn, runsOf, shortEnds, shortEndsOf, withEndMarks, withIndexPull, withEndKeeps, withPulls, PULL_CLASS } from '../scripts/render/ends.ts';
import { marksEndOf, type Marks } from '../scripts/pdf/marks.ts';
import { toHtml } from 'hast-util-to-html';
import { printIndexTree } from '../scripts/index/render.ts';
import type { Element } from 'hast';
import { parseBboxLayout } from '../scripts/pdf/page-lines.ts';
import { TRIMS } from '../scripts/pdf/layout.ts';
import { estimatePages } from '../scripts/pdf/estimate.ts';
import { breakUnits, runningHead, titleUnits } from '../scripts/render/lines.ts';
import { badBreaks, checkHash, wordEnds, coverLines, emptyPages, fontProblems, headChecks, indexEnd, table, corpusParts, type BookReport } from '../scripts/eval/print-corpus.ts';
import { corpusRoot, loadCorpus } from '../scripts/fixtures/corpus.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';

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

  it('pulls the whole section, heading and all, when it began on the page before and only its first paragraph precedes the short end', () => {
    // en-wh-2023-02-28 p. 14–15: a heading and a 3-line question at a page's foot, the 3-line answer overleaf.
    const two: Root = { type: 'root', children: [h('section', { id: 's1', className: ['qa'] }, [h('h2', { id: 's1-h' }, '中欧关系'), h('div', { className: ['turn'] }, [para('q', 80), para('a', 80)])]),
      h('section', { id: 's2', className: ['qa'] }, [h('h2', { id: 's2-h' }, '台湾问题'), h('div', { className: ['turn'] }, [para('p5', 60)])])] };
    const page = new Map(Object.entries({ body: 3, s1: 3, q: 3, a: 4, s2: 4, note: 5 }));
    const ends = shortEnds(runsOf(two, '标题'), 'note', (id) => page.get(id), [[], [], [...lines(20), { text: '中欧关系' }, ...lines(3)], [...lines(3), { text: '台湾问题' }, ...lines(2)]]);
    expect(ends).toEqual([{ run: 's1', page: 4, lines: 3, pull: 's1' }]);
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
    // A section pulled whole in a later round: its paragraph's earlier pull no longer breaks a page.
    const whole = withPulls(body, new Set(['p3', 's1']));
    expect(classesOf(whole, 's1')).toEqual(['qa', PULL_CLASS]);
    expect(classesOf(whole, 'p3')).toBeUndefined();
    // A later round pulled p2, one paragraph further back than p3: only p2 breaks the page (en-wh-2022-06-28
    // printed p. 10 with 2 lines, the rest of the section's end overleaf); a pull in another section stays.
    const back = withPulls(body, new Set(['p3', 'p2', 'p5']));
    expect([classesOf(back, 'p2'), classesOf(back, 'p3'), classesOf(back, 'p5')]).toEqual([[PULL_CLASS], undefined, [PULL_CLASS]]);
  });

  // A volume (volume.ts): each part is a section with an id, its title and lead, then its questions. The
  // runs measured and the pulls marked are bounded by one test (ends.ts opensRun): a part's lead is a run.
  const part = (id: string, title: string, lead: Element[], sections: Element[]) => h('section', { id, className: ['part'] }, [h('h1', { id: `${id}-h`, className: ['part-title'] }, title), ...lead, ...sections]);
  const qa = (id: string, heading: string, paras: Element[]) => h('section', { id, className: ['qa'] }, [h('h2', { id: `${id}-h` }, heading), h('div', { className: ['turn'] }, paras)]);
  const volume: Root = { type: 'root', children: [
    part('v1', '2024年3月7日 记者会', [para('d1', 20)], [qa('s1', '中欧关系', [para('p1', 100), para('p2', 120), para('p3', 50)])]),
    part('v2', '2024年3月8日 记者会', [para('d2', 20), para('o2', 40)], [qa('s2', '台湾问题', [para('p5', 60)])]),
  ] };

  it('in a volume, reads each part\'s lead as a run of its own, and marks pulls by the same runs', () => {
    expect(runsOf(volume, '卷').map((r) => [r.id, r.paragraphs])).toEqual([['v1', ['d1']], ['s1', ['p1', 'p2', 'p3']], ['v2', ['d2', 'o2']], ['s2', ['p5']]]);
    // The last question of part 1 ends on a page of its own (page 5, 20 lines); part 2 opens page 6 with
    // its title and a 2-line lead above its first question: no short end of s1 (it was once read as
    // ending there, on 2 lines, and p3 was pulled).
    const page = new Map(Object.entries({ v1: 4, d1: 4, s1: 4, p1: 4, p2: 5, p3: 5, v2: 6, d2: 6, o2: 6, s2: 6, p5: 6, note: 7 }));
    const pageLines = [[], [], [], lines(24), lines(20), [{ text: '2024年3月8日' }, ...lines(2), { text: '台湾问题' }, ...lines(3)]];
    expect(shortEnds(runsOf(volume, '卷'), 'note', (id) => page.get(id), pageLines)).toEqual([]);
    // A pull in part 2's lead and one in part 1's question each break their page: two runs, two pulls.
    const pulled = withPulls(volume, new Set(['p2', 'o2']));
    const marked: string[] = [];
    const visit = (n: Root | Root['children'][number]) => {
      if (n.type === 'element' && (n.properties?.className as string[] | undefined)?.includes(PULL_CLASS)) marked.push(String(n.properties.id));
      if ('children' in n) n.children.forEach((c) => visit(c as Root['children'][number]));
    };
    visit(pulled);
    expect(marked).toEqual(['p2', 'o2']);
  });
});

// The index's end (en-wh-2023-03-27 p. 30 held 3 lines of the index): the index is cut before an entry
// of the page before, and goes on in a second two-column block that opens a page.
describe('section ends kept by the layout (render/ends.ts endKeeps, print.css end-keep / end-join / end-wN)', () => {
  const runs = runsOf(body, '标题');
  const keepsOf = (counts: Record<string, number>) => Object.fromEntries(endKeeps(runs, (id) => counts[id]));
  it('gives a last paragraph that can leave 4 lines and keep 2 its widows, and keeps a shorter one whole with the one before', () => {
    // p4 of 6 lines: 2 stay (orphans), 4 go: widows 4 alone.
    expect(keepsOf({ d: 1, p4: 6, p5: 2 })).toMatchObject({ p4: ['end-w4'] });
    // p4 of 5 lines cannot break 2 + 4: kept whole (5 lines on its page).
    expect(keepsOf({ d: 1, p4: 5, p5: 2 })).toMatchObject({ p4: ['end-keep'] });
    // p4 of 2 lines: joined to p3, which leaves 2 more (p3 of 4 lines breaks 2 + 2 at most).
    expect(keepsOf({ d: 1, p3: 4, p4: 2, p5: 2 })).toMatchObject({ p3: ['end-w2'], p4: ['end-keep', 'end-join'] });
    // 1-line paragraphs: four kept together, and no further.
    const ones = keepsOf({ d: 1, p1: 1, p2: 1, p3: 1, p4: 1, p5: 1 });
    expect(ones).toMatchObject({ p1: ['end-keep'], p2: ['end-keep', 'end-join'], p3: ['end-keep', 'end-join'], p4: ['end-keep', 'end-join'] });
  });
  it('keeps a whole section shorter than 4 lines, and sets the classes on the paragraphs only', () => {
    expect(keepsOf({ d: 1, p5: 2 })).toMatchObject({ d: ['end-keep'], p5: ['end-keep'] });
    const marked = toHtml(withEndKeeps(body, endKeeps(runs, () => 1)));
    expect(marked).toContain('<p id="p4" class="end-keep end-join">');
    expect(marked).toContain('<section id="s1" class="qa">');
  });
  it('stops where a paragraph\'s lines are unknown (not on the page)', () => {
    expect(keepsOf({ d: 1, p4: 1 })).toEqual({ d: ['end-keep'], p4: ['end-keep'] });
  });
});

describe('pages guessed for the first measuring pass (pdf/estimate.ts)', () => {
  it('guesses the body\'s pages in reading order from its lines, a section opening a page when sections do', () => {
    const long: Root = { type: 'root', children: [para('d', 10), ...Array.from({ length: 6 }, (_, i) =>
      h('section', { id: `s${i}`, className: ['qa'] }, [h('h2', { id: `s${i}-h` }, '标题'), h('div', { className: ['turn'] }, [para(`q${i}`, 300), h('p', { id: `a${i}` }, ['答', h('span', { id: `t${i}` }, '中美关系'), '字'.repeat(600)])])]))] };
    const paged = estimatePages(long, TRIMS.A5, true);
    const spaced = estimatePages(long, TRIMS.A5, false);
    // 300 characters are 11 lines of 30 ems, 600 are 21: a section of about 37 lines opens a page and runs onto the next.
    expect([0, 1, 2].map((i) => paged.pages.get(`s${i}`))).toEqual([6, 8, 10]);
    expect(paged.pages.get('t1')).toBe(paged.pages.get('a1'));
    expect(spaced.pages.get('s2')! < paged.pages.get('s2')!).toBe(true);
    expect(paged.end).toBeGreaterThan(paged.pages.get('a5')!);
    // A wider trim sets more per line and per page.
    expect(estimatePages(long, TRIMS.A4, true).end).toBeLessThan(paged.end);
  });
});

describe('section ends read from a measuring pass\'s destinations (pdf/marks.ts)', () => {
  const runs = runsOf(body, '标题');
  // Chromium's /XYZ heights: the type area's first line at 595 points, lines of 18.375 points, a
  // turn's 7.35 points between paragraphs; an end mark stands about 3 points below its line's top.
  const LINE = 18.375;
  const marksOf = (at: Record<string, [number, number]>): Marks => ({ line: LINE, height: 595.28, at: new Map(Object.entries(at).map(([id, [page, y]]) => [id, { page, y }])) });

  it('closes each run\'s last paragraph with an empty mark, leaving the body it was given as it was', () => {
    const marked = withEndMarks(body, runs);
    expect(toHtml(marked)).toContain(`<p id="p4">${'字'.repeat(80)}<a id="${endMark('s1')}"></a></p>`);
    expect(toHtml(marked)).toContain(`<a id="${endMark('s2')}"></a></p>`);
    expect(toHtml(body)).not.toContain('tp-end-');
  });

  it('counts a run\'s lines on the page of its end mark as pdftotext would, and pulls the same paragraphs', () => {
    // The case above, from marks: p4 runs from page 5 onto page 6 with one line (its mark on page 6, first line).
    const pages = { body: 3, d: 3, s1: 4, p1: 4, p2: 4, p3: 5, p4: 5, s2: 7, note: 8 };
    const at = marksOf({ ...Object.fromEntries(Object.entries(pages).map(([id, p]) => [id, [p, 400]])), p1: [4, 595], [endMark('s1')]: [6, 595 - 3], [endMark('s2')]: [7, 500], [endMark('body')]: [3, 300] });
    const { endOf, headingLow } = marksEndOf(at, runs);
    const page = (id: string) => pages[id as keyof typeof pages];
    expect(endOf(runs[1], 1)).toEqual({ last: 6, count: 1 });
    expect(shortEndsOf(runs, page, endOf, headingLow)).toEqual(shortEnds(runs, 'note', page, [[], [], lines(3), lines(20), lines(24), lines(1), lines(4, '台湾问题')]));
  });

  it('adds whole lines between paragraph starts on that page (a turn\'s spacing is under half a line), and leaves 4 lines alone', () => {
    // Page 6: one line of p3 running over, then p4 (2 lines) after a turn's spacing: 3 lines, then 4.
    const base = { s1: [4, 595], p1: [4, 595], p2: [4, 500], p3: [5, 300] } as Record<string, [number, number]>;
    const three = marksOf({ ...base, p4: [6, 595 - LINE - 7.35], [endMark('s1')]: [6, 595 - 2 * LINE - 7.35 - 3] });
    expect(marksEndOf(three, runs).endOf(runs[1], 1)).toEqual({ last: 6, count: 3 });
    const four = marksOf({ ...base, p4: [6, 595 - 2 * LINE - 7.35], [endMark('s1')]: [6, 595 - 3 * LINE - 7.35 - 3] });
    expect(marksEndOf(four, runs).endOf(runs[1], 1)).toEqual({ last: 6, count: 4 });
  });

  it('tells a heading below the first line of its page from one at the top', () => {
    const at = marksOf({ p1: [4, 595], s1: [4, 595], s2: [5, 595 - 10 * LINE] });
    const { headingLow } = marksEndOf(at, runs);
    expect(headingLow(runs[1])).toBe(false);
    expect(headingLow(runs[2])).toBe(true);
  });
});

describe('the index end (render/ends.ts)', () => {
  const entry = (id: string, term: string, sub: string[] = []) => h('li', { id, className: ['index-entry'] }, [h('span', { className: ['index-term'] }, term), ' ', h('span', { className: ['index-locators'] }, '7'),
    ...(sub.length ? [h('ul', { className: ['index-sub'] }, sub.map((t, i) => h('li', { id: `${id}-${i}` }, t)))] : [])]);
  const group = (letter: string, entries: Element[]) => h('section', { id: `index-${letter}`, className: ['index-group'] }, [h('h2', { className: ['index-letter'] }, letter), h('ul', { className: ['index-entries'] }, entries)]);
  const index = h('section', { id: 'index', className: ['index'] }, [h('h1', { id: 'index-h' }, 'Index'),
    group('A', [entry('a1', 'Aamer'), entry('a2', 'American Rescue Plan', ['funding', 'states'])]),
    group('B', [entry('b1', 'Biden'), entry('b2', 'Bipartisan Safer Communities Act of 2022 and its provisions'), entry('b3', 'Belarus')]),
    group('C', [entry('c1', 'Cabinet'), entry('c2', 'Congress')])]);
  const entries = indexLines(index);

  it('reads the top-level entries in order with their lines in a column, sub-entries included', () => {
    expect(entries).toEqual([{ id: 'a1', lines: 1 }, { id: 'a2', lines: 3 }, { id: 'b1', lines: 1 }, { id: 'b2', lines: 2 }, { id: 'b3', lines: 1 }, { id: 'c1', lines: 1 }, { id: 'c2', lines: 1 }]);
  });

  it('pulls entries of the page before over when the last page holds 1–3 lines, never the first entry, and leaves 4 lines alone', () => {
    // The index opens p. 10, c1 and c2 run over onto p. 11 with 1 line; the note opens p. 12.
    const page = new Map(Object.entries({ a1: 10, a2: 10, b1: 10, b2: 10, b3: 10, c1: 11, c2: 11 }));
    const pdfLines = (last: number) => [...Array(9).fill([]), lines(30), lines(last)];
    // 2 lines held + b3 1 + b2 2 + b1 1 + a2 3 = 9 ≥ 8; a1, the first entry, would never be pulled.
    expect(indexPull(entries, 10, 12, (id) => page.get(id), pdfLines(1))).toEqual({ run: 'back-index', page: 11, lines: 1, pull: 'a2' });
    expect(indexPull(entries, 10, 12, (id) => page.get(id), pdfLines(4))).toBeUndefined();
    // An index on one page has no end to pull onto.
    expect(indexPull(entries, 11, 12, (id) => page.get(id), pdfLines(1))).toBeUndefined();
  });

  it('cuts the index before the pulled entry: the rest in a second index block that opens a page, the ids kept once', () => {
    const [first, rest, ...more] = withIndexPull(index, new Set(['b2']));
    expect(more).toEqual([]);
    const ids = (e: Element): string[] => [...(typeof e.properties?.id === 'string' ? [e.properties.id] : []), ...e.children.flatMap((c) => (c.type === 'element' ? ids(c) : []))];
    expect(ids(first)).toEqual(['index', 'index-h', 'index-A', 'a1', 'a2', 'a2-0', 'a2-1', 'index-B', 'b1']);
    expect(ids(rest)).toEqual(['b2', 'b3', 'index-C', 'c1', 'c2']);
    expect(rest.properties?.className).toEqual(['index', PULL_CLASS]);
    // The group goes on without its letter; a cut before a group's first entry moves the whole group.
    expect((rest.children[0] as Element).children.map((c) => (c as Element).tagName)).toEqual(['ul']);
    expect(ids(withIndexPull(index, new Set(['c1']))[1])).toEqual(['index-C', 'c1', 'c2']);
    expect(withIndexPull(index, new Set(['p3']))).toEqual([index]);
  });

  it('reads the entries of the index as scripts/index/render.ts prints it', () => {
    const tree = printIndexTree({ groups: [{ letter: 'A', entries: [{ id: 'ix-1', term: 'Aamer', anchors: [], see: undefined, seeAlso: [], sub: [] }] }] } as never, () => undefined, { index: 'Index', see: 'see', seeAlso: 'see also' } as never);
    expect(indexLines(tree).map((e) => e.id)).toEqual(['ix-1']);
  });
});

// Short books made 7 pages, their index and editorial note each on a page of its own (zh-hant-ly-2023-02-17, 385 characters).
describe('the editorial note below a one-page index (render/ends.ts noteRunsOn)', () => {
  const at = (...tops: number[]) => tops.map((top) => ({ top }));
  const bottom = (210 - 20) * (72 / 25.4); // A5's type-area foot, 538.6 pt
  it('runs the note on when it fits below the index, and not when it would not, or the index or note holds more than a page', () => {
    const index = at(96, 130, 144, 170, 184);
    const note = at(96, 140, 154, 168, 190, 204, 226);
    expect(noteRunsOn(6, 7, [...Array(5).fill([]), index, note], bottom)).toBe(true);
    // Index down to 400 pt: 130 pt of note does not fit under it.
    expect(noteRunsOn(6, 7, [...Array(5).fill([]), [...index, ...at(400)], note], bottom)).toBe(false);
    expect(noteRunsOn(5, 7, [...Array(4).fill([]), index, index, note], bottom)).toBe(false);
    expect(noteRunsOn(6, 7, [...Array(5).fill([]), index, note, at(96)], bottom)).toBe(false);
    expect(noteRunsOn(undefined, 7, [], bottom)).toBe(false);
  });
});

describe('type-area lines (pdf/page-lines.ts)', () => {
  it('keeps the lines inside the type area, one per baseline, and leaves out the running head and the folio', () => {
    const line = (y: number, ...words: string[]) => `<line xMin="57" yMin="${y}" xMax="300" yMax="${y + 15}">${words.map((w) => `<word xMin="0" yMin="${y}" xMax="1" yMax="${y + 15}">${w}</word>`).join('')}</line>`;
    const xhtml = `<doc><page width="419.5" height="595.3">${line(28.5, '世界多极化')}${line(52, '球产业链')}${line(53.5, 'A&amp;B')}${line(70, '第二行')}${line(550.8, '19')}</page></doc>`;
    expect(parseBboxLayout(xhtml, TRIMS.A5)).toEqual([[{ text: '球产业链 A&B', top: 52 }, { text: '第二行', top: 70 }]]);
    // pdftotext writes an apostrophe as &apos; (en-uk-2019-09-02: Prime Minister&apos;s statement).
    const apos = `<doc><page width="419.5" height="595.3">${line(52, 'Minister&apos;s', '&#8220;x&#x201D;')}</page></doc>`;
    expect(parseBboxLayout(apos, TRIMS.A5)).toEqual([[{ text: 'Minister\'s “x”', top: 52 }]]);
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

  it('cuts a head at a space, not inside a hyphenated name (en-wh-2021-07-13: Karine Jean…)', () => {
    const title = 'Press Gaggle by Principal Deputy Press Secretary Karine Jean-Pierre En Route Philadelphia, PA';
    expect(runningHead(title, 'en')).toBe('Press Gaggle by Principal Deputy Press Secretary Karine…');
  });
});

describe('title units (render/lines.ts breakUnits, titleUnits)', () => {
  it('keeps G7’s whole, 九十年度 not cut as a date (年度 is a word), and cuts a date too wide for a contents line between its parts', () => {
    expect(breakUnits('Press Call on the G7’s Extraordinary Revenue', 'en')).toContain('G7’s ');
    expect(breakUnits('U.S.-Africa Leaders Summit', 'en')[0]).toBe('U.S.-');
    expect(breakUnits('九十年度新春記者會談話紀錄', 'zh-Hant')).not.toContain('九十年');
    const units = titleUnits('國台辦例行新聞發布會（2025年10月15日）', 'zh-Hant', 8).map((u) => u.text);
    expect(units.join('')).toBe('國台辦例行新聞發布會（2025年10月15日）');
    expect(units).toEqual(expect.arrayContaining(['（2025年', '10月', '15日）']));
    expect(units.some((u) => /^\d{1,3}$/.test(u))).toBe(false);
  });

  it('puts every break of every corpus title (first line and book.yaml) at a word end of jieba and spaces: title units, contents units and running head', () => {
    const squash = (t: string) => t.replace(/[\s\u00ad\u2010\u00a0]+/g, '');
    const bad: string[] = [];
    let titles = 0;
    for (const e of loadCorpus(corpusRoot, 'all')) {
      for (const title of new Set([e.expected.title?.text ?? e.config.title, e.config.title])) {
        titles++;
        const ends = wordEnds(title);
        for (const cap of [12, 8]) {
          let at = 0;
          for (const u of titleUnits(title, e.expected.language, cap).slice(0, -1)) {
            at += squash(u.text + u.space).length;
            // Between Latin letters a browser does not break, whatever the spans: only Han and spaces count.
            const han = /\p{Script=Han}/u.test(squash(title).slice(at - 1, at + 1));
            if ((han || u.space) && !ends.has(at)) bad.push(`${e.id} cap ${cap}: ${squash(title).slice(at - 3, at)}|${squash(title).slice(at, at + 3)}`);
          }
        }
        const head = runningHead(title, e.expected.language);
        if (head.endsWith('…') && !ends.has(squash(head.slice(0, -1)).length)) bad.push(`${e.id} head: ${head}`);
      }
    }
    expect(titles).toBeGreaterThan(170);
    expect(bad).toEqual([]);
  });
});

// The corpus print check's own judges (scripts/eval/print-corpus.ts), on hand-made lines: they must see
// a title broken inside a word, a face in two subsets, an empty page, or the issue's figures mean nothing.
describe('the corpus print check (scripts/eval/print-corpus.ts)', () => {
  const at = (...texts: string[]) => texts.map((text, top) => ({ text, top }));
  const title = '2018年9月7日外交部发言人华春莹主持例行记者会';

  it('finds a title set on lines and flags the line ends that fall inside a segmenter word (发言 / 人华, 华春 / 莹)', () => {
    expect(badBreaks(title, at('页眉', '2018年9月7日', '外交部发言人华春莹', '主持例行记者会', '2'))).toEqual([]);
    const cuts = badBreaks(title, at('2018年9月7日外交部发言', '人华春莹主持例行记者会'))!;
    expect(cuts.map((c) => title.slice(c - 2, c + 2))).toEqual(['发言人华']);
    expect(badBreaks(title, at('2018年9月7日外交部发言人华春', '莹主持例行记者会'))).toHaveLength(1);
    expect(badBreaks(title, at('别的标题'))).toBeNull();
    // English: a line ends at a space or after a dash, never inside a word.
    expect(badBreaks('Press Briefing by Press Secretary Karine Jean-Pierre', at('Press Briefing by Press', 'Secretary Karine Jean-', 'Pierre'))).toEqual([]);
    expect(badBreaks('Press Briefing by Press Secretary', at('Press Brief', 'ing by Press Secretary'))).toHaveLength(1);
  });

  it('reads the cover title lines from the SVG the EPUB writer draws, broken between words', () => {
    const lines = coverLines(title, 'zh-Hans');
    expect(lines.map((l) => l.text).join('')).toBe(title);
    expect(lines.length).toBeGreaterThan(1);
    expect(badBreaks(title, lines)).toEqual([]);
    expect(badBreaks('Press Briefing by Press Secretary Karine Jean-Pierre', coverLines('Press Briefing by Press Secretary Karine Jean-Pierre', 'en'))).toEqual([]);
  });

  it('flags a running head cut inside a word of the title it was cut from (就中… of 就中国), not one cut after a word', () => {
    const title = '中共中央政治局委员、外交部长王毅就中国外交政策和对外关系回答中外记者提问';
    const doc = (head: string) => fromHtml(`<style>@page s1:right { @top-center { content: "${head}"; } }</style><h1>${title}</h1>`);
    expect(headChecks(doc('中共中央政治局委员、外交部长王毅就中…'), [], [])).toEqual(['running head cut inside a word: 王毅就中|国外交政']);
    expect(headChecks(doc('中共中央政治局委员、外交部长王毅就中国…'), [], [])).toEqual([]);
    expect(headChecks(doc('别的标题…'), [], [])).toEqual(['running head 别的标题…: cut from no title']);
    // A Latin head cut before the punctuation that ends a word (en-gpo-2007-09-27).
    const gpo = (head: string) => fromHtml(`<style>@page s1:right { @top-center { content: "${head}"; } }</style><h1>Organizational Meeting on Adoption of Committee Rules; Consideration of Interim Report</h1>`);
    expect(headChecks(gpo('Organizational Meeting on Adoption of Committee Rules…'), [], [])).toEqual([]);
    expect(headChecks(gpo('Organizational Meeting on Adoption of Committee Ru…'), [], [])).toHaveLength(1);
  });

  it('counts an index whose last page holds 1–3 lines (en-wh-2023-03-27 p. 30: "W", two entries)', () => {
    const pages = new Map(Object.entries({ 'back-index': 28, note: 31 }));
    const set = (n: number) => lines(n).map((l, top) => ({ ...l, top }));
    const body = Array.from({ length: 31 }, (_, i) => set(i === 29 ? 2 : 30));
    expect(indexEnd(body, pages)).toEqual(['index p.30: 2 line(s)']);
    expect(indexEnd(body.map((p, i) => (i === 29 ? set(6) : p)), pages)).toEqual([]);
  });

  it('counts a face in two subsets, a Type 3 font and a font not embedded as problems, and passes one embedded subset per face', () => {
    const head = 'name type encoding emb sub uni object ID\n--- --- --- --- --- --- ---\n';
    const ok = `${head}AAAAAA+SourceSerif4-Regular           CID TrueType      Identity-H       yes yes yes     14  0\nBAAAAA+NotoSerifSC-Bold           CID TrueType      Identity-H       yes yes yes     20  0\n`;
    expect(fontProblems(ok)).toEqual([]);
    expect(fontProblems(`${ok}CAAAAA+SourceSerif4-Regular           CID TrueType      Identity-H       yes yes yes     30  0\n`)).toEqual(['2 subsets of SourceSerif4-Regular']);
    expect(fontProblems(`${head}[none]                               Type 3            Custom           yes no  yes     40  0\n`)).toEqual(['Type 3: [none]']);
    expect(fontProblems(`${head}Helvetica                            Type 1            Custom           no  no  no      41  0\n`)).toEqual(['neither TrueType nor CFF: Helvetica', 'not embedded: Helvetica']);
  });

  it('allows a blank verso only before a right-hand page, and flags a contents page with only its heading', () => {
    const page = (n: number) => lines(n).map((l, top) => ({ ...l, top }));
    const pages = new Map(Object.entries({ toc: 5, body: 7, note: 9 }));
    // p. 6 blank before the body's recto p. 7: allowed; p. 10, a blank verso that no right-hand start needs, and p. 11: not.
    expect(emptyPages([page(1), [], page(3), [], page(6), [], page(20), page(3), page(5), [], []], pages)).toEqual([10, 11]);
    expect(emptyPages([page(1), [], page(3), [], page(1), [], page(20)], pages)).toEqual([5]);
  });
});

describe('the print check record', () => {
  it('keys a book by the hash of what builds it: the same from any output folder, another for another transcript', () => {
    const [a, b] = loadCorpus(corpusRoot, 'all').filter((e) => ['zh-hant-ly-2017-02-17', 'zh-hans-hkce-2017-08-24'].includes(e.id));
    const one = mkdtempSync(join(tmpdir(), 'tp-print-hash-'));
    const two = mkdtempSync(join(tmpdir(), 'tp-print-hash-'));
    try {
      expect(checkHash(a, one)).toMatch(/^[0-9a-f]{64}$/);
      expect(checkHash(a, two)).toBe(checkHash(a, one));
      expect(checkHash(b, one)).not.toBe(checkHash(a, one));
    } finally {
      rmSync(one, { recursive: true, force: true });
      rmSync(two, { recursive: true, force: true });
    }
  });
});

describe('the print check figures in the README', () => {
  it('are the table of the committed per-book results (test/corpus/print-check.jsonl), and name every check that failed', () => {
    const reports = readFileSync('test/corpus/print-check.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as BookReport);
    const readme = readFileSync('README.md', 'utf8');
    const block = readme.slice(readme.indexOf('<!-- print-check -->') + '<!-- print-check -->'.length, readme.indexOf('<!-- /print-check -->')).trim();
    expect(block).toBe(table(reports, corpusParts()));
    // Every book is a transcript of the corpus, checked once.
    expect(new Set(reports.map((r) => r.id)).size).toBe(reports.length);
  });
});
