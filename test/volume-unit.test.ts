// Volumes without a browser (issue #27): how a volume is prepared for the one build pipeline. Two
// corpus briefings copied into a temporary source/ with editor's notes and a volume preface: each
// part keeps its own note numbers, the volume's matter is read, the cumulative index merges every
// part's curated and automatic topics (one entry per term, occurrences in every part that uses it),
// and too big a volume or a part that is not there is refused before anything is read (TP190, TP191).
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { prepareVolume, titleWithoutDate, volumeEdition, volumeTopics } from '../scripts/volume.ts';
import { allEntries } from '../scripts/index/model.ts';
import { BuildError } from '../scripts/core/diagnostics.ts';
import type { Topic } from '../scripts/config/schema.ts';

const PARTS = ['zh-hans-mfa-2024-03-21', 'zh-hans-mfa-2024-10-08'];
const topic = (term: string, aliases: string[] = []): Topic => ({ term, aliases, sub: [], seeAlso: [] } as unknown as Topic);

/** A source/ folder with the two parts (notes added) and a volume over them. */
function volumeFolder(): string {
  const root = tempDir('tp-volume-unit-');
  for (const p of PARTS) cpSync(join('test/corpus', p), join(root, p), { recursive: true });
  appendFileSync(join(root, PARTS[0], 'book.yaml'), 'topics:\n  - term: 普拉博沃\nindex: both\nnotes:\n  - quote: 印尼大选委员会\n    note: 印度尼西亚大选委员会。\n  - quote: 约58%得票率\n    note: 官方结果为58.6%。\n');
  appendFileSync(join(root, PARTS[1], 'book.yaml'), 'notes:\n  - quote: 宋赛\n    note: 老挝总理宋赛·西潘敦。\n');
  mkdirSync(join(root, 'vol'));
  writeFileSync(join(root, 'vol', 'preface.md'), '本卷收录外交部发言人例行记者会两场。\n');
  writeFileSync(join(root, 'vol', 'volume.yaml'), 'id: urn:x:vol\ntitle: 外交部发言人答记者问\nparts:\n  - ../zh-hans-mfa-*\nmatter:\n  - { file: preface.md, title: 前言, place: front }\ntopics:\n  - term: 东盟\n');
  return join(root, 'vol');
}

describe('a prepared volume', () => {
  const volume = prepareVolume(volumeFolder());

  it('keeps each part\'s notes numbered from 1, with ids of their own', () => {
    expect(volume.parts.map((p) => p.book.book.id)).toEqual(PARTS);
    expect(volume.notes.map((n) => [n.id, n.number])).toEqual([['v1-n1', 1], ['v1-n2', 2], ['v2-n1', 1]]);
    // Each note closes a section of its own part.
    for (const n of volume.notes) expect(volume.parts[Number(n.id[1]) - 1].sections.map((s) => s.id)).toContain(n.section);
  });

  it('reads the volume\'s own matter, and hands the writers the same edition a book gives', () => {
    expect(volume.matter.map((m) => m.title)).toEqual(['前言']);
    const edition = volumeEdition(volume);
    expect(edition.entry.kind).toBe('volume');
    const epub = edition.epubInput({ pageMap: new Map(), modified: new Date(0) });
    expect(epub.parts?.map((p) => p.id)).toEqual(['part-1', 'part-2']);
    expect(epub.matter?.map((m) => m.title)).toEqual(['前言']);
    const html = edition.reports().html;
    expect(html.match(/<article class="part-report"/g)).toHaveLength(2);
  });

  it('has one index of every part\'s curated and automatic topics: one entry per term, across the parts', () => {
    const entries = allEntries(volume.index);
    const terms = entries.map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
    // Curated: the volume's own (东盟) and a part's (普拉博沃); automatic: names found in either part.
    expect(terms).toEqual(expect.arrayContaining(['东盟', '普拉博沃', '李强', '老挝']));
    // 东盟 is found by the volume's topic in part 2 only; 中方 is automatic in both parts and has
    // occurrences in each (an occurrence's block id carries its part's prefix).
    const partsOf = (term: string) => new Set(volume.index.occurrences.filter((o) => o.term === term).map((o) => o.block.split('-')[0]));
    expect([...partsOf('东盟')]).toEqual(['v2']);
    const both = terms.filter((t) => partsOf(t).size === 2);
    expect(both.length).toBeGreaterThan(0);
  });
});

