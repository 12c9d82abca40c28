// EPUB page markers and index locators against the PDF: every page-list marker sits at the character
// where its print page begins, and every index locator lies on the page it is labelled with.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { poppler, seedFile } from './helpers.ts';
import { readZip } from './support/zip.ts';
import { boundaryIn, insertPageMarkers, keyOf, pageMarkersFor } from '../scripts/epub/pages.ts';
import { pdfPageTexts } from '../scripts/pdf/text.ts';
import { setSpaces } from '../scripts/render/html.ts';

const key = (s: string) => keyOf(s).key;
const entry = (epub: string, path: string) => readZip(epub).find((e) => e.name === path)!.data.toString('utf8');

describe('page markers from the printed pages (unit)', () => {
  it('finds the character where an element crosses onto the next page', () => {
    const text = '第一句话说完了。第二句话从这一页开始，一直说到下一页的中间才结束。';
    const prev = '章节标题12前面的段落文字。第一句话说完了。第二句话从这一';
    const page = '章节标题13页开始，一直说到下一页的中间才结束。后面的段落。';
    expect(text.slice(boundaryIn(text, prev, page))).toBe('页开始，一直说到下一页的中间才结束。');
    // An element that ends on the page before does not cross.
    expect(boundaryIn('前面的段落文字。', prev, page)).toBeUndefined();
  });

  it('finds the boundary when the page prints a note number next to it that the text does not hold', () => {
    // The seed set with sections running on: 制止³ ends page 15 (the note number printed, not in the text).
    const text = '21世纪的今天，这场人道灾难终究无法被制止，这是人类的悲剧，更是文明的耻辱。任何理由都不能再为冲突延续辩解。';
    const prev = '王毅：本轮巴以冲突已造成10万平民伤亡。21世纪的今天，这场人道灾难终究无法被制止 3 ，这是人类的悲剧， 15';
    const page = '王毅就中国外交政策 更是文明的耻辱。任何理由都不能再为冲突延续辩解。加沙这场浩劫';
    expect(text.slice(boundaryIn(text, prev, page))).toBe('更是文明的耻辱。任何理由都不能再为冲突延续辩解。');
  });

  it('keeps an opening quote with the line it opens and ignores hyphens and spaces of broken lines', () => {
    const text = 'He said “the treaty stands” and left the room quietly afterwards.';
    expect(text.slice(boundaryIn(text, 'Head 3 He said', 'Head 4 “the treaty stands” and left the room quietly after-\nwards.')!)).toBe('“the treaty stands” and left the room quietly afterwards.');
  });

  it('finds the boundary when the few letters around it ("ons|and") also stand elsewhere on the page before', () => {
    // en-state-2023-02-02 (dev), pages 5 and 6 as pdftotext gives them: the paragraph crosses after
    // "telecommunications," and page 5 also prints "discussions about" and "questions and".
    const text = 'Over the past three months, we have seen important progress by the parties in implementing key aspects of this agreement, including the steady and growing delivery of humanitarian aid, initial steps in discussions about a transitional justice process, the ongoing restoration of services – electricity, telecommunications, and banking – significant turnover of heavy weapons, and, in the past couple weeks, a pullback of Eritrean forces from the Tigray region.';
    const prev = 'I will take your questions and then we go. Over the\npast three months, we have seen im\u00adpor\u00adtant progress by the par\u00ad\u2010\nties in im\u00adple\u00adment\u00ading key as\u00adpects of this agree\u00adment, in\u00adclud\u00ading\nthe steady and grow\u00ading de\u00adliv\u00adery of hu\u00adman\u00adi\u00adtar\u00adian aid, ini\u00adtial\nsteps in dis\u00adcus\u00adsions about a tran\u00adsi\u00adtional jus\u00adtice process, the on\u00ad\u2010\ngo\u00ading restora\u00adtion of ser\u00advices – elec\u00adtric\u00adity, telecom\u00admu\u00adni\u00adca\u00adtions,';
    const page = 'Department Press Briefing – February 2, 2023\nand bank\u00ading – sig\u00adnif\u00adi\u00adcant turnover of heavy weapons, and, in\nthe past cou\u00adple weeks, a pull\u00adback of Er\u00aditrean forces from the\nTigray re\u00adgion.';
    expect(text.slice(boundaryIn(text, prev, page))).toMatch(/^and banking – significant/);
  });

  it('takes the boundary the page before ends with, when the words after an earlier point stand again on the next page', () => {
    // The words after an earlier point stand again on the next page ("energy projects" further down it): the
    // point "clean | energy" has both sides on their pages too, but page 4 does not end there.
    const text = 'We will keep the tax credit for clean energy projects, and we will not let anyone take it away from the workers who build them.';
    const prev = 'Head 4\nWe will keep the tax credit for clean\nenergy\n4';
    const page = 'Head 5\nprojects, and we will not let anyone take it away from the work\u00ad\ners who build them.\nThe mayor praised energy projects in her city.\n5';
    expect(text.slice(boundaryIn(text, prev, page))).toMatch(/^projects, and we will/);
  });

  it('puts each page marker inside the running element, or before the first element on the page', () => {
    const tree = { type: 'transcript', children: [
      { type: 'dateline', id: 'd', children: [{ type: 'text', value: '短导语。' }] },
      { type: 'section', id: 's1', heading: '标题', headingSource: 'auto', children: [
        { type: 'turn', kind: 'question', speaker: { type: 'speaker', label: '记者', name: '记者', role: 'reporter' }, children: [
          { type: 'paragraph', id: 'p1', children: [{ type: 'text', value: '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥' }] },
          { type: 'paragraph', id: 'p2', children: [{ type: 'text', value: '第二段在第五页开头。' }] }] }] }] } as const;
    const pages = ['', '', '短导语。标题记者甲乙丙丁戊己庚辛壬癸', '子丑寅卯辰巳午未申酉', '戌亥第二段在第五页开头。'];
    const markers = pageMarkersFor(tree as never, new Map([['d', 3], ['s1', 3], ['p1', 3], ['p2', 5]]), pages);
    expect([...markers]).toEqual([['d', [{ label: '3', offset: 0 }]], ['p1', [{ label: '4', offset: 10 }, { label: '5', offset: 20 }]]]);
    // Without page texts: element starts, the running element standing for pages no element begins on.
    expect([...pageMarkersFor(tree as never, new Map([['d', 3], ['p1', 3], ['p2', 6]]))])
      .toEqual([['d', [{ label: '3', offset: 0 }]], ['p1', [{ label: '4', offset: 0 }, { label: '5', offset: 0 }]], ['p2', [{ label: '6', offset: 0 }]]]);
    expect(pageMarkersFor(tree as never, new Map()).size).toBe(0);
  });

  it('counts a marker\'s offset in the text as set, where a run of spaces is one (two after a full stop)', () => {
    // White House pages put a no-break space and a space after a full stop; the rendered paragraph holds one.
    const tree = { type: 'transcript', children: [
      { type: 'paragraph', id: 'p1', children: [{ type: 'text', value: 'We reject that.\u00a0 It matters.  For Iran and Iran\u2019s economy too.' }] }] } as const;
    const pages = ['We reject that. It matters. For Iran and\n1', 'Head\nIran\u2019s economy too.\n2'];
    const markers = pageMarkersFor(tree as never, new Map([['p1', 1]]), pages);
    const p = h('p', { id: 'p1' }, [setSpaces(tree.children[0].children[0].value)]);
    expect(toHtml(insertPageMarkers([p], markers))).toContain('and <span id="pg2" role="doc-pagebreak" aria-label="2" epub:type="pagebreak" class="pagebreak"></span>Iran\u2019s');
  });

  it('marks the pages the last element runs onto after the last page an element begins on', () => {
    // en-hansard-2022-09-06: the body's last print page holds only the end of the paragraph begun on the
    // page before; then comes the index, which prints words of that paragraph again.
    const tree = { type: 'transcript', children: [
      { type: 'section', id: 's1', heading: 'Oral Answers', headingSource: 'auto', children: [
        { type: 'paragraph', id: 'p1', children: [{ type: 'text', value: 'The High Commission is monitoring the situation.' }] },
        { type: 'paragraph', id: 'p2', children: [{ type: 'text', value: 'I welcome the words, because this is a moment of upheaval in Pakistan, and not just in constituencies such as Ilford South but right across the country.' }] }] }] } as const;
    const pages = ['', 'Oral Answers The High Commission is monitoring the situation. I welcome the words, because this is a moment of up\u00ADheaval',
      'Oral Answers in Pakistan, and not just in con-\nstituencies such as Ilford South but right across the country. 3',
      'Index High Commission 2 Ilford South 3 Pakistan 2–3 situation 2'];
    const markers = pageMarkersFor(tree as never, new Map([['s1', 2], ['p1', 2], ['p2', 2]]), pages);
    const p2 = tree.children[0].children[1].children[0].value;
    expect(markers.get('s1')).toEqual([{ label: '2', offset: 0 }]);
    expect(markers.get('p2')!.map((m) => [m.label, p2.slice(m.offset)])).toEqual([['3', 'in Pakistan, and not just in constituencies such as Ilford South but right across the country.']]);
    // Without page texts nothing names page 3, and nothing is invented for it.
    expect([...pageMarkersFor(tree as never, new Map([['s1', 2], ['p1', 2], ['p2', 2]]))]).toEqual([['s1', [{ label: '2', offset: 0 }]]]);
  });

  it('splits text nodes (through topic spans, past the speaker label and soft hyphens) to place a marker', () => {
    const p = h('p', { id: 'p1' }, [h('b', { className: ['speaker'] }, '记者：'), '甲乙', h('span', { id: 't1', className: ['topic'] }, '丙丁'), 'con\u00ADtin\u00ADues']);
    const html = toHtml(insertPageMarkers([p], new Map([['p1', [{ label: '4', offset: 0 }, { label: '5', offset: 3 }, { label: '6', offset: 7 }]]])));
    expect(html).toBe('<p id="p1"><span id="pg4" role="doc-pagebreak" aria-label="4" epub:type="pagebreak" class="pagebreak"></span><b class="speaker">记者：</b>甲乙<span id="t1" class="topic">丙<span id="pg5" role="doc-pagebreak" aria-label="5" epub:type="pagebreak" class="pagebreak"></span>丁</span>con<span id="pg6" role="doc-pagebreak" aria-label="6" epub:type="pagebreak" class="pagebreak"></span>\u00ADtin\u00ADues</p>');
    // A page that begins with a topic (en-wh-2022-06-14, dev: "and | Medicaid on the chopping block"): the
    // marker goes before the topic's span, so the index locator's anchor follows it.
    const topic = h('p', { id: 'p3' }, ['and ', h('span', { id: 't18-1', className: ['topic'] }, 'Med\u00ADic\u00ADaid'), ' on the block']);
    expect(toHtml(insertPageMarkers([topic], new Map([['p3', [{ label: '8', offset: 4 }]]]))))
      .toBe('<p id="p3">and <span id="pg8" role="doc-pagebreak" aria-label="8" epub:type="pagebreak" class="pagebreak"></span><span id="t18-1" class="topic">Med\u00ADic\u00ADaid</span> on the block</p>');
    // The space after an English speaker label is the renderer's, not the paragraph's: offset 8 is the 'p' of 'people'.
    const en = h('p', { id: 'p2' }, [h('b', { className: ['speaker'] }, [h('span', { className: ['speaker-name'] }, 'Sam Tarry'), ':']), ' ', 'million people']);
    expect(toHtml(insertPageMarkers([en], new Map([['p2', [{ label: '6', offset: 8 }]]]))))
      .toBe('<p id="p2"><b class="speaker"><span class="speaker-name">Sam Tarry</span>:</b> million <span id="pg6" role="doc-pagebreak" aria-label="6" epub:type="pagebreak" class="pagebreak"></span>people</p>');
  });
});

