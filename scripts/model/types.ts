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

/** Where an editor's note is called from: placed right after the passage it comments (notes stage). */
export interface NoteRef extends NodeBase {
  type: 'noteRef';
  /** The note's id (`n3`), the target of the reference. */
  note: string;
  /** This reference's own id (`nr3`), the target of the note's back link. */
  id: string;
  /** The note's number as printed (1-based, in reading order). */
  number: number;
}

/** Inline markup of editor-written Markdown (preface, notes): never produced from the transcript. */
export interface Emphasis extends NodeBase { type: 'emphasis'; children: Inline[] }
export interface Strong extends NodeBase { type: 'strong'; children: Inline[] }
export interface InlineCode extends NodeBase { type: 'inlineCode'; value: string }
export interface Break extends NodeBase { type: 'break' }
/** A link: only http(s), mailto and in-book `#` targets are kept (scripts/markdown/). */
export interface Link extends NodeBase { type: 'link'; url: string; children: Inline[] }

export type Inline = Text | TopicRef | NoteRef | Emphasis | Strong | InlineCode | Break | Link;

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
  /** Index anchors inside the label (index/match.ts, automatic entries only): where the label prints an
   * entry's term (路透社 in 路透社记者, 柯委員建銘), from `start` to `end` in `label`. */
  anchors?: { id: string; start: number; end: number }[];
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

/** A heading inside editor-written matter; `depth` 1 is the first level below the matter's title. */
export interface Heading extends NodeBase {
  type: 'heading';
  depth: 1 | 2 | 3 | 4 | 5;
  id: string;
  children: Inline[];
}

export interface List extends NodeBase {
  type: 'list';
  ordered: boolean;
  start?: number;
  children: ListItem[];
}

export interface ListItem extends NodeBase {
  type: 'listItem';
  children: Block[];
}

export interface Blockquote extends NodeBase {
  type: 'blockquote';
  children: Block[];
}

/** Front or back matter written by the editor in Markdown (preface, afterword, editorial note). */
export interface Matter extends NodeBase {
  type: 'matter';
  /** Short ASCII id (`m-preface`), used for anchors, named pages and the page map. */
  id: string;
  title: string;
  place: 'front' | 'back';
  /** EPUB structural semantics and the DPUB-ARIA role: `preface` → epub:type preface, role doc-preface. */
  kind: 'preface' | 'foreword' | 'introduction' | 'afterword' | 'epilogue' | 'appendix' | 'acknowledgments';
  /** The Markdown file it was read from, for diagnostics (positions are into this file). */
  file: string;
  children: Block[];
}

/** An editor's note on a passage of the transcript (book.yaml `notes`), its body from Markdown. */
export interface Note extends NodeBase {
  type: 'note';
  /** `n3`: the target of the note reference. */
  id: string;
  /** The reference's id (`nr3`): the target of the back link. */
  refId: string;
  number: number;
  /** The quoted passage the note is anchored to. */
  quote: string;
  /** The section (`s7`) whose text holds the passage, or null when it is before the first section. */
  section: string | null;
  children: Block[];
}

export type Block = Title | Dateline | Section | Turn | Paragraph | Container | Heading | List | Blockquote | Matter | Note;

export interface Transcript extends NodeBase {
  type: 'transcript';
  /** Where each line of transcript.txt starts (source offsets), to turn an origin into line:column. */
  data?: { lineStarts?: number[] };
  children: Block[];
}

export type Node = Transcript | Block | ListItem | Speaker | Inline;
export type Parent = Extract<Node, { children: unknown[] }>;
