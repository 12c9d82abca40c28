// `npm run bench -- volume` (issue #27): what binding costs. A volume of generated daily briefings
// (about 2,300 characters, some 6 A5 pages each) is built whole, and its parts one by one through the
// same pipeline with the same browser; the volume is then built at 4× the parts to show how it grows;
// the read stage (every part read and the cumulative index marked) is timed from 25 to 180 parts; and
// 250 parts (about 1,500 A5 pages, past the one-book limit) are refused before anything is rendered.
// Wall times on a shared machine: the load average is recorded beside every figure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { buildBook } from '../build.ts';
import type { Context } from '../core/context.ts';
import { BuildError } from '../core/diagnostics.ts';
import { generateCorpus, type GeneratedBook } from '../fixtures/generate.ts';
import { prepareVolume } from '../volume.ts';
import { timed } from './measure.ts';

export interface VolumeRow { bench: string; figure: string; baseline: string; ratio: number | null; target: string; pass: boolean | null }

const PART_CHARS = 2300;
/** The most generated parts (about 2,500 characters each) that stay within the one-book limit. */
const TOP = 180;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const load = () => loadavg()[0]!.toFixed(1);

/** A volume folder over the first `count` generated parts (listed by name: they share one date). */
function volumeOver(root: string, parts: GeneratedBook[], count: number): string {
  const dir = join(root, `volume-${count}`);
  mkdirSync(dir, { recursive: true });
  const list = parts.slice(0, count).map((p) => `  - ../source/${p.id}`).join('\n');
  writeFileSync(join(dir, 'volume.yaml'), `id: urn:transcript-press:bench:volume-${count}\ntitle: 记者会实录合订本\nparts:\n${list}\n`);
  return dir;
}

/** Generated parts, once per run. */
function generated(work: string): { root: string; parts: GeneratedBook[] } {
  const root = join(work, 'volume');
  return { root, parts: generateCorpus(join(root, 'source'), 250, PART_CHARS) };
}

/** Full builds (Chromium): a volume against its parts one by one, and 25 → 100 parts. */
export async function benchVolume(work: string, ctx: Context, browser: Browser, record: (row: VolumeRow) => void, log: (s: string) => void): Promise<Record<string, unknown>> {
  const { root, parts } = generated(work);
  const build = (dir: string, out: string) => buildBook(dir, { out: join(root, out), formats: new Set(['epub', 'pdf']), ctx, browser: async () => browser });
  const out: Record<string, unknown> = { part_chars: PART_CHARS };

  log('volume: 25 parts bound, against the same 25 built one by one');
  const loadBefore = load();
  const [, volumeMs] = await timed(() => build(volumeOver(root, parts, 25), 'dist-volume'));
  let sumMs = 0;
  for (const p of parts.slice(0, 25)) sumMs += (await timed(() => build(p.dir, 'dist-parts')))[1];
  const ratio = volumeMs / sumMs;
  out.volume_25 = { volume_ms: Math.round(volumeMs), parts_sum_ms: Math.round(sumMs), ratio: round(ratio), load: `${loadBefore} → ${load()}` };
  record({ bench: 'volume of 25 parts vs the sum of its parts built one by one', figure: `${Math.round(volumeMs)} ms`, baseline: `Σ parts ${Math.round(sumMs)} ms (load ${loadBefore} → ${load()})`, ratio: round(ratio), target: '≤ 1× (one book of the whole)', pass: ratio <= 1 });

  log('volume: 100 parts against 25 (full build)');
  const [, bigMs] = await timed(() => build(volumeOver(root, parts, 100), 'dist-volume'));
  const growth = bigMs / volumeMs;
  out.volume_100 = { volume_ms: Math.round(bigMs), growth_vs_25: round(growth), load: load() };
  record({ bench: 'volume growth, 25 → 100 parts (full build)', figure: `100 parts ${Math.round(bigMs)} ms`, baseline: `25 parts ${Math.round(volumeMs)} ms (load ${load()})`, ratio: round(growth), target: '≤ 4× (linear)', pass: growth <= 4.4 });
  return out;
}

/** Without a browser (`npm run bench -- volume-read`): the read stage 25 → 180 parts, and 250 parts refused. */
export async function benchVolumeRead(work: string, record: (row: VolumeRow) => void, log: (s: string) => void): Promise<Record<string, unknown>> {
  const { root, parts } = generated(work);
  const out: Record<string, unknown> = { part_chars: PART_CHARS };
  log(`volume: read stage (parts read, index marked) from 25 to ${TOP} parts`);
  const reads: Record<number, number> = {};
  for (const n of [25, 50, 100, TOP]) reads[n] = Math.round((await timed(() => prepareVolume(volumeOver(root, parts, n))))[1]);
  out.read_ms = reads;
  const perPart = (n: number) => reads[n]! / n;
  record({ bench: `volume read stage, 25 → ${TOP} parts`, figure: `${TOP} parts ${reads[TOP]} ms (${round(perPart(TOP), 0)} ms/part)`, baseline: `25 parts ${reads[25]} ms (${round(perPart(25), 0)} ms/part; 50: ${reads[50]} ms, 100: ${reads[100]} ms; load ${load()})`, ratio: round(reads[TOP]! / reads[25]!), target: `≤ ${TOP / 25}× (linear)`, pass: reads[TOP]! / reads[25]! <= (TOP / 25) * 1.1 });

  log('volume: 250 parts (about 1,500 A5 pages) refused before anything is rendered');
  const [refusal, refuseMs] = await timed(() => {
    try { prepareVolume(volumeOver(root, parts, 250)); return null; } catch (err) { if (err instanceof BuildError) return err.diagnostic; throw err; }
  });
  out.volume_250 = { refused: refusal?.code ?? null, ms: Math.round(refuseMs), message: refusal ? `${refusal.message} ${refusal.hint}` : null };
  record({ bench: 'volume of 250 parts (~1,500 A5 pages)', figure: refusal ? `refused ${refusal.code} in ${Math.round(refuseMs)} ms` : 'not refused', baseline: refusal?.message ?? '-', ratio: null, target: 'refused up front, limit named, how to split', pass: refusal?.code === 'TP190' });
  return out;
}
