// Each document's own label convention (issue 20). A transcript is written by one house, and its
// labels repeat: they take the same position (the start of a paragraph, or a line of their own), end
// with the same delimiter (a colon, a period, a run of spaces or no-break spaces, the end of the line),
// share a case pattern, a few strings recur, and they alternate with long speech. The convention is
// induced from that evidence over the whole document; a candidate label is then scored by how well it
// fits. A label seen once that fits the document's convention is a label; a colon in prose that fits
// none is not.
//
// The candidates here are shapes only. Whether a candidate is a label is decided in labels.ts, where
// role and name evidence (principals, 记者/Q/MODERATOR, personal names) join the convention's score.

/** How a label ends. */
export type Delimiter = 'colon' | 'period' | 'spaces' | 'eol';
/** The letters of a label: capitals (MR PRICE, Q), capitalised words (Mr. Smith), Han, or other. */
export type CaseClass = 'upper' | 'title' | 'han' | 'other';

export interface Candidate {
  /** The label as printed, without its delimiter. */
  label: string;
  /** Characters the label takes at the start of the paragraph, delimiter and spaces included. */
  length: number;
  /** The label is the whole paragraph (line): the speech follows in the next one. */
  alone: boolean;
  delimiter: Delimiter;
  case: CaseClass;
  /** Latin label (English rules apply). */
  english: boolean;
  /** A transcription service's timestamp stands between the label and its colon (`Karoline Leavitt (03:04):`). */
  stamped?: boolean;
  /** A dash follows the label's period (`PERIODISTA. - `, `President. – `): a label's mark, as a colon is. */
  dashed?: boolean;
}

/** One convention of a document: a position, a delimiter and a case pattern, with its evidence. */
export interface Convention {
  /** `line` (a label on a line of its own) or `start` (at the start of a paragraph). */
  position: 'line' | 'start';
  delimiter: Delimiter;
  case: CaseClass;
  /** How many paragraphs open with a candidate of this shape. */
  count: number;
  /** How many different label strings (by key) among them. */
  strings: number;
  /** Share of those candidates followed by speech (not by another candidate, not by nothing). */
  alternation: number;
  /** How sure the convention is a label convention, 0–1. */
  confidence: number;
  /** A few of its labels, most frequent first (for `inspect`). */
  examples: string[];
}

// The letters of a label in a cased script (Latin, and Greek and Cyrillic with it), in one place (issue
// 20): JOSÉ NÚÑEZ, Mr Ó Muilleoir, ÅSA LINDSTRÖM, Zoë, Łukasz, Ağca, Țurcanu read as ASCII names do.
// Bodies of character classes, for patterns with the `u` flag. A combining mark goes with the letter
// before it, so a name in decomposed form (NFD: E and U+0301) reads as the composed one: labels are
// decided on the lines before normalisation composes them (read.ts). Han, kana and Hangul have no
// case, so they are none of these: a CJK label is read by its own grammar (CJK_COLON).
/** A capital letter (the first of a name). */
export const CAPITAL = '\\p{Lu}\\p{Lt}';
/** A letter of a word in capitals: a capital, a mark on it, or ß (which most print keeps small in capitals: STRAUß). */
export const CAPITALS = `${CAPITAL}\\p{M}ß`;
/** A letter of a word in any case, or a mark on it. */
export const LETTERS = '\\p{LC}\\p{M}';
/** A word's first letter with its marks (a pattern, not a class body): Ó is one letter, composed or not. */
const INITIAL = `[${CAPITAL}]\\p{M}*(?!\\p{M})`;
const SMALL = /(?!ß)\p{Ll}/u;
/** The cased letters of a text (marks, digits, Han and punctuation left out). */
export function casedLetters(text: string): string {
  return text.replace(/[^\p{LC}]/gu, '');
}
/** Letters in capitals: no small letter among them (ß aside). */
export function allCapitals(letters: string): boolean {
  return !SMALL.test(letters);
}
/** A word in capitals of three letters or more, standing on its own (Senator WARREN., Mr. O'BRIEN.). */
const CAPITALS_WORD = new RegExp(`(?<![${LETTERS}\\d_])(?:[${CAPITAL}]\\p{M}*){3,}(?![${LETTERS}\\d_])`, 'u');
/** A word of a name in capitalised words, or a number. */
const TITLE_WORD = new RegExp(`^(?:[${CAPITAL}\\d]|(?:of|the|and|for|to|in|on|at|a|an|de|du|le|la|van|von|da|al|bin|--|—|–)$)`, 'u');

