// A wire transcript's furniture (dev: en-hanover-2005-04-01, a Thomson Reuters StreetEvents call of
// 2005): its masthead is no title, its letter-spaced edition stamp is furniture, and its rules of
// equals signs are rules, not paragraphs of signs. Checked on the tree the reader builds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { readTranscript } from '../../scripts/reader/read.ts';
import { isFurniture, RULE_LINE } from '../../scripts/reader/convention.ts';
import { projectRoot, resolveTemplateSet } from '../../scripts/render/templates.ts';

const dir = join(projectRoot, 'test/corpus/en-hanover-2005-04-01');
const read = () => readTranscript(readFileSync(join(dir, 'transcript.txt')), { speaker: 'John Burchett', templates: resolveTemplateSet('default', dir, 'book.yaml') }, { transcript: 'transcript.txt', config: 'book.yaml' });
const text = (n: { children?: unknown[] }) => (n.children ?? []).map((c) => (c as { value?: string }).value ?? '').join('');

describe('a wire transcript\'s furniture', () => {
  it('knows a letter-spaced stamp and a rule line as furniture, not a sentence of capitals', () => {
    expect(isFurniture('E D I T E D   V E R S I O N')).toBe(true);
    expect(isFurniture('A SHORT HEADING')).toBe(false);
    expect(isFurniture('I M F')).toBe(false);
    expect(RULE_LINE.test('='.repeat(80))).toBe(true);
  });
  it('reads the masthead above the stamp as no title, and the rules as rules', () => {
    const tree = read().tree;
    expect(tree.children.find((c) => c.type === 'title')).toBeUndefined();
    const lead = tree.children.slice(0, tree.children.findIndex((c) => c.type === 'section'));
    // The rules at lines 7, 9, 18 and 25 (the one under `Corporate Participants`, a list's heading and no
    // label, too; under the misspelt `Conference Call Participiants` and under `Presentation` the rule
    // still goes with the line above it, as the rule under a speaker's label does).
    expect(lead.filter((c) => c.type === 'container' && c.name === 'rule').map((c) => c.position?.start.line)).toEqual([7, 9, 18, 25]);
    expect(lead.filter((c) => /^[=-]{20,}$/.test(text(c)))).toEqual([]);
    expect(lead.find((c) => c.type === 'dateline') && text(lead.find((c) => c.type === 'dateline')!)).toBe('APRIL 01, 2005 / 4:00PM GMT');
  });
});
