// Blocks to the document model: title, dateline, turns (a speaker label starts one and the
// following paragraphs belong to it until the next label) and sections (a question and its answers;
// an opening statement or announcement is a section of its own).
//
// Labels are decided once per document (scripts/reader/document-labels.ts, running the one recogniser
// in labels.ts), and the decisions are shared with line splitting and paragraph repair. This file decides what the labels mean together: which paragraph is the title, which turn
// answers and which makes remarks, who moderates, where sections begin and what they are called.
import type { TrackedText, LineIndex } from './tracked-text.ts';
import type { Block, Dateline, Paragraph, Position, Section, Speaker, Title, Transcript, Turn, TurnKind } from '../model/types.ts';
import { hostLabel, labelKey, nameInLabel, simplified, type LabelContext, type LabelMatch } from './labels.ts';
import { documentLabels, type DocumentLabels } from './document-labels.ts';
import { jiebaFor } from './segmenter.ts';
import { TITLE_FIELD } from './line-breaks.ts';
import { FURNITURE, isFurniture, RULE_LINE, speechWeight, stampedAlone, withShareLinks } from './convention.ts';
import { isTimeLine, mentionsDate, onlyDateAndTime } from './dates.ts';
import { chapterHeadings } from './chapters.ts';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { headingWords, type HeadingWords } from '../lang/headings.ts';
import { isChinese } from '../lang/language.ts';
import { isNewsLead, opensWithDateline } from '../lang/outlets.ts';

export type { HeadingWords };

export interface StructureOptions {
  /** The principal speaker's label (book.yaml `speaker`). */
  speaker: string;
  /** Further principals (book.yaml `speakers`): a press conference with several ministers. */
  speakers?: string[];
  /** Editor-set headings by 1-based question number (book.yaml `sections`). */
  headings: Map<number, string>;
  /** BCP 47 tag of the text: headings are cut at word boundaries of that language. */
  language?: string;
  /** The transcript's label decisions (reader/read.ts builds them once); built from the blocks when absent. */
  labels?: DocumentLabels;
  /** The words of default headings, in the book's language (templates/<set>/lang/<tag>.json); the
   * default template set's strings when absent. */
  words?: HeadingWords;
}

export interface StructureResult {
  tree: Transcript;
  /** Structure diagnostics (principal never found, unknown labels, unanswered questions). */
  diagnostics: Diagnostic[];
}

interface Labelled { block: number; label: LabelMatch }

/** What every stage of buildTree reads and writes: the blocks, their labels, and the tree's children. */
interface Reading {
  blocks: TrackedText[];
  labels: (LabelMatch | null)[];
  /** Blocks that are the transcript's own chapter headings (chapters.ts). */
  chapters: Set<number>;
  options: StructureOptions;
  principals: string[];
  words: HeadingWords;
  english: boolean;
  children: Block[];
  position: (t: TrackedText, start?: number, end?: number) => Position;
  paragraph: (t: TrackedText, from?: number) => Paragraph;
  /** Stretches a node's position to the end of a block. */
  extend: (node: { position?: Position }, t: TrackedText) => void;
}

/** The document model in named stages: labels, title, lead and opening remarks, turns, roles, sections. */
export function buildTree(blocks: TrackedText[], lines: LineIndex, options: StructureOptions, file = 'transcript.txt'): StructureResult {
  const principals = [options.speaker, ...(options.speakers ?? [])].filter((s) => s && s.trim());
  const decided = options.labels ?? documentLabels(blocks.map((b) => b.text), principals);
  const position = (t: TrackedText, start = 0, end = t.length): Position => ({
    start: lines.point(t.sourceOffset(start)),
    end: lines.point(t.sourceOffset(Math.max(start, end - 1)) + 1),
  });
  let paragraphCount = 0;
  const r: Reading = {
    blocks, labels: turnLabels(blocks, decided), chapters: new Set(), options, principals, children: [], position,
    words: options.words ?? headingWords(options.language ?? 'zh-Hans'),
    english: !isChinese(options.language ?? 'zh'),
    paragraph: (t, from = 0) => ({
      type: 'paragraph', id: `p${++paragraphCount}`,
      children: [{ type: 'text', value: t.text.slice(from), position: position(t, from), data: { origin: t.origin.slice(from) } }],
      position: position(t, from),
    }),
    extend: (node, t) => { if (node.position) node.position = { start: node.position.start, end: position(t).end }; },
  };
  r.chapters = chapterHeadings(blocks.map((b) => b.text), r.labels);
  const lead = readLead(r, readTitle(r));
  const { labelled, partHeadings } = readTurns(r, lead.index, lead.turns);
  // A label alone on its line with nothing after it in the transcript has no speech: drop the turn.
  const turns = lead.turns.filter((t) => t.children.length > 0);
  assignRoles(turns, principals);
  buildSections(r, turns, partHeadings);
  const tree: Transcript = { type: 'transcript', children: r.children, data: { lineStarts: lines.starts }, position: blocks.length ? { start: position(blocks[0]).start, end: position(blocks[blocks.length - 1]).end } : undefined };
  return { tree, diagnostics: structureDiagnostics(tree, labelled, principals, file) };
}

/** The label of every block (the document's decisions), less those that are no turn: a heading above another label, a byline. */
function turnLabels(blocks: TrackedText[], decided: DocumentLabels): (LabelMatch | null)[] {
  const labels = blocks.map((b) => decided.at(b.text));
  // A label alone on its line is followed by speech; one followed by another label, or by nothing, is a
  // heading (Engagements above a Hansard exchange), not a turn. A transcription service's label with its
  // time is no heading, even when its speech is a broken-off phrase (`It moved superhumanly fast. The`).
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]?.alone || labels[i]!.kind !== 'other' || /[：:]\s*$/u.test(blocks[i].text) || /\p{Script=Han}/u.test(blocks[i].text) || stampedAlone(blocks[i].text)) continue;
    let j = i + 1;
    while (j < blocks.length && FURNITURE.test(blocks[j].text.trim())) j++;
    const next = blocks[j]?.text.trim() ?? '';
    const speech = next.length >= 80 || /[.?!。？！…"”’)）]$/u.test(next);
    if (!next || labels[j] || !speech) labels[i] = null;
  }
  dropHeaderFields(blocks, labels, decided.context);
  dropRecordHeader(blocks, labels);
  if (headsTheExchange(blocks, labels, decided) || titledWithColon(labels) || headlineWithColon(blocks, labels, decided)) labels[0] = null;
  // A name alone on a line without a colon is a label only in a dialogue: in a speech it is the
  // byline (總統李登輝 above the date), the one label of its kind.
  // (A member's name with the debate page's links after it is a speaker's, even alone: OpenAustralia.)
  if (labels.filter(Boolean).length === 1 && labels.every((l, i) => !l || (l.alone && !/[：:]\s*$/u.test(blocks[i].text) && !withShareLinks(blocks[i].text)))) labels.fill(null);
  return labels;
}

/**
 * A first line that reads as a label with its speech after the colon, in a document whose every other
 * label stands alone on its line (`Transcript for Sam Altman: OpenAI, GPT-5, Sora | Lex Fridman Podcast
 * #419` above a podcast's turns): the page's title, not a turn.
 */
function titledWithColon(labels: (LabelMatch | null)[]): boolean {
  const rest = labels.slice(1).filter((l): l is LabelMatch => !!l);
  return !!labels[0] && !labels[0].alone && rest.length >= 2 && rest.every((l) => l.alone);
}

