// The one speaker-label recogniser. The reader runs it through document-labels.ts, which decides each
// line or paragraph once per document and carries the decision to every stage that asks (line
// splitting, page furniture, paragraph repair, structure); no stage calls it directly.
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
import { t2s } from '../lang/language.ts';
import { jiebaFor } from './segmenter.ts';
import { BULLET, CAPITAL, CAPITALS, LETTERS, allCapitals, candidateOf, casedLetters, induceConventions, withoutBrackets, type Conventions } from './convention.ts';
import { compileLabelPattern } from '../config/label-pattern.ts';
import type { LabelConfig } from '../config/schema.ts';
import { DOUBLE_SURNAMES, ALL_SURNAMES } from '../lang/names.ts';
import { isNewsLead } from '../lang/outlets.ts';

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
  /** The document's own label conventions (convention.ts), induced once over the whole text. */
  conventions?: Conventions;
  /** An office the transcript once names with a principal (Hansard's `The Prime Minister (Keir Starmer)`,
   * then `The Prime Minister`): the office's key, to the principal's index. */
  offices?: Map<string, number>;
  /** The editor's label patterns (book.yaml `labels`), tried first. */
  rules?: LabelRule[];
  /** Lines that name a member under the party's line (openparliament.ca's `Liberal` / `Bill Graham
   * LiberalMinister of National Defence`): the line, to the name before the party. */
  members?: Map<string, string>;
}

/** An editor's label pattern (book.yaml `labels:`): an RE2 pattern matched at the start of a paragraph. */
export type LabelRule = LabelConfig;

/**
 * The one label context of a transcript, built once by the reader and used by every stage that asks
 * whether a paragraph opens with a label (line splitting, paragraph repair, structure): the principals,
 * the labels that recur, the conventions induced from all its lines, and the editor's patterns.
 */
export function labelContext(lines: string[], principals: string[], rules: LabelRule[] = []): LabelContext {
  const nonblank = lines.filter((l) => l.trim());
  // Labels recur as people: Kate Osamor (Edmonton) (Lab/Co-op) and Kate Osamor are one string.
  const person = (l: string) => labelKey(/\p{Script=Han}/u.test(l) ? l : englishName(l));
  return { principals, repeated: repeatedLabels(nonblank), conventions: induceConventions(nonblank, person), rules, offices: principalOffices(nonblank, principals), members: memberLines(nonblank) };
}

/**
 * A parliament's page that prints each member as a block of lines (openparliament.ca: the time, the
 * riding, the party alone on its line, then the name with the party again and the office or riding:
 * `Liberal` / `Bill Graham LiberalMinister of National Defence`, `Conservative` / `Greg Thompson
 * Conservative St. Croix—Belleisle, NB`): the line under the party's line that opens with a name and
 * repeats the party (glued to the office when the page's blocks were run together) is the member's
 * label, the name before the party. A house style: at least two such lines.
 */
function memberLines(lines: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const party = lines[i - 1]!.trim();
    const line = lines[i]!.trim();
    if (line.length > 200 || !PARTY_LINE.test(party) || !line.includes(` ${party}`)) continue;
    const m = new RegExp(`^(${NAME_PART}(?: ${NAME_PART}){1,3}) ${escapeRegExp(party)}(?=$|[ ,${CAPITAL}])`, 'u').exec(line);
    if (m) found.set(line, m[1]!);
  }
  return found.size >= 2 ? found : new Map();
}
/** A party's name alone on its line: one to three capitalised words (Liberal, NDP, Bloc Québécois). */
const PARTY_LINE = new RegExp(`^[${CAPITAL}][${LETTERS}'’-]{1,20}(?: [${CAPITAL}][${LETTERS}'’-]{1,20}){0,2}$`, 'u');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Offices named with a principal in brackets, in a label (`The Prime Minister (Keir Starmer)` alone on
 * its line, `The Prime Minister (Mr Lawrence Wong):` before the speech). */
function principalOffices(lines: string[], principals: string[]): Map<string, number> {
  const offices = new Map<string, number>();
  for (const line of lines) {
    if (!/^\s*The /.test(line)) continue;
    const c = candidateOf(line);
    const m = c ? OFFICE_THEN_NAME.exec(c.label) : null;
    if (!m) continue;
    const p = principalIndex(m[2]!, principals);
    if (p >= 0 && !offices.has(labelKey(m[1]!))) offices.set(labelKey(m[1]!), p);
  }
  return offices;
}

const NAME_PART = `[${CAPITAL}][${LETTERS}'’.-]+`;
const OFFICE_THEN_NAME = new RegExp(`^(The [${CAPITAL}][^()]{2,80}?) \\(((?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\\.? )?${NAME_PART}(?: ${NAME_PART}){1,3})\\)$`, 'u');

