// The one speaker-label recogniser. Both the paragraph repair (never merge a paragraph that opens
// with a label into the one before) and the structure stage (who speaks, in what role) ask it.
//
// A label is decided by its shape and by evidence, not by a list of names that grows with every
// transcript:
// - shape: it stands at the start of a paragraph, is short, holds no sentence punctuation, and ends
//   with a colon (full-width or ASCII) — or it is a paragraph on its own;
// - evidence: it names one of the book's speakers (book.yaml `speaker`/`speakers`, also behind a job
//   title and across Simplified/Traditional), it is a role (记者/記者, 问/答, 主持人, Q/A, QUESTION,
//   MODERATOR), it is an English label in capitals (MR PRICE, ACTING SECRETARY OF DEFENSE …), or it is
//   a personal name (a Chinese surname and one to three characters) that the transcript uses as a label
//   more than once, after a job title, or alone on its line.
// A sentence that merely holds a colon (他说：…, 我认为…至关重要：, Note: …, 10:30) has no such evidence.
import * as OpenCC from 'opencc-js/t2cn';
import { getJieba } from './segmenter.ts';

/** What a label says about the turn it opens. */
export type LabelKind = 'principal' | 'question' | 'answer' | 'moderator' | 'other';

export interface LabelMatch {
  /** The label as printed, without its colon (`《人民日报》记者`). */
  label: string;
  /** Who speaks: the book's spelling of a principal, the outlet for a reporter, else the label. */
  name: string;
  kind: LabelKind;
  /** Characters the label takes at the start of the paragraph, colon and spaces included. */
  length: number;
  /** The paragraph is only the label: the speech follows in the next paragraph. */
  alone: boolean;
}

export interface LabelContext {
  /** The book's principal speakers (book.yaml `speaker` first, then `speakers`). */
  principals: string[];
  /** Labels (as `labelKey` gives them) that open at least two paragraphs of this transcript. */
  repeated?: Set<string>;
}

let t2cn: ((s: string) => string) | null = null;
/** Simplified form, so 記者 = 记者 and 婁勤儉 = 娄勤俭. */
export function simplified(s: string): string {
  if (!/[\u3400-\u9fff]/u.test(s)) return s;
  t2cn ??= (OpenCC as unknown as { Converter: (o: { from: string; to: string }) => (s: string) => string }).Converter({ from: 't', to: 'cn' });
  return t2cn(s);
}

/** The key labels are compared by: Simplified, without spaces, English in capitals. */
export function labelKey(label: string): string {
  return simplified(label).replace(/[\s.]/g, '').toUpperCase();
}

