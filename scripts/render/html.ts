// The one HTML renderer both writers share (STYLE.md §1, like pandoc's EPUB writer reusing its HTML
// writer). It builds a hast tree with hastscript, so transcript text is always text: it can never
// inject markup. One handler per node type, registered in one map (STYLE.md §7).
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { toXast } from 'hast-util-to-xast';
import { serializeXml } from './xml.ts';
import type { Element, ElementContent, Root } from 'hast';
import Mustache from 'mustache';
import type { Block, Inline, Paragraph, Section, Transcript, Turn, TurnKind, Speaker, Dateline, Title, Container, Heading, List, Blockquote, Matter, Note } from '../model/types.ts';
import { inlineText } from '../model/walk.ts';

export interface RenderOptions {
  /** 'xhtml' for EPUB (self-closing void elements, xml-safe), 'html' for print. */
  flavour: 'html' | 'xhtml';
  /** Words used in markup: screen-reader labels of turns, one per kind, and what ends a speaker
   * label (`：`, `: `). */
  labels: Record<TurnKind, string> & { labelEnd: string };
  /** Puts soft hyphens into running text (render/hyphenate.ts), for languages that hyphenate. */
  hyphenate?: (text: string) => string;
  /** The editor's notes (book.yaml `notes`): each section ends with the notes called from it. */
  notes?: Note[];
  /** Print only: the page of an element id, for a note's back reference ("见第 12 页"). */
  pages?: (id: string) => number | undefined;
  /** Words for the notes: the label of a section's notes and the back reference (Mustache, {{page}}). */
  noteWords?: { notes: string; page: string; back: string };
  /** In a Chinese book, the tag Latin words with an apostrophe are marked with (`en`): the CJK face
   * would draw their ’ full-width ("CGTN’ s"), so they are set in the Latin face by `:lang()`. */
  latinLang?: string;
  /** In a book of a non-Latin script, a paragraph written wholly in a Latin-script language (a bilingual
   * briefing's English paragraph): its tag, set on the paragraph, and the hyphenation it is set with. */
  passage?: (text: string) => { lang: string; hyphenate?: (text: string) => string } | undefined;
}