/**
 * A page's headline on the first line, a kicker in capitals before its colon (`LISTEN AND READ FOR
 * YOURSELF: Audio and Transcript of Windsor Hearing`), above the labels of the exchange: what follows
 * the colon is a phrase in capitalised words that ends no sentence, and the kicker is said once. The
 * title, not a turn.
 */
function headlineWithColon(blocks: TrackedText[], labels: (LabelMatch | null)[], decided: DocumentLabels): boolean {
  const l = labels[0];
  if (!l || l.alone || l.kind !== 'other' || decided.context.repeated?.has(labelKey(l.label)) || !labels.slice(1).some(Boolean)) return false;
  const rest = blocks[0].text.slice(l.length).trim();
  const words = rest.split(/\s+/);
  return rest.length <= 100 && words.length >= 2 && !/[.?!…:;,]$/u.test(rest) && /^\p{Lu}/u.test(rest)
    && words.every((w) => /^[\p{Lu}\d"“‘'(]/u.test(w) || HEADLINE_SMALL.test(w));
}
/** The small words a headline in capitalised words leaves in lower case. */
const HEADLINE_SMALL = /^(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|by|with|from|as|vs\.?|v\.)$/u;

/**
 * The first line of an English transcript, alone and said once, above the labels of the exchange it
 * heads: its title, not a turn. Hansard's debate titles (Business of the House, Engagements) read as a
 * name; a network's headline (CNN INTERVIEW WITH PRESIDENT ZELENSKYY) ends with the principal's name,
 * without the colon every label of the document has. A principal's own label alone (The Prime Minister
 * (Keir Starmer)) stays a turn where the document's labels stand alone on their lines.
 */
function headsTheExchange(blocks: TrackedText[], labels: (LabelMatch | null)[], decided: DocumentLabels): boolean {
  const l = labels[0];
  const text = blocks[0]?.text.trim() ?? '';
  if (!l?.alone || /[：:]$/u.test(text) || /\p{Script=Han}/u.test(text) || stampedAlone(text)) return false;
  if (decided.context.repeated?.has(labelKey(l.label)) || !labels.slice(1).some(Boolean)) return false;
  if (l.kind === 'other') return true;
  return l.kind === 'principal' && decided.conventions[0]?.delimiter !== 'eol';
}

/**
 * A page's header fields read as labels: a Chinese label alone on its line with nothing after its colon
 * (字体：, 访问量：, 分享到：, 【字號：), in the header of the page — before the first turn whose speaker
 * the evidence shows (a principal, 记者 or 问, 答, a moderator) — said once and naming nobody. A field
 * whose value the page fills by script is left empty in the page text; a speaker whose speech follows on
 * the next line is named (毛宁：), has a role (记者：) or speaks again. Such a line is no turn, when its
 * form is not the document's: the speakers the evidence shows open their speech paragraphs (毛宁：…).
 */
function dropHeaderFields(blocks: TrackedText[], labels: (LabelMatch | null)[], ctx: LabelContext) {
  const first = labels.findIndex((l) => l && l.kind !== 'other');
  // Where the speakers themselves stand alone on their lines ([李克强]：, then the speech), a label alone
  // is the document's own form ([傅莹]：), not the page's.
  if (labels.some((l) => l && l.kind !== 'other' && l.alone)) return;
  for (let i = 0; i < (first < 0 ? labels.length : first); i++) {
    const l = labels[i];
    if (!l?.alone || l.kind !== 'other' || !/\p{Script=Han}/u.test(l.label) || !/[：:]\s*$/u.test(blocks[i].text)) continue;
    const key = labelKey(l.label);
    if (ctx.repeated?.has(key) || nameInLabel(key.replace(/^[[【〔［（(]|[\]】〕］）)]$/gu, ''))) continue;
    labels[i] = null;
  }
}

/**
 * A record's header of fields above the exchange (The Open Mind's `Host: Richard D. Heffner`, `Guest:
 * Charlie Rose`, `Title: …`, `VTR: 5/4/1993`): labelled lines before any speech, each with a short value
 * that ends no sentence, none of them the principal's. Two or more of them, whose fields open no turn
 * below, are front matter, not turns.
 */
function dropRecordHeader(blocks: TrackedText[], labels: (LabelMatch | null)[]) {
  const header: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const l = labels[i];
    const text = blocks[i]!.text.trim();
    if (!l) {
      if (text.split(/\s+/).length >= 12 && /[.?!…]["”’)]?$/u.test(text)) break;
      continue;
    }
    // (A name alone on its line above the fields is the page's heading, no speech.)
    if (l.alone) continue;
    const value = text.slice(l.length).trim();
    if (l.kind === 'principal' || /\p{Script=Han}/u.test(text) || value.length > 80 || /[.?!…]["”’)]?$/u.test(value)) break;
    header.push(i);
  }
  const below = new Set(labels.slice((header.at(-1) ?? 0) + 1).filter((l): l is LabelMatch => !!l).map((l) => labelKey(l.label)));
  const fields = header.filter((i) => !below.has(labelKey(labels[i]!.label)));
  if (fields.length >= 2 && below.size) for (const i of fields) labels[i] = null;
}

/** A line that says how or where a briefing is held (Via Teleconference, Aboard Air Force One, James S.
 * Brady Press Briefing Room), with or without a time line below it: the dateline, never the title. */
const PLACE_LINE = /^(?:Via (?:Teleconference|Telephone|Videoconference|Video Teleconference|Conference Call|Zoom)|(?:Aboard|On board) [A-Z][\w .'’-]{0,60}|[A-Z][\w .'’-]{0,60} Press Briefing Room)$/u;

/** The title, when the first block looks like one; returns the index of the next block. */
function readTitle(r: Reading): number {
  const { blocks, position } = r;
  // A line right above a time line is the place of a briefing (Via Teleconference / 12:32 P.M. BST,
  // Aboard Air Force One / 9:42 A.M. EDT): the dateline, not the title.
  const placeAboveTime = blocks.length > 1 && isTimeLine(blocks[1].text);
  if (!(blocks.length > 1 && !r.labels[0] && !placeAboveTime && !PLACE_LINE.test(blocks[0].text.trim()) && looksLikeTitle(blocks[0], position(blocks[0])))) return 0;
  if (masthead(r)) return 0;
  // A first line that is only the principal's name (a page's category above the programme's title, a
  // byline) names no document: the book's own title stands in for it.
  if (r.principals.some((p) => labelKey(p) === labelKey(blocks[0].text))) return 0;
  const field = TITLE_FIELD.exec(blocks[0].text)?.[0].length ?? 0;
  const t = blocks[0].slice(field);
  r.children.push({ type: 'title', children: [{ type: 'text', value: t.text, position: position(t), data: { origin: t.origin.slice() } }], position: position(t) } satisfies Title);
  return 1;
}

/**
 * A masthead above the document rather than its title: the first line is followed on the very next
 * source line by a stamp of furniture (a wire's `Thomson Reuters StreetEvents Event Transcript` above
 * `E D I T E D   V E R S I O N`). The book's own title stands in for it.
 */
function masthead(r: Reading): boolean {
  const first = r.position(r.blocks[0]);
  const next = r.blocks[1];
  return r.position(next).start.line === first.end.line + 1 && isFurniture(next.text);
}

/**
 * Unlabelled paragraphs before the first label: a lead (dateline) that narrates the event, then the
 * principal's unlabelled opening announcements, read as remarks. Returns the turns so far (the
 * opening, if any) and the index of the first label.
 */
function readLead(r: Reading, index: number): { index: number; turns: Turn[] } {
  const { blocks, principals, position } = r;
  const firstLabel = r.labels.findIndex((l, i) => i >= index && l);
  // A chapter heading right above the first label heads the first section, not the lead.
  const leadEnd = firstLabel < 0 ? blocks.length : r.chapters.has(firstLabel - 1) ? firstLabel - 1 : firstLabel;
  const turns: Turn[] = [];
  let opening: Turn | null = null;
  let datelineDone = false;
  for (; index < leadEnd; index++) {
    const t = blocks[index];
    // A page's furniture (Commons Chamber, (11 years, 10 months ago)) is kept as printed, but is
    // neither the dateline nor anybody's remarks.
    // A typographic rule (a wire's =====…) is kept as a rule, not printed as a line of signs.
    if (RULE_LINE.test(t.text.trim())) { r.children.push({ type: 'container', name: 'rule', attributes: {}, children: [], position: position(t) }); continue; }
    if (isFurniture(t.text)) { r.children.push(r.paragraph(t)); continue; }
    // …or is a place line right above the time line (Aboard Air Force One / 9:42 A.M. EDT, James S.
    // Brady Press Briefing Room / 1:24 P.M. EDT).
    const placeLine = t.text.length <= 80 && !/[.!?。！？：:]$/u.test(t.text.trim()) && index + 1 < leadEnd
      && blocks[index + 1].text.length <= 40 && isLead(blocks[index + 1].text, []);
    const lead = isLead(t.text, principals) || placeLine;
    if (!datelineDone && !opening && (lead || firstLabel < 0)) {
      r.children.push({ type: 'dateline', id: 'dateline', children: r.paragraph(t).children, position: position(t) } satisfies Dateline);
      datelineDone = true;
      continue;
    }
    // A line that is no speech (a page's furniture: (1 year, 9 months ago), Commons Chamber Read Hansard
    // Text) opens no remarks: nobody said it.
    if (firstLabel < 0 || (lead && !opening) || (!opening && !SPEECH.test(t.text.trim()))) { r.children.push(r.paragraph(t)); continue; }
    if (!opening) {
      const speaker: Speaker = { type: 'speaker', label: '', name: principals[0] ?? '', role: 'principal', implicit: true, position: { start: position(t).start, end: position(t).start } };
      opening = { type: 'turn', kind: 'remarks', speaker, children: [], position: position(t) };
      turns.push(opening);
    }
    opening.children.push(r.paragraph(t));
    r.extend(opening, t);
  }
  return { index, turns };
}

/** Turns from the first label on: a label opens one; paragraphs without a label continue it. */
function readTurns(r: Reading, index: number, turns: Turn[]): { labelled: Labelled[]; partHeadings: Map<Turn, Paragraph> } {
  const { blocks, position } = r;
  const labelled: Labelled[] = [];
  const partHeadings = new Map<Turn, Paragraph>();
  let turn: Turn | null = null;
  // A chapter heading waits for the turn it stands above, whose section it opens.
  let chapter: Paragraph | null = null;
  for (; index < blocks.length; index++) {
    const t = blocks[index];
    const label = r.labels[index];
    if (!label && r.chapters.has(index)) { chapter = r.paragraph(t); continue; }
    if (!label) {
      // A numbered heading inside a statement (国新办 releases: 一、关于投资项目审批) opens a section of
      // its own; the speaker goes on in it (an implicit turn: no label in the source).
      if (turn && turn.kind !== 'question' && PART_HEADING.test(t.text)) {
        const speaker: Speaker = { ...turn.speaker, implicit: true, position: { start: position(t).start, end: position(t).start } };
        turn = { type: 'turn', kind: turn.kind, speaker, children: [], position: position(t) };
        turns.push(turn);
        partHeadings.set(turn, r.paragraph(t));
        continue;
      }
      if (turn) { turn.children.push(r.paragraph(t)); r.extend(turn, t); } else r.children.push(r.paragraph(t));
      continue;
    }
    const role: Speaker['role'] = label.kind === 'principal' || label.kind === 'answer' ? 'principal'
      : label.kind === 'question' ? 'reporter' : label.kind === 'moderator' ? 'moderator' : 'other';
    const speaker: Speaker = { type: 'speaker', label: label.label, name: label.name, role, position: position(t, 0, Math.max(1, label.length)) };
    turn = { type: 'turn', kind: label.kind === 'question' ? 'question' : label.kind === 'moderator' ? 'moderator' : 'answer', speaker,
      children: label.alone ? [] : [r.paragraph(t, label.length)], position: position(t) };
    turns.push(turn);
    if (chapter) partHeadings.set(turn, chapter);
    chapter = null;
    labelled.push({ block: index, label });
  }
  return { labelled, partHeadings };
}

/**
 * Sections: a question and its answers (follow-ups stay in it); an opening statement or announcement
 * is a section of its own, and so is a part of a statement under its own numbered heading.
 */
function buildSections(r: Reading, turns: Turn[], partHeadings: Map<Turn, Paragraph>) {
  const { options, words, english } = r;
  let questions = 0;
  let sectionCount = 0;
  const newSection = (role: Section['role'], first: Turn): Section => {
    const number = role === 'question' ? ++questions : 0;
    const heading = role === 'question' ? options.headings.get(number) ?? defaultHeading(first, words, english, number) : openingHeading(first, words);
    const s: Section = {
      type: 'section', id: `s${++sectionCount}`, role, heading,
      headingSource: role === 'question' && options.headings.has(number) ? 'book' : 'auto',
      children: [], position: first.position ? { ...first.position } : undefined,
    };
    r.children.push(s);
    return s;
  };
  let section: Section | null = null;
  // Whether a question has really been asked yet: a reporter's greeting (QUESTION: Good afternoon.)
  // opens a section, but the principal's reply to it is still the opening remarks.
  let asked = false;
  let previous: Turn | null = null;
  // A programme with a host by title after the comma (`JANE ROE, CNN ANCHOR`) has no answers of record.
  const programme = turns.some((t) => t.speaker.label.includes(',') && hostLabel(t.speaker.label));
  const interviewed = !programme && !turns.some((t) => t.kind === 'question');
  for (const t of turns) {
    const asks = t.kind === 'question' && asksQuestion(turnText(t));
    // A greeting during the opening remarks stays in them: it is no question section of its own (no
    // "Good afternoon" in the contents, no unanswered-question warning, not counted in headings:).
    const greeting = t.kind === 'question' && !asks && !asked && section?.role === 'remarks';
    // A follow-up stays in its question's section (no new heading, no contents entry), unless the editor numbers the questions.
    const follows = t.kind === 'question' && section?.role === 'question' && !options.headings.size && (followsUp(turnText(t).trim(), english) || supplementary(section, t));
    if (partHeadings.has(t) && !t.speaker.implicit) {
      // The transcript's own chapter heading opens a section under its words.
      section = newSection(t.kind === 'question' ? 'question' : 'remarks', t);
      if (section.headingSource === 'auto') section.heading = textOf(partHeadings.get(t)!).trim();
    } else if ((t.kind === 'question' && !greeting && !follows) || !section) section = newSection(t.kind === 'question' ? 'question' : 'remarks', t);
    else if (partHeadings.has(t) && section.role === 'remarks') {
      section = newSection('remarks', t);
      section.heading = textOf(partHeadings.get(t)!).trim();
    } else if (partHeadings.has(t)) {
      // Inside an answer the part heading stays a paragraph of it (sections are questions there).
      t.children.unshift(partHeadings.get(t)!);
      partHeadings.delete(t);
    }
    asked ||= asks;
    if (t.kind === 'answer' || t.kind === 'remarks') t.kind = replies(t, previous, section.role === 'question' && asked, { programme, interviewed }) ? 'answer' : 'remarks';
    previous = t;
    section.children.push(t);
    if (section.position && t.position) section.position = { start: section.position.start, end: t.position.end };
  }
  // The opening section is named after who makes the remarks, not the chair who opens the meeting.
  for (const c of r.children) {
    if (c.type === 'section' && c.role === 'remarks' && !(c.children[0] && partHeadings.has(c.children[0]))) {
      // A programme opened by its host is named after the host, not the first voice brought in.
      const opener = c.children.find((t) => !t.speaker.implicit);
      const host = opener && hostLabel(opener.speaker.label) ? opener : null;
      c.heading = host ? openingWords(host.speaker.name, words) : openingHeading(openingSpeaker(c.children), words);
    }
  }
}

/**
 * Whether a turn that is no question answers rather than makes remarks. The principal (or another
 * official) answers in a question's section and makes remarks before one; speaking twice in a row,
 * the second turn is a new statement (…在今天的記者會結束前…), unless it is the rest of a reply the
 * speaker broke off with a dash (`— together literally…`). Where no one else asks, the principal
 * answers the moderator who puts the questions (an interview's `Moderator:` or `主持人：`); and a
 * principal who confirms what the interviewer just put (`I think this is your first time here since
 * becoming Secretary.` — `That is correct.`) answers it, though it was said as a statement.
 */
function replies(t: Turn, previous: Turn | null, inQuestion: boolean, doc: { programme: boolean; interviewed: boolean }): boolean {
  const same = !!previous && labelKey(previous.speaker.name) === labelKey(t.speaker.name);
  const resumes = same && previous!.kind === 'answer' && /[—–-]$/u.test(turnText(previous!).trim()) && /^[—–-]/u.test(turnText(t).trim());
  const again = same && previous!.kind !== 'question' && !previous!.speaker.implicit && !resumes;
  if (inQuestion && !again) return true;
  if (!previous || same || t.speaker.role !== 'principal') return false;
  const put = doc.interviewed && previous.kind === 'moderator' && turnAsks(previous);
  const confirms = !doc.programme && (previous.speaker.role === 'reporter' || previous.speaker.role === 'moderator') && CONFIRMS.test(turnText(t).trim());
  return put || confirms;
}

/**
 * Whose opening remarks a section holds: the first remarks, when only one chair speaks before them and
 * opens for that speaker (the chair who opens the meeting); else the first turn itself, so that the
 * heading describes the turn it stands above (an excerpt that begins mid-hearing with a witness, not
 * the chair who speaks later; a Speaker's rulings, not the member whose point of order follows).
 */
function openingSpeaker(turns: Turn[]): Turn {
  const at = turns.findIndex((t) => t.kind === 'remarks');
  const before = new Set(turns.slice(0, Math.max(0, at)).map((t) => t.kind === 'moderator' ? labelKey(t.speaker.name) : '\u0000'));
  if (at <= 0) return turns[0];
  // The chair opens for the principal, or hands over to whom it names (…Ambassador Tai); a Speaker's
  // rulings before a member's point of order open nobody's remarks.
  const handsOver = turns[at].speaker.role === 'principal' || nameMentioned(turnText(turns[at - 1]), turns[at].speaker.name);
  return before.size <= 1 && !before.has('\u0000') && handsOver ? turns[at] : turns[0];
}

/** A reply that confirms or denies what was put to the speaker, as its first sentence. */
const CONFIRMS = /^(?:that(?:'s|’s| is) (?:correct|right|true)|(?:that's|that’s|that is) not (?:correct|right|true)|correct|exactly|absolutely|indeed|not at all|yes|yeah|yep|no|nope)\b[^.!?]{0,20}[.!]/iu;

/** A question turn asks: a question mark, length beyond a greeting, or a numbered oral question. */
function asksQuestion(q: string): boolean {
  return /[?？]/.test(q) || speechWeight(q) > 120 || NUMBERED_QUESTION.test(q.trim());
}

function textOf(p: Paragraph): string {
  return p.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

/**
 * A question that goes on with the one before rather than opening a topic: the rest of an interrupted
 * question (`— that are now trying to get out —`, `…and the budget?`), an interjection or a short
 * follow-up (`Karine —`, `May I —`, `Why?`), or one that says so (Following up on that, 追问). A
 * Chinese question is a follow-up only when it says so.
 */
function followsUp(text: string, english: boolean): boolean {
  if (/^(?:[—–-]|…|\.\.\.)/u.test(text) || /^(?:追问|追問)/u.test(text)) return true;
  if (!english) return false;
  if (/^\p{Ll}/u.test(text)) return true;
  if (/^(?:(?:and |so |just |let me just |can I just )?(?:to )?follow(?:ing)?[- ]up\b|a follow-up\b|on that\b|one more on that\b)/i.test(text)) return true;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words <= 4 || (words <= 8 && !/[?？]/u.test(text));
}

/** A paragraph that reads as speech: it ends a sentence. */
const SPEECH = /[.!?。！？…:：;；]["”’」』）)]?$/u;

/** A numbered oral question's supplementary: the member who asked it asks again (Hansard). */
function supplementary(section: Section, t: Turn): boolean {
  const first = section.children[0];
  return !!first && first.kind === 'question' && NUMBERED_QUESTION.test(turnText(first).trim()) && labelKey(first.speaker.name) === labelKey(t.speaker.name);
}

/** A numbered oral question (Hansard: `1. If he will list his official engagements…`, `Q4. What steps…`). */
const NUMBERED_QUESTION = /^(?:Q\d+|\d{1,3})\.\s+(?:If|What|Whether|When|How|Why|Which|Who|To ask)\b/;
/** A numbered part heading inside a statement: 一、关于投资项目审批 (short, no sentence stop). */
const PART_HEADING = /^[一二三四五六七八九十]{1,3}[、是][^。！？!?；;，,]{2,30}$/u;

const turnText = (t: Turn) => t.children.map((p) => p.children.map((c) => (c.type === 'text' ? c.value : '')).join('')).join('');
/**
 * A sentence addressed to a call's Operator (`Operator, we're ready to open the line, please.`, `…
 * Operator, may we have the first question, please?`) hands the floor over: it asks the Operator to
 * open the lines, not the principal a question of the dialogue, even when it ends with a question mark.
 */
export const TO_OPERATOR = /(?:^|[.!?\]]\s+)(?:(?:and|so|now|okay|ok|great|thanks|thank you)[,.!]?\s+)?operator,\s[^.!?]*[.!?]\s*$/iu;
/** A turn asks when its last sentence or two hold a question mark, or it is a numbered oral question. */
export const textAsks = (text: string) => (/[?？][^?？]{0,40}$/u.test(text) && !TO_OPERATOR.test(text)) || NUMBERED_QUESTION.test(text);
const turnAsks = (t: Turn) => textAsks(turnText(t).trim());

/**
 * Roles of speakers the labels alone do not settle (not a principal, not a reporter, not a named
 * moderator), by their position in the dialogue: someone who mostly asks (most turns hold a question
 * mark) is a questioner, as an interviewer is; someone who speaks right after a question answers (a
 * second official, or the principal when book.yaml names nobody); of the others, whoever speaks at
 * length makes remarks and whoever speaks briefly (giving the floor: 行政長官。) chairs. A host's
 * opening, before the principal first speaks, moderates.
 */
function assignRoles(turns: Turn[], principals: string[]) {
  // A host the announcer names (`…, this is Meet the Press with Chuck Todd.`) hosts, as a host by title does.
  const announced = announcedHosts(turns);
  const isHost = (t: Turn) => hostLabel(t.speaker.label) || announced.has(labelKey(t.speaker.name));
  for (const t of turns) if (t.speaker.role === 'other' && announced.has(labelKey(t.speaker.name))) { t.kind = 'moderator'; t.speaker.role = 'moderator'; }
  inheritHosts(turns);
  const introduced = markIntroduced(turns);
  // A programme has a host by title (`WOLF BLITZER, CNN ANCHOR`): the host moderates, even as the
  // book's principal, and the correspondents and voices the host brings in speak their remarks.
  const hosted = turns.some(isHost);
  const hostIsPrincipal = hosted && turns.some((t) => t.speaker.role === 'principal' && isHost(t));
  if (principalChairs(turns) || hostIsPrincipal) for (const t of turns) if (t.speaker.role === 'principal') { t.kind = 'moderator'; t.speaker.role = 'moderator'; }
  // …and its ANNOUNCER reads a promotion: remarks, not the chair.
  if (hosted) for (const t of turns) if (t.speaker.role === 'moderator' && ANNOUNCER.test(t.speaker.label.trim())) { t.kind = 'remarks'; t.speaker.role = 'other'; }
  // The principal who puts the questions (book.yaml names the interviewer: `CR:` for Charlie Rose) asks.
  if (!hosted && principalInterviews(turns)) for (const t of turns) if (t.speaker.role === 'principal') { t.kind = 'question'; t.speaker.role = 'reporter'; }
  if (!turns.some((t) => t.speaker.role === 'principal')) markAnswerers(turns);
  const bySpeaker = new Map<string, Turn[]>();
  for (const t of turns) {
    if (t.speaker.role !== 'other') continue;
    const k = labelKey(t.speaker.name);
    // Pushed, not copied: a copy per turn was quadratic (100,000 paragraphs took minutes).
    const list = bySpeaker.get(k) ?? [];
    list.push(t);
    bySpeaker.set(k, list);
  }
  for (const ts of bySpeaker.values()) {
    // …and whose turns that ask nothing (a host's welcome, a hand-over) moderate.
    if (ts.filter(turnAsks).length / ts.length > 0.5) for (const t of ts) Object.assign(t, turnAsks(t) ? { kind: 'question' } : { kind: 'moderator' }).speaker.role = turnAsks(t) ? 'reporter' : 'moderator';
  }
  if (!turns.some((t) => t.kind === 'question')) markInterviewer(turns, bySpeaker);
  // With a chair by title (主席, The Chairman, Mr Speaker) or a host, the others do not chair.
  const chaired = turns.some((t) => CHAIR_OFFICE.test(t.speaker.label.trim()));
  if (!hosted && !chaired) markChairs(turns, principals, bySpeaker);
  markOpening(turns, introduced);
  markPointsOfOrder(turns);
  // A programme with a host asks no questions of record: the host moderates (a principal who is the
  // host too); correspondents and guests report, each turn remarks.
  if (hostIsPrincipal) for (const t of turns) if (t.kind === 'question' || t.kind === 'answer') { t.kind = 'remarks'; t.speaker.role = 'other'; }
}

/** The programme's host as its announcer names the programme (`From NBC News in Washington, this is Meet
 * the Press with Chuck Todd.`): the name after `with`, ending the announcement, as label keys. */
function announcedHosts(turns: Turn[]): Set<string> {
  const hosts = new Set<string>();
  for (const t of turns) {
    if (!ANNOUNCER.test(t.speaker.label.trim())) continue;
    const m = ANNOUNCED_HOST.exec(turnText(t).trim());
    if (m) hosts.add(labelKey(m[1]!));
  }
  return hosts;
}
const ANNOUNCED_HOST = /\bwith (?:your host |host |anchor )?(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,2})[.!]?$/u;

/** A chair's opening words: the meeting, the hearing, the committee will (please) come to order. */
const CALLS_TO_ORDER = /^(?:the|this) (?:meeting|hearing|committee|subcommittee|commission|session|sitting|council|house|senate|board) (?:will|shall) (?:please )?(?:come|be called) to order\b/i;

/** A chair's title as a label: The Chairman, Chairman Dodd, Madam Chair, Mr Speaker, The Presiding Officer, 主席. */
const CHAIR_TITLE = /^(?:the\s+)?(?:(?:acting|vice|deputy)\s+)?(?:chairman|chairwoman|chairperson|chair|speaker|presiding officer)\b|^(?:madam|madame|mr\.?)\s+(?:chairman|chairwoman|chair|speaker|deputy speaker)\b|^(?:主席|議長|议长|主持人)$/iu;

/** The presiding office alone as a label (The Chairman, Mr Speaker, Madam Chair, 主席): whoever holds it chairs, wherever they speak. */
const CHAIR_OFFICE = /^(?:the\s+)?(?:(?:acting|vice|deputy)\s+)?(?:chairman|chairwoman|chairperson|chair|speaker|presiding officer)$|^(?:madam|madame|mr\.?)\s+(?:deputy\s+)?(?:chairman|chairwoman|chair|speaker)$|^(?:主席|議長|议长|主持人)$/iu;

/** Whether a turn follows another speaker's question: the speaker and the asker differ, and the asker is no moderator. */
const followsQuestion = (turns: Turn[], i: number) => i > 0 && turns[i - 1].speaker.role !== 'moderator' && turns[i - 1].speaker.role !== 'principal'
  && labelKey(turns[i - 1].speaker.name) !== labelKey(turns[i].speaker.name) && turnAsks(turns[i - 1]);

/**
 * The principal book.yaml names chairs rather than answers (a hearing's chair, a debate's Speaker):
 * labelled by the office alone (The Chairman, 主席); or the questions others ask are answered mostly by someone else (the witness, the minister), at least
 * twice — when titled as a chair; untitled, when speaking briefly and answering hardly any of them.
 */
function principalChairs(turns: Turn[]): boolean {
  const own = turns.filter((t) => t.speaker.role === 'principal');
  if (!own.length) return false;
  // Whoever calls the sitting to order chairs it (`Mr. Linder. The meeting will come to order.`).
  if (own.every((t) => CHAIR_OFFICE.test(t.speaker.label.trim())) || CALLS_TO_ORDER.test(turnText(own[0]).trim())) return true;
  const lengths = own.map((t) => speechWeight(turnText(t))).sort((a, b) => a - b);
  const brief = lengths[Math.floor(lengths.length / 2)] < 400;
  const titled = own.some((t) => CHAIR_TITLE.test(t.speaker.label.trim()));
  let byPrincipal = 0;
  let byOthers = 0;
  turns.forEach((t, i) => {
    if (!followsQuestion(turns, i)) return;
    if (t.speaker.role === 'principal') byPrincipal++;
    else if (t.speaker.role === 'other') byOthers++;
  });
  // A press secretary who hands over to a guest still answers a share of the questions: untitled, the
  // principal chairs only when answering hardly any (a fifth of those others answer, or fewer).
  return byOthers >= 2 && (titled ? byOthers > byPrincipal : brief && byPrincipal * 5 <= byOthers);
}

/**
 * Nobody answers as principal (book.yaml names a chair, or someone who never speaks): whoever mostly
 * speaks right after another's question, more often than they ask themselves and at least twice,
 * answers (a hearing's witnesses, a debate's minister), however briefly.
 */
function markAnswerers(turns: Turn[]) {
  const score = new Map<string, { follows: number; asks: number }>();
  turns.forEach((t, i) => {
    if (t.speaker.role !== 'other') return;
    const k = labelKey(t.speaker.name);
    const s = score.get(k) ?? { follows: 0, asks: 0 };
    if (followsQuestion(turns, i)) s.follows++;
    if (turnAsks(t)) s.asks++;
    score.set(k, s);
  });
  const answerers = new Set([...score].filter(([, s]) => s.follows >= 2 && s.follows > s.asks).map(([k]) => k));
  for (const t of turns) if (t.speaker.role === 'other' && answerers.has(labelKey(t.speaker.name))) t.speaker.role = 'principal';
}

/** A moderator's hand-over to a questioner: `Our next question comes from Doug Anmuth with JPMorgan.`, `Our first question is coming from Joe Stieven of Stifel Nicolaus.` */
const INTRODUCES = /\bquestions? (?:is |comes |will come |today |is coming |will be coming )?(?:from|is from)(?: the line of)? ((?:\p{Lu}[\p{L}\p{M}\p{N}_.'’-]*\s){0,3}\p{Lu}[\p{L}\p{M}\p{N}_'’-]+)/gu;

/**
 * Roles by the moderator's word (an earnings call's Operator, a press call's moderator): whoever the
 * moderator announces as asking the next question asks, under the fuller name their label may give
 * (`Mark Mahaney` announced, `Mark Stephen F. Mahaney` labelled: the first and last names agree, as
 * labels are compared: `MARK MAHANEY` is the same name). Returns the turns so marked.
 */
function markIntroduced(turns: Turn[]): ReadonlySet<Turn> {
  const introduced = new Set<Turn>();
  const announced: string[][] = [];
  for (const t of turns) {
    if (t.kind === 'moderator' || t.speaker.role === 'moderator') {
      for (const m of turnText(t).matchAll(INTRODUCES)) announced.push(m[1]!.split(/\s+/).map(labelKey));
      continue;
    }
    if (t.speaker.role !== 'other' || /\p{Script=Han}/u.test(t.speaker.name)) continue;
    const words = t.speaker.name.split(/\s+/).map(labelKey);
    if (announced.some((a) => a.length >= 2 && a[0] === words[0] && a.at(-1) === words.at(-1))) { t.kind = 'question'; t.speaker.role = 'reporter'; introduced.add(t); }
  }
  return introduced;
}

/** A point of order is raised with the chair (On a point of order, Mr Speaker. …), whoever raises it. */
const POINT_OF_ORDER = /^(?:On a point of (?:order|information)|Further to (?:that|the|this|my|his|her) (?:hon\. \w+’s |hon\. \w+'s )?point of order)\b/i;

/** A point of order asks the chair for a ruling: no question of the dialogue, but remarks (Hansard). */
function markPointsOfOrder(turns: Turn[]) {
  for (const t of turns) {
    if (t.speaker.role === 'principal' || !POINT_OF_ORDER.test(turnText(t).trim())) continue;
    t.kind = 'remarks';
    // The member who raises it does not chair (a short turn may have looked like a chair's).
    if (t.speaker.role === 'moderator') t.speaker.role = 'other';
  }
}

/**
 * An interview whose interviewer is the book's principal (a programme's host named as the speaker, the
 * host's initials `CR:`, `AL:`): nobody else asks; the principal speaks more than once, asks in most of
 * those turns, and mostly speaks just before someone else does.
 */
function principalInterviews(turns: Turn[]): boolean {
  const own = turns.filter((t) => t.speaker.role === 'principal');
  if (own.length < 2 || turns.some((t) => t.kind === 'question')) return false;
  const at = new Map(turns.map((t, i) => [t, i]));
  const before = own.filter((t) => turns[at.get(t)! + 1]?.speaker.role === 'other').length;
  // …the others hardly ask, and speak at greater length than the principal (the guest answers at length).
  const others = turns.filter((t) => t.speaker.role === 'other');
  const median = (ts: Turn[]) => ts.map((t) => speechWeight(turnText(t))).sort((a, b) => a - b)[Math.floor(ts.length / 2)] ?? 0;
  // (A question the guest cut off, `I'm asking --`, asks too.)
  const asks = own.filter((t) => turnAsks(t) || /(?:--|—)$/u.test(turnText(t).trim())).length / own.length;
  return asks >= 0.5 && before / own.length >= 0.5 && others.length >= 2 && others.filter(turnAsks).length / others.length < 0.2
    && (asks >= 0.75 || median(own) < median(others));
}

/**
 * An interview: nobody else asks, and this speaker speaks more than once, asks at least once, and
 * each time (mostly) speaks just before the principal does.
 */
function markInterviewer(turns: Turn[], bySpeaker: Map<string, Turn[]>) {
  const at = new Map(turns.map((t, i) => [t, i]));
  for (const ts of bySpeaker.values()) {
    if (ts.length < 2 || !ts.some(turnAsks)) continue;
    const before = ts.filter((t) => turns[at.get(t)! + 1]?.speaker.role === 'principal').length;
    if (before / ts.length >= 0.5) for (const t of ts) { t.kind = 'question'; t.speaker.role = 'reporter'; }
  }
}

/**
 * Speakers who neither ask nor answer: brief (the median turn under about 100 Chinese characters or
 * 400 Latin ones), or handing over (a short turn that names the principal who speaks next: 行政長官。,
 * …指定婁勤儉先生為大會發言人…), they chair, even right after a question.
 */
function markChairs(turns: Turn[], principals: string[], bySpeaker: Map<string, Turn[]>) {
  const handsOver = (t: Turn, i: number) => turns[i + 1]?.speaker.role === 'principal' && speechWeight(turnText(t)) < 800
    && principals.some((p) => p && nameMentioned(turnText(t), p));
  const answers = new Set<string>();
  turns.forEach((t, i) => {
    if (t.speaker.role === 'other' && i > 0 && turns[i - 1].kind === 'question' && !handsOver(t, i)) answers.add(labelKey(t.speaker.name));
  });
  for (const [k, ts] of bySpeaker) {
    if (ts[0].speaker.role !== 'other' || answers.has(k)) continue;
    const lengths = ts.map((t) => speechWeight(turnText(t))).sort((a, b) => a - b);
    if (lengths[Math.floor(lengths.length / 2)] >= 400 && !ts.some((t) => handsOver(t, turns.indexOf(t)))) continue;
    for (const t of ts) { t.kind = 'moderator'; t.speaker.role = 'moderator'; }
  }
}

/**
 * A programme's host keeps the role when the transcript later gives only the surname (`MILES
 * O'BRIEN, CNN ANCHOR: …`, then `O'BRIEN: …`); anyone else keeps the full name.
 */
function inheritHosts(turns: Turn[]) {
  const hosts = new Map<string, string>();
  // Anyone else first named in full keeps the name under the surname alone (`LEILA FADEL, BYLINE: …`,
  // then `FADEL: …`), unless two speakers share the surname.
  const named = new Map<string, string | null>();
  for (const t of turns) {
    const words = t.speaker.name.trim().split(/\s+/);
    const english = !/\p{Script=Han}/u.test(t.speaker.name);
    if (t.speaker.role === 'moderator' && words.length >= 2 && english) hosts.set(labelKey(words.at(-1)!), t.speaker.name);
    else if (t.speaker.role === 'other' && words.length === 1 && hosts.has(labelKey(words[0]))) {
      t.speaker.name = hosts.get(labelKey(words[0]))!;
      t.speaker.role = 'moderator';
      t.kind = 'moderator';
    } else if (t.speaker.role === 'other' && words.length === 2 && /^\p{Lu}\.$/u.test(words[0]) && named.get(labelKey(words[1]))?.startsWith(words[0][0])) {
      // …and under an initial and the surname (M. O'BRIEN after MILES O'BRIEN).
      t.speaker.name = named.get(labelKey(words[1]))!;
    } else if (t.speaker.role === 'other' && words.length >= 2 && words.length <= 4 && english) {
      const k = labelKey(words.at(-1)!);
      named.set(k, named.has(k) && named.get(k) !== t.speaker.name ? null : t.speaker.name);
    } else if (t.speaker.role === 'other' && words.length === 1 && named.get(labelKey(words[0]))) t.speaker.name = named.get(labelKey(words[0]))!;
  }
}

/** A turn that only greets (Good morning, everybody. Good morning, Secretary.): a journalist's greeting is a question turn. */
const GREETING = /^(?:(?:good (?:morning|afternoon|evening)|hello|hi|hey|thank you|thanks|你好|您好|大家好|谢谢|謝謝)[^.!?。！？]{0,40}[.!?。！？]\s*)+$/iu;

/**
 * A host's opening: before the principal first speaks, a questioner's turns that ask nothing and do
 * more than greet (This is All Things Considered… Secretary Blinken, welcome.) introduce the
 * programme; they moderate. Turns whose speaker the moderator announced as asking (`introduced`) ask,
 * even before the principal first speaks.
 */
function markOpening(turns: Turn[], introduced: ReadonlySet<Turn>) {
  const first = turns.findIndex((t) => t.speaker.role === 'principal');
  for (let i = 0; i < first; i++) {
    const t = turns[i];
    if (t.kind === 'question' && !introduced.has(t) && !turnAsks(t) && !GREETING.test(turnText(t).trim())) { t.kind = 'moderator'; t.speaker.role = 'moderator'; }
  }
}

/** Whether a text names a principal: the whole name (Chinese in either script), or an English surname. */
function nameMentioned(text: string, principal: string): boolean {
  if (/\p{Script=Han}/u.test(principal)) return simplified(text).includes(simplified(principal));
  const surname = principal.split(/[\s.]+/).filter(Boolean).at(-1) ?? '';
  return surname.length > 1 && new RegExp(`\\b${surname.replace(/[^\w'-]/g, '')}\\b`, 'i').test(text);
}

/**
 * The first paragraph is the title only when it looks like one: one line in the source, followed by
 * a blank line, short, not closed by sentence punctuation, not a time or date on its own.
 */
export function looksLikeTitle(t: TrackedText, at: Position): boolean {
  const text = t.text.trim().replace(TITLE_FIELD, '');
  if (at.start.line !== at.end.line) return false;
  const latin = !/\p{Script=Han}/u.test(text);
  if (text.length > (latin ? 240 : 100)) return false;
  // A long line with commas or any sentence stop inside is a sentence; a line in brackets is a note.
  if (!latin && (/[。！？；]/u.test(text) || (text.length > 64 && /[，,]/u.test(text)))) return false;
  if (/^[（(【\[].*[）)】\]]$/u.test(text)) return false;
  // A show's name may trail off (Live From...); a sentence is longer.
  const trailing = latin && text.length <= 30 && /^[^.,;:!?]+(?:\.\.\.|…)$/.test(text);
  if (!trailing && /[。！？!?；;：:，,、…]$|(?<![A-Z])\.$/u.test(text)) return false;
  // 2:02 p.m. EDT, 2024-10-08, 10/11/2022 07:54 PM EDT: a time or a date, not a title.
  if (onlyDateAndTime(text)) return false;
  // …nor a page's date line with its source (2019-03-14 12:28 來源： 中國網).
  const field = /\s*(?:来源|來源|出处|出處|Source)\s*[：:].*$/u;
  if (field.test(text) && onlyDateAndTime(text.replace(field, ''))) return false;
  return true;
}


/**
 * A lead paragraph narrates the event: it names a principal in the third person, carries a news
 * agency's dateline (…3月7日电), or is a short line of time and place.
 */
function isLead(text: string, principals: string[]): boolean {
  if (opensWithDateline(text)) return true;
  // …or an outlet's wire line before a colon (华夏经纬网讯：6月12日上午10时，…).
  const wire = /^([^\s，,。：:]{1,24})[：:]/u.exec(text);
  if (wire && isNewsLead(simplified(wire[1]))) return true;
  // A hearing's record of the sitting: The committee met, pursuant to call, …; Present: Representatives …
  if (/^(?:The (?:committee|subcommittee|Committee|Subcommittee|panel|House|Senate) (?:met|convened)\b|Present:|Also [Pp]resent:)/.test(text)) return true;
  if (principals.some((p) => p && text.includes(p)) && !/^(应|應)/u.test(text)) return true;
  const dated = mentionsDate(text);
  if (text.length <= 40 && dated) return true;
  // …or tells of the event itself in the third person (3月7日，…举行记者会。).
  if (dated && /(记者会|記者會|发布会|發布會|發佈會|吹风会|吹風會|见面会|見面會|press conference|press briefing|news briefing|briefing)/iu.test(text) && !/^(应|應)/u.test(text)) return true;
  return false;
}

/** The opening section's heading: the speaker's opening remarks, never a bare label. */
function openingHeading(first: Turn, words: HeadingWords): string {
  // An announcer's promotion is nobody's opening remarks.
  const name = (first.speaker.role === 'principal' || first.speaker.role === 'other') && !ANNOUNCER.test(first.speaker.label.trim()) ? first.speaker.name : '';
  return openingWords(name, words);
}

/** The opening heading's words for a name (none: the words alone, no dangling colon). */
function openingWords(name: string, words: HeadingWords): string {
  const text = words.opening(name).replace(/^[\s:：,，]+|[\s:：,，]+$/gu, '');
  // Without a name, the preposition that led to it goes too (Palabras iniciales de → Palabras iniciales).
  return name ? text : text.replace(/\s+\p{Ll}{1,3}$/u, '');
}

/** A programme's announcer (a promotion's voice), by the label alone. */
const ANNOUNCER = /^ANNOUNCER$/i;

/**
 * The questioner and a short phrase of the question (`路透社：澳大利亚贸易部长法瑞尔与王文涛的会谈`); a
 * questioner without a name (记者, QUESTION, Q) is left out rather than printed as a dangling label.
 */
export function defaultHeading(first: Turn, words: HeadingWords, english: boolean, number: number): string {
  const text = first.children.map((p) => p.children.map((c) => (c.type === 'text' ? c.value : '')).join('')).join(' ');
  const phrase = english ? englishPhrase(text) : chinesePhrase(text);
  const name = first.speaker.name;
  const anonymous = first.speaker.role === 'reporter' && (name === first.speaker.label || !name);
  if (!phrase) return words.question(anonymous ? '' : name, number).trim();
  return anonymous || english ? phrase : words.topic(name, [phrase], number);
}

// Openers that say nothing about the topic: (据报道，) …; (请问，) …
const OPENERS_ZH = /^(?:请问|請問|我想问|我想問|我的问题是|我的問題是|第一个问题|第一個問題|另外|还有|還有|据悉|據悉|我们注意到|我們注意到|注意到|有报道称|有報道稱|报道称|報道稱|追问一下|追問一下|追问|追問|谢谢|謝謝|发言人|發言人|你好|您好|[据據][^，,。]{0,16}?(?:报道|報道|称|稱|消息|表示))[，,、：:]?/u;

/** A clause of the question cut at a word boundary (jieba) after at most 18 characters. */
export function chinesePhrase(text: string): string {
  let rest = text.trim();
  for (let i = 0; i < 4; i++) {
    const next = rest.replace(OPENERS_ZH, '').replace(/^[，,、。！？\s]+/u, '');
    if (next === rest) break;
    rest = next;
  }
  // The first clause of substance: four Han characters or more once dates and numbers are set aside
  // (not `9月29日`, not `1993年4月`).
  // A clause that only says who said it (一名美国政府高官称) gives no topic either.
  const clauses = rest.split(/[，。！？；：,!?;:]/u).filter((c) => !/(称|稱|表示|说|說|指出)$/u.test(c.trim()));
  const substance = (c: string) => (c.replace(/[\d０-９]+\s*(?:年|月|日|号|時|时|点|點|分)?/gu, '').match(/\p{Script=Han}/gu) ?? []).length >= 4;
  const clause = (clauses.find(substance) ?? clauses[0] ?? '').trim();
  const max = 18;
  if (clause.length <= max) return clause.trim();
  let out = '';
  for (const w of jiebaFor(clause).cut(clause, true)) {
    if (out.length + w.length > max) break;
    out += w;
  }
  return (out || clause.slice(0, max)) + '…';
}

/** A greeting or thanks opening a sentence, in the Latin-script languages books are made in. */
const COURTESY = /^(?:thank you|thanks|good (?:morning|afternoon|evening)|hello|hi|hola|buen(?:os|as) (?:días|tardes|noches)|(?:muchas )?gracias|bonjour|bonsoir|merci|guten (?:tag|morgen|abend)|hallo|(?:vielen )?dank|danke|buongiorno|buonasera|grazie|bom dia|boa (?:tarde|noite)|olá|obrigad[oa])\b/iu;
/** The words of a welcome or of a pleasure to be there, which ask nothing. */
const WELCOME = /\b(?:pleasure|welcome|placer|bienvenid[oa]s?|plaisir|bienvenue|Freude|willkommen|piacere|benvenut[oa]|prazer|bem-vind[oa])\b/iu;
/** A speaker saying who they are: I'm Jane Doe with Reuters, Soy Juan Pérez, de El Universal, Je suis … de Libération. */
const INTRODUCTION = /^(?:(?:hi|hello|hola|bonjour|hallo)[,!]?\s+)?(?:(?:I'm|I am|this is|my name is)\s+(?=\p{Lu})|(?:soy|me llamo|mi nombre es|je suis|je m'appelle|ich bin|mein name ist|ich heiße|sono|mi chiamo|sou|meu nome é)\s)/iu;
function selfIntroduction(sentence: string): boolean {
  const words = sentence.split(/\s+/).length;
  return INTRODUCTION.test(sentence) && words <= 14 && (/^\S+\s+\S+\s+\p{Lu}/u.test(sentence.replace(INTRODUCTION, 'x y ')) || /\b(?:de|del|from|with|at|for|à|pour|von|vom|bei|da|di|do)\b/iu.test(sentence));
}

/** The first sentence of substance, cut at a word boundary after at most 60 characters. */
export function englishPhrase(text: string): string {
  const sentences = text.replace(/\((?:[^()]{0,40})\)/g, ' ').split(/(?<=[.?!])(?<!\b(?:hon|Hon|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|No|vs|Jr|Sr|Lt|Col|Capt|Prof)\.)\s+/).map((s) => s.trim()).filter(Boolean);
  // Courtesies name no topic: Thank you, Mr. Chairman. Good afternoon, Senator. Thanks for taking my question.
  // (Hola señor Presidente, es un placer tenerle con nosotros. Nor does a reporter's self-introduction:
  // Soy Juan Pérez, de El Universal. I'm Jane Doe with Reuters.)
  const courtesy = (s: string) => !/[?¿]/u.test(s) && ((COURTESY.test(s) && s.split(/\s+/).length <= 8)
    || (COURTESY.test(s) && WELCOME.test(s) && s.split(/\s+/).length <= 16) || selfIntroduction(s));
  const sentence = sentences.find((s) => s.split(/\s+/).length >= 4 && !courtesy(s)) ?? sentences.find((s) => s.split(/\s+/).length >= 4) ?? sentences[0] ?? '';
  // (A space before the stop, as French sets it, goes with the stop.)
  // (Spanish opens a question with ¿ and an exclamation with ¡: they go with the closing stop.)
  const clean = sentence.replace(/^(?:(?:thank you|thanks|yes|yeah|okay|ok|so|and|but|well|hi|hello)\b[,.!]?\s*)+/i, '').replace(/[\s\u00a0\u202f]*[.?!]+$/u, '').replace(/^[¿¡]/u, '');
  if (clean.length <= 60) return clean.charAt(0).toUpperCase() + clean.slice(1);
  const cut = clean.slice(0, 61).replace(/\s+\S*$/, '').replace(/[,;:–—-]+$/, '');
  return cut.charAt(0).toUpperCase() + cut.slice(1) + '…';
}

/** Structure diagnostics: the principal never found; labels that name no known speaker; unanswered questions. */
export function structureDiagnostics(tree: Transcript, labelled: Labelled[], principals: string[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const all = tree.children.flatMap((c) => (c.type === 'section' ? c.children : c.type === 'turn' ? [c] : []));
  const found = [...new Set(labelled.map((l) => l.label.label))];
  const list = (xs: string[]) => xs.length ? xs.slice(0, 12).join(', ') + (xs.length > 12 ? ` (+${xs.length - 12})` : '') : 'none';
  if (principals.length) {
    // A principal who hosts a programme speaks as its moderator (`STEVE INSKEEP, Host:`): found all the same.
    const seen = new Set(all.filter((t) => (t.speaker.role === 'principal' || principals.includes(t.speaker.name)) && !t.speaker.implicit).map((t) => t.speaker.name));
    for (const p of principals) {
      if (!seen.has(p)) out.push(diagnostic('TP023', { speaker: p, labels: list(found) }, { file, line: 1, column: 1 }));
    }
  }
  const unknown = all.filter((t) => !t.speaker.implicit && !principals.includes(t.speaker.name) && (t.speaker.role === 'other' || (t.speaker.role === 'moderator' && !/主持|MODERATOR|OPERATOR|HOST|CHAIR/i.test(t.speaker.label))));
  const reported = new Set<string>();
  for (const t of unknown) {
    if (reported.has(t.speaker.label)) continue;
    reported.add(t.speaker.label);
    out.push(diagnostic('TP024', { label: t.speaker.label, role: t.kind, principals: list(principals), labels: list(found) },
      { file, line: t.speaker.position?.start.line ?? 1, column: t.speaker.position?.start.column ?? 1 }));
  }
  for (const s of tree.children) {
    if (s.type !== 'section' || s.role !== 'question') continue;
    if (!s.children.some((t) => t.kind === 'answer')) {
      const q = s.children[0];
      out.push(diagnostic('TP025', { label: q.speaker.label, labels: list(found) },
        { file, line: q.speaker.position?.start.line ?? 1, column: q.speaker.position?.start.column ?? 1 }));
    }
  }
  return out;
}
