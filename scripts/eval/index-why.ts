// Why the automatic index misses what it misses (issue 26): every hand-written person, place and
// organisation of the dev part that no automatic entry heads is put down to the engine's stage that lost
// it — (a) never proposed by a finder, (b) proposed and dropped by a filter (which one), (c) found under
// another form (cut, merged, an alias of another heading), (d) not in the body text at all — and every
// automatic entry that is no hand-written one to the finder that proposed it. Counts per stage and
// language, for each fixed half of the dev part (sorted ids, even and odd places), so a change tuned on
// one half is checked on the other. Dev only: the held-out part is never looked at here.
// `npx tsx scripts/eval/index-why.ts [--list]`.
import { fileURLToPath } from 'node:url';
import type { CorpusEntry } from '../fixtures/corpus.ts';
import { readTranscript } from '../reader/read.ts';
import { autoStages, flatEntries, type AutoEntry, type AutoStages } from '../index/candidates.ts';
import type { Candidate } from '../index/candidate.ts';
import { bannedTerms, headLines, indexableText, labelSpeakers } from '../index/auto.ts';
import { figures, goldTexts, loadGold, norm, scoreBook, type Gold } from './index-gold.ts';

export interface Miss { id: string; language: string; kind: string; gold: string; stage: string; detail: string }

/** The dev part's two fixed halves: its ids sorted, even places in A, odd in B (set before any change of round 2). */
export function devHalves(gold: Gold[]): { A: Set<string>; B: Set<string> } {
  const ids = gold.filter((g) => g.split === 'dev').map((g) => g.id).sort();
  return { A: new Set(ids.filter((_, i) => i % 2 === 0)), B: new Set(ids.filter((_, i) => i % 2 === 1)) };
}

function stagesOf(entry: CorpusEntry, rejected: Map<string, string>): { stages: AutoStages; body: string; labels: string } {
  const read = readTranscript(Buffer.from(entry.text), entry.config);
  const config = { ...entry.config, language: entry.expected.language };
  const banned = bannedTerms(read.tree, config);
  const body = indexableText(read.tree);
  const speakers = labelSpeakers(read.tree);
  const stages = autoStages(body, { language: config.language, ...banned, speakers, head: headLines(read.tree) }, (key, _kind, check) => { if (!rejected.has(norm(key))) rejected.set(norm(key), check); });
  return { stages, body, labels: [banned.title, ...banned.labels, ...banned.principals].join('\n') };
}

const ORDER: [keyof AutoStages, string][] = [['unbanned', 'b: banned (label, title, principal)'], ['gathered', 'c: gathered under a person'],
  ['abbreviated', 'c: abbreviation of an organisation'], ['inside', 'b: only inside longer terms'], ['ranked', 'b: subject said once'], ['entries', 'b: size cap']];

/** The stage that lost one hand-written name of a book. */
function lostAt(forms: string[], s: AutoStages, body: string, labels: string, rejected: Map<string, string>): { stage: string; detail: string } {
  const is = (c: { term: string }) => forms.includes(norm(c.term));
  const aliasOf = flatEntries(s.entries).find((e) => [e.term, ...e.aliases].slice(1).some((a) => forms.includes(norm(a))));
  if (aliasOf) return { stage: 'c: alias of another heading', detail: aliasOf.term };
  const lists: Candidate[][] = [s.found, s.labelled, s.unbanned, s.gathered, s.abbreviated, s.inside, s.ranked];
  const first = lists.findIndex((l) => l.some(is));
  if (first >= 0) {
    const c = lists[first].find(is)!;
    const cand = `${c.term} ${c.kind} score ${c.score.toFixed(1)} ×${c.count} ${c.source ?? ''}`;
    const entries = flatEntries(s.entries);
    for (const [key, stage] of ORDER) {
      const list = key === 'entries' ? entries : (s[key] as Candidate[]);
      if (!list.some(is)) {
        const holder = key === 'gathered' || key === 'abbreviated' ? (s[key] as Candidate[]).find((o) => o.aliases.some((a) => forms.includes(norm(a)))) : undefined;
        return { stage, detail: holder ? `${cand} → ${holder.term}` : cand };
      }
    }
  }
  const inBody = forms.some((f) => norm(body).includes(f));
  if (!inBody) return { stage: labels && forms.some((f) => norm(labels).includes(f)) ? 'd: only in labels or title' : 'd: not in the body text', detail: '' };
  const near = s.found.filter((c) => c.kind !== 'subject' || true).map((c) => ({ c, k: norm(c.term) }));
  const merged = near.find(({ k }) => forms.some((f) => k.includes(f) && k !== f));
  if (merged) return { stage: 'c: merged into a longer term', detail: `${merged.c.term} ${merged.c.kind} ${merged.c.source ?? ''}` };
  const cut = near.find(({ k }) => k.length >= 2 && forms.some((f) => f.includes(k) && k !== f));
  if (cut) return { stage: 'c: cut to a shorter term', detail: `${cut.c.term} ${cut.c.kind} ${cut.c.source ?? ''}` };
  const why = forms.map((f) => rejected.get(f)).find(Boolean);
  if (why) return { stage: `b: rejected (${why.replace(/^.*: /u, '')})`, detail: why };
  return { stage: 'a: never proposed', detail: '' };
}

