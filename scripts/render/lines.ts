// Where a title may break into lines, in any language: between words, never inside a date, never
// before a closing mark or after an opening one. The one line breaker of every title: the half-title,
// title page, running heads and contents entries of the print edition (render/variables.ts) and the
// cover, SVG and EPUB (epub/cover.ts). Chinese words come from jieba (lang/words.ts), whose HMM keeps
// personal names and proper nouns whole (外交部 / 发言人 / 华春莹, never 发言 / 人华 or 华春 / 莹);
// other languages from Intl.Segmenter (words between spaces).
import { chineseWords } from '../lang/words.ts';
import { isChinese } from '../lang/language.ts';
import { charWidth as emCharWidth, TITLE_NARROW } from './ems.ts';

/** Width of a character of a title in ems, roughly (render/ems.ts, the one measure): full-width 1, the rest a little over half. */
export const charWidth = (ch: string): number => emCharWidth(ch, TITLE_NARROW);
const widthOf = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const HAN_NUMBER = '[0-9０-９〇零一二三四五六七八九十]';
/** Dates a line must not split: March 7, 2024 · 7 March 2024 · March 2024 · 2024-03-07 · 3/7/2024 · 2024年3月7日 · 二〇一六年六月二十一日. */
const DATE = new RegExp([
  `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`, `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}`, `${MONTH}\\s+\\d{4}`,
  '\\d{4}-\\d{1,2}-\\d{1,2}', '\\d{1,2}/\\d{1,2}/\\d{2,4}',
  // 年 of a year, not of a word it begins: 九十年度 (年度, the fiscal year), 九十年代, 2024年底/年初/年末.
  `${HAN_NUMBER}{2,4}年(?![度代底初末份間间])(?:${HAN_NUMBER}{1,3}月(?:${HAN_NUMBER}{1,3}[日号號])?)?`, `${HAN_NUMBER}{1,3}月${HAN_NUMBER}{1,3}[日号號]`,
].join('|'), 'gu');
/** Marks that open a phrase and so stay with what follows. */
const OPENING = /^[\s]*[“‘（(《〈「『【〔\[{]+$/u;

/**
 * The units a line may break between: words (jieba for Chinese, Intl.Segmenter for the rest), with
 * dates kept whole (unless `dates` is false: a date too wide for a line is cut between its words),
 * punctuation and spaces kept with the word before (so no line starts with a mark), opening marks with
 * the word after, and Latin pieces that no space parts kept together (G7’s, not G7’ / s; a hyphen
 * still lets a line end: U.S.- / Africa).
 */
export function breakUnits(text: string, lang: string, dates = true): string[] {
  const parts: { text: string; word: boolean }[] = [];
  let last = 0;
  for (const m of dates ? text.matchAll(DATE) : []) {
    parts.push(...wordsOf(text.slice(last, m.index), lang), { text: m[0], word: true });
    last = m.index! + m[0].length;
  }
  parts.push(...wordsOf(text.slice(last), lang));
  return glueLatin(attachMarks(parts));
}

/** Words and the marks and spaces between them, in order. */
function wordsOf(s: string, lang: string): { text: string; word: boolean }[] {
  const wordLike = (w: string) => /[\p{L}\p{N}]/u.test(w);
  if (isChinese(lang) || /\p{Script=Han}/u.test(s)) return chineseWords(s).map((w) => ({ text: w, word: wordLike(w) }));
  return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(s)].map((x) => ({ text: x.segment, word: !!x.isWordLike }));
}

/** Punctuation and spaces go with the word before, opening marks with the word after. */
function attachMarks(parts: { text: string; word: boolean }[]): string[] {
  const pieces: string[] = [];
  let opener = '';
  for (const p of parts) {
    if (p.word) { pieces.push(opener + p.text); opener = ''; continue; }
    if (OPENING.test(p.text) && !/\s$/.test(p.text) || (opener && !p.word)) { opener += p.text; continue; }
    if (pieces.length) pieces[pieces.length - 1] += p.text;
    else opener += p.text;
  }
  if (opener) pieces.length ? (pieces[pieces.length - 1] += opener) : pieces.push(opener);
  return pieces;
}

/** A Latin piece joined to the one before when no space, hyphen, dash or slash parts them (the segmenter cuts G7’s after the apostrophe). */
function glueLatin(pieces: string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /[\p{Script=Latin}\p{N}.’']$/u.test(prev) && /^[\p{Script=Latin}\p{N}]/u.test(p)) out[out.length - 1] = prev + p;
    else out.push(p);
  }
  return out;
}

/** A unit wider than `cap` ems: its words (a date's too), and a word still wider than that letter by letter. */
function narrower(unit: string, lang: string, cap: number): string[] {
  if (widthOf(unit.trim()) <= cap) return [unit];
  // A date's number stays with its 年, 月 or 日 (2025年 / 10月 / 15日）).
  const words = breakUnits(unit, lang, false).reduce<string[]>((out, w) => {
    if (out.length && /^[年月日号號]/u.test(w) && new RegExp(`${HAN_NUMBER}$`, 'u').test(out[out.length - 1]!)) out[out.length - 1] += w;
    else out.push(w);
    return out;
  }, []);
  return words.length > 1 ? words.flatMap((w) => narrower(w, lang, cap)) : [...unit];
}

/**
 * A title as the units a line may break between (breakUnits), for HTML pages: the print templates set
 * each unit in a `<span class="nobr">` (white-space: nowrap), its trailing space after it, so the browser breaks a title only
 * between words (中国 stays whole, "Briefing –" keeps its dash, a date is not split). A unit wider
 * than `cap` ems is given as its words (a date between its parts), and a word wider than that letter
 * by letter, so it can still break rather than overflow the page.
 */
export function titleUnits(text: string, lang: string, cap = 12): { text: string; space: string }[] {
  // The space after a unit stays outside its span: Chromium does not break at a space inside a nowrap element.
  return breakUnits(text, lang).flatMap((u) => narrower(u, lang, cap))
    .map((u) => { const m = /^([\s\S]*?)(\s*)$/u.exec(u)!; return { text: m[1]!, space: m[2]! }; });
}

/** The width in ems of the widest unit a line may not break (capped: a very long word is cut). */
export function widestUnit(text: string, lang: string, cap = 14): number {
  return Math.min(cap, Math.max(0, ...breakUnits(text, lang).map((u) => widthOf(u.trim()))));
}

/**
 * Splits text into lines at most `max` ems wide (a Han character is an em), as few lines as fit and
 * balanced (the widest line as narrow as possible), breaking only between the units of breakUnits: so
 * no line starts with punctuation and no date is split, in any language. A unit wider than a line (a
 * long name) is cut by characters.
 */
export function wrapLines(text: string, max: number, lang: string): string[] {
  if (widthOf(text) <= max) return [text];
  const units = breakUnits(text, lang).flatMap((u) => {
    if (widthOf(u.trim()) <= max) return [u];
    const out: string[] = [];
    let cur = '';
    for (const ch of u) { if (cur && widthOf(cur + ch) > max) { out.push(cur); cur = ''; } cur += ch; }
    return cur ? [...out, cur] : out;
  });
  const n = units.length;
  const lineWidth = (i: number, j: number) => widthOf(units.slice(i, j).join('').trim());
  // best[k][j]: the narrowest widest line setting units[0..j) in k lines (a small DP: titles are short).
  for (let lines = 1; lines <= n; lines++) {
    const best: number[][] = Array.from({ length: lines + 1 }, () => Array(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => Array(n + 1).fill(-1));
    best[0]![0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let j = 1; j <= n; j++) {
        for (let i = k - 1; i < j; i++) {
          if (best[k - 1]![i] === Infinity) continue;
          const w = lineWidth(i, j);
          if (w > max) continue;
          const score = Math.max(best[k - 1]![i]!, w);
          if (score < best[k]![j]!) { best[k]![j] = score; from[k]![j] = i; }
        }
      }
    }
    if (best[lines]![n] === Infinity) continue;
    const out: string[] = [];
    for (let k = lines, j = n; k > 0; k--) { const i = from[k]![j]!; out.unshift(units.slice(i, j).join('').trim()); j = i; }
    return out.filter(Boolean);
  }
  return [text];
}

/**
 * A running head: one line. A title wider than `max` ems (the type area is about 40 ems of the 8 pt
 * head on A5) is cut after the last word that fits and ends in an ellipsis, so the margin box never
 * wraps into a second line over the text.
 */
export function runningHead(text: string, lang: string, max = 38): string {
  if (widthOf(text) <= max) return text;
  // Cut between words only: after a space, or where Han text meets (not inside Jean-Pierre or G7’s).
  const units = breakUnits(text, lang);
  let out = '';
  let cut = '';
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (widthOf((out + unit).trimEnd()) > max - 1) break;
    out += unit;
    const end = [...unit.trimEnd()].pop() ?? '';
    if (/\s$/u.test(unit) || charWidth(end) === 1 || charWidth([...(units[i + 1] ?? ' ')][0]!) === 1) cut = out;
  }
  return `${(cut || out || [...text].slice(0, max - 1).join('')).trimEnd().replace(/[\s,，、:：;；–—-]+$/u, '')}…`;
}
