// Repairing duplicated phrases without touching legitimate repetition.
//
// Precision first: the reader repairs a repetition on its own only where the evidence is
// overwhelming, lists what is doubtful for review (applied: false, with the correction ready to
// paste), and leaves alone what the language explains. Three scales, each a plain function over one
// paragraph:
//   spans    Chinese text repeated back to back inside a clause: a doubled character (始终愿愿与), a
//            2–3-character span doubled at any position (截至目截至目前, 对美对美方), a doubled word
//            (我们我们); English typed doubles ("the the", "to to")
//   clauses  a clause or sentence pasted two or three times (…旗帜鲜明，…旗帜鲜明，…旗帜鲜明。)
//   speech   repetition a speaker makes ("it is – it is – it is", "Yeah, yeah, yeah", 好，好): kept
//            unless book.yaml asks for `style: edited`
// Legitimate repetition is recognised by mechanism, not by a list of words, with jieba's frequency
// dictionary (lexicon.ts) read through a Simplified view of the text, so Traditional text is judged
// the same way and edits apply to its own characters:
//   numerals and plan names   十五五, 十四五, 一一, 三三两两 (a doubled numeral inside a numeral run)
//   reduplication             谢谢, 看看, 远远, 谈谈 (the pair is a word), 实实在在, 干干净净 (AABB), 一批批 (一 + measure word)
//   words meeting             新闻局|局长, 财政部|部长, 银行|行长, 陕西|西安, 关税|税则, 真理教|教主: a word
//                             ends with the character the next word begins with
//   function words            事故中|中国, 完成了|了解, 在|在场, 对|对方, 是|是非: a localiser, particle,
//                             preposition or conjunction followed by a word that begins with it
// A copying artefact is what none of these explains: a doubled character no word accounts for, a
// span of two or more characters repeated where no word boundary explains it.
import type { Edit, TrackedText } from './tracked-text.ts';
import type { ChangeLog, RuleId } from './changes.ts';
import { lexicon, scoringView, type Lexicon } from './lexicon.ts';
import { isHan, isHanCode, lowerCase } from './chars.ts';
import { calibrated } from './confidence.ts';
import { canBeGrammatical, isCommonWord, wordClass } from './english.ts';
import { COMMON_SURNAMES } from '../lang/names.ts';
import { baseLanguage, isChinese } from '../lang/language.ts';
import { TRANSLITERATION } from '../lang/transliteration.ts';

export interface DedupeOptions {
  /** verbatim (default): keep what the speaker said; edited: also tidy speech repetition. */
  style: 'edited' | 'verbatim';
  /** zh-Hans, zh-Hant or en: Traditional text is scored through its Simplified view. */
  language?: string;
  /** The book's language tag (fr, de, …): English word doubles are repaired only in English or
   * Chinese books; elsewhere the grammar that makes a double right is unknown here (French `nous nous
   * sommes`, German `die die`), so each is listed for review and the text is kept. */
  tag?: string;
}

/**
 * One paragraph read until nothing more changes: a repair can uncover another (看看待看待: the doubled
 * 看 repaired leaves 看待看待, a doubled word), and normalising the output again must change nothing.
 * The later passes run on the tracked result, so their changes keep their source positions; what
 * they list for review again is not listed twice.
 */
export function dedupeParagraph(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  const start = log.changes.length;
  let t = dedupePass(text, log, options);
  for (let pass = 0, prev = text.text; pass < 3 && t.text !== prev; pass++) {
    prev = t.text;
    const from = log.changes.length;
    t = dedupePass(t, log, options);
    log.dropRepeats(from, start);
  }
  return t;
}

