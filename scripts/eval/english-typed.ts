// English typed doubles caught (issue 21): words and phrases typed twice by the independent generator
// (independent.ts, en-word and en-span), caught when a change is applied to them or listed for review
// in verbatim. One line per part and seed, so a long run shows its progress.
//   npx tsx scripts/eval/english-typed.ts [test|dev ...] [--seeds 1,2,3]
import { loadCorpus, corpusRoot } from '../fixtures/corpus.ts';
import { corpusTexts, evaluateCorpus, type EvalReport } from './measure.ts';
import { corruptIndependently } from './independent.ts';

export function typedDoubles(r: EvalReport): { made: number; caught: number; repaired: number } {
  const out = { made: 0, caught: 0, repaired: 0 };
  for (const [k, v] of Object.entries(r.defects)) {
    if (!/^en-(word|span) /.test(k)) continue;
    out.made += v.made;
    out.caught += v.caught;
    out.repaired += v.repaired;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const parts = args.filter((a) => a === 'dev' || a === 'test');
  const seedArg = args[args.indexOf('--seeds') + 1];
  const seeds = args.includes('--seeds') ? seedArg.split(',').map(Number) : [1, 2, 3];
  const texts = corpusTexts(loadCorpus(corpusRoot, 'all')).filter((t) => t.language === 'en');
  for (const part of parts.length ? parts : ['test', 'dev']) {
    const inPart = texts.filter((t) => t.split === part);
    const chars = inPart.reduce((n, t) => n + t.text.length, 0);
    for (const seed of seeds) {
      const r = evaluateCorpus(inPart, { seeds: [seed], rate: 8, generator: corruptIndependently, distance: false });
      const d = typedDoubles(r);
      const wrong = ['dup-word', 'dup-clause', 'speech-repetition'].map((k) => `${k} ${r.rules[k]?.wrong ?? 0}`).join(', ');
      console.log(`${part} (${inPart.length} texts, ${chars} characters) seed ${seed}: caught ${d.caught}/${d.made} = ${(d.caught / d.made).toFixed(3)}, repaired ${d.repaired}; wrong applied: ${wrong}`);
    }
  }
}
