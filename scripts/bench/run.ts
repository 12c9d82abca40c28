// `npm run bench`: every speed, quality and memory figure as a ratio against a baseline measured in
// the same run (machines here are shared and noisy, so absolute times mean little). Writes
// bench/results.json and prints a table. Peers (pagedjs-cli, pandoc) are installed on demand for the
// benchmark only, never as project dependencies, and never with a browser download.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { fidelityRows } from './fidelity.ts';
import { reliability } from '../eval/measure.ts';
import { readTranscript } from '../reader/index.ts';
import { buildCorpus } from '../corpus.ts';
import { buildBook } from '../build.ts';
import { defaultContext } from '../core/context.ts';
import { launchBrowser, chromiumPath, chromiumFlags } from '../core/browser.ts';
import { writePdf } from '../writers/pdf.ts';
import { printFontCss } from '../pdf/fonts.ts';
import { projectRoot } from '../render/templates.ts';
import { generateBook, generateCorpus } from '../fixtures/generate.ts';
import { benchPdf } from './pdf.ts';
import { prepareBook, pdfInputOf, stampDate } from '../prepare.ts';
import { timed } from './measure.ts';
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

  if (want('reader') || want('fidelity')) {
    log('reader fidelity: the real corpus, clean and corrupted (scripts/eval)');
    const { rows: fidelity, report } = fidelityRows();
    for (const row of fidelity) record(row);
    results.fidelity = { reduction: report.reduction, rules: report.rules, defects: report.defects, cleanChanges: report.cleanChanges, reliability: reliability(report.proposals) };
  }

  if (want('reader')) {
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

  if (want('structure')) {
    log('structure: inspect over the golden transcripts (test/corpus, test/structure/fixtures)');
    const scores = goldenCases(goldenRoots(projectRoot)).map((dir) => scoreCase(dir));
    const t = totals(scores);
    results.structure = { ...t, wrong: scores.flatMap((s) => s.wrong.map((w) => ({ id: s.id, ...w }))), titleErrors: scores.filter((s) => s.titleError).map((s) => ({ id: s.id, error: s.titleError })) };
    record({ bench: `structure: turns with the right speaker and question/non-question role (${t.cases} transcripts)`, figure: `${round(t.accuracy * 100, 1)} % (${t.right}/${t.turns}; exact role ${round(t.strictAccuracy * 100, 1)} %)`, baseline: 'expected.json by hand', ratio: null, target: '≥ 98 %', pass: t.accuracy >= 0.98 });
    record({ bench: 'structure: false turns', figure: String(t.falseTurns), baseline: 'expected.json by hand', ratio: null, target: '0', pass: t.falseTurns === 0 });
    record({ bench: 'structure: wrong titles', figure: String(t.titleErrors), baseline: 'expected.json by hand', ratio: null, target: '0', pass: t.titleErrors === 0 });
  }

  // Chromium only for the benchmarks that print (a run of `structure` alone needs none).
  if (only.length === 0 || only.some((n) => ['pdf', 'scale', 'pagedjs', 'epub'].includes(n))) await printing();
  async function printing() {
  const browser = await launchBrowser();
  try {
    if (want('pdf')) {
      log('pdf: our PDF stage against one bare page.pdf of the same final HTML');
      const r = await benchPdf({ browser, runs: 5 });
      results.pdf = r;
      record({ bench: 'PDF stage (seed)', figure: `${r.ours_ms} ms, ${r.passes} passes, ${r.pages} pages`, baseline: `bare page.pdf ${r.floor_ms} ms`, ratio: r.ratio, target: '≤ 1.5×', pass: r.ratio <= 1.5 });
    }

    if (want('scale') || want('pagedjs')) {
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

    if (want('epub')) {
      log('epub: our EPUB stage against Debian\'s pandoc on the same content');
      const out = join(work, 'epub');
      const build = async () => (await buildBook(join(projectRoot, 'source/wangyi-2024-03-07'), { out, formats: new Set(['epub']), ctx, browser: async () => browser })).millis.epub;
      await build();
      const ours = [await build(), await build(), await build()].sort((a, b) => a - b)[1];
      if (aptInstall('pandoc', 'pandoc')) {
        // The same content: the body markup our renderer made, as one HTML file.
        const html = join(work, 'content.html');
        const book = readTranscript(readFileSync(join(projectRoot, 'source/wangyi-2024-03-07/transcript.txt')), { speaker: '王毅' });
        const { renderBody } = await import('../render/html.ts');
        writeFileSync(html, `<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>t</title></head><body>${renderBody(book.tree, { flavour: 'html', labels: { question: '', answer: '', remarks: '', moderator: '', labelEnd: '：' } })}</body></html>`);
        const runPandoc = () => timed(() => spawnSync('pandoc', ['-f', 'html', '-t', 'epub3', '--metadata', 'title=t', '--metadata', 'lang=zh-Hans', '-o', join(work, 'pandoc.epub'), html]));
        await runPandoc();
        const pandocMs = [(await runPandoc())[1], (await runPandoc())[1], (await runPandoc())[1]].sort((a, b) => a - b)[1];
        results.epub = { ours_ms: ours, pandoc_ms: Math.round(pandocMs), ratio: round(ours / pandocMs) };
        record({ bench: 'EPUB stage (seed)', figure: `${ours} ms`, baseline: `pandoc ${Math.round(pandocMs)} ms`, ratio: round(ours / pandocMs), target: 'report', pass: null });
      }
    }
  } finally {
    await browser.close();
  }
  }

  if (want('batch')) {
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
