// Dependencies run one way (reader → model → transforms → writers → CLI), checked by
// dependency-cruiser against the rules in .dependency-cruiser.cjs (which say why each one exists).
import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/render/templates.ts';
import { run, tempDir } from './helpers.ts';

const CONFIG = join(projectRoot, '.dependency-cruiser.cjs');

async function cruise(cwd: string, paths: string[]): Promise<{ rule: string; from: string; to: string }[]> {
  const bin = join(projectRoot, 'node_modules/.bin/depcruise');
  const r = await run(bin, [...paths, '--config', CONFIG, '--output-type', 'json'], { cwd });
  if (!r.stdout) throw new Error(`dependency-cruiser did not run: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('dependency rules', () => {
  it('scripts/ and test/ have no dependency that runs the wrong way, and no cycle', async () => {
    expect(await cruise(projectRoot, ['scripts', 'test'])).toEqual([]);
  });

  it('the rules catch a reader that imports a writer and a writer that imports the reader', async () => {
    const dir = tempDir('tp-deps-');
    copyFileSync(join(projectRoot, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    for (const d of ['scripts/reader', 'scripts/writers']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'scripts/reader/a.ts'), "import { b } from '../writers/b.ts';\nexport const a = b;\n");
    writeFileSync(join(dir, 'scripts/writers/b.ts'), "export const b = 1;\n");
    writeFileSync(join(dir, 'scripts/writers/c.ts'), "import { a } from '../reader/a.ts';\nexport const c = a;\n");
    const found = (await cruise(dir, ['scripts'])).map((v) => `${v.rule} ${v.from} → ${v.to}`);
    expect(found).toContain('reader-below-writers scripts/reader/a.ts → scripts/writers/b.ts');
    expect(found).toContain('writers-read-the-tree scripts/writers/c.ts → scripts/reader/a.ts');
  });
});