const HAN = /\p{Script=Han}/u;
// Inside a Chinese label: anything but whitespace, sentence punctuation and colons. Quotes, book-title
// marks, brackets, the enumeration comma (job titles: 主任、局长…) and the name dot (·) may appear.
const CJK_LABEL = /^([^\s，,。！!？?；;：:…]{1,60}?)[ \t]*[：:][ \t\u3000]*/u;
// An English label: letters, spaces, dots, apostrophes, hyphens, a comma (RUMSFELD, SECRETARY OF DEFENSE).
const EN_LABEL = /^([A-Z][A-Za-z.'’\- ,()]{0,90}?)[ \t]*:[ \t]*/;
/** Pentagon transcripts write a question as `Q` and a space, no colon. */
const BARE_Q = /^Q[ \t]+(?=[A-Z“"'‘(])/;

const QUESTION_ZH = /(记者|记者问|^问|^追问|^提问|^提问者|^提问人)$/u;
const ANSWER_ZH = /^答$/u;
const MODERATOR_ZH = /(主持人|主持|司仪)$/u;
const QUESTION_EN = /^(Q|QUESTION|QUESTIONS|REPORTER|AUDIENCE MEMBER|AUDIENCE QUESTION|PARTICIPANT)$/;
const ANSWER_EN = /^(A|ANSWER)$/;
const MODERATOR_EN = /^(MODERATOR|THE MODERATOR|OPERATOR|THE OPERATOR|HOST|CHAIR|CHAIRMAN|CHAIRWOMAN|MASTER OF CEREMONIES)$/;
/** A phrase ending in a verb of saying introduces quoted speech (他说：, 王毅表示：), it is no label. */
const SAYING = /(说|说道|表示|指出|强调|认为|称|问道|回答|答道|介绍|宣布|透露|坦言|写道|提到|谈到|回应|所说|来说|而言|如下|是|为|在于)$/u;

// The commonest Chinese surnames (Simplified): a closed set (these cover well over 90 % of people),
// used only to tell a personal name from a word. Two-character surnames first.
const SURNAMES_2 = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文', '端木', '澹台', '南宫', '西门']);
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝娄楼'].filter((c) => c.trim()));

/** Whether a Simplified string is a personal name: a surname and one to three more characters. */
export function isPersonalName(s: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(s)) return false;
  return SURNAMES_2.has(s.slice(0, 2)) ? s.length >= 3 : SURNAMES.has(s[0]) && s.length <= 3;
}

/**
 * Whether the last `n` characters of a Simplified label read as a name and not as words: the word
 * segmenter puts a boundary before them and cuts them into single characters or a person's name
 * (金/晴/中, 娄勤俭), not into dictionary words (明确/的, 周边).
 */
function nameByWords(key: string, n: number): boolean {
  if (/[的了着过吗呢吧啊们]$/u.test(key)) return false;
  let at = 0;
  let boundary = false;
  for (const { word, tag } of getJieba().tag(key)) {
    const end = at + word.length;
    if (at === key.length - n) boundary = true;
    if (end > key.length - n && word.length > 1 && !tag.startsWith('nr')) return false;
    at = end;
  }
  return boundary;
}

/** The personal name a label ends with (婁勤儉 in 新聞發言人婁勤儉), if it ends with one after a title. */
function trailingName(key: string): string | null {
  for (const n of [3, 2]) {
    const tail = key.slice(-n);
    if (key.length > n && isPersonalName(tail) && nameByWords(key, n)) return tail;
  }
  return null;
}

/** Index of the principal a label names, or -1. Matches a job title before the name, and surnames in English. */
export function principalIndex(label: string, principals: string[]): number {
  const key = labelKey(label);
  for (let i = 0; i < principals.length; i++) {
    const p = labelKey(principals[i]);
    if (!p) continue;
    if (key === p) return i;
    if (HAN.test(p)) {
      // 十四届全国人大四次会议新闻发言人娄勤俭 ends with 娄勤俭; 王毅外长 is not matched (a title after).
      if (key.endsWith(p) && key.length > p.length) return i;
      // …or a short title after it (王毅外长, 李强总理).
      if (key.startsWith(p) && key.length - p.length <= 4 && !SAYING.test(key)) return i;
    } else {
      // English: the label's name part (before a comma: DONALD RUMSFELD, SECRETARY OF DEFENSE) ends
      // with the principal's surname: MR PRICE, ACTING SECRETARY OF DEFENSE CHRISTOPHER C. MILLER.
      const words = (s: string) => s.toUpperCase().split(/[\s.,]+/).filter(Boolean);
      const surname = words(principals[i]).at(-1);
      const namePart = words(label.split(',')[0]);
      if (surname && surname.length > 1 && namePart.at(-1) === surname) return i;
    }
  }
  return -1;
}

/** The label's shape at the start of a paragraph, before any evidence: the label text and its length. */
export function labelShape(text: string): { label: string; length: number; alone: boolean; english: boolean } | null {
  const bare = BARE_Q.exec(text);
  if (bare) return { label: 'Q', length: bare[0].length, alone: false, english: true };
  const en = EN_LABEL.exec(text);
  const m = en && !HAN.test(en[1]) ? en : CJK_LABEL.exec(text);
  if (!m) return null;
  const label = m[1].trim();
  const rest = text.slice(m[0].length);
  // A colon between digits is a time or a ratio (10:30, 3:1), not a label.
  if (/\d$/.test(label) && /^\d/.test(rest)) return null;
  if (!/[\p{L}]/u.test(label)) return null;
  return { label, length: m[0].length, alone: rest.trim() === '', english: m === en };
}

/**
 * Recognises a speaker label at the start of a paragraph, or returns null. `text` is the normalised
 * paragraph.
 */
export function recogniseLabel(text: string, ctx: LabelContext): LabelMatch | null {
  let shape = labelShape(text);
  // A paragraph that is only a name, without a colon: a label when it names a speaker or a role.
  if (!shape && text.length <= 40 && !/[，,。.！!？?；;：:…“”"]/u.test(text)) {
    shape = { label: text.trim(), length: text.length, alone: true, english: !HAN.test(text) };
    const m = classify(shape.label, shape.english, ctx);
    return m && (m.kind !== 'other' || ctx.repeated?.has(labelKey(shape.label))) ? { ...m, length: shape.length, alone: true } : null;
  }
  if (!shape) return null;
  const m = classify(shape.label, shape.english, ctx, shape.alone);
  return m ? { ...m, length: shape.length, alone: shape.alone } : null;
}

function classify(label: string, english: boolean, ctx: LabelContext, alone = false): Omit<LabelMatch, 'length' | 'alone'> | null {
  const p = principalIndex(label, ctx.principals);
  if (p >= 0) return { label, name: ctx.principals[p], kind: 'principal' };
  const key = labelKey(label);
  const repeated = ctx.repeated?.has(key) ?? false;
  if (english) {
    const upper = label.toUpperCase().replace(/\s+/g, ' ');
    if (QUESTION_EN.test(upper)) return { label, name: label, kind: 'question' };
    if (ANSWER_EN.test(upper)) return { label, name: ctx.principals[0] ?? label, kind: ctx.principals.length ? 'principal' : 'answer' };
    if (MODERATOR_EN.test(upper)) return { label, name: label, kind: 'moderator' };
    const words = label.split(/[\s,]+/).filter(Boolean);
    if (words.length > 12) return null;
    // In capitals (MR PRICE, STAFF, ACTING SECRETARY OF DEFENSE CHRISTOPHER C. MILLER): a label by its look.
    const letters = label.replace(/[^A-Za-z]/g, '');
    const capitals = letters.length >= 2 && letters === letters.toUpperCase();
    // Mixed case (Clarke:, Mr. Smith:): only when the transcript uses it as a label more than once and
    // it reads as a name or a title (capitalised words, a few particles).
    const nameLike = words.length <= 4 && words.every((w) => /^(?:[A-Z][a-z'’.-]*\.?|of|the|and|de|van|von|da|al|bin)$/.test(w));
    if (capitals || (nameLike && (repeated || alone))) return { label, name: label, kind: 'other' };
    return null;
  }
  if (!HAN.test(label)) return null;
  const s = simplified(label);
  if (ANSWER_ZH.test(s)) return { label, name: ctx.principals[0] ?? label, kind: ctx.principals.length ? 'principal' : 'answer' };
  if (QUESTION_ZH.test(s)) {
    // The outlet before 记者 (彭博社记者 → 彭博社); a bare 记者 or 问 keeps the label.
    const outlet = label.replace(/(記者|记者)$/u, '').replace(/^[《「“]|[》」”]$/gu, '').replace(/^[《「“](.*)[》」”]$/u, '$1');
    return { label, name: outlet && outlet !== label && !/^有$/.test(outlet) ? outlet : label, kind: 'question' };
  }
  if (MODERATOR_ZH.test(s)) return { label, name: label, kind: 'moderator' };
  if (SAYING.test(s)) return null;
  // A personal name (王超), or a job title chain ending in one (…新闻中心主任、…局长金晴中).
  const plain = s.replace(/[·•]/g, '');
  if (isPersonalName(plain) && nameByWords(plain, plain.length) && (repeated || alone)) return { label, name: label, kind: 'other' };
  if (plain.length >= 5 && !/[“”"《》「」（）()]/u.test(plain)) {
    const name = trailingName(plain);
    if (name) return { label, name: label.slice(-name.length), kind: 'other' };
  }
  // A foreign name written with a name dot (穆罕默德·本·萨勒曼) used as a label more than once.
  if (/·/.test(s) && (repeated || alone)) return { label, name: label, kind: 'other' };
  return null;
}

/** Labels (by `labelKey`) that open two or more of these paragraphs: evidence that a name is a label. */
export function repeatedLabels(paragraphs: string[]): Set<string> {
  const count = new Map<string, number>();
  for (const t of paragraphs) {
    const shape = labelShape(t);
    const label = shape?.label ?? (t.length <= 12 && !/[，,。.！!？?；;…]/u.test(t) ? t.trim() : null);
    if (!label) continue;
    const k = labelKey(label);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= 2).map(([k]) => k));
}
