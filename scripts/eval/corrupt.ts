// The seeded corruption generator: takes clean real text and adds the defects editors really
// receive, deterministically from a seed, and says where each one landed in the corrupted text so
// that every repair (and every miss) can be attributed to a rule. Shared by the tests (test/eval/,
// test/reader/) and `npm run bench`; it imports nothing from either.
//
// Chinese (Simplified and Traditional): a single character doubled at an arbitrary position; a 2–3
// character span doubled at an arbitrary position (截至目截至目前, 对美对美方, 友好交好交流); a word
// doubled; a clause pasted 2–3 times; a paragraph split mid-sentence; a stray fragment repeating the
// end of the paragraph before; full-width punctuation folded to ASCII (，：；？！ and pairs of （） “”).
// English: typed doubles of short words ("the the", "to to"); a sentence pasted 2–3 times; a paragraph
// split mid-sentence.
import { prng } from '../core/random.ts';
import { getJieba } from '../reader/segmenter.ts';

export type { Language } from '../lang/language.ts';
import type { Language } from '../lang/language.ts';
export type DefectKind = 'char' | 'span' | 'word' | 'clause' | 'split' | 'fragment' | 'punct' | 'en-word' | 'en-span' | 'en-clause';

export interface CorruptOptions {
  seed: number;
  /** Defects per 1,000 characters. */
  rate: number;
  language: Language;
}

export interface Defect {
  kind: DefectKind;
  /** Where the damage sits in the corrupted text: [start, end) of what was inserted or replaced. */
  start: number;
  end: number;
  /** What was inserted (or what a mark became). */
  text: string;
}

export interface Corrupted {
  text: string;
  defects: Defect[];
  counts: Partial<Record<DefectKind, number>>;
}

interface Op { para: number; pos: number; kind: DefectKind; insert: string; replace?: number }

const FULL_TO_ASCII: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!' };
const ZH_KINDS: DefectKind[] = ['char', 'char', 'char', 'span', 'span', 'word', 'clause', 'split', 'fragment', 'punct', 'punct'];
const EN_KINDS: DefectKind[] = ['en-word', 'en-word', 'en-word', 'en-clause', 'split'];
const HAN = /\p{Script=Han}/u;

/**
 * Paragraphs of a transcript and how they are separated: by blank lines, or (a text without any
 * blank line) one paragraph per line.
 */
export function paragraphsOf(text: string): { paragraphs: string[]; separator: string } {
  const t = text.replace(/\r\n?/g, '\n');
  const blank = /\n[ \t\u3000]*\n/.test(t);
  const paragraphs = t.split(blank ? /\n[ \t\u3000]*\n\s*/ : /\n+/).map((p) => p.trim()).filter(Boolean);
  return { paragraphs, separator: blank ? '\n\n' : '\n' };
}