function dedupePass(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  // English word doubles first, so that "the the" inside one copy of a repeated sentence does not
  // hide the repetition; clauses last, for the same reason with a doubled character.
  let t = englishWords(text, log, options);
  t = chineseRepeats(t, log, options);
  t = repeatedClauses(t, log, options);
  // After the clauses: a repeat of whole clauses is theirs, even where a rotation of it crosses a mark.
  return crossingSpans(t, log);
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
const CLAUSE_END = /[，；。！？、：]|[,;.!?](?=\s|$|["”’)])|……|——|\s[–—-](?=\s|$)|[–—](?=\s|$)|\s--(?=\s|$)/gu;

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

/**
 * A clause said again that speech produces, by word class and size, not by a list of words: thanks,
 * greetings and assent are short utterances (谢谢大家，谢谢大家。好的，好的。是的，是的。), at most two
 * words and no number; and any clause whose words are all of the classes speakers repeat (pronouns,
 * conjunctions, adverbs, interjections, modal particles, the copula, reduplicated words: 对对，就是就是).
 * English clauses without Han are judged by their length in words (repeatedClauses).
 */
function speechLike(clause: string, lex: Lexicon, edge: boolean): boolean {
  const han = scoringView(clause).replace(/[^\p{Script=Han}]/gu, '');
  if (!han) return true;
  if (/[0-9０-９]/.test(clause)) return false;
  const seg = lex.segment(han);
  const words = seg.words.map(([a, b]) => han.slice(a, b));
  // Thanks, greetings and address (谢谢大家，谢谢大家。主席，主席，) open or close a turn.
  if (edge && words.length <= 2 && han.length <= 4 && !words.some((w) => /^m/.test(lex.tag(w) ?? ''))) return true;
  return words.every((w) => speechWord(lex, w, w.length === 1) || /^(.)\1$/u.test(w) || /^u/.test(lex.tag(w) ?? ''));
}

function repeatedClauses(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  const cs = clauses(text.text);
  const edits: Edit[] = [];
  const units = clauseUnits(text.text, cs);
  for (let i = 0; i < cs.length; i++) {
    const best = units.repeatAt(i);
    if (!best) continue;
    const { k, copies } = best;
    const key = units.key(i, k)!;
    const last = i + k * copies - 1;
    const han = hanCount(key);
    const words = wordCount(key);
    const start = cs[i + k - 1].bodyEnd;
    const end = cs[last].bodyEnd;
    // Chinese: a clause of four characters or more said again word for word is a copying artefact
    // (edited transcripts never do that, speakers rephrase), unless it is thanks or assent (谢谢，谢谢).
    // English: a sentence of ten words or more pasted again, or of five or more pasted three times.
    // A short utterance said again at the start or the end of a paragraph (after its label) is speech.
    const edge = i === 0 || (i === 1 && /[：:]$/.test(text.text.slice(cs[0].start, cs[0].end).trim())) || last === cs.length - 1;
    const speech = han > 0 ? speechLike(key, lexicon(), edge) : words < 5 || (copies === 2 && words < 8);
    const artefact = !speech && (han >= 4 || (han === 0 && (words >= 8 || (copies >= 3 && words >= 5))));
    if (artefact) {
      const features = han > 0 ? { kind: 'clause-zh' as const, size: han, copies } : { kind: 'clause-en' as const, size: words, copies };
      const confidence = calibrated(features);
      const repair = confidence >= APPLY;
      log.record('dup-clause', text, start, end, '', { applied: repair, confidence, note: `clause repeated ${copies} times` });
      if (repair) edits.push({ start, end, insert: '' });
    } else if (options.style === 'edited') {
      log.record('speech-repetition', text, start, end, '', { confidence: 0.8, note: `speech repeated ${copies} times` });
      edits.push({ start, end, insert: '' });
    } else if (han >= 2 && !speech) {
      // 2–3 characters said again (一是，一是): speech or a slip; the editor decides.
      log.record('dup-clause', text, start, end, '', { applied: false, confidence: 0.5, note: `short clause repeated ${copies} times: speech or error?` });
    } else if (han === 0 && !speech) {
      log.record('dup-clause', text, start, end, '', { applied: false, confidence: calibrated({ kind: 'clause-en', size: words, copies }), note: `sentence said ${copies} times: speech or a paste?` });
    }
    i = last;
  }
  return text.apply(edits);
}

/**
 * Units of k consecutive clauses (a sentence with commas inside is several clauses); a unit repeats
 * when the next k clauses say the same. Compared with the unit's inner punctuation but not its last.
 */
function clauseUnits(s: string, cs: Clause[]) {
  // Each clause's normal form and punctuation once (a key is asked about every clause ~12² times).
  const norm = cs.map((c) => normaliseClause(c.body));
  const punct = cs.map((c) => s.slice(c.bodyEnd, c.end).trim());
  const key = (i: number, k: number) => {
    if (i + k > cs.length) return null;
    const parts: string[] = [];
    for (let n = 0; n < k; n++) {
      if (!cs[i + n]!.body) return null;
      parts.push(norm[i + n]! + (n < k - 1 ? punct[i + n]! : ''));
    }
    return parts.join(' ');
  };
  // A unit's key length from prefix sums: two units whose keys differ in length differ, so most
  // comparisons are made without building either key.
  const sums = new Int32Array(cs.length + 1);
  for (let n = 0; n < cs.length; n++) sums[n + 1] = sums[n]! + norm[n]!.length + punct[n]!.length;
  const keyLength = (i: number, k: number) => sums[i + k - 1]! - sums[i]! + norm[i + k - 1]!.length + k - 1;
  const sameUnit = (j: number, k: number, unit: string) => j + k <= cs.length && keyLength(j, k) === unit.length && key(j, k) === unit;
  /** The unit at clause i (up to 12 clauses) repeated right after itself that covers the most clauses. */
  const repeatAt = (i: number) => {
    let best: { k: number; copies: number } | null = null;
    for (let k = 1; k <= 12 && i + 2 * k <= cs.length; k++) {
      if (keyLength(i + k, k) !== keyLength(i, k)) continue;
      const unit = key(i, k);
      if (!unit) break;
      let copies = 1;
      while (sameUnit(i + copies * k, k, unit)) copies++;
      if (copies >= 2 && (!best || k * copies > best.k * best.copies)) best = { k, copies };
    }
    return best;
  };
  return { key, repeatAt };
}

function normaliseClause(body: string): string {
  return lowerCase(body.trim()).replace(/\s+/g, ' ');
}

/** Confidence from which a repair is applied rather than listed for review (calibrated: see confidence.ts). */
export const APPLY = 0.95;

// ---------------------------------------------------------------------------------------------
// English doubled words

/** Whether English word doubles are judged by English grammar: English and Chinese books (English
 * quoted in Chinese text), not French, German or another Latin-script language. */
function englishGrammar(tag: string | undefined): boolean {
  return !tag || baseLanguage(tag) === 'en' || isChinese(tag);
}

/**
 * The same word or phrase (up to four words) twice or more, separated by white space only (typed)
 * or by a comma / dash / ellipsis (speech: a stutter or a restart, "it is – it is –", "Go – go ahead").
 * "A,a" or "x-x" without spaces are tokens, not repetition.
 * The phrase is lazy: the shortest unit that repeats wins ("the the the the" is "the" four times).
 */
export const ENGLISH_REPEAT = /\b([A-Za-z]+(?:['’][a-z]+)?(?:\s+[A-Za-z]+(?:['’][a-z]+)?){0,3}?)((?:(?:\s+|,\s+|\s[–-]\s|\s--\s|\s?—\s?|\s*(?:\.\.\.|…)\s*)\1\b)+)/gi;
const ENGLISH_REPEAT_AT = new RegExp(ENGLISH_REPEAT.source, 'iy');

/**
 * ENGLISH_REPEAT's matches, as `matchAll` finds them, tried only where one can begin. A match is a
 * phrase of m runs of ASCII letters (one to four words of one or two runs each: m ≤ 8), whole runs (it
 * opens after \b and each run is followed by a non-letter), then a separator of white space and , . - –
 * — …, then the phrase again in any case: its runs are the next m runs, equal to the first m one by
 * one. Running the regex from the runs where that holds, left to right and past each match, finds what
 * the global scan finds; trying it at every character was the reader's largest cost on English text.
 */
export function englishRepeats(s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const at of repeatCandidates(s)) {
    if (at < from) continue;
    ENGLISH_REPEAT_AT.lastIndex = at;
    const m = ENGLISH_REPEAT_AT.exec(s);
    if (!m) continue;
    out.push(m);
    from = at + m[0].length;
  }
  return out;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** What may stand between the two copies (ENGLISH_REPEAT's separators, as a set of characters). */
const SEPARATOR = /^[\s,.\u2013\u2014\u2026-]+$/;

/** Starts of the runs of ASCII letters at which m runs (1 ≤ m ≤ 8) come again as the next m, after a separator. */
function repeatCandidates(s: string): number[] {
  const starts: number[] = [], ends: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!isAsciiLetter(s.charCodeAt(i))) continue;
    const start = i;
    while (i + 1 < s.length && isAsciiLetter(s.charCodeAt(i + 1))) i++;
    starts.push(start);
    ends.push(i + 1);
  }
  const same = (a: number, b: number) => ends[a]! - starts[a]! === ends[b]! - starts[b]! && sameLetters(s, starts[a]!, starts[b]!, ends[a]! - starts[a]!);
  const out: number[] = [];
  for (let r = 0; r < starts.length; r++) {
    for (let m = 1; m <= 8 && r + 2 * m <= starts.length; m++) {
      if (!same(r, r + m)) continue;
      let k = 1;
      while (k < m && same(r + k, r + m + k)) k++;
      if (k === m && SEPARATOR.test(s.slice(ends[r + m - 1]!, starts[r + m]!))) { out.push(starts[r]!); break; }
    }
  }
  return out;
}

/** Whether the ASCII letters at a and at b are the same in any case (bit 0x20 is the case of a letter). */
function sameLetters(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if ((s.charCodeAt(a + k) | 0x20) !== (s.charCodeAt(b + k) | 0x20)) return false;
  return true;
}

function englishWords(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  const edits: Edit[] = [];
  for (const m of englishRepeats(text.text)) {
    const phrase = m[1];
    const repeats = m[2];
    const spoken = /[,–—.…-]/.test(repeats);
    const start = m.index! + phrase.length;
    const end = start + repeats.length;
    // A marked restart keeps every word: "be be- — should not be" (the cut-off word is marked);
    // "self self-esteem" is a double like any other.
    if (/^(?:[-‐](?![A-Za-z])|[–—])/.test(text.text.slice(end))) continue;
    const words = phrase.split(/\s+/);
    const copies = 1 + (repeats.match(/\s+/g)?.length ?? 1) / words.length;
    if (!spoken) {
      const verdict = englishGrammar(options.tag) ? typedDouble(text.text, m.index!, phrase, copies, options) : 'review';
      if (verdict === 'keep') continue;
      if (verdict === 'speech') {
        if (options.style === 'edited') {
          log.record('speech-repetition', text, start, end, '', { confidence: 0.8, note: `"${phrase}" said again` });
          edits.push({ start, end, insert: '' });
        } else {
          log.record('dup-word', text, start, end, '', { applied: false, confidence: 0.5, note: `"${phrase} ${phrase}": a stutter, or typed twice? (kept: verbatim)` });
        }
        continue;
      }
      if (verdict === 'review') {
        log.record('dup-word', text, start, end, '', { applied: false, confidence: 0.3, note: `"${phrase} ${phrase}" can be right (emphasis, grammar or a name): check` });
        continue;
      }
      const confidence = calibrated({ kind: 'word-en', size: words.length, copies });
      const repair = confidence >= APPLY;
      log.record('dup-word', text, start, end, '', { applied: repair, confidence, note: `"${phrase}" typed twice` });
      if (repair) edits.push({ start, end, insert: '' });
    } else if (options.style === 'edited') {
      // Keep the first copy: "Go – go ahead" → "Go ahead".
      log.record('speech-repetition', text, start, end, '', { confidence: 0.8, note: `"${phrase}" repeated in speech` });
      edits.push({ start, end, insert: '' });
    }
  }
  return text.apply(edits);
}

/**
 * What a phrase typed twice (separated by white space only) is, by the class of its words and its
 * place, never by a list of words:
 *   keep     a name ("Walla Walla", "A A battery": every copy capitalised, not at a sentence start)
 *   speech   closed-class words (pronouns, articles, prepositions, conjunctions, auxiliaries):
 *            a speaker's stutter ("I I", "we we", "in the in the"), and for some of them grammar
 *            ("had had", "that that", "calling for for"): listed in verbatim; `edited` tidies only
 *            those whose double cannot be grammar ("we we", "the the")
 *   review   expressive words (interjections, adverbs, adjectives: "very very", "not not",
 *            "long long ago") and words the lexicon does not know: listed, never applied
 *   repair   a content word, a noun or lexical verb, typed twice ("market market"); a phrase
 *            holding one said again is a restart (speech)
 */
function typedDouble(s: string, at: number, phrase: string, copies: number, options: DedupeOptions): 'keep' | 'speech' | 'review' | 'repair' {
  const words = phrase.split(/\s+/);
  const copyAfter = s.slice(at + phrase.length).trimStart();
  // Capitalised in every copy: a name or an initial ("Walla Walla", "Q Q"). At a sentence start only
  // the first copy is capitalised ("The the"), a double like any other.
  // A capitalised word is judged as the common word it spells ("And And", "President President");
  // one the lexicon knows only as a name, or not at all (Walla Walla, EST EST, KIRBY KIRBY), is listed.
  const classes = words.map((w) => (/^[A-Z]/.test(w) && w !== 'I' && !isCommonWord(w) ? 'unknown' : wordClass(w)));
  // Three copies or more are said, not typed ("and talk and talk and talk"); so is a phrase said
  // again ("— people who people who get the virus"): a restart, listed in verbatim.
  if (classes.includes('content')) return copies > 2 ? 'review' : words.length > 1 ? 'speech' : 'repair';
  if (classes.every((c) => c === 'function')) {
    if (options.style !== 'edited') return 'speech';
    // edited: tidied unless the double can be grammar.
    return words.some((w) => canBeGrammatical(w)) ? 'review' : 'speech';
  }
  return 'review';
}

// ---------------------------------------------------------------------------------------------
// Chinese repeats: doubled characters, spans and words

/** Numerals (十五五, 十四五, 一一, 三三两两, 二〇〇〇): a doubled numeral is how numbers and plan names are written. */
const NUMERAL = /^[零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]$/u;
/** jieba tags of words that attach to the word before (localisers, particles) or open a phrase (prepositions, conjunctions, adverbs). */
const FUNCTION_TAG = /^(f|p|c|u[a-z]*|y|d)$/;
/** Verbs that work as function words and meet words beginning with them: 这是|是非, 还有|有关. */
const FUNCTION_VERBS = new Set(['是', '有', '在', '为', '要', '会', '给', '让', '被', '把', '将', '从', '向', '到', '和', '与', '及', '对', '以', '于', '由', '同', '跟', '比']);
/** Common surnames (lang/names.ts): a doubled character after one is usually a given name (王芳芳, 张晶晶). */
const SURNAMES = COMMON_SURNAMES;


export type RepeatDecision = 'repair' | 'review' | 'speech' | 'keep';

export interface RepeatJudgement {
  decision: RepeatDecision;
  confidence: number;
  /** Why, in a few words (for the change report's note). */
  reason: string;
}

/** Finds back-to-back repeats in Han runs and judges each; edits remove the later copies. */
function chineseRepeats(text: TrackedText, log: ChangeLog, options: DedupeOptions): TrackedText {
  const s = text.text;
  if (!/\p{Script=Han}/u.test(s)) return text;
  const v = scoringView(s);
  const edits: Edit[] = [];
  // Han per UTF-16 unit, found in one pass (an astral character's halves are not Han on their own).
  const hanUnits = scratch(s.length).han;
  for (let i = 0; i < s.length; i++) hanUnits[i] = isHanCode(s.charCodeAt(i)) ? 1 : 0;
  const isHanAt = (i: number) => i >= 0 && i < s.length && hanUnits[i] === 1;
  const runs = repeatIndex(s, hanUnits);
  for (let i = 0; i < s.length; i++) {
    if (!isHanAt(i)) continue;
    const found = repeatAt(s, i, runs);
    if (!found) continue;
    const { length: L, copies } = found;
    const judgement = L === 1 ? judgeDoubledChar(v, i + 1, copies) : judgeSpan(v, i, L, copies);
    const start = i + L;
    const end = i + L * copies;
    const rule: RuleId = L === 1 ? 'dup-char' : 'dup-word';
    const note = `"${s.slice(i, end)}": ${judgement.reason}`;
    if (judgement.decision === 'speech') {
      // What a speaker says again (这个这个, 我我们): kept in verbatim, listed; tidied by `edited`.
      if (options.style === 'edited') {
        log.record('speech-repetition', text, start, end, '', { confidence: 0.8, note });
        edits.push({ start, end, insert: '' });
      } else {
        log.record(rule, text, start, end, '', { applied: false, confidence: judgement.confidence, note: `${note} (kept: verbatim)` });
      }
    } else if (judgement.decision !== 'keep') {
      const repair = judgement.decision === 'repair';
      log.record(rule, text, start, end, '', { applied: repair, confidence: judgement.confidence, note });
      if (repair) edits.push({ start, end, insert: '' });
    }
    // A kept pair may begin a longer repeat (工作|作出作出): look again from its second copy.
    i = judgement.decision === 'keep' && L === 1 && copies === 2 ? i : end - 1;
  }
  return text.apply(edits);
}

/**
 * A span doubled across a punctuation mark inside a clause (困難，有序復難，有序復工復產, 展现我施，展现我们):
 * the copy starts or ends in the middle of a clause, where no speaker starts or stops a repetition,
 * so it is a copying artefact. A repeat whose copies are whole clauses (主席，主席，) is the clause
 * rule's to judge. The repeat is taken from its leftmost start (我们，我们，我们 is 我们， three times,
 * not 们，我 twice).
 */
function crossingSpans(text: TrackedText, log: ChangeLog): TrackedText {
  const s = text.text;
  if (!/\p{Script=Han}/u.test(s)) return text;
  const edits: Edit[] = [];
  const han = isHan;
  // The next position holding the same UTF-16 unit, for each position: a span at i can repeat right
  // after itself only at a length L where s[i + L] is s[i], so only those lengths are tried, in order.
  const { nextSame } = repeatIndex(s, null);
  for (let i = 0; i < s.length; i++) {
    if (!isHanCode(s.charCodeAt(i))) continue;
    for (let j = nextSame[i]!; j >= 0 && j - i <= 30 && i + 2 * (j - i) <= s.length; j = nextSame[j]!) {
      const L = j - i;
      if (L < 3 || !copyAt(s, i, L, i + L)) continue;
      const unit = s.slice(i, i + L);
      if (/\n/.test(unit) || !/[^\p{Script=Han}]/u.test(unit.slice(1))) continue;
      if ((unit.match(/\p{Script=Han}/gu) ?? []).length < 2 || s[i - 1] === unit[L - 1]) continue;
      const midStart = han(s[i - 1]);
      const midEnd = han(unit[L - 1]) && han(s[i + 2 * L]);
      if (!midStart && !midEnd) continue;
      if ([...unit].every((c) => !han(c) || NUMERAL.test(c))) continue;
      const confidence = calibrated({ kind: 'span-zh', size: L, copies: 2, word: false });
      const repair = confidence >= APPLY;
      log.record('dup-word', text, i + L, i + 2 * L, '', { applied: repair, confidence, note: `"${unit}" repeated across a punctuation mark inside a clause` });
      if (repair) edits.push({ start: i + L, end: i + 2 * L, insert: '' });
      i += 2 * L - 1;
      break;
    }
  }
  return text.apply(edits);
}

/**
 * The span (1–40 Han characters) starting at i that is repeated right after itself and covers the
 * most text with its copies (行行长行行长 is 行行长 twice, not 行 twice); the shortest on a tie
 * (谢谢谢谢 is 谢 four times).
 */
function repeatAt(s: string, i: number, runs: RepeatIndex): { length: number; copies: number } | null {
  let best: { length: number; copies: number } | null = null;
  // Every unit of the span is Han (it ends before the run of Han does), its copy fits in the text,
  // and the copy starts with s[i]: only the lengths where the next s[i] stands are tried, in order.
  const most = Math.min(40, runs.hanEnd[i]! - i, Math.floor((s.length - i) / 2));
  for (let j = runs.nextSame[i]!; j >= 0 && j - i <= most; j = runs.nextSame[j]!) {
    const L = j - i;
    if (!copyAt(s, i, L, i + L)) continue;
    const unit = s.slice(i, i + L);
    let copies = 2;
    while (s.startsWith(unit, i + copies * L)) copies++;
    if (!best || L * copies > best.length * best.copies) best = { length: L, copies };
  }
  return best;
}

interface RepeatIndex {
  /** The next position holding the same UTF-16 unit, or -1. */
  nextSame: Int32Array;
  /** Where the run of Han units containing each position ends (the position itself when it is not Han). */
  hanEnd: Int32Array;
}

/** Per UTF-16 unit, where it was last seen in the text being indexed (-1: not in it); reset after each use. */
const lastAt = new Int32Array(0x10000).fill(-1);

/** Whether s[i, i + L) stands again at `at` (startsWith without making the substring). */
function copyAt(s: string, i: number, L: number, at: number): boolean {
  if (at + L > s.length) return false;
  for (let k = 0; k < L; k++) if (s.charCodeAt(i + k) !== s.charCodeAt(at + k)) return false;
  return true;
}

/**
 * Working arrays shared by the passes over one paragraph, grown as needed (two typed arrays made per
 * paragraph and pass were a large part of the reader's garbage). Valid up to the text's length, and
 * only until the next call: chineseRepeats and crossingSpans each use theirs before the other runs.
 */
let shared = { han: new Uint8Array(1024), nextSame: new Int32Array(1024), hanEnd: new Int32Array(1024) };
function scratch(n: number) {
  if (shared.han.length < n) {
    const size = Math.max(n, shared.han.length * 2);
    shared = { han: new Uint8Array(size), nextSame: new Int32Array(size), hanEnd: new Int32Array(size) };
  }
  return shared;
}

/** The index of s (hanEnd only when `hanUnits` is given). */
function repeatIndex(s: string, hanUnits: Uint8Array | null): RepeatIndex {
  const { nextSame, hanEnd } = scratch(s.length);
  for (let j = s.length - 1; j >= 0; j--) {
    const c = s.charCodeAt(j);
    nextSame[j] = lastAt[c]!;
    lastAt[c] = j;
    if (hanUnits) hanEnd[j] = hanUnits[j] === 1 ? (j + 1 < s.length ? hanEnd[j + 1]! : s.length) : j;
  }
  for (let j = 0; j < s.length; j++) lastAt[s.charCodeAt(j)] = -1;
  return { nextSame, hanEnd };
}

/** Best segmentation of a window of the view around [from, to), with positions relative to `from`. */
function segmentAround(lex: Lexicon, v: string, from: number, to: number, text?: string) {
  const a = Math.max(0, from);
  const t = text ?? v.slice(a, Math.min(v.length, to));
  return { offset: a, seg: lex.segment(t), text: t };
}

/** Judges a span of L ≥ 2 characters at i repeated `copies` times in the view v. */
export function judgeSpan(v: string, i: number, L: number, copies: number): RepeatJudgement {
  const lex = lexicon();
  const x = v.slice(i, i + L);
  if ([...x].every((c) => NUMERAL.test(c))) return { decision: 'review', confidence: 0.3, reason: 'repeated numeral: a number or a slip?' };
  // 一步一步, 一个一个, 一点一点: one by one.
  if (L === 2 && x[0] === '一' && /^(q|m)$/.test(lex.tag(x[1]) ?? '')) return { decision: 'keep', confidence: 0, reason: '' };
  if (lex.has(x.repeat(copies))) return { decision: 'keep', confidence: 0, reason: '' };
  // ABAB of a verb or adjective (研究研究, 高兴高兴) or thanks said twice (谢谢谢谢): may be on purpose.
  const tag = lex.tag(x) ?? '';
  const wholeWords = boundariesAt(lex, v, i, L, copies);
  // A speaker's stutter or restart: the span is whole words, each a pronoun or demonstrative, a
  // copula, a conjunction or adverb (discourse markers: 然后, 就是, 那么), an interjection or a modal
  // particle (这个这个, 我们我们, 就是就是, 我是我是).
  // Discourse markers (conjunctions, adverbs) only where they open what is said: at the start of a
  // clause or after a pronoun (我就是就是); mid-clause (根据共同共同意愿) the double is a copy.
  const prevWord = (() => { const t = v.slice(Math.max(0, i - 4), i); const seg = lex.segment(t); const w = seg.words.at(-1); return w ? t.slice(w[0], w[1]) : ''; })();
  const opens = i === 0 || !/\p{Script=Han}/u.test(v[i - 1]) || /^r/.test(lex.tag(prevWord) ?? '');
  const kind = wholeWords ? speechWords(lex, x) : null;
  if (kind === 'pronoun' || (kind === 'marker' && opens)) return { decision: 'speech', confidence: 0.5, reason: `"${x}" said ${copies === 2 ? 'twice' : `${copies} times`}: a speaker's repetition` };
  // Tentative ABAB is a suggestion: someone (我们, 大家, 你) or a modal (要, 再, 可以) before it, and it
  // ends its clause or takes 吧/一下 (这个问题我们研究研究。大家讨论讨论吧). A word doubled before its
  // object or noun (举办举办高峰论坛, 出席出席的), or after anything else (成功访问访问。), is a slip.
  const after = v.slice(i + L * copies, i + L * copies + 2);
  const before = v.slice(Math.max(0, i - 2), i);
  const clauseFinal = after === '' || /^[，。！？；：、”’）」…—\s吧啊呢]|^一下|^看/u.test(after);
  const suggestion = /(我们|你们|咱们|大家|自己|[你我他她们]|[要再来去让请想得]|可以|应该|好好)$/u.test(before);
  if (copies === 2 && lex.has(x) && wholeWords && ((clauseFinal && suggestion && /^(v|vn|a|ad|an|z)$/.test(tag)) || /^(.)\1$/u.test(x))) {
    return { decision: 'review', confidence: calibrated({ kind: 'span-zh', size: L, copies, word: true }), reason: `"${x}" said twice: this word can reduplicate (${x}${x})` };
  }
  const confidence = calibrated({ kind: 'span-zh', size: L, copies, word: lex.has(x) && wholeWords });
  return { decision: confidence >= APPLY ? 'repair' : 'review', confidence, reason: `${L} characters repeated ${copies === 2 ? 'twice' : `${copies} times`}${lex.has(x) && wholeWords ? '' : ' across a word boundary'}` };
}

/** Whether the best segmentation of the view has word boundaries at every copy's start and end. */
function boundariesAt(lex: Lexicon, v: string, i: number, L: number, copies: number): boolean {
  const from = Math.max(0, i - 4);
  const seg = lex.segment(v.slice(from, Math.min(v.length, i + L * copies + 4)));
  const starts = new Set(seg.words.map(([a]) => a + from));
  starts.add(seg.words.length ? seg.words[seg.words.length - 1][1] + from : from);
  for (let c = 0; c <= copies; c++) if (!starts.has(i + c * L)) return false;
  return true;
}

/** Judges the doubled character whose second copy is at `at` in the view v. */
export function judgeDoubledChar(v: string, at: number, copies = 2): RepeatJudgement {
  const keep: RepeatJudgement = { decision: 'keep', confidence: 0, reason: '' };
  // A run of three or more (哈哈哈, 对对对) is laughter or emphasis, not a copying slip.
  if (copies > 2) return keep;
  const lex = lexicon();
  const x = v[at];
  const prev = v[at - 2] ?? '';
  const next = v[at + 1] ?? '';
  // Numerals: 十五五, 十四五五, 一一, 三三两两, 二〇〇〇.
  if (NUMERAL.test(x)) {
    if (NUMERAL.test(prev) || NUMERAL.test(next) || x === '一' || /[“‘"「]/.test(prev)) return keep;
    return { decision: 'review', confidence: 0.3, reason: 'doubled numeral: a number or a slip?' };
  }
  const f = charFeatures(lex, v, at);
  if (f.explained) return keep;
  if (f.speech) return { decision: 'speech', confidence: 0.5, reason: 'a pronoun, demonstrative or copula said twice: a speaker\'s stutter' };
  const confidence = calibrated({ kind: 'char-zh', ...f });
  let decision: RepeatDecision = confidence >= APPLY ? 'repair' : confidence >= REVIEW ? 'review' : 'keep';
  // Beside an ABAB in its clause (针针喝水咯嘣咯嘣, 吱儿吱儿): expressive speech, listed only.
  if (decision === 'repair' && otherRepeatInClause(v, at - 1, at + 1)) decision = 'review';
  return { decision, confidence, reason: decision === 'repair' ? 'the doubled character makes no word' : 'doubled character: no word explains it, but the evidence is weak' };
}

/** Whether the clause around [start, end) holds an onomatopoeia or interjection of two or three characters said twice (咯嘣咯嘣). */
function otherRepeatInClause(v: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && /\p{Script=Han}/u.test(v[a - 1])) a--;
  let b = end;
  while (b < v.length && /\p{Script=Han}/u.test(v[b])) b++;
  const lex = lexicon();
  for (const m of v.slice(a, b).matchAll(/(\p{Script=Han}{2,3})\1/gu)) {
    const ms = a + m.index!;
    const expressive = [...m[1]].some((c) => /^(o|e|y)$/.test(lex.tag(c) ?? '')) || /^(o|e|y)$/.test(lex.tag(m[1]) ?? '');
    if (expressive && (ms + m[0].length <= start || ms >= end)) return true;
  }
  return false;
}

/** Confidence below which a doubled character is not even listed. */
export const REVIEW = 0.5;

export interface CharFeatures {
  /** A legitimate mechanism explains the pair (reduplication, words meeting, function word). */
  explained: string | null;
  /** Log-probability gain (nats) of the text without the second copy. */
  gain: number;
  /** A neighbour that belongs to a word without the copy is stranded with it (怎么看看待). */
  brokeWord: boolean;
  /** Both copies stand alone as single characters (愿愿). */
  bothAlone: boolean;
  /** One copy inside a word, the other alone (残余余犹存). */
  mixed: boolean;
  /** After a common surname (张晶晶): probably a given name. */
  name: boolean;
  /** The character is a particle (的, 了, 着…). */
  particle: boolean;
  /** The character is a verb or adjective, which reduplicate freely (说说, 红红). */
  reduplicable: boolean;
  /** The dictionary knows the pair as a word (正正, 通通) though the best segmentation splits it. */
  pairWord: boolean;
  /** The left copy is a word of its own of a class speakers stutter on (我|我们, 这|这个, 是|是一个). */
  speech: boolean;
}

/** The evidence about the doubled character whose second copy is at `at` in the view v. */
export function charFeatures(lex: Lexicon, v: string, at: number): CharFeatures {
  const x = v[at];
  const from = Math.max(0, at - 6);
  const to = Math.min(v.length, at + 7);
  const window = v.slice(from, to);
  const i = at - from;
  const withDup = lex.segment(window);
  const without = lex.segment(window.slice(0, i) + window.slice(i + 1));
  const gain = without.score - withDup.score;
  const wordAt = (seg: typeof withDup, pos: number) => seg.words.find(([a, b]) => a <= pos && pos < b)!;
  const single = (pos: number) => { const [a, b] = wordAt(withDup, pos); return b - a === 1; };
  let brokeWord = false;
  for (const pos of [i - 2, i + 1]) {
    if (pos < 0 || pos >= window.length || !single(pos)) continue;
    const inWithout = pos > i ? pos - 1 : pos;
    const [a, b] = wordAt(without, inWithout);
    if (b - a > 1) brokeWord = true;
  }
  const bothAlone = single(i - 1) && single(i);
  const mixed = !bothAlone && (single(i - 1) || single(i));
  const particle = /^u/.test(lex.tag(x) ?? '') || '的了着过地得们'.includes(x);
  // A personal name: 张晶晶 (a surname standing alone, then the pair, both copies alone), or a
  // transliterated foreign name, where the pair sits among transliteration characters (巴特策策格).
  const name = (SURNAMES.includes(v[at - 2] ?? '') && i >= 2 && single(i - 2) && bothAlone)
    || (TRANSLITERATION.has(x) && TRANSLITERATION.has(v[at - 2] ?? '-') && TRANSLITERATION.has(v[at + 1] ?? '-'));
  const pairWord = lex.has(x + x);
  // A stutter: the left copy stands alone, the right one begins a word or stands alone too.
  const [ra] = wordAt(withDup, i);
  const speech = single(i - 1) && ra === i && speechWord(lex, x, true);
  const reduplicable = /^(v|vn|vd|a|ad|an)$/.test(lex.tag(x) ?? '');
  return { explained: explain(lex, v, at, withDup, from, brokeWord), gain, brokeWord, bothAlone, mixed, name, particle, pairWord, speech, reduplicable };
}

/**
 * Which legitimate mechanism, if any, explains the pair v[at-1] v[at]. The evidence is the best
 * segmentation of the text as it stands (jieba's dictionary, max-probability route): the pair is
 * legitimate when that segmentation itself accounts for both copies.
 */
function explain(lex: Lexicon, v: string, at: number, withDup: { words: [number, number][] }, from: number, brokeWord: boolean): string | null {
  const x = v[at];
  const prev = v[at - 2] ?? '';
  const next = v[at + 1] ?? '';
  const word = (pos: number) => withDup.words.find(([a, b]) => a + from <= pos && pos < b + from)!;
  const [la, lb] = word(at - 1);
  const [ra, rb] = word(at);
  // One word holds both copies: 谢谢, 看看, 远远 (reduplication the dictionary knows), 实实在在,
  // 三三两两, 一一对应. A dictionary AA the segmentation does not choose (沟通|通|和) explains nothing.
  // Unless it strands a neighbour that has a word without the copy: 怎么|看看|待 (看待).
  // After an Arabic number the first copy is a unit (16日日, 10时时): no AA word there.
  if (la === ra) return brokeWord || /[0-9０-９]/.test(prev) ? null : 'reduplication';
  // AABB: 干干净净 (干净), 清清楚楚; and the BB half of 实实在在 (实在).
  if (next && next === v[at + 2] && lex.has(x + next)) return 'aabb';
  if (prev && prev === v[at - 3] && lex.has(prev + x)) return 'aabb';
  // 一批批, 一个个, 一次次: one + a measure word said twice.
  if (prev === '一' && /^(q|m)$/.test(lex.tag(x) ?? '')) return 'measure';
  // Words meeting: the left copy ends a word, the right copy begins one (新闻局|局长, 银行|行长, 陕西|西安),
  // on the best route or on any route of the dictionary's lattice that is nearly as likely as the
  // text without the copy (a rare left word the best route splits).
  if (lb - la >= 2 && rb - ra >= 2) return 'words-meet';
  // An office or unit after an ordinal or numeral ends a name of its own (第一厅|厅长, 三局|局长).
  if (lb - la === 1 && rb - ra >= 2 && (NUMERAL.test(prev) || /[0-9]/.test(prev)) && /^(n|q)/.test(lex.tag(x) ?? '') && /^n/.test(lex.tag(v.slice(ra + from, rb + from)) ?? '')) return 'words-meet';
  // A unit named by its office character, then the head of that unit (统计司|司长, 新闻局|局长, 办公厅|厅长,
  // 国际司|司长助理, 办公室|室主任): a job title, not a copy, even when the dictionary lacks the unit's name.
  if (/^[司局处厅部科署院所室组队]$/u.test(x) && (next === '长' || (x === '室' && v.slice(at + 1, at + 3) === '主任'))) return 'words-meet';
  const junction = plausibleJunction(lex, v, at);
  if (junction === 'words') return 'words-meet';
  // A function word before a word that begins with it: 事故|中|中国, 完成|了|了解, 在|在场, 对|对方.
  // A localiser (中, 上, 里) closes a noun phrase: after a verb or a function word it cannot stand
  // (不知道中中方 is a copy; 事故中|中国 is not).
  const before = prevWordTag(lex, v, at - 1);
  const localiserOk = lex.tag(x) !== 'f' || /^(n|vn|r|s|t|m|q|an|nz|ns|nt|nr|j|l|i)/.test(before);
  const functionWord = (FUNCTION_TAG.test(lex.tag(x) ?? '') || FUNCTION_VERBS.has(x)) && localiserOk;
  if (lb - la === 1 && (rb - ra >= 2 || junction === 'right') && functionWord) return 'function-word';
  // A word ending in a character, then that character as a modal or copula: 委员会|会|做, 社会|会|有.
  if (lb - la >= 2 && rb - ra === 1 && MODALS.has(x)) return 'function-word';
  // A verb that reduplicates (its V一V form is a word: 说一说, 问一问, 谈一谈): 你可否说说, 还能问|问题.
  // When the right copy begins a longer word, that word must be what the verb takes, a noun (问|问题);
  // a verb or preposition there (提|提出, 透|透过) leaves no reading with the verb said twice.
  const rightWord = v.slice(ra + from, rb + from);
  const objectAfter = rb - ra === 1 || /^(n|vn|r)/.test(lex.tag(rightWord) ?? '');
  if (lb - la === 1 && reduplicable(lex, x) && !brokeWord && objectAfter) return 'verb-reduplication';
  return null;
}

/**
 * Junctions over the lattice: 'words' when some dictionary word (two or more characters) ends with
 * the left copy and some word begins with the right copy, and the best reading through that
 * junction is within JUNCTION_MARGIN nats of the best reading of the text without the copy; 'right'
 * when only a word beginning with the right copy is plausible that way; else null.
 */
export function plausibleJunction(lex: Lexicon, v: string, at: number): 'words' | 'right' | null {
  const from = Math.max(0, at - lex.maxWordLength);
  const to = Math.min(v.length, at + lex.maxWordLength);
  const w = v.slice(from, to);
  const j = at - from;
  const { lefts, rights } = lex.junction(w, j);
  if (!rights.length) return null;
  const han = (t: string) => t.replace(/[^\p{Script=Han}]/gu, '|');
  const score = (t: string) => (t ? lex.segment(han(t)).score : 0);
  const baseline = score(w.slice(0, j) + w.slice(j + 1));
  // Each piece scored once, not once per pair of junction words (the same sums, added in the same order).
  const rightWord = rights.map((b) => lex.word(w.slice(j, b))!);
  const rest = rights.map((b) => score(w.slice(b)));
  const best = (starts: number[]) => {
    let top = -Infinity;
    for (const a of starts) {
      const left = score(w.slice(0, a)) + lex.word(w.slice(a, j))!;
      for (let r = 0; r < rights.length; r++) {
        const s = left + rightWord[r]! + rest[r]!;
        if (s > top) top = s;
      }
    }
    return top;
  };
  if (lefts.length && best(lefts) >= baseline - JUNCTION_MARGIN) return 'words';
  const before = score(w.slice(0, j - 1)) + (lex.word(w[j - 1]) ?? lex.unknownScore);
  let top = -Infinity;
  for (let r = 0; r < rights.length; r++) top = Math.max(top, before + rightWord[r]! + rest[r]!);
  return top >= baseline - JUNCTION_MARGIN ? 'right' : null;
}

/** How much less likely (nats) a reading through a junction may be than the text without the copy (fitted on the dev part). */
export const JUNCTION_MARGIN = 4;

/**
 * Word classes speakers repeat (jieba's dictionary tags): pronouns and demonstratives (r…),
 * interjections (e), modal particles (y), onomatopoeia (o), and the copula 是; for words of two or
 * more characters also conjunctions and adverbs (c: 然后, 所以; d: 就是, 其实), the discourse markers.
 */
function speechWord(lex: Lexicon, w: string, single: boolean): boolean {
  if (w === COPULA) return true;
  const tag = lex.tag(w) ?? '';
  return /^(r[a-z]*|e|y|o)$/.test(tag) || (!single && /^(c|d)$/.test(tag));
}
/** The copula (jieba tags it as a verb like any other). */
const COPULA = '是';

/** Whether a span is whole words all of the classes speakers repeat: 'marker' when a conjunction or adverb is among them. */
function speechWords(lex: Lexicon, x: string): 'pronoun' | 'marker' | null {
  const seg = lex.has(x) ? { words: [[0, x.length] as [number, number]] } : lex.segment(x);
  const words = seg.words.map(([a, b]) => x.slice(a, b));
  // Onomatopoeia and interjections said again (吱儿吱儿, 哎呀哎呀) are expressive speech.
  if (words.some((w) => /^(o|e)$/.test(lex.tag(w) ?? ''))) return 'pronoun';
  if (!words.every((w) => speechWord(lex, w, w.length === 1))) return null;
  return words.some((w) => /^(c|d)$/.test(lex.tag(w) ?? '')) ? 'marker' : 'pronoun';
}

/** jieba's tag of the word that ends at `end` in the view (best segmentation of the few characters before). */
function prevWordTag(lex: Lexicon, v: string, end: number): string {
  const t = v.slice(Math.max(0, end - 4), end);
  const w = lex.segment(t).words.at(-1);
  return w ? lex.tag(t.slice(w[0], w[1])) ?? '' : '';
}

/** Modal verbs and the copula, which follow a subject ending in the same character (委员会会做). */
const MODALS = new Set(['会', '能', '要', '是', '在', '有', '将', '可', '就', '也', '都', '还', '又', '才']);

/** A verb the dictionary shows reduplicating: its V一V (看一看) or a verbal VV (看看) is a word. */
function reduplicable(lex: Lexicon, x: string): boolean {
  return lex.has(x + '一' + x) || /^v/.test(lex.tag(x + x) ?? '');
}
