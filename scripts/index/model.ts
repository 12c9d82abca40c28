// The index as data (STYLE.md §1): matching fills it, the print and EPUB renderers only read it.
// Sorting lives here because both editions must list entries in the same order.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Topic } from '../config/schema.ts';
import { writeCacheFile } from '../core/files.ts';
import { projectRoot } from '../core/root.ts';

export interface IndexEntry {
  /** Stable ASCII id of the entry inside the index (`ix3`, `ix3-1` for a sub-entry): targets of see / see also links. */
  id: string;
  /** The heading as printed (`topics[].term`). */
  term: string;
  /** The pinyin key it is sorted by: the book's `sort` override or pinyin-pro's reading. */
  sortKey: string;
  /** Anchor ids (`t12-3`) of its occurrences, in document order. */
  anchors: string[];
  /** "See X": a pure cross-reference; such an entry has no anchors of its own. */
  see?: IndexXref;
  seeAlso: IndexXref[];
  sub: IndexEntry[];
}

/** A cross-reference: the term as written, and the entry id it resolves to (absent when it names no topic). */
export interface IndexXref {
  term: string;
  target?: string;
}

export interface IndexGroup {
  /** `A`–`Z`, or `#` for entries that start with a digit or symbol. */
  letter: string;
  entries: IndexEntry[];
}

export interface Occurrence {
  id: string;
  /** The entry the occurrence belongs to. */
  entry: string;
  /** The topic's term (sub-entries: their own term). */
  term: string;
  /** The text that matched (the term, an alias, or what a /regex/ alias matched). */
  text: string;
  /** The paragraph (or dateline) id the occurrence is in. */
  block: string;
}

export interface IndexModel {
  groups: IndexGroup[];
  /** Every anchor in document order: what a test needs to check a page really holds the word. */
  occurrences: Occurrence[];
}

const collator = new Intl.Collator('zh-Hans-u-co-pinyin');

/**
 * The sort key of a term: its syllables, space-separated. Intl.Collator alone reads 长城 as "zhang…"
 * (ICU's pinyin order takes each character's most frequent reading); pinyin-pro reads words in
 * context, and the editor's `sort` settles what both get wrong. Syllables are kept apart because
 * Chinese indexes sort character by character: 巴以 (ba yi) before 拜登 (bai deng) before 保护 (bao hu),
 * which comparing "bayi" with "baideng" as one word would get wrong.
 */
