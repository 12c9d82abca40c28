// End to end on the seed book: the four outputs exist and are what they claim to be.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pdftotext, pdfinfo, seedDist } from './helpers.ts';

// The run's one seed build (test/support/global-setup.ts: the CLI, DejaVu-only fonts).
describe('seed book end to end', () => {
  const dir = seedDist();

  it('writes an EPUB whose first zip entry is an uncompressed mimetype', () => {
    const epub = readFileSync(join(dir, 'wangyi-2024-03-07.epub'));
    expect(epub.readUInt32LE(0)).toBe(0x04034b50); // local file header
    expect(epub.readUInt16LE(8)).toBe(0); // compression: stored
    const nameLength = epub.readUInt16LE(26);
    expect(epub.subarray(30, 30 + nameLength).toString()).toBe('mimetype');
    expect(epub.subarray(30 + nameLength + epub.readUInt16LE(28), 30 + nameLength + epub.readUInt16LE(28) + 20).toString()).toBe('application/epub+zip');
  });

  it('writes a PDF of more than 10 pages with the title and the quoted phrase', () => {
    const pdf = join(dir, 'wangyi-2024-03-07.pdf');
    expect(Number(pdfinfo(pdf).Pages)).toBeGreaterThan(10);
    const text = pdftotext(pdf).replace(/\s+/g, '');
    expect(text).toContain('王毅就中国外交政策和对外关系答记者问');
    expect(text).toContain('下一个“中国”还是中国');
  });

  it('writes a change report and SHA256SUMS that sha256sum -c accepts', () => {
    const report = JSON.parse(readFileSync(join(dir, 'changes.json'), 'utf8'));
    expect(report.changes.length).toBeGreaterThan(0);
    const html = readFileSync(join(dir, 'changes.html'), 'utf8');
    expect(html).toContain('变更报告');
    // Wording repairs are listed for the editor apart from the typographic ones (folded away).
    const typographic = new Set(['nfc', 'whitespace', 'punct-width', 'punct-doubled', 'cjk-joiner', 'ellipsis', 'dash', 'quotes']);
    const wording = report.changes.filter((c: { applied: boolean; rule: string }) => c.applied && !typographic.has(c.rule));
    expect(wording.map((c: { rule: string }) => c.rule)).toEqual(expect.arrayContaining(['dup-clause', 'dup-char', 'para-join', 'para-fragment', 'correction']));
    expect(html).toContain(`文字校改（${wording.length}）`);
    expect(html).toMatch(/<details><summary>标点与排印规范（\d+）<\/summary>/);
    const r = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wangyi-2024-03-07\.pdf: OK/);
  });
});
