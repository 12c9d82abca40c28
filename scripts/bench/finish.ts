// Does pdf/raw.ts prove its place (issue 24)? The print path reads Chromium's PDF twice without
// parsing its fonts — the named destinations (pdf/dests.ts) and the finish (pdf/finish.ts: boxes,
// metadata, bare pages, as an incremental update) — through the small reader in raw.ts, and falls back
// to pdf-lib, which loads and rewrites the whole file, only for a file the reader refuses
// (test/pdf.test.ts forces that path). This bench times both on Chromium's own bytes, A and B
// interleaved (scripts/bench/pairs.ts), on the seed and on a book of at least 600 pages: the seed's
// print HTML with its body repeated, printed by the bare Chromium script (bare-print.mjs).
//
//   node bin/transcript-press.mjs build source/wangyi-2024-03-07 --out /tmp/k --format pdf --keep-html
//   npx tsx scripts/bench/finish.ts /tmp/k/wangyi-2024-03-07/wangyi-2024-03-07.print.html [--pages 600] [--pairs 5]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { finishIncremental, finishPdf, type FinishInput } from '../pdf/finish.ts';
import { RawPdf, rawDestinations } from '../pdf/raw.ts';
import { destinationsOf } from '../pdf/dests.ts';
import { projectRoot } from '../core/root.ts';
import { interleave, stage, type PairResult } from './pairs.ts';

const FINISH: FinishInput = {
  trim: { width: 148, height: 210, top: 18, bottom: 20, inner: 20, outer: 15 }, bleed: false, bare: new Set([1, 3]), idSeed: 'bench',
  meta: { title: 't', author: 'a', subject: 's', keywords: [], lang: 'zh-Hans', date: new Date(0) },
};

/** Prints `html` with the bare Chromium script; returns the PDF's bytes. */
function barePrint(html: string, pdf: string): Uint8Array {
  const r = spawnSync(process.execPath, [join(projectRoot, 'scripts/bench/bare-print.mjs'), html, pdf], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bare-print.mjs failed on ${html}`);
  return new Uint8Array(readFileSync(pdf));
}

/** The print HTML with its body's content `times` over (ids repeat; Chromium prints it all the same). */
function repeated(html: string, times: number): string {
  const tree = fromHtml(html);
  const child = (parent: Root | Element | undefined, tag: string): Element | undefined =>
    (parent?.children as { type: string }[] | undefined)?.find((c): c is Element => c.type === 'element' && (c as Element).tagName === tag);
  const body = child(child(tree, 'html'), 'body');
  if (!body) throw new Error('the print HTML has no body');
  body.children = Array.from({ length: times }, () => structuredClone(body.children)).flat();
  return toHtml(tree);
}

const pageCount = (bytes: Uint8Array) => new RawPdf(bytes).pages().length;

/** The print HTML repeated until Chromium prints at least `pages` pages (the page count is measured,
 * not assumed: copies of the body do not add pages in proportion). */
function printAtLeast(html: string, pages: number, seedPages: number, work: string): Uint8Array {
  let times = Math.ceil(pages / seedPages);
  for (;;) {
    writeFileSync(join(work, 'big.html'), repeated(html, times));
    const big = barePrint(join(work, 'big.html'), join(work, 'big.pdf'));
    const got = pageCount(big);
    if (got >= pages) return big;
    times = Math.ceil(times * pages / got * 1.05);
  }
}

/** Raw against pdf-lib on one PDF: the finish, and reading the destinations. */
async function compare(bytes: Uint8Array, pairs: number): Promise<{ finish: PairResult; dests: PairResult }> {
  const finish = await interleave(
    stage(async () => finishPdf(await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), FINISH)),
    stage(() => finishIncremental(bytes, FINISH)), pairs);
  const dests = await interleave(
    stage(async () => destinationsOf(await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }))),
    stage(() => rawDestinations(new RawPdf(bytes))), pairs);
  return { finish, dests };
}

const row = (what: string, r: PairResult) =>
  `| ${what}: pdf-lib vs raw.ts | raw ${r.b_ms} ms | pdf-lib ${r.a_ms} ms; ${r.ratio}× (${r.min}–${r.max}, ${r.pairs} pairs, load ${r.load[0]}→${r.load[1]}) | ${r.ratio}× | raw faster, else drop it | ${r.ratio > 1 ? 'ok' : 'missed'} |`;

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const html = args.find((a) => a.endsWith('.html'));
  if (!html) throw new Error('usage: npx tsx scripts/bench/finish.ts BOOK.print.html [--pages 600] [--pairs 5]');
  const work = mkdtempSync(join(tmpdir(), 'tp-finish-'));
  const seed = barePrint(html, join(work, 'seed.pdf'));
  const big = printAtLeast(readFileSync(html, 'utf8'), opt('--pages', 600), pageCount(seed), work);
  console.log(`${new Date().toISOString().slice(0, 16)} UTC; seed ${pageCount(seed)} pages, ${seed.length} bytes; big ${pageCount(big)} pages, ${big.length} bytes`);
  for (const [label, bytes] of [['seed', seed], [`${pageCount(big)} pages`, big]] as const) {
    const r = await compare(bytes, opt('--pairs', 5));
    console.log(row(`PDF finish (${label})`, r.finish));
    console.log(row(`named destinations (${label})`, r.dests));
  }
}

await main();