/** Misses and wrong entries of the dev part, each with its stage or finder. */
export function why(gold = loadGold()): { misses: Miss[]; wrong: { id: string; language: string; term: string; source: string }[] } {
  const corpus = goldTexts();
  const misses: Miss[] = [];
  const wrong: { id: string; language: string; term: string; source: string }[] = [];
  for (const g of gold.filter((x) => x.split === 'dev' && corpus.has(x.id))) {
    const entry = corpus.get(g.id)!;
    const rejected = new Map<string, string>();
    const { stages, body, labels } = stagesOf(entry, rejected);
    const language = entry.expected.language;
    const heads = flatEntries(stages.entries).map((e) => norm(e.term));
    for (const [kind, list] of [['person', g.people], ['place', g.places], ['organisation', g.organisations]] as const) {
      for (const forms of list) {
        const f = forms.map(norm);
        if (heads.some((h) => f.includes(h))) continue;
        misses.push({ id: g.id, language, kind, gold: forms[0], ...lostAt(f, stages, body, labels, rejected) });
      }
    }
    const all = [...g.people, ...g.places, ...g.organisations, ...g.subjects].flat().map(norm);
    const neutral = g.neutral.map(norm);
    for (const e of flatEntries(stages.entries) as AutoEntry[]) {
      const k = norm(e.term);
      if (all.includes(k) || neutral.includes(k) || g.judged?.[e.term] === true) continue;
      const c = stages.ranked.find((x) => x.term === e.term);
      wrong.push({ id: g.id, language, term: e.term, source: `${e.kind} ${c?.source ?? (c?.labelOnly ? 'speaker labels' : 'a place of an institution')}` });
    }
  }
  return { misses, wrong };
}

function table<T>(rows: T[], key: (r: T) => string, langOf: (r: T) => string): string {
  const langs = ['zh-Hans', 'zh-Hant', 'en'];
  const keys = [...new Set(rows.map(key))].sort();
  const out = [`| stage | ${langs.join(' | ')} | all |`, '|---|---|---|---|---|'];
  for (const k of keys) {
    const of = rows.filter((r) => key(r) === k);
    out.push(`| ${k} | ${langs.map((l) => of.filter((r) => langOf(r) === l).length).join(' | ')} | ${of.length} |`);
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const gold = loadGold();
  const { A, B } = devHalves(gold);
  const { misses, wrong } = why(gold);
  if (process.argv.includes('--list')) {
    for (const m of misses) console.log(`${m.id}\t${m.kind}\t${m.gold}\t${m.stage}\t${m.detail}`);
    for (const w of wrong) console.log(`WRONG ${w.id}\t${w.term}\t${w.source}`);
  }
  console.log(`\nMissed names by stage (dev, ${misses.length}):\n${table(misses, (m) => m.stage, (m) => m.language)}`);
  console.log(`\nEntries that are no hand-written one and not judged useful, by finder (dev, ${wrong.length}):\n${table(wrong, (w) => w.source, (w) => w.language)}`);
  const corpus = goldTexts();
  for (const [name, half] of [['A', A], ['B', B]] as const) {
    const f = figures(gold.filter((g) => half.has(g.id)).map((g) => scoreBook(corpus.get(g.id)!, g)));
    const mh = misses.filter((m) => half.has(m.id));
    console.log(`dev half ${name}: ${f.books} books, ${f.entries} entries, useful ${(100 * f.precisionStrict).toFixed(1)} % (wrong ${f.wrong}, unjudged ${f.unjudged}); names found ${f.found}/${f.names} = ${(100 * f.recall).toFixed(1)} %; misses ${mh.length}`);
  }
}
