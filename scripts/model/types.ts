// The one document model in the middle (see STYLE.md §1–2). The reader builds it, transforms change
// it, writers only read it. It is a unist tree, so unist/unified utilities work on it, and every node
// keeps `position` into the raw transcript.txt (1-based line/column, 0-based offset), so a problem
// found while writing the PDF can still say `transcript.txt:57:12`.
import type { Position } from 'unist';

export type { Position };

interface NodeBase {
  position?: Position;
}

/** Plain text. `value` is the normalised text; `position` spans its source. */
export interface Text extends NodeBase {
  type: 'text';
  value: string;
  /** `origin[i]`: the source offset (UTF-16, in transcript.txt) of character i of `value`, so any
   * slice of the text (a topic, a note's quote) still says exactly where it came from. */
  data?: { origin?: Int32Array };
}

/** An occurrence of an index topic inside a paragraph (filled by the index stage). */
export interface TopicRef extends NodeBase {
  type: 'topicRef';
  /** The topic's term as written in book.yaml (`topics[].term`). */
  topic: string;
  /** Short ASCII anchor id, unique in the book (e.g. `t12-3`): PDF /Dests need ASCII ids. */
  id: string;
  children: Text[];
}

export type Inline = Text | TopicRef;

export interface Paragraph extends NodeBase {
  type: 'paragraph';
  /** Short ASCII id (`p17`), stable for a given source; used for anchors and page maps. */
  id: string;
  children: Inline[];
}

/** The speaker label that opens a turn: `王毅：`, `彭博社记者：`, `Q:`, `MR. SMITH:`. */
export interface Speaker extends NodeBase {
  type: 'speaker';
  /** The label as printed, without the colon (`彭博社记者`). */
  label: string;
  /** Who spoke: the person for the principal speaker, the outlet for a reporter (`彭博社`). */
  name: string;
  /** `reporter` asks, `principal` answers (book.yaml `speaker`/`speakers`), `moderator` chairs,
   * `other` anyone else (a second official, an unknown name). */
  role: 'reporter' | 'principal' | 'moderator' | 'other';
  /** No label stands in the transcript: an opening announcement before the first label, read as the
   * principal's remarks. Nothing is printed for it. */
  implicit?: boolean;
}

export type TurnKind = 'question' | 'answer' | 'remarks' | 'moderator';
export const TURN_KINDS: readonly TurnKind[] = ['question', 'answer', 'remarks', 'moderator'];

export interface Turn extends NodeBase {
  type: 'turn';
  /** A question; an answer to it; remarks (an opening statement or announcement, not answering a
   * question); or the moderator's words. */
  kind: TurnKind;
  speaker: Speaker;
  children: Paragraph[];
}

/** A question with its answer(s); the opening statement is a section too. */
export interface Section extends NodeBase {
  type: 'section';
  /** `question`: opens with a question (numbered from 1, book.yaml `sections[].question`);
   * `remarks`: an opening statement or announcement before the first question. */
  role: 'question' | 'remarks';
  /** Short ASCII id (`s3`), used for anchors, named pages and the page map. */
  id: string;
  heading: string;
  /** Where the heading came from: the editor (book.yaml `sections`) or the reader's default. */
  headingSource: 'book' | 'auto';
  children: Turn[];
}

export interface Title extends NodeBase {
  type: 'title';
  children: Inline[];
}

/** The dateline / lead paragraph (`据新华社北京3月7日电 …`). */
export interface Dateline extends NodeBase {
  type: 'dateline';
  id: string;
  children: Inline[];
}

/** The one escape hatch (pandoc's Div): a named container with attributes for what comes later. */
export interface Container extends NodeBase {
  type: 'container';
  name: string;
  attributes: Record<string, string>;
  children: Block[];
}

export type Block = Title | Dateline | Section | Turn | Paragraph | Container;

export interface Transcript extends NodeBase {
  type: 'transcript';
  /** Where each line of transcript.txt starts (source offsets), to turn an origin into line:column. */
  data?: { lineStarts?: number[] };
  children: Block[];
}

export type Node = Transcript | Block | Speaker | Inline;
export type Parent = Extract<Node, { children: unknown[] }>;
