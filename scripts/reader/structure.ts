// Blocks to the document model: title, dateline, turns (a speaker label starts one and the
// following paragraphs belong to it until the next label) and sections (a question and its answers).
import type { TrackedText, LineIndex } from './tracked-text.ts';
import type { Block, Dateline, Paragraph, Position, Section, Speaker, Title, Transcript, Turn } from '../model/types.ts';
import { keywords } from './segmenter.ts';

export interface StructureOptions {
  /** The principal speaker's label (book.yaml `speaker`). */
  speaker: string;
  /** Editor-set headings by 1-based question number (book.yaml `sections`). */
  headings: Map<number, string>;
  /** The words of default headings, in the book's language (templates/<set>/lang/<tag>.json). */
  words: HeadingWords;
}

/** Default section headings in the book's language (from the strings file, see reader/index.ts). */
export interface HeadingWords {
  /** The opening statement, given the speaker's name: `王毅开场发言`. */
  opening: (name: string) => string;
  /** A question whose topic is not known: `彭博社提问`, `Question 3`. */
  question: (name: string, number: number) => string;
  /** A question with its topic words: `彭博社：中美关系`. */
  topic: (name: string, topics: string[], number: number) => string;
}

export interface SpeakerLabel {
  label: string;
  name: string;
  role: Speaker['role'];
  /** Length of the label with its colon and following spaces. */
  length: number;
}

const LABEL = /^([^\s，,。：:！？!?“”"、；;（）()]{1,30}?)[ \t]*[：:][ \t]*/u;
/** English labels may hold spaces: `MR. SMITH:`. */
const ENGLISH_LABEL_PREFIX = /^([A-Z][A-Za-z.' -]{0,30}?)[ \t]*:[ \t]*/;
const REPORTER_CN = /(记者|記者|主持人|提问者|提問者|问|問)$/u;
const ENGLISH_LABEL = /^(?:Q|A|QUESTION|ANSWER|(?:MR|MS|MRS|DR|PROF)\.? [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*|[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3})$/;

/** Recognises a speaker label at the start of a paragraph (`彭博社记者：`, `王毅：`, `Q:`, `MR. SMITH:`). */
export function detectSpeaker(text: string, principal: string): SpeakerLabel | null {
  const m = LABEL.exec(text) ?? ENGLISH_LABEL_PREFIX.exec(text);
  if (!m || m[0].length >= text.length) return null;
  const label = m[1];
  const rest = text.slice(m[0].length);
  if (label === principal || label.toUpperCase() === principal.toUpperCase()) {
    return { label, name: principal, role: 'principal', length: m[0].length };
  }
  if (REPORTER_CN.test(label) && /\p{Script=Han}/u.test(label)) {
    const name = label.replace(REPORTER_CN, '').replace(/[《》]/g, '') || label;
    return { label, name, role: 'reporter', length: m[0].length };
  }
  if (ENGLISH_LABEL.test(label) && rest.length > 0) {
    if (/^(Q|QUESTION)$/.test(label)) return { label, name: label, role: 'reporter', length: m[0].length };
    if (/^(A|ANSWER)$/.test(label)) return { label, name: principal, role: 'principal', length: m[0].length };
    return { label, name: label, role: 'other', length: m[0].length };
  }
  return null;
}

export function buildTree(blocks: TrackedText[], lines: LineIndex, options: StructureOptions): Transcript {
  const position = (t: TrackedText, start = 0, end = t.length): Position => ({
    start: lines.point(t.sourceOffset(start)),
    end: lines.point(t.sourceOffset(end - 1) + 1),
  });
  let paragraphCount = 0;
  const paragraph = (t: TrackedText, from = 0): Paragraph => ({
    type: 'paragraph', id: `p${++paragraphCount}`,
    children: [{ type: 'text', value: t.text.slice(from), position: position(t, from) }],
    position: position(t, from),
  });

  const children: Block[] = [];
  let index = 0;
  if (blocks.length && !detectSpeaker(blocks[0].text, options.speaker)) {
    const t = blocks[0];
    const title: Title = { type: 'title', children: [{ type: 'text', value: t.text, position: position(t) }], position: position(t) };
    children.push(title);
    index = 1;
  }
  let dateline = true;
  let section: Section | null = null;
  let turn: Turn | null = null;
  let questions = 0;
  for (; index < blocks.length; index++) {
    const t = blocks[index];
    const label = detectSpeaker(t.text, options.speaker);
    if (!label) {
      if (turn) {
        turn.children.push(paragraph(t));
        extend(turn, t), extend(section!, t);
      } else if (dateline) {
        const d: Dateline = { type: 'dateline', id: 'dateline', children: paragraph(t).children, position: position(t) };
        children.push(d);
      } else children.push(paragraph(t));
      dateline = false;
      continue;
    }
    dateline = false;
    const speaker: Speaker = { type: 'speaker', label: label.label, name: label.name, role: label.role, position: position(t, 0, label.length) };
    const kind: Turn['kind'] = label.role === 'reporter' ? 'question' : label.role === 'principal' ? 'answer' : 'remark';
    turn = { type: 'turn', kind, speaker, children: [paragraph(t, label.length)], position: position(t) };
    if (kind === 'question' || !section) {
      const number = kind === 'question' ? ++questions : 0;
      section = {
        type: 'section', id: `s${children.filter((c) => c.type === 'section').length + 1}`,
        heading: options.headings.get(number) ?? defaultHeading(label, t.text.slice(label.length), number, options.words),
        headingSource: options.headings.has(number) ? 'book' : 'auto',
        children: [], position: position(t),
      };
      children.push(section);
    }
    section.children.push(turn);
    extend(section, t);
  }
  return { type: 'transcript', children, position: blocks.length ? { start: position(blocks[0]).start, end: position(blocks[blocks.length - 1]).end } : undefined };

  function extend(node: { position?: Position }, t: TrackedText) {
    if (node.position) node.position = { start: node.position.start, end: position(t).end };
  }
}

/** The outlet and the topic of the question: `彭博社：中美关系`. */
function defaultHeading(label: SpeakerLabel, question: string, number: number, words: HeadingWords): string {
  if (number === 0) return label.role === 'principal' ? words.opening(label.name) : label.label;
  const topics = keywords(question, 2, ['n', 'nr', 'ns', 'nt', 'nz', 'vn', 'l', 'i']);
  return topics.length ? words.topic(label.name, topics, number) : words.question(label.name, number);
}
