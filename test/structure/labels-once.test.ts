// The label decision is made once per document and carried to the four stages that ask for it (issue
// 24): line splitting, the page-furniture pass, paragraph repair and structure. Each stage is shown to
// act on the carried decision, not on a recognition of its own: a decision seeded into the document's
// table (a label where the recogniser sees none, or none where it sees one) changes what the stage
// does. And no file under scripts/ but the decisions module calls the recogniser.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { documentLabels, type DocumentLabels } from '../../scripts/reader/document-labels.ts';
import type { LabelMatch } from '../../scripts/reader/labels.ts';
import { splitLines } from '../../scripts/reader/line-breaks.ts';
import { splitBlocks } from '../../scripts/reader/blocks.ts';
import { LineIndex, TrackedText } from '../../scripts/reader/tracked-text.ts';
import { ChangeLog } from '../../scripts/reader/changes.ts';
import { repairParagraphs } from '../../scripts/reader/paragraphs.ts';
import { buildTree } from '../../scripts/reader/structure.ts';
import { dropFurniture, readTranscript } from '../../scripts/reader/read.ts';
import { turns } from '../../scripts/model/walk.ts';
import { projectRoot } from '../../scripts/render/templates.ts';

const label = (text: string, kind: LabelMatch['kind'] = 'other'): LabelMatch => ({ label: text, name: text, kind, length: text.length, alone: true });
const tracked = (texts: string[]) => texts.map((t) => TrackedText.fromSource(t, 0, t.length));

describe('the label decision, made once and carried', () => {
  it('line splitting breaks before a line only when the carried decision says it opens with a label', () => {
    const source = '外交部发言人毛宁主持例行记者会，介绍了有关情况并回答了中外记者的\n毛宁：今天我们宣布一项消息。';
    const lines = new LineIndex(source);
    const split = (seed?: LabelMatch | null) => {
      const labels = documentLabels(source.split('\n'), ['毛宁']);
      if (seed !== undefined) labels.decisions.set('毛宁：今天我们宣布一项消息。', seed);
      return splitLines(splitBlocks(source), (o) => lines.point(o).line, labels).map((b) => b.text);
    };
    expect(split()).toHaveLength(2);
    expect(split(null)).toHaveLength(1);
  });

  it('the furniture pass drops a page\'s furniture only after a line the carried decision calls a label alone', () => {
    const blocks = ['Jane Roe', '- Hansard - - - Excerpts', 'I thank the Minister for her answer, and I welcome it.'];
    const log = () => new ChangeLog(new LineIndex(blocks.join('\n')));
    const pass = (seed: LabelMatch | null) => {
      const labels = documentLabels(blocks, []);
      labels.decisions.set('Jane Roe', seed);
      return dropFurniture(tracked(blocks), labels, log()).map((b) => b.text);
    };
    expect(pass(label('Jane Roe'))).toEqual([blocks[0], blocks[2]]);
    expect(pass(null)).toEqual(blocks);
  });

  it('paragraph repair never joins a paragraph onto the one before when the carried decision calls it a label', () => {
    const blocks = ['标题', '我们高度重视发展双边关系，这是我们的', '合作伙伴关系的基础。'];
    const repair = (seed?: LabelMatch | null) => {
      const labels = documentLabels(blocks, ['王毅']);
      if (seed !== undefined) labels.decisions.set(blocks[2], seed);
      return repairParagraphs(tracked(blocks), new ChangeLog(new LineIndex(blocks.join('\n'))), labels, { style: 'edited' }).map((b) => b.text);
    };
    expect(repair()).toHaveLength(2);
    expect(repair({ ...label('合作伙伴'), alone: false })).toHaveLength(3);
  });

  it('structure opens a turn exactly where the carried decision says a label stands', () => {
    const blocks = ['王毅外长答中外记者问', '王毅：我们愿同各方一道努力。', '记者：请问中方如何看待当前局势？', '王毅：中方的立场是一贯的。'];
    const read = (seeds: [string, LabelMatch | null][]) => {
      const labels = documentLabels(blocks, ['王毅']);
      for (const [text, seed] of seeds) labels.decisions.set(text, seed);
      const { tree } = buildTree(tracked(blocks), new LineIndex(blocks.join('\n')), { speaker: '王毅', headings: new Map(), language: 'zh-Hans', labels });
      return turns(tree).map((t) => t.speaker.label);
    };
    expect(read([])).toEqual(['王毅', '记者', '王毅']);
    expect(read([[blocks[2], null]])).toEqual(['王毅', '王毅']);
  });

  it('a whole reading carries one table: every turn of the tree, and every paragraph, is a decision in it', () => {
    const text = '王毅外长答中外记者问\n\n王毅：我们愿同各方一道努力。\n\n彭博社记者：请问中方如何看待当前局势？\n\n王毅：中方的立场是一贯的。\n我们反对任何单边行动。';
    let table: DocumentLabels | undefined;
    const r = readTranscript(Buffer.from(text), { speaker: '王毅' }, {}, { labels: (l) => { table = l; } });
    // The result does not keep the table (a book holds its reading for the whole build).
    expect(r).not.toHaveProperty('labels');
    const decided = [...table!.decisions].filter(([, d]) => d).map(([t, d]) => [t.slice(0, d!.length).replace(/[：:\s]+$/u, ''), d!.name, d!.kind]);
    const spoken = turns(r.tree).map((t) => [t.speaker.label, t.speaker.name]);
    expect(spoken).toEqual([['王毅', '王毅'], ['彭博社记者', '彭博社'], ['王毅', '王毅']]);
    for (const [l, name] of spoken) expect(decided.some(([dl, dn]) => dl === l && dn === name)).toBe(true);
    // Every paragraph the structure stage read was decided in the one table.
    for (const b of r.blocks) expect(table!.decisions.has(b)).toBe(true);
  });

  it('no module under scripts/ but document-labels.ts runs the recogniser', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : []);
    const callers = files(join(projectRoot, 'scripts'))
      .filter((f) => /\brecogniseLabel\s*\(|\blabelContext\s*\(/.test(readFileSync(f, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '').replace(/export function \w+/g, '')))
      .map((f) => relative(projectRoot, f).split('\\').join('/'));
    expect(callers).toEqual(['scripts/reader/document-labels.ts']);
  });
});
