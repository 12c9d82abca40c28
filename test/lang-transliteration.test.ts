// The transliteration characters are one table (scripts/lang/transliteration.ts, issue 24): the
// reader's doubled-character repair and the index's name finder both read it, and no other module
// keeps a list of its own (a run of twenty or more of its characters in a string).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TRANSLITERATION, isTransliterated } from '../scripts/lang/transliteration.ts';
import { projectRoot } from '../scripts/render/templates.ts';

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : []);

describe('the one transliteration table', () => {
  it('tells a transliterated name from words', () => {
    expect(isTransliterated('布林肯')).toBe(true);
    expect(isTransliterated('巴特策格')).toBe(true);
    expect(isTransliterated('外交部')).toBe(false);
  });

  it('is the only list of transliteration characters under scripts/, and both users import it', () => {
    const lists = files(join(projectRoot, 'scripts')).filter((f) => {
      let run = 0;
      for (const c of readFileSync(f, 'utf8')) { run = TRANSLITERATION.has(c) ? run + 1 : 0; if (run >= 20) return true; }
      return false;
    }).map((f) => relative(projectRoot, f).split('\\').join('/'));
    expect(lists).toEqual(['scripts/lang/transliteration.ts']);
    for (const user of ['scripts/reader/dedupe.ts', 'scripts/index/zh.ts']) {
      expect(readFileSync(join(projectRoot, user), 'utf8')).toMatch(/from '\.\.\/lang\/transliteration\.ts'/);
    }
  });
});
