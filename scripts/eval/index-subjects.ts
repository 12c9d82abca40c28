// Every subject entry of the dev part with what might tell a useful one from a wrong one (issue 26):
// mentions, paragraphs, the finder's score, and how many other dev books of the language write the phrase.
// Dev only. `npx tsx scripts/eval/index-subjects.ts`.
import { loadCorpus, corpusRoot } from '../fixtures/corpus.ts';
import { readTranscript } from '../reader/read.ts';
import { autoStages, flatEntries } from '../index/candidates.ts';
import { bannedTerms, indexableText, labelSpeakers } from '../index/auto.ts';
import { loadGold, norm, scoreBook } from './index-gold.ts';
import { devHalves } from './index-why.ts';

const gold = loadGold();
const { A } = devHalves(gold);
const corpus = new Map(loadCorpus(corpusRoot, 'all').map((c) => [c.id, c]));
const dev = gold.filter((g) => g.split === 'dev' && corpus.has(g.id));
const bodies = new Map(dev.map((g) => [g.id, indexableText(readTranscript(Buffer.from(corpus.get(g.id)!.text), corpus.get(g.id)!.config).tree)]));
const langOf = (id: string) => corpus.get(id)!.expected.language.startsWith('zh') ? 'zh' : 'en';
for (const g of dev) {
  const entry = corpus.get(g.id)!;
  const read = readTranscript(Buffer.from(entry.text), entry.config);
  const config = { ...entry.config, language: entry.expected.language };
  const body = bodies.get(g.id)!;
  const stages = autoStages(body, { language: config.language, ...bannedTerms(read.tree, config), speakers: labelSpeakers(read.tree) });
  const verdicts = new Map(scoreBook(entry, g).entries.map((e) => [e.term, e.verdict]));
  const paras = body.split(/\n+/u);
  for (const e of flatEntries(stages.entries)) {
    if (e.kind !== 'subject') continue;
    const c = stages.ranked.find((x) => x.term === e.term);
    const k = norm(e.term);
    const others = dev.filter((o) => o.id !== g.id && langOf(o.id) === langOf(g.id) && norm(bodies.get(o.id)!).includes(k)).length;
    const inParas = paras.filter((p) => norm(p).includes(k)).length;
    console.log([A.has(g.id) ? 'A' : 'B', g.id, e.term, verdicts.get(e.term) ?? '?', `n=${c?.count}`, `p=${inParas}`, `s=${c?.score.toFixed(2)}`, `bg=${others}`, c?.source ?? '', c?.properName ? 'proper' : '', c?.named ? 'named' : '', `size=${stages.size}`, `ents=${flatEntries(stages.entries).length}`].join('\t'));
  }
}
