// Characters, before anything else: what no reader should see and XML may not hold is removed from
// the text, each removal recorded in the change log with its place in transcript.txt.
//
// Removed: NUL and the other C0 controls (tab and line ends stay; a form feed or vertical tab
// becomes a line end), DEL and C1 controls (those Windows-1252 would have made into quotes, dashes
// or an ellipsis become that character: text pasted through a wrong conversion), bidi embeddings,
// overrides, isolates and marks, zero-width space and word joiner, a byte-order mark inside the
// text, zero-width (non-)joiners outside the scripts and emoji sequences that need them,
// noncharacters (U+FFFE, U+FFFF, U+FDD0–FDEF, …) and lone surrogates. Everything that remains is a
// character XML 1.0 allows.
import type { ChangeLog } from './changes.ts';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import type { LineIndex, TrackedText, Edit } from './tracked-text.ts';

/** Windows-1252's printable characters in 0x80–0x9F, which arrive as C1 controls after a bad conversion. */
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

// One pass finds every candidate; a function decides. (Surrogates are matched one code unit at a time
// with the non-`u` regex so lone ones are seen.)
const CANDIDATE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

const NAMES: Record<number, string> = {
  0x00: 'NULL', 0x0b: 'LINE TABULATION', 0x0c: 'FORM FEED', 0x7f: 'DELETE', 0x061c: 'ARABIC LETTER MARK', 0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK', 0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2060: 'WORD JOINER', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  0xfffe: 'NONCHARACTER', 0xffff: 'NONCHARACTER',
};

/** `U+200B ZERO WIDTH SPACE`: how a removed character is named in the report. */
export function describeInvisible(s: string): string {
  const cp = s.length === 1 ? s.charCodeAt(0) : s.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[cp] ?? (cp < 0x20 || (cp >= 0x80 && cp < 0xa0) ? 'CONTROL CHARACTER'
    : cp >= 0xd800 && cp <= 0xdfff ? 'LONE SURROGATE' : (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef) ? 'NONCHARACTER' : 'FORMAT CHARACTER');
  return `U+${hex} ${name}`;
}

const PICTO = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F/u;
/** Scripts whose spelling uses ZWNJ/ZWJ (Persian, Indic scripts, Sinhala…). */
const JOINING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}\p{M}]/u;

/** The replacement for a candidate at `i` in `text`, or null to keep it. */
function replacement(text: string, i: number, s: string): string | null {
  const cp = s.charCodeAt(0);
  if (cp === 0x0b || cp === 0x0c) return '\n';
  if (cp >= 0x80 && cp <= 0x9f) return CP1252[cp] ?? '';
  if (cp === 0x200c || cp === 0x200d) {
    const before = String.fromCodePoint(text.codePointAt(i - 1 >= 0 && /[\uDC00-\uDFFF]/.test(text[i - 1]) ? i - 2 : i - 1) ?? 32);
    const after = String.fromCodePoint(text.codePointAt(i + 1) ?? 32);
    if (cp === 0x200d && PICTO.test(before) && PICTO.test(after)) return null; // 👩‍💻
    if (JOINING.test(before) && JOINING.test(after)) return null;
    return '';
  }
  return '';
}

export interface CleanResult {
  text: TrackedText;
  diagnostics: Diagnostic[];
}

/**
 * Removes invisible and control characters from the whole source (before it is split into
 * paragraphs), recording one change per run of removed characters.
 */
export function cleanCharacters(source: TrackedText, log: ChangeLog, lines: LineIndex, file: string): CleanResult {
  const text = source.text;
  const edits: Edit[] = [];
  const removed: { start: number; end: number; after: string; names: string[] }[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const i = m.index!;
    const rep = replacement(text, i, m[0]);
    if (rep === null) continue;
    const last = removed[removed.length - 1];
    // A run of the same kind of removal is one change (a page of NULs is one line in the report).
    if (last && last.end === i && rep === '' && last.after === '') {
      last.end = i + m[0].length;
      const name = describeInvisible(m[0]);
      if (!last.names.includes(name)) last.names.push(name);
    } else {
      removed.push({ start: i, end: i + m[0].length, after: rep, names: [describeInvisible(m[0])] });
    }
  }
  let count = 0;
  for (const r of removed) {
    count += r.end - r.start;
    edits.push({ start: r.start, end: r.end, insert: r.after });
    log.record(r.after === '\n' ? 'line-end' : r.after ? 'cp1252' : 'invisible', source, r.start, r.end, r.after, {
      before: r.names.join(', ') + (r.end - r.start > 1 ? ` ×${r.end - r.start}` : ''),
      note: r.after ? undefined : 'removed: invisible in print, not allowed in XML or a spoofing risk',
    });
  }
  const diagnostics: Diagnostic[] = [];
  if (removed.length) {
    const first = removed[0];
    const at = lines.point(source.sourceOffset(first.start));
    diagnostics.push(diagnostic('TP008', { count, first: `(${first.names[0]}) at ${file}:${at.line}:${at.column}` },
      { file, line: at.line, column: at.column }));
  }
  return { text: source.apply(edits), diagnostics };
}
