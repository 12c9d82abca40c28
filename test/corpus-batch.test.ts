// A corpus of 20 generated books built by one command (`build` with no folder: every book in source/),
// through the real binary. Its own file, apart from test/corpus.test.ts, because it is the longest single
// test of the suite: alone in its worker, it runs beside the rest instead of after it. Generous limits:
// they catch a hang, not a loaded machine.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../scripts/fixtures/generate.ts';
import { run, tempDir } from './helpers.ts';

describe('a corpus of 20 generated books in one command', () => {
  it('builds every book in source/ with progress lines and a summary table', async () => {
    const { projectRoot } = await import('../scripts/render/templates.ts');
    const root = tempDir('corpus20-');
    generateCorpus(join(root, 'source'), 20, 2500);
    const r = await run(process.execPath, [join(projectRoot, 'bin/transcript-press.mjs'), 'build'], { cwd: root, timeout: 1_200_000 });
    expect(r.status, r.stderr).toBe(0);
    // Per-stage times: read, pdf and epub at least (the build may time more stages between them, e.g. glyphs, pageText).
    expect(r.stderr.match(/^\[\d+\/20\] built book-\d{3} in [\d.]+ s \(read \d+ ms, (?:\w+ \d+ ms, )*pdf \d+ ms, (?:\w+ \d+ ms, )*epub \d+ ms(?:, \w+ \d+ ms)*(?:, after 1 retry)?\)$/gm), r.stderr).toHaveLength(20);
    expect(r.stderr).toMatch(/^book\s+status\s+read\s+pdf\s+epub\s+total$/m);
    expect(r.stderr).toContain('20 built, 0 unchanged, 0 failed');
    for (let i = 1; i <= 20; i++) {
      const id = `book-${String(i).padStart(3, '0')}`;
      expect(existsSync(join(root, 'dist', id, `${id}.pdf`)) && existsSync(join(root, 'dist', id, `${id}.epub`))).toBe(true);
    }
  }, 1_200_000);
});
