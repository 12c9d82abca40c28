// jieba's frequency dictionary (349,000 entries) as a compact table that loads without parsing:
// the words in one UTF-16 string, their frequencies, tags and an open-addressing hash index, all in
// typed arrays. Parsing the text into a Map took 1–5 s at every start; the table is made once from the
// text and kept in a cache file keyed by the dictionary's content hash (written atomically), so later
// processes only read ~10 MB and build nothing. The words stay UTF-16 code units in a typed array (no
// string is decoded from the file), and a stamp beside the cache (wordTableOfFile) remembers which
// content hash the dictionary file had at its size, time and inode, so a start does not read and hash
// the 5 MB dictionary to find its table.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../render/templates.ts';
import { writeCacheFile } from '../core/files.ts';

/** Where the table is cached (beside other tools' caches, removed with node_modules). */
export const CACHE_DIR = join(projectRoot, 'node_modules', '.cache', 'transcript-press');

const requireHere = createRequire(import.meta.url);

/**
 * A file made from packages and kept in the cache, named for their files (path, size and time, and the
 * content of a small one such as package.json: another version or install makes it again); a cache
 * that cannot be written only costs the making. Shared by the tables made from en-lexicon and opencc-js.
 */
export function cachedFromPackages(name: string, ext: string, files: string[], make: () => string): string {
  const hash = createHash('sha256');
  for (const path of files.map((f) => requireHere.resolve(f))) {
    const st = statSync(path);
    hash.update(`${path}\u0000${st.size}\u0000${st.mtimeMs}\u0000`);
    if (st.size < 65_536) hash.update(readFileSync(path));
  }
  const file = join(CACHE_DIR, `${name}-${hash.digest('hex').slice(0, 16)}.${ext}`);
  try { return readFileSync(file, 'utf8'); } catch { /* not made yet */ }
  const made = make();
  writeCacheFile(file, made);
  return made;
}
const MAGIC = 0x54504c31; // "TPL1" (the words as UTF-16LE code units)

export interface WordTable {
  /** Frequency of `word` in the dictionary (its last entry, as a Map would keep), or 0. */
  freq(word: string): number;
  /** freq of text[start, end) without making the substring (the segmenter asks about every span). */
  freqIn(text: string, start: number, end: number): number;
  /** freqIn(text, start, j) for j = start + 1 … end, into out[0 … end - start - 1]. */
  freqsFrom(text: string, start: number, end: number, out: Uint32Array): void;
  tag(word: string): string | undefined;
  /** Sum of all entries' frequencies (duplicates counted, as jieba does). */
  readonly total: number;
  /** Longest word, in UTF-16 units. */
  readonly maxLength: number;
}

