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

export type Language = 'zh-Hans' | 'zh-Hant' | 'en';
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

export function corrupt(clean: string, options: CorruptOptions): Corrupted {
  const rand = prng(options.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const { paragraphs, separator } = paragraphsOf(clean);
  const zh = options.language !== 'en';
  const total = Math.max(1, Math.round((paragraphs.join(separator).length / 1000) * options.rate));
  const ops: Op[] = [];
  // Positions already damaged (a margin around each), so defects do not overlap one another.
  const taken = paragraphs.map(() => [] as [number, number][]);
  const free = (para: number, a: number, b: number) => taken[para].every(([x, y]) => b + 3 <= x || a >= y + 3);
  const take = (para: number, a: number, b: number) => taken[para].push([a, b]);
  const splitParas = new Set<number>();
  // The first paragraph is the title (it has no closing punctuation by nature): left alone.
  for (let attempt = 0, made = 0; made < total && attempt < total * 20; attempt++) {
    const para = 1 + Math.floor(rand() * (paragraphs.length - 1));
    const p = paragraphs[para];
    if (!p) continue;
    const labelEnd = LABEL.exec(p)?.[0].length ?? 0;
    const kind = pick(zh ? ZH_KINDS : EN_KINDS);
    const op = makeOp(kind, para, p, labelEnd);
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
    take(para, a, b);
    ops.push(op.op);
    made++;
  }
  return assemble(paragraphs, ops, separator);

  function makeOp(kind: DefectKind, para: number, p: string, labelEnd: number): { op: Op; range: [number, number] } | null {
    switch (kind) {
      case 'char': {
        const at = positions(p, labelEnd, (k) => HAN.test(p[k]) && p[k - 1] !== p[k] && p[k + 1] !== p[k]);
        if (at === null) return null;
        return { op: { para, pos: at + 1, kind, insert: p[at] }, range: [at, at + 1] };
      }
      case 'span': {
        const L = 2 + Math.floor(rand() * 2);
        const at = positions(p, labelEnd, (k) => [...p.slice(k, k + L)].length === L && [...p.slice(k, k + L)].every((c) => HAN.test(c)) && p.slice(k + L, k + 2 * L) !== p.slice(k, k + L));
        if (at === null) return null;
        return { op: { para, pos: at + L, kind, insert: p.slice(at, at + L) }, range: [at, at + L] };
      }
      case 'word': {
        // A whole word of 2–4 Han characters as jieba cuts it.
        const words: [string, number][] = [];
        let at = 0;
        for (const w of getJieba().cut(p, false)) {
          if (at >= labelEnd && /^\p{Script=Han}{2,4}$/u.test(w) && !p.startsWith(w, at + w.length)) words.push([w, at]);
          at += w.length;
        }
        if (!words.length) return null;
        const [w, k] = pick(words);
        return { op: { para, pos: k + w.length, kind, insert: w }, range: [k, k + w.length] };
      }
      case 'clause': {
        const cs = [...p.matchAll(/[^，。；？！：]{6,}[，；]/gu)].filter((m) => m.index! >= labelEnd && (m[0].match(/\p{Script=Han}/gu) ?? []).length >= 6);
        if (!cs.length) return null;
        const m = pick(cs);
        const copies = 1 + Math.floor(rand() * 2);
        return { op: { para, pos: m.index! + m[0].length, kind, insert: m[0].repeat(copies) }, range: [m.index!, m.index! + m[0].length] };
      }
      case 'en-clause': {
        const cs = [...p.matchAll(/(?<=[.?!] |^)[A-Z][^.?!:]+[.?!](?= |$)/g)].filter((m) => m.index! >= labelEnd && m[0].split(' ').length >= 8);
        if (!cs.length) return null;
        const m = pick(cs);
        const copies = 1 + Math.floor(rand() * 2);
        const end = m.index! + m[0].length;
        return { op: { para, pos: end, kind, insert: (' ' + m[0]).repeat(copies) }, range: [m.index!, end] };
      }
      case 'en-word': {
        const ms = [...p.matchAll(/\b(the|a|to|of|and|in|we|it|for|on|with|at)\b(?= [a-z])/gi)].filter((m) => m.index! >= labelEnd);
        if (!ms.length) return null;
        const m = pick(ms);
        const end = m.index! + m[0].length;
        return { op: { para, pos: end, kind, insert: ' ' + m[0].toLowerCase() }, range: [m.index!, end] };
      }
      case 'split': {
        const re = zh ? /(?<=\p{Script=Han})(?=\p{Script=Han})/gu : /(?<=[a-z,]) (?=[a-z])/g;
        const cuts = [...p.matchAll(re)].map((m) => m.index!).filter((k) => k > labelEnd + 10 && k < p.length - 10);
        if (!cuts.length) return null;
        const k = pick(cuts);
        return { op: { para, pos: k, kind, insert: separator, replace: zh ? 0 : 1 }, range: [k, k + 1] };
      }
      case 'fragment': {
        const next = paragraphs[para + 1];
        if (!next || !/\p{Script=Han}。$/u.test(p) || LABEL.test(next)) return null;
        const len = 1 + Math.floor(rand() * 2);
        return { op: { para: para + 1, pos: 0, kind, insert: p.slice(-(len + 1)) }, range: [p.length - 1, p.length] };
      }
      case 'punct': {
        const marks = [...p.matchAll(/[，：；？！]/g)].filter((m) => m.index! >= labelEnd);
        if (!marks.length) return null;
        const m = pick(marks);
        return { op: { para, pos: m.index!, kind, insert: FULL_TO_ASCII[m[0]], replace: 1 }, range: [m.index!, m.index! + 1] };
      }
      default:
        return null;
    }
  }

  /** A random index k ≥ from in p satisfying ok, or null. */
  function positions(p: string, from: number, ok: (k: number) => boolean): number | null {
    const ks: number[] = [];
    for (let k = Math.max(from, 1); k < p.length; k++) if (ok(k)) ks.push(k);
    return ks.length ? pick(ks) : null;
  }
}

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
