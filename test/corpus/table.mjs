#!/usr/bin/env node
// Rewrites the table of README.md (between the <!-- table --> markers) from the corpus folders.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const rows = [];
for (const id of readdirSync(here).sort()) {
  const dir = join(here, id);
  if (!existsSync(join(dir, 'expected.json'))) continue;
  const e = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const b = parse(readFileSync(join(dir, 'book.yaml'), 'utf8'));
  const chars = Array.from(readFileSync(join(dir, 'transcript.txt'), 'utf8')).length;
  rows.push(`| ${id} | ${e.language} | ${e.source.institution} | ${e.shape} | ${b.date} | ${e.turns.length} | ${chars} | <${e.source.url}> |`);
}
const table = ['| id | language | institution (as published by) | shape | date | turns | characters | source |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
const readme = join(here, 'README.md');
const text = readFileSync(readme, 'utf8');
writeFileSync(readme, text.replace(/<!-- table -->[\s\S]*<!-- \/table -->/, `<!-- table -->\n${table}\n<!-- /table -->`));
console.log(`${rows.length} transcripts`);
