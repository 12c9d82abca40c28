// The compact word table (reader/wordtable.ts) answers exactly as the dictionary text parsed into a
// Map did, and is cached by content hash with an atomic write.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lexicon } from '../scripts/reader/lexicon.ts';
import { dictionaryBytes } from '../scripts/reader/segmenter.ts';
import { tableFromBytes, tableFromText, wordTable, wordTableOfFile } from '../scripts/reader/wordtable.ts';

/** The former reading: every line into a Map, later entries winning, tags only where written. */
function reference(text: string) {
  const freq = new Map<string, number>(), tags = new Map<string, string>();
  let total = 0;
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp <= 0) continue;
    const word = line.slice(0, sp), rest = line.slice(sp + 1), f = parseInt(rest, 10);
    if (!(f > 0)) continue;
    freq.set(word, f);
    if (rest.includes(' ')) tags.set(word, rest.slice(rest.indexOf(' ') + 1).trim());
    total += f;
  }
  return { freq, tags, total };
}

describe('word table', () => {
  it('keeps the last frequency and tag of a repeated word, counts every entry in the total', () => {
    const text = '中国 10 ns\n人民 5\n中国 7\n人民 3 n\n坏行\n零 0 x\n';
    const t = tableFromText(text);
    expect(t.freq('中国')).toBe(7);
    expect(t.tag('中国')).toBe('ns');
    expect(t.freq('人民')).toBe(3);
    expect(t.tag('人民')).toBe('n');
    expect(t.freq('坏行')).toBe(0);
    expect(t.freq('零')).toBe(0);
    expect(t.total).toBe(25);
  });

  it('answers as the parsed dictionary does, after a round trip through bytes', () => {
    // The first 30,000 entries of jieba's dictionary (the whole of it takes seconds to parse twice).
    const text = dictionaryBytes().toString('utf8').split('\n').slice(0, 30_000).join('\n');
    const ref = reference(text);
    const parsed = tableFromText(text);
    const loaded = tableFromBytes(parsed.toBytes());
    expect(loaded.total).toBe(ref.total);
    const words = [...ref.freq.keys()];
    for (let i = 0; i < words.length; i += 7) {
      const w = words[i]!;
      expect(loaded.freq(w)).toBe(ref.freq.get(w));
      expect(loaded.tag(w)).toBe(ref.tags.get(w));
    }
    for (const absent of ['不是一个词语吧', 'zzzz', '']) expect(loaded.freq(absent)).toBe(0);
    // Segmentation (the repair's score) is the same from the parsed table and from its bytes.
    const sentence = '中国人民一直主张和平发展，不断加强国际合作';
    expect(new Lexicon(loaded).segment(sentence)).toEqual(new Lexicon(parsed).segment(sentence));
    expect(new Lexicon(loaded).segment(sentence).words.length).toBeGreaterThan(5);
  });

  it('is written to the cache once and read from it afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-words-'));
    try {
      const bytes = Buffer.from('中国 10 ns\n人民 5 n\n');
      expect(wordTable(bytes, dir).freq('人民')).toBe(5);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^words-[0-9a-f]{20}\.bin$/);
      expect(wordTable(bytes, dir).tag('中国')).toBe('ns');
      // Another dictionary is another file; no temporary file is left behind.
      wordTable(Buffer.from('中国 1\n'), dir);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readdirSync(dir)).toHaveLength(2);
      expect(existsSync(join(dir, files[0]!))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a dictionary file\'s table through its stamp, and sees a changed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-words-'));
    try {
      const dict = join(dir, 'dict.txt');
      writeFileSync(dict, '中国 10 ns\n人民 5 n\n');
      expect(wordTableOfFile(dict, dir).freq('人民')).toBe(5);
      const stamp = JSON.parse(readFileSync(join(dir, 'words-stamp.json'), 'utf8'));
      expect(readdirSync(dir)).toContain(`words-${stamp.key}.bin`);
      // The same file again: the table named by the stamp (the same key as from the bytes).
      expect(wordTableOfFile(dict, dir).tag('中国')).toBe('ns');
      expect(wordTable(readFileSync(dict), dir).freq('中国')).toBe(10);
      expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
      // The same size, another content and time: hashed again, the new frequencies.
      writeFileSync(dict, '中国 90 ns\n人民 7 n\n');
      utimesSync(dict, new Date(2001, 1, 1), new Date(2001, 1, 1));
      expect(wordTableOfFile(dict, dir).freq('人民')).toBe(7);
      expect(wordTableOfFile(dict, dir).freq('中国')).toBe(90);
      expect(JSON.parse(readFileSync(join(dir, 'words-stamp.json'), 'utf8')).key).not.toBe(stamp.key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
