// The cover: templates/default/cover.svg laid out with the book's title lines. SVG has no line
// wrapping, so the writer breaks the title here (at word boundaries: Intl.Segmenter knows Chinese
// words) and the template only places the lines it is given.
import type { BookView } from '../render/variables.ts';
import { renderTemplate, type TemplateSet } from '../render/templates.ts';

/** Splits text into at most-`max`-character lines, balanced, breaking only between words. */
export function wrapLines(text: string, max: number, lang: string): string[] {
  const chars = [...text];
  if (chars.length <= max) return [text];
  const lineCount = Math.ceil(chars.length / max);
  const target = Math.ceil(chars.length / lineCount);
  const words = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((s) => s.segment);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const len = [...line].length;
    // Close the line once it reaches the balanced width, or before it would pass the hard limit.
    if (len > 0 && (len >= target || len + [...word].length > max)) { lines.push(line); line = ''; }
    // A "word" longer than a line (a long name) is cut by characters.
    for (const ch of [...word]) {
      if ([...line].length >= max) { lines.push(line); line = ''; }
      line += ch;
    }
  }
  if (line) lines.push(line);
  // Punctuation must not start a line (GB/T 15834 line-breaking): pull it back to the line before.
  for (let i = 1; i < lines.length; i++) {
    const m = /^[，。、；：？！）》」』”’]+/u.exec(lines[i]);
    if (m) { lines[i - 1] += m[0]; lines[i] = lines[i].slice(m[0].length); }
  }
  return lines.filter(Boolean);
}

export function coverSvg(view: BookView, templates: TemplateSet): string {
  const titleSize = 120;
  const titleLines = wrapLines(view.title, 10, view.lang).map((text, i) => ({ text, size: titleSize, y: 700 + i * titleSize * 1.35 }));
  const ruleY = titleLines[titleLines.length - 1].y + 140;
  const subtitleLines = view.subtitle ? wrapLines(view.subtitle, 16, view.lang).map((text, i) => ({ text, size: 68, y: ruleY + 150 + i * 100 })) : [];
  return renderTemplate(templates, 'cover.svg', { ...view, titleLines, subtitleLines, ruleY });
}
