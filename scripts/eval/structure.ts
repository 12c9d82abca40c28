// Structure evaluation over the golden transcripts (test/corpus/ and test/structure/fixtures/), per
// corpus split (dev, test), per language and per shape: turns right (speaker, and question versus
// non-question), false turns, title errors. Rules are tuned on `dev` only; `test` is reported beside it.
//
//   npx tsx scripts/eval/structure.ts            the tables (all, per language, per shape, per house style; dev beside test, with sizes)
//   npx tsx scripts/eval/structure.ts --errors   …and every wrong turn, false turn and title error (dev only;
//                                                add --all to list test-split errors too)
//   npx tsx scripts/eval/structure.ts --json     the figures as JSON
//   … --speaker=minimal|chair|nobody             read each transcript with a book.yaml of `speaker:` only
//                                                (as the held-out evaluation gives it) naming its
//                                                book.yaml's speaker, the golden chair (its first
//                                                moderator), or nobody who speaks
// "roles right" counts turns whose role (question, answer, remarks, moderator) is the golden one: the
// annotator's, from the house style's markup and its chair/witness lists, never from the product.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenCases, goldenRoots, scoreCaseAs, totals, type PrincipalChoice, type Score, type Totals } from '../fixtures/structure.ts';
import { projectRoot } from '../render/templates.ts';
import { readingLanguage } from '../lang/language.ts';
import { loadBookConfig } from '../config/load.ts';

export interface CaseInfo { split: string; language: string; shape: string; convention: string; chars: number }

/** Split, language and shape of a golden case from its expected.json (fixtures without a split are dev). */
export function caseInfo(dir: string): CaseInfo {
  const e = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { split?: string; language?: string; shape?: string; convention?: string };
  // A fixture without the field is in the language its book.yaml declares (every one declares it).
  const language = e.language ?? readingLanguage(loadBookConfig(join(dir, 'book.yaml')).language) ?? 'zh-Hans';
  const chars = Array.from(readFileSync(join(dir, 'transcript.txt'), 'utf8')).length;
  // The house style (test/corpus/README.md, Parts); the legacy set and the fixtures have none.
  return { split: e.split ?? 'dev', language, shape: e.shape ?? 'unknown', convention: e.convention ?? '(legacy)', chars };
}

export interface Group { split: string; by: 'all' | 'language' | 'shape' | 'convention'; key: string; totals: Totals; chars: number }
export interface StructureEval { scores: (Score & CaseInfo)[]; groups: Group[] }

/** Scores every golden case and groups the totals by split, language, shape and house style. */
export function evaluateStructure(root = projectRoot, filter: (info: CaseInfo) => boolean = () => true, choice: PrincipalChoice = 'book'): StructureEval {
  const scores = goldenCases(goldenRoots(root)).map((dir) => ({ dir, info: caseInfo(dir) }))
    .filter(({ info }) => filter(info))
    .flatMap(({ dir, info }) => {
      const scored = scoreCaseAs(dir, choice);
      if (!scored) return [];
      const { result: _result, ...s } = scored;
      return [{ ...s, ...info }];
    });
  const groups: Group[] = [];
  for (const split of [...new Set(scores.map((s) => s.split))].sort()) {
    const inSplit = scores.filter((s) => s.split === split);
    const chars = (xs: typeof inSplit) => xs.reduce((n, x) => n + x.chars, 0);
    groups.push({ split, by: 'all', key: 'all', totals: totals(inSplit), chars: chars(inSplit) });
    for (const by of ['language', 'shape', 'convention'] as const) {
      for (const key of [...new Set(inSplit.map((s) => s[by]))].sort()) {
        const of = inSplit.filter((s) => s[by] === key);
        groups.push({ split, by, key, totals: totals(of), chars: chars(of) });
      }
    }
  }
  return { scores, groups };
}

/** One table per grouping (all, language, shape, house style): dev beside test, with sizes. */
export function formatEval(e: StructureEval, errors: 'none' | 'dev' | 'all' = 'none'): string {
  const out: string[] = [];
  for (const by of ['all', 'language', 'shape', 'convention'] as const) out.push(...evalTable(e.groups.filter((g) => g.by === by), by), '');
  if (errors !== 'none') out.push(...errorLines(e, errors));
  return out.join('\n').trimEnd();
}

function evalTable(groups: Group[], by: Group['by']): string[] {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  const cell = (g: Group | undefined) => g
    ? [`${g.totals.cases} / ${g.chars.toLocaleString('en')}`, `${pct(g.totals.accuracy)} (${g.totals.right}/${g.totals.turns})`, `${pct(g.totals.roleAccuracy)} (${g.totals.rolesRight}/${g.totals.turns})`, `${g.totals.falseTurns} / ${g.totals.titleErrors}`]
    : ['–', '–', '–', '–'];
  const head = ['transcripts / chars', 'turns right', 'roles right', 'false turns / title errors'];
  const out = [`| ${by} | ${head.map((h) => `dev: ${h}`).join(' | ')} | ${head.map((h) => `test: ${h}`).join(' | ')} |`, `|${' --- |'.repeat(1 + 2 * head.length)}`];
  for (const key of [...new Set(groups.map((g) => g.key))].sort()) {
    const at = (split: string) => groups.find((g) => g.split === split && g.key === key);
    out.push(`| ${key} | ${cell(at('dev')).join(' | ')} | ${cell(at('test')).join(' | ')} |`);
  }
  return out;
}

function errorLines(e: StructureEval, errors: 'dev' | 'all'): string[] {
  const out: string[] = [];
  for (const s of e.scores.filter((x) => errors === 'all' || x.split === 'dev')) {
    for (const w of s.wrong) out.push(`${s.split} ${s.id}:${w.expected.line} expected ${w.expected.role} ${w.expected.speaker}, found ${w.found ? `${w.found.role} ${w.found.speaker} (${w.found.label})` : 'nothing'}`);
    for (const r of s.wrongRoles) out.push(`${s.split} ${s.id}:${r.line} role: expected ${r.expected} ${r.speaker}, found ${r.found}`);
    for (const f of s.falseTurns) out.push(`${s.split} ${s.id}:${f.line} false turn ${f.label}`);
    if (s.titleError) out.push(`${s.split} ${s.id}: ${s.titleError}`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && existsSync(projectRoot)) {
  const args = process.argv.slice(2);
  const choice = (args.find((a) => a.startsWith('--speaker='))?.slice('--speaker='.length) ?? 'book') as PrincipalChoice;
  if (!['book', 'minimal', 'chair', 'nobody'].includes(choice)) throw new Error(`--speaker=${choice}: use book, minimal, chair or nobody`);
  const e = evaluateStructure(projectRoot, () => true, choice);
  if (args.includes('--json')) process.stdout.write(JSON.stringify(e.groups, null, 2) + '\n');
  else process.stdout.write(formatEval(e, args.includes('--errors') ? (args.includes('--all') ? 'all' : 'dev') : 'none') + '\n');
}