function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Table implements WordTable {
  constructor(
    private readonly keys: Uint16Array, private readonly offsets: Uint32Array, private readonly freqs: Uint32Array,
    private readonly tagIds: Uint8Array, private readonly tagNames: string[], private readonly slots: Int32Array,
    readonly total: number, readonly maxLength: number,
  ) {}

  private find(word: string, from = 0, to = word.length): number {
    const mask = this.slots.length - 1;
    const n = to - from;
    for (let at = hashOf(word, from, to) & mask; ; at = (at + 1) & mask) {
      const e = this.slots[at]! - 1;
      if (e < 0) return -1;
      const a = this.offsets[e]!;
      if (this.offsets[e + 1]! - a === n && this.wordAt(word, from, a, n)) return e;
    }
  }

  private wordAt(word: string, from: number, a: number, n: number): boolean {
    for (let i = 0; i < n; i++) if (this.keys[a + i] !== word.charCodeAt(from + i)) return false;
    return true;
  }

  freq(word: string): number {
    const e = this.find(word);
    return e < 0 ? 0 : this.freqs[e]!;
  }

  freqIn(text: string, start: number, end: number): number {
    const e = this.find(text, start, end);
    return e < 0 ? 0 : this.freqs[e]!;
  }

  freqsFrom(text: string, start: number, end: number, out: Uint32Array): void {
    // FNV-1a extends one unit at a time: each longer span's hash from the one before.
    const mask = this.slots.length - 1;
    let h = 0x811c9dc5;
    for (let j = start + 1; j <= end; j++) {
      h = Math.imul(h ^ text.charCodeAt(j - 1), 0x01000193);
      const n = j - start;
      let f = 0;
      for (let at = (h >>> 0) & mask; ; at = (at + 1) & mask) {
        const e = this.slots[at]! - 1;
        if (e < 0) break;
        const a = this.offsets[e]!;
        if (this.offsets[e + 1]! - a === n && this.wordAt(text, start, a, n)) { f = this.freqs[e]!; break; }
      }
      out[n - 1] = f;
    }
  }

  tag(word: string): string | undefined {
    const e = this.find(word);
    return e < 0 || this.tagIds[e] === 0 ? undefined : this.tagNames[this.tagIds[e]! - 1];
  }

  /** The table as bytes: a header, the tag names (JSON), then each array, 4-byte aligned. */
  toBytes(): Buffer {
    const names = Buffer.from(JSON.stringify(this.tagNames), 'utf8');
    const keys = Buffer.from(this.keys.buffer, this.keys.byteOffset, this.keys.byteLength);
    const head = new Uint32Array([MAGIC, this.offsets.length - 1, this.slots.length, keys.length, names.length, this.maxLength]);
    const total = new Float64Array([this.total]);
    const pad = (b: Buffer) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);
    return Buffer.concat([Buffer.from(head.buffer), Buffer.from(total.buffer), pad(names), pad(keys),
      Buffer.from(this.offsets.buffer), Buffer.from(this.freqs.buffer), Buffer.from(this.slots.buffer), pad(Buffer.from(this.tagIds))]);
  }
}

/** Parses jieba's `word freq [tag]` lines into a table (what the cache holds). */
export function tableFromText(dictionary: string): WordTable & { toBytes(): Buffer } {
  const index = new Map<string, number>();
  const words: string[] = [], freqs: number[] = [], tags: number[] = [];
  const tagNames: string[] = [], tagIndex = new Map<string, number>();
  let total = 0, maxLength = 1;
  for (const line of dictionary.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp <= 0) continue;
    const word = line.slice(0, sp);
    const rest = line.slice(sp + 1);
    const freq = parseInt(rest, 10);
    if (!(freq > 0)) continue;
    total += freq;
    if (word.length > maxLength) maxLength = word.length;
    const tag = rest.includes(' ') ? rest.slice(rest.indexOf(' ') + 1).trim() : '';
    let tagId = 0;
    if (tag) {
      if (!tagIndex.has(tag)) { tagNames.push(tag); tagIndex.set(tag, tagNames.length); }
      tagId = tagIndex.get(tag)!;
    }
    const seen = index.get(word);
    if (seen === undefined) { index.set(word, words.length); words.push(word); freqs.push(freq); tags.push(tagId); }
    else { freqs[seen] = freq; if (tagId) tags[seen] = tagId; }
  }
  if (tagNames.length > 255) throw new Error('word table: more than 255 tags');
  const offsets = new Uint32Array(words.length + 1);
  for (let i = 0; i < words.length; i++) offsets[i + 1] = offsets[i]! + words[i]!.length;
  const joined = words.join('');
  const keys = new Uint16Array(joined.length);
  for (let i = 0; i < joined.length; i++) keys[i] = joined.charCodeAt(i);
  let size = 1;
  while (size < words.length * 2) size *= 2;
  const slots = new Int32Array(size);
  for (let e = 0; e < words.length; e++) {
    let at = hashOf(joined, offsets[e]!, offsets[e + 1]!) & (size - 1);
    while (slots[at] !== 0) at = (at + 1) & (size - 1);
    slots[at] = e + 1;
  }
  return new Table(keys, offsets, Uint32Array.from(freqs), Uint8Array.from(tags), tagNames, slots, total, maxLength);
}

