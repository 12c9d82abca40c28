// Bytes to text. What editors really receive: UTF-8 (with or without a BOM), UTF-16 (with a BOM, or
// without one when the NUL pattern leaves no doubt), GB18030/GBK and Big5. Anything else is refused
// with the exact conversion command.
//
// Legacy CJK encodings cannot be told apart by validity alone: almost every Big5 file is also a
// well-formed GB18030 byte sequence (and the other way round), so the old "not UTF-8 → GB18030"
// published Big5 as mojibake. Each candidate is decoded strictly and the result scored by the share
// of its characters that are common CJK (GB 2312 level 1 ∪ Big5 level 1, built from the decoders
// themselves) or ordinary text; mojibake is full of rare ideographs, kana, Cyrillic, box drawing and
// private-use code points. chardet (a port of Mozilla's detector) breaks ties and names the
// encoding in a refusal.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import { diagnostic, fail, type Diagnostic } from '../core/diagnostics.ts';

export interface Decoded {
  text: string;
  /** The encoding the text was read as (WHATWG label). */
  encoding: string;
  diagnostics: Diagnostic[];
}

/** The two legacy encodings we convert, with the name iconv knows them by. */
const LEGACY = [
  { label: 'gb18030', iconv: 'GB18030' },
  { label: 'big5', iconv: 'BIG5' },
] as const;

export function decodeTranscript(bytes: Uint8Array, file: string): Decoded {
  const diagnostics: Diagnostic[] = [];
  const fix = (encoding: string) => ({ file, encoding, command: convertCommand(encoding, file) });

  // 1. A byte-order mark says it all.
  const bom = bomOf(bytes);
  if (bom === 'utf-32le' || bom === 'utf-32be') fail('TP007', { ...fix(bom.toUpperCase()), found: bom.toUpperCase() }, { file });
  if (bom) {
    const text = strictDecode(bom, bytes);
    if (text === null) fail('TP005', { tried: `${bom.toUpperCase()} (the file starts with its byte-order mark)` }, { file });
    if (bom !== 'utf-8') diagnostics.push(diagnostic('TP004', { encoding: bom.toUpperCase(), assumed: 'its byte-order mark says so', command: convertCommand('UTF-16', file) }, { file }));
    return finish(text, bom, diagnostics, file);
  }
  // 2. UTF-16 without a BOM: text in it has a NUL in every other byte for ASCII.
  const utf16 = bomlessUtf16(bytes);
  if (utf16) {
    const text = strictDecode(utf16, bytes);
    if (text !== null && plausibility(text) >= 0.9) {
      diagnostics.push(diagnostic('TP004', { encoding: utf16.toUpperCase(), assumed: 'the pattern of its zero bytes says so (it has no byte-order mark)', command: convertCommand(utf16.toUpperCase(), file) }, { file }));
      return finish(text, utf16, diagnostics, file);
    }
  }
  // 3. Many NUL bytes in the first 8 KB of anything else: an image, a word-processor file, an archive.
  // A stray NUL or two in a text file is damage the characters step repairs (and reports).
  const sample = bytes.subarray(0, 8192);
  const nuls = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls > 8 || (nuls > 1 && nuls > sample.length / 100)) fail('TP003', { reason: `it contains ${nuls} NUL bytes in the first 8 KB` }, { file });
  // 4. UTF-8, the normal case.
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8', diagnostics, file);
  // 4b. UTF-8 with a few bad sequences (a stray byte, a CESU-8 surrogate pair): it is UTF-8, and no
  // conversion from another encoding would read it right. Say where the bad bytes are.
  const bad = invalidUtf8(bytes);
  if (bad.valid >= 1 && bad.valid >= 10 * bad.sequences.length) refuseAlmostUtf8(bytes, bad.sequences, file);
  // 5. GB18030 or Big5: decode strictly with both and keep the one that reads as text.
  const guess = chardetGuess(bytes);
  const scored = LEGACY.map((enc) => {
    const text = strictDecode(enc.label, bytes);
    return { ...enc, text, score: text === null ? -1 : plausibility(text) };
  }).filter((c) => c.text !== null).sort((a, b) => b.score - a.score || Number(b.label === guess.label) - Number(a.label === guess.label));
  const best = scored[0];
  if (best && best.score >= 0.9 && (scored.length === 1 || best.score - scored[1].score >= 0.05 || best.label === guess.label)) {
    const alternative = scored[1] ? `, ${Math.round(scored[1].score * 100)}% when read as ${scored[1].iconv}` : '';
    diagnostics.push(diagnostic('TP004', {
      encoding: best.iconv, command: convertCommand(best.iconv, file),
      assumed: `${Math.round(best.score * 100)}% of its characters are common ones when read as ${best.iconv}${alternative}`,
    }, { file }));
    return finish(best.text!, best.label, diagnostics, file);
  }
  // 6. Refuse, naming what it probably is and how to convert it.
  const named = guess.iconv ?? (best ? best.iconv : undefined);
  if (named && !LEGACY.some((l) => l.iconv === named)) fail('TP007', { ...fix(named), found: `${named} (chardet, ${guess.confidence}% sure)` }, { file });
  fail('TP005', { tried: best ? `GB18030 or Big5 (read as ${best.iconv} only ${Math.round(best.score * 100)}% of it is common text)` : 'GB18030 or Big5' }, { file });
}