/** The editor's rule that matches at the start of a paragraph, as a label. */
function ruleLabel(text: string, ctx: LabelContext): LabelMatch | null {
  for (const rule of ctx.rules ?? []) {
    const m = compileLabelPattern(rule.pattern).matcher(text);
    if (!m.lookingAt() || m.end() === 0) continue;
    let length = m.end();
    const label = text.slice(0, length).replace(/[\s\u00a0\u3000]*[：:.]?[\s\u00a0\u3000]*$/u, '').trim();
    while (length < text.length && /[\s\u00a0\u3000：:]/u.test(text[length])) length++;
    if (!label) continue;
    const p = principalIndex(label, ctx.principals);
    const kind: LabelKind = rule.role === 'answer' ? (ctx.principals.length ? 'principal' : 'answer') : rule.role;
    const name = rule.name ?? (p >= 0 ? ctx.principals[p] : rule.role === 'answer' && ctx.principals.length ? ctx.principals[0] : label);
    return { label, name, kind, length, alone: text.slice(length).trim() === '' };
  }
  return null;
}

/** Simplified form, so 記者 = 记者 and 婁勤儉 = 娄勤俭 (the one OpenCC converter, lang/language.ts). */
export function simplified(s: string): string {
  return /[\u3400-\u9fff]/u.test(s) ? t2s(s) : s;
}

/** A text with its marks composed (NFC), so a name typed decomposed is the same name; text without marks as it is. */
function composed(s: string): string {
  return /\p{M}/u.test(s) ? s.normalize('NFC') : s;
}

/** The key labels are compared by: Simplified, marks composed, without spaces, English in capitals. */
export function labelKey(label: string): string {
  // Kept per label: the same few labels open thousands of lines, and each stage asks again.
  let key = labelKeys.get(label);
  if (key === undefined) {
    key = composed(simplified(label)).replace(/[\s.\[\]【】〔〕［］]/g, '').toUpperCase();
    if (labelKeys.size >= 50_000) labelKeys.clear();
    labelKeys.set(label, key);
  }
  return key;
}
const labelKeys = new Map<string, string>();