const HAN = /\p{Script=Han}/u;
const SPACE = '[ \\t\\u00a0\\u3000]';
// Inside a Chinese label: anything but sentence punctuation and colons; a single space may part a job
// title from a name (国家发展改革委新闻发言人 孟玮：).
const CJK_COLON = new RegExp(`^([^\\s，,。！!？?；;：:…](?:[^\\s，,。！!？?；;：:…]|${SPACE}(?=[^\\s，,。！!？?；;：:…])){0,59}?)${SPACE}*[：:]${SPACE}*`, 'u');
// An English label: letters, spaces, dots, apostrophes, hyphens, a comma (RUMSFELD, SECRETARY OF DEFENSE),
// brackets (BLITZER (voice-over)), a voice numbered by the transcriber (NPR's UNIDENTIFIED PERSON #1).
// …and a programme's name in quotes after the title (PBS: `CHARLIE ROSE, Host, "The Charlie Rose Show":`).
const EN_COLON = new RegExp(`^([${CAPITAL}][${LETTERS}.'’\\- ,()]{0,90}?(?:, [“"][${LETTERS}\\d.'’\\- ]{1,40}[”"])?(?: #\\d{1,2})?(?: \\[[${LETTERS}.'’\\- ,]{1,40}\\])?)${SPACE}*:${SPACE}*`, 'u');
/** A name, then its description in brackets, which may quote a title with its own commas and colon (NPR:
 * `NANCY PEARL (Author, "Book Lust", TV Show Host, "Book Lust with Nancy Pearl"):`, `Mr. BILL MOYERS
 * (Author, "Bill Moyers Journal: The Conversation Continues"):`); tried where EN_COLON finds no label. */
const EN_DESCRIBED_COLON = new RegExp(`^([${CAPITAL}][${LETTERS}.'’\\- ]{0,60}? \\([^()\\n]{1,80}\\))${SPACE}*:${SPACE}*`, 'u');
/**
 * A transcription service's label (Rev and its like): a name, or `Speaker 1`, then the time into the
 * recording in brackets, then the colon — `Karoline Leavitt (03:04):`, `Speaker 2 (12:41):` — or the colon and then the time
 * (`Speaker 2: (01:50)`, Rev's older pages); Australia's Hansard stamps its members so, after the
 * seat and office (`Mr ALBANESE (Grayndler—Prime Minister) (14:01):`). The label is the name; the timestamp is the service's, and
 * evidence that the line is a label.
 */
/** A time into the recording, as transcription services print it: 00:03, 1:02:45. */
const TIME = '(?:\\d{1,2}:)?\\d{1,2}:\\d{2}';
/** The same time in brackets: [00:00:01], (12:41). */
const STAMP = `(?:\\[${TIME}\\]|\\(${TIME}\\))`;
const EN_STAMPED_COLON = new RegExp(`^([${CAPITAL}][${LETTERS}.'’\\- ,]{0,60}?(?: \\d{1,3}| \\([^()\\d]{1,80}\\))?)(?:${SPACE}*${STAMP}${SPACE}*:${SPACE}*|${SPACE}*:${SPACE}*(?=${STAMP}))`, 'u');
/** A voice a transcription service numbers, before a colon (`Speaker 1:`), read only after the service's time. */
/** Australia's Hansard as ParlInfo prints it: the member, the seat or office in brackets, the time of day
 * in brackets and a dash before the speech (`Senator COLSTON(7.46) —I am speaking…`, `Mr HAWKE (Wills—Prime
 * Minister) (2.01) —`). */
const EN_TIMED_DASH = new RegExp(`^([${CAPITAL}][${LETTERS}.'’\\- ]{0,60}?(?: \\([^()\\d]{1,80}\\))?) ?\\(\\d{1,2}\\.\\d{2}\\)${SPACE}*[—–]${SPACE}*(?=\\S)`, 'u');
const EN_NUMBERED_COLON = new RegExp(`^([${CAPITAL}][${LETTERS}.'’\\- ]{0,30}? \\d{1,3})${SPACE}*:${SPACE}*`, 'u');
/** A label, a period and a dash before the speech (the European Parliament's `Name, on behalf of the X Group. – `;
 * Argentina's presidency, `PERIODISTA. - Hola señor Presidente…` or `PRESIDENTE.- …`, with a hyphen). */
