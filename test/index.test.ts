// The topic index stage: matching, sorting, locators, both renderings, suggestions, the seed index.
// Plain functions on small trees; no browser.
import { readFileSync } from 'node:fs';
import { toMarkup } from '../scripts/render/html.ts';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readTranscript } from '../scripts/reader/read.ts';
import { parseBookConfig, parseBookYaml } from '../scripts/config/load.ts';
import { topicSchema, type Topic } from '../scripts/config/schema.ts';
import type { Node, TopicRef, Transcript } from '../scripts/model/types.ts';
import { walk } from '../scripts/model/walk.ts';
import {
  markTopics, topicPositions, printIndexTree, epubIndexTree, printLocators, epubLocators, sortKey,
  allEntries, suggestTopics, suggestYaml, existingTerms, flatEntries, type IndexModel,
} from '../scripts/index/index.ts';

const SEED = 'source/wangyi-2024-03-07';
const strings = JSON.parse(readFileSync('templates/default/lang/zh-Hans.json', 'utf8'));

function read(text: string): { tree: Transcript; source: string } {
  const r = readTranscript(new TextEncoder().encode(text), { speaker: '王毅' });
  return { tree: r.tree, source: r.source };
}

/** Topics as book.yaml would give them (defaults filled in by the schema). */
function topics(list: unknown[]): Topic[] {
  return list.map((t) => topicSchema.parse(t));
}

function refs(tree: Transcript): TopicRef[] {
  const out: TopicRef[] = [];
  walk(tree, (n: Node) => { if (n.type === 'topicRef') out.push(n); });
  return out;
}

const TEXT = [
  '标题',
  '彭博社记者：中美关系前景如何？人类命运共同体呢？',
  '王毅：中美关系关乎两国人民福祉。中美元首在旧金山举行历史性会晤。旧金山会晤以来，中美合作有进展。',
  '我们共建命运共同体。',
].join('\n\n') + '\n';

/** Every term the sorting tests index occurs in it (entries with no occurrence are left out). */
const SORT_TEXT = '标题\n\n王毅：我们谈到中国、朝鲜、长城，也谈到保护主义、拜登、巴以冲突和中美关系，包括旧金山会晤与贸易。\n';