/** A sequence that is not UTF-8: its byte offset, length and what it is. */
export interface BadSequence { offset: number; length: number; kind: 'stray' | 'surrogate' | 'overlong' | 'truncated' }

/**
 * The invalid sequences of a byte string read as UTF-8 (RFC 3629), and how many valid multi-byte
 * sequences it has. CESU-8 (and Java's "modified UTF-8") writes a character above U+FFFF as two
 * 3-byte surrogates, ED A0–AF xx ED B0–BF xx, which UTF-8 forbids.
 */
export function invalidUtf8(b: Uint8Array): { valid: number; sequences: BadSequence[] } {
  const sequences: BadSequence[] = [];
  let valid = 0;
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0) { sequences.push({ offset: i, length: 1, kind: c === 0xc0 || c === 0xc1 ? 'overlong' : 'stray' }); i++; continue; }
    let ok = i + n <= b.length;
    for (let k = 1; ok && k < n; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (!ok) {
      let k = 1;
      while (k < n && i + k < b.length && (b[i + k] & 0xc0) === 0x80) k++;
      sequences.push({ offset: i, length: k, kind: i + k >= b.length ? 'truncated' : 'stray' });
      i += k;
      continue;
    }
    const second = b[i + 1];
    if (c === 0xed && second >= 0xa0) {
      // A surrogate; a pair (high then low) is one CESU-8 character of six bytes.
      const pair = second <= 0xaf && b[i + 3] === 0xed && b[i + 4] >= 0xb0 && b[i + 4] <= 0xbf && (b[i + 5] & 0xc0) === 0x80;
      sequences.push({ offset: i, length: pair ? 6 : 3, kind: 'surrogate' });
      i += pair ? 6 : 3;
      continue;
    }
    if ((c === 0xe0 && second < 0xa0) || (c === 0xf0 && second < 0x90)) { sequences.push({ offset: i, length: n, kind: 'overlong' }); i += n; continue; }
    if (c === 0xf4 && second >= 0x90) { sequences.push({ offset: i, length: n, kind: 'stray' }); i += n; continue; }
    valid++;
    i += n;
  }
  return { valid, sequences };
}

/** Line and column (characters, as an editor counts them) of a byte offset in UTF-8 text. */
function bytePlace(b: Uint8Array, offset: number): { line: number; column: number; excerpt: string } {
  const start = b.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = b.indexOf(0x0a); i !== -1 && i < offset; i = b.indexOf(0x0a, i + 1)) line++;
  const before = new TextDecoder('utf-8').decode(b.subarray(start, offset));
  let end = b.indexOf(0x0a, offset);
  if (end < 0) end = b.length;
  const excerpt = new TextDecoder('utf-8').decode(b.subarray(start, Math.min(end, start + 600))).replace(/\r$/, '');
  return { line, column: [...before].length + 1, excerpt };
}

