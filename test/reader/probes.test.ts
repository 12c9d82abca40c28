// The probe suite: legitimate doubles and speech repetitions from published text, each with its
// source (test/reader/probes.jsonl: gathered from published pages with the search tool;
// probes-corpus.jsonl: every double in the corpus's published transcripts, scripts/eval/probes.ts).
// In verbatim, with and without a language, the reader applies no edit to any of them.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { body } from './support.ts';

const here = dirname(fileURLToPath(import.meta.url));
const load = (f: string) => readFileSync(join(here, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; language: string; source: string; via: string });
const probes = [...load('probes.jsonl'), ...load('probes-corpus.jsonl')];
const DEDUPE = /^(dup-|speech-repetition)/;

describe('the probe suite', () => {
  it('holds at least 300 probes from published text, each with its source', () => {
    expect(probes.length).toBeGreaterThanOrEqual(300);
    expect(probes.every((p) => /^https?:\/\//.test(p.source))).toBe(true);
    expect(load('probes.jsonl').length).toBeGreaterThanOrEqual(30);
  });
  it('no legitimate double or speech repetition is edited (verbatim, with and without a language)', () => {
    const edited: string[] = [];
    for (const p of probes) {
      for (const language of [p.language, undefined]) {
        const r = body(p.text, { language });
        for (const c of r.applied.filter((x) => DEDUPE.test(x.rule))) edited.push(`${language ?? 'detected'} ${c.rule} "${c.before}" in «${p.text}» (${p.source})`);
      }
    }
    expect(edited).toEqual([]);
  });
});
