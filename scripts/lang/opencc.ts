// OpenCC (opencc-js) conversions that start quickly: building a converter's tries from its dictionaries
// (about 60,000 phrases) took half a second and most of the garbage collection of a short run. A short
// text is converted by tries holding only the entries whose source occurs in it. OpenCC converts by the
// longest entry that matches at each position, stage after stage; an entry that can match is a
// substring of that stage's input, so the result is the full converter's (test/lang-opencc.test.ts
// compares them). After enough text the full converter is built once and used from then on.
//
// opencc-js itself is loaded on first conversion: its dictionaries are 2.2 MB of script, two thirds of
// the bundle `normalize` starts with, read and deserialised at every start though Simplified or English
// text never converts a character. What every text needs of them (which characters and phrases a
// conversion can change: language detection, the quick `mayChangeUnder`) is made from them once and
// kept in a small file in the cache (cachedTable), keyed by opencc-js's script.
import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js';
import { cachedFromPackages } from '../reader/wordtable.ts';

const require = createRequire(import.meta.url);
let loaded: typeof OpenCCModule | null = null;
const openCC = () => (loaded ??= require('opencc-js') as typeof OpenCCModule);
const configOf = (config: 't2s' | 's2t') => (openCC().Locale as unknown as { configs: Record<string, Config> }).configs[config]!;

type Dict = string | [string, string][];
type Group = Dict[];
interface Config { normalizationChain?: Group[]; segmentation?: Group; conversionChain: Group[] }

/** Characters converted with small tries before the full converter is built. */
const SCOPED_BUDGET = 50_000;
/** Longest text converted with tries of its own. */
const SCOPED_CHARS = 2_000;
/** Longest text whose conversion is kept, and how many are kept (the table is emptied when full). */
const KEPT_CHARS = 64;
const KEPT_TEXTS = 20_000;

export interface Conversion { (text: string): string }

/** Traditional → Simplified (`t` → `cn`) or back, as OpenCC.Converter, fast to start. */
export function converter(config: 't2s' | 's2t'): Conversion {
  let full: Conversion | null = null;
  let budget = SCOPED_BUDGET;
  // Short texts (labels, names, clauses) are asked about again and again: each answer is kept.
  const known = new Map<string, string>();
  return (text: string) => {
    // Most passages hold no source any entry would change (Simplified text under t→cn): unchanged.
    if (!mayChangeUnder(config, text)) return text;
    if (text.length > KEPT_CHARS) return convert(text);
    let out = known.get(text);
    if (out === undefined) {
      if (known.size >= KEPT_TEXTS) known.clear();
      known.set(text, (out = convert(text)));
    }
    return out;
  };
  function convert(text: string): string {
    if (full) return full(text);
    if (text.length > SCOPED_CHARS || (budget -= text.length) < 0) {
      const whole = openCC().Converter(config === 't2s' ? { from: 't', to: 'cn' } : { from: 'cn', to: 't' });
      full = whole;
      return whole(text);
    }
    return scopedConvert(configOf(config), text);
  }
}

/**
 * The characters a configuration's one-character entries change (the normalisation of compatibility
 * ideographs included): a table of the characters that tell one script from the other, read from
 * OpenCC's own dictionaries without building a converter.
 */
export function changingCharacters(config: 't2s' | 's2t'): Set<string> {
  return cachedTable(`${config}-changing`, () => [...changingOf(configOf(config))], (list) => new Set(list));
}

/** The characters of changingCharacters, made from the configuration's dictionaries. */
export function changingOf(cfg: Config): Set<string> {
  const out = new Set<string>();
  for (const group of [...(cfg.normalizationChain ?? []), ...cfg.conversionChain]) {
    for (const dict of group) {
      // Phrase dictionaries (49,000 entries for cn→t) hold no one-character entry: only their first is looked at.
      const list = typeof dict === 'string' ? dict.split('|', 1).map((e) => e.split(' ') as [string, string]) : dict;
      if (!list.length || !oneCodePoint(list[0]![0])) continue;
      for (const [k, v] of entries(dict)) if (k !== v && oneCodePoint(k) && oneCodePoint(v)) out.add(k);
    }
  }
  return out;
}

const oneCodePoint = (s: string) => s.length > 0 && s.length === String.fromCodePoint(s.codePointAt(0)!).length;

/**
 * What can make the configuration change a text: the source of every entry that writes something
 * else, one-character sources as a set, longer ones by their first character. Entries that write
 * their source back change nothing. A text in which no such source occurs comes out of every stage
 * unchanged (the first stage leaves it as it is, so the next sees the same text), so it is its own result.
 */
export interface Telling {
  chars: Set<string>; phrases: Map<string, string[]>;
  /** Per UTF-16 unit: 1 where a one-unit string is in `chars` or begins `phrases` (a quick no for the rest). */
  units: Uint8Array;
}
export function changeable(cfg: Config): Telling {
  const out: Telling = { chars: new Set(), phrases: new Map(), units: new Uint8Array(0x10000) };
  for (const group of [...(cfg.normalizationChain ?? []), ...cfg.conversionChain]) {
    for (const dict of group) {
      for (const [k, v] of entries(dict)) {
        if (k === v || !k) continue;
        if (oneCodePoint(k)) { out.chars.add(k); continue; }
        const first = String.fromCodePoint(k.codePointAt(0)!);
        const list = out.phrases.get(first);
        if (list) list.push(k); else out.phrases.set(first, [k]);
      }
    }
  }
  for (const k of [...out.chars, ...out.phrases.keys()]) if (k.length === 1) out.units[k.charCodeAt(0)] = 1;
  return out;
}

