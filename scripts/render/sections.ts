// How sections are laid out, decided once for both media from the shape of the transcript: long
// sections (a minister's answers) start a new page in print and a new document in the EPUB; short
// ones (a daily briefing's exchanges) follow one another.
import type { Transcript } from '../model/types.ts';
import { sections, walk } from '../model/walk.ts';

/** What precedes a section in print: a new page, or a space on the same page. */
export type SectionBreak = 'auto' | 'page' | 'space';

/** Characters of text a printed page holds, roughly (A5, the default type): CJK, then Latin. */
const PAGE_CHARS = { cjk: 600, latin: 1800 };

/**
 * `auto` made concrete: a section starts a new page when sections are long (the median fills three
 * quarters of a page or more, as in a minister's press conference), and follows on the same page after a space when they
 * are short (a daily briefing's exchanges), so 654 characters never take 12 pages. Starting sections on
 * right-hand pages (`rectoSections`) implies `page`.
 */
export function sectionBreakFor(tree: Transcript, mode: SectionBreak = 'auto', rectoSections = false): 'page' | 'space' {
  if (rectoSections || mode === 'page') return 'page';
  if (mode === 'space') return 'space';
  const sizes = sections(tree).map((s) => {
    let cjk = 0; let latin = 0;
    walk(s, (n) => { if (n.type === 'text') { cjk += (n.value.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length; latin += n.value.length; } });
    return cjk / PAGE_CHARS.cjk + (latin - cjk) / PAGE_CHARS.latin;
  }).sort((a, b) => a - b);
  // One section (a short briefing's opening remarks) follows its title and dateline: a page break
  // before it would leave the body's first page holding only those two lines.
  if (sizes.length < 2) return 'space';
  // Three quarters of a page: a minister's answers (the seed's median is 590 characters) keep their
  // pages; a daily briefing's exchanges (a few hundred characters) share them.
  return sizes[Math.floor(sizes.length / 2)] >= 0.75 ? 'page' : 'space';
}



/**
 * Print's section break. `auto` is decided on the page, by the space left there: a section follows the
 * one before after a space and opens the next page only when its heading and 4 lines of its text do
 * not fit in what is left (print.css keeps them together). No page is left two-thirds empty before a
 * long section, and the print loop keeps every section's end on 4 lines or more (render/ends.ts).
 * `page`, or right-hand starts, open a page for each. (The EPUB's documents still follow the median,
 * sectionBreakFor: a reader's screen has no space left to measure.)
 */
export function printSectionBreak(mode: SectionBreak = 'auto', rectoSections = false): 'page' | 'space' {
  return rectoSections || mode === 'page' ? 'page' : 'space';
}
