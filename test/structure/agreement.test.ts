// One reading path (issues 20 and 24): `inspect`, `normalize` (readTranscriptFile, what the command
// prints) and `build` (loadBook, what a build reads) agree on the language, the turns and the title of
// every corpus transcript, with book.yaml as written and with its `language` line taken out (the
// language then detected on the decoded text).
import { describe, it, expect } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, corpusRoot } from '../../scripts/fixtures/corpus.ts';
import { inspect } from '../../scripts/inspect.ts';
import { loadBook, readTranscriptFile } from '../../scripts/book.ts';
import { titleText } from '../../scripts/model/walk.ts';
import type { Section, Transcript } from '../../scripts/model/types.ts';
import { tempDir } from '../helpers.ts';

const corpus = loadCorpus(corpusRoot, 'all');
const root = tempDir('agree-');

/** Language, labelled turns, title line and headings of a tree as the reader built it. */
function structure(tree: Transcript, language: string) {
  const turns = tree.children.filter((c): c is Section => c.type === 'section').flatMap((s) => s.children)
    .filter((t) => !t.speaker.implicit).map((t) => ({ line: t.speaker.position?.start.line ?? 0, label: t.speaker.label, speaker: t.speaker.name, role: t.kind }));
  const title = tree.children.some((c) => c.type === 'title') ? titleText(tree) : null;
  const headings = tree.children.filter((c): c is Section => c.type === 'section').map((s) => s.heading);
  return { language, turns, title, headings };
}

/** What `normalize` prints holds the title line first and every label, in reading order. */
function printedAlike(blocks: string[], s: ReturnType<typeof structure>): string[] {
  const wrong: string[] = [];
  if (s.title !== null && !blocks[0]?.endsWith(s.title)) wrong.push(`title ${JSON.stringify(s.title)} is not the first block ${JSON.stringify(blocks[0]?.slice(0, 80))}`);
  // Where the last label was found: a block may hold several turns (lines the reader splits into turns).
  let block = 0;
  let offset = 0;
  for (const t of s.turns) {
    let at = -1;
    for (let i = block; i < blocks.length && at < 0; i++) {
      // The tree's label has its spaces collapsed (MR.  SULLIVAN → MR. SULLIVAN); the print keeps the source's.
      const label = t.label.replace(/\s+/g, ' ');
      const found = blocks[i]!.replace(/\s+/g, ' ').indexOf(label, i === block ? offset : 0);
      if (found >= 0) { at = i; offset = found + label.length; }
    }
    if (at < 0) wrong.push(`label ${JSON.stringify(t.label)} (line ${t.line}) not printed after block ${block}`);
    else block = at;
  }
  return wrong;
}

function seen(dir: string) {
  const i = inspect(dir);
  const book = loadBook(dir);
  const n = readTranscriptFile(join(dir, 'transcript.txt'));
  return {
    inspect: { language: i.language, turns: i.turns, title: i.title?.line === null ? null : i.title?.text ?? null, headings: i.sections.map((s) => s.heading) },
    build: structure(book.read.tree, book.config.language),
    normalize: structure(n.tree, n.language),
    printed: n.blocks,
  };
}

describe('inspect, normalize and build read every corpus transcript alike', () => {
  it('has the corpus', () => expect(corpus.length).toBeGreaterThanOrEqual(150));
  it.each(corpus.map((c) => [c.id, c] as const))('%s', (id, entry) => {
    const declared = join(root, id, 'declared');
    const detected = join(root, id, 'detected');
    for (const d of [declared, detected]) cpSync(entry.dir, d, { recursive: true });
    const yaml = readFileSync(join(detected, 'book.yaml'), 'utf8');
    writeFileSync(join(detected, 'book.yaml'), yaml.replace(/^language:.*\n/m, ''));
    const a = seen(declared);
    const b = seen(detected);
    for (const s of [a, b]) {
      expect(s.inspect).toEqual(s.build);
      expect(s.normalize).toEqual(s.build);
      expect(printedAlike(s.printed, s.build)).toEqual([]);
    }
    // Without `language` the text is read in the language book.yaml would have declared, the same way.
    expect(b.build.language).toBe(entry.expected.language);
    expect(b.build).toEqual({ ...a.build, language: b.build.language });
    // No heading falls back to another language's words (Matthew Miller开场发言, 行政長官开场发言).
    const other = { en: /[开開]场|[开開]場|提问|提問/u, 'zh-Hans': /Opening Remarks|開場發言/u, 'zh-Hant': /Opening Remarks|开场发言/u }[entry.expected.language];
    for (const h of b.build.headings) expect(h).not.toMatch(other);
  });
});