describe('markTopics: matching', () => {
  it('gives every topic reference its exact place in transcript.txt, even after normalisation moved characters', () => {
    // A paragraph broken in two (joined by the reader), ASCII punctuation and a doubled space before the
    // term: the normalised text no longer maps one to one onto the source.
    const source = '标题\n\n王毅:我们重视  中美关系,也重视\n周边外交。今后中美关系\n要稳定。\n';
    const { tree } = read(source);
    markTopics(tree, topics([{ term: '中美关系' }, { term: '周边外交' }]), 'book.yaml');
    const found = refs(tree).map((r) => ({ term: r.topic, start: r.position?.start, end: r.position?.end }));
    const lines = source.split('\n');
    expect(found).toHaveLength(3);
    for (const f of found) {
      const { line, column, offset } = f.start!;
      expect(lines[line - 1]!.slice(column - 1, column - 1 + f.term.length), `${f.term} at ${line}:${column}`).toBe(f.term);
      expect(source.slice(offset, f.end!.offset)).toBe(f.term);
    }
    expect(found.map((f) => `${f.start!.line}:${f.start!.column}`)).toEqual(['3:10', '4:1', '4:8']);
  });

  it('wraps occurrences, longest match first, across topics and aliases', () => {
    const { tree } = read(TEXT);
    const { index, diagnostics } = markTopics(tree, topics([
      { term: '中美关系', aliases: ['中美'] },
      { term: '命运共同体' },
      { term: '人类命运共同体' },
    ]), 'book.yaml');
    expect(diagnostics).toEqual([]);
    const found = refs(tree).map((r) => `${r.topic}:${r.children[0].value}`);
    // 中美关系 is never split into 中美 + 关系; 人类命运共同体 wins over the shorter 命运共同体 inside it.
    expect(found).toEqual(['中美关系:中美关系', '人类命运共同体:人类命运共同体', '中美关系:中美关系', '中美关系:中美', '中美关系:中美', '命运共同体:命运共同体']);
    const ids = refs(tree).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^t\d+-\d+$/);
    expect(index.occurrences.map((o) => o.id)).toEqual(ids);
  });

  it('never indexes speaker labels, and warns TP012 with the line in book.yaml when a topic matches nothing', () => {
    const { tree } = read(TEXT);
    const yaml = 'id: urn:x\ntitle: t\nspeaker: 王毅\nsource: s\ndate: 2024-03-07\ntopics:\n  - term: 中美关系\n  - term: 彭博社\n';
    const { config, place } = parseBookYaml(yaml);
    const { index, diagnostics } = markTopics(tree, config.topics, 'book.yaml', topicPositions(config.topics, place));
    expect(refs(tree).some((r) => r.topic === '彭博社')).toBe(false);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'TP012', severity: 'warning', file: 'book.yaml', line: 8, column: 11 });
    expect(diagnostics[0].message).toContain('彭博社');
    // An entry with nothing to show is left out of the index (an empty entry fails epubcheck, RSC-005).
    expect(allEntries(index).find((e) => e.term === '彭博社')).toBeUndefined();
  });

  it('matches /regex/ aliases, and reports an invalid one as TP011', () => {
    const { tree } = read(TEXT);
    const { diagnostics } = markTopics(tree, topics([
      { term: '旧金山会晤', aliases: ['/旧金山(?:举行历史性)?会晤/'] },
      { term: '中美关系', aliases: ['/中美(/'] },
    ]), 'book.yaml');
    expect(refs(tree).filter((r) => r.topic === '旧金山会晤').map((r) => r.children[0].value)).toEqual(['旧金山举行历史性会晤', '旧金山会晤']);
    expect(diagnostics.map((d) => d.code)).toEqual(['TP011']);
  });

  it('keeps positions: each piece points at its own characters in transcript.txt', () => {
    const { tree, source } = read(TEXT);
    markTopics(tree, topics([{ term: '旧金山会晤' }, { term: '中美关系' }]), 'book.yaml');
    walk(tree, (n: Node) => {
      if (n.type !== 'paragraph') return;
      for (const c of n.children) {
        if (c.type !== 'text' && c.type !== 'topicRef') continue;
        const text = c.type === 'text' ? c : c.children[0];
        const p = text.position!;
        expect(source.slice(p.start.offset, p.end.offset)).toBe(text.value);
        expect(source.split('\n')[p.start.line - 1].slice(p.start.column - 1, p.end.column - 1)).toBe(text.value);
        if (c.type === 'topicRef') expect(c.position).toEqual(p);
      }
    });
  });

  it('does not match see entries, and warns TP015 when a cross-reference names no topic', () => {
    const { tree } = read(TEXT);
    const { index, diagnostics } = markTopics(tree, topics([
      { term: '中美关系', seeAlso: ['美国'] },
      { term: '中美', see: '中美关系' },
    ]), 'book.yaml');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['TP015', 'topic "中美关系" refers to "美国" (seeAlso), which is not a topic']]);
    const see = allEntries(index).find((e) => e.term === '中美')!;
    expect(see.anchors).toEqual([]);
    expect(see.see).toEqual({ term: '中美关系', target: allEntries(index).find((e) => e.term === '中美关系')!.id });
  });
});

describe('sorting', () => {
  it('sorts by pinyin with the sort override honoured (polyphone 长城)', () => {
    const { tree } = read(SORT_TEXT);
    const list = [{ term: '中国' }, { term: '朝鲜' }, { term: '长城', sort: 'changcheng' }];
    // ICU's pinyin collation reads 长 as zhǎng and puts 长城 after 朝鲜: the reason for `sort`.
    expect(['中国', '朝鲜', '长城'].sort(new Intl.Collator('zh-Hans-u-co-pinyin').compare)).toEqual(['朝鲜', '长城', '中国']);
    const { index } = markTopics(tree, topics(list), 'book.yaml');
    expect(index.groups.map((g) => [g.letter, g.entries.map((e) => e.term)])).toEqual([['C', ['长城', '朝鲜']], ['Z', ['中国']]]);
    // And the override is what decides: a deliberately odd key moves the entry.
    const odd = markTopics(read(SORT_TEXT).tree, topics([{ term: '中国' }, { term: '长城', sort: 'zuo' }]), 'book.yaml').index;
    expect(odd.groups.map((g) => g.entries.map((e) => e.term)).flat()).toEqual(['中国', '长城']);
  });

  it('sorts character by character, and sub-entries too', () => {
    const { tree } = read(SORT_TEXT);
    const { index } = markTopics(tree, topics([
      { term: '保护主义' }, { term: '拜登' }, { term: '巴以冲突' },
      { term: '中美关系', sub: [{ term: '旧金山会晤' }, { term: '贸易' }] },
    ]), 'book.yaml');
    expect(index.groups[0].entries.map((e) => e.term)).toEqual(['巴以冲突', '拜登', '保护主义']);
    expect(index.groups.at(-1)!.entries[0].sub.map((e) => e.term)).toEqual(['旧金山会晤', '贸易']);
    expect(sortKey('长城', 'Cháng chéng')).toBe('chang cheng');
    expect(sortKey('朝鲜半岛问题', 'chaoxianbandaowenti')).toBe('chao xian ban dao wen ti');
  });
});

