// The shared HTML renderer: one test per node kind (STYLE.md §7), in both flavours.
import { describe, it, expect } from 'vitest';
import { handlers, renderBody, renderBlock, toMarkup, type RenderOptions } from '../scripts/render/html.ts';
import { typographyFor } from '../scripts/render/hyphenate.ts';
import type { Paragraph, Section, Speaker, Turn, Transcript } from '../scripts/model/types.ts';

const labels = { question: '提问', answer: '回答', remarks: '发言', moderator: '主持', labelEnd: '：' };
const html: RenderOptions = { flavour: 'html', labels };
const xhtml: RenderOptions = { flavour: 'xhtml', labels };
const out = (nodes: ReturnType<typeof renderBlock>, o = html) => toMarkup(nodes, o.flavour);

const para = (id: string, value: string): Paragraph => ({ type: 'paragraph', id, children: [{ type: 'text', value }] });
const speaker = (label: string, role: Speaker['role']): Speaker => ({ type: 'speaker', label, name: label, role });
const turn = (kind: Turn['kind'], s: Speaker, ...ps: Paragraph[]): Turn => ({ type: 'turn', kind, speaker: s, children: ps });

describe('renderer handlers', () => {
  it('title', () => {
    expect(out(handlers.title({ type: 'title', children: [{ type: 'text', value: '标题' }] }, html))).toBe('<h1 id="body-h" class="transcript-title">标题</h1>');
  });
  it('dateline keeps its id', () => {
    expect(out(handlers.dateline({ type: 'dateline', id: 'dateline', children: [{ type: 'text', value: '据新华社电' }] }, html))).toBe('<p id="dateline" class="dateline">据新华社电</p>');
  });
  it('paragraph: text is text, never markup', () => {
    expect(out(handlers.paragraph(para('p1', '<script>alert(1)</script> & <img src=x>'), html)))
      .toBe('<p id="p1">&#x3C;script>alert(1)&#x3C;/script> &#x26; &#x3C;img src=x></p>');
  });
  it('topicRef becomes an anchored span', () => {
    const p: Paragraph = { type: 'paragraph', id: 'p2', children: [{ type: 'text', value: '推进' }, { type: 'topicRef', topic: '一带一路', id: 't1-1', children: [{ type: 'text', value: '一带一路' }] }] };
    expect(out(handlers.paragraph(p, html))).toBe('<p id="p2">推进<span id="t1-1" class="topic">一带一路</span></p>');
  });
  it('speaker: a name, marked up as such (z3998:persona in the EPUB)', () => {
    expect(out(handlers.speaker(speaker('王毅', 'principal'), html))).toBe('<b class="speaker speaker-principal"><span class="speaker-name">王毅</span>：</b>');
    expect(out(handlers.speaker(speaker('彭博社记者', 'reporter'), xhtml), xhtml)).toContain('epub:type="z3998:persona"');
  });
  it('turn: a labelled group, question and answer told apart, label in the first paragraph', () => {
    const q = out(handlers.turn(turn('question', speaker('彭博社记者', 'reporter'), para('p3', '请问？')), html));
    expect(q).toBe('<div class="turn turn-question" role="group" aria-label="提问"><p id="p3"><b class="speaker speaker-reporter"><span class="speaker-name">彭博社记者</span>：</b>请问？</p></div>');
    const a = out(handlers.turn(turn('answer', speaker('王毅', 'principal'), para('p4', '第一段。'), para('p5', '第二段。')), html));
    expect(a).toMatch(/^<div class="turn turn-answer" role="group" aria-label="回答"><p id="p4"><b[^>]*>.*<\/b>第一段。<\/p><p id="p5">第二段。<\/p><\/div>$/);
  });
  it('section: heading and chapter semantics in the EPUB only', () => {
    const s: Section = { type: 'section', id: 's1', role: 'question', heading: '中美关系', headingSource: 'book', children: [turn('question', speaker('彭博社记者', 'reporter'), para('p6', '问？'))] };
    expect(out(handlers.section(s, html))).toMatch(/^<section id="s1" class="qa qa-question" aria-labelledby="s1-h"><h2 id="s1-h">中美关系<\/h2>/);
    expect(out(handlers.section(s, xhtml), xhtml)).toMatch(/^<section id="s1" class="qa qa-question" aria-labelledby="s1-h" epub:type="chapter" role="doc-chapter">/);
  });
  it('container: the escape hatch keeps its name and attributes', () => {
    expect(out(handlers.container({ type: 'container', name: 'aside', attributes: { lang: 'en' }, children: [para('p7', 'Note.')] }, html)))
      .toBe('<div class="aside" lang="en"><p id="p7">Note.</p></div>');
  });
  it('renderBody leaves the title to the front matter', () => {
    const tree: Transcript = { type: 'transcript', children: [{ type: 'title', children: [{ type: 'text', value: '标题' }] }, para('p10', '正文。')] };
    expect(renderBody(tree, html)).toBe('<p id="p10">正文。</p>');
  });
});

// A bilingual MFA briefing (外交部例行记者会, 2025-01-27, as reposted): each Chinese paragraph is followed
// by its English one. The English paragraph is marked `lang="en"` (a screen reader reads it in English,
// print sets it in the Latin face) and hyphenated as English; a Chinese paragraph, a short Latin
// fragment and a mixed sentence stay in the book's language.
describe('a Latin-script paragraph in a Chinese book', () => {
  const zh: RenderOptions = { ...html, ...typographyFor('zh-Hans') };
  const english = 'Hubei Media Group: The Spring Festival has been inscribed on UNESCO’s Representative List of the Intangible Cultural Heritage of Humanity.';
  it('carries its language, and is hyphenated as English without apostrophe marks', () => {
    const p = out(handlers.paragraph(para('p3', english), zh));
    expect(p).toMatch(/^<p id="p3" lang="en">Hubei Media Group: The Spring Fes\u00ad?ti\u00ad?val/);
    expect(p).toContain('\u00ad');
    expect(p).not.toContain('class="latin"');
  });
  it('leaves Chinese, mixed and short paragraphs in the book\'s language', () => {
    expect(out(handlers.paragraph(para('p2', '春节已被列入联合国教科文组织人类非物质文化遗产代表作名录。'), zh))).toBe('<p id="p2">春节已被列入联合国教科文组织人类非物质文化遗产代表作名录。</p>');
    expect(out(handlers.paragraph(para('p4', 'OK, thank you.'), zh))).toBe('<p id="p4">OK, thank you.</p>');
    expect(out(handlers.paragraph(para('p5', '我们注意到 Reuters 的报道 and the statement of the Ministry.'), zh))).not.toContain('lang=');
  });
  it('marks an English question after a Chinese label, and nothing in an English book', () => {
    const q = out(handlers.turn(turn('question', speaker('路透社记者', 'reporter'), para('p6', 'Could you confirm whether China will send representatives to the signing?')), zh));
    expect(q.replaceAll('\u00ad', '')).toContain('</b><span lang="en">Could you confirm whether China');
    expect(out(handlers.paragraph(para('p7', english), { ...html, ...typographyFor('en') }))).not.toContain('lang=');
  });
});

