// sectionBreakFor: `auto` resolved from the sections' length (EPUB documents); printSectionBreak: print decides on the page.
import { describe, expect, it } from 'vitest';
import { printSectionBreak, sectionBreakFor } from '../scripts/render/sections.ts';
import type { Transcript } from '../scripts/model/types.ts';

const section = (id: string, chars: number) => ({
  type: 'section', id, role: 'question', heading: id,
  children: [{ type: 'turn', kind: 'answer', speaker: { label: 'A', name: 'A', role: 'principal' }, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'word '.repeat(chars / 5) }] }] }],
});
const tree = (...lengths: number[]) => ({ type: 'transcript', children: lengths.map((n, i) => section(`s${i + 1}`, n)) }) as unknown as Transcript;

describe('sectionBreakFor', () => {
  it('starts long sections on a new page and lets short ones follow', () => {
    expect(sectionBreakFor(tree(3000, 3000, 3000))).toBe('page');
    expect(sectionBreakFor(tree(300, 300, 300))).toBe('space');
  });
  it('never breaks the page before a lone section (the title page would hold only the title and dateline)', () => {
    expect(sectionBreakFor(tree(3000))).toBe('space');
    expect(sectionBreakFor(tree(3000), 'page')).toBe('page');
  });
});

describe('printSectionBreak', () => {
  it('lets auto sections follow on the page (the space left decides, in print.css), pages only when asked', () => {
    expect(printSectionBreak('auto')).toBe('space');
    expect(printSectionBreak()).toBe('space');
    expect(printSectionBreak('page')).toBe('page');
    expect(printSectionBreak('auto', true)).toBe('page');
  });
});
