// `npm run bench`: every speed, quality and memory figure as a ratio against a baseline measured in
// the same run (machines here are shared and noisy, so absolute times mean little). Writes
// bench/results.json and prints a table. Peers (pagedjs-cli, pandoc) are installed on demand for the
// benchmark only, never as project dependencies, and never with a browser download.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { fidelityRows } from './fidelity.ts';
import { reliability } from '../eval/measure.ts';
import { readTranscript } from '../reader/read.ts';
import { buildCorpus } from '../corpus.ts';
import { buildBook } from '../build.ts';
import { defaultContext } from '../core/context.ts';
import { launchBrowser, chromiumPath, chromiumFlags } from '../core/browser.ts';
import { writePdf } from '../writers/pdf.ts';
import { printFontCss } from '../pdf/fonts.ts';
import { projectRoot } from '../render/templates.ts';
import { generateBook, generateCorpus } from '../fixtures/generate.ts';
import { benchPdf } from './pdf.ts';
import { benchVolume, benchVolumeRead } from './volume.ts';
import { prepareBook, pdfInputOf, stampDate } from '../prepare.ts';
import { timed } from './measure.ts';
import { describe as pairText, interleave, stage, whole, type PairResult } from './pairs.ts';
import { finishIncremental, finishPdf } from '../pdf/finish.ts';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { goldenCases, goldenRoots, scoreCase, totals } from '../fixtures/structure.ts';

interface Row { bench: string; figure: string; baseline: string; ratio: number | null; target: string; pass: boolean | null }
const rows: Row[] = [];
const results: Record<string, unknown> = {};
const ctx = defaultContext({ log: () => {} });
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (name: string) => only.length === 0 || only.includes(name);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const log = (s: string) => process.stderr.write(s + '\n');
const work = mkdtempSync(join(tmpdir(), 'tp-bench-'));
/** Pairs per comparison (TP_BENCH_PAIRS; at least 5 for the README's figures). */
const PAIRS = Number(process.env.TP_BENCH_PAIRS ?? 5);
/** The CLI as a user runs it, a whole process (compiled by setup, which `npm run bench` runs first). */
const node = (args: string[], pss = false) => whole(process.execPath, [join(projectRoot, 'bin/transcript-press.mjs'), ...args], { pss });

function record(row: Row) {
  rows.push(row);
  log(`  ${row.bench}: ${row.figure} vs ${row.baseline}${row.ratio !== null ? ` → ${row.ratio}×` : ''} (target ${row.target})${row.pass === null ? '' : row.pass ? ' ok' : ' MISSED'}`);
}