/** Reads a table written by toBytes (views on the file's bytes; nothing is parsed but the tag names). */
export function tableFromBytes(bytes: Buffer): WordTable {
  // Typed arrays need aligned offsets: copy unless the buffer starts on an 8-byte boundary.
  const buf = bytes.byteOffset % 8 ? Buffer.from(bytes) : bytes;
  const head = new Uint32Array(buf.buffer, buf.byteOffset, 6);
  if (head[0] !== MAGIC) throw new Error('word table: not a table');
  const [, count, size, keyBytes, nameBytes, maxLength] = head as unknown as number[];
  const total = new Float64Array(buf.buffer, buf.byteOffset + 24, 1)[0]!;
  const up4 = (n: number) => n + ((4 - (n % 4)) % 4);
  let at = 32;
  const tagNames = JSON.parse(buf.toString('utf8', at, at + nameBytes!)) as string[];
  at += up4(nameBytes!);
  const keys = new Uint16Array(buf.buffer, buf.byteOffset + at, keyBytes! / 2);
  at += up4(keyBytes!);
  const offsets = new Uint32Array(buf.buffer, buf.byteOffset + at, count! + 1); at += (count! + 1) * 4;
  const freqs = new Uint32Array(buf.buffer, buf.byteOffset + at, count!); at += count! * 4;
  const slots = new Int32Array(buf.buffer, buf.byteOffset + at, size!); at += size! * 4;
  const tagIds = new Uint8Array(buf.buffer, buf.byteOffset + at, count!);
  if (at + count! > buf.length) throw new Error('word table: truncated');
  return new Table(keys, offsets, freqs, tagIds, tagNames, slots, total, maxLength!);
}

/**
 * The table for `dictionary` (bytes of jieba's dict.txt): from the cache when a file for this content
 * hash is there, else parsed and cached. A cache that cannot be written (read-only install) only
 * costs the parse.
 */
export function wordTable(dictionary: Buffer, cacheDir = CACHE_DIR): WordTable {
  return tableForKey(contentKey(dictionary), () => dictionary, cacheDir);
}

const contentKey = (dictionary: Buffer) => createHash('sha256').update(dictionary).digest('hex').slice(0, 20);

/**
 * The table for the dictionary file at `path`, as wordTable, without reading the file when the stamp
 * (words-stamp.json: its path, size, modification time and inode, and the content hash they had) still
 * describes it. Any change of the file changes one of them, and the content is hashed again.
 */
export function wordTableOfFile(path: string, cacheDir = CACHE_DIR): WordTable {
  const st = statSync(path);
  const where = `${path}\u0000${st.size}\u0000${st.mtimeMs}\u0000${st.ino}`;
  const stampFile = join(cacheDir, 'words-stamp.json');
  let stamp: { where?: string; key?: string } = {};
  try { stamp = JSON.parse(readFileSync(stampFile, 'utf8')); } catch { /* none yet */ }
  if (stamp.where === where && typeof stamp.key === 'string' && /^[0-9a-f]{20}$/.test(stamp.key)) {
    return tableForKey(stamp.key, () => readFileSync(path), cacheDir);
  }
  const bytes = readFileSync(path);
  const key = contentKey(bytes);
  const table = tableForKey(key, () => bytes, cacheDir);
  writeCacheFile(stampFile, JSON.stringify({ where, key }) + '\n');
  return table;
}

function tableForKey(key: string, dictionary: () => Buffer, cacheDir: string): WordTable {
  const file = join(cacheDir, `words-${key}.bin`);
  try {
    return tableFromBytes(readFileSync(file));
  } catch { /* not cached yet, or unreadable: make it */ }
  const table = tableFromText(dictionary().toString('utf8'));
  // Read-only: keep the parsed table.
  writeCacheFile(file, table.toBytes());
  return table;
}
