// jiebaFor's small dictionary (reader/segmenter.ts) must cut and tag exactly as the whole dictionary:
// compared on every clause and label-like line start of the seed and of a sample of the corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getJieba } from '../../scripts/lang/words.ts';
import { scopedJieba } from '../../scripts/reader/segmenter.ts';
import { loadCorpus } from '../../scripts/fixtures/corpus.ts';
import { SEED } from '../helpers.ts';

/** Short texts as the reader asks about them: clauses (structure.ts) and line starts before a colon (labels.ts). */
function samples(text: string): string[] {
  const clauses = text.split(/[，。！？；：、\n]/).map((c) => c.trim()).filter((c) => c && c.length <= 64);
  const keys = text.split('\n').map((l) => l.split(/[：:]/)[0]!.trim()).filter((k) => k && k.length <= 20);
  return [...new Set([...clauses, ...keys])];
}

describe('jieba with a dictionary of the text\'s own entries', () => {
  it('cuts and tags like the whole dictionary with one instance grown text by text (jiebaFor)', async () => {
    // A fresh copy of the module: the browser-free lane shares its modules between files (isolate: false),
    // and another file may already have loaded the whole dictionary in this worker.
    vi.resetModules();
    const { jiebaFor, jiebaLoaded } = await import('../../scripts/lang/words.ts');
    const texts = [readFileSync(join(SEED, 'transcript.txt'), 'utf8'), ...loadCorpus().slice(20, 60).map((c) => c.text.slice(0, 20_000))];
    const all = texts.flatMap(samples);
    expect(jiebaLoaded()).toBe(false);
    // Every answer is taken before the whole dictionary is loaded (jiebaFor then hands out the full instance).
    const grown = all.map((s) => { const j = jiebaFor(s); return JSON.stringify([j.tag(s, true), j.cut(s, true), j.cut(s, false)]); });
    expect(jiebaLoaded()).toBe(false);
    const full = getJieba();
    const differing = all.filter((s, i) => JSON.stringify([full.tag(s, true), full.cut(s, true), full.cut(s, false)]) !== grown[i]);
    expect(all.length).toBeGreaterThan(1000);
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it('cuts and tags like the whole dictionary on the seed and the corpus', () => {
    const texts = [readFileSync(join(SEED, 'transcript.txt'), 'utf8'), ...loadCorpus().slice(0, 20).map((c) => c.text.slice(0, 20_000))];
    const all = texts.flatMap(samples);
    expect(all.length).toBeGreaterThan(300);
    const full = getJieba();
    let differing = 0;
    for (const s of all) {
      const scoped = scopedJieba(s);
      const same = JSON.stringify(scoped.tag(s, true)) === JSON.stringify(full.tag(s, true))
        && JSON.stringify(scoped.cut(s, true)) === JSON.stringify(full.cut(s, true))
        && JSON.stringify(scoped.cut(s, false)) === JSON.stringify(full.cut(s, false));
      if (!same) differing++;
      if (!same && differing < 4) expect({ s, tags: scoped.tag(s, true) }).toEqual({ s, tags: full.tag(s, true) });
    }
    expect(differing).toBe(0);
  });
});
