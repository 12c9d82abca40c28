// Matching: wraps every occurrence of a topic's term or alias in a TopicRef node, so each has an
// anchor the PDF can resolve to a page and the EPUB can link to. A plain function over the tree
// (STYLE.md §6): no file system, no browser.
import type { RE2JS } from 're2js';
import { re2 } from '../core/re2.ts';
import type { Topic } from '../config/schema.ts';
import type { Inline, Node, Position, Text, TopicRef, Transcript } from '../model/types.ts';
import { pointAt, walk } from '../model/walk.ts';
import { diagnostic, type Diagnostic, type Where } from '../core/diagnostics.ts';
import { labelOrganisation } from './zh.ts';
import { labelOutlet, labelSeatAndParty } from './en.ts';
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
  /** A user's regular expression, compiled for RE2 (linear time: no alias can hang the build). */
  regex?: Alias;
}

/** A compiled alias: RE2 for the pattern, plus a trailing lookahead RE2 lacks, checked after each match. */
export interface Alias {
  re: RE2JS;
  /** `(?=B)` at the end: the pattern was compiled as `A(B)` and a match ends where B begins. */
  ahead?: 'positive';
  /** `(?!B)` at the end: a match of A is kept only if B does not match where it ends. */
  notAhead?: RE2JS;
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
 * Marks every occurrence of every topic in the paragraphs and the dateline (never the title or section
 * headings; speaker labels for automatic entries only: a label prints the outlet or the member who
 * speaks, 路透社记者, 柯委員建銘, and curated topics keep to the body as written), and returns
 * the index model. Where matches overlap, the longest wins (中美关系 over 中美), then the earliest.
 * A `see` entry is a pure cross-reference: it is not matched and has no page numbers.
 */
export interface MarkOptions {
  /** Top-level topics from this index on are automatic (index: auto | both): they were found in the
   * text, have no place in book.yaml, and one that ends up matching nothing is simply left out. */
  automaticFrom?: number;
}

export function markTopics(tree: Transcript, topicsIn: Topic[], file: string, positions: TopicPositions = new Map(), options: MarkOptions = {}): MarkResult {
  const diagnostics: Diagnostic[] = [];
  const topics = tidyTopics(topicsIn, 'topics', file, positions, diagnostics);
  const flat = flattenTopics(topics);
  const patterns = topicPatterns(flat, file, positions, diagnostics);

  const anchors = new Map<FlatTopic, string[]>();
  const occurrences: Occurrence[] = [];
  const anchorOf = (hit: Hit, text: string, block: string): string => {
    const list = anchors.get(hit.flat) ?? [];
    anchors.set(hit.flat, list);
    list.push(`t${hit.flat.number}-${list.length + 1}`);
    const id = list[list.length - 1];
    occurrences.push({ id, entry: hit.flat.entryId, term: hit.flat.topic.term, text, block });
    return id;
  };
  const automatic = (f: FlatTopic): boolean => f.parent ? automatic(f.parent) : options.automaticFrom !== undefined && Number(f.path.split('.')[1]) >= options.automaticFrom;
  // Speaker labels print names too (路透社记者, 柯委員建銘): the automatic entry of the one the label names is
  // marked there as well, no other entry (香港 of 香港电台记者 is the outlet's, not the place's page);
  // curated topics, as always, only in the body.
  const labelPatterns = patterns.filter((p) => p.literal !== undefined && automatic(p.flat));
  walk(tree, (node: Node, parent) => {
    if (node.type === 'speaker') {
      const names = labelNames(node.name, node.label, node.role === 'principal');
      const named = labelPatterns.filter((p) => [p.flat.topic.term, ...(p.flat.topic.aliases ?? [])].some((t) => names.includes(t)));
      if (!node.implicit && named.length) {
        const hits = findHits(node.label, named);
        if (hits.length) node.anchors = hits.map((hit) => ({ id: anchorOf(hit, node.label.slice(hit.start, hit.end), parent?.type === 'turn' ? parent.children[0]?.id ?? '' : ''), start: hit.start, end: hit.end }));
      }
      return false;
    }
    if (node.type === 'title') return false;
    if (node.type !== 'paragraph' && node.type !== 'dateline') return;
    node.children = node.children.flatMap((child) => child.type === 'text'
      ? splitText(child, findHits(child.value, patterns), (hit, text) => anchorOf(hit, text, node.id), tree.data?.lineStarts)
      : [child]);
    return false;
  });

  for (const f of flat) {
    if (f.topic.see || anchors.has(f) || automatic(f)) continue;
    diagnostics.push(diagnostic('TP012', { term: f.topic.term }, { file, ...positions.get(f.path) }));
  }
  // A cross-reference to nothing would print "见 X" with X nowhere in the index: a dead end for the reader.
  const terms = new Set(flat.map((f) => f.topic.term));
  for (const f of flat) {
    const refs = [...(f.topic.see ? [{ target: f.topic.see, kind: 'see' }] : []), ...(f.topic.seeAlso ?? []).map((t) => ({ target: t, kind: 'seeAlso' }))];
    for (const r of refs) if (!terms.has(r.target)) diagnostics.push(diagnostic('TP015', { term: f.topic.term, ...r }, { file, ...positions.get(f.path) }));
  }
  return { index: buildIndexModel(keptTopics(flat, anchors), anchors, occurrences), diagnostics };
}

/** What a speaker label names, as a topic's term or alias would be written: the label's name (路透社 of 路透社记者), the
 * label (柯委員建銘), its outlet or organisation, and a member's seat and party (Watson, Australian Labor Party); a
 * principal's label, only its seat and party. Worked out once per label, not once per topic. */
function labelNames(name: string, label: string, principal: boolean): string[] {
  const { seat, party } = labelSeatAndParty(label, name);
  const own = [seat, party].filter((t): t is string => t !== undefined);
  if (principal) return own;
  const org = labelOrganisation(label, name) ?? labelOutlet(label, name);
  return [name, label, ...(org ? [org] : []), ...own];
}

/** Each topic's term and aliases as patterns: literal text, or a compiled RE2 alias (a bad one diagnosed). */
function topicPatterns(flat: FlatTopic[], file: string, positions: TopicPositions, diagnostics: Diagnostic[]): Pattern[] {
  const patterns: Pattern[] = [];
  for (const f of flat) {
    if (f.topic.see) continue;
    patterns.push({ flat: f, literal: f.topic.term });
    (f.topic.aliases ?? []).forEach((alias, i) => {
      const m = REGEX_ALIAS.exec(alias);
      if (!m) return void patterns.push({ flat: f, literal: alias });
      const where = { file, ...(positions.get(`${f.path}.aliases.${i}`) ?? positions.get(f.path) ?? {}) };
      const compiled = compileAlias(m[1], m[2]);
      if ('regex' in compiled) return void patterns.push({ flat: f, regex: compiled.regex });
      diagnostics.push(compiled.invalid
        ? diagnostic('TP011', { field: `${f.path}.aliases.${i}`, reason: `is not a valid regular expression (${compiled.reason})`,
          fix: 'write a JavaScript regular expression between slashes, e.g. /中美(?:关系)?/, or drop the slashes for literal text' }, where)
        : diagnostic('TP072', { alias: alias.length > 60 ? `${alias.slice(0, 60)}…` : alias, reason: compiled.reason }, where));
    });
  }
  return patterns;
}

/**
 * A topic listed twice among its siblings (the second is dropped, TP016) and a reference from a topic
 * to itself (dropped, TP017) are diagnosed; the index is built from what remains.
 */
function tidyTopics(list: Topic[], prefix: string, file: string, positions: TopicPositions, diagnostics: Diagnostic[]): Topic[] {
  const seen = new Map<string, number>();
  const out: Topic[] = [];
  list.forEach((topic, i) => {
    const path = `${prefix}.${i}`;
    const first = seen.get(topic.term);
    if (first !== undefined) {
      diagnostics.push(diagnostic('TP016', { term: topic.term, first: `${prefix}.${first}`, second: path }, { file, ...positions.get(path) }));
      return;
    }
    seen.set(topic.term, i);
    let t: Topic = topic;
    if (t.see === t.term) {
      diagnostics.push(diagnostic('TP017', { term: t.term, kind: 'see' }, { file, ...positions.get(path) }));
      t = { ...t, see: undefined };
    }
    if (t.seeAlso?.includes(t.term)) {
      diagnostics.push(diagnostic('TP017', { term: t.term, kind: 'seeAlso' }, { file, ...positions.get(path) }));
      t = { ...t, seeAlso: t.seeAlso.filter((x) => x !== t.term) };
    }
    out.push(t.sub ? { ...t, sub: tidyTopics(t.sub, `${path}.sub`, file, positions, diagnostics) } : t);
  });
  return out;
}

/**
 * The entries the index can show: an entry with no page, no cross-reference to an entry shown and no
 * sub-entry shown would be an empty heading (and EPUB Indexes 1.0 forbids it); it is left out (its
 * TP012 warning already says why).
 */
function keptTopics(flat: FlatTopic[], anchors: Map<FlatTopic, string[]>): FlatTopic[] {
  let kept = new Set(flat);
  for (let changed = true; changed;) {
    changed = false;
    const terms = new Set([...kept].map((f) => f.topic.term));
    for (const f of [...flat].reverse()) {
      if (!kept.has(f)) continue;
      const refs = [f.topic.see, ...(f.topic.seeAlso ?? [])].filter((t): t is string => !!t && terms.has(t));
      const hasSub = flat.some((c) => c.parent === f && kept.has(c));
      if (!anchors.has(f) && refs.length === 0 && !hasSub) { kept.delete(f); changed = true; }
    }
  }
  kept = new Set(flat.filter((f) => kept.has(f) && (!f.parent || kept.has(f.parent))));
  return flat.filter((f) => kept.has(f));
}

/** JavaScript flags an alias may carry and what they mean to RE2 (g and u are implied). */
const FLAGS: Record<string, 'CASE_INSENSITIVE' | 'MULTILINE' | 'DOTALL' | null> = { i: 'CASE_INSENSITIVE', m: 'MULTILINE', s: 'DOTALL', g: null, u: null };

/** How far a negative lookahead at the end of an alias looks (characters). */
export const LOOKAHEAD_WINDOW = 256;

/**
 * Compiles a `/…/flags` alias for RE2 (re2js): matching takes time linear in the text whatever the
 * pattern, so `/(a+)+$/` cannot hang a build. Lookbehind is RE2JS's linear-time extension; a lookahead
 * at the very end (`/(?<=“)准则(?=”)/`, `/中国(?!人)/`), the common use, is checked after each match.
 * A pattern JavaScript rejects is invalid (TP011); one JavaScript accepts that RE2 cannot run in linear
 * time (backreferences, lookahead elsewhere) is unsupported (TP072).
 */
export function compileAlias(source: string, flags: string): { regex: Alias } | { invalid: boolean; reason: string } {
  try {
    // Only to tell a typo from an unsupported feature: compiling does not run the pattern.
    new RegExp(source, [...new Set(`${flags}u`)].join(''));
  } catch (err) {
    return { invalid: true, reason: (err as Error).message };
  }
  const unknown = [...flags].filter((c) => !(c in FLAGS));
  if (unknown.length) return { invalid: false, reason: `flag ${unknown.join('')} is not supported (use i, m or s)` };
  const RE2 = re2();
  const bits = [...flags].reduce((acc, c) => acc | (FLAGS[c] ? RE2[FLAGS[c]!] : 0), RE2.LOOKBEHINDS);
  const compile = (src: string) => RE2.compile(RE2.translateRegExp(src), bits);
  try {
    const tail = trailingLookahead(source);
    if (!tail) return { regex: { re: compile(source) } };
    if (tail.negative) return { regex: { re: compile(tail.body), notAhead: compile(`^(?:${tail.ahead})`) } };
    return { regex: { re: compile(`(?:${tail.body})(${tail.ahead})`), ahead: 'positive' } };
  } catch (err) {
    return { invalid: false, reason: (err as Error).message.replace(/^error parsing regexp: /, '') };
  }
}

/** `A(?=B)` / `A(?!B)` with the lookahead as the last top-level item and no top-level `|`: A and B. */
function trailingLookahead(source: string): { body: string; ahead: string; negative: boolean } | null {
  let depth = 0;
  let inClass = false;
  let lastGroup = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') { if (depth === 0) lastGroup = i; depth++; }
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
  }
  if (lastGroup < 0 || !source.endsWith(')') || !/^\(\?[=!]/.test(source.slice(lastGroup))) return null;
  // The group that starts at lastGroup must be the one that closes at the end.
  return { body: source.slice(0, lastGroup), ahead: source.slice(lastGroup + 3, -1), negative: source[lastGroup + 2] === '!' };
}

/** Every non-empty match of an alias in a text, as [start, end) in UTF-16 units. */
function aliasMatches(alias: Alias, text: string): [number, number][] {
  const out: [number, number][] = [];
  const m = alias.re.matcher(text);
  let from = 0;
  while (from <= text.length && m.find(from)) {
    const start = m.start();
    const end = alias.ahead ? m.start(m.groupCount()) : m.end();
    const kept = !alias.notAhead || !alias.notAhead.matcher(text.slice(end, end + LOOKAHEAD_WINDOW)).lookingAt();
    if (kept && end > start) out.push([start, end]); // an empty match marks nothing
    // Go on after the match (a lookahead consumes nothing); an empty match moves one place on.
    from = end > start ? end : start + 1;
  }
  return out;
}

const WORDISH = /^[\p{Script=Latin}\p{Nd}]$/u;

/** All non-overlapping hits in a text: longest first, then earliest, then book.yaml order. */
export function findHits(text: string, patterns: Pattern[]): Hit[] {
  const candidates: Hit[] = [];
  patterns.forEach((p, order) => {
    if (p.literal !== undefined) {
      for (let i = text.indexOf(p.literal); i >= 0; i = text.indexOf(p.literal, i + 1)) {
        // A term that begins or ends with a Latin letter or digit matches whole words only: EU not in EUR, Bull not in Bullet.
        const end = i + p.literal.length;
        if ((WORDISH.test(p.literal[0]!) && WORDISH.test(text[i - 1] ?? '')) || (WORDISH.test(p.literal[p.literal.length - 1]!) && WORDISH.test(text[end] ?? ''))) continue;
        candidates.push({ start: i, end, flat: p.flat, order });
      }
    } else if (p.regex) {
      for (const [start, end] of aliasMatches(p.regex, text)) candidates.push({ start, end, flat: p.flat, order });
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