describe('locators', () => {
  const pages = new Map([['a1', 12], ['a2', 12], ['a3', 13], ['a4', 14], ['a5', 16], ['a7', 9]]);
  const lookup = (id: string) => pages.get(id);

  it('merges repeats on a page, collapses runs into ranges, keeps unknown pages as links of their own', () => {
    expect(printLocators(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'], lookup)).toEqual([
      { anchor: 'a7', page: 9 }, { anchor: 'a1', page: 12, to: 14 }, { anchor: 'a5', page: 16 }, { anchor: 'a6' },
    ]);
  });

  it('EPUB: one locator per page, labelled with the page; running numbers without a print edition', () => {
    expect(epubLocators(['a1', 'a2', 'a3'], lookup)).toEqual([{ anchor: 'a1', label: '12' }, { anchor: 'a3', label: '13' }]);
    expect(epubLocators(['a1', 'a2', 'a3'], () => undefined).map((l) => l.label)).toEqual(['1', '2', '3']);
  });
});

function sample(): { index: IndexModel; ids: string[] } {
  const { tree } = read(TEXT);
  const { index } = markTopics(tree, topics([
    { term: '中美关系', aliases: ['中美'], seeAlso: ['人类命运共同体'], sub: [{ term: '旧金山会晤', aliases: ['/旧金山举行历史性会晤/'] }] },
    { term: '人类命运共同体' },
    { term: '共同体', see: '人类命运共同体' },
  ]), 'book.yaml');
  return { index, ids: refs(tree).map((r) => r.id) };
}

describe('printIndexTree', () => {
  it('prints groups, linked page numbers with ranges, italic see / see also, indented sub-entries', () => {
    const { index } = sample();
    const cm = allEntries(index).find((e) => e.term === '中美关系')!;
    const pageOf = new Map(cm.anchors.map((a, i) => [a, [12, 12, 13, 14][i]]));
    const html = toMarkup(printIndexTree(index, (id: string) => pageOf.get(id) ?? 20, strings)!, 'html');
    expect(html).toMatch(/^<section id="index" class="index" role="doc-index"[^>]*><h1 id="index-h">索引<\/h1>/);
    expect(html).toContain('<h2 class="index-letter">Z</h2>');
    // A range is one unbreakable span (print.css: .index-range { white-space: nowrap }).
    expect(html).toContain(`<span class="index-term">中美关系</span> <span class="index-locators"><span class="index-range"><a href="#${cm.anchors[0]}">12</a>–14</span></span>`);
    expect(html).toMatch(/<span class="index-see-also"><i>参见<\/i> <a href="#ix\d+">人类命运共同体<\/a><\/span>/);
    expect(html).toMatch(/<span class="index-term">共同体<\/span> <span class="index-see"><i>见<\/i> <a href="#ix\d+">人类命运共同体<\/a><\/span>/);
    expect(html).toMatch(/<ul class="index-sub"><li id="ix\d+-1" class="index-entry"><span class="index-term">旧金山会晤<\/span> <span class="index-locators"><a href="#t\d+-1">20<\/a>, <a href="#t\d+-2">0<\/a>|<ul class="index-sub"><li id="ix\d+-1" class="index-entry"><span class="index-term">旧金山会晤<\/span> <span class="index-locators"><a href="#t\d+-1">20<\/a><\/span>/);
    // Cross-reference links resolve to entries of the index.
    for (const m of html.matchAll(/href="#(ix[\d-]+)"/g)) expect(html).toContain(`id="${m[1]}"`);
  });

  it('links every anchor while its page is unknown, so one pass finds them all', () => {
    const { index, ids } = sample();
    const html = toMarkup(printIndexTree(index, () => undefined, strings)!, 'html');
    const linked = [...html.matchAll(/<a href="#(t[\d-]+)">0<\/a>/g)].map((m) => m[1]);
    expect(new Set(linked)).toEqual(new Set(ids));
  });
});

