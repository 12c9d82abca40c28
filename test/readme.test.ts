// The README's book.yaml table is generated from the schema; this keeps the two in step.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { schemaMarkdown } from '../scripts/config/docs.ts';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('carries the book.yaml table exactly as the schema generates it', () => {
    const start = readme.indexOf('-->\n', readme.indexOf('<!-- book.yaml table')) + 4;
    const end = readme.indexOf('\n<!-- end of book.yaml table -->');
    expect(readme.slice(start, end)).toBe(schemaMarkdown());
  });
  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm run build');
    expect(readme).toContain('npm test');
  });
});
