// Dependencies run one way (reader → model → transforms → writers → CLI), checked by
// dependency-cruiser against the rules in .dependency-cruiser.cjs (which say why each one exists).
import { describe, it, expect } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/render/templates.ts';
import { run, tempDir } from './helpers.ts';

const CONFIG = join(projectRoot, '.dependency-cruiser.cjs');

interface Cruised {
  modules: { source: string; dependencies: { module: string; dependencyTypes: string[] }[] }[];
  summary: { violations: { rule: { name: string }; from: string; to: string }[] };
}

async function cruiseAll(cwd: string, paths: string[]): Promise<Cruised> {
  const bin = join(projectRoot, 'node_modules/.bin/depcruise');
  const r = await run(bin, [...paths, '--config', CONFIG, '--output-type', 'json'], { cwd });
  if (!r.stdout) throw new Error(`dependency-cruiser did not run: ${r.stderr}`);
  return JSON.parse(r.stdout) as Cruised;
}

async function cruise(cwd: string, paths: string[]): Promise<{ rule: string; from: string; to: string }[]> {
  return (await cruiseAll(cwd, paths)).summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

// The project's own code, cruised once for the tests that read it.
let ours: Promise<Cruised> | undefined;
const cruiseOurs = () => (ours ??= cruiseAll(projectRoot, ['scripts', 'test', 'bin']));

// One fixture project that breaks each rule the tests below expect to catch, cruised once (a cruise is
// about 2 s of CPU, most of it start-up): a reader that imports a writer (scripts/reader/a.ts →
// scripts/writers/b.ts), a writer that imports the reader (scripts/writers/c.ts), and the reader importing
// two packages present in node_modules (brought by another) of which package.json declares only one, as a
// dev dependency (yaml), and the other not at all (hastscript).
let fixture: Promise<string[]> | undefined;
function fixtureViolations(): Promise<string[]> {
  return (fixture ??= (async () => {
    const dir = tempDir('tp-deps-');
    copyFileSync(join(projectRoot, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    for (const name of ['yaml', 'hastscript']) cpSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', type: 'module', devDependencies: { yaml: '2.9.1' } }));
    for (const d of ['scripts/reader', 'scripts/writers']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'scripts/reader/a.ts'), "import { b } from '../writers/b.ts';\nimport { parse } from 'yaml';\nimport { h } from 'hastscript';\nexport const a = [b, parse, h];\n");
    writeFileSync(join(dir, 'scripts/writers/b.ts'), "export const b = 1;\n");
    writeFileSync(join(dir, 'scripts/writers/c.ts'), "import { a } from '../reader/a.ts';\nexport const c = a;\n");
    return (await cruise(dir, ['scripts'])).map((v) => `${v.rule} ${v.from} → ${v.to}`);
  })());
}

describe('dependency rules', () => {
  it('scripts/ and test/ have no dependency that runs the wrong way, and no cycle', async () => {
    const { summary } = await cruiseOurs();
    expect(summary.violations.map((v) => `${v.rule.name} ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('the rules catch a reader that imports a writer and a writer that imports the reader', async () => {
    const found = await fixtureViolations();
    expect(found).toContain('reader-below-writers scripts/reader/a.ts → scripts/writers/b.ts');
    expect(found).toContain('writers-read-the-tree scripts/writers/c.ts → scripts/reader/a.ts');
  });
});

describe('declared dependencies', () => {
  it('the rules catch an import of a package package.json does not declare, and the product importing a dev dependency', async () => {
    // A package present in node_modules (brought by another) but not declared: works here, breaks on
    // the next install (the fixture: fixtureViolations above).
    const found = await fixtureViolations();
    const rule = (name: string, pkgName: string) => found.some((f) => f.startsWith(`${name} scripts/reader/a.ts → node_modules/${pkgName}/`));
    expect(rule('declared-packages-only', 'hastscript'), found.join('\n')).toBe(true);
    expect(rule('product-needs-no-dev-dependency', 'yaml'), found.join('\n')).toBe(true);
    expect(rule('declared-packages-only', 'yaml'), found.join('\n')).toBe(false);
  });

  it('a package only the tests import is a dev dependency', async () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const cruised = await cruiseOurs();
    const packageOf = (m: string) => (m.startsWith('@') ? m.split('/').slice(0, 2) : m.split('/').slice(0, 1)).join('/');
    const by = (from: RegExp) => new Set(cruised.modules.filter((m) => from.test(m.source)).flatMap((m) => m.dependencies)
      .filter((d) => d.dependencyTypes.some((t) => t.startsWith('npm'))).map((d) => packageOf(d.module)));
    const product = by(/^(scripts|bin)\//);
    const tests = by(/^test\//);
    expect(Object.keys(pkg.dependencies).filter((name) => tests.has(name) && !product.has(name))).toEqual([]);
  });

  // A dependency is used when a file of ours imports it (dependency-cruiser), or when a file of ours names
  // the package or one of its programs (fonts read as files, `ace`, `tsx`, `vitest`, `depcruise`, `tsc`).
  it('every package in package.json is used, and only the benchmarks use a dev dependency outside tests', async () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const cruised = await cruiseOurs();
    const packageOf = (m: string) => (m.startsWith('@') ? m.split('/').slice(0, 2) : m.split('/').slice(0, 1)).join('/');
    const imported = new Set(cruised.modules.flatMap((m) => m.dependencies)
      .filter((d) => d.dependencyTypes.some((t) => t.startsWith('npm'))).map((d) => packageOf(d.module)));
    const ours = ['scripts', 'bin', 'test', '.ci'].flatMap((d) => filesUnder(join(projectRoot, d)))
      .concat(['package.json', 'vitest.config.ts', 'vitest.unit.config.ts', 'tsconfig.json'].map((f) => join(projectRoot, f)))
      .map((f) => readFileSync(f, 'utf8')).join('\n').replace(/"(dependencies|devDependencies)": \{[^}]*\}/g, '');
    const named = (name: string) => {
      const meta = JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
      const programs = typeof meta.bin === 'string' ? [name.split('/').pop()!] : Object.keys(meta.bin ?? {});
      return [name, ...programs].some((n) => ours.includes(`${n}/`) || ours.includes(`'${n}'`) || ours.includes(`"${n}"`) || ours.includes(`${n} `));
    };
    const declared = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    const unused = declared.filter((name) => !name.startsWith('@types/') && !imported.has(name) && !named(name));
    expect(unused).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'corpus' ? [] : filesUnder(path);
    return /\.(ts|mjs|cjs|js|json|sh)$|^run$/.test(e.name) ? [path] : [];
  });
}