describe('epubIndexTree', () => {
  it('writes EPUB Indexes 1.0 markup whose locators resolve to anchors, labelled with print pages', () => {
    const { index, ids } = sample();
    const xhtml = toMarkup(epubIndexTree(index, (id) => (id.endsWith('-1') ? 7 : 8), strings, () => 'text.xhtml')!, 'xhtml');
    // The index document's body carries epub:type="index"; the section must not repeat it.
    expect(xhtml).toMatch(/^<section id="index" role="doc-index"/);
    expect(xhtml).toContain('<section id="index-Z" epub:type="index-group"><h2>Z</h2><ul epub:type="index-entry-list">');
    expect(xhtml).toMatch(/<li id="ix\d+" epub:type="index-entry"><span epub:type="index-term">中美关系<\/span> <a epub:type="index-locator" href="text.xhtml#t\d+-1">7<\/a>, <a epub:type="index-locator" href="text.xhtml#t\d+-2">8<\/a>/);
    expect(xhtml).toMatch(/<ul epub:type="index-entry-list"><li id="ix\d+-1" epub:type="index-entry"><span epub:type="index-term">旧金山会晤<\/span>/);
    // epubcheck (RSC-005) wants the target's term inside a cross-reference as an index-term.
    expect(xhtml).toMatch(/<i>见<\/i> <a href="#ix\d+" epub:type="index-xref-preferred"><span epub:type="index-term">人类命运共同体<\/span><\/a>/);
    expect(xhtml).toMatch(/<i>参见<\/i> <a href="#ix\d+" epub:type="index-xref-related"><span epub:type="index-term">人类命运共同体<\/span><\/a>/);
    const targets = [...xhtml.matchAll(/epub:type="index-locator" href="text\.xhtml#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(ids).toContain(t);
    // Well-formed enough for XHTML: every opened element is closed.
    expect((xhtml.match(/<(section|ul|li|span|a|h1|h2|i)\b/g) ?? []).length).toBe((xhtml.match(/<\/(section|ul|li|span|a|h1|h2|i)>/g) ?? []).length);
  });
});

describe('the seed book', () => {
  const yaml = readFileSync(`${SEED}/book.yaml`, 'utf8');
  const config = parseBookConfig(yaml, `${SEED}/book.yaml`);
  const read = readTranscript(readFileSync(`${SEED}/transcript.txt`), config);

  it('has a curated index of at least 40 topics, every one found in the text', () => {
    expect(config.topics.length).toBeGreaterThanOrEqual(40);
    expect(config.topics.some((t) => t.sub.length >= 3)).toBe(true);
    expect(config.topics.some((t) => t.see)).toBe(true);
    expect(config.topics.some((t) => t.seeAlso.length)).toBe(true);
    expect(config.topics.some((t) => t.sort)).toBe(true);
    const { index, diagnostics } = markTopics(read.tree, config.topics, 'book.yaml', topicPositions(config.topics, parseBookYaml(yaml).place));
    expect(diagnostics).toEqual([]);
    for (const e of allEntries(index)) expect(e.see ? e.anchors.length === 0 : e.anchors.length > 0).toBe(true);
    // The polyphone override is honoured: 朝鲜半岛问题 files under C, not Z.
    expect(index.groups.find((g) => g.letter === 'C')!.entries.map((e) => e.term)).toContain('朝鲜半岛问题');
  });

  it('suggest (the automatic index engine) proposes at least 25 of the curated terms among its top 60', () => {
    const suggestions = suggestTopics(read.tree, config, [], 60);
    expect(suggestions).toHaveLength(60);
    const curated = new Set(existingTerms(config.topics));
    const hits = flatEntries(suggestions).filter((s) => curated.has(s.term));
    expect(hits.length).toBeGreaterThanOrEqual(25);
    // The principal speaker and the title are never proposed.
    expect(flatEntries(suggestions).map((s) => s.term)).not.toContain('王毅');
  });

  it('prints suggestions as YAML that pastes into book.yaml, leaving out what is already there', () => {
    const out = suggestYaml(read.tree, config, existingTerms(config.topics), 30);
    const pasted = topics((parseYaml(out) as { topics: unknown[] }).topics);
    // Fewer than asked for: what the curated index already holds is not proposed again.
    expect(pasted.length).toBeGreaterThanOrEqual(20);
    expect(pasted.length).toBeLessThanOrEqual(30);
    expect(out).toMatch(/# (person|place|organisation|subject), \d+×/);
    const known = new Set(existingTerms(config.topics));
    for (const t of pasted) expect(known.has(t.term)).toBe(false);
    expect(readFileSync(`${SEED}/book.yaml`, 'utf8')).toBe(yaml);
  });
});