/** pagedjs-cli, installed once into .cache/ with scripts and browser download skipped. */
function pagedjsCli(): string {
  const dir = join(projectRoot, '.cache', 'bench-tools');
  const bin = join(dir, 'node_modules', '.bin', 'pagedjs-cli');
  if (!existsSync(bin)) {
    log('  installing pagedjs-cli 0.4.3 for the benchmark (scripts and browser download skipped)');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    const r = spawnSync('npm', ['i', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', 'pagedjs-cli@0.4.3'], {
      cwd: dir, stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
    if (r.status !== 0) throw new Error('could not install pagedjs-cli');
  }
  return bin;
}

function aptInstall(pkg: string, binary: string): boolean {
  if (spawnSync('which', [binary]).status === 0) return true;
  log(`  installing ${pkg} with apt-get for the benchmark`);
  return spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

async function main() {
  log(`transcript-press benchmarks (${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, node ${process.version})`);
  // `reader` is the warm throughput alone (seconds); `fidelity` is the whole-corpus evaluation (minutes:
  // every transcript × TP_BENCH_SEEDS seeds × two generators × two splits, each scored by edit distance).
  if (want('fidelity')) benchFidelity();
  if (want('reader')) await benchThroughput();
  if (want('structure')) benchStructure();
  // Chromium only for the benchmarks that print (a run of `structure` alone needs none).
  if (only.length === 0 || only.some((n) => ['pdf', 'scale', 'pagedjs', 'epub', 'volume'].includes(n))) await printing();
  if (want('volume') || want('volume-read')) results.volumeRead = await benchVolumeRead(work, record, log);
  if (want('batch')) await benchBatch();
  if (want('startup')) await startup();
  if (want('startup') || want('normaliser')) await normaliserWhole();
  if (want('whole')) await wholeProcess();
  else if (want('epub-whole') && aptInstall('pandoc', 'pandoc')) results.whole = await wholeEpub(join(projectRoot, 'source/wangyi-2024-03-07'), {});
  writeResults();
}

/** Reader fidelity on the real corpus, clean and corrupted (scripts/eval). */
function benchFidelity() {
  const seeds = Array.from({ length: Number(process.env.TP_BENCH_SEEDS ?? 10) }, (_, i) => i + 1);
  log(`reader fidelity: the real corpus, clean and corrupted with ${seeds.length} seeds (scripts/eval; minutes of CPU)`);
  const { rows: fidelity, report } = fidelityRows(seeds, 8, log);
  for (const row of fidelity) record(row);
  results.fidelity = { reduction: report.reduction, rules: report.rules, defects: report.defects, cleanChanges: report.cleanChanges, reliability: reliability(report.proposals) };
}

/** The normaliser inside a warm process, against decoding, NFC and splitting alone. */
async function benchThroughput() {
  log('reader: throughput');
  const seed = readFileSync(join(projectRoot, 'source/wangyi-2024-03-07/transcript.txt'), 'utf8');
  const big = Buffer.from(seed + ('\n\n' + seed.split('\n\n').slice(2).join('\n\n')).repeat(160));
  readTranscript(Buffer.from(seed), { speaker: '王毅' }); // load the dictionary outside the timing
  const [, ms] = await timed(() => readTranscript(big, { speaker: '王毅' }));
  // Baseline: only decoding, NFC and splitting into paragraphs, the least any reader must do.
  const [, floorMs] = await timed(() => new TextDecoder().decode(big).normalize('NFC').split(/\n\s*\n/).map((p) => p.trim()));
  const mbps = big.length / 1e6 / (ms / 1000);
  results.reader = { bytes: big.length, ms: Math.round(ms), mbps: round(mbps), floor_ms: Math.round(floorMs) };
  record({ bench: 'normaliser throughput (Chinese)', figure: `${round(mbps)} MB/s (${round(big.length / 1e6)} MB in ${Math.round(ms)} ms)`, baseline: `decode+NFC+split ${Math.round(floorMs)} ms`, ratio: round(ms / floorMs, 1), target: '≥ 2 MB/s', pass: mbps >= 2 });
}

/** Structure: inspect over the golden transcripts. */
function benchStructure() {
  log('structure: inspect over the golden transcripts (test/corpus, test/structure/fixtures)');
  const scores = goldenCases(goldenRoots(projectRoot)).map((dir) => scoreCase(dir));
  const t = totals(scores);
  results.structure = { ...t, wrong: scores.flatMap((s) => s.wrong.map((w) => ({ id: s.id, ...w }))), titleErrors: scores.filter((s) => s.titleError).map((s) => ({ id: s.id, error: s.titleError })) };
  record({ bench: `structure: turns with the right speaker and question/non-question role (${t.cases} transcripts)`, figure: `${round(t.accuracy * 100, 1)} % (${t.right}/${t.turns}; exact role ${round(t.strictAccuracy * 100, 1)} %)`, baseline: 'expected.json by hand', ratio: null, target: '≥ 98 %', pass: t.accuracy >= 0.98 });
  record({ bench: 'structure: false turns', figure: String(t.falseTurns), baseline: 'expected.json by hand', ratio: null, target: '0', pass: t.falseTurns === 0 });
  record({ bench: 'structure: wrong titles', figure: String(t.titleErrors), baseline: 'expected.json by hand', ratio: null, target: '0', pass: t.titleErrors === 0 });
}

/** 20 books in one command against 20 commands one by one. */
async function benchBatch() {
  log('batch: 20 books in one command against 20 commands one by one');
  const root = join(work, 'batch');
  const books = generateCorpus(join(root, 'source'), 20, 6000);
  const [, batchMs] = await timed(() => buildCorpus(books.map((b) => b.dir), { out: join(root, 'dist-batch'), formats: new Set(['epub', 'pdf']), ctx, force: true }));
  const bin = join(projectRoot, 'bin/transcript-press.mjs');
  const [, singleMs] = await timed(() => {
    for (const b of books) {
      const r = spawnSync(process.execPath, [bin, 'build', b.dir, '--out', join(root, 'dist-single'), '--force'], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`one-by-one build of ${b.id} failed`);
    }
  });
  const speedup = singleMs / batchMs;
  results.batch = { books: 20, cores: availableParallelism(), batch_ms: Math.round(batchMs), one_by_one_ms: Math.round(singleMs), speedup: round(speedup) };
  record({ bench: '20 books: batch vs one by one', figure: `batch ${Math.round(batchMs)} ms`, baseline: `one by one ${Math.round(singleMs)} ms`, ratio: round(speedup), target: `≥ 1.7× on ${availableParallelism()} cores`, pass: speedup >= 1.7 });
}

/** The memory row, bench/results.json (full runs) or bench/out/ (partial), and the table. */
function writeResults() {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  results.memory = { bench_process_peak_rss_mb: Math.round(maxRssMb) };
  record({ bench: 'peak memory (Node side, whole bench)', figure: `${Math.round(maxRssMb)} MB`, baseline: '-', ratio: null, target: 'report', pass: null });

  // Only a full run replaces bench/results.json; a run of some benchmarks goes to bench/out/ (ignored).
  const dir = only.length ? join(projectRoot, 'bench', 'out') : join(projectRoot, 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, only.length ? `results-${only.join('-')}.json` : 'results.json');
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, node: process.version, rows, results }, null, 2) + '\n');
  console.log('\n| benchmark | figure | baseline (same run) | ratio | target | |\n| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.bench} | ${r.figure} | ${r.baseline} | ${r.ratio ?? ''}${r.ratio !== null ? '×' : ''} | ${r.target} | ${r.pass === null ? '' : r.pass ? 'ok' : 'missed'} |`);
  console.log(`\nwritten ${file}`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
}).finally(() => rmSync(work, { recursive: true, force: true }));


/** Start-up of the commands a user runs on a small file: whole processes against `node -e 0`. */
async function startup() {
  log('startup: normalize and inspect of a 1 KB transcript, whole process');
  const small = join(work, 'small', 'transcript.txt');
  mkdirSync(join(work, 'small'), { recursive: true });
  writeFileSync(small, readFileSync(join(projectRoot, 'source/wangyi-2024-03-07/transcript.txt')).subarray(0, 1024).toString('utf8').replace(/\uFFFD+$/, ''));
  const bare = whole(process.execPath, ['-e', '0']);
  const out: Record<string, PairResult> = {};
  for (const command of ['normalize', 'inspect']) {
    const r = await interleave(node([command, small]), bare, PAIRS);
    out[command] = r;
    record({ bench: `start-up: ${command} of a 1 KB file (whole process)`, figure: `${r.a_ms} ms${r.a_cpu_ms !== undefined ? ` (CPU ${r.a_cpu_ms} ms)` : ''}`, baseline: `node -e 0 ${r.b_ms} ms; ${pairText(r)}`, ratio: null, target: '≤ 1000 ms', pass: r.a_ms <= 1000 });
  }
  results.startup = out;
}

/**
 * The normaliser's input: real, distinct text. Every corpus transcript (transcript.txt of each test/corpus folder, in
 * the order of their folders' names: English, then zh-Hans, then zh-Hant, as they are), trimmed and
 * joined by a blank line, the list begun again until the file holds 4 MB; `zh` takes the Chinese ones
 * alone. The corpus holds about 2.0 MB (1.9 MB English, 0.1 MB Chinese), so the mixed file is the corpus
 * twice over, and the Chinese one its 58 Chinese transcripts about forty times (repetition that the
 * reader's caches by text favour: reported beside, not the target).
 */
function normaliserInput(which: 'mixed' | 'zh', bytes = 4e6): { text: string; transcripts: number; distinct: number } {
  const root = join(projectRoot, 'test', 'corpus');
  const ids = readdirSync(root).filter((id) => existsSync(join(root, id, 'transcript.txt')) && (which === 'mixed' || id.startsWith('zh-'))).sort();
  const texts = ids.map((id) => readFileSync(join(root, id, 'transcript.txt'), 'utf8').trim());
  const parts: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const t = texts[i % texts.length]!;
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  return { text: parts.join('\n\n') + '\n', transcripts: texts.length, distinct: texts.reduce((n, t) => n + Buffer.byteLength(t), 0) };
}

/** The normaliser as a user runs it: a 4 MB transcript through `normalize`, start-up included (CPU time beside). */
async function normaliserWhole() {
  const bare = whole(process.execPath, ['-e', '0']);
  const out: Record<string, unknown> = {};
  for (const which of ['mixed', 'zh'] as const) {
    const { text, transcripts, distinct } = normaliserInput(which);
    const file = join(work, `big-${which}`, 'transcript.txt');
    mkdirSync(join(work, `big-${which}`), { recursive: true });
    writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    log(`normaliser: normalize of ${round(size / 1e6)} MB (${which}: ${transcripts} corpus transcripts, ${round(distinct / 1e6)} MB distinct), whole process, against node -e 0`);
    const r = await interleave(node(['normalize', file]), bare, PAIRS);
    const mbps = size / 1e6 / (r.a_ms / 1000);
    // By CPU time as well: on a shared machine the wall time mostly measures the other processes.
    const cpuMbps = r.a_cpu_ms ? size / 1e6 / (r.a_cpu_ms / 1000) : undefined;
    out[which] = { ...r, bytes: size, distinct_bytes: distinct, transcripts, mbps: round(mbps), cpu_mbps: cpuMbps === undefined ? undefined : round(cpuMbps) };
    const what = which === 'mixed' ? `the corpus: ${transcripts} transcripts, en + zh, ${(distinct / 1e6).toFixed(1)} MB distinct` : `the ${transcripts} Chinese corpus transcripts, ${Math.round(distinct / 1e3)} KB distinct, repeated`;
    record({ bench: `normaliser, whole process (${round(size / 1e6, 1)} MB: ${what})`, figure: `${round(mbps)} MB/s (${r.a_ms} ms)${cpuMbps !== undefined ? `; by CPU ${round(cpuMbps)} MB/s (${r.a_cpu_ms} ms)` : ''}`,
      baseline: `node -e 0 ${r.b_ms} ms; ${pairText(r)}`, ratio: null, target: which === 'mixed' ? '≥ 5 MB/s' : 'report', pass: which === 'mixed' ? mbps >= 5 : null });
  }
  results.normaliser = out;
}

/**
 * What a user waits for: `build` as a whole process (start-up, reading, Chromium, finishing) against a
 * bare script that starts Chromium and prints the same final HTML once (kept with --keep-html), and
 * pagedjs-cli on that HTML; peak PSS of each process tree. The EPUB build against pandoc's whole
 * process. The PDF finish (raw incremental update against pdf-lib) on the same PDFs.
 */
async function wholeProcess() {
  const seedDir = join(projectRoot, 'source/wangyi-2024-03-07');
  const gen = join(work, 'whole');
  // TP_BENCH_SIZES=seed runs the seed alone (a loaded machine can take an hour over the 600-page pairs).
  const sizes = (process.env.TP_BENCH_SIZES ?? 'seed,150,600').split(',');
  const books: [string, string][] = [['seed', seedDir], ['150', generateBook(gen, 'pages-150', 56_000, 150).dir], ['600', generateBook(gen, 'pages-600', 236_000, 600).dir]];
  books.splice(0, books.length, ...books.filter(([label]) => sizes.includes(label)));
  const out: Record<string, unknown> = {};
  const ours: Record<string, PairResult> = {};
  for (const [label, dir] of books) {
    const dist = join(work, `dist-${label}`);
    const id = dir.split('/').pop()!;
    // One build with --keep-html gives the HTML the bare script and pagedjs-cli print; it also fills the
    // page cache, so the builds timed below are rebuilds of an unchanged book (one print each).
    await node(['build', dir, '--out', join(work, `keep-${label}`), '--format', 'pdf', '--force', '--keep-html'])();
    const html = join(work, `keep-${label}`, id, `${id}.print.html`);
    const pdfOut = join(work, `bare-${label}.pdf`);
    const pairs = label === 'seed' ? PAIRS : Math.max(3, Math.min(PAIRS, Number(process.env.TP_BENCH_BIG_PAIRS ?? PAIRS)));
    log(`  ${label}: build --format pdf vs bare Chromium script (${pairs} pairs)`);
    const r = await interleave(node(['build', dir, '--out', dist, '--format', 'pdf', '--force'], true),
      whole(process.execPath, [join(projectRoot, 'scripts/bench/bare-print.mjs'), html, pdfOut], { pss: true }), pairs, false);
    ours[label] = r;
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(dist, id, `${id}.pdf`)], { encoding: 'utf8' }).stdout)?.[1]);
    out[label] = { ...r, pages };
    if (label !== '150') {
      record({ bench: `whole build --format pdf (${label === 'seed' ? 'seed' : '600 pages'}, ${pages} pages, rebuild)`, figure: `${r.a_ms} ms`, baseline: `bare Chromium script ${r.b_ms} ms`, ratio: r.ratio, target: '≤ 1.5×', pass: r.ratio <= 1.5 });
      record({ bench: `  the same, per-pair range and load`, figure: pairText(r), baseline: '', ratio: null, target: '', pass: null });
      record({ bench: `peak PSS of the process tree (${label === 'seed' ? 'seed' : '600 pages'})`, figure: `${r.a_pss_mb} MB`, baseline: `bare Chromium script ${r.b_pss_mb} MB`, ratio: round(r.a_pss_mb! / r.b_pss_mb!), target: '≤ 1.1×', pass: r.a_pss_mb! / r.b_pss_mb! <= 1.1 });
    }
    // pagedjs-cli's pairs take the longest of all (minutes each at 600 pages): a full run, or `pagedjs`.
    if (label === '600' && (want('pagedjs') || only.length === 0)) {
      const cli = pagedjsCli();
      const paged = whole(cli, [html, '-o', join(work, 'paged.pdf'), '--timeout', '1800000', '--browserArgs', chromiumFlags.join(',')], { env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromiumPath() }, pss: true });
      const p = await interleave(paged, node(['build', dir, '--out', dist, '--format', 'pdf', '--force']), Number(process.env.TP_BENCH_PAGED_PAIRS ?? pairs), false);
      out.pagedjs = p;
      record({ bench: '600 pages: pagedjs-cli vs our whole build (rebuild)', figure: `ours ${p.b_ms} ms`, baseline: `pagedjs-cli ${p.a_ms} ms; ${pairText(p)}`, ratio: p.ratio, target: '≥ 3×', pass: p.ratio >= 3 });
    }
    // The finish on Chromium's bytes: the raw incremental update against pdf-lib's rewrite.
    if (label !== '150') await benchFinish(label, pdfOut, out);
  }
  const growth = ours['600'] && ours['150'] ? ours['600'].a_ms / ours['150'].a_ms : NaN;
  if (!Number.isNaN(growth)) record({ bench: 'whole build growth 150 → 600 pages', figure: `${ours['600']!.a_ms} ms / ${ours['150']!.a_ms} ms`, baseline: 'same run', ratio: round(growth), target: '≤ 4.0×', pass: growth <= 4 });
  // EPUB: our whole `build --format epub` against pandoc's whole process on the body markup.
  if (aptInstall('pandoc', 'pandoc')) await wholeEpub(seedDir, out);
  results.whole = out;
}

