// Building many books: one shared Chromium, a pool of books in flight sized to the cores, skipping
// books whose inputs have not changed, a deterministic shard of the corpus for CI matrices and
// indexed jobs, and fault handling: a book that hangs or crashes Chromium is retried once with a
// fresh browser, then fails alone while the others finish.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { BookFailed, buildBook, INPUT_HASH_FILE, type BookResult, type Format } from './build.ts';
import type { Context } from './core/context.ts';
import { BuildError, diagnostic, errorDiagnostic, type Diagnostic } from './core/diagnostics.ts';
import { sha256 } from './core/files.ts';
import { projectRoot, templatesRoot } from './render/templates.ts';
import { killBrowser, letLaunchBegin, startBrowser } from './core/browser.ts';
import { withTimeout, type Timer } from './core/timeout.ts';
import { readVolumeConfig } from './config/load.ts';
import { resolveParts, VOLUME_FILE } from './volume.ts';

export interface CorpusOptions {
  out: string;
  formats: Set<Format>;
  ctx: Context;
  /** Books in flight at once (default: the number of cores). */
  jobs?: number;
  /** Rebuild even when the inputs are unchanged. */
  force?: boolean;
  /** Build only shard `index` (1-based) of `count`. */
  shard?: { index: number; count: number };
  /** Per-book time limit; a book that exceeds it is retried once with a fresh browser. */
  timeoutMs?: number;
  /** The clock that decides a book took too long (real time by default; tests advance their own). */
  timer?: Timer;
  /** Largest transcript accepted, in MB. */
  maxMb?: number;
  /** Follow symlinks in book folders that lead outside them. */
  allowOutsideLinks?: boolean;
  /** Leave each book's final print HTML beside its PDF (build --keep-html). */
  keepHtml?: boolean;
  /** Where browsers come from (tests inject faulty ones). */
  launch?: () => Promise<Browser>;
  /** Called once per book as it finishes. */
  onBook?: (outcome: BookOutcome, done: number, total: number) => void;
}

export interface BookOutcome {
  dir: string;
  id: string;
  status: 'built' | 'skipped' | 'failed';
  millis: Record<string, number>;
  totalMillis: number;
  attempts: number;
  diagnostics: Diagnostic[];
  result?: BookResult;
}


/** Every book folder (holding book.yaml) and volume folder (volume.yaml) in `sourceDir`, sorted. */
export function discoverBooks(sourceDir: string): string[] {
  if (!existsSync(sourceDir)) return [];
  return readdirSync(sourceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (existsSync(join(sourceDir, d.name, 'book.yaml')) || existsSync(join(sourceDir, d.name, VOLUME_FILE))))
    .map((d) => join(sourceDir, d.name)).sort();
}

/** The parts of a volume folder (none for a book, or a volume.yaml that does not read: the build says why). */
function volumeParts(dir: string): string[] {
  const path = join(dir, VOLUME_FILE);
  if (!existsSync(path)) return [];
  try {
    const { config, place } = readVolumeConfig(path);
    return resolveParts(resolve(dir), config, path, place);
  } catch { return []; }
}

/** FNV-1a: a stable, platform-independent hash for assigning books to shards. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, 'utf8')) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** The books of shard `index`/`count`, chosen by a hash of the book id so a book stays in its shard as the corpus grows. */
export function shardOf(dirs: string[], index: number, count: number): string[] {
  return dirs.filter((d) => fnv1a(basename(resolve(d))) % count === index - 1);
}

export function parseShard(value: string): { index: number; count: number } | null {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name)).sort();
}

let toolHash: string | null = null;
/**
 * The tool's own version: package version, locked dependencies, pipeline code and templates, each by
 * its path inside the checkout (the same tool in another folder has the same fingerprint).
 */
function toolFingerprint(): string {
  if (toolHash) return toolHash;
  const parts = [join(projectRoot, 'package.json'), join(projectRoot, 'package-lock.json'),
    ...filesUnder(join(projectRoot, 'scripts')), ...filesUnder(templatesRoot)];
  toolHash = sha256(parts.map((p) => `${relative(projectRoot, p)}\0${sha256(readFileSync(p))}`).join('\n'));
  return toolHash;
}

