#!/usr/bin/env node
// Rewrites the table of README.md (between the <!-- table --> markers) from the corpus folders.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const rows = [];
const totals = [];
for (const id of readdirSync(here).sort()) {
  const dir = join(here, id);
  if (!existsSync(join(dir, 'expected.json'))) continue;
  const e = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const b = parse(readFileSync(join(dir, 'book.yaml'), 'utf8'));
  const chars = Array.from(readFileSync(join(dir, 'transcript.txt'), 'utf8')).length;
  const via = e.source.repo ? `${e.source.repo}:${e.source.path}@${e.source.commit.slice(0, 7)} (read_file)` : 'search pages';
  rows.push(`| ${id} | ${e.split} | ${e.language} | ${e.convention} | ${e.source.institution} | ${e.shape} | ${b.date} | ${e.turns.length} | ${chars} | <${e.source.url}> ${via} |`);
  totals.push({ split: e.split, language: e.language, convention: e.convention, chars, legacy: e.added === undefined, turns: e.turns.length });
}
const table = ['| id | split | language | house style | institution (as published by) | shape | date | turns | characters | source |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
// Sizes in characters per language and per split, and per house style: the README's summary tables.
const sum = (f) => totals.filter(f).reduce((n, t) => n + t.chars, 0);
const count = (f) => totals.filter(f).length;
const langs = ['zh-Hans', 'zh-Hant', 'en'];
const sizes = ['| part | ' + langs.join(' | ') + ' | all |', '| --- | --- | --- | --- | --- |',
  ...['dev', 'test'].map((s) => `| ${s} | ${langs.map((l) => `${count((t) => t.split === s && t.language === l)} / ${sum((t) => t.split === s && t.language === l).toLocaleString('en')}`).join(' | ')} | ${count((t) => t.split === s)} / ${sum((t) => t.split === s).toLocaleString('en')} |`),
  `| all | ${langs.map((l) => `${count((t) => t.language === l)} / ${sum((t) => t.language === l).toLocaleString('en')}`).join(' | ')} | ${count(() => true)} / ${sum(() => true).toLocaleString('en')} |`].join('\n');
const conventions = [...new Set(totals.map((t) => t.convention))].sort();
const styles = ['| house style | dev | test | characters (dev / test) |', '| --- | --- | --- | --- |',
  ...conventions.map((c) => `| ${c} | ${count((t) => t.convention === c && t.split === 'dev')} | ${count((t) => t.convention === c && t.split === 'test')} | ${sum((t) => t.convention === c && t.split === 'dev').toLocaleString('en')} / ${sum((t) => t.convention === c && t.split === 'test').toLocaleString('en')} |`)].join('\n');
const readme = join(here, 'README.md');
const text = readFileSync(readme, 'utf8');
writeFileSync(readme, text
  .replace(/<!-- table -->[\s\S]*<!-- \/table -->/, `<!-- table -->\n${table}\n<!-- /table -->`)
  .replace(/<!-- sizes -->[\s\S]*<!-- \/sizes -->/, `<!-- sizes -->\n${sizes}\n<!-- /sizes -->`)
  .replace(/<!-- styles -->[\s\S]*<!-- \/styles -->/, `<!-- styles -->\n${styles}\n<!-- /styles -->`));
console.log(`${rows.length} transcripts`);