describe('volumeTopics', () => {
  const book = (curated: Topic[], automatic: Topic[]) => ({ topics: [...curated, ...automatic], book: { config: { topics: curated } } }) as never;

  it('merges curated topics first, then automatic ones less what a curated topic already has', () => {
    const r = volumeTopics({ topics: [topic('美国', ['美方'])], index: undefined } as never, [
      book([topic('中国')], [topic('美方'), topic('老挝', ['寮国', '美国'])]),
      book([], [topic('老挝', ['老挝人民民主共和国']), topic('中国')]),
    ]);
    expect(r.topics.map((t) => t.term)).toEqual(['美国', '中国', '老挝']);
    expect(r.curated).toBe(2);
    expect(r.topics[2].aliases).toEqual(['寮国', '老挝人民民主共和国']);
  });

  it('leaves the automatic topics out when volume.yaml says index: curated', () => {
    const r = volumeTopics({ topics: [], index: 'curated' } as never, [book([topic('中国')], [topic('老挝')])]);
    expect(r.topics.map((t) => t.term)).toEqual(['中国']);
  });
});

describe('volume limits', () => {
  const refusal = (dir: string) => {
    try { prepareVolume(dir); } catch (err) { if (err instanceof BuildError) return err.diagnostic; throw err; }
    throw new Error('not refused');
  };

  it('refuses too many parts up front (TP190) with how to split, and a pattern that finds nothing (TP191)', () => {
    const root = tempDir('tp-volume-big-');
    for (let i = 0; i < 401; i++) {
      const d = join(root, `b${String(i).padStart(3, '0')}`);
      mkdirSync(d);
      writeFileSync(join(d, 'transcript.txt'), 'x\n');
      writeFileSync(join(d, 'book.yaml'), `id: urn:x:b${i}\ntitle: B${i}\nspeaker: X\nsource: Y\ndate: 2024-01-01\n`);
    }
    mkdirSync(join(root, 'vol'));
    writeFileSync(join(root, 'vol', 'volume.yaml'), 'id: urn:x:vol\ntitle: Big\nparts: ["../b*"]\n');
    const big = refusal(join(root, 'vol'));
    expect(big.code).toBe('TP190');
    expect(big.message).toMatch(/the volume has 401 parts; one volume takes at most 400/);
    expect(big.message + big.hint).toMatch(/split it into 2 volumes, .*b000 … b399; b400 … b400/);
    writeFileSync(join(root, 'vol', 'volume.yaml'), 'id: urn:x:vol\ntitle: Big\nparts:\n  - ../nothing-*\n');
    const none = refusal(join(root, 'vol'));
    expect(none.code).toBe('TP191');
    expect([none.line, none.column]).toEqual([4, 5]);
    expect(none.message).toMatch(/part "\.\.\/nothing-\*": matches no book folder/);
  });
});

describe('titleWithoutDate', () => {
  it('prints a part\'s date once: a title that begins or ends with the same date loses it', () => {
    expect(titleWithoutDate('2022年3月18日外交部发言人赵立坚主持例行记者会', '2022年3月18日', '2022-03-18')).toBe('外交部发言人赵立坚主持例行记者会');
    expect(titleWithoutDate('Daily Press Briefing – February 4, 2016', 'February 4, 2016', '2016-02-04')).toBe('Daily Press Briefing');
    expect(titleWithoutDate('State Department Briefing by Jen Psaki, Jan. 27, 2015', 'January 27, 2015', '2015-01-27')).toBe('State Department Briefing by Jen Psaki');
    // Another date stays: it is not the part's.
    expect(titleWithoutDate('Remarks on the March 3, 2016 Agreement', 'February 4, 2016', '2016-02-04')).toBe('Remarks on the March 3, 2016 Agreement');
  });
});