const EN_PERIOD_DASH = new RegExp(`^([${CAPITAL}][^.–—\\n]{0,119}?)\\.(?:[ \\u00a0]+[–—]|[ \\u00a0]*-)[ \\u00a0]+(?=\\S)`, 'u');
/** A label in Markdown bold, its colon inside or after the stars. */
const MD_BOLD = /^\*\*([^*\n]{1,60}?)(?:[:：]\*\*|\*\*[:：])[ \t\u00a0\u3000]*/u;
/** A label in lenticular brackets with the speech after it (or in square ones, as 人民网's interviews print
 * `[主持人]`); a bracket holding a colon is a field (【編輯：李雪萍】). */
const CJK_BRACKETED = /^(?:【(?<a>[^【】\s：:]{1,24})】|\[(?<b>\p{Script=Han}[^[\]\s：:]{0,23})\](?![ \t\u00a0\u3000]*[：:])|［(?<c>\p{Script=Han}[^［］\s：:]{0,23})］(?![ \t\u00a0\u3000]*[：:]))[ \t\u00a0\u3000]*(?=\S)/u;
/** A news script's cue in the same brackets (【同期】, 【解说】, 【画面】), a page's link (【打印】): no speaker. */
const BRACKET_CUE = /^(?:掌声|掌聲|笑声|笑聲|笑|鼓掌|音乐起|音樂起|同期|同期声|同期聲|解说|解說|画面|畫面|字幕|音乐|音樂|现场|現場|正文|导语|導語|编者按|編者按|关闭|關閉|打印|列印|纠错|糾錯|视频|視頻|图片|圖片|音频|音頻|.*编辑|.*編輯)$/u;
/** `Q.` or `A.` and the words of the question or answer. */
const QA_PERIOD = /^([QA])\.[ \t\u00a0]+(?=[^\s.])/u;
/** `Q` and a run of spaces or no-break spaces (White House, Pentagon), a label in capitals and two
 * spaces or a no-break space. */
const EN_SPACES = new RegExp(`^(?:(Q|A)(?:[ \\t]*\\u00a0[ \\t\\u00a0]*|[ \\t]{2,}|(?<=^Q)[ \\t])(?=[^\\s.,;:!?])|(${INITIAL}[${CAPITALS}.'’-]+(?: ${INITIAL}[${CAPITALS}.'’-]+){0,4})(?:[ \\t]*\\u00a0[ \\t\\u00a0]*|[ \\t]{2,})(?=[${CAPITAL}“"'‘(]))`, 'u');
/** Capitals words parted by a run that holds a no-break space, then a colon: one label. */
const UPPER_SPACED_COLON = new RegExp(`^([${CAPITAL}][${CAPITALS}.'’-]*(?:[ \\t]*\\u00a0[ \\t\\u00a0]*[${CAPITAL}][${CAPITALS}.'’-]*)(?: [${CAPITAL}][${CAPITALS}.'’-]*){0,4})${SPACE}*:${SPACE}+`, 'u');
/** Congressional hearings: `Mr. Smith.`, `The Chairman.`, `Senator WARREN.`, `Chairman ISSA.` inline; the
 * speech may open with a figure (`Mr. Bernanke. 1994.`, `Senator Bunning. 125.`). */
const EN_PERIOD = new RegExp(`^((?:(?:Mr|Mrs|Ms|Dr|Hon)\\. )?(?:${INITIAL}[${LETTERS}'’-]+)(?: (?:${INITIAL}[${LETTERS}'’-]+|of|the|de|van|von)){0,4})\\.${SPACE}+(?=[${CAPITAL}\\d“"'‘(\\[—-])`, 'u');
/** What makes `X.` a label and not a short sentence (Yes. Okay.): a form of address or a name in capitals. */
const HONORIFIC = /^(?:(?:Mr|Mrs|Ms|Dr|Hon)\.|(?:The |Madam |Mr\. )?(?:Senator|Representative|Chairman|Chairwoman|Chair|Chairperson|Ranking Member|Vice Chairman|Clerk|Speaker|President|Vice President|Witness|Voice|General|Admiral|Secretary|Ambassador|Judge|Justice|Governor|Commissioner|Director|Delegate|Presiding Officer|Reporter|Interpreter)\b)/i;

/** The letters' case pattern of a label. */
export function caseOf(label: string): CaseClass {
  if (HAN.test(label)) return 'han';
  const bare = withoutBrackets(label);
  const letters = casedLetters(bare);
  if (!letters) return 'other';
  if (allCapitals(letters) && (letters.length >= 2 || /^[QA]$/.test(label.trim()))) return 'upper';
  const words = bare.split(/[\s,]+/).filter(Boolean);
  if (words.every((w) => TITLE_WORD.test(w))) return 'title';
  return 'other';
}

