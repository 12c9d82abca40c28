// `normalize` without --json reads the text alone (reader/read.ts readTranscriptBlocks): no change is
// recorded, no report made. Its text must be the full reading's, paragraph for paragraph, whether the
// file has a book.yaml beside it or not (book.ts readTranscriptFile 'blocks' and 'text').
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTranscriptFile } from '../../scripts/book.ts';
import { corpusRoot } from '../../scripts/fixtures/corpus.ts';
import { SEED } from '../helpers.ts';

// Every sixth corpus book (English, Simplified and Traditional Chinese among them) and the seed.
const books = readdirSync(corpusRoot, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(corpusRoot, e.name)).filter((_, i) => i % 6 === 0);
const bare = mkdtempSync(join(tmpdir(), 'tp-text-only-'));
afterAll(() => rmSync(bare, { recursive: true, force: true }));

describe('the text alone (normalize without --json)', () => {
  it('is the full reading\'s text, with a book.yaml and without', () => {
    const files = [join(SEED, 'transcript.txt'), ...books.map((b) => join(b, 'transcript.txt'))];
    expect(files.length).toBeGreaterThan(30);
    let changed = 0;
    files.forEach((file, i) => {
      const full = readTranscriptFile(file, 'text');
      const alone = readTranscriptFile(file, 'blocks');
      expect(alone.blocks, file).toEqual(full.blocks);
      expect([alone.language, alone.tag]).toEqual([full.language, full.tag]);
      if (full.changes.length) changed++;
      // The same file with no book.yaml beside it (language detected): the bare path.
      const copy = join(bare, `${i}.txt`);
      copyFileSync(file, copy);
      expect(readTranscriptFile(copy, 'blocks').blocks, `${file} (bare)`).toEqual(readTranscriptFile(copy, 'text').blocks);
    });
    // Some readings recorded changes (9 of the 33 at writing; the blocks path records none): files the
    // reader changes are among those compared.
    expect(changed).toBeGreaterThanOrEqual(5);
  });
});