/** Content hash of everything a book's output depends on. */
export function inputHash(bookDir: string, formats: Set<Format>, keepHtml = false): string {
  const dir = resolve(bookDir);
  // Markdown matter (preface.md, …) is an input too: editing only the preface must rebuild the book.
  const markdown = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f)) : [];
  // Regular files only: reading a FIFO would wait forever (the build itself refuses it with TP071).
  const own = [join(dir, 'transcript.txt'), join(dir, 'book.yaml'), join(dir, VOLUME_FILE), ...markdown, ...filesUnder(join(dir, 'templates'))]
    .filter((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
  return sha256([
    toolFingerprint(), [...formats].sort().join(',') + (keepHtml ? ',print-html' : ''), process.env.SOURCE_DATE_EPOCH ?? '',
    ...own.map((p) => `${basename(p)}\0${sha256(readFileSync(p))}`),
    // A volume changes with any of its parts (and with which parts a pattern finds).
    ...volumeParts(dir).map((p) => `${p}\0${inputHash(p, formats)}`),
  ].join('\n'));
}

/**
 * True if `outDir` holds a complete, intact set built from inputs that hash to `hash`: the stamp
 * matches, every file SHA256SUMS lists is there with that checksum, and no other file is. Only then
 * may a book be skipped; anything less (a mixed or damaged folder) is rebuilt.
 */
export function upToDate(outDir: string, hash: string): boolean {
  const stamp = join(outDir, INPUT_HASH_FILE);
  const sums = join(outDir, 'SHA256SUMS');
  try {
    if (!existsSync(stamp) || !existsSync(sums) || readFileSync(stamp, 'utf8').trim() !== hash) return false;
    const listed = new Map<string, string>();
    for (const line of readFileSync(sums, 'utf8').split('\n').filter(Boolean)) {
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!m || m[2]!.includes('/')) return false;
      listed.set(m[2]!, m[1]!);
    }
    const present = readdirSync(outDir).filter((n) => n !== 'SHA256SUMS' && n !== INPUT_HASH_FILE);
    if (present.length !== listed.size || present.some((n) => !listed.has(n))) return false;
    return [...listed].every(([name, sum]) => statSync(join(outDir, name)).isFile() && sha256(readFileSync(join(outDir, name))) === sum);
  } catch {
    return false;
  }
}

/** Errors that mean the browser, not the book, is at fault: worth one retry with a fresh one. */
function browserFault(err: unknown): boolean {
  const text = err instanceof BuildError ? `${err.diagnostic.code} ${err.diagnostic.message}` : String((err as Error)?.message ?? err);
  return /TP032|TP035|Target closed|Session closed|Protocol error|browser has disconnected|Connection closed|crash|timed? ?out|Navigating frame was detached/i.test(text);
}

/** One shared browser, replaced when it breaks. */
class SharedBrowser {
  private current: Promise<Browser> | null = null;
  constructor(private readonly launch: () => Promise<Browser>) {}
  get(): Promise<Browser> {
    return (this.current ??= this.launch());
  }
  /** Drops the browser that failed (killing it, which also aborts whatever it still runs). */
  async replace(): Promise<void> {
    const old = this.current;
    this.current = null;
    const browser = await old?.catch(() => null);
    if (browser) await killBrowser(browser);
  }
  async close(): Promise<void> {
    const browser = await this.current?.catch(() => null);
    this.current = null;
    await browser?.close().catch(() => undefined);
  }
}

export async function buildCorpus(dirs: string[], options: CorpusOptions): Promise<BookOutcome[]> {
  const selected = options.shard ? shardOf(dirs, options.shard.index, options.shard.count) : dirs;
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const browser = new SharedBrowser(options.launch ?? startBrowser);
  const outcomes: BookOutcome[] = new Array(selected.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < selected.length) {
      const i = next++;
      outcomes[i] = await buildOne(selected[i], options, browser);
      options.onBook?.(outcomes[i], ++done, selected.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, selected.length) }, worker));
  } finally {
    await browser.close();
  }
  return outcomes;
}

/**
 * A book's time limit. Without --timeout it grows with the transcript: the timeout is there to catch a
 * hung browser, and a book near the size limits (500,000 characters, ~1,300 pages) legitimately takes
 * many minutes on a busy machine. 300 s, plus 600 s per MB of transcript.
 */
function timeoutFor(dir: string, options: CorpusOptions): number {
  const transcriptBytes = [dir, ...volumeParts(dir)].reduce((n, d) => n + (statSync(join(d, 'transcript.txt'), { throwIfNoEntry: false })?.size ?? 0), 0);
  return options.timeoutMs ?? 300_000 + Math.round(600_000 * transcriptBytes / (1024 * 1024));
}

