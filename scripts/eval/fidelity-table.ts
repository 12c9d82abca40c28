// The README's reader-fidelity table (issue 21): every figure for the held-out test part of the
// corpus, with the development part beside it, and the size each is measured on in characters.
//   npx tsx scripts/eval/fidelity-table.ts            prints the table
//   npx tsx scripts/eval/fidelity-table.ts --write    rewrites it in README.md between its markers
// Rules and confidence are tuned on dev only (test/corpus/README.md, "Parts"). Chinese figures use 10
// seeds, English ones 3 (its texts are 30 times larger); 8 defects per 1,000 characters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, corpusRoot } from '../fixtures/corpus.ts';
import { corpusTexts, evaluateCorpus, readerOutput, type EvalText, type EvalReport } from './measure.ts';
import { corruptIndependently } from './independent.ts';
import { typedDoubles } from './english-typed.ts';
import { projectRoot } from '../render/templates.ts';
import { FURNITURE } from '../reader/convention.ts';
import { writeFileAtomic } from '../core/files.ts';

type Part = 'dev' | 'test';
const ZH_SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const EN_SEEDS = [1, 2, 3];

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

/** Characters changed on clean text, read as book.yaml says and without `language` (page furniture aside). */
function cleanChanged(texts: EvalText[]): { chars: number; changes: number } {
  let chars = 0;
  let changes = 0;
  for (const t of texts) for (const language of [t.options.language, undefined]) {
    for (const c of readerOutput(t.text, { ...t.options, language }).changes) {
      if (!c.applied || (c.rule === 'page-furniture' && FURNITURE.test(c.before.trim()))) continue;
      changes++;
      chars += c.before === '¶' ? 2 : c.before.length + c.after.length;
    }
  }
  return { chars, changes };
}

interface PartFigures { texts: number; chars: Record<string, number>; briefings: number; clean: { chars: number; changes: number }; independent: EvalReport; english: EvalReport; seeded: EvalReport }

/** Characters of whole published briefings (a whole document the house titles a press briefing). */
function briefingChars(entries: ReturnType<typeof loadCorpus>): number {
  return entries
    .filter((e) => /whole/.test((e.expected.source as { excerpt?: string }).excerpt ?? '') && /^Press Briefing by /.test(e.config.title ?? ''))
    .reduce((n, e) => n + e.text.length, 0);
}

function measure(part: Part): PartFigures {
  const entries = loadCorpus(corpusRoot, 'all');
  const texts = corpusTexts(entries).filter((t) => t.split === part);
  const zh = texts.filter((t) => t.language !== 'en');
  const en = texts.filter((t) => t.language === 'en');
  const chars: Record<string, number> = {};
  for (const t of texts) chars[t.language] = (chars[t.language] ?? 0) + t.text.length;
  return {
    texts: texts.length,
    chars,
    briefings: briefingChars(entries.filter((e) => e.expected.split === part)),
    clean: cleanChanged(texts),
    independent: evaluateCorpus(zh, { seeds: ZH_SEEDS, rate: 8, generator: corruptIndependently }),
    english: evaluateCorpus(en, { seeds: EN_SEEDS, rate: 8, generator: corruptIndependently, distance: false }),
    seeded: evaluateCorpus(zh, { seeds: ZH_SEEDS, rate: 8 }),
  };
}

/** English typed doubles (words and phrases) caught: applied, or listed for review in verbatim. */
function typedCaught(r: EvalReport): string {
  // Counted as english-typed.ts counts them (one count for the table and the progress script).
  const d = typedDoubles(r);
  return d.made ? `${pct(d.caught / d.made)} (${n(d.caught)} of ${n(d.made)})` : '-';
}

function charRecall(r: EvalReport): string {
  const d = Object.entries(r.defects).filter(([k]) => /^char /.test(k)).reduce((x, [, v]) => ({ made: x.made + v.made, repaired: x.repaired + v.repaired }), { made: 0, repaired: 0 });
  const p = r.rules['dup-char'];
  return `${(d.repaired / d.made).toFixed(3)} at precision ${(p?.precision ?? 1).toFixed(3)} (${n(d.repaired)} of ${n(d.made)}; ${p?.wrong ?? 0} wrong)`;
}

function reduction(r: EvalReport, language: string): string {
  const x = r.reduction[language];
  return x ? `${pct(x.errorReduction)} (edit distance ${n(x.before)} → ${n(x.after)})` : '-';
}

function rows(f: Record<Part, PartFigures>): string[] {
  const size = (p: Part) => `${f[p].texts} transcripts, ${n(Object.values(f[p].chars).reduce((a, b) => a + b, 0))} characters (zh-Hans ${n(f[p].chars['zh-Hans'] ?? 0)}, zh-Hant ${n(f[p].chars['zh-Hant'] ?? 0)}, en ${n(f[p].chars.en ?? 0)}); ${n(f[p].briefings)} of them in whole published briefings`;
  const line = (what: string, target: string, get: (p: Part) => string) => `| ${what} | ${get('test')} | ${get('dev')} | ${target} |`;
  return [
    '| figure | test part (held out) | dev part (rules tuned here) | target |',
    '| --- | --- | --- | --- |',
    line('size', '≥ 1,000,000 characters of whole briefings (test)', size),
    line('characters changed on clean text, verbatim, with and without `language`', '0', (p) => `${f[p].clean.chars} (${f[p].clean.changes} changes)`),
    line('zh-Hans error reduction, independent generator, verbatim, 10 seeds', '≥ 95 %', (p) => reduction(f[p].independent, 'zh-Hans')),
    line('zh-Hant error reduction, independent generator, verbatim, 10 seeds', '≥ 95 %', (p) => reduction(f[p].independent, 'zh-Hant')),
    line('English typed doubles caught (applied or listed), independent generator, 3 seeds', '≥ 90 %', (p) => typedCaught(f[p].english)),
    line('wrong repairs applied on corrupted Chinese and English (independent generator)', '0', (p) => String(['dup-char', 'dup-word', 'dup-clause'].reduce((s, k) => s + (f[p].independent.rules[k]?.wrong ?? 0) + (f[p].english.rules[k]?.wrong ?? 0), 0))),
    line('doubled-character recall (`dup-char`), seeded generator, 10 seeds', '> 0.69, precision 1.000', (p) => charRecall(f[p].seeded)),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = { test: measure('test'), dev: measure('dev') };
  const table = rows(figures).join('\n');
  console.log(table);
  if (process.argv.includes('--write')) {
    const path = join(projectRoot, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const next = readme.replace(/(<!-- fidelity -->\n)[\s\S]*?(\n<!-- \/fidelity -->)/, `$1${table}$2`);
    writeFileAtomic(path, next);
  }
}