/** Latin words with an apostrophe inside (CGTN’s, don't): what a CJK face sets wrongly. */
const LATIN_APOSTROPHE = /\p{Script=Latin}+(?:[’'][\p{Script=Latin}]+)+/gu;

/**
 * Spaces as set: a run of spaces holding an ordinary one (a no-break space and a space after a full stop,
 * as White House pages have, or two spaces) is one space, so a justified line shows no double gaps. A
 * lone no-break space stays. The tree, the text and the change report keep the source's spaces.
 */
export function setSpaces(value: string): string {
  return value.replace(/[ \u00a0]*(?: [ \u00a0]|\u00a0 )[ \u00a0]*/g, ' ');
}

function text(value: string, o?: RenderOptions): ElementContent[] {
  const spaced = setSpaces(value);
  const v = o?.hyphenate ? o.hyphenate(spaced) : spaced;
  if (!o?.latinLang || !/\p{Script=Latin}[’']\p{Script=Latin}/u.test(v)) return [{ type: 'text', value: v }];
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of v.matchAll(LATIN_APOSTROPHE)) {
    if (m.index! > last) out.push({ type: 'text', value: v.slice(last, m.index) });
    out.push(h('span', { lang: o.latinLang, className: ['latin'] }, m[0]));
    last = m.index! + m[0].length;
  }
  if (last < v.length) out.push({ type: 'text', value: v.slice(last) });
  return out;
}

/** The renderer's words from the book's strings. */
export function renderLabels(strings: Readonly<Record<string, string>>): RenderOptions['labels'] {
  return { question: strings.question!, answer: strings.answer!, remarks: strings.remarks!, moderator: strings.moderator!, labelEnd: strings.labelEnd! };
}

type Handler<T> = (node: T, options: RenderOptions) => ElementContent[];

/** The options inside a Latin-script passage: its own hyphenation, and no apostrophe marks (the passage is marked whole). */
function inPassage(o: RenderOptions, passage: { hyphenate?: (text: string) => string }): RenderOptions {
  return { ...o, hyphenate: passage.hyphenate, latinLang: undefined, passage: undefined };
}

/** Inline content. Editor Markdown adds emphasis, links and code; the transcript only text, topic
 * anchors and note references. A note reference is a superscript number linking to the note. */
function inline(children: Inline[], o: RenderOptions): ElementContent[] {
  return children.flatMap((c): ElementContent | ElementContent[] => {
    switch (c.type) {
      case 'text': return text(c.value, o);
      case 'topicRef': return h('span', { id: c.id, className: ['topic'] }, inline(c.children, o));
      case 'noteRef': return h('sup', { className: ['noteref'] },
        h('a', { href: `#${c.note}`, id: c.id, ...epubType(o, 'noteref', 'doc-noteref') }, String(c.number)));
      case 'emphasis': return h('em', inline(c.children, o));
      case 'strong': return h('strong', inline(c.children, o));
      case 'inlineCode': return h('code', c.value);
      case 'break': return h('br');
      case 'link': return h('a', { href: c.url }, inline(c.children, o));
    }
  });
}

/** The notes called from one section (or, with null, from before the first section), in number order.
 * EPUB: footnotes (`aside` typed footnote, role doc-footnote) in the same document as their reference,
 * which reading systems show as pop-ups; each opens with its number as a back link. Print has no
 * footnote floats in Chromium: the notes close their section, each with a back reference to the page
 * its reference is printed on. */
export function renderNotes(section: string | null, o: RenderOptions): ElementContent[] {
  const notes = (o.notes ?? []).filter((n) => n.section === section);
  if (!notes.length) return [];
  // The words come from the book's strings file (prepare.ts renderOptions); none are written here.
  const words = o.noteWords;
  if (!words) throw new Error('renderNotes: notes to render but no noteWords (the strings file\'s notes, notePage, noteBack)');
  if (o.flavour === 'xhtml') {
    return notes.map((n) => h('aside', { id: n.id, className: ['note'], ...epubType(o, 'footnote', 'doc-footnote') },
      withNumber(n, h('a', { href: `#${n.refId}`, role: 'doc-backlink', 'aria-label': `${words.back} ${n.number}` }, String(n.number)), o)));
  }
  return [h('aside', { className: ['section-notes'], 'aria-label': words.notes }, notes.map((n) => {
    const page = o.pages?.(n.refId);
    const back = h('a', { href: `#${n.refId}`, className: ['note-back'] }, page === undefined ? '' : Mustache.render(words.page, { page }));
    const body = withNumber(n, h('a', { href: `#${n.refId}`, className: ['note-number'] }, String(n.number)), o);
    // The back reference ends the note's last paragraph.
    const last = body[body.length - 1];
    if (last && last.type === 'element' && last.tagName === 'p') last.children.push({ type: 'text', value: ' ' }, back);
    else body.push(h('p', back));
    return h('div', { id: n.id, className: ['note'] }, body);
  }))];
}

/** A note's body with its number before the first paragraph's text. */
function withNumber(n: Note, number: Element, o: RenderOptions): ElementContent[] {
  const body = n.children.flatMap((b) => renderBlock(b, o));
  const first = body[0];
  if (first && first.type === 'element' && first.tagName === 'p') first.children.unshift(number, { type: 'text', value: ' ' });
  else body.unshift(h('p', [number]));
  return body;
}

/** EPUB structural semantics (and the matching DPUB-ARIA role): only in the EPUB flavour, so the
 * print HTML stays as it was. */
function epubType(o: RenderOptions, type: string, role?: string): Record<string, string> {
  if (o.flavour !== 'xhtml') return {};
  return role ? { 'epub:type': type, role } : { 'epub:type': type };
}

/** A speaker label's text, with the index anchors the automatic index put in it (路透社 of 路透社记者). */
function labelText(node: Speaker): (string | Element)[] {
  const out: (string | Element)[] = [];
  let at = 0;
  for (const a of node.anchors ?? []) {
    if (a.start > at) out.push(node.label.slice(at, a.start));
    out.push(h('span', { id: a.id, className: ['topic'] }, node.label.slice(a.start, a.end)));
    at = a.end;
  }
  if (at < node.label.length || !out.length) out.push(node.label.slice(at));
  return out;
}

export const handlers = {
  title: ((node: Title, o) => [h('h1', { id: 'body-h', className: ['transcript-title'] }, inline(node.children, o))]) as Handler<Title>,
  dateline: ((node: Dateline, o) => [h('p', { id: node.id, className: ['dateline'] }, inline(node.children, o))]) as Handler<Dateline>,
  paragraph: ((node: Paragraph, o) => {
    const passage = o.passage?.(inlineText(node.children));
    return [h('p', { id: node.id, lang: passage?.lang }, inline(node.children, passage ? inPassage(o, passage) : o))];
  }) as Handler<Paragraph>,
  // The speaker label is a name, not emphasis: `b` keeps print's look, the class and (EPUB) the
  // Z39.98 `persona` semantic say who speaks, and `speaker-name` holds just the name.
  speaker: ((node: Speaker, o) => [h('b', { className: ['speaker', `speaker-${node.role}`], ...epubType(o, 'z3998:persona') },
    [h('span', { className: ['speaker-name'] }, labelText(node)), o.labels.labelEnd.trimEnd()]), ...(/\s$/.test(o.labels.labelEnd) ? [' '] : [])]) as Handler<Speaker>,
  // A turn is a labelled group ("question" / "answer" in the book's language), so a screen reader announces question vs answer
  // even when the reading system drops the stylesheet.
  turn: ((node: Turn, o) => {
    const [first, ...rest] = node.children;
    // An implicit speaker (an unlabelled opening announcement) prints no label.
    const label = node.speaker.implicit ? [] : handlers.speaker(node.speaker, o);
    // A turn whose first words are in a Latin-script language (a question asked in English) marks them after its label.
    const passage = first && o.passage?.(inlineText(first.children));
    const words = first ? (passage ? [h('span', { lang: passage.lang }, inline(first.children, inPassage(o, passage)))] : inline(first.children, o)) : [];
    const opening = first ? [h('p', { id: first.id }, [...label, ...words])] : [];
    return [h('div', { className: ['turn', `turn-${node.kind}`], role: 'group', 'aria-label': o.labels[node.kind] },
      [...opening, ...rest.flatMap((p) => handlers.paragraph(p, o))])];
  }) as Handler<Turn>,
  section: ((node: Section, o) => [h('section', { id: node.id, className: ['qa', `qa-${node.role}`], 'aria-labelledby': `${node.id}-h`, ...epubType(o, 'chapter', 'doc-chapter') }, [
    h('h2', { id: `${node.id}-h` }, node.heading),
    ...node.children.flatMap((t) => handlers.turn(t, o)),
    ...renderNotes(node.id, o),
  ])]) as Handler<Section>,
  // A volume's part (volume.ts): a section of its own with the part's heading, then the part's blocks.
  container: ((node: Container, o) => {
    if (node.name === 'part') {
      return [h('section', { className: ['part'], ...node.attributes, ...epubType(o, 'part', 'doc-part') }, node.children.flatMap((c) => renderBlock(c, o)))];
    }
    if (node.name === 'part-title') {
      // The part's date and title (two paragraphs of the model) as one heading.
      return [h('h1', { className: ['part-title'], ...node.attributes }, node.children.flatMap((c, i) =>
        c.type === 'paragraph' ? [h('span', { className: [i === 0 ? 'part-date' : 'part-name'] }, inline(c.children, o)), ...(i === 0 ? [' '] : [])] : []))];
    }
    return [h('div', { className: [node.name], ...node.attributes }, node.children.flatMap((c) => renderBlock(c, o)))];
  }) as Handler<Container>,
  // Editor-written Markdown (scripts/markdown/): a heading sits one level below its matter's title.
  heading: ((node: Heading, o) => [h(`h${node.depth + 1}`, { id: node.id }, inline(node.children, o))]) as Handler<Heading>,
  list: ((node: List, o) => [h(node.ordered ? 'ol' : 'ul', node.ordered && node.start !== undefined && node.start !== 1 ? { start: node.start } : {},
    node.children.map((item) => h('li', item.children.flatMap((c) => renderBlock(c, o)))))]) as Handler<List>,
  blockquote: ((node: Blockquote, o) => [h('blockquote', node.children.flatMap((c) => renderBlock(c, o)))]) as Handler<Blockquote>,
  matter: ((node: Matter, o) => [h('section', { id: node.id, className: ['matter', `matter-${node.place}`, `matter-${node.kind}`], 'aria-labelledby': `${node.id}-h`,
    ...epubType(o, node.kind, `doc-${node.kind}`) }, [
    h('h1', { id: `${node.id}-h` }, node.title),
    ...node.children.flatMap((c) => renderBlock(c, o)),
  ])]) as Handler<Matter>,
  note: ((node: Note, o) => renderNotes(node.section, { ...o, notes: [node] })) as Handler<Note>,
};

export function renderBlock(node: Block, options: RenderOptions): ElementContent[] {
  return (handlers[node.type] as Handler<Block>)(node, options);
}

/** The body: the dateline, loose paragraphs and the sections (the title goes to the front matter).
 * Notes called from before the first section follow the last block before it. */
export function renderBodyTree(tree: Transcript, options: RenderOptions): Root {
  const blocks = tree.children.filter((c) => c.type !== 'title');
  const first = blocks.findIndex((c) => c.type === 'section');
  const at = first < 0 ? blocks.length : first;
  const lead = blocks.slice(0, at).flatMap((c) => renderBlock(c, options));
  return { type: 'root', children: [
    ...lead,
    ...renderNotes(null, options),
    ...blocks.slice(at).flatMap((c) => renderBlock(c, options)),
  ] };
}

export function toMarkup(tree: Root | Element | ElementContent[], flavour: RenderOptions['flavour']): string {
  const root: Root = Array.isArray(tree) ? { type: 'root', children: tree } : tree.type === 'root' ? tree : { type: 'root', children: [tree] };
  if (flavour !== 'xhtml') return toHtml(root, {});
  // XHTML is XML: serialised as XML (hast-util-to-html escapes neither `<` in attribute values, as in a
  // Markdown link to mailto:a@b.c?subject=<x>, nor `>` in text, so `]]>` would end well-formedness).
  // The fragment goes into a document that declares the XHTML namespace: no xmlns on its elements.
  const xast = toXast(root, { space: 'html' });
  if (xast.type === 'root') for (const c of xast.children) if (c.type === 'element') delete c.attributes.xmlns;
  return serializeXml(xast);
}

export function renderBody(tree: Transcript, options: RenderOptions): string {
  return toMarkup(renderBodyTree(tree, options), options.flavour);
}
