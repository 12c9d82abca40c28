// The cover PNG is drawn once per set of inputs and read from node_modules/.cache afterwards.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { warmBrowser } from './support/browser.ts';
import { coverImages, coverPng } from '../scripts/epub/cover.ts';
import { coverFonts } from '../scripts/writers/epub.ts';
import { projectRoot } from '../scripts/render/templates.ts';

const CACHE = join(projectRoot, 'node_modules', '.cache', 'transcript-press', 'covers');
const svgOf = (title: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="2560"><rect width="1600" height="2560" fill="#fff"/><text x="100" y="400" font-size="120">${title}</text></svg>`;

describe('cover cache', () => {
  it('draws a cover once, reads it from the cache after, and draws anew when the cover changes', async () => {
    const browser = await warmBrowser();
    const made: string[] = [];
    try {
      const fonts = coverFonts('en');
      const svg = svgOf(`Cache test ${process.pid} ${Date.now()}`);
      mkdirSync(CACHE, { recursive: true });
      const before = new Set(readdirSync(CACHE));
      const first = await coverPng(svg, browser, fonts);
      expect([...first.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      // The cover and its catalogue thumbnail, drawn in one rendering, are cached together.
      // (Other test files build books at the same time, the run's seed among them, and may add their
      // own covers meanwhile: this cover is the one new entry holding these bytes.)
      const added = readdirSync(CACHE).filter((n) => !before.has(n)).sort();
      const mine = added.filter((n) => !n.endsWith('.thumbnail.png') && readFileSync(join(CACHE, n)).equals(Buffer.from(first)));
      expect(mine).toHaveLength(1);
      expect(added).toContain(mine[0]!.replace(/\.png$/, '.thumbnail.png'));
      made.push(mine[0]!, mine[0]!.replace(/\.png$/, '.thumbnail.png'));
      const file = join(CACHE, mine[0]!);
      expect(statSync(file).size).toBe(first.length);
      // What comes back is the cached file: replace it, and the next call returns the replacement.
      writeFileSync(file, Buffer.from('cached'));
      expect(Buffer.from(await coverPng(svg, browser, fonts)).toString()).toBe('cached');
      // A cached cover needs no browser: the key holds Chromium's version, asked without starting it.
      let started = 0;
      const cached = await coverImages(svg, async () => { started++; return browser; }, fonts);
      expect(Buffer.from(cached.cover).toString()).toBe('cached');
      expect(started).toBe(0);
      // Another title is another cover.
      const other = await coverPng(svgOf(`Other ${process.pid} ${Date.now()}`), browser, fonts);
      made.push(...readdirSync(CACHE).filter((n) => !before.has(n) && !made.includes(n)));
      expect(Buffer.from(other).toString('latin1', 1, 4)).toBe('PNG');
    } finally {
      for (const n of made) rmSync(join(CACHE, n), { force: true });
    }
  });
});
