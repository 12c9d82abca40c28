// Normalisation rules: each takes one paragraph's TrackedText, records what it changes, and returns
// the new text. They are plain functions so a unit test can call each alone.
import type { TrackedText, Edit } from './tracked-text.ts';
import type { ChangeLog, RuleId } from './changes.ts';
import { classTester, isCjk, isHan, mayBeCjk } from './chars.ts';
import { lexicon } from './lexicon.ts';

export interface NormalizeOptions {
  /** What an ASCII hyphen between two CJK names becomes (book.yaml `cjkJoiner`). */
  cjkJoiner: string;
  /** zh-Hans, zh-Hant or en (detected when book.yaml has none). */
  language?: string;
}

type Rule = (text: TrackedText, log: ChangeLog, options: NormalizeOptions) => TrackedText;

/** Collects edits from regex matches; `replace` returns the new text or null to leave the match. */
export function replaceMatches(text: TrackedText, pattern: RegExp, rule: RuleId, log: ChangeLog,
  replace: (m: RegExpMatchArray) => string | null, opts: { confidence?: number } = {}): TrackedText {
  const edits: Edit[] = [];
  for (const m of matches(text.text, pattern)) {
    const insert = replace(m);
    if (insert === null || insert === m[0]) continue;
    const start = m.index!;
    edits.push({ start, end: start + m[0].length, insert });
    log.record(rule, text, start, start + m[0].length, insert, opts);
  }
  return text.apply(edits);
}

/**
 * What s.matchAll(pattern) yields, from an exec loop on the pattern itself: matchAll copies the pattern
 * at every call (twelve thousand paragraphs, several rules each, two rounds). The pattern's lastIndex
 * is where matchAll's copy would start, and it is left as it was found.
 */
function matches(s: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('replaceMatches needs a global pattern');
  const unicode = pattern.unicode || pattern.flags.includes('v');
  const saved = pattern.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
      out.push(m);
      if (m[0] === '') pattern.lastIndex = advance(s, pattern.lastIndex, unicode);
    }
  } finally {
    pattern.lastIndex = saved;
  }
  return out;
}

/** The index after `i` (a surrogate pair is one step in a Unicode pattern). */
function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

// Each rule's pattern is tried only where a character it needs occurs (a plain class scan is far cheaper
// than a pattern with look-behinds tried at every position); the result is the same.
const mayCompose = classTester(/[\p{M}\u2126\u212A\u212B\uF900-\uFAFF]/u);
const nfc: Rule = (text, log) => !mayCompose(text.text) ? text :
  replaceMatches(text, /[^\p{M}][\p{M}]+|[\u2126\u212A\u212B\uF900-\uFAFF]/gu, 'nfc', log, (m) => m[0].normalize('NFC'));