/** One book: skipped when its inputs are unchanged, else built, retried once on a browser fault. */
async function buildOne(dir: string, options: CorpusOptions, browser: SharedBrowser): Promise<BookOutcome> {
  const id = basename(resolve(dir));
  const t0 = performance.now();
  const outDir = resolve(options.out, id);
  let hash: string | null = null;
  try {
    hash = inputHash(dir, options.formats, options.keepHtml);
  } catch { /* a missing file is reported by the build itself */ }
  if (hash && !options.force && upToDate(outDir, hash)) {
    return { dir, id, status: 'skipped', millis: {}, totalMillis: Math.round(performance.now() - t0), attempts: 0, diagnostics: [] };
  }
  const timeoutMs = timeoutFor(dir, options);
  // Chromium starts while Node reads the book (a second core's work): a print asks for it only after reading.
  if (options.formats.has('pdf')) {
    browser.get().catch(() => undefined);
    await letLaunchBegin();
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await buildWithTimeout(dir, options, browser, hash, timeoutMs);
      return { dir, id: result.id, status: 'built', millis: result.millis, totalMillis: Math.round(performance.now() - t0), attempts: attempt, diagnostics: result.diagnostics, result };
    } catch (err) {
      if (attempt === 1 && !(err instanceof BookFailed) && browserFault(err)) {
        await browser.replace();
        continue;
      }
      const diagnostics = err instanceof BookFailed ? err.diagnostics : [failureDiagnostic(err, dir, id, options, timeoutMs)];
      return { dir, id, status: 'failed', millis: {}, totalMillis: Math.round(performance.now() - t0), attempts: attempt, diagnostics };
    }
  }
}

/**
 * One attempt at a book under its time limit. A build abandoned at its timeout goes on in the
 * background until its browser dies; the signal stops it from replacing the output afterwards.
 */
function buildWithTimeout(dir: string, options: CorpusOptions, browser: SharedBrowser, hash: string | null, timeoutMs: number) {
  const abandon = new AbortController();
  return withTimeout(
    buildBook(dir, {
      out: options.out, formats: options.formats, ctx: options.ctx, browser: () => browser.get(), maxMb: options.maxMb,
      allowOutsideLinks: options.allowOutsideLinks, inputHash: hash ?? undefined, signal: abandon.signal, keepHtml: options.keepHtml,
    }),
    timeoutMs, () => {
      const err = new BuildError(diagnostic('TP035', { seconds: Math.round(timeoutMs / 1000) }));
      abandon.abort(err);
      void browser.replace();
      return err;
    }, options.timer);
}

/** Why a book failed, as one diagnostic. Chromium too slow for a page (a navigation or print timeout) is the book timing out, not a bug. */
function failureDiagnostic(err: unknown, dir: string, id: string, options: CorpusOptions, timeoutMs: number): Diagnostic {
  const d = err instanceof BuildError ? err.diagnostic
    : (err as Error)?.name === 'TimeoutError' || /timed out/i.test(String((err as Error)?.message)) ? diagnostic('TP035', { seconds: Math.round(timeoutMs / 1000) }, { file: dir })
    : errorDiagnostic(err, { file: dir }, join(resolve(options.out), id));
  if (options.ctx.debug && !(err instanceof BuildError)) options.ctx.log(String((err as Error)?.stack));
  return d;
}

/** One progress line per book: `[3/20] built book-03 in 2.1 s (read 120 ms, pdf 1800 ms, epub 150 ms)`. */
export function progressLine(o: BookOutcome, done: number, total: number): string {
  const timings = Object.entries(o.millis).map(([k, v]) => `${k} ${v} ms`).join(', ');
  const retry = o.attempts > 1 ? `, after ${o.attempts - 1} retry` : '';
  return `[${done}/${total}] ${o.status} ${o.id}${o.status === 'skipped' ? ' (unchanged)' : ` in ${(o.totalMillis / 1000).toFixed(1)} s`}${timings ? ` (${timings}${retry})` : retry ? ` (${retry.slice(2)})` : ''}`;
}

/** The summary table at the end of a corpus build. */
export function summaryTable(outcomes: BookOutcome[]): string {
  const rows = outcomes.map((o) => [o.id, o.status, ms(o.millis.read), ms(o.millis.pdf), ms(o.millis.epub), `${(o.totalMillis / 1000).toFixed(1)} s`]);
  const header = ['book', 'status', 'read', 'pdf', 'epub', 'total'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const count = (s: BookOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line),
    `${count('built')} built, ${count('skipped')} unchanged, ${count('failed')} failed`].join('\n');
}

const ms = (v: number | undefined) => (v === undefined ? '-' : `${v} ms`);