/** The text without what stands in brackets (a seat, a party, an office, a note), brackets inside
 * brackets too, innermost first (`Mr Tony Burke (Watson, …, Manager of Opposition Business (House))`). */
export function withoutBrackets(text: string, by = ''): string {
  let bare = text;
  for (let before = ''; before !== bare;) { before = bare; bare = bare.replace(/\s*(?:[（(][^（）()]{0,80}[）)]|\[[^[\]()]{0,40}\])/gu, by); }
  return bare;
}

/** A line that may be a label on its own: short, no sentence punctuation outside brackets. */
function aloneShape(text: string): boolean {
  // The lengths first: a long paragraph is no label alone, and its brackets need not be taken out.
  if (text.length > 200) return false;
  if (HAN.test(text)) return text.length <= 40 && !/[，,。！!？?；;…“”"]/u.test(withoutBrackets(text));
  const bare = withoutBrackets(text);
  const plain = bare.replace(/\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Hon)\./g, '');
  if (/[.!?;…“”"]\s|[.!?;…]$|:/u.test(plain) || text.length > 200) return false;
  // Short, without a comma; or an office in capitalised words, which may run long and hold commas
  // (The Parliamentary Under-Secretary of State for Foreign, Commonwealth and Development Affairs (Vicky Ford)).
  return (text.length <= 90 && !/,\s/.test(plain)) || caseOf(text) === 'title';
}

/** A rule: a line drawn only with rule characters (*****, -----, ＊＊＊, ·····): no text; line splitting breaks around it (line-breaks.ts). */
export const RULE = /^[\s*＊\-=_~#·•—–.。]+$/u;
/** A long rule (20 or more hyphens, or equals signs), as a wire transcript frames a label with: a rule that is also furniture. */
const LONG_RULE = '-{20,}|={20,}';
/** A line of a web page's furniture between a label and the speech (`- Hansard - - - Excerpts`), or a long rule framing a wire transcript's label. */
export const FURNITURE = new RegExp(`^(?:-\\s+(?:[${LETTERS}][${LETTERS} ]*\\s+)?-(?:\\s*-)*(?:\\s+[${LETTERS}][${LETTERS} ]*(?:\\s+-)*)*\\s*|${LONG_RULE})$`, 'u');

/** A subtitle cue's timing (SRT `00:00:03,510 --> 00:00:05,110`, WebVTT `00:03.510 --> 00:05.110 align:start`),
 * with the cue's number before it where the number shares its paragraph. */
export const CUE_TIMING = /^(?:\d+\s+)?((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})[ \t]+-->[ \t]+((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:[ \t]+[\w-]+:\S+)*$/u;

/** A cue's start and end in seconds, from its timing line. */
export function cueTimes(line: string): { start: number; end: number } | null {
  const m = CUE_TIMING.exec(line.trim());
  const seconds = (t: string) => t.replace(',', '.').split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return m ? { start: seconds(m[1]!), end: seconds(m[2]!) } : null;
}
/** A WebVTT voice tag before a cue's text: the speaker's name. */
const VTT_VOICE = /^<v(?:\.[^\s>]+)?[ \t]+([^<>]{1,60})>[ \t]*/u;
/** A cue's text opens with a WebVTT voice tag. */
export function opensWithVoice(text: string): boolean {
  return VTT_VOICE.test(text);
}
/** WebVTT's markup inside a cue's text: a voice's closing tag, class, italics, bold, underline, ruby and
 * language spans, and the karaoke timestamps of automatic captions (`<00:00:01.500>`). */
export const CUE_MARKUP = /<\/?(?:v|c|i|b|u|ruby|rt|lang)(?:[.\s][^<>]*)?>|<(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3}>/gu;
/** A WebVTT file's header and blocks that carry no cue text (WEBVTT, Kind: captions, NOTE …, STYLE). */
export const SUBTITLE_HEADER = /^(?:WEBVTT(?:[ \t].*)?|Kind:[ \t]*\S+|Language:[ \t]*\S+|NOTE(?:\s.*)?|STYLE|REGION)$/su;

const AGO = '\\d+ (?:year|month|week|day|hour|minute)s?';
const CHAMBER = '(?:Commons|Lords) Chamber|Westminster Hall|Grand Committee';
const READ_LINK = 'Read (?:Full debate|Hansard Text|Debate(?: Ministerial Extracts)?)';
/**
 * A line of a debate page's furniture in the lead, above the first label (Parallel Parliament): the
 * page's links and tags, not the sitting's record — `Full Debate: Read Full Debate`, the page's age
 * `(11 years, 10 months ago)`, the chamber tag and reading links `Commons Chamber` / `Read Full debate
 * Read Hansard Text`, and the member's excerpts link `John Spellar Excerpts`. The text keeps it (the
 * source is verbatim); the reader neither reads it as a label nor joins it to the lines beside it.
 */
export const LEAD_FURNITURE = new RegExp(`^(?:Full Debate: Read Full Debate|\\(${AGO}(?:, ${AGO})? ago\\)|(?:${CHAMBER})(?: ${READ_LINK})*|${READ_LINK}(?: ${READ_LINK})*|${INITIAL}[${LETTERS}'’.-]+(?: ${INITIAL}[${LETTERS}'’.-]+){0,4} Excerpts)$`, 'u');

/** A long rule alone on its line (a wire transcript's `=====…` or `-----…`): a separator, never speech. */
export const RULE_LINE = new RegExp(`^(?:${LONG_RULE})$`);
/** A letter-spaced stamp (a wire's `E D I T E D   V E R S I O N`): single letters spaced out, words by wider gaps. */
export const LETTER_SPACED = /^\p{Lu}(?: \p{Lu}){3,}(?: {2,}\p{Lu}(?: \p{Lu})+)*$/u;

/** A page's caption alone on the line above each speaker's name (earningscall.biz: `speaker` / `Operator` /
 * the speech): furniture; the name below it is the label. */
export const SPEAKER_CAPTION = /^speaker$/iu;

/** Whether a line is a web page's or a wire's furniture: between a label and its speech, or in the lead. */
export function isFurniture(line: string): boolean {
  const t = line.trim();
  return FURNITURE.test(t) || LEAD_FURNITURE.test(t) || LETTER_SPACED.test(t) || SPEAKER_CAPTION.test(t);
}

/** A bulleted line is an item of a list (a call's participants: ` * John Burchett`), not a label. */
export const BULLET = /^[ \t]*[*•▪·][ \t]/u;

/** A time opening a line before the label (`[00:00:01] Speaker 1:`, `00:00:03 Jane Doe:`). */
const LEAD_TIME = new RegExp(`^(?:${STAMP}|${TIME})[ \\t\\u00a0]+(?=\\S)`, 'u');
/** A label alone on its line with the time after it (Otter's `Jane Doe  00:15`, 通义听悟's `发言人1 00:03`). */
const TRAILING_TIME = new RegExp(`^(.+?)[ \\t\\u00a0\\u3000]+(?:${STAMP}|${TIME})$`, 'u');

/**
 * The label shape at the start of a paragraph, before any evidence, or null. Every stage asks about the
 * same lines (the conventions, the labels that recur, each line's decision): a shape is worked out once
 * per text and kept (callers never change what they are given).
 */
export function candidateOf(paragraph: string): Candidate | null {
  let found = candidateCache.get(paragraph);
  if (found === undefined) {
    found = candidateOfText(paragraph);
    if (candidateCache.size >= CANDIDATE_CACHE_SIZE) candidateCache.clear();
    candidateCache.set(paragraph, found);
  }
  return found;
}
const candidateCache = new Map<string, Candidate | null>();
const CANDIDATE_CACHE_SIZE = 100_000;

function candidateOfText(paragraph: string): Candidate | null {
  const text = trimGaps(paragraph);
  if (!text || isFurniture(text)) return null;
  // A bulleted line is a list's item (a call's participants), unless it is a label alone with its colon,
  // as PBS's pages set some speakers (`• VLADIMIR PUTIN, Russian President (through translator):`).
  if (BULLET.test(text)) {
    const rest = text.replace(BULLET, '');
    const c = shapeOf(rest);
    return c && c.alone && c.delimiter === 'colon' && c.english ? { ...c, length: paragraph.length } : null;
  }
  // A transcription service's time before the label or after a label alone on its line: the time is
  // the service's; the label is what it stamps. (Leading blanks were trimmed: lengths count from them.)
  const lead = LEAD_TIME.exec(text);
  if (lead) {
    const c = labelAfterTime(text.slice(lead[0].length));
    const offset = paragraph.indexOf(text) + lead[0].length;
    return c && { ...c, length: c.length + offset, stamped: true };
  }
  // A dash before the label marks a new voice, as Spanish print sets dialogue (`– GREGORIO MARTÍNEZ
  // GARZA: A continuación, …`): the dash is the turn's mark; the label, with its colon, is the speaker's.
  const dash = LEAD_DASH.exec(text);
  if (dash) {
    const c = shapeOf(text.slice(dash[0].length));
    return c && c.delimiter === 'colon' ? { ...c, length: c.length + paragraph.indexOf(text) + dash[0].length } : null;
  }
  // Hansard numbers an oral question with its place on the order paper and its id (`Q1. [900001]`,
  // `T2. [901234]`, `3. [900877]`): the number is the question's, the label is the member's.
  const numbered = HANSARD_QUESTION.exec(text);
  if (numbered) {
    const c = shapeOf(text.slice(numbered[0].length));
    return c && { ...c, length: c.length + paragraph.indexOf(text) + numbered[0].length };
  }
  // A select committee's oral evidence numbers the questions in the margin (`Q1    Chair: Good
  // morning…`, `Q12 Rushanara Ali: Governor, …`): the number is the question's; the label, with its
  // colon, is the member's.
  const committee = COMMITTEE_QUESTION.exec(text);
  if (committee) {
    const c = shapeOf(text.slice(committee[0].length));
    if (c && c.delimiter === 'colon') return { ...c, length: c.length + paragraph.indexOf(text) + committee[0].length };
  }
  // OpenAustralia's Hansard: the member, then the page's links on the label's line (`Tony Smith (Speaker)
  // Share this | Link to this | Hansard source`), the speech on the next line.
  // (The pattern is tried at every white space of a paragraph: only where its words are.)
  const links = text.includes('Share this') ? SHARE_LINKS.exec(text) : null;
  if (links) {
    const c = shapeOf(text.slice(0, links.index));
    return c && c.alone ? { ...c, delimiter: 'eol', length: paragraph.length } : null;
  }
  const trailing = text.length <= 120 && /\d[\])]?$/.test(text) ? TRAILING_TIME.exec(text) : null;
  if (trailing && aloneShape(trailing[1]) && /\p{L}/u.test(trailing[1])) {
    const l = trailing[1].trim();
    return { label: l, length: paragraph.length, alone: true, delimiter: 'eol', case: caseOf(l), english: !HAN.test(l), stamped: true };
  }
  return shapeOf(text);
}

/** `s` without the spaces, tabs, no-break and ideographic spaces at either end (the pattern
 * /^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$/g tried its second half at every space of a line). */
function trimGaps(s: string): string {
  const gap = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
  let a = 0, b = s.length;
  while (a < b && gap(s.charCodeAt(a))) a++;
  while (b > a && gap(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** An en or em dash opening a paragraph before a label (not a hyphen: a Markdown list's `- Date: …`). */
const LEAD_DASH = /^[–—][ \t\u00a0]+(?=\p{Lu})/u;
const COMMITTEE_QUESTION = /^Q\d{1,4}[ \t\u00a0]+(?=\p{Lu})/u;
const SHARE_LINKS = /\s+Share this(?: \| Link to this)?(?: \| Hansard source)?$/u;
/** A line that carries a debate page's links after a member's name (OpenAustralia): a speaker's label, no byline. */
export const withShareLinks = (line: string): boolean => SHARE_LINKS.test(line.trim());
const HANSARD_QUESTION = /^(?:[QT]?\d{1,3}\.\s+)?\[\d{4,7}\]\s+(?=\p{Lu})/u;

/** A transcription service's label alone on its line, with the time into the recording (`Jane Doe  00:15`, `Speaker 1 (00:00):`). */
export function stampedAlone(line: string): boolean {
  if (!/\d:\d\d[\])]?:?\s*$/.test(line)) return false;
  const c = candidateOf(line);
  return c !== null && c.alone && c.stamped === true;
}

/** The label after a leading time: one that ends with a colon (`Speaker 1:`), or a name alone on its line. */
function labelAfterTime(rest: string): Candidate | null {
  // A voice the service numbers (`Speaker 1:`): the number is part of the label.
  const numbered = EN_NUMBERED_COLON.exec(rest);
  const c = numbered ? { label: numbered[1], length: numbered[0].length, alone: rest.slice(numbered[0].length).trim() === '', delimiter: 'colon' as const, case: caseOf(numbered[1]), english: true } : shapeOf(rest);
  return c && (c.delimiter === 'colon' || c.delimiter === 'eol') ? c : null;
}

/** The label shape of a trimmed paragraph that holds no service's time around its label. */
function shapeOf(text: string): Candidate | null {
  const make = (label: string, length: number, delimiter: Delimiter): Candidate | null => {
    const l = label.trim();
    if (!/\p{L}/u.test(l)) return null;
    const rest = text.slice(length);
    // A colon between digits is a time or a ratio (10:30, 3:1), not a label.
    if (delimiter === 'colon' && /\d$/.test(l) && /^\d/.test(rest)) return null;
    return { label: l, length, alone: rest.trim() === '', delimiter, case: caseOf(l), english: !HAN.test(l) };
  };
  // A label in capitals may hold a no-break space of the page (`MS.\u00a0 JEAN-PIERRE:`): one label
  // ending with its colon, not `MS.` ending with a run of spaces.
  const spaced = UPPER_SPACED_COLON.exec(text);
  if (spaced) return make(spaced[1].replace(/[ \t\u00a0]+/gu, ' '), spaced[0].length, 'colon');
  // A label set in bold by a page copied as Markdown (`**Chris Benson:**`, `**Q**:`): the label is inside.
  const bold = MD_BOLD.exec(text);
  if (bold) return make(bold[1], bold[0].length, 'colon');
  // A WebVTT voice tag names the speaker (`<v John Smith>Good morning.</v>`, `<v.loud Jane>`).
  const voice = VTT_VOICE.exec(text);
  if (voice) return make(voice[1], voice[0].length, 'colon');
  // A Chinese label in lenticular brackets before the speech (`【主持人】各位记者朋友…`).
  const bracketed = CJK_BRACKETED.exec(text);
  const inBrackets = bracketed?.groups && (bracketed.groups.a ?? bracketed.groups.b ?? bracketed.groups.c);
  if (bracketed && inBrackets && !BRACKET_CUE.test(inBrackets)) return make(inBrackets, bracketed[0].length, 'colon');
  // A record's question and answer (`Q. Where do you live?` / `A. In Springfield.`), as a deposition prints them.
  const record = QA_PERIOD.exec(text);
  if (record) return make(record[1], record[0].length, 'period');
  const spaces = EN_SPACES.exec(text);
  if (spaces) return make(spaces[1] ?? spaces[2], spaces[0].length, 'spaces');
  // (ParlInfo's time of day before a dash is a stamp too, as a service's time before a colon is.)
  const stamped = EN_TIMED_DASH.exec(text) ?? EN_STAMPED_COLON.exec(text);
  if (stamped) {
    const c = make(stamped[1], stamped[0].length, 'colon');
    return c && { ...c, stamped: true };
  }
  // (A name with a description in brackets that quotes a title is tried where no plain label is found.)
  const en = EN_COLON.exec(text) ?? EN_DESCRIBED_COLON.exec(text);
  if (en && !HAN.test(en[1])) return make(en[1], en[0].length, 'colon');
  const zh = CJK_COLON.exec(text);
  if (zh && HAN.test(zh[1])) return make(zh[1], zh[0].length, 'colon');
  if (en) return make(en[1], en[0].length, 'colon');
  return periodOrLineShape(text, make);
}

/** The label shapes that end with a period (and a dash) or with the line, tried after every colon. */
function periodOrLineShape(text: string, make: (label: string, length: number, delimiter: Delimiter) => Candidate | null): Candidate | null {
  // The European Parliament's verbatim report: the speaker, a period and a dash (`President. – …`,
  // `Manfred Weber, on behalf of the PPE Group. – Madam President, …`).
  const dashed = EN_PERIOD_DASH.exec(text);
  if (dashed) {
    // Its case is the name's, before the capacity after the comma.
    const c = make(dashed[1], dashed[0].length, 'period');
    return c && { ...c, case: caseOf(dashed[1].split(',')[0]!), dashed: true };
  }
  const period = EN_PERIOD.exec(text);
  if (period && (HONORIFIC.test(period[1]) || CAPITALS_WORD.test(period[1])) && period[1].split(' ').length <= 5) return make(period[1], period[0].length, 'period');
  // A wire service's numbered label alone on its line (Thomson Reuters StreetEvents: `Operator    [1]`,
  // `John Burchett,  Hanover Capital Mortgage Holdings - CEO    [2]`): the speaker is the name before
  // the comma; the company, the title and the turn's number are the label's, not the name's.
  const numbered = text.endsWith(']') ? /^(.+?)[ \t]{2,}\[\d{1,4}\]$/.exec(text) : null;
  if (numbered) {
    const name = numbered[1].split(/,[ \t]+/)[0]!;
    return aloneShape(name) ? make(name, text.length, 'eol') : null;
  }
  if (aloneShape(text)) return make(text, text.length, 'eol');
  return null;
}

/** The key a convention is counted under. */
export function conventionKey(c: Pick<Candidate, 'alone' | 'delimiter' | 'case'>): string {
  return `${c.alone ? 'line' : 'start'}|${c.delimiter}|${c.case}`;
}

export interface Conventions {
  /** Established conventions, most sure first. */
  list: Convention[];
  /** How well a candidate fits the document's conventions: the confidence of its convention, else 0. */
  fit: (c: Candidate) => number;
}

/**
 * Induces the label conventions of a document from its paragraphs (or lines). `key` is how labels are
 * compared (labels.ts labelKey: Simplified, no spaces, capitals).
 */
export function induceConventions(paragraphs: string[], key: (label: string) => string): Conventions {
  // A page's furniture (between a label and its speech, or in the lead) is transparent.
  paragraphs = paragraphs.filter((p) => !isFurniture(p));
  const cands = paragraphs.map(candidateOf);
  const groups = new Map<string, { count: number; keys: Map<string, number>; labels: Map<string, string>; followed: Map<string, number>; speech: number }>();
  cands.forEach((c, i) => {
    if (!c) return;
    const k = conventionKey(c);
    const g = groups.get(k) ?? { count: 0, keys: new Map(), labels: new Map(), followed: new Map(), speech: 0 };
    g.count++;
    const lk = key(c.label);
    g.keys.set(lk, (g.keys.get(lk) ?? 0) + 1);
    if (!g.labels.has(lk)) g.labels.set(lk, c.label);
    // Speech after the label: the rest of its paragraph, or the next paragraph when it is no candidate.
    const after = c.alone ? (cands[i + 1] ? '' : paragraphs[i + 1] ?? '') : paragraphs[i].slice(c.length);
    if (after.trim()) g.followed.set(lk, (g.followed.get(lk) ?? 0) + 1);
    g.speech += speechWeight(after);
    groups.set(k, g);
  });
  const list: Convention[] = [];
  for (const [k, g] of groups) {
    const [position, delimiter, kase] = k.split('|') as [Convention['position'], Delimiter, CaseClass];
    const strings = g.keys.size;
    const recurring = [...g.keys.values()].filter((n) => n >= 2).reduce((a, n) => a + n, 0);
    // Alternation is judged on the labels that recur (the speakers), so that a page's header lines of
    // the same shape do not hide the convention; when none recurs there is no convention anyway.
    const followedRecurring = [...g.keys].filter(([, n]) => n >= 2).reduce((a, [lk]) => a + (g.followed.get(lk) ?? 0), 0);
    const alternation = recurring ? followedRecurring / recurring : 0;
    // A convention holds when its shape recurs, some of its strings recur (a handful of people speak
    // many times), and it alternates with speech longer than itself.
    if (g.count < 3 || recurring < 2 || alternation < 0.6) continue;
    // The share of candidates whose string recurs, and how many there are, make it surer.
    const share = recurring / g.count;
    const confidence = Math.min(0.99, (1 - 1 / g.count) * (0.5 + 0.5 * share) * alternation);
    // An end-of-line convention without recurrence is a list of headings, not of speakers.
    // (A page's header lines may outnumber the speakers in a short excerpt: a quarter will do when the
    // recurring labels always alternate with speech.)
    if (delimiter === 'eol' && share < (alternation >= 0.9 ? 0.25 : 0.5)) continue;
    const examples = [...g.keys].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([lk]) => g.labels.get(lk)!);
    list.push({ position, delimiter, case: kase, count: g.count, strings, alternation, confidence, examples });
  }
  list.sort((a, b) => b.confidence - a.confidence || b.count - a.count);
  const byKey = new Map(list.map((c) => [`${c.position}|${c.delimiter}|${c.case}`, c.confidence]));
  return { list, fit: (c) => byKey.get(conventionKey(c)) ?? 0 };
}

/** Weight of speech: a Han character counts three Latin ones. */
export function speechWeight(s: string): number {
  // Counted by code unit: a match array of every Han character was garbage for the collector.
  let wide = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0x3000 && c <= 0x9fff) wide++; }
  return wide * 3 + s.length;
}

/** A convention in words, for `inspect`: `label at paragraph start, ends with a colon, in capitals (12×, 96 %)`. */
export function describeConvention(c: Convention): string {
  const where = c.position === 'line' ? 'label on its own line' : 'label at paragraph start';
  const ends = { colon: 'a colon', period: 'a period', spaces: 'a run of spaces', eol: 'the end of the line' }[c.delimiter];
  const kase = { upper: 'in capitals', title: 'in capitalised words', han: 'in Han characters', other: '' }[c.case];
  return `${where}, ends with ${ends}${kase ? `, ${kase}` : ''}: ${c.examples.join(' / ')} (${c.count}×, ${Math.round(c.confidence * 100)} % sure)`;
}
