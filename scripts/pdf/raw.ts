// A small reader and incremental writer for the PDFs Chromium (Skia) writes: a classic cross-reference
// table, plain indirect objects, no object streams. It reads only what the writer needs (the catalog,
// the page tree, the named destinations, a page's content stream) without parsing the megabyte of
// fonts, and it finishes a file by appending an incremental update (PDF 32000-1 §7.5.6) instead of
// re-serialising every object. Anything it does not understand throws RawPdfError, and the caller
// falls back to pdf-lib.
import { inflateSync, deflateSync } from 'node:zlib';

export class RawPdfError extends Error {}

export type PdfValue = PdfNum | PdfName | PdfRef | PdfStr | PdfKeyword | PdfValue[] | PdfDict;
export interface PdfNum { t: 'num'; raw: string }
export interface PdfName { t: 'name'; name: string }
export interface PdfRef { t: 'ref'; num: number; gen: number }
/** A string kept as written (`(…)` or `<…>`), so it is copied back byte for byte. */
export interface PdfStr { t: 'str'; raw: string }
export interface PdfKeyword { t: 'kw'; word: 'true' | 'false' | 'null' }
export type PdfDict = Map<string, PdfValue>;

export const num = (n: number): PdfNum => ({ t: 'num', raw: formatNumber(n) });
export const name = (n: string): PdfName => ({ t: 'name', name: n });
export const ref = (n: number, gen = 0): PdfRef => ({ t: 'ref', num: n, gen });
/** A text string as UTF-16BE hex with a byte-order mark: safe for any title or name. */
export const text = (s: string): PdfStr => ({ t: 'str', raw: `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>` });
export const ascii = (s: string): PdfStr => ({ t: 'str', raw: `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})` });
export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;
export const isRef = (v: PdfValue | undefined): v is PdfRef => !!v && !Array.isArray(v) && !(v instanceof Map) && v.t === 'ref';
export const isName = (v: PdfValue | undefined, n?: string): v is PdfName => !!v && !Array.isArray(v) && !(v instanceof Map) && v.t === 'name' && (n === undefined || v.name === n);

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Parses one value from `s` (latin1) at `pos`; returns it and the position after it. */
export function parseValue(s: string, pos: number): [PdfValue, number] {
  pos = skip(s, pos);
  const c = s[pos];
  if (c === '<' && s[pos + 1] === '<') {
    const dict: PdfDict = new Map();
    pos += 2;
    for (;;) {
      pos = skip(s, pos);
      if (s[pos] === '>' && s[pos + 1] === '>') return [dict, pos + 2];
      const [key, p1] = parseValue(s, pos);
      if (!isName(key)) throw new RawPdfError(`dictionary key expected at ${pos}`);
      const [value, p2] = parseValue(s, p1);
      dict.set(key.name, value);
      pos = p2;
    }
  }
  if (c === '[') {
    const arr: PdfValue[] = [];
    pos++;
    for (;;) {
      pos = skip(s, pos);
      if (s[pos] === ']') return [arr, pos + 1];
      if (pos >= s.length) throw new RawPdfError('unterminated array');
      const [value, p] = parseValue(s, pos);
      arr.push(value);
      pos = p;
    }
  }
  if (c === '<') {
    const end = s.indexOf('>', pos);
    if (end < 0) throw new RawPdfError('unterminated hex string');
    return [{ t: 'str', raw: s.slice(pos, end + 1) }, end + 1];
  }
  if (c === '(') {
    let depth = 0, i = pos;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) break;
    }
    if (i >= s.length) throw new RawPdfError('unterminated string');
    return [{ t: 'str', raw: s.slice(pos, i + 1) }, i + 1];
  }
  if (c === '/') {
    let i = pos + 1;
    while (i < s.length && !WS.has(s.charCodeAt(i)) && !DELIM.has(s.charCodeAt(i))) i++;
    return [name(decodeName(s.slice(pos + 1, i))), i];
  }
  const word = /^[^\s()<>[\]{}/%]+/.exec(s.slice(pos, pos + 64))?.[0];
  if (!word) throw new RawPdfError(`unexpected ${JSON.stringify(c)} at ${pos}`);
  if (word === 'true' || word === 'false' || word === 'null') return [{ t: 'kw', word }, pos + word.length];
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) throw new RawPdfError(`unexpected ${JSON.stringify(word)} at ${pos}`);
  const after = pos + word.length;
  // `12 0 R` is a reference; look ahead without committing.
  const m = /^\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(s.slice(after, after + 24));
  if (m && /^\d+$/.test(word)) return [ref(Number(word), Number(m[1])), after + m[0].length];
  return [{ t: 'num', raw: word }, after];
}