/** Every benchmark that prints, in one browser. */
async function printing() {
  const browser = await launchBrowser();
  try {
    if (want('pdf')) await benchPdfStage(browser);
    if (want('volume')) results.volume = await benchVolume(work, ctx, browser, record, log);
    if (want('scale') || want('pagedjs')) await benchScale(browser);
    if (want('epub')) await benchEpubStage(browser);
  } finally {
    await browser.close();
  }
}

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** Our PDF stage against one bare page.pdf of the same final HTML: the seed, and 600 pages. */
async function benchPdfStage(browser: Browser) {
  log('pdf: our PDF stage against one bare page.pdf of the same final HTML');
  const r = await benchPdf({ browser, runs: 5 });
  results.pdf = r;
  if (process.env.TP_BENCH_STAGE600 !== '0') {
    const big = generateBook(join(work, 'stage'), 'pages-600', 236_000, 600);
    const s600 = await benchPdf({ browser, bookDir: big.dir, runs: Math.max(3, Math.min(PAIRS, Number(process.env.TP_BENCH_BIG_PAIRS ?? PAIRS))) });
    results.pdf600 = s600;
    record({ bench: `PDF stage (600 pages, ${s600.pages} pages, first build)`, figure: `${s600.ours_ms} ms, ${s600.passes} passes, ${s600.prints} printed`, baseline: `bare page.pdf ${s600.floor_ms} ms; median of ${s600.runs} per-pair ratios, range ${s600.range[0]}–${s600.range[1]}, load ${s600.load[0]}→${s600.load[1]}`, ratio: s600.ratio, target: '≤ 1.25×', pass: s600.ratio <= 1.25 });
    const w600 = await benchPdf({ browser, bookDir: big.dir, runs: Math.max(3, Math.min(PAIRS, Number(process.env.TP_BENCH_BIG_PAIRS ?? PAIRS))), pageCache: join(work, 'pages') });
    results.pdf600Warm = w600;
    record({ bench: `PDF stage (600 pages, rebuild: layout known)`, figure: `${w600.ours_ms} ms, ${w600.passes} passes, ${w600.prints} printed`, baseline: `bare page.pdf ${w600.floor_ms} ms; median of ${w600.runs} per-pair ratios, range ${w600.range[0]}–${w600.range[1]}, load ${w600.load[0]}→${w600.load[1]}`, ratio: w600.ratio, target: '≤ 1.25×', pass: w600.ratio <= 1.25 });
  }
  record({ bench: 'PDF stage (seed, first build)', figure: `${r.ours_ms} ms, ${r.passes} passes, ${r.prints} printed, ${r.pages} pages`, baseline: `bare page.pdf ${r.floor_ms} ms; median of ${r.runs} per-pair ratios, range ${r.range[0]}–${r.range[1]}, load ${r.load[0]}→${r.load[1]}`, ratio: r.ratio, target: '≤ 1.15×', pass: r.ratio <= 1.15 });
  // A rebuild of an unchanged print document: the page layout is known (pdf/pagecache.ts), one print.
  const warm = await benchPdf({ browser, runs: 5, pageCache: join(work, 'pages') });
  results.pdfWarm = warm;
  record({ bench: 'PDF stage (seed, rebuild: layout known)', figure: `${warm.ours_ms} ms, ${warm.passes} passes, ${warm.prints} printed`, baseline: `bare page.pdf ${warm.floor_ms} ms; median of ${warm.runs} per-pair ratios, range ${warm.range[0]}–${warm.range[1]}, load ${warm.load[0]}→${warm.load[1]}`, ratio: warm.ratio, target: '≤ 1.15×', pass: warm.ratio <= 1.15 });
}

