// Reader fidelity on real transcripts (issues 11, 21), for `npm run bench` (rows `reader` / `fidelity`):
// characters changed on the clean corpus, error reduction per script on the corpus corrupted by the
// seeded generator, precision and recall of each rule, and the reliability of the confidence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, corpusRoot } from '../fixtures/corpus.ts';
import { corruptIndependently } from '../eval/independent.ts';
import { corpusTexts, evaluateCorpus, reliability, RULE_FOR, type EvalReport, type EvalText } from '../eval/measure.ts';
import { projectRoot } from '../render/templates.ts';

export interface FidelityRow { bench: string; figure: string; baseline: string; ratio: number | null; target: string; pass: boolean | null }

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

/** Characters of text, as README figures give them ("45,000 characters"). */
const size = (n: number) => `${n.toLocaleString('en-US')} characters`;

/**
 * Every figure for the development part and the held-out test part apart (test/corpus/README.md,
 * `split` in expected.json): rules and confidence are tuned on dev only; the README quotes test.
 * Each part is measured with the seeded generator (corrupt.ts) and with the independent one
 * (independent.ts), which shares no word list or threshold with the detector.
 */
export function fidelityRows(seeds = Array.from({ length: 10 }, (_, i) => i + 1), rate = 8, log: (s: string) => void = () => {}): { rows: FidelityRow[]; report: EvalReport; written: EvalReport } {
  const all = corpusTexts(loadCorpus(corpusRoot, 'all'));
  const rows: FidelityRow[] = [];
  let report: EvalReport | null = null;
  for (const split of ['dev', 'test'] as const) {
    const corpus = all.filter((t) => t.split === split);
    if (!corpus.length) continue;
    for (const [name, generator] of [['seeded', undefined], ['independent', corruptIndependently]] as const) {
      const t0 = performance.now();
      const r = evaluateCorpus(corpus, { seeds, rate, generator });
      log(`  ${split}, ${name} generator: ${corpus.length} transcripts × ${seeds.length} seeds in ${Math.round((performance.now() - t0) / 1000)} s`);
      if (split === 'dev' && name === 'seeded') report = r;
      const tag = `${split}, ${name} generator`;
      const chars = Object.values(r.chars).reduce((x, y) => x + y, 0);
      if (name === 'seeded') {
        rows.push({ bench: `[${split}] characters changed on clean text (${corpus.length} transcripts, ${size(chars)})`, figure: `${r.cleanChangedChars} (${r.cleanChanges.length} changes)`,
          baseline: 'clean published text', ratio: null, target: '0', pass: r.cleanChangedChars === 0 });
      }
      for (const language of ['zh-Hans', 'zh-Hant', 'en']) {
        const red = r.reduction[language];
        if (!red) continue;
        rows.push({ bench: `[${tag}] error reduction (${language}, ${red.texts} texts, ${size(r.chars[language])} × ${seeds.length} seeds)`, figure: pct(red.errorReduction),
          baseline: `edit distance ${red.before} → ${red.after}`, ratio: null, target: language === 'en' ? 'reported' : '≥ 95 %', pass: language === 'en' ? null : red.errorReduction >= 0.95 });
      }
      // English typed doubles: caught when repaired, or listed for review (verbatim keeps a word said twice).
      const typed = Object.entries(r.defects).filter(([k]) => /^en-(word|span) /.test(k)).reduce((x, [, d]) => ({ made: x.made + d.made, caught: x.caught + d.caught }), { made: 0, caught: 0 });
      if (typed.made) rows.push({ bench: `[${tag}] English typed doubles caught (applied or listed)`, figure: pct(typed.caught / typed.made), baseline: `${typed.caught} of ${typed.made}`, ratio: null, target: '≥ 90 %', pass: typed.caught / typed.made >= 0.9 });
      // Per rule: precision of what it applied (clean and corrupted text), recall over the damage meant for it.
      for (const [rule, p] of Object.entries(r.rules).sort()) {
        const kinds = Object.entries(r.defects).filter(([k]) => RULE_FOR[k.split(' ')[0] as keyof typeof RULE_FOR] === rule);
        const made = kinds.reduce((x, [, d]) => x + d.made, 0);
        const repaired = kinds.reduce((x, [, d]) => x + d.repaired, 0);
        rows.push({ bench: `[${tag}] rule ${rule}: precision / recall`, figure: `${p.precision.toFixed(3)} / ${made ? (repaired / made).toFixed(3) : '-'}`,
          baseline: `${p.right} right, ${p.wrong} wrong; ${repaired} of ${made} defects`, ratio: null, target: 'precision ≥ 0.99', pass: p.precision >= 0.99 });
      }
      // Reliability: in each confidence bin, how often a proposal (applied or listed) was right.
      for (const b of reliability(r.proposals)) {
        if (!b.n) continue;
        const top = b.bin[0] >= 0.99;
        rows.push({ bench: `[${tag}] confidence ${b.bin[0]}–${Math.min(1, b.bin[1])}: right`, figure: pct(b.observed), baseline: `${b.right} of ${b.n}, mean claimed ${b.claimed.toFixed(3)}`,
          ratio: null, target: top ? '≥ 99 %' : `≥ ${pct(b.bin[0])}`, pass: b.observed >= b.bin[0] });
      }
    }
  }
  // The project's own written texts (the figures the README showed before the real corpus).
  const written: EvalText[] = [
    { id: 'zh-clean', text: readFileSync(join(projectRoot, 'test/eval/zh-clean.txt'), 'utf8'), language: 'zh-Hans', options: { speaker: '张主任' } },
    { id: 'en-verbatim', text: readFileSync(join(projectRoot, 'test/eval/en-verbatim.txt'), 'utf8'), language: 'en', options: { speaker: 'MS. OKAFOR' } },
  ];
  const w = evaluateCorpus(written, { seeds, rate });
  rows.push({ bench: 'characters changed on clean text (written)', figure: String(w.cleanChangedChars), baseline: 'clean text', ratio: null, target: '0', pass: w.cleanChangedChars === 0 });
  return { rows, report: report!, written: w };
}
