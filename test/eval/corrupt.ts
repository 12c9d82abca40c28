// The evaluation set's corruption generator: takes clean text and adds the defects editors really
// receive (doubled characters, words and clauses, broken paragraphs, tail fragments, ASCII
// punctuation), deterministically from a seed, so error reduction can be measured.
import { getJieba } from '../../scripts/reader/segmenter.ts';
import { prng } from '../../scripts/core/random.ts';

export interface CorruptOptions {
  seed: number;
  /** Defects per 1,000 characters. */
  rate: number;
  language: 'zh' | 'en';
}

export interface Corrupted {
  text: string;
  defects: Record<string, number>;
}

const FULL_TO_ASCII: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!' };

export function corrupt(clean: string, options: CorruptOptions): Corrupted {
  const rand = prng(options.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const defects: Record<string, number> = {};
  const count = (k: string) => { defects[k] = (defects[k] ?? 0) + 1; };
  const paragraphs = clean.trim().split(/\n\n+/);
  // The title (first paragraph) is left alone: it has no closing punctuation by nature.
  const body = paragraphs.slice(1);
  const total = Math.max(1, Math.round((clean.length / 1000) * options.rate));
  for (let n = 0; n < total; n++) {
    const i = Math.floor(rand() * body.length);
    const p = body[i];
    const kind = options.language === 'zh'
      ? pick(['char', 'char', 'char', 'word', 'clause', 'split', 'fragment', 'punct', 'punct'])
      : pick(['word', 'word', 'clause', 'split']);
    if (kind === 'char') {
      const positions = [...p.matchAll(/\p{Script=Han}/gu)].map((m) => m.index!).filter((k) => k > 6 && p[k - 1] !== p[k] && p[k + 1] !== p[k]);
      if (!positions.length) continue;
      const k = pick(positions);
      body[i] = p.slice(0, k + 1) + p[k] + p.slice(k + 1);
      count('char');
    } else if (kind === 'word' && options.language === 'zh') {
      const words = getJieba().cut(p, false);
      const candidates = words.map((w, k) => [w, k] as const).filter(([w]) => /^\p{Script=Han}{2,4}$/u.test(w));
      if (!candidates.length) continue;
      const [w, k] = pick(candidates);
      body[i] = [...words.slice(0, k + 1), w, ...words.slice(k + 1)].join('');
      count('word');
    } else if (kind === 'word') {
      const fn = [...p.matchAll(/\b(the|a|to|of|and|in|we|it|for|on)\b/g)];
      if (!fn.length) continue;
      const m = pick(fn);
      body[i] = p.slice(0, m.index! + m[0].length) + ' ' + m[0] + p.slice(m.index! + m[0].length);
      count('word');
    } else if (kind === 'clause') {
      // Chinese: a clause of six characters or more; English: a whole sentence of eight words or more.
      const re = options.language === 'zh' ? /[^，。；？！：]{6,}[，；]/gu : /(?<=[.?!] )[A-Z][^.?!:]+\.(?= )/g;
      const cs = [...p.matchAll(re)].filter((m) => options.language === 'zh' || m[0].split(' ').length >= 8);
      if (!cs.length) continue;
      const m = pick(cs);
      const copies = options.language === 'zh' ? 1 + Math.floor(rand() * 2) : 2;
      const piece = options.language === 'zh' ? m[0] : m[0] + ' ';
      body[i] = p.slice(0, m.index!) + piece.repeat(copies) + p.slice(m.index!);
      count('clause');
    } else if (kind === 'split') {
      const re = options.language === 'zh' ? /(?<=\p{Script=Han})(?=\p{Script=Han})/gu : /(?<=[a-z]) (?=[a-z])/g;
      const cuts = [...p.matchAll(re)].map((m) => m.index!).filter((k) => k > 10 && k < p.length - 10);
      if (!cuts.length || /^[^：:]{1,12}[：:]$/.test(p.slice(0, cuts[0]))) continue;
      const k = pick(cuts);
      body.splice(i, 1, p.slice(0, k).trimEnd(), p.slice(k).trimStart());
      count('split');
    } else if (kind === 'fragment') {
      if (i + 1 >= body.length || !/[\p{Script=Han}]。$/u.test(p) || /^[^：]{1,12}：/.test(body[i + 1])) continue;
      const len = 1 + Math.floor(rand() * 2);
      body[i + 1] = p.slice(-(len + 1)) + body[i + 1];
      count('fragment');
    } else if (kind === 'punct') {
      const marks = [...p.matchAll(/[，：；？！]/g)];
      if (!marks.length) continue;
      const m = pick(marks);
      body[i] = p.slice(0, m.index!) + FULL_TO_ASCII[m[0]] + p.slice(m.index! + 1);
      count('punct');
    }
  }
  return { text: [paragraphs[0], ...body].join('\n\n') + '\n', defects };
}

/** Levenshtein distance between two strings (two rows of ints; fine for texts of a few 10k chars). */
export function editDistance(a: string, b: string): number {
  // Strip the common prefix and suffix first: corrupted and repaired texts share most of their length.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  a = a.slice(start, endA);
  b = b.slice(start, endB);
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