function refuseAlmostUtf8(bytes: Uint8Array, sequences: BadSequence[], file: string): never {
  const hex = (s: BadSequence) => Array.from(bytes.subarray(s.offset, s.offset + s.length), (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  const at = (s: BadSequence) => { const p = bytePlace(bytes, s.offset); return `byte ${s.offset} (line ${p.line}:${p.column}) ${hex(s)}`; };
  const first = sequences[0];
  const surrogate = sequences.some((s) => s.kind === 'surrogate');
  const kind = surrogate ? 'CESU-8 surrogates: a character above U+FFFF written in two halves, as Java and old MySQL do'
    : first.kind === 'truncated' ? 'the file ends inside a character' : 'bytes that are no character';
  const others = sequences.slice(1, 5).map(at).join('; ');
  const fix = surrogate
    ? `retype the character at each place in an editor (it is an emoji or a rare ideograph stored the wrong way); the places: ${at(first)}${others ? `; ${others}` : ''}`
    : `open the file at each place and retype what belongs there (the rest of the file is UTF-8: do not convert it from another encoding); or remove only the bad bytes with iconv -f UTF-8 -t UTF-8 -c, which keeps every valid character; the places: ${at(first)}${others ? `; ${others}` : ''}`;
  const p = bytePlace(bytes, first.offset);
  fail('TP129', { count: sequences.length, first: at(first), kind, fix }, { file, line: p.line, column: p.column, excerpt: p.excerpt });
}

function finish(text: string, encoding: string, diagnostics: Diagnostic[], file: string): Decoded {
  // Control characters other than tab/line ends/form feed throughout the start mean this is not a
  // transcript; a few stray ones are cleaned (and reported) by the characters step.
  const controls = text.slice(0, 8192).match(/[\u0000-\u0008\u000E-\u001F\u007F]/g);
  if (controls && controls.length > 8) fail('TP003', { reason: `${controls.length} control characters in the first 8 KB` }, { file });
  if (text.replace(/^\uFEFF/, '').trim() === '') fail('TP002', {}, { file });
  return { text, encoding, diagnostics };
}

/** The shell command that converts the file once, so the source becomes UTF-8. */
export function convertCommand(encoding: string, file: string): string {
  const quoted = /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
  const out = /\.txt$/.test(file) ? quoted.replace(/\.txt('?)$/, '.utf8.txt$1') : `${quoted}.utf8`;
  return `iconv -f ${encoding} -t UTF-8 ${quoted} > ${out} && mv ${out} ${quoted}`;
}

function bomOf(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: an even length and zero bytes on one side only (ASCII letters, line ends). */
function bomlessUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 8 || b.length % 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // Chinese in UTF-16 has zero bytes only where ASCII is (line ends, digits): few, but all on one side.
  const enough = Math.max(4, pairs * 0.02);
  if (odd >= enough && odd > even * 3) return 'utf-16le';
  if (even >= enough && even > odd * 3) return 'utf-16be';
  return null;
}

export function strictDecode(label: string, bytes: Uint8Array): string | null {
  // UTF-8 (the normal case) checked by Node's validator and decoded by Buffer, several times quicker on
  // a large file than the WHATWG decoder: well-formed UTF-8 has one reading, and the BOM is kept, as
  // ignoreBOM keeps it (test/reader/decode-utf8.test.ts compares the two).
  if (label === 'utf-8') return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function chardetGuess(bytes: Uint8Array): { label?: string; iconv?: string; confidence: number } {
  const top = chardet.analyse(bytes.subarray(0, 65536))[0];
  if (!top) return { confidence: 0 };
  const name = top.name.toUpperCase();
  const label = name === 'BIG5' ? 'big5' : name === 'GB18030' ? 'gb18030' : undefined;
  return { label, iconv: name === 'ISO-8859-1' ? 'WINDOWS-1252' : name, confidence: top.confidence };
}

let common: Set<number> | undefined;
/** Common ideographs: GB 2312 level 1 (3,755 simplified) and Big5 level 1 (5,401 traditional). */
function commonHan(): Set<number> {
  if (common) return common;
  const set = new Set<number>();
  const add = (label: string, leads: [number, number], trails: [number, number][]) => {
    const bytes: number[] = [];
    for (let lead = leads[0]; lead <= leads[1]; lead++) {
      for (const [lo, hi] of trails) for (let t = lo; t <= hi; t++) bytes.push(lead, t);
    }
    for (const ch of new TextDecoder(label).decode(Uint8Array.from(bytes))) {
      if (/\p{Script=Han}/u.test(ch)) set.add(ch.codePointAt(0)!);
    }
  };
  add('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]]);
  add('big5', [0xa4, 0xc5], [[0x40, 0x7e], [0xa1, 0xfe]]);
  add('big5', [0xc6, 0xc6], [[0x40, 0x7e]]);
  return (common = set);
}

/**
 * Share (0–1) of the non-ASCII characters that ordinary text is made of: common ideographs, CJK and
 * full-width punctuation, Latin letters with accents. Mojibake scores low.
 */
export function plausibility(text: string): number {
  const han = commonHan();
  let total = 0;
  let good = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    total++;
    if (han.has(cp)) good++;
    else if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x2027) || cp === 0xb7) good++;
    else if (cp >= 0xc0 && cp <= 0x24f && /\p{L}/u.test(ch)) good++;
  }
  return total === 0 ? 1 : good / total;
}