export function sortKey(term: string, override?: string): string {
  // A term in Latin letters is keyed by its override as written, letters and digits only (an English person by
  // surname: Cockayne James), as its own reading is (see reading: one chunk, not syllables).
  if (override !== undefined && !/\p{Script=Han}/u.test(term)) return override.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
  const syllables = override !== undefined
    ? override.toLowerCase().replace(/ü|u\u0308/g, 'v').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[\s'’-]+/).flatMap(splitSyllables)
    : reading(term).map((s) => s.toLowerCase());
  return syllables.map((s) => s.replace(/[^a-z0-9]/g, '')).filter(Boolean).join(' ');
}

/**
 * pinyin-pro's reading of a term, kept between runs in a cache file named by pinyin-pro's version: its
 * first reading of a process builds an automaton of its whole phrase dictionary (a third of a second
 * of an EPUB build), which a book whose terms were all read before never needs. The reading depends
 * only on the term and the version, so a cached one is the one pinyin-pro gives.
 */
function reading(term: string, surname = false): string[] {
  const cache = (readings ??= loadReadings());
  // A surname reading is kept under its own key: `\u0000` opens no term.
  const key = surname ? `\u0000${term}` : term;
  cache.used.add(key);
  let r = cache.map.get(key);
  if (!r) {
    r = pinyinPro().pinyin(term, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive', surname: surname ? 'head' : 'off' });
    cache.map.set(key, r);
    cache.added = true;
  }
  return r;
}

/**
 * The sort of a Chinese person's name when its first character reads otherwise as a surname: a
 * dictionary reads 曾 as céng (曾经) and 单 as dān, an index of names files 曾鈺成 under Z (zēng) and
 * 单霁翔 under S (shàn), as a reader looks them up (pinyin-pro's surname mode). Undefined when both
 * readings agree, so a name sorts by its plain reading and `index suggest` writes no `sort:` for it.
 */
export function surnameSort(term: string): string | undefined {
  const named = reading(term, true).join(' ');
  return named !== reading(term).join(' ') ? named : undefined;
}

/** pinyin-pro, loaded when a term is not in the cache: its dictionaries cost some 30 ms to set up at every
 * start that imports it, and a book whose terms were all read before never calls it. */
let pinyinModule: typeof import('pinyin-pro') | null = null;
const pinyinPro = () => (pinyinModule ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro'));

/** Most readings the cache file keeps (past it, only the last run's terms are written). */
const READINGS_KEPT = 20_000;
let readings: { file: string; map: Map<string, string[]>; used: Set<string>; added: boolean } | null = null;

function loadReadings() {
  const version = (createRequire(import.meta.url)('pinyin-pro/package.json') as { version: string }).version;
  const file = join(projectRoot, 'node_modules', '.cache', 'transcript-press', `pinyin-${version}.json`);
  const map = new Map<string, string[]>();
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [term, r] of Object.entries(data)) if (Array.isArray(r) && r.every((x) => typeof x === 'string')) map.set(term, r as string[]);
  } catch { /* none yet, or unreadable: read afresh */ }
  return { file, map, used: new Set<string>(), added: false };
}

/** Writes the readings made since the last save (atomically; a cache that cannot be written costs only time). */
function saveReadings(): void {
  if (!readings?.added) return;
  const kept = readings.map.size > READINGS_KEPT ? [...readings.map].filter(([t]) => readings!.used.has(t)) : [...readings.map];
  writeCacheFile(readings.file, JSON.stringify(Object.fromEntries(kept)));
  readings.added = false;
}

// One pinyin syllable: initial (optional) + final, longest final first. Lets an editor write
// `sort: changcheng` and still get character-by-character order; spaces, when written, are kept as is.
const SYLLABLE = /(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)(?![aeiouv])|[^a-z]+|[a-z]/gy;

function splitSyllables(word: string): string[] {
  return word.match(SYLLABLE) ?? [word];
}

/** Orders entries by pinyin key; equal keys (homophones) fall back to the collator, then code points. */
export function compareEntries(a: Pick<IndexEntry, 'sortKey' | 'term'>, b: Pick<IndexEntry, 'sortKey' | 'term'>): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return collator.compare(a.term, b.term) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

export function initialOf(key: string): string {
  const c = key.charAt(0).toUpperCase();
  return c >= 'A' && c <= 'Z' ? c : '#';
}

/** A topic flattened with its place in book.yaml and its entry id. */
export interface FlatTopic {
  topic: Topic;
  /** `topics.3.sub.1`: the path zod and the positions map use. */
  path: string;
  /** 1-based number in depth-first order: the `12` of anchor `t12-3`. */
  number: number;
  entryId: string;
  parent?: FlatTopic;
}

export function flattenTopics(topics: Topic[]): FlatTopic[] {
  const out: FlatTopic[] = [];
  const visit = (list: Topic[], prefix: string, idPrefix: string, parent?: FlatTopic) => list.forEach((topic, i) => {
    const flat: FlatTopic = { topic, path: `${prefix}.${i}`, number: out.length + 1, entryId: `${idPrefix}${i + 1}`, parent };
    out.push(flat);
    visit(topic.sub ?? [], `${flat.path}.sub`, `${flat.entryId}-`, flat);
  });
  visit(topics, 'topics', 'ix');
  return out;
}

/** Builds the sorted, grouped model from the topics and the anchors matching found for each. */
export function buildIndexModel(flat: FlatTopic[], anchors: Map<FlatTopic, string[]>, occurrences: Occurrence[]): IndexModel {
  // Cross-references name a term; a top-level term wins over a sub-entry of the same wording.
  const byTerm = new Map<string, string>();
  for (const f of [...flat].sort((a, b) => Number(!!a.parent) - Number(!!b.parent))) if (!byTerm.has(f.topic.term)) byTerm.set(f.topic.term, f.entryId);
  const xref = (term: string): IndexXref => ({ term, target: byTerm.get(term) });
  const entries = new Map<FlatTopic, IndexEntry>();
  for (const f of flat) {
    entries.set(f, {
      id: f.entryId, term: f.topic.term, sortKey: sortKey(f.topic.term, f.topic.sort),
      anchors: anchors.get(f) ?? [],
      see: f.topic.see ? xref(f.topic.see) : undefined,
      seeAlso: (f.topic.seeAlso ?? []).map(xref),
      sub: [],
    });
  }
  saveReadings();
  const top: IndexEntry[] = [];
  for (const f of flat) (f.parent ? entries.get(f.parent)!.sub : top).push(entries.get(f)!);
  const sortDeep = (list: IndexEntry[]) => { list.sort(compareEntries); list.forEach((e) => sortDeep(e.sub)); };
  sortDeep(top);
  const groups: IndexGroup[] = [];
  for (const entry of top) {
    const letter = initialOf(entry.sortKey);
    const last = groups[groups.length - 1];
    if (last && last.letter === letter) last.entries.push(entry);
    else groups.push({ letter, entries: [entry] });
  }
  // '#' (digits, symbols) sorts first by key already; keep it there, as most indexes do.
  return { groups, occurrences };
}

/** Every entry, depth-first in printed order. */
export function allEntries(index: IndexModel): IndexEntry[] {
  const out: IndexEntry[] = [];
  const visit = (e: IndexEntry) => { out.push(e); e.sub.forEach(visit); };
  index.groups.forEach((g) => g.entries.forEach(visit));
  return out;
}