// The run's one seed build (test/support/global-setup.ts).
describe('seed book: EPUB page markers and index locators against the PDF', () => {
  const epub = seedFile('epub');
  const pdf = seedFile('pdf');
  let docs = '';
  let pageTexts: string[] = [];
  beforeAll(async () => {
    const opf = entry(epub, 'EPUB/package.opf');
    const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    docs = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => entry(epub, `EPUB/${hrefs.get(m[1])}`)).join('\n');
    pageTexts = await pdfPageTexts(readFileSync(pdf));
  });

  it('follows every page-list marker with the first line of its print page (pdftotext -layout)', () => {
    const markers = [...docs.matchAll(/<span id="pg(\d+)"[^>]*><\/span>/g)];
    // One marker for every page of the body, in order (16 since sections run on the page; 24 when each opened a page).
    expect(markers.length).toBeGreaterThan(12);
    expect(markers.map((m) => Number(m[1]))).toEqual(markers.map((_, i) => Number(markers[0]![1]) + i));
    for (const m of markers) {
      const page = Number(m[1]);
      const after = key(docs.slice(m.index! + m[0].length, m.index! + m[0].length + 600).replace(/<[^>]*>/g, '')).slice(0, 10);
      // The page's first lines: the running head (with the folio), then the first line of text.
      const lines = poppler('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'])
        .split('\n').map(key).filter(Boolean).slice(0, 2);
      expect(lines.some((l) => l.startsWith(after) || (l.length > 3 && after.startsWith(l))), `page ${page}: marker followed by ${after}, page begins ${lines.join(' / ')}`).toBe(true);
    }
  });

  it('labels every index locator with the page the EPUB markers place its anchor on, and that page prints the term', () => {
    const index = entry(epub, 'EPUB/index.xhtml');
    const locators = [...index.matchAll(/<a [^>]*href="[a-z0-9]+\.xhtml#([^"]+)"[^>]*>(\d+)/g)];
    expect(locators.length).toBeGreaterThan(100);
    const markers = [...docs.matchAll(/<span id="pg(\d+)"/g)].map((m) => ({ at: m.index!, page: Number(m[1]) }));
    for (const [, id, label] of locators) {
      const at = docs.search(new RegExp(`\\sid="${id}"`));
      const page = markers.filter((m) => m.at < at).at(-1)?.page;
      expect(page, `locator ${id} labelled ${label}`).toBe(Number(label));
      const term = key(docs.slice(at).replace(/^[^>]*>/, '').split('</span>')[0]);
      expect(key(pageTexts[page! - 1]), `term of ${id} on page ${page}`).toContain(term.slice(0, 2));
    }
  });
});