const tellings = new Map<string, Telling>();
/** False when no entry of the configuration that changes its source occurs in `text` (then the text is its own conversion). */
export function mayChangeUnder(config: 't2s' | 's2t', text: string): boolean {
  let telling = tellings.get(config);
  if (!telling) tellings.set(config, (telling = cachedTelling(config)));
  return mayChange(text, telling);
}

/** changeable of a configuration, from the cache (its sources: the characters, then each first
 * character's phrases); the quick per-unit table is made from them. */
export function cachedTelling(config: 't2s' | 's2t'): Telling {
  const [chars, phrases] = cachedTable(`${config}-telling`, () => {
    const t = changeable(configOf(config));
    return [[...t.chars], [...t.phrases]] as [string[], [string, string[]][]];
  }, (list) => list);
  const out: Telling = { chars: new Set(chars), phrases: new Map(phrases), units: new Uint8Array(0x10000) };
  for (const k of [...out.chars, ...out.phrases.keys()]) if (k.length === 1) out.units[k.charCodeAt(0)] = 1;
  return out;
}

/**
 * A table made from opencc-js's dictionaries (`make`, given as JSON-ready data) and read back with
 * `read`: kept in the cache (cachedFromPackages, keyed by opencc-js's script). A cache file that does
 * not parse is made again in memory.
 */
function cachedTable<D, T>(name: string, make: () => D, read: (data: D) => T): T {
  const text = cachedFromPackages(`opencc-${name}`, 'json', ['opencc-js'], () => JSON.stringify(make()));
  try {
    return read(JSON.parse(text) as D);
  } catch {
    return read(make());
  }
}

function mayChange(text: string, telling: Telling): boolean {
  for (let i = 0; i < text.length; i++) {
    // A unit that is no high surrogate stands for itself: skipped at once when nothing starts with it.
    const unit = text.charCodeAt(i);
    if ((unit < 0xd800 || unit > 0xdbff) && telling.units[unit] === 0) continue;
    const cp = text.codePointAt(i)!;
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text[i]!;
    if (telling.chars.has(ch)) return true;
    const phrases = telling.phrases.get(ch);
    if (phrases) for (const k of phrases) if (text.startsWith(k, i)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** `text` converted as the configuration's converter would, by tries of the entries it can use. */
export function scopedConvert(cfg: Config, text: string): string {
  if (cfg.segmentation) throw new Error('scoped OpenCC: configurations with a segmentation stage are not supported');
  let out = text;
  for (const group of cfg.normalizationChain ?? []) out = trieFor(group, out).convert(out);
  for (const group of cfg.conversionChain) out = trieFor(group, out).convert(out);
  return out;
}

const parsed = new Map<Dict, [string, string][]>();
function entries(dict: Dict): [string, string][] {
  if (Array.isArray(dict)) return dict;
  let list = parsed.get(dict);
  if (!list) {
    list = dict.split('|').map((e) => { const sp = e.indexOf(' '); return [e.slice(0, sp), e.slice(sp + 1)] as [string, string]; });
    parsed.set(dict, list);
  }
  return list;
}

const longest = new Map<Dict, number>();
function maxKey(dict: Dict): number {
  let n = longest.get(dict);
  if (n === undefined) { n = Math.max(1, ...entries(dict).map(([k]) => k.length)); longest.set(dict, n); }
  return n;
}

/** Texts converted by filtering a dictionary's whole list before it is indexed by first character. */
const INDEX_AFTER = 8;
const uses = new Map<Dict, number>();

/** A dictionary's entries by the first character of their source, each list in the dictionary's order. */
const buckets = new Map<Dict, Map<string, [string, string][]>>();
function byFirst(dict: Dict): Map<string, [string, string][]> {
  let map = buckets.get(dict);
  if (!map) {
    map = new Map();
    for (const e of entries(dict)) {
      if (!e[0]) continue; // an empty source never matches
      const first = String.fromCodePoint(e[0].codePointAt(0)!);
      let list = map.get(first);
      if (!list) map.set(first, (list = []));
      list.push(e);
    }
    buckets.set(dict, map);
  }
  return map;
}

/**
 * A trie of the group's entries whose source is a substring of `text` (the group's order kept: earlier
 * dictionaries win). Only the entries that begin with a character of the text are looked at: entries
 * with the same source share a first character, so their order (the later one wins) is kept.
 */
function trieFor(group: Group, text: string): { convert(s: string): string } {
  const width = Math.max(...group.map(maxKey));
  const present = new Set<string>();
  for (let i = 0; i < text.length; i++) for (let n = 1; n <= width && i + n <= text.length; n++) present.add(text.slice(i, i + n));
  const firsts = new Set(text);
  const trie = new (openCC().Trie)();
  trie.loadDictGroup(group.map((d) => {
    // A few texts (a short file) filter the whole list; indexing it by first character pays after that.
    const n = (uses.get(d) ?? 0) + 1;
    uses.set(d, n);
    if (n <= INDEX_AFTER) return entries(d).filter(([k]) => present.has(k));
    const map = byFirst(d);
    const used: [string, string][] = [];
    for (const c of firsts) for (const e of map.get(c) ?? []) if (present.has(e[0])) used.push(e);
    return used;
  }));
  return trie;
}