/** A 150-page and a 600-page book; pagedjs-cli on the same 600-page HTML. */
async function benchScale(browser: Browser) {
  log('scale: a 150-page and a 600-page book; pagedjs-cli on the same 600-page HTML');
  const root = join(work, 'scale');
  const sizes: Record<string, { chars: number; ms: number; pages: number; html?: string }> = {};
  for (const [label, chars] of [['150', 56_000], ['600', 236_000]] as const) {
    const book = generateBook(root, `pages-${label}`, chars, label === '150' ? 150 : 600);
    const dir = mkdtempSync(join(work, 'pdf-'));
    const prepared = prepareBook(book.dir);
    const input = pdfInputOf(prepared, { browser, workDir: dir, date: stampDate(prepared, defaultContext()) });
    await writePdf(input); // warm-up: fonts and code paths
    const [result, ms] = await timed(() => writePdf(input));
    const pages = Math.max(...result.pageMap.values());
    // Keep the final HTML, with its font stylesheet beside it, for pagedjs-cli.
    const fontFile = join(dir, 'fonts.css');
    writeFileSync(fontFile, printFontCss());
    const html = join(dir, 'final.html');
    writeFileSync(html, result.html.replace(/href="file:[^"]*\/fonts\.css"/, `href="${pathToFileURL(fontFile).href}"`));
    sizes[label] = { chars: book.chars, ms: Math.round(ms), pages, html };
    log(`  ${label}-page target: ${pages} pages in ${Math.round(ms)} ms`);
  }
  const growth = sizes['600'].ms / sizes['150'].ms;
  const pageRatio = sizes['600'].pages / sizes['150'].pages;
  results.scale = { ...sizes, growth: round(growth), pageRatio: round(pageRatio) };
  record({ bench: 'cost growth 150 → 600 pages', figure: `${sizes['600'].ms} ms / ${sizes['150'].ms} ms`, baseline: `${round(pageRatio)}× the pages`, ratio: round(growth), target: '≤ 4.5×', pass: growth <= 4.5 });
  if (want('pagedjs') || only.length === 0) {
    const cli = pagedjsCli();
    const out = join(work, 'paged.pdf');
    const [r, ms] = await timed(() => spawnSync(cli, [sizes['600'].html!, '-o', out, '--timeout', '1800000', '--browserArgs', chromiumFlags.join(',')], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromiumPath() }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    const ok = r.status === 0 && existsSync(out);
    const pagedPages = ok ? Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout)?.[1]) : 0;
    const speedup = ms / sizes['600'].ms;
    results.pagedjs = { ok, ms: Math.round(ms), pages: pagedPages, ours_ms: sizes['600'].ms, speedup: round(speedup), stderr: ok ? undefined : (r.stderr ?? '').slice(-500) };
    record({ bench: '600-page book: ours vs pagedjs-cli', figure: `ours ${sizes['600'].ms} ms`, baseline: ok ? `pagedjs-cli ${Math.round(ms)} ms (${pagedPages} pages)` : 'pagedjs-cli failed', ratio: ok ? round(speedup, 1) : null, target: '≥ 6× faster', pass: ok ? speedup >= 6 : null });
  }
}

