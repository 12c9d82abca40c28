// Repairing duplicated phrases without touching legitimate repetition.
//
// Three scales, largest first, each a plain function over one paragraph:
//   clauses  "…问题上旗帜鲜明，…问题上旗帜鲜明，…问题上旗帜鲜明。"  and English sentences said again
//   words    "我们我们" (ABAB of a non-verb) and English "the the"
//   chars    "始终愿愿与", "冷战残余余犹存", "怎么看看待"
// A copying artefact is repaired in both styles; speech-like repetition ("Yeah, yeah, yeah.",
// "it is – it is –", "Go – go ahead") is kept in `verbatim` and repaired in `edited`. For Chinese,
// the decision compares how likely the text is with and without the repetition under a word model
// built on jieba's frequency dictionary (lexicon.ts), and whether the repetition leaves an orphaned
// single character that the dictionary cannot explain. Reduplication (谈谈, 远远, 实实在在, 一批批,
// 工作|作出) sits inside dictionary words, so it scores close and is left alone.
import type { Edit, TrackedText } from './tracked-text.ts';
import type { ChangeLog, RuleId } from './changes.ts';
import { lexicon } from './lexicon.ts';

export interface DedupeOptions {
  style: 'edited' | 'verbatim';
}

/** Log-probability gain (nats) from removing a doubled character above which we repair it. */
export const APPLY_GAIN = 5.0;
/** …above which (but below APPLY_GAIN) we list it for review without changing the text. */
export const REVIEW_GAIN = 3.5;

