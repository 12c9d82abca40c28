// Fits the doubled-character model of scripts/reader/confidence.ts (CHAR_MODEL) on the development
// part of the corpus (split: dev in expected.json; never the test part): every doubled Chinese character that no legitimate mechanism explains, in the clean texts
// (all legitimate) and in the texts corrupted with 30 seeds (a copy the generator made, or not),
// with its evidence; then a logistic regression (L2), and the reliability of the fitted model per
// confidence bin. Run: npx tsx scripts/eval/calibrate.ts — paste the weights into confidence.ts.
import { loadCorpus, corpusRoot } from '../fixtures/corpus.ts';
import { charFeatures } from '../reader/dedupe.ts';
import { lexicon, scoringView } from '../reader/lexicon.ts';
import { corrupt, type Defect, type Language } from './corrupt.ts';

const NAMES = ['bias', 'gain', 'brokeWord', 'bothAlone', 'mixed', 'name', 'particle', 'bothAloneParticle', 'bothAlonePairWord'] as const;
const NUMERAL = /^[零〇一二三四五六七八九十百千万亿两]$/u;

interface Row { x: number[]; y: number; at: string }

export function charRows(seeds: number[], rate = 8): Row[] {
  const lex = lexicon();
  const rows: Row[] = [];
  const collect = (text: string, language: Language, defects: Defect[]) => {
    const v = scoringView(text);
    for (let at = 1; at < v.length; at++) {
      const x = v[at];
      if (x !== v[at - 1] || v[at - 2] === x || v[at + 1] === x || !/\p{Script=Han}/u.test(x) || NUMERAL.test(x)) continue;
      const f = charFeatures(lex, v, at);
      if (f.explained || f.speech) continue;
      rows.push({
        x: [1, f.gain, +f.brokeWord, +f.bothAlone, +f.mixed, +f.name, +f.particle, +(f.bothAlone && f.particle), +(f.bothAlone && f.pairWord)],
        y: defects.some((d) => d.start <= at && at < d.end) ? 1 : 0,
        at: v.slice(Math.max(0, at - 4), at + 4),
      });
    }
  };
  // The development part only: the test part is held out for the figures the README quotes.
  for (const e of loadCorpus(corpusRoot, 'dev')) {
    const language = e.config.language as Language;
    if (language === 'en') continue;
    collect(e.text, language, []);
    for (const seed of seeds) {
      const bad = corrupt(e.text, { seed, rate, language });
      collect(bad.text, language, bad.defects);
    }
  }
  return rows;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const predict = (w: number[], x: number[]) => sigmoid(x.reduce((s, v, i) => s + v * w[i], 0));

export function fit(rows: Row[], iterations = 20000, rate = 0.5, l2 = 0.001): number[] {
  const w = new Array(rows[0].x.length).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array(w.length).fill(0);
    for (const r of rows) {
      const p = predict(w, r.x);
      for (let i = 0; i < w.length; i++) g[i] += (p - r.y) * r.x[i];
    }
    for (let i = 0; i < w.length; i++) w[i] -= rate * (g[i] / rows.length + (i ? l2 * w[i] : 0));
  }
  return w;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = charRows(Array.from({ length: 30 }, (_, i) => i + 1));
  const w = fit(rows);
  console.log(`${rows.length} doubled characters no mechanism explains, ${rows.filter((r) => r.y).length} of them copies the generator made`);
  console.log('legitimate ones (clean text):', [...new Set(rows.filter((r) => !r.y).map((r) => r.at))].join(' · '));
  console.log('CHAR_MODEL = {', NAMES.map((n, i) => `${n}: ${w[i].toFixed(3)}`).join(', '), '}');
  for (const [a, b] of [[0, 0.5], [0.5, 0.9], [0.9, 0.95], [0.95, 0.99], [0.99, 1.01]]) {
    const bin = rows.filter((r) => { const p = predict(w, r.x); return p >= a && p < b; });
    console.log(`p ${a}–${Math.min(b, 1)}: ${bin.length} pairs, ${bin.length ? (100 * bin.filter((r) => r.y).length / bin.length).toFixed(1) : '-'} % copies`);
  }
}