/** Our EPUB stage (inside a warm process, the browser already up) against pandoc's whole process on
 * the same body markup, interleaved. */
async function benchEpubStage(browser: Browser) {
  log('epub: our EPUB stage against Debian\'s pandoc on the same content');
  if (!aptInstall('pandoc', 'pandoc')) return;
  const out = join(work, 'epub');
  const seedDir = join(projectRoot, 'source/wangyi-2024-03-07');
  const ours = async () => ({ ms: (await buildBook(seedDir, { out, formats: new Set(['epub']), ctx, browser: async () => browser })).millis.epub! });
  const html = await pandocInput(seedDir, 'content.html');
  const pandoc = whole('pandoc', ['-f', 'html', '-t', 'epub3', '--metadata', 'title=t', '--metadata', 'lang=zh-Hans', '-o', join(work, 'pandoc.epub'), html]);
  const r = await interleave(ours, pandoc, PAIRS);
  results.epub = r;
  record({ bench: 'EPUB stage (seed) vs pandoc (whole process)', figure: `${r.a_ms} ms`, baseline: `pandoc ${r.b_ms} ms; ${pairText(r)}`, ratio: r.ratio, target: '≤ 2×', pass: r.ratio <= 2 });
}

/** The seed's body markup as our renderer makes it, one HTML file for pandoc. */
async function pandocInput(seedDir: string, name: string): Promise<string> {
  const html = join(work, name);
  const book = readTranscript(readFileSync(join(seedDir, 'transcript.txt')), { speaker: '王毅' });
  const { renderBody } = await import('../render/html.ts');
  writeFileSync(html, `<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>t</title></head><body>${renderBody(book.tree, { flavour: 'html', labels: { question: '', answer: '', remarks: '', moderator: '', labelEnd: '：' } })}</body></html>`);
  return html;
}

