// The development corpus is well formed: every folder complete, every golden turn pointing at its label.
import { describe, it, expect } from 'vitest';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRoot, loadCorpus } from './corpus/corpus.ts';
import { restore } from './corpus/restore.mjs';

const folders = readdirSync(corpusRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const corpus = loadCorpus();

describe('development corpus', () => {
  it('has the three files in every folder', () => {
    const incomplete = folders.filter((id) => !['transcript.txt', 'book.yaml', 'expected.json'].every((f) => existsSync(join(corpusRoot, id, f))));
    expect(incomplete).toEqual([]);
    expect(corpus.length).toBe(folders.length);
  });

  it('is large and varied enough: ≥ 30 transcripts, 3 languages, ≥ 5 institutions, every shape', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((c) => c.expected.language))).toEqual(new Set(['zh-Hans', 'zh-Hant', 'en']));
    // The institution is the third part of the id: zh-hans-mfa-…, en-state-….
    expect(new Set(corpus.map((c) => c.id.split('-').at(c.id.startsWith('zh-') ? 2 : 1))).size).toBeGreaterThanOrEqual(5);
    expect(new Set(corpus.map((c) => c.expected.shape))).toEqual(new Set(['daily-briefing', 'press-conference', 'interview', 'speech']));
  });

  for (const c of corpus) {
    describe(c.id, () => {
      const lines = c.text.split('\n');
      it('is clean UTF-8 text with LF line ends, and its book.yaml agrees with expected.json', () => {
        expect(c.text.includes('\r')).toBe(false);
        expect(c.text.includes('\uFFFD')).toBe(false);
        expect(c.text.endsWith('\n')).toBe(true);
        expect(c.config.language).toBe(c.expected.language);
        expect(c.id.startsWith(c.expected.language.toLowerCase() + '-')).toBe(true);
        expect(c.expected.source.url).toMatch(/^https?:\/\//);
      });
      it('is what restore.mjs makes of its excerpt', () => {
        const excerpt = join(c.dir, 'excerpt.txt');
        expect(existsSync(excerpt)).toBe(true);
        expect(c.text).toBe(restore(readFileSync(excerpt, 'utf8'), c.config.language));
      });
      it('has turns in order, each on a line that starts with its label', () => {
        let previous = 0;
        for (const t of c.expected.turns) {
          expect(t.line, `${c.id}: turns out of order at line ${t.line}`).toBeGreaterThan(previous);
          previous = t.line;
          const line = lines[t.line - 1] ?? '';
          // A label ends with a colon (full-width, ASCII or ︰), stands alone, or (White House `Q    …`) is followed by a run of spaces.
          expect(line === t.label || /^([：:︰]|\s{2,}|\t)/u.test(line.slice(t.label.length)), `${c.id}:${t.line} "${line.slice(0, 40)}" does not start with "${t.label}"`).toBe(true);
          expect(line.startsWith(t.label)).toBe(true);
          expect(['question', 'answer', 'remarks', 'moderator']).toContain(t.role);
          expect(t.speaker.length).toBeGreaterThan(0);
        }
      });
      it('has a title only on line 1, found there', () => {
        if (c.expected.title === null) return;
        expect(c.expected.title.line).toBe(1);
        expect(lines[0]).toContain(c.expected.title.text);
      });
    });
  }
});