/** A speaker label at the start of a paragraph (王毅：, MR. SMITH:, Q:) is left alone. */
const LABEL = /^[^\s，,。：:！？!?“”"、；;（）()]{1,30}?[：:]\s*|^[A-Z][A-Za-z.' -]{0,30}?:\s*/u;

/** The random draws and the text one corruption works on. */
interface Draw {
  rand: () => number;
  pick: <T>(xs: T[]) => T;
  paragraphs: string[];
  separator: string;
  zh: boolean;
}

/** Where a defect is tried: a paragraph, its text, and where its speaker label ends. */
interface Site { para: number; p: string; labelEnd: number }

type Made = { op: Op; range: [number, number] } | null;

export function corrupt(clean: string, options: CorruptOptions): Corrupted {
  const rand = prng(options.seed);
  const { paragraphs, separator } = paragraphsOf(clean);
  const draw: Draw = { rand, pick: (xs) => xs[Math.floor(rand() * xs.length)], paragraphs, separator, zh: options.language !== 'en' };
  const total = Math.max(1, Math.round((paragraphs.join(separator).length / 1000) * options.rate));
  return assemble(paragraphs, placeDefects(draw, total), separator);
}

/** Up to `total` defects at random places, none overlapping another, at most one break per paragraph pair. */
function placeDefects(draw: Draw, total: number): Op[] {
  const { paragraphs, separator } = draw;
  const ops: Op[] = [];
  // Positions already damaged (a margin around each), so defects do not overlap one another.
  const taken = paragraphs.map(() => [] as [number, number][]);
  const free = (para: number, a: number, b: number) => taken[para].every(([x, y]) => b + 3 <= x || a >= y + 3);
  const splitParas = new Set<number>();
  // The first paragraph is the title (it has no closing punctuation by nature): left alone.
  for (let attempt = 0, made = 0; made < total && attempt < total * 20; attempt++) {
    const para = 1 + Math.floor(draw.rand() * (paragraphs.length - 1));
    const p = paragraphs[para];
    if (!p) continue;
    const labelEnd = LABEL.exec(p)?.[0].length ?? 0;
    const kind = draw.pick(draw.zh ? ZH_KINDS : EN_KINDS);
    const op = DEFECTS[kind]?.(draw, { para, p, labelEnd }) ?? null;
    if (!op) continue;
    const [a, b] = op.range;
    if (!free(para, a, b)) continue;
    if (kind === 'split' || kind === 'fragment') {
      // One paragraph per line: the reader reads the lines of a block as one paragraph, so a break
      // there is no damage it can see.
      if (separator === '\n') continue;
      if (splitParas.has(para) || splitParas.has(para + 1)) continue;
      splitParas.add(para);
    }
    taken[para].push([a, b]);
    ops.push(op.op);
    made++;
  }
  return ops;
}

/** A random index k ≥ from in p satisfying ok, or null. */
function randomPosition(draw: Draw, p: string, from: number, ok: (k: number) => boolean): number | null {
  const ks: number[] = [];
  for (let k = Math.max(from, 1); k < p.length; k++) if (ok(k)) ks.push(k);
  return ks.length ? draw.pick(ks) : null;
}

/** One maker per kind of defect: where it goes in a paragraph and what it inserts, or null when the paragraph has no place for it. */
const DEFECTS: Partial<Record<DefectKind, (draw: Draw, site: Site) => Made>> = {
  char(draw, { para, p, labelEnd }) {
    const at = randomPosition(draw, p, labelEnd, (k) => HAN.test(p[k]) && p[k - 1] !== p[k] && p[k + 1] !== p[k]);
    if (at === null) return null;
    return { op: { para, pos: at + 1, kind: 'char', insert: p[at] }, range: [at, at + 1] };
  },
  span(draw, { para, p, labelEnd }) {
    const size = 2 + Math.floor(draw.rand() * 2);
    const at = randomPosition(draw, p, labelEnd, (k) => [...p.slice(k, k + size)].length === size && [...p.slice(k, k + size)].every((c) => HAN.test(c)) && p.slice(k + size, k + 2 * size) !== p.slice(k, k + size));
    if (at === null) return null;
    return { op: { para, pos: at + size, kind: 'span', insert: p.slice(at, at + size) }, range: [at, at + size] };
  },
  word(draw, { para, p, labelEnd }) {
    // A whole word of 2–4 Han characters as jieba cuts it.
    const words: [string, number][] = [];
    let at = 0;
    for (const w of getJieba().cut(p, false)) {
      if (at >= labelEnd && /^\p{Script=Han}{2,4}$/u.test(w) && !p.startsWith(w, at + w.length)) words.push([w, at]);
      at += w.length;
    }
    if (!words.length) return null;
    const [w, k] = draw.pick(words);
    return { op: { para, pos: k + w.length, kind: 'word', insert: w }, range: [k, k + w.length] };
  },
  clause(draw, { para, p, labelEnd }) {
    const cs = [...p.matchAll(/[^，。；？！：]{6,}[，；]/gu)].filter((m) => m.index! >= labelEnd && (m[0].match(/\p{Script=Han}/gu) ?? []).length >= 6);
    if (!cs.length) return null;
    const m = draw.pick(cs);
    const copies = 1 + Math.floor(draw.rand() * 2);
    return { op: { para, pos: m.index! + m[0].length, kind: 'clause', insert: m[0].repeat(copies) }, range: [m.index!, m.index! + m[0].length] };
  },
  'en-clause'(draw, { para, p, labelEnd }) {
    const cs = [...p.matchAll(/(?<=[.?!] |^)[A-Z][^.?!:]+[.?!](?= |$)/g)].filter((m) => m.index! >= labelEnd && m[0].split(' ').length >= 8);
    if (!cs.length) return null;
    const m = draw.pick(cs);
    const copies = 1 + Math.floor(draw.rand() * 2);
    const end = m.index! + m[0].length;
    return { op: { para, pos: end, kind: 'en-clause', insert: (' ' + m[0]).repeat(copies) }, range: [m.index!, end] };
  },
  'en-word'(draw, { para, p, labelEnd }) {
    const ms = [...p.matchAll(/\b(the|a|to|of|and|in|we|it|for|on|with|at)\b(?= [a-z])/gi)].filter((m) => m.index! >= labelEnd);
    if (!ms.length) return null;
    const m = draw.pick(ms);
    const end = m.index! + m[0].length;
    return { op: { para, pos: end, kind: 'en-word', insert: ' ' + m[0].toLowerCase() }, range: [m.index!, end] };
  },
  split(draw, { para, p, labelEnd }) {
    const re = draw.zh ? /(?<=\p{Script=Han})(?=\p{Script=Han})/gu : /(?<=[a-z,]) (?=[a-z])/g;
    const cuts = [...p.matchAll(re)].map((m) => m.index!).filter((k) => k > labelEnd + 10 && k < p.length - 10);
    if (!cuts.length) return null;
    const k = draw.pick(cuts);
    return { op: { para, pos: k, kind: 'split', insert: draw.separator, replace: draw.zh ? 0 : 1 }, range: [k, k + 1] };
  },
  fragment(draw, { para, p }) {
    const next = draw.paragraphs[para + 1];
    if (!next || !/\p{Script=Han}。$/u.test(p) || LABEL.test(next)) return null;
    const len = 1 + Math.floor(draw.rand() * 2);
    return { op: { para: para + 1, pos: 0, kind: 'fragment', insert: p.slice(-(len + 1)) }, range: [p.length - 1, p.length] };
  },
  punct(draw, { para, p, labelEnd }) {
    const marks = [...p.matchAll(/[，：；？！]/g)].filter((m) => m.index! >= labelEnd);
    if (!marks.length) return null;
    const m = draw.pick(marks);
    return { op: { para, pos: m.index!, kind: 'punct', insert: FULL_TO_ASCII[m[0]], replace: 1 }, range: [m.index!, m.index! + 1] };
  },
};

/** Builds the corrupted text and records where each defect landed. */
function assemble(paragraphs: string[], ops: Op[], separator: string): Corrupted {
  const byPara = new Map<number, Op[]>();
  for (const op of ops) byPara.set(op.para, [...(byPara.get(op.para) ?? []), op]);
  let out = '';
  const defects: Defect[] = [];
  const counts: Partial<Record<DefectKind, number>> = {};
  paragraphs.forEach((p, i) => {
    if (i > 0) out += separator;
    const list = (byPara.get(i) ?? []).sort((a, b) => a.pos - b.pos);
    let pos = 0;
    for (const op of list) {
      out += p.slice(pos, op.pos);
      const start = out.length;
      out += op.insert;
      defects.push({ kind: op.kind, start, end: out.length, text: op.insert });
      counts[op.kind] = (counts[op.kind] ?? 0) + 1;
      pos = op.pos + (op.replace ?? 0);
    }
    out += p.slice(pos);
  });
  return { text: out + '\n', defects, counts };
}