/** The PDF finish on the same bytes: pdf-lib's rewrite against the raw incremental update. */
async function benchFinish(label: string, pdfOut: string, out: Record<string, unknown>) {
  const bytes = new Uint8Array(readFileSync(pdfOut));
  const input = { trim: { width: 148, height: 210, top: 18, bottom: 20, inner: 20, outer: 15 }, bleed: false, bare: new Set([1, 3]), idSeed: 'bench',
    meta: { title: 't', author: 'a', subject: 's', keywords: [], lang: 'zh-Hans', date: new Date(0) } };
  const f = await interleave(stage(async () => finishPdf(await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), input)),
    stage(() => finishIncremental(bytes, input)), PAIRS);
  out[`finish-${label}`] = f;
  record({ bench: `PDF finish (${label === 'seed' ? 'seed' : '600 pages'}): pdf-lib rewrite vs raw incremental update`, figure: `raw ${f.b_ms} ms`, baseline: `pdf-lib ${f.a_ms} ms; ${pairText(f)}`, ratio: f.ratio, target: 'raw faster, else drop it', pass: f.ratio > 1 });
}

/** Our whole `build --format epub` of the seed against pandoc's whole process on its body markup. */
async function wholeEpub(seedDir: string, out: Record<string, unknown>): Promise<Record<string, unknown>> {
  const html = await pandocInput(seedDir, 'content-whole.html');
  const e = await interleave(node(['build', seedDir, '--out', join(work, 'dist-epub'), '--format', 'epub', '--force']),
    whole('pandoc', ['-f', 'html', '-t', 'epub3', '--metadata', 'title=t', '--metadata', 'lang=zh-Hans', '-o', join(work, 'pandoc-whole.epub'), html]), PAIRS);
  out.epub = e;
  record({ bench: 'whole build --format epub (seed) vs pandoc', figure: `${e.a_ms} ms`, baseline: `pandoc ${e.b_ms} ms; ${pairText(e)}`, ratio: e.ratio, target: '≤ 5×', pass: e.ratio <= 5 });
  if (e.cpu_ratio !== undefined) record({ bench: '  the same, CPU time', figure: `${e.a_cpu_ms} ms`, baseline: `pandoc ${e.b_cpu_ms} ms`, ratio: e.cpu_ratio, target: 'report', pass: null });
  return out;
}
