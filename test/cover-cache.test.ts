// The cover PNG is drawn once per set of inputs and read from node_modules/.cache afterwards; it is
// drawn with the project's fonts only, whatever the machine has.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverImages, coverPng } from '../scripts/epub/cover.ts';
import { coverFonts } from '../scripts/writers/epub.ts';
import { projectRoot } from '../scripts/render/templates.ts';

const CACHE = join(projectRoot, 'node_modules', '.cache', 'transcript-press', 'covers');
const svgOf = (title: string, family = 'serif') => `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="2560"><rect width="1600" height="2560" fill="#fff"/><text x="100" y="400" font-size="120" font-family="${family}">${title}</text></svg>`;
const png = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1', 1, 4);
const size = (bytes: Uint8Array) => [Buffer.from(bytes).readUInt32BE(16), Buffer.from(bytes).readUInt32BE(20)];

describe('cover cache', () => {
  it('draws a cover once, reads it from the cache after, and draws anew when the cover changes', async () => {
    const made: string[] = [];
    try {
      const fonts = coverFonts('en');
      const svg = svgOf(`Cache test ${process.pid} ${Date.now()}`);
      mkdirSync(CACHE, { recursive: true });
      const before = new Set(readdirSync(CACHE));
      const first = await coverImages(svg, fonts);
      expect(png(first.cover)).toBe('PNG');
      expect(size(first.cover)).toEqual([1600, 2560]);
      expect(size(first.thumbnail)).toEqual([200, 320]);
      // The cover and its catalogue thumbnail, drawn in one rendering, are cached together.
      // (Other test files build books at the same time, the run's seed among them, and may add their
      // own covers meanwhile: this cover is the one new entry holding these bytes.)
      const added = readdirSync(CACHE).filter((n) => !before.has(n)).sort();
      const mine = added.filter((n) => !n.endsWith('.thumbnail.png') && readFileSync(join(CACHE, n)).equals(Buffer.from(first.cover)));
      expect(mine).toHaveLength(1);
      expect(added).toContain(mine[0]!.replace(/\.png$/, '.thumbnail.png'));
      made.push(mine[0]!, mine[0]!.replace(/\.png$/, '.thumbnail.png'));
      const file = join(CACHE, mine[0]!);
      expect(statSync(file).size).toBe(first.cover.length);
      // What comes back is the cached file: replace it, and the next call returns the replacement.
      writeFileSync(file, Buffer.from('cached'));
      expect(Buffer.from(await coverPng(svg, fonts)).toString()).toBe('cached');
      // Another title is another cover.
      const other = await coverPng(svgOf(`Other ${process.pid} ${Date.now()}`), fonts);
      made.push(...readdirSync(CACHE).filter((n) => !before.has(n) && !made.includes(n)));
      expect(png(other)).toBe('PNG');
    } finally {
      for (const n of made) rmSync(join(CACHE, n), { force: true });
    }
  });

  it('draws the text in the project\'s fonts: a family the machine has (DejaVu) is drawn as the book\'s serif', async () => {
    const made: string[] = [];
    try {
      const before = new Set(readdirSync(CACHE));
      const title = `Fonts ${process.pid} ${Date.now()}`;
      const fonts = coverFonts('en');
      const serif = await coverPng(svgOf(title, 'serif'), fonts);
      // The same as the family the writer names (Source Serif 4), unlike the sans; a family only the
      // machine has is not looked up: drawn as the serif, byte for byte.
      expect(Buffer.from(await coverPng(svgOf(title, 'Source Serif 4'), fonts)).equals(Buffer.from(serif))).toBe(true);
      expect(Buffer.from(await coverPng(svgOf(title, 'Source Sans 3'), fonts)).equals(Buffer.from(serif))).toBe(false);
      expect(Buffer.from(await coverPng(svgOf(title, 'DejaVu Sans'), fonts)).equals(Buffer.from(serif))).toBe(true);
      made.push(...readdirSync(CACHE).filter((n) => !before.has(n)));
    } finally {
      for (const n of made) rmSync(join(CACHE, n), { force: true });
    }
  });
});
