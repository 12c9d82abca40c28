// Editor's notes (book.yaml `notes`), anchored by quoted text the way corrections are found: on the
// final text of the tree (normalised, repaired, corrected), a quote must occur exactly once, else the
// build stops with TP080 at the quote's line in book.yaml. The note reference goes right after the
// quoted passage; notes are numbered in reading order, whatever their order in book.yaml. A plain
// function over the tree (STYLE.md §6): no file system, no browser.
import type { Block, Dateline, Inline, Note, NoteRef, Paragraph, Text, Transcript } from '../model/types.ts';
import type { NoteConfig } from '../config/schema.ts';
import { walk } from '../model/walk.ts';
import { positionSlicer } from '../index/match.ts';
import { fail, type Diagnostic, type Where } from '../core/diagnostics.ts';
import { markdownToBlocks } from './parse.ts';

export interface AnchorOptions {
  /** book.yaml as shown in diagnostics. */
  file: string;
  /** Where `notes.N.quote` / a point of `notes.N.note` is written (scripts/markdown/positions.ts). */
  quoteAt?: (index: number) => Where | undefined;
  bodyAt?: (index: number, point: { line: number; column: number } | undefined) => Where;
}

export interface AnchorResult {
  notes: Note[];
  diagnostics: Diagnostic[];
}

type Carrier = Paragraph | Dateline;

/** The text a quote is matched against: the carrier's own text, without note references or anchors' markup. */
function plain(children: Inline[]): string {
  return children.map((c) => (c.type === 'text' ? c.value : c.type === 'topicRef' ? plain(c.children) : '')).join('');
}

export function anchorNotes(tree: Transcript, configs: NoteConfig[], options: AnchorOptions): AnchorResult {
  const diagnostics: Diagnostic[] = [];
  // Every paragraph and the dateline in reading order, with the section each belongs to.
  const carriers: { node: Carrier; section: string | null; text: string }[] = [];
  let section: string | null = null;
  walk(tree, (n) => {
    if (n.type === 'title' || n.type === 'speaker') return false;
    if (n.type === 'section') section = n.id;
    if (n.type === 'paragraph' || n.type === 'dateline') {
      carriers.push({ node: n, section, text: plain(n.children) });
      return false;
    }
  });

  const found = configs.map((c, index) => {
    const hits: { carrier: number; end: number }[] = [];
    carriers.forEach((k, carrier) => {
      for (let at = k.text.indexOf(c.quote); at !== -1; at = k.text.indexOf(c.quote, at + 1)) hits.push({ carrier, end: at + c.quote.length });
    });
    if (hits.length !== 1) fail('TP080', { index: index + 1, quote: c.quote, count: hits.length }, { file: options.file, ...options.quoteAt?.(index) });
    return { index, config: c, ...hits[0] };
  });

  // Reading order decides the numbers (two notes on one passage keep their book.yaml order).
  const ordered = [...found].sort((a, b) => a.carrier - b.carrier || a.end - b.end || a.index - b.index);
  const notes: Note[] = ordered.map((f, i) => {
    const number = i + 1;
    const id = `n${number}`;
    const body = markdownToBlocks(f.config.note, {
      idPrefix: id, where: (point) => options.bodyAt?.(f.index, point) ?? { file: options.file },
    });
    diagnostics.push(...body.diagnostics);
    return { type: 'note', id, refId: `nr${number}`, number, quote: f.config.quote, section: carriers[f.carrier].section, children: body.blocks };
  });

  // Insert the references, the last in each carrier first so earlier offsets stay valid.
  [...ordered.keys()].reverse().forEach((i) => {
    const f = ordered[i];
    const note = notes[i];
    const ref: NoteRef = { type: 'noteRef', note: note.id, id: note.refId, number: note.number };
    const carrier = carriers[f.carrier].node;
    carrier.children = insertAt(carrier.children, f.end, ref, tree.data?.lineStarts);
  });
  return { notes, diagnostics };
}

/** Inserts `ref` after the character at offset `end` of the inline text; a text node is split there. */
function insertAt(children: Inline[], end: number, ref: NoteRef, lineStarts?: readonly number[]): Inline[] {
  let offset = 0;
  const out: Inline[] = [];
  let done = false;
  for (const child of children) {
    const length = child.type === 'text' ? child.value.length : child.type === 'topicRef' ? plain(child.children).length : 0;
    if (!done && child.type === 'text' && end > offset && end < offset + length) {
      const cut = end - offset;
      const at = positionSlicer(child, lineStarts);
      // Each piece keeps its slice of the origin map, so later stages still know where it came from.
      const piece = (from: number, to: number): Text => {
        const position = at(from, to);
        const origin = child.data?.origin?.slice(from, to);
        return { type: 'text', value: child.value.slice(from, to), ...(position ? { position } : {}), ...(origin ? { data: { origin } } : {}) };
      };
      out.push(piece(0, cut), ref, piece(cut, child.value.length));
      done = true;
    } else {
      out.push(child);
      // The passage ends where this node ends (a whole text node, or a topic anchor): the reference follows it.
      if (!done && end === offset + length && length > 0) { out.push(ref); done = true; }
    }
    offset += length;
  }
  if (!done) out.push(ref);
  return out;
}


/** Notes of a tree's blocks, for tests and tools: every note reference in reading order. */
export function noteRefs(blocks: Block[]): NoteRef[] {
  const out: NoteRef[] = [];
  for (const b of blocks) walk(b, (n) => { if (n.type === 'noteRef') out.push(n); });
  return out;
}