function skip(s: string, pos: number): number {
  for (;;) {
    while (pos < s.length && WS.has(s.charCodeAt(pos))) pos++;
    if (s[pos] !== '%') return pos;
    while (pos < s.length && s[pos] !== '\n' && s[pos] !== '\r') pos++;
  }
}

/** `/a#20b` → "a b" (the bytes read as UTF-8, which is how Chromium writes non-ASCII ids). */
function decodeName(raw: string): string {
  if (!raw.includes('#')) return raw;
  const bytes = Buffer.from(raw.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  return bytes.toString('utf8');
}

function encodeName(n: string): string {
  return [...Buffer.from(n, 'utf8')].map((b) => (b > 0x20 && b < 0x7f && !DELIM.has(b) && b !== 0x23 ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, '0')}`)).join('');
}

export function serialize(v: PdfValue): string {
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  if (v instanceof Map) return `<<${[...v].map(([k, x]) => `/${encodeName(k)} ${serialize(x)}`).join('\n')}>>`;
  switch (v.t) {
    case 'num': return v.raw;
    case 'name': return `/${encodeName(v.name)}`;
    case 'ref': return `${v.num} ${v.gen} R`;
    case 'str': return v.raw;
    case 'kw': return v.word;
  }
}

interface XrefEntry { offset: number; gen: number }

/** Read access to a PDF's objects by number, through its cross-reference table(s). */
export class RawPdf {
  readonly text: string;
  readonly trailer: PdfDict;
  readonly startxref: number;
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text.slice(-64));
    if (!m) throw new RawPdfError('no startxref');
    this.startxref = Number(m[1]);
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    for (let at: number | undefined = this.startxref; at !== undefined && !seen.has(at); ) {
      seen.add(at);
      const t = this.readXrefSection(at);
      trailer ??= t;
      const prev = t.get('Prev');
      at = prev && !Array.isArray(prev) && !(prev instanceof Map) && prev.t === 'num' ? Number(prev.raw) : undefined;
    }
    this.trailer = trailer!;
  }

  private readXrefSection(at: number): PdfDict {
    if (!this.text.startsWith('xref', at)) throw new RawPdfError('cross-reference stream (not a table)');
    let pos = at + 4;
    const line = /\s*(\d+)\s+(\d+)\s*/y;
    for (;;) {
      line.lastIndex = pos;
      const m = line.exec(this.text);
      if (!m) break;
      const first = Number(m[1]), count = Number(m[2]);
      pos = line.lastIndex;
      for (let i = 0; i < count; i++) {
        const entry = this.text.slice(pos, pos + 20);
        const e = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
        if (!e) throw new RawPdfError(`bad xref entry at ${pos}`);
        if (e[3] === 'n' && !this.xref.has(first + i)) this.xref.set(first + i, { offset: Number(e[1]), gen: Number(e[2]) });
        pos += 20;
      }
    }
    pos = skip(this.text, pos);
    if (!this.text.startsWith('trailer', pos)) throw new RawPdfError('no trailer');
    const [trailer] = parseValue(this.text, pos + 7);
    if (!isDict(trailer)) throw new RawPdfError('bad trailer');
    return trailer;
  }

  /** Byte range of `N G obj … endobj` and the position right after `obj`. */
  private locate(n: number): { start: number; body: number } {
    const e = this.xref.get(n);
    if (!e) throw new RawPdfError(`object ${n} not in xref`);
    const m = /(\d+)\s+(\d+)\s+obj/y;
    m.lastIndex = e.offset;
    const hit = m.exec(this.text);
    if (!hit || Number(hit[1]) !== n) throw new RawPdfError(`object ${n} not at its offset`);
    return { start: e.offset, body: m.lastIndex };
  }

  get(n: number): PdfValue {
    let v = this.cache.get(n);
    if (v === undefined) {
      v = parseValue(this.text, this.locate(n).body)[0];
      this.cache.set(n, v);
    }
    return v;
  }

  /** Follows a reference (direct values are returned as they are). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; i < 32 && isRef(v); i++) v = this.get(v.num);
    return v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.resolve(v);
    return isDict(d) ? d : undefined;
  }

  /** The raw (still encoded) bytes of stream object `n` and its dictionary. */
  stream(n: number): { dict: PdfDict; data: Buffer } {
    const { body } = this.locate(n);
    const [dict, after] = parseValue(this.text, body);
    if (!isDict(dict)) throw new RawPdfError(`object ${n} is not a stream`);
    const kw = /\s*stream(\r\n|\n)/y;
    kw.lastIndex = after;
    if (!kw.exec(this.text)) throw new RawPdfError(`object ${n} is not a stream`);
    const len = this.resolve(dict.get('Length'));
    if (!len || Array.isArray(len) || len instanceof Map || len.t !== 'num') throw new RawPdfError(`stream ${n} without /Length`);
    const start = kw.lastIndex;
    return { dict, data: Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, Number(len.raw)) };
  }

  /** The decoded bytes of a FlateDecode (or unfiltered) stream; other filters throw. */
  decodedStream(n: number): Buffer {
    const { dict, data } = this.stream(n);
    const filter = this.resolve(dict.get('Filter'));
    if (filter === undefined) return data;
    if (isName(filter, 'FlateDecode') || (Array.isArray(filter) && filter.length === 1 && isName(filter[0], 'FlateDecode'))) return inflateSync(data);
    throw new RawPdfError(`stream ${n}: unsupported filter`);
  }

  /** The byte range [start, end) of object `n`'s text, for same-length patches. */
  range(n: number): { start: number; end: number } {
    const { start } = this.locate(n);
    const end = this.text.indexOf('endobj', start);
    if (end < 0) throw new RawPdfError(`object ${n} has no endobj`);
    return { start, end };
  }

  get catalog(): PdfDict {
    const root = this.dict(this.trailer.get('Root'));
    if (!root) throw new RawPdfError('no catalog');
    return root;
  }

  /** Page object references in page order (walks the page tree). */
  pages(): PdfRef[] {
    const out: PdfRef[] = [];
    const walk = (r: PdfValue | undefined, depth: number) => {
      if (!isRef(r) || depth > 64) throw new RawPdfError('bad page tree');
      const node = this.dict(r);
      if (!node) throw new RawPdfError('bad page tree node');
      const kids = this.resolve(node.get('Kids'));
      if (Array.isArray(kids)) for (const k of kids) walk(k, depth + 1);
      else out.push(r);
    };
    walk(this.catalog.get('Pages'), 0);
    return out;
  }
}

/** id → 1-based page of every named destination (catalog /Dests, or the /Names → /Dests tree). */
export function rawDestinations(pdf: RawPdf): Map<string, number> {
  return new Map([...rawPositions(pdf)].map(([id, at]) => [id, at.page]));
}

/** Where a named destination points: its 1-based page and the top of the element's box (`/XYZ` y; NaN when absent). */
export interface DestAt { page: number; y: number }

/** id → page and height of every named destination, as rawDestinations reads them. */
export function rawPositions(pdf: RawPdf): Map<string, DestAt> {
  const pageOf = new Map(pdf.pages().map((r, i) => [r.num, i + 1]));
  const map = new Map<string, DestAt>();
  const add = (key: string, value: PdfValue | undefined) => {
    let dest = pdf.resolve(value);
    if (isDict(dest)) dest = pdf.resolve(dest.get('D'));
    if (!Array.isArray(dest)) return;
    const target = dest[0];
    const page = isRef(target) ? pageOf.get(target.num) : undefined;
    const y = pdf.resolve(dest[3]);
    if (page !== undefined) map.set(key, { page, y: y && !Array.isArray(y) && !isDict(y) && y.t === 'num' ? Number(y.raw) : NaN });
  };
  const dests = pdf.dict(pdf.catalog.get('Dests'));
  if (dests) for (const [key, value] of dests) add(key, value);
  const tree = pdf.dict(pdf.dict(pdf.catalog.get('Names'))?.get('Dests'));
  const walk = (node: PdfDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const pairs = pdf.resolve(node.get('Names'));
    if (Array.isArray(pairs)) {
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const key = pairs[i]!;
        if (!Array.isArray(key) && !(key instanceof Map) && key.t === 'str') add(decodeString(key.raw), pairs[i + 1]);
      }
    }
    const kids = pdf.resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const k of kids) walk(pdf.dict(k), depth + 1);
  };
  walk(tree, 0);
  return map;
}

/** A PDF string's text: literal with escapes or hex, UTF-16BE with BOM or PDFDocEncoding (as latin1). */
export function decodeString(raw: string): string {
  let bytes: Buffer;
  if (raw.startsWith('<')) bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, '').padEnd(2, '0'), 'hex');
  else {
    const body = raw.slice(1, -1).replace(/\\(\r\n|\n|\r|[0-7]{1,3}|.)/gs, (_m, e: string) => {
      if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
      return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? (/^[\r\n]/.test(e) ? '' : e);
    });
    bytes = Buffer.from(body, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/**
 * An incremental update: objects (new or replacing old numbers) appended after the original bytes with
 * their own cross-reference section and a trailer whose /Prev points at the original one. `patches`
 * overwrite byte ranges of the original with text of the same length (dates Chromium stamped).
 */
export class IncrementalUpdate {
  private readonly objects = new Map<number, Buffer>();
  private nextNum: number;
  private readonly patches: { at: number; text: string }[] = [];

  constructor(private readonly pdf: RawPdf) {
    const size = pdf.trailer.get('Size');
    if (!size || Array.isArray(size) || size instanceof Map || size.t !== 'num') throw new RawPdfError('trailer without /Size');
    this.nextNum = Number(size.raw);
  }

  allocate(): number { return this.nextNum++; }

  set(n: number, value: PdfValue): void {
    this.objects.set(n, Buffer.from(`${n} 0 obj\n${serialize(value)}\nendobj\n`, 'latin1'));
  }

  /** A Flate-compressed stream object (zlib output is deterministic for the same input and level). */
  setStream(n: number, data: Uint8Array, extra: PdfDict = new Map()): void {
    const packed = deflateSync(data, { level: 6 });
    const dict: PdfDict = new Map([...extra, ['Filter', name('FlateDecode')], ['Length', num(packed.length)]]);
    this.objects.set(n, Buffer.concat([Buffer.from(`${n} 0 obj\n${serialize(dict)} stream\n`, 'latin1'), packed, Buffer.from('\nendstream\nendobj\n', 'latin1')]));
  }

  /** Overwrites original bytes in place; `text` must be as long as what it replaces. */
  patch(at: number, replacement: string): void {
    this.patches.push({ at, text: replacement });
  }

  /** The original bytes (patched) followed by the update. `trailer` entries are added to /Size, /Root, /Prev. */
  save(trailer: PdfDict): Uint8Array {
    const head = Buffer.from(this.pdf.bytes);
    for (const p of this.patches) head.write(p.text, p.at, 'latin1');
    const parts: Buffer[] = [head];
    let offset = head.length;
    if (head[head.length - 1] !== 0x0a) { parts.push(Buffer.from('\n')); offset++; }
    const offsets = new Map<number, number>();
    for (const n of [...this.objects.keys()].sort((a, b) => a - b)) {
      offsets.set(n, offset);
      const obj = this.objects.get(n)!;
      parts.push(obj);
      offset += obj.length;
    }
    const xrefAt = offset;
    let xref = 'xref\n';
    const nums = [...offsets.keys()];
    for (let i = 0; i < nums.length; ) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
      xref += `${nums[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
      i = j + 1;
    }
    const t: PdfDict = new Map(this.pdf.trailer);
    t.delete('Prev');
    t.delete('XRefStm');
    t.set('Size', num(this.nextNum));
    for (const [k, v] of trailer) t.set(k, v);
    t.set('Prev', num(this.pdf.startxref));
    parts.push(Buffer.from(`${xref}trailer\n${serialize(t)}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return new Uint8Array(Buffer.concat(parts));
  }
}
