// Matching: wraps every occurrence of a topic's term or alias in a TopicRef node, so each has an
// anchor the PDF can resolve to a page and the EPUB can link to. A plain function over the tree
// (STYLE.md §6): no file system, no browser.
import type { Topic } from '../config/schema.ts';
import type { Inline, Node, Position, Text, TopicRef, Transcript } from '../model/types.ts';
import { pointAt, walk } from '../model/walk.ts';
import { diagnostic, type Diagnostic, type Where } from '../core/diagnostics.ts';
import { buildIndexModel, flattenTopics, type FlatTopic, type IndexModel, type Occurrence } from './model.ts';

export interface MarkResult {
  index: IndexModel;
  diagnostics: Diagnostic[];
}

/** Where each topic is written in book.yaml, keyed by its path (`topics.3.sub.1`); see topicPositions(). */
export type TopicPositions = Map<string, Where>;

interface Pattern {
  flat: FlatTopic;
  literal?: string;
  regex?: RegExp;
}

interface Hit {
  start: number;
  end: number;
  flat: FlatTopic;
  /** Order of the pattern in book.yaml: the last tie-breaker, so results never depend on sort stability. */
  order: number;
}

/** `/…/flags` is a regular expression; anything else is literal text. */
const REGEX_ALIAS = /^\/(.+)\/([a-z]*)$/s;

/**
 * Marks every occurrence of every topic in the paragraphs and the dateline (never the title, speaker
 * labels or section headings, which are not the speaker's words or are not in the body), and returns
 * the index model. Where matches overlap, the longest wins (中美关系 over 中美), then the earliest.
 * A `see` entry is a pure cross-reference: it is not matched and has no page numbers.
 */
export function markTopics(tree: Transcript, topics: Topic[], file: string, positions: TopicPositions = new Map()): MarkResult {
  const diagnostics: Diagnostic[] = [];
  const flat = flattenTopics(topics);
  const patterns: Pattern[] = [];
  for (const f of flat) {
    if (f.topic.see) continue;
    patterns.push({ flat: f, literal: f.topic.term });
    (f.topic.aliases ?? []).forEach((alias, i) => {
      const m = REGEX_ALIAS.exec(alias);
      if (!m) return void patterns.push({ flat: f, literal: alias });
      try {
        // 'g' to find every match, 'u' so a class like [\u4e00-\u9fff] means characters, not halves.
        patterns.push({ flat: f, regex: new RegExp(m[1], [...new Set(`${m[2]}gu`)].join('')) });
      } catch (err) {
        const where = positions.get(`${f.path}.aliases.${i}`) ?? positions.get(f.path) ?? {};
        diagnostics.push(diagnostic('TP011', { field: `${f.path}.aliases.${i}`, reason: `is not a valid regular expression (${(err as Error).message})`,
          fix: 'write a JavaScript regular expression between slashes, e.g. /中美(?:关系)?/, or drop the slashes for literal text' }, { file, ...where }));
      }
    });
  }

  const anchors = new Map<FlatTopic, string[]>();
  const occurrences: Occurrence[] = [];
  walk(tree, (node: Node) => {
    if (node.type === 'title' || node.type === 'speaker') return false;
    if (node.type !== 'paragraph' && node.type !== 'dateline') return;
    node.children = node.children.flatMap((child) => child.type === 'text'
      ? splitText(child, findHits(child.value, patterns), (hit, text) => {
        const list = anchors.get(hit.flat) ?? [];
        anchors.set(hit.flat, list);
        list.push(`t${hit.flat.number}-${list.length + 1}`);
        const id = list[list.length - 1];
        occurrences.push({ id, entry: hit.flat.entryId, term: hit.flat.topic.term, text, block: node.id });
        return id;
      }, tree.data?.lineStarts)
      : [child]);
    return false;
  });

  for (const f of flat) {
    if (f.topic.see || anchors.has(f)) continue;
    diagnostics.push(diagnostic('TP012', { term: f.topic.term }, { file, ...positions.get(f.path) }));
  }
  // A cross-reference to nothing would print "见 X" with X nowhere in the index: a dead end for the reader.
  const terms = new Set(flat.map((f) => f.topic.term));
  for (const f of flat) {
    const refs = [...(f.topic.see ? [{ target: f.topic.see, kind: 'see' }] : []), ...(f.topic.seeAlso ?? []).map((t) => ({ target: t, kind: 'seeAlso' }))];
    for (const r of refs) if (!terms.has(r.target)) diagnostics.push(diagnostic('TP015', { term: f.topic.term, ...r }, { file, ...positions.get(f.path) }));
  }
  return { index: buildIndexModel(flat, anchors, occurrences), diagnostics };
}

/** All non-overlapping hits in a text: longest first, then earliest, then book.yaml order. */
export function findHits(text: string, patterns: Pattern[]): Hit[] {
  const candidates: Hit[] = [];
  patterns.forEach((p, order) => {
    if (p.literal !== undefined) {
      for (let i = text.indexOf(p.literal); i >= 0; i = text.indexOf(p.literal, i + 1)) {
        candidates.push({ start: i, end: i + p.literal.length, flat: p.flat, order });
      }
    } else if (p.regex) {
      p.regex.lastIndex = 0;
      for (const m of text.matchAll(p.regex)) {
        if (m[0].length === 0) continue; // an empty match marks nothing
        candidates.push({ start: m.index!, end: m.index! + m[0].length, flat: p.flat, order });
      }
    }
  });
  candidates.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const taken: Hit[] = [];
  for (const c of candidates) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Splits a text node around the hits; `anchor` numbers each hit (in text order). */
function splitText(node: Text, hits: Hit[], anchor: (hit: Hit, text: string) => string, lineStarts?: readonly number[]): Inline[] {
  if (hits.length === 0) return [node];
  const at = positionSlicer(node, lineStarts);
  const text = (from: number, to: number): Text => {
    const position = at(from, to);
    const origin = node.data?.origin?.slice(from, to);
    return { type: 'text', value: node.value.slice(from, to), ...(position ? { position } : {}), ...(origin ? { data: { origin } } : {}) };
  };
  const out: Inline[] = [];
  let pos = 0;
  for (const hit of hits) {
    if (hit.start > pos) out.push(text(pos, hit.start));
    const value = node.value.slice(hit.start, hit.end);
    const ref: TopicRef = { type: 'topicRef', topic: hit.flat.topic.term, id: anchor(hit, value), children: [text(hit.start, hit.end)] };
    const position = at(hit.start, hit.end);
    if (position) ref.position = position;
    out.push(ref);
    pos = hit.end;
  }
  if (pos < node.value.length) out.push(text(pos, node.value.length));
  return out;
}

/**
 * Positions of slices of a text node, exact to the character: each character's source offset is in
 * the node's origin map (the reader keeps it through every edit), turned into line:column with the
 * tree's line starts. A node without them (made by hand) gives the whole node's position.
 */
export function positionSlicer(node: Text, lineStarts?: readonly number[]): (start: number, end: number) => Position | undefined {
  const origin = node.data?.origin;
  if (origin && lineStarts && origin.length === node.value.length) {
    return (start, end) => (end > start ? {
      start: pointAt(lineStarts, origin[start]!),
      end: pointAt(lineStarts, origin[end - 1]! + 1),
    } : undefined);
  }
  const p = node.position;
  if (!p) return () => undefined;
  return () => ({ start: { ...p.start }, end: { ...p.end } });
}
