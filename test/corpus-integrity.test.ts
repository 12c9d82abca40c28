// The corpus is well formed: every folder complete, every golden turn pointing at its label, every
// transcript in the development or the test part, every added text with its provenance.
import { describe, it, expect } from 'vitest';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRoot, loadCorpus } from './corpus/corpus.ts';
import { restoreSource } from './corpus/restore.mjs';

const folders = readdirSync(corpusRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const corpus = loadCorpus(corpusRoot, 'all');
const legacy = loadCorpus();
const added = corpus.filter((c) => c.expected.added !== undefined);

describe('corpus', () => {
  it('has the three files in every folder', () => {
    const incomplete = folders.filter((id) => !['transcript.txt', 'book.yaml', 'expected.json'].every((f) => existsSync(join(corpusRoot, id, f))));
    expect(incomplete).toEqual([]);
    expect(corpus.length).toBe(folders.length);
  });

  it('keeps the legacy set as it was: the 46 excerpts of 2026-11-27, 3 languages, ≥ 5 institutions, four shapes, all dev', () => {
    expect(legacy.length).toBe(46);
    expect(new Set(legacy.map((c) => c.expected.language))).toEqual(new Set(['zh-Hans', 'zh-Hant', 'en']));
    // The institution is the third part of the id: zh-hans-mfa-…, en-state-….
    expect(new Set(legacy.map((c) => c.id.split('-').at(c.id.startsWith('zh-') ? 2 : 1))).size).toBeGreaterThanOrEqual(5);
    expect(new Set(legacy.map((c) => c.expected.shape))).toEqual(new Set(['daily-briefing', 'press-conference', 'interview', 'speech']));
    expect(legacy.every((c) => c.expected.split === 'dev')).toBe(true);
  });

  it('puts every transcript in the dev or the test part, and the loader selects by it', () => {
    for (const c of corpus) expect(['dev', 'test'], c.id).toContain(c.expected.split);
    const dev = loadCorpus(corpusRoot, 'dev');
    const test = loadCorpus(corpusRoot, 'test');
    expect(dev.length + test.length).toBe(corpus.length);
    expect(test.every((c) => c.expected.split === 'test')).toBe(true);
    expect(test.some((c) => c.expected.added === undefined)).toBe(false);
  });

  it('gives every house style that has a test part at least 3 transcripts there and one in dev (a style may be dev-only)', () => {
    const conventions = new Set(added.map((c) => c.expected.convention));
    const short: string[] = [];
    for (const conv of conventions) {
      const of = corpus.filter((c) => c.expected.convention === conv);
      const test = of.filter((c) => c.expected.split === 'test').length;
      const dev = of.length - test;
      if (test > 0 && (test < 3 || dev < 1)) short.push(`${conv}: ${test} test, ${dev} dev`);
    }
    expect(short).toEqual([]);
  });

  it('records for every added transcript where it was read, its house style and how its turns were made', () => {
    for (const c of added) {
      const s = c.expected.source;
      expect(c.expected.convention, c.id).toMatch(/^[a-z][a-z-]+$/);
      expect(c.expected.annotation, c.id).toMatch(/annotate-shape\.mjs/);
      expect(s.url, c.id).toMatch(/^https?:\/\//);
      expect(['read_file', 'search pages corpus'], c.id).toContain(s.via);
      if (s.via === 'read_file') {
        expect(s.repo, c.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(s.path, c.id).toBeTruthy();
        expect(s.commit, c.id).toMatch(/^[0-9a-f]{40}$/);
        expect(s.excerpt, c.id).toBeTruthy();
      }
    }
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
        expect(c.text).toBe(restoreSource(readFileSync(excerpt, 'utf8'), c.config.language, c.expected.source.format));
      });
      it('has turns in order, each on a line that starts with its label', () => {
        let previous = 0;
        for (const t of c.expected.turns) {
          expect(t.line, `${c.id}: turns out of order at line ${t.line}`).toBeGreaterThan(previous);
          previous = t.line;
          const line = lines[t.line - 1] ?? '';
          // A label ends with a colon (full-width, ASCII or ︰), stands alone, (White House `Q    …`) is followed by a
          // run of spaces, or (congressional hearings, `Mr. Smith. …`) ends with a period. The White House's own `Q`
          // is also followed by a single space in the site's later pages (`Q Thank you. …`).
          const rest = line.slice(t.label.length);
          const delimited = line === t.label || /^([：:︰]|\s{2,}|\t)/u.test(rest) || (c.expected.convention === 'congress-hearing' && /^\. /.test(rest))
            || (c.expected.convention === 'wh-briefing' && t.label === 'Q' && /^\s/u.test(rest));
          expect(delimited, `${c.id}:${t.line} "${line.slice(0, 40)}" does not start with "${t.label}"`).toBe(true);
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
