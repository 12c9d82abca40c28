#!/usr/bin/env node
// Drafting aid for expected.json (every draft was then checked line by line by a person).
//
//   node test/corpus/annotate.mjs <id> '<json>'
//
// <json>: {"roles": {"<line>": "<role>"} (per-line overrides), "url": "...", "institution": "...", "shape": "...", "title": true|false, "labels": {"<label>": ["speaker", "role"], ...}}
// Finds every line that starts with one of the labels followed by a colon (full-width or ASCII) or
// that is the label alone, in order, and writes expected.json. Lines that look like a label
// (short text before a colon at the line start) but are not in the map are printed, so nothing
// is missed silently.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const [id, spec] = process.argv.slice(2);
const dir = join(here, id);
const opts = JSON.parse(spec);
const text = readFileSync(join(dir, 'transcript.txt'), 'utf8');
const book = parse(readFileSync(join(dir, 'book.yaml'), 'utf8'));
const lines = text.split('\n');
const labels = Object.keys(opts.labels).sort((a, b) => b.length - a.length);
const turns = [];
lines.forEach((line, i) => {
  const hit = labels.find((l) => line === l || line.startsWith(l + '：') || line.startsWith(l + ':') || line.startsWith(l + '︰') || line.startsWith(l + '  ') || line.startsWith(l + '\t'));
  if (hit) {
    const [speaker, role] = opts.labels[hit];
    turns.push({ line: i + 1, label: hit, speaker, role: opts.roles?.[i + 1] ?? role });
    return;
  }
  const m = /^(.{1,60}?)[：:︰]/u.exec(line);
  if (m && !/[，。,.]/.test(m[1])) console.log(`unlisted label-like line ${i + 1}: ${line.slice(0, 70)}`);
});
const expected = {
  source: {
    url: opts.url,
    institution: opts.institution,
    retrieved: '2026-11-27',
    via: 'search pages corpus',
    restored: book.language.startsWith('zh') ? 'full-width punctuation restored mechanically' : 'none (English text kept as it came; lines trimmed)',
  },
  language: book.language,
  shape: opts.shape,
  title: opts.title ? { text: lines[0], line: 1 } : null,
  turns,
};
writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
for (const t of turns) console.log(`${t.line}\t${t.role}\t${t.speaker}\t| ${lines[t.line - 1].slice(0, 50)}`);