const HAN = /\p{Script=Han}/u;
const QUESTION_ZH = /(记者|记者问|^问|^追问|^提问|^提问者|^提问人)$/u;
/** `答`, or the office that answers and `答` (Taiwan's MOFA briefings: `記者問：` … `發言人答：`). */
const ANSWER_ZH = /^(?:答|(?:新闻|新聞)?(?:发言人|發言人)答|(?:部长|部長|院长|院長|署长|署長|局长|局長|主任)答)$/u;
/** The chair by role, alone or before the chair's name (主持人, 主持人 袭艳春, [主持人 袭艳春]). */
const MODERATOR_ZH = /(主持人|主持|司仪)$|^(?:主持人|司仪)[ \u3000]?\p{Script=Han}{2,4}$/u;
// The same roles in the other Latin-script languages books are made in (French, German, Spanish): a
// reporter's `Frage:` or `FRAGE HOENIG:` (a question and the reporter's name), `PREGUNTA:`, `INTERLOCUTOR:`
// (the Mexican presidency's word for a questioner), `Journaliste :`.
const QUESTION_EN = /^(Q|QUESTION|QUESTIONS|QUESTIONER|REPORTER|AUDIENCE|AUDIENCE MEMBER|AUDIENCE QUESTION|PARTICIPANT|FRAGE|PREGUNTA|INTERLOCUTOR|INTERLOCUTORA|JOURNALISTE|PERIODISTA|(?:FRAGE|PREGUNTA) [\p{Lu}'’-]+)$/u;
const ANSWER_EN = /^(A|ANSWER|RÉPONSE|ANTWORT|RESPUESTA)$/u;
const MODERATOR_EN = new RegExp(`^(MODERATOR|THE MODERATOR|MODÉRATEUR|MODÉRATRICE|MODERATORIN|MODERADOR|MODERADORA|OPERATOR|THE OPERATOR|HOST|CHAIR|CHAIRMAN|CHAIRWOMAN|MASTER OF CEREMONIES|ANNOUNCER|THE CHAIR|THE CHAIRMAN|THE CHAIRWOMAN|MADAM CHAIR|MADAM CHAIRMAN|MADAM CHAIRWOMAN|(?:MR|MADAM) SPEAKER|MR\\. SPEAKER|THE SPEAKER|THE DEPUTY SPEAKER|THE PRESIDING OFFICER|(?:CHAIRMAN|CHAIRWOMAN|CHAIR) [${CAPITALS}'’-]+)$`, 'u');
/** A name and the programme's role after a comma: `MILES O'BRIEN, CNN ANCHOR`, `JANE DOE, HOST`. */
/** A programme's host by the label's title after the comma (`WOLF BLITZER, CNN ANCHOR`, `PAUL BEGALA, CO-HOST`). */
export const hostLabel = (label: string): boolean => HOST_EN.test(label.toUpperCase().replace(/\s+/g, ' '));
// …or in brackets after the name (`Mr David M. Rubenstein (Moderator)`, `Jane Doe [Host]`); the programme's
// name in quotes may follow the title (PBS: `CHARLIE ROSE, Host, "The Charlie Rose Show"`).
const HOST_EN = new RegExp(`^(?:[^,]+,\\s*(?:[${CAPITALS}.'’-]+\\s+){0,3}(?:ANCHOR|CO-ANCHOR|HOST|CO-HOST|MODERATOR)(?:\\s*\\([^()]*\\))?(?:,\\s*[“"][^“”"]*[”"])?|[^,()[\\]]+\\s[([](?:ANCHOR|HOST|CO-HOST|MODERATOR)[)\\]])$`, 'u');
/** A hearing's form of address before a name (`Mr. Peña.`, `The Chair.`, `Senator Menéndez.`). */
const ADDRESSED = new RegExp(`^(?:(?:Mr|Mrs|Ms|Dr)\\. [${CAPITAL}]|The (?:Chair|CHAIR)|(?:Chairman|Chairwoman|Senator) [${CAPITAL}])`, 'u');
const SENATOR = new RegExp(`^Senator [${CAPITAL}]`, 'u');
/** A word of a name in mixed case (Clarke, Ó, Núñez, McKay, O'Neill), or a particle. */
const NAME_WORD = new RegExp(`^(?:[${CAPITAL}][${LETTERS}'’.-]*\\.?|of|the|and|de|van|von|da|al|bin)$`, 'u');
/** Two capitals in a row (MR, ÓG), a mark on the first allowed. */
const TWO_CAPITALS = new RegExp(`[${CAPITAL}]\\p{M}*[${CAPITAL}]`, 'u');
/** Headings that name the event, not a speaker (…訪談錄, …专访, …记者会): a title, never a label. */
const EVENT = /(答中外记者问|答中外記者問|答记者问|答記者問|记者会|記者會|发布会|發布會|發佈會|吹风会|吹風會|访谈录|訪談錄|访谈|訪談|专访|專訪|实录|實錄|全文|讲话|講話|致辞|致詞|演讲|演講|答问|答問|对话|對話|Interview|Transcript|Briefing|Press Conference|Remarks)$/iu;
/** Fields of a web page or release before a colon (时间：, 地点：, 来源：): no speaker. */
/** The line opens with a field of a record's header (时间：…, 地点：…, 來源：…). */
export function opensWithField(line: string): boolean {
  const m = /^([^：:]{1,6})[：:]/u.exec(line.trim());
  return m !== null && FIELD_ZH.test(simplified(m[1]!.replace(/[\s\u3000]/gu, '')));
}

const FIELD_ZH = /(?:意见|决定|决议|案由|办法|事项)$|^(列席官员|列席人员|列席委员|出席委员|请假委员|出席人员|纪录|记录|专门委员|主任秘书|时间|日期|地点|来源|发布人|主题|标题|原标题|编辑|责任编辑|作者|摄影|主办|承办|网址|链接|附件|备注|说明|关键词|出席|参加|时长|字号|发布时间|发布机构|发布日期|文章来源|浏览次数|打印|分享)$/u;
/** Words a prose line puts before a colon (Note:, Source:): no speaker. */
// A list's heading (`PARTICIPANTS: Janet Yellen, …; Shalanda Young, …`, `Sprecher: StS Seibert, Wackers (BMG)`)
// names who speaks; it is front matter, not a turn.
const PROSE_EN = /^(NOTE|NOTES|SOURCE|SOURCES|UPDATE|UPDATED|EDITOR'?S NOTE|CORRECTION|RELATED|WATCH|READ MORE|SUBJECT|LOCATION|DATE|TIME|TRANSCRIPT|VIDEO|AUDIO|PHOTO|FOR IMMEDIATE RELEASE|EMBARGOED|CONTACT|TOPICS?|RE|CC|PS|P\.S\.|AS PREPARED FOR DELIVERY|END|EXAMPLE|QUOTE|FOOTNOTE|PARTICIPANTS|CORPORATE PARTICIPANTS|CONFERENCE CALL PARTICIPANTS|SPEAKERS|PRESENT|ATTENDEES|PANELISTS|PANELLISTS|WITNESSES|THEMEN|SPRECHER|TEILNEHMER|INTERVENANTS|PARTICIPANTES|PONENTES)$/;
/** A bracketed line that says who speaks next: a name or title and a noun of speaking. */
const STAGE = /^[（(]([^（）()，。]{1,20}?)(?:講話|讲话|致詞|致词|發言|发言|答詞|答词|答覆|答复|說明|说明)[）)]$/u;
/** A phrase ending in a verb of saying introduces quoted speech (他说：, 王毅表示：), it is no label. */
const SAYING = /(说|说道|表示|指出|强调|认为|称|问道|回答|答道|介绍|宣布|透露|坦言|写道|提到|谈到|回应|所说|来说|而言|如下|是|为|在于)$/u;

// The commonest Chinese surnames (lang/names.ts), used only to tell a personal name from a word.
const SURNAME_SET: ReadonlySet<string> = new Set(ALL_SURNAMES);

/** Whether a Simplified string is a personal name: a surname and one to three more characters. */
export function isPersonalName(s: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(s)) return false;
  return DOUBLE_SURNAMES.has(s.slice(0, 2)) ? s.length >= 3 : SURNAME_SET.has(s[0]) && s.length <= 3;
}

interface Token { word: string; tag: string; start: number; end: number }
/** Tagged words of short keys, kept: the same label is asked about on every line it opens. */
const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_SIZE = 20_000;
function tokens(key: string): readonly Token[] {
  let found = tokenCache.get(key);
  if (found) return found;
  let at = 0;
  found = jiebaFor(key).tag(key).map(({ word, tag }) => ({ word, tag, start: at, end: (at += word.length) }));
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
  tokenCache.set(key, found);
  return found;
}

/**
 * Whether key[start, start + n) reads as a personal name and not as words: a surname, the word
 * segmenter putting a boundary before and after it, and the surname not swallowed by a dictionary
 * word (金/晴/中, 何/启明, 娄勤俭 — not 明确/的, 周边).
 */
function nameAt(key: string, toks: readonly Token[], start: number, n: number): boolean {
  const name = key.slice(start, start + n);
  if (!isPersonalName(name) || /[的了着过吗呢吧啊们]$/u.test(name)) return false;
  const first = toks.find((t) => t.start === start);
  if (!first || !toks.some((t) => t.end === start + n)) return false;
  return first.word.length === 1 || (first.tag.startsWith('nr') && first.end <= start + n);
}

/** A job title or form of address after a name: one noun (大使, 市长, 议员, 主席). */
function titleAfter(toks: readonly Token[], from: number, key: string): boolean {
  const rest = toks.filter((t) => t.start >= from);
  return rest.length === 1 && rest[0].end === key.length && rest[0].word.length <= 4 && /^n/.test(rest[0].tag) && !rest[0].tag.startsWith('nr');
}

/**
 * The personal name in a label, as [start, end) of the Simplified key: the name alone (王超), after a
 * job title (…新闻发言人娄勤俭), before a title (崔大使, 林佳龙市长), or both (立法会主席梁君彦议员).
 */
export function nameInLabel(key: string): [number, number] | null {
  if (!/^\p{Script=Han}+$/u.test(key) || key.length > 40) return null;
  const toks = tokens(key);
  for (let start = 0; start < key.length - 1; start++) {
    for (const n of [3, 2, 4]) {
      if (start + n > key.length || !nameAt(key, toks, start, n)) continue;
      if (start + n === key.length || titleAfter(toks, start + n, key)) return [start, start + n];
    }
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
      // The person in the label (The Prime Minister (Boris Johnson), Tim Cook -- Chief Executive Officer).
      if (labelKey(englishName(label)) === p) return i;
      // (Brackets split words too: the person after an office, The Prime Minister (Keir Starmer).)
      const words = (s: string) => composed(s).toUpperCase().split(/[\s.,()（）]+/).filter(Boolean);
      // A phrase is no person (`Charlie Rose on Charlie Rose, Part I`, a programme's title): a word in
      // small letters other than a name's particle or an office's (of, the, de, von).
      if (PROSE_WORD.test(withoutBrackets(label.split(',')[0]!))) continue;
      const surname = words(principals[i]).at(-1);
      const namePart = words(label.split(',')[0]);
      const full = words(principals[i]);
      // …unless another given name stands before the surname (MILES O'BRIEN, M. O'BRIEN when the
      // principal is Soledad O'Brien): two people share it.
      if (surname && surname.length > 1 && namePart.at(-1) === surname && !otherGivenName(namePart, full)) return i;
      // …or the person, a constituency or office in brackets left out (Rt. Hon. Justin Trudeau (Prime
      // Minister, Lib.)), ends with the principal's full name, after an office or honorific (Official
      // Spokesperson, Shri Randhir Jaiswal).
      const named = englishName(label);
      const person = words(named);
      if (surname && surname.length > 1 && words(named.split(',')[0]).at(-1) === surname && !otherGivenName(words(named.split(',')[0]), full)) return i;
      if (full.length >= 2 && person.length > full.length && full.every((w, k) => person[person.length - full.length + k] === w)) return i;
      // …or, in capitals, holds the full name with a second surname after it, as Spanish names run
      // (`ARTURO HERRERA GUTIÉRREZ` for Arturo Herrera, `SENADORA MÓNICA FERNÁNDEZ BALBOA`).
      const at = person.length - full.length - 1;
      if (full.length >= 2 && at >= 0 && allCapitals(casedLetters(named)) && /^\p{L}+$/u.test(person.at(-1)!) && full.every((w, k) => person[at + k] === w)) return i;
      // …or the family name first, as Singapore and China print theirs in English, after a title of
      // address (`Mr Lee`, `PM Lee` for Lee Hsien Loong): the title says the word is the surname.
      const titled = words(named.split(',')[0]);
      if (full.length >= 2 && full[0].length > 1 && titled.length >= 2 && titled.at(-1) === full[0] && titled.slice(0, -1).every((w) => GIVEN_TITLE.test(w))) return i;
      // …or the principal's initials, as an oral history labels its narrator (`MK:` for Margaret Keller).
      if (full.length >= 2 && full.length <= 3 && /^\p{Lu}{2,3}$/u.test(label.trim()) && label.trim() === full.map((w) => w[0]).join('')) return i;
    }
  }
  return -1;
}

/** A word in small letters that no name or office holds. */
const PROSE_WORD = /(?:^|\s)(?!(?:of|the|and|for|to|de|del|della|di|da|das|do|dos|du|la|le|van|von|der|den|ten|ter|zu|al|el|bin|bint|ibn|y|e|on behalf)(?:\s|$))\p{Ll}[\p{L}'’-]*(?=\s|$)/u;

/**
 * Whether a label's name part gives the surname with a given name (or its initial) that is not the
 * principal's: `MILES O'BRIEN` or `M. O'BRIEN` is not Soledad O'Brien. A title before the surname (MR,
 * SECRETARY, SEN.) or the principal's own given name or initial is no conflict. Words are in capitals.
 */
function otherGivenName(namePart: string[], full: string[]): boolean {
  if (full.length < 2 || namePart.length !== 2) return false;
  const [given] = namePart;
  const own = full.slice(0, -1);
  if (own.includes(given) || GIVEN_TITLE.test(given)) return false;
  return given.length === 1 ? !own.some((w) => w[0] === given) : /^\p{Lu}[\p{Lu}'’-]+$/u.test(given);
}

/** Words that stand before a surname as a title, not a given name. */
const GIVEN_TITLE = /^(?:MR|MRS|MS|MISS|DR|PROF|PROFESSOR|SIR|DAME|LORD|LADY|MADAM|MADAME|HON|RT|THE|SEN|SENATOR|REP|REPRESENTATIVE|SECRETARY|PRESIDENT|PRESIDENT-ELECT|VICE|GOVERNOR|GOV|GENERAL|GEN|ADMIRAL|ADM|AMBASSADOR|MINISTER|PREMIER|CHANCELLOR|CHAIRMAN|CHAIRWOMAN|CHAIR|JUDGE|JUSTICE|MAYOR|SPEAKER|LEADER|COMMISSIONER|DIRECTOR|DEPUTY|ACTING|CHIEF|PRIME|ATTORNEY|COUNCILLOR|COUNCILMAN|COUNCILWOMAN|DELEGATE|ENVOY|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|CAPTAIN|CAPT|COLONEL|COL|MAJOR|MAJ|LIEUTENANT|LT|SERGEANT|SGT|DETECTIVE|AGENT|OFFICER|FATHER|REV|REVEREND|BISHOP|KING|QUEEN|PRINCE|PRINCESS|SHRI|SMT|ANCHOR|HOST|PM|DPM|SM)$/u;

/** The label's shape at the start of a paragraph, before any evidence: the label text and its length. */
export function labelShape(text: string): { label: string; length: number; alone: boolean; english: boolean; stamped?: boolean } | null {
  const c = candidateOf(text);
  // Only a delimiter that says "label" by itself: a colon, or Q and a run of spaces. A period or the
  // end of a line is a label only where the document's convention says so (recogniseLabel); a period
  // with a dash after it (`PERIODISTA. - `) marks a label as a colon does.
  if (!c || c.delimiter === 'eol' || (c.delimiter === 'period' && !c.dashed)) return null;
  if (c.delimiter === 'spaces' && c.label !== 'Q' && c.label !== 'A' && !/[\u00a0]/u.test(text.slice(0, c.length))) return null;
  return { label: c.label, length: c.length, alone: c.alone, english: c.english, stamped: c.stamped };
}

/**
 * Recognises a speaker label at the start of a paragraph, or returns null. `text` is the normalised
 * paragraph.
 */
export function recogniseLabel(text: string, ctx: LabelContext): LabelMatch | null {
  const rule = ruleLabel(text, ctx);
  if (rule) return rule;
  // A line of a roster with dot leaders (a Security Council record's `President: Mr. Fu Cong . . . . .
  // (China)`, `Members: Algeria . . . . . Mr. Bendjama`) lists people; none of them speaks there.
  // (A roster's line is short; a long speech may trail off in dots.)
  if (text.length <= 200 && DOT_LEADER.test(text)) return null;
  const member = ctx.members?.get(text.trim());
  if (member) {
    const p = principalIndex(member, ctx.principals);
    return { label: text.trim(), name: p >= 0 ? ctx.principals[p]! : member, kind: p >= 0 ? 'principal' : 'other', length: text.length, alone: true };
  }
  const found = evidenceLabel(text, ctx);
  if (found === undefined) return null;
  return found ?? conventionLabel(text, ctx);
}

/**
 * A label that fits the document's convention, though no evidence names it (a member who speaks once,
 * `Q` and no-break spaces, `Mr. Smith.`, a name alone on its line in Hansard): a label when its
 * convention holds with confidence ≥ 0.5 and nothing in it reads as prose.
 */
function conventionLabel(text: string, ctx: LabelContext): LabelMatch | null {
  const c = candidateOf(text);
  // `The Chairman.` / `Mr. Linder.` opening a paragraph of speech: a hearing's label by its form of
  // address, even where the excerpt is too short for a convention to show; and so is the principal's
  // name in capitals before a period (the Fed's `CHAIR POWELL. Good afternoon.`).
  const addressed = c?.delimiter === 'period' && (ADDRESSED.test(c.label) || (c.case === 'upper' && principalIndex(c.label, ctx.principals) >= 0)) && text.length - c.length >= 40;
  if (!c || !ctx.conventions || (ctx.conventions.fit(c) < 0.5 && !addressed)) return null;
  // Not a speaker, whatever its shape: a bracketed aside, a field of the page (时间：, 来源：), a headline
  // (外交部：華盛頓正在上演…, no sentence stop after the colon).
  if (/^[（(【\[〔［]/u.test(c.label)) return null;
  if (!c.english) {
    if (FIELD_ZH.test(simplified(c.label))) return null;
    const rest = text.slice(c.length);
    if (!c.alone && rest.length <= 40 && !/[。！？!?；;…]/u.test(rest)) return null;
  }
  const m = classify(c.label, c.english, ctx, c.alone, c.stamped === true, true, c.delimiter === 'colon');
  // A hearing's senator (`Senator Schumer.`) is a member of the committee, who questions the witnesses,
  // as a 委員 questions the government in the 立法院 gazette.
  if (m && m.kind === 'other' && c.delimiter === 'period' && SENATOR.test(c.label)) m.kind = 'question';
  return m ? { ...m, label: printedLabel(m.label), length: c.length, alone: c.alone } : null;
}

/** The label by its shape and evidence; null when there is none, undefined when the paragraph is surely no label. */
function evidenceLabel(text: string, ctx: LabelContext): LabelMatch | null | undefined {
  // A heading that names the event (…訪談錄, …专访, Press Conference) is a title.
  if (text.length <= 60 && EVENT.test(text.trim()) && !/[：:]/u.test(text)) return undefined;
  // A stage direction naming who speaks, alone in brackets: （邵局長講話）, （李院長致詞）.
  const stage = STAGE.exec(text.trim());
  if (stage) {
    const m = classify(stage[1], false, ctx, true);
    return m ? { ...m, label: text.trim(), length: text.length, alone: true } : null;
  }
  let shape = labelShape(text);
  // A line that names a principal, alone (The Prime Minister (Boris Johnson), Hilary Benn Portrait The
  // Secretary of State for Northern Ireland (Hilary Benn)).
  if (!shape && text.length <= 200 && !HAN.test(text)) {
    const c = candidateOf(text);
    const p = c?.delimiter === 'eol' ? principalIndex(c.label, ctx.principals) : -1;
    if (p >= 0) return { label: printedLabel(c!.label), name: ctx.principals[p]!, kind: 'principal', length: c!.length, alone: true };
  }
  // A paragraph that is only a name, without a colon: a label when it names a speaker or a role.
  if (!shape && text.length <= 40 && !/[，,。.！!？?；;：:…“”"]/u.test(text) && !BULLET.test(text)) {
    shape = { label: text.trim(), length: text.length, alone: true, english: !HAN.test(text) };
    const m = classify(shape.label, shape.english, ctx);
    return m && (m.kind !== 'other' || ctx.repeated?.has(labelKey(shape.label))) ? { ...m, length: shape.length, alone: true } : null;
  }
  if (!shape) return null;
  // A briefing's header field naming who speaks (the IMF's `SPEAKER:  Ms. Julie Kozack, Director of the
  // Communications Department, IMF`): a roster, no speech — it ends no sentence.
  if (shape.english && ROSTER_FIELD.test(shape.label) && !shape.alone && !/[.?!…"”)]$/u.test(text.trim())) return undefined;
  // A service's time after the colon (`Brian Deese: (00:54)`) is part of the label's shape (convention.ts).
  const colon = /[：:][\s\u3000]*$/u.test(text.slice(0, shape.length));
  const m = classify(shape.label, shape.english, ctx, shape.alone, shape.stamped === true, false, colon);
  return m ? { ...m, length: shape.length, alone: shape.alone } : null;
}

/**
 * @param stamped the label is followed by a timestamp, as in transcription services' output
 *   (`Brian Deese: (00:54)`)
 */
function classify(label: string, english: boolean, ctx: LabelContext, alone = false, stamped = false, fits = false, colon = false): Omit<LabelMatch, 'length' | 'alone'> | null {
  const p = principalIndex(label, ctx.principals);
  if (p >= 0) return { label, name: ctx.principals[p], kind: 'principal' };
  const office = english ? ctx.offices?.get(labelKey(label)) : undefined;
  if (office !== undefined) return { label, name: ctx.principals[office]!, kind: 'principal' };
  // A news outlet's lead (新华社北京6月12日电：, 华夏经纬网讯：) narrates the event; no one speaks.
  if (!english && isNewsLead(simplified(label))) return null;
  // A name or a role in brackets after the other (主持人（寿小丽）, 蒋超良（国家发展改革委副主任）).
  // (Only before a colon: a bracket ending a line is a heading's or a photo's note, …答中外记者问（实录）,
  // 国台办发言人朱凤莲（中评社 李子宁摄）.)
  const paired = english || !colon ? null : PAIRED_ZH.exec(label);
  if (paired) return pairedLabel(label, paired[1]!, paired[2]!, ctx, alone, fits);
  const key = labelKey(label);
  const repeated = (ctx.repeated?.has(key) ?? false) || fits;
  if (english) return classifyEnglish(label, ctx, { alone, stamped, fits, repeated });
  if (!HAN.test(label)) return null;
  // Brackets around a label ([李克强]) and a number before it (3、問) are not part of the name.
  const core = label.replace(/^[\d一二三四五六七八九十]+[、.．]\s*/u, '').replace(/^[\[【〔［](.+)[\]】〕］]$/u, '$1');
  const s = simplified(core);
  const named = (start: number, end: number) => simplified(core).length === core.length ? core.slice(start, end) : core;
  if (ANSWER_ZH.test(s)) return { label, name: ctx.principals[0] ?? core, kind: ctx.principals.length ? 'principal' : 'answer' };
  if (QUESTION_ZH.test(s)) {
    // The outlet before 记者 (彭博社记者 → 彭博社); a bare 记者 or 问 keeps the label.
    const outlet = core.replace(/(記者|记者)$/u, '').replace(/^[《「“](.*)[》」”]$/u, '$1');
    return { label, name: outlet && outlet !== core && outlet !== '有' ? outlet : core, kind: 'question' };
  }
  // The chair's name, where the label gives one after the role (主持人 寿小丽 → 寿小丽).
  if (MODERATOR_ZH.test(s) || /^(主席|代理主席|召集委员|召集人|秘书长|会议主席)$/u.test(s)) return { label, name: core.replace(/^(?:主持人|司仪|司儀)[ \u3000]?(?=\p{Script=Han}{2,4}$)/u, ''), kind: 'moderator' };
  if (SAYING.test(s) || FIELD_ZH.test(s)) return null;
  // 立法院: <surname><title><given name> (黃委員國書 → 黃國書, 毛院長治國, 林秘書長志嘉).
  const member = /^(\p{Script=Han}{1,2}?)(委員|委员|召集委員|召集委员|議員|议员|立委|院長|院长|副院長|副院长|部長|部长|副部長|副部长|次長|次长|秘書長|秘书长|副秘書長|副秘书长|主委|主任委員|主任委员|署長|署长|局長|局长|處長|处长|司長|司长|主任|總長|总长|首長|首长)(\p{Script=Han}{1,2})$/u.exec(core);
  // A member (委員) of the legislature speaks to question the government (質詢).
  if (member) return { label, name: member[1] + member[3], kind: /^(委員|委员|立委)$/u.test(member[2]!) ? 'question' : 'other' };
  if (/^[一二三四五六七八九十]+、/u.test(core)) return null;
  const plain = s.replace(/[·•\s]/g, '');
  // A personal name, alone or with a job title before or after it; in a chain of titles
  // (…主任、…局长金晴中) the name stands in the last link.
  const link = plain.slice(plain.lastIndexOf('、') + 1);
  const at = nameInLabel(link);
  if (at && plain.length === s.length) {
    const offset = s.length - link.length;
    return { label, name: named(offset + at[0], offset + at[1]), kind: 'other' };
  }
  if (at) return { label, name: core, kind: 'other' };
  // Any short label the transcript uses more than once (斯旺, 主席) or that fits its convention, unless
  // it is a function word.
  if ((repeated || alone) && plain.length <= (fits ? 30 : 8) && !/[“”"《》「」]/u.test(plain)) {
    const toks = tokens(plain);
    if (!(toks.length === 1 && /^(d|c|v|r|m|p|f|u|y|e|q|ad|vn)$/.test(toks[0].tag))) return { label, name: core, kind: 'other' };
  }
  return null;
}

const DOT_LEADER = /(?:\.[ \u00a0]){5,}|\.{8,}|…{4,}/u;
const PAIRED_ZH = /^(\p{Script=Han}[^（）()]{0,20}?)[（(]([^（）()]{1,30})[）)]$/u;

/** A Chinese label of two parts, one in brackets: the chair's role with a name (the chair, named), a
 * principal in either part, or else whichever part reads as a speaker other than a questioner. */
function pairedLabel(label: string, outside: string, inside: string, ctx: LabelContext, alone: boolean, fits: boolean): Omit<LabelMatch, 'length' | 'alone'> | null {
  const outer = classify(outside, false, ctx, alone, false, fits);
  const inner = classify(inside, false, ctx, alone, false, fits);
  if (outer?.kind === 'moderator' && (inner || /^\p{Script=Han}{2,4}$/u.test(inside))) return { label, name: inner?.name ?? inside, kind: 'moderator' };
  const principal = [outer, inner].find((m) => m?.kind === 'principal');
  const m = principal ?? outer ?? inner;
  // A heading's note in brackets (…答中外记者问（实录）) leaves a heading, not a reporter's question.
  return m && m.kind !== 'question' ? { ...m, label } : null;
}

/** An English label: a role (Q, MODERATOR, …, CNN ANCHOR), a name in capitals, or a name in mixed case used as a label. */
function classifyEnglish(label: string, ctx: LabelContext, { alone, stamped, fits, repeated }: { alone: boolean; stamped: boolean; fits: boolean; repeated: boolean }): Omit<LabelMatch, 'length' | 'alone'> | null {
  const upper = label.toUpperCase().replace(/\s+/g, ' ');
  if (QUESTION_EN.test(upper)) return { label, name: label, kind: 'question' };
  if (ANSWER_EN.test(upper)) return { label, name: ctx.principals[0] ?? label, kind: ctx.principals.length ? 'principal' : 'answer' };
  const person = englishName(label);
  if (MODERATOR_EN.test(upper) || MODERATOR_EN.test(person.toUpperCase()) || HOST_EN.test(upper)) return { label, name: person, kind: 'moderator' };
  if (PROSE_EN.test(upper)) return null;
  // The name part of a label: before a bracket (Jeremy Corbyn (Islington North) (Lab), BLITZER
  // (voice-over)), a dash (Tim Cook -- Chief Executive Officer) or, in capitals, a comma.
  const words = person.split(/[\s,]+/).filter(Boolean);
  if (words.length > 12 || (fits && words.length > 8)) return null;
  // In capitals (MR PRICE, STAFF, ACTING SECRETARY OF DEFENSE CHRISTOPHER C. MILLER): a label by its look.
  // …a bracketed note (voice over) is the transcriber's, not the label's case.
  // …and a form of address in mixed case before a name in capitals is the name's (NPR's `Mr. JIMI IZRAEL (Writer):`).
  const letters = casedLetters(label.replace(/\s*[（(][^（）()]*[）)]/gu, '').replace(ADDRESS, ''));
  const capitals = letters.length >= 2 && allCapitals(letters);
  // Mixed case (Clarke:, Mr. Smith:): only when the transcript uses it as a label more than once and
  // it reads as a name or a title (capitalised words, a few particles).
  // A transcription service numbers the voices it cannot name (`Speaker 1 (00:00):`): a number ends the name.
  const named = stamped && words.length >= 2 && /^\d{1,3}$/.test(words.at(-1)!) ? words.slice(0, -1) : words;
  const nameLike = named.length <= 4 && named.every((w) => NAME_WORD.test(w))
    && (words.length > 1 || fits || repeated || TWO_CAPITALS.test(words[0]));
  if (capitals || (nameLike && (repeated || stamped || (alone && words.length >= 2)))) return { label, name: person === label ? label : person, kind: 'other' };
  return null;
}

/** A header field that lists the speakers of a briefing or panel, not a speaker's label. */
const ROSTER_FIELD = /^(?:SPEAKERS?|PARTICIPANTS|PANELISTS|PRESENTERS?)$/i;

/** A form of address in mixed case before a name (`Mr. `, `Ms. `, `Dr. `, `Sen. `, `Senator `). */
const ADDRESS = /^(?:Mr|Mrs|Ms|Dr|Prof|Rev|Rep|Sen|Senator|Gov|Gen|Col|Capt|Lt|Sgt)\.?\s+(?=\p{Lu}{2})/u;

/** The label as the house prints it: Parallel Parliament puts the portrait's caption (the member's
 * name) before Hansard's own label (`John Spellar Portrait Mr John Spellar (Warley) (Lab)`). */
function printedLabel(label: string): string {
  return label.replace(/^.*?\s+Portrait\s+(?=\S)/, '').replace(TWFY_PHOTO, '');
}

/** TheyWorkForYou's Hansard: the photo's caption, then the member's name and office (`Photo of Mark
 * Spencer Mark Spencer Lord President of the Council`). */
// (OpenAustralia runs the caption into the name: `Photo of Paul ScarrPaul Scarr (Queensland, Liberal Party)`.)
const TWFY_PHOTO = /^Photo of (\S+ .{0,60}?) ?(?=\1(?: |$))/;

/** The person in an English label: before a bracket, a dash, or (in capitals) a comma. */
function englishName(label: string): string {
  // Parallel Parliament's Hansard: `John Spellar Portrait Mr John Spellar (Warley) (Lab)`.
  const photo = TWFY_PHOTO.exec(label);
  if (photo) return photo[1]!;
  let s = withoutBrackets(label.split(/\s+Portrait\s+/)[0]!, ' ').trim();
  s = s.split(/\s+(?:--|—|–)\s+/)[0].trim();
  // The European Parliament names the speaker, then the capacity (Manfred Weber, on behalf of the PPE Group).
  s = s.split(/,\s+(?=on behalf of |rapporteur\b|author\b|Member of the Commission|President-in-Office|(?:Executive )?Vice-President|High Representative)/)[0].trim();
  if (s.includes(',') && s.split(',')[0] === s.split(',')[0].toUpperCase()) s = s.split(',')[0].trim();
  // An office before a full name (`Finance Minister Anton Siluanov`, `NATO Spokesperson Allison Hart`,
  // `Secretary of State Antony Blinken`): the person is the name; a surname alone after the office
  // (`Secretary Blinken`) stays as printed.
  s = OFFICE_BEFORE_NAME.exec(s)?.[1] ?? s;
  return s || label;
}

/** Capitalised words ending in an office, then a full name in capitalised words (two or three, an initial, a suffix). */
const OFFICE_BEFORE_NAME = new RegExp(`^(?:[${CAPITAL}][${LETTERS}.'’&-]*\\s+){0,5}?(?:Minister|Secretary|Secretary-General|General|Spokesperson|Spokesman|Spokeswoman|President|Premier|Chancellor|Ambassador|Governor|Mayor|Director|Director-General|Chairman|Chairwoman|Chair|Commissioner|Senator|Representative|Envoy|Adviser|Advisor|Administrator|Counselor|Counsellor)(?:\\s+(?:of|for)\\s+(?:the\\s+)?[${CAPITAL}][${LETTERS}'’-]*)?\\s+((?:[${CAPITAL}][${LETTERS}'’-]*\\.?\\s+){1,2}[${CAPITAL}][${LETTERS}'’-]+(?:\\s+(?:Jr\\.|Sr\\.|II|III|IV))?)$`, 'u');

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
