// Structure evaluation over the golden transcripts (test/corpus/ and test/structure/fixtures/), per
// corpus split (dev, test), per language and per shape: turns right (speaker, and question versus
// non-question), false turns, title errors. Rules are tuned on `dev` only; `test` is reported beside it.
//
//   npx tsx scripts/eval/structure.ts            the table
//   npx tsx scripts/eval/structure.ts --errors   …and every wrong turn, false turn and title error (dev only;
//                                                add --all to list test-split errors too)
//   npx tsx scripts/eval/structure.ts --json     the figures as JSON
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenCases, goldenRoots, scoreCase, totals, type Score, type Totals } from '../fixtures/structure.ts';
import { projectRoot } from '../render/templates.ts';

export interface CaseInfo { split: string; language: string; shape: string }

/** Split, language and shape of a golden case from its expected.json (fixtures without a split are dev). */
export function caseInfo(dir: string): CaseInfo {
  const e = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { split?: string; language?: string; shape?: string };
  const id = dir.split('/').at(-1)!;
  const language = e.language ?? (/hant/i.test(id) ? 'zh-Hant' : /^(en|dod|state|wh)-/.test(id) ? 'en' : 'zh-Hans');
  return { split: e.split ?? 'dev', language, shape: e.shape ?? 'unknown' };
}

export interface Group { split: string; by: 'all' | 'language' | 'shape'; key: string; totals: Totals }
export interface StructureEval { scores: (Score & CaseInfo)[]; groups: Group[] }

/** Scores every golden case and groups the totals by split, language and shape. */
export function evaluateStructure(root = projectRoot, filter: (info: CaseInfo) => boolean = () => true): StructureEval {
  const scores = goldenCases(goldenRoots(root)).map((dir) => ({ dir, info: caseInfo(dir) }))
    .filter(({ info }) => filter(info))
    .map(({ dir, info }) => {
      const { result: _result, ...s } = scoreCase(dir);
      return { ...s, ...info };
    });
  const groups: Group[] = [];
  for (const split of [...new Set(scores.map((s) => s.split))].sort()) {
    const inSplit = scores.filter((s) => s.split === split);
    groups.push({ split, by: 'all', key: 'all', totals: totals(inSplit) });
    for (const by of ['language', 'shape'] as const) {
      for (const key of [...new Set(inSplit.map((s) => s[by]))].sort()) groups.push({ split, by, key, totals: totals(inSplit.filter((s) => s[by] === key)) });
    }
  }
  return { scores, groups };
}

export function formatEval(e: StructureEval, errors: 'none' | 'dev' | 'all' = 'none'): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  const out = ['| split | group | transcripts | turns right | exact role | false turns | title errors |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const g of e.groups) {
    const t = g.totals;
    out.push(`| ${g.split} | ${g.by === 'all' ? 'all' : `${g.by} ${g.key}`} | ${t.cases} | ${pct(t.accuracy)} (${t.right}/${t.turns}) | ${pct(t.strictAccuracy)} | ${t.falseTurns} | ${t.titleErrors} |`);
  }
  if (errors !== 'none') {
    for (const s of e.scores.filter((x) => errors === 'all' || x.split === 'dev')) {
      for (const w of s.wrong) out.push(`${s.split} ${s.id}:${w.expected.line} expected ${w.expected.role} ${w.expected.speaker}, found ${w.found ? `${w.found.role} ${w.found.speaker} (${w.found.label})` : 'nothing'}`);
      for (const f of s.falseTurns) out.push(`${s.split} ${s.id}:${f.line} false turn ${f.label}`);
      if (s.titleError) out.push(`${s.split} ${s.id}: ${s.titleError}`);
    }
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && existsSync(projectRoot)) {
  const args = process.argv.slice(2);
  const e = evaluateStructure();
  if (args.includes('--json')) process.stdout.write(JSON.stringify(e.groups, null, 2) + '\n');
  else process.stdout.write(formatEval(e, args.includes('--errors') ? (args.includes('--all') ? 'all' : 'dev') : 'none') + '\n');
}
