// The independent corruption generator: a second view of copying damage that shares nothing with
// the detector (scripts/reader/dedupe.ts) nor with the first generator (corrupt.ts): no word list,
// no dictionary of the detector (its words come from ICU's segmenter through Intl.Segmenter, not
// jieba), no threshold. Positions are uniform over the text; what is doubled is whatever stands
// there:
//   char     one Han character doubled (any character, inside a word or not)
//   span     2–6 characters doubled at any position, crossing word boundaries freely
//   word     one word of any class doubled (ICU's word segmentation)
//   clause   a clause or sentence (between punctuation marks) pasted again, once or twice
//   en-word  English: one word of any class typed twice ("the the", "market market", "I I")
//   en-span  English: 2–4 consecutive words typed twice
//   en-clause English: a sentence pasted again
// It says where each defect landed, so a repair (or a listing for review) can be matched to it.
import { prng } from '../core/random.ts';
import { paragraphsOf, type Corrupted, type Defect, type DefectKind, type Language } from './corrupt.ts';

export type IndependentKind = 'char' | 'span' | 'word' | 'clause' | 'en-word' | 'en-span' | 'en-clause';

export interface IndependentOptions { seed: number; rate: number; language: Language }

const ZH: IndependentKind[] = ['char', 'span', 'word', 'clause'];
const EN: IndependentKind[] = ['en-word', 'en-span', 'en-clause'];

/** Where a kind of damage may be inserted in paragraph p: [start, end) of the text to double. */
function candidates(kind: IndependentKind, p: string, zh: Intl.Segmenter, en: Intl.Segmenter): [number, number][] {
  const out: [number, number][] = [];
  switch (kind) {
    case 'char':
      for (let k = 0; k < p.length; k++) if (/\p{Script=Han}/u.test(p[k])) out.push([k, k + 1]);
      break;
    case 'span':
      for (let k = 0; k < p.length; k++) if (/\p{Script=Han}/u.test(p[k])) out.push([k, k + 2 + (k % 5)]);
      break;
    case 'word':
      for (const s of zh.segment(p)) if (s.isWordLike && /\p{Script=Han}/u.test(s.segment)) out.push([s.index, s.index + s.segment.length]);
      break;
    case 'clause':
      for (const m of p.matchAll(/[^，。；？！：、,.;?!:\n]+[，。；？！,;?!]/gu)) if (/\p{Script=Han}/u.test(m[0])) out.push([m.index!, m.index! + m[0].length]);
      break;
    case 'en-word':
      for (const s of en.segment(p)) if (s.isWordLike && /^[A-Za-z]/.test(s.segment)) out.push([s.index, s.index + s.segment.length]);
      break;
    case 'en-span': {
      const words = [...en.segment(p)].filter((s) => s.isWordLike && /^[A-Za-z]/.test(s.segment));
      for (let k = 0; k + 1 < words.length; k++) {
        const n = 2 + (k % 3);
        const last = words[Math.min(words.length - 1, k + n - 1)];
        const text = p.slice(words[k].index, last.index + last.segment.length);
        if (/^[A-Za-z' ’-]+$/.test(text)) out.push([words[k].index, last.index + last.segment.length]);
      }
      break;
    }
    case 'en-clause':
      for (const m of p.matchAll(/(?<=^|[.?!]\s)[A-Z][^.?!]*[.?!](?=\s|$)/g)) out.push([m.index!, m.index! + m[0].length]);
      break;
  }
  return out.filter(([a, b]) => b <= p.length && a < b);
}

export function corruptIndependently(clean: string, options: IndependentOptions): Corrupted {
  const rand = prng(options.seed * 7919 + 17);
  const zhSeg = new Intl.Segmenter('zh', { granularity: 'word' });
  const enSeg = new Intl.Segmenter('en', { granularity: 'word' });
  const { paragraphs, separator } = paragraphsOf(clean);
  const kinds = options.language === 'en' ? EN : ZH;
  const total = Math.max(1, Math.round((paragraphs.join(separator).length / 1000) * options.rate));
  // One defect per paragraph at most, never in the first (the title).
  const ops = new Map<number, { pos: number; insert: string; kind: IndependentKind }>();
  for (let attempt = 0; ops.size < total && attempt < total * 30; attempt++) {
    const para = 1 + Math.floor(rand() * (paragraphs.length - 1));
    if (ops.has(para) || !paragraphs[para]) continue;
    const p = paragraphs[para];
    const kind = kinds[Math.floor(rand() * kinds.length)];
    const cs = candidates(kind, p, zhSeg, enSeg);
    if (!cs.length) continue;
    const [a, b] = cs[Math.floor(rand() * cs.length)];
    const unit = p.slice(a, b);
    let insert = unit;
    if (kind === 'clause') insert = unit.repeat(1 + Math.floor(rand() * 2));
    else if (kind.startsWith('en-')) insert = kind === 'en-clause' ? ' ' + unit : ' ' + unit;
    // en-word / en-span: "word word"; en-clause: "Sentence. Sentence."
    ops.set(para, { pos: b, insert, kind });
  }
  let out = '';
  const defects: Defect[] = [];
  const counts: Partial<Record<DefectKind, number>> = {};
  paragraphs.forEach((p, i) => {
    if (i > 0) out += separator;
    const op = ops.get(i);
    if (!op) { out += p; return; }
    out += p.slice(0, op.pos);
    const start = out.length;
    out += op.insert;
    const kind: DefectKind = op.kind;
    defects.push({ kind, start, end: out.length, text: op.insert });
    counts[kind] = (counts[kind] ?? 0) + 1;
    out += p.slice(op.pos);
  });
  return { text: out + '\n', defects, counts };
}