// Patterns tried per character or per match are made once here: a literal in a loop or a callback is a
// new RegExp object at every evaluation, garbage for the collector on tens of thousands of marks.
const GAP = /[ \t\u00A0\u3000]/;
const DIGIT = /[0-9]/;
const LATIN = /[\p{Script=Latin}]/u;
const HAN_CHAR = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CHINESE_MARK = /[、。，：；？！（）《》「」『』【】〔〕]/;
const SPACED = /^ .* $/;
const SENTENCE_END = /[。！？]["”’）」]?$/;

/** Neighbour of position i, skipping spaces, in direction dir. */
function neighbour(s: string, i: number, dir: 1 | -1): string | undefined {
  for (let j = i + dir; j >= 0 && j < s.length; j += dir) if (!GAP.test(s[j])) return s[j];
  return undefined;
}

/** Marks after which Chinese running text never has a space, and before which it never has one. */
const NO_SPACE_AFTER = /[、。，：；？！]/;
const NO_SPACE_BEFORE = /[、。，：；？！）》」』】〕]/;

/**
 * White space. Only strays in Chinese running text are removed: a space that splits a word (推 动),
 * spaces scattered through a sentence (我们 将 推动 合作。), a space before full-width punctuation or
 * after a comma or full stop in a sentence. Spaces that Chinese typesetting uses on purpose stay: in
 * titles, headings and bylines (中新社 北京3月6日电, （记者 海涵）, 壹、 主委致詞), after a closing
 * bracket (（中評社 海涵攝） 中評社北京…), the respect space before a name (國父 孫中山先生). In Latin
 * text white space is never changed: not next to quotes, apostrophes or other punctuation, not two
 * spaces after a full stop, not a no-break space.
 */
const whitespace: Rule = (text, log) => {
  // Only white space at either end is trimmed (\s holds U+3000 and U+FEFF).
  const t = text.text;
  const trimmed = t && (/\s/.test(t[0]!) || /\s/.test(t[t.length - 1]!))
    ? replaceMatches(text, /^[\s\u3000\uFEFF]+|[\s\u3000]+$/gu, 'whitespace', log, () => '') : text;
  const s = trimmed.text;
  // (Tried on the last two characters: the pattern ends the text, and tried on a whole paragraph it
  // starts at every position.)
  const sentence = SENTENCE_END.test(s.slice(-2));
  // Outside a sentence no space is changed.
  if (!sentence) return trimmed;
  const bracketed = (i: number) => {
    const open = Math.max(s.lastIndexOf('（', i), s.lastIndexOf('(', i));
    return open >= 0 && open > Math.max(s.lastIndexOf('）', i), s.lastIndexOf(')', i));
  };
  let gapCount = -1;
  const gaps = () => (gapCount >= 0 ? gapCount
    : (gapCount = [...s.matchAll(/(?<=\p{Script=Han})[ \t\u00A0\u3000]+(?=\p{Script=Han})/gu)].filter((m) => !bracketed(m.index!)).length));
  return replaceMatches(trimmed, /[ \t\u00A0\u3000]+/g, 'whitespace', log, (m) => {
    const i = m.index!;
    const before = s[i - 1] ?? '';
    const after = s[i + m[0].length] ?? '';
    const chinese = (ch: string) => isHan(ch) || CHINESE_MARK.test(ch);
    if (!sentence) return null;
    if (NO_SPACE_BEFORE.test(after) && chinese(before)) return '';
    if (NO_SPACE_AFTER.test(before) && chinese(after)) return '';
    if (isHan(before) && isHan(after)) {
      if (bracketed(i)) return null;
      // Three or more gaps in one sentence are scattered strays; fewer must split a word.
      const han = (s.match(/\p{Script=Han}/gu) ?? []).length;
      return (gaps() >= 3 && gaps() * 40 >= han) || splitsWord(s, i, i + m[0].length) ? '' : null;
    }
    return null;
  });
};

/** Whether removing s[start, end) joins the characters around it into one dictionary word of two or more. */
function splitsWord(s: string, start: number, end: number): boolean {
  const left = s.slice(Math.max(0, start - 3), start);
  const right = s.slice(end, end + 3);
  const lex = lexicon();
  for (let a = 1; a <= left.length; a++) {
    for (let b = 1; b <= right.length; b++) {
      const w = left.slice(left.length - a) + right.slice(0, b);
      if (!ALL_HAN.test(w)) continue;
      // A word of three or more, or a frequent two-character word: a single rare pair is chance.
      const score = lex.word(w);
      if (score !== undefined && (w.length >= 3 || score > -11)) return true;
    }
  }
  return false;
}

/**
 * Whether the text around s[i, j) is Chinese: the nearest letter or Han character on either side
 * (past white space, punctuation and quotation marks) is Han. An English sentence never is, even
 * with curly quotes or a dash around the mark (“really?”, he asked).
 */
export function chineseAround(s: string, i: number, j: number): boolean {
  const word = WORD_CHAR;
  let a = i - 1;
  while (a >= 0 && !word.test(s[a])) a--;
  let b = j;
  while (b < s.length && !word.test(s[b])) b++;
  return isHan(s[a]) || isHan(s[b]);
}

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

/**
 * A mark's neighbour may itself be a mark that becomes full-width (`?,?我们`), so the rule runs to a
 * fixed point: otherwise normalising twice would differ from normalising once.
 */
const punctWidth: Rule = (text, log, options) => {
  let current = text;
  for (let round = 0; round < 8; round++) {
    const next = punctWidthOnce(current, log, options);
    if (next.text === current.text) break;
    current = next;
  }
  return current;
};

const punctWidthOnce: Rule = (text, log) => {
  const s = text.text;
  // A mark turns full-width only beside Han (isHan of a neighbour, or chineseAround): none, no change.
  if (!/[,:;?!(]/.test(s) || !mayBeCjk(s)) return text;
  // The marks made full-width, by position (each replacement is one unit for one).
  const converted = new Set<number>();
  let out = replaceMatches(text, /[,:;?!]/g, 'punct-width', log, (m) => {
    const i = m.index!;
    const left = neighbour(s, i, -1);
    const right = neighbour(s, i, 1);
    // Inside numbers (1,000 / 3:00) ASCII stays.
    if (DIGIT.test(s[i - 1] ?? '') && DIGIT.test(s[i + 1] ?? '')) return null;
    if (!(isHan(left) || isCjk(right) && !LATIN.test(left ?? 'x') && chineseAround(s, i, i + 1) || isHan(right))) return null;
    converted.add(i);
    return FULL[m[0]];
  });
  // Spaces left around the marks just made full-width are strays (a typed "中国, 美国").
  if (converted.size && out.text.length === s.length && /[ \t]/.test(out.text)) {
    out = replaceMatches(out, /[ \t]+(?=[，：；？！])|(?<=[，：；？！])[ \t]+/g, 'whitespace', log, (m) =>
      converted.has(m.index! + m[0].length) || converted.has(m.index! - 1) ? '' : null);
  }
  // Parentheses go full-width as a pair when what they enclose or touch is Chinese.
  if (!out.text.includes('(')) return out;
  return replaceMatches(out, /\(([^()\n]*)\)/g, 'punct-width', log, (m) => {
    const before = out.text[m.index! - 1];
    return HAN_CHAR.test(m[1]) || isHan(before) ? `（${m[1]}）` : null;
  });
};

// A hyphen between two names (中国-中亚); one set off by spaces on both sides is a separator
// (施政報告 - 經濟組) and stays as it is.
// (The three rules below change only text beside Han characters: without any, nothing.)
const cjkJoiner: Rule = (text, log, options) => !/[-‐‑－]/.test(text.text) || !mayBeCjk(text.text) ? text :
  replaceMatches(text, /(?<=\p{Script=Han})[ ]?[-‐‑－][ ]?(?=\p{Script=Han})/gu, 'cjk-joiner', log, (m) => (SPACED.test(m[0]) ? null : options.cjkJoiner));

const ellipsis: Rule = (text, log) => !/\.\.\.|。。。|…/.test(text.text) || !mayBeCjk(text.text) ? text :
  replaceMatches(text, /(?<=[\p{Script=Han}，。“”])(?:\.{3,6}|。{3,6}|…(?!…)|…{3,})/gu, 'ellipsis', log, (m) =>
    (chineseAround(text.text, m.index!, m.index! + m[0].length) ? '……' : null));

const dash: Rule = (text, log) => !/--|[－―—]/.test(text.text) || !mayBeCjk(text.text) ? text :
  replaceMatches(text, /(?<=[\p{Script=Han}，。”])\s*(?:-{2,3}|－{1,2}|―{1,2}|—(?=\s*[“\p{Script=Han}])(?<=[，。”]—))\s*(?=[\p{Script=Han}“])/gu, 'dash', log, (m) =>
    (chineseAround(text.text, m.index!, m.index! + m[0].length) ? '——' : null));

const quotes: Rule = (text, log) => {
  if (!/\p{Script=Han}/u.test(text.text) || !text.text.includes('"')) return text;
  let open = true;
  return replaceMatches(text, /"/g, 'quotes', log, () => {
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
};

const OPEN_QUOTE = '“'.charCodeAt(0);
const CLOSE_QUOTE = '”'.charCodeAt(0);

/** Reports, without changing, paragraphs whose Chinese quotation marks do not pair up. */
const unbalancedQuotes: Rule = (text, log) => {
  let depth = 0;
  const s = text.text;
  // By code unit: a one-character string per character read was garbage for the collector.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === OPEN_QUOTE) depth++;
    else if (c === CLOSE_QUOTE) depth--;
    else continue;
    if (depth < 0 || depth > 1) {
      log.record('quotes-unbalanced', text, i, i + 1, s[i]!, { applied: false, confidence: 0.5, note: 'check the quotation marks here' });
      return text;
    }
  }
  if (depth !== 0) {
    const at = text.text.lastIndexOf('“');
    log.record('quotes-unbalanced', text, at, at + 1, '“', { applied: false, confidence: 0.5, note: 'this quotation is not closed in its paragraph' });
  }
  return text;
};

const DOUBLED = new Set([...'，、；：。'].map((c) => c.charCodeAt(0)));
/** Whether s has one of the marks twice in a row (the pattern's back reference, tried at every position, was slow). */
function hasDoubledMark(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - 1) && DOUBLED.has(s.charCodeAt(i))) return true;
  return false;
}

const doubledPunct: Rule = (text, log) => !hasDoubledMark(text.text) ? text :
  replaceMatches(text, /([，、；：。])\1+/g, 'punct-doubled', log, (m) => m[1]);

export const normalizeRules: Rule[] = [nfc, quotes, whitespace, punctWidth, cjkJoiner, ellipsis, dash, doubledPunct];

/**
 * Runs the rules until the text stops changing: one rule's output can be another's input (a quote
 * made curly turns the space before it into a stray), and normalising twice must equal once.
 */
export function normalizeParagraph(text: TrackedText, log: ChangeLog, options: NormalizeOptions): TrackedText {
  let current = text;
  for (let round = 0; round < 4; round++) {
    const next = normalizeRules.reduce((t, rule) => rule(t, log, options), current);
    if (next.text === current.text) break;
    current = next;
  }
  // (It only reports: with no one to read the report, the paragraph is not scanned.)
  return log.keep ? unbalancedQuotes(current, log, options) : current;
}
