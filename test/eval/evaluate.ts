// Measures the reader on the evaluation set: error reduction on corrupted text and characters
// changed on clean text. Used by test/eval.test.ts and by `npm run bench`.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTranscript } from '../../scripts/reader/index.ts';
import { corrupt, editDistance } from './corrupt.ts';

const here = dirname(fileURLToPath(import.meta.url));

export const corpora = [
  { name: 'zh-clean', file: 'zh-clean.txt', language: 'zh' as const, options: { speaker: '张主任', style: 'edited' as const } },
  { name: 'en-verbatim', file: 'en-verbatim.txt', language: 'en' as const, options: { speaker: 'MS. OKAFOR', style: 'verbatim' as const } },
];

export function cleanText(file: string): string {
  return readFileSync(join(here, file), 'utf8');
}

/** The reader's output in the same shape as the clean file (paragraphs, blank line between). */
export function normalised(text: string, options: (typeof corpora)[number]['options']): string {
  return readTranscript(Buffer.from(text), options).blocks.join('\n\n') + '\n';
}

export interface EvalResult {
  corpus: string;
  cleanChanged: number;
  before: number;
  after: number;
  errorReduction: number;
  defects: Record<string, number>;
}

export function evaluate(seeds = [1, 2, 3, 4, 5], rate = 8): EvalResult[] {
  return corpora.map((c) => {
    const clean = cleanText(c.file).trim() + '\n';
    const cleanChanged = editDistance(normalised(clean, c.options), clean);
    let before = 0;
    let after = 0;
    const defects: Record<string, number> = {};
    for (const seed of seeds) {
      const bad = corrupt(clean, { seed, rate, language: c.language });
      for (const [k, v] of Object.entries(bad.defects)) defects[k] = (defects[k] ?? 0) + v;
      before += editDistance(bad.text, clean);
      after += editDistance(normalised(bad.text, c.options), clean);
    }
    return { corpus: c.name, cleanChanged, before, after, errorReduction: before ? 1 - after / before : 1, defects };
  });
}
