// Reader fidelity on real transcripts (issue 11), for `npm run bench` (rows `reader` / `fidelity`):
// characters changed on the clean corpus, error reduction per script on the corpus corrupted by the
// seeded generator, precision and recall of each rule, and the reliability of the confidence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../fixtures/corpus.ts';
import { corpusTexts, evaluateCorpus, reliability, RULE_FOR, type EvalReport, type EvalText } from '../eval/measure.ts';
import { projectRoot } from '../render/templates.ts';

export interface FidelityRow { bench: string; figure: string; baseline: string; ratio: number | null; target: string; pass: boolean | null }

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

export function fidelityRows(seeds = Array.from({ length: 10 }, (_, i) => i + 1), rate = 8): { rows: FidelityRow[]; report: EvalReport; written: EvalReport } {
  const corpus = corpusTexts(loadCorpus());
  const report = evaluateCorpus(corpus, { seeds, rate });
  const rows: FidelityRow[] = [];
  const n = (l: string) => corpus.filter((t) => t.language === l).length;
  rows.push({ bench: `characters changed on clean text (real corpus, ${corpus.length} transcripts)`, figure: `${report.cleanChangedChars} (${report.cleanChanges.length} changes)`,
    baseline: 'clean published text', ratio: null, target: '0', pass: report.cleanChangedChars === 0 });
  for (const language of ['zh-Hans', 'zh-Hant', 'en']) {
    const r = report.reduction[language];
    if (!r) continue;
    rows.push({ bench: `error reduction (real ${language}, ${n(language)} texts × ${seeds.length} seeds)`, figure: pct(r.errorReduction),
      baseline: `edit distance ${r.before} → ${r.after}`, ratio: null, target: '≥ 95 %', pass: r.errorReduction >= 0.95 });
  }
  // Per rule: precision of what it applied (clean and corrupted text), recall over the damage meant for it.
  for (const [rule, p] of Object.entries(report.rules).sort()) {
    const kinds = Object.entries(report.defects).filter(([k]) => RULE_FOR[k.split(' ')[0] as keyof typeof RULE_FOR] === rule);
    const made = kinds.reduce((s, [, d]) => s + d.made, 0);
    const repaired = kinds.reduce((s, [, d]) => s + d.repaired, 0);
    rows.push({ bench: `rule ${rule}: precision / recall`, figure: `${p.precision.toFixed(3)} / ${made ? (repaired / made).toFixed(3) : '-'}`,
      baseline: `${p.right} right, ${p.wrong} wrong; ${repaired} of ${made} defects`, ratio: null, target: 'precision ≥ 0.99', pass: p.precision >= 0.99 });
  }
  // Reliability: in each confidence bin, how often a proposal (applied or listed) was right.
  for (const b of reliability(report.proposals)) {
    if (!b.n) continue;
    const top = b.bin[0] >= 0.99;
    rows.push({ bench: `confidence ${b.bin[0]}–${Math.min(1, b.bin[1])}: right`, figure: pct(b.observed), baseline: `${b.right} of ${b.n}, mean claimed ${b.claimed.toFixed(3)}`,
      ratio: null, target: top ? '≥ 99 %' : `≥ ${pct(b.bin[0])}`, pass: b.observed >= b.bin[0] });
  }
  // The project's own written texts (the figures the README showed before the real corpus).
  const written: EvalText[] = [
    { id: 'zh-clean', text: readFileSync(join(projectRoot, 'test/eval/zh-clean.txt'), 'utf8'), language: 'zh-Hans', options: { speaker: '张主任' } },
    { id: 'en-verbatim', text: readFileSync(join(projectRoot, 'test/eval/en-verbatim.txt'), 'utf8'), language: 'en', options: { speaker: 'MS. OKAFOR' } },
  ];
  const w = evaluateCorpus(written, { seeds, rate });
  for (const t of written) {
    const r = w.reduction[t.language];
    rows.push({ bench: `error reduction (${t.id}, written)`, figure: pct(r.errorReduction), baseline: `edit distance ${r.before} → ${r.after}`, ratio: null, target: '≥ 95 %', pass: r.errorReduction >= 0.95 });
  }
  rows.push({ bench: 'characters changed on clean text (written)', figure: String(w.cleanChangedChars), baseline: 'clean text', ratio: null, target: '0', pass: w.cleanChangedChars === 0 });
  return { rows, report, written: w };
}
