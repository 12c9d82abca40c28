// The README's book.yaml table is generated from the schema; this keeps the two in step.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { schemaMarkdown } from '../scripts/config/docs.ts';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('carries the book.yaml table exactly as the schema generates it', () => {
    const start = readme.indexOf('-->\n', readme.indexOf('<!-- book.yaml table')) + 4;
    const end = readme.indexOf('\n<!-- end of book.yaml table -->');
    expect(readme.slice(start, end)).toBe(schemaMarkdown());
  });
  it('names every folder of scripts/ in its layout section, and only folders that exist', () => {
    const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('## Tests'));
    const named = new Set([...layout.matchAll(/([a-z]+)\/[,\s]/g)].map((m) => m[1]!));
    const folders = readdirSync('scripts', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const f of folders) expect(named, `scripts/${f}/ is not in the README layout`).toContain(f);
    for (const f of [...layout.matchAll(/^  ([a-z]+\.(?:ts|mjs))\b/gm)].map((m) => m[1]!)) expect(existsSync(`scripts/${f}`), f).toBe(true);
  });
  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm run build');
    expect(readme).toContain('npm test');
  });
});
