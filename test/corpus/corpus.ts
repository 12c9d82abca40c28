// The development corpus of real published transcripts (see README.md here). One loader for the tests
// and the bench, so neither imports the other.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBookConfig } from '../../scripts/config/load.ts';
import type { BookConfig } from '../../scripts/config/schema.ts';

export const corpusRoot = dirname(fileURLToPath(import.meta.url));

export type Role = 'question' | 'answer' | 'remarks' | 'moderator';
export type Shape = 'daily-briefing' | 'press-conference' | 'interview' | 'speech';
export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

export interface ExpectedTurn {
  /** 1-based line of transcript.txt where the label stands. */
  line: number;
  /** The label as written, without its colon. */
  label: string;
  /** Who speaks: the name in a title + name label, the principal for 答, the label itself for 问/Q/QUESTION. */
  speaker: string;
  role: Role;
}

export interface Expected {
  source: { url: string; institution: string; retrieved: string; via: string; restored: string };
  language: Language;
  shape: Shape;
  /** The title when the first line of the text is one (text as it would be printed), else null. */
  title: { text: string; line: number } | null;
  /** Every turn in order; a speech without labels has none. */
  turns: ExpectedTurn[];
}

export interface CorpusEntry {
  id: string;
  dir: string;
  /** transcript.txt: the clean published text (full-width punctuation restored, see restore.mjs). */
  text: string;
  config: BookConfig;
  expected: Expected;
}

/** Folders of the corpus: every subfolder holding transcript.txt, book.yaml and expected.json. */
export function corpusIds(root = corpusRoot): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ['transcript.txt', 'book.yaml', 'expected.json'].every((f) => existsSync(join(root, d.name, f))))
    .map((d) => d.name)
    .sort();
}

export function loadCorpus(root = corpusRoot): CorpusEntry[] {
  return corpusIds(root).map((id) => {
    const dir = join(root, id);
    return {
      id,
      dir,
      text: readFileSync(join(dir, 'transcript.txt'), 'utf8'),
      config: loadBookConfig(join(dir, 'book.yaml')),
      expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
    };
  });
}
