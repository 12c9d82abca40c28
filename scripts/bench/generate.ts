// Generated books for benchmarks and corpus tests: press conferences of any length, built from the
// seed transcript's questions and answers (reshuffled deterministically), each a valid book folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../render/templates.ts';
import { prng } from '../core/random.ts';

interface Exchange { question: string; answer: string[] }

function seedExchanges(): Exchange[] {
  const text = readFileSync(join(projectRoot, 'source/wangyi-2024-03-07/transcript.txt'), 'utf8');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).slice(2);
  const out: Exchange[] = [];
  for (const p of paragraphs) {
    if (/^[^：:]{1,20}记者[：:]/.test(p)) out.push({ question: p, answer: [] });
    else if (out.length) out[out.length - 1].answer.push(p);
  }
  return out;
}

export interface GeneratedBook {
  dir: string;
  id: string;
  chars: number;
}

/**
 * Writes `source/<id>/` under `root` with about `chars` characters of transcript (the seed is ~9,000
 * characters and ~20 A5 pages). Raw text keeps the seed's corruptions, so the reader has work to do.
 */
export function generateBook(root: string, id: string, chars: number, seed = 1): GeneratedBook {
  const rand = prng(seed);
  const exchanges = seedExchanges();
  const parts: string[] = [`第${seed}场记者会实录（生成样书 ${id}）`, `据新华社北京3月7日电 生成样书，用于测试和基准。`];
  let size = parts.join('').length;
  while (size < chars) {
    const e = exchanges[Math.floor(rand() * exchanges.length)];
    parts.push(e.question, ...e.answer);
    size += e.question.length + e.answer.join('').length;
  }
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'transcript.txt'), parts.join('\n\n') + '\n');
  writeFileSync(join(dir, 'book.yaml'), [
    `id: urn:transcript-press:generated:${id}`, `title: 生成样书 ${id}`, 'speaker: 王毅', 'source: 新华社',
    'date: 2024-03-07', 'topics:', '  - { term: 中美关系 }', '  - { term: 一带一路, aliases: [“一带一路”] }', '',
  ].join('\n'));
  return { dir, id, chars: size };
}

export function generateCorpus(root: string, count: number, chars: number): GeneratedBook[] {
  return Array.from({ length: count }, (_, i) => generateBook(root, `book-${String(i + 1).padStart(3, '0')}`, chars, i + 1));
}