export function dedupeParagraph(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  // Word-level English repairs first, so that "the the" inside one copy of a repeated sentence
  // does not hide the repetition.
  // Clauses go last: a doubled character inside one copy would otherwise hide the repetition.
  let t = englishWords(text, log, options);
  t = doubledChineseWords(t, log);
  t = doubledChineseChars(t, log);
  t = repeatedClauses(t, log, options);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Clauses and sentences

interface Clause {
  start: number;
  /** End of the clause's words (before its closing punctuation and spaces). */
  bodyEnd: number;
  end: number;
  body: string;
}

/**
 * What ends a clause: full-width marks always; ASCII marks only before white space or a closing
 * quote (127.0.0.1, 1,000 and COVID-19 are one token); …… and ——; a dash set off by spaces.
 */
const CLAUSE_END = /[，；。！？、]|[,;.!?](?=\s|$|["”’)])|……|——|\s[–—-](?=\s|$)|[–—](?=\s|$)/gu;

/** Splits into clauses; each clause owns its closing punctuation and the spaces after it. */
export function clauses(s: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  const push = (termStart: number, end: number) => {
    const raw = s.slice(start, termStart);
    const body = raw.trim();
    if (body) {
      const lead = raw.length - raw.trimStart().length;
      out.push({ start: start + lead, bodyEnd: start + lead + body.length, end, body });
    }
    start = end;
  };
  for (const m of s.matchAll(CLAUSE_END)) {
    if (m.index! < start) continue;
    let end = m.index! + m[0].length;
    while (end < s.length && /\s/.test(s[end])) end++;
    push(m.index!, end);
  }
  if (start < s.length) push(s.length, s.length);
  return out;
}

const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
const wordCount = (s: string) => (s.match(/\p{L}[\p{L}']*/gu) ?? []).length;

function repeatedClauses(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  const cs = clauses(text.text);
  const edits: Edit[] = [];
  // A unit is k consecutive clauses (a sentence with commas inside is several clauses); it repeats
  // when the next k clauses say the same. Compare with the unit's inner punctuation but not its last.
  const unitKey = (i: number, k: number) => {
    if (i + k > cs.length) return null;
    const parts = cs.slice(i, i + k);
    if (parts.some((c) => !c.body)) return null;
    return parts.map((c, n) => normaliseClause(c.body) + (n < k - 1 ? text.text.slice(c.bodyEnd, c.end).trim() : '')).join(' ');
  };
  for (let i = 0; i < cs.length; i++) {
    let best: { k: number; copies: number } | null = null;
    for (let k = 1; k <= 6 && i + 2 * k <= cs.length; k++) {
      const key = unitKey(i, k);
      if (!key) break;
      let copies = 1;
      while (unitKey(i + copies * k, k) === key) copies++;
      if (copies >= 2 && (!best || k * copies > best.k * best.copies)) best = { k, copies };
    }
    if (!best) continue;
    const { k, copies } = best;
    const key = unitKey(i, k)!;
    const last = i + k * copies - 1;
    const han = hanCount(key);
    const words = wordCount(key);
    // A long Chinese clause said again word for word is a copying artefact: edited Chinese
    // transcripts never do that, and speakers rephrase. Three long English copies are an artefact
    // too; a sentence said twice, or a short phrase repeated, is speech.
    const artefact = han >= 6 || (han === 0 && words >= 8 && copies >= 3);
    const speech = !artefact && (han === 0 ? words >= 1 : han >= 2);
    if (!artefact && !(speech && options.style === 'edited')) {
      if (han >= 2 && han < 6) {
        log.record('dup-clause', text, cs[i + k].start, cs[last].bodyEnd, '', { applied: false, confidence: 0.5, note: `short clause repeated ${copies} times: speech or error?` });
      }
      i = last;
      continue;
    }
    // Keep the first copy's words and the last copy's closing punctuation.
    const start = cs[i + k - 1].bodyEnd;
    const end = cs[last].bodyEnd;
    const rule: RuleId = artefact ? 'dup-clause' : 'speech-repetition';
    const confidence = artefact ? Math.min(0.99, 0.9 + 0.02 * copies + 0.002 * (han || words)) : 0.8;
    log.record(rule, text, start, end, '', { confidence, note: `${artefact ? 'clause' : 'speech'} repeated ${copies} times` });
    edits.push({ start, end, insert: '' });
    i = last;
  }
  return text.apply(edits);
}

function normaliseClause(body: string): string {
  return body.trim().toLowerCase().replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// English doubled words

/** Doubled words that English uses on purpose ("that that", "had had", "very very"). */
const ENGLISH_REDUPLICATION = new Set(['that', 'had', 'is', 'do', 'very', 'really', 'so', 'no', 'yes', 'yeah', 'bye', 'ha', 'well', 'now', 'go', 'more', 'far', 'long', 'much', 'many', 'again', 'too', 'blah', 'knock', 'tick', 'chop', 'hip', 'boo', 'hey', 'oh', 'wow', 'please', 'never']);

function englishWords(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  const edits: Edit[] = [];
  // The same word or phrase (up to four words) twice or more, separated by white space only (an
  // artefact, unless English doubles that word on purpose) or by a comma / dash / ellipsis (speech:
  // a stutter or a restart, "it is – it is –", "Go – go ahead").
  // Separators are those of speech: white space, a comma or a dash set off by a space, an em dash,
  // an ellipsis. "A,a" or "x-x" without spaces are tokens, not repetition.
  // The phrase is lazy: the shortest unit that repeats wins ("the the the the" is "the" four times).
  const re = /\b([A-Za-z]+(?:'[a-z]+)?(?:\s+[A-Za-z]+(?:'[a-z]+)?){0,3}?)((?:(?:\s+|,\s+|\s[–-]\s|\s?—\s?|\s*(?:\.\.\.|…)\s*)\1\b)+)/gi;
  for (const m of text.text.matchAll(re)) {
    const phrase = m[1];
    const repeats = m[2];
    const spoken = /[,–—.-]/.test(repeats);
    const start = m.index! + phrase.length;
    const end = start + repeats.length;
    if (!spoken) {
      if (!phrase.includes(' ') && ENGLISH_REDUPLICATION.has(phrase.toLowerCase())) continue;
      log.record('dup-word', text, start, end, '', { confidence: 0.95, note: `"${phrase}" doubled` });
      edits.push({ start, end, insert: '' });
    } else if (options.style === 'edited') {
      // Keep the first copy: "Go – go ahead" → "Go ahead".
      log.record('speech-repetition', text, start, end, '', { confidence: 0.8, note: `"${phrase}" repeated in speech` });
      edits.push({ start, end, insert: '' });
    }
  }
  return text.apply(edits);
}

// ---------------------------------------------------------------------------------------------
// Chinese doubled words (ABAB) and characters (AA)

/**
 * Verbs that Chinese reduplicates on purpose (ABAB, "do a little"): 研究研究, 考虑考虑. jieba's
 * dictionary lists no ABAB forms, so the list is ours; other doubled words are copying slips.
 */
const TENTATIVE_VERBS = new Set(['研究', '讨论', '考虑', '商量', '学习', '休息', '活动', '了解', '打听', '介绍', '锻炼', '收拾', '准备', '认识', '交流', '放松', '体验', '比较', '检查', '清理', '打扫', '整理', '尝试', '思考', '琢磨', '溜达', '打扮', '练习', '观察', '调查', '分析', '表扬', '批评', '教育', '帮助', '关心', '照顾', '欣赏', '参观', '享受', '感受', '处理', '调整', '改进', '总结', '讲讲', '说说', '聊聊', '走动', '沟通', '反省', '凉快', '暖和', '高兴', '热闹', '轻松', '明白', '清楚']);

/** ABAB: a word of 2–4 characters said twice. */
function doubledChineseWords(text: TrackedText, log: ChangeLog): TrackedText {
  const edits: Edit[] = [];
  const lex = lexicon();
  const s = text.text;
  for (const m of s.matchAll(/(\p{Script=Han}{2,4})\1+/gu)) {
    const word = m[1];
    if (!lex.has(word) || lex.has(m[0])) continue;
    // 一户一户, 一步一步: a numeral and a measure word said twice means "one by one".
    if (MEASURE_REDUPLICATION.test(word)) continue;
    // The match must sit on word boundaries: 工作作出 or 越来越 are not ABAB.
    const seg = lex.segment(s.slice(Math.max(0, m.index! - 4), m.index! + m[0].length + 4));
    const offset = Math.min(4, m.index!);
    const bounds = new Set(seg.words.map(([a]) => a - offset));
    if (!bounds.has(0) || !bounds.has(word.length)) continue;
    const start = m.index! + word.length;
    const end = m.index! + m[0].length;
    const tentative = TENTATIVE_VERBS.has(word);
    log.record('dup-word', text, start, end, '', tentative
      ? { applied: false, confidence: 0.4, note: `"${word}" said twice: this verb reduplicates on purpose (${word}${word})` }
      : { confidence: 0.93, note: `"${word}" doubled` });
    if (!tentative) edits.push({ start, end, insert: '' });
  }
  return text.apply(edits);
}

/** Grammatical particles that meet themselves across word boundaries. */
const PARTICLES = new Set(['的', '了', '地', '得', '着', '过', '是']);
/** Gain above which even a dictionary-explained doubling is listed for review. */
const EXPLAINED_REVIEW_GAIN = 6.5;

/** Measure words that reduplicate after 一 (一批批, 一个个, 一次次). */
const MEASURE_REDUPLICATION = /^一[批个次步层片代件年天条座群支份张户家点句字口本笔遍回趟项位名所排行块颗株]$/u;

export interface CharJudgement {
  /** Index of the second copy in the text. */
  at: number;
  gain: number;
  artefact: boolean;
  confidence: number;
  decision: 'repair' | 'review' | 'keep';
}

/** Judges the doubled Han character whose second copy is at `at` in `s`. */
export function judgeDoubledChar(s: string, at: number): CharJudgement {
  const lex = lexicon();
  const from = Math.max(0, at - 6);
  const to = Math.min(s.length, at + 7);
  const window = s.slice(from, to);
  const i = at - from; // second copy, within the window
  const withDup = lex.segment(window);
  const without = lex.segment(window.slice(0, i) + window.slice(i + 1));
  const gain = without.score - withDup.score;
  const wordAt = (seg: typeof withDup, pos: number) => seg.words.find(([a, b]) => a <= pos && pos < b)!;
  // Signal A: one of the copies is a single-character word (nothing in the dictionary explains it).
  const single = (pos: number) => { const [a, b] = wordAt(withDup, pos); return b - a === 1; };
  const orphanCopy = single(i - 1) || single(i);
  // Signal B: a single character next to the pair only finds its word once the copy is gone
  // (怎么看看待 → 看待): the repetition broke a word.
  let brokeWord = false;
  for (const pos of [i - 2, i + 1]) {
    if (pos < 0 || pos >= window.length || !single(pos)) continue;
    const inWithout = pos > i ? pos - 1 : pos;
    const [a, b] = wordAt(without, inWithout);
    if (b - a > 1) brokeWord = true;
  }
  const before = window[i - 2] ?? '';
  const after = window[i + 1] ?? '';
  const reduplication = MEASURE_REDUPLICATION.test(before + window[i])
    || (after !== '' && after === window[i + 2] && lex.has(window[i] + after)); // AABB: 干干净净
  // Particles double legitimately across a word boundary (目的|的, 完成了|了解, 这是|是非): only
  // when both copies stand alone (我的的书) is that a slip.
  const particle = PARTICLES.has(window[i]);
  const bothAlone = single(i - 1) && single(i);
  const artefact = (orphanCopy || brokeWord) && !reduplication && (!particle || bothAlone);
  // One copy alone and the other inside a word (还有|有, 有|有关) is the typical slip; frequent
  // characters score little, so this pattern repairs at a lower gain.
  const mixed = orphanCopy && !bothAlone;
  const applyAt = mixed && !particle ? APPLY_GAIN - 1 : APPLY_GAIN;
  const confidence = artefact ? 1 / (1 + Math.exp(-(gain - REVIEW_GAIN) * 1.2)) : 0;
  let decision: CharJudgement['decision'] = !artefact || gain < REVIEW_GAIN ? 'keep' : gain >= applyAt ? 'repair' : 'review';
  // Explained by the dictionary but far likelier without (社区|区里): worth an editor's look.
  if (!artefact && !reduplication && gain >= EXPLAINED_REVIEW_GAIN) decision = 'review';
  return { at, gain, artefact, confidence, decision };
}

function doubledChineseChars(text: TrackedText, log: ChangeLog): TrackedText {
  const edits: Edit[] = [];
  const s = text.text;
  for (const m of s.matchAll(/(\p{Script=Han})\1/gu)) {
    const at = m.index! + 1;
    // A run of three (哈哈哈) is laughter or emphasis, not a copying slip.
    if (s[at + 1] === m[1] || s[at - 2] === m[1]) continue;
    const j = judgeDoubledChar(s, at);
    if (j.decision === 'keep') continue;
    const applied = j.decision === 'repair';
    log.record('dup-char', text, at, at + 1, '', { applied, confidence: j.confidence, note: `"${m[0]}": ${applied ? 'the doubled character makes no word' : 'doubled character, uncertain'} (gain ${j.gain.toFixed(1)})` });
    if (applied) edits.push({ start: at, end: at + 1, insert: '' });
  }
  return text.apply(edits);
}
