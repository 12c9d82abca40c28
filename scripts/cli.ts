// The thin CLI (STYLE.md §10): parse arguments, call the core, print diagnostics. One top-level
// handler turns failures into diagnostics, never a stack trace unless --debug.
// Exit codes: 0 ok, 1 a book failed, 2 usage error.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Format } from './build.ts';
import { BuildError, diagnostic, errorDiagnostic, formatDiagnostic, listCodes, type Diagnostic } from './core/diagnostics.ts';
import { projectRoot } from './render/templates.ts';
// Each command imports what it needs when it runs (quick start: `normalize` never loads the browser,
// the PDF reader or the index; `--version` loads next to nothing).

const USAGE = `transcript-press — turn speech transcripts into EPUB 3 and print-ready PDF books

Usage:
  transcript-press build [BOOK_DIR...] [--out DIR] [--format epub,pdf] [--jobs N] [--shard I/N] [--force] [--keep-html] [--json]
  transcript-press normalize FILE [--json]
  transcript-press check DIST_BOOK_DIR|DIST_DIR [--json]   a built book, or a catalogue's links and checksums
  transcript-press catalog DIST_DIR... [--out DIR]   one catalogue of several shards' output folders
  transcript-press inspect BOOK_DIR|FILE [--json]   the recognised structure: title, turns, sections
  transcript-press index suggest BOOK_DIR [--top N]   propose topics as YAML (never edits book.yaml)
  transcript-press schema            print the book.yaml field table (Markdown)
  transcript-press --list-codes      print the diagnostic codes
  transcript-press --help | --version

Options:
  --out DIR        output root (default: dist/)
  --format LIST    epub, pdf or both (default: epub,pdf)
  --jobs N         books built at once, sharing one Chromium (default: number of cores)
  --shard I/N      build only slice I of N (by a hash of the book id): for CI matrices
  --force          rebuild books whose inputs are unchanged (they are skipped otherwise)
  --keep-html      also leave the final print HTML beside the PDF (<book>.print.html, .print.css, .fonts.css)
  --timeout S      seconds one book may take before it is retried once, then failed (default 300, plus 600 per MB of transcript)
  --max-mb M       largest transcript accepted, in MB (default 20)
  --allow-outside-links  read transcript, templates and notes that are symlinks leading out of the
                   book folder (refused by default: a book folder from elsewhere could publish host files)
  --json           machine-readable output (diagnostics, change report)
  --debug          show stack traces for internal errors

Exit codes: 0 ok, 1 a book failed, 2 usage error.`;

/**
 * Where the command writes, and (for a caller that runs it in its own process, as the test suite does)
 * how `build` gets its browser: without `launch`, one launched for the run and closed at its end.
 */
interface Io { out: (s: string) => void; err: (s: string) => void; launch?: () => Promise<import('puppeteer-core').Browser> }
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** A mistake in the command line: what is wrong and what to type instead. Exit code 2. */
class UsageError extends Error {
  constructor(message: string, readonly fix: string = 'see the usage below, or run transcript-press --help') {
    super(message);
  }
}
/** A usage error with a code and a fix of its own (exit 2). */
class UsageDiagnostic extends BuildError {}

export async function run(argv: string[], io: Io = stdio): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        out: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' }, debug: { type: 'boolean' },
        top: { type: 'string' }, force: { type: 'boolean' }, shard: { type: 'string' }, jobs: { type: 'string' },
        timeout: { type: 'string' }, 'max-mb': { type: 'string' }, 'allow-outside-links': { type: 'boolean' }, 'keep-html': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' }, 'list-codes': { type: 'boolean' },
      },
    });
  } catch (err) {
    // node:util's messages name the problem; the fix is the list of options that exist.
    io.err(`transcript-press: ${(err as Error).message}\n    fix: check the spelling of the option and whether it takes a value (transcript-press --help lists them)\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const debug = !!values.debug;
  try {
    if (values.help) { io.out(USAGE + '\n'); return 0; }
    if (values.version) { io.out(JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version + '\n'); return 0; }
    if (values['list-codes']) { io.out(listCodes() + '\n'); return 0; }
    const [command, ...args] = positionals;
    switch (command) {
      case 'build': return await build(args, values, io, debug);
      case 'normalize': return await normalize(args, !!values.json, io);
      case 'check': return await check(args, !!values.json, io);
      case 'catalog': return await catalogCommand(args, values.out, !!values.json, io);
      case 'inspect': return await inspectCommand(args, !!values.json, io);
      case 'schema': io.out((await import('./config/docs.ts')).schemaMarkdown() + '\n'); return 0;
      case 'index': return await indexCommand(args, Number(values.top ?? 60), io);
      case undefined: throw new UsageError('no command given', 'name a command: transcript-press build (builds every book in source/), or transcript-press --help');
      default: throw new UsageError(`unknown command "${command}"`, 'use one of: build, normalize, check, catalog, inspect, index suggest, schema');
    }
  } catch (err) {
    if (err instanceof UsageError) { io.err(`transcript-press: ${err.message}\n    fix: ${err.fix}\n\n${USAGE}\n`); return 2; }
    if (err instanceof UsageDiagnostic) { report([err.diagnostic], !!values.json, io); return 2; }
    if (err instanceof BuildError) { report([err.diagnostic], !!values.json, io); return 1; }
    // A failed file-system call is the environment's (TP001/TP050), not a bug (TP090).
    const d = errorDiagnostic(err);
    report([d], !!values.json, io);
    if (debug && d.code === 'TP090') io.err(`${(err as Error).stack}\n`);
    return 1;
  }
}

function report(diagnostics: Diagnostic[], json: boolean, io: Io) {
  if (json) io.err(JSON.stringify(diagnostics) + '\n');
  else for (const d of diagnostics) io.err(formatDiagnostic(d) + '\n');
}

function bookDirs(args: string[], discoverBooks: (root: string) => string[]): string[] {
  if (args.length) return args;
  const dirs = discoverBooks('source');
  // Nothing to build is not success: say where we looked.
  if (dirs.length === 0) {
    throw new BuildError(diagnostic('TP077', { where: `${resolve('source')}${existsSync('source') ? '' : ' (which does not exist)'}` }, { file: 'source' }));
  }
  return dirs;
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realish(p: string): string {
  const abs = resolve(p);
  try { return realpathSync(abs); } catch { /* not there yet */ }
  const parent = dirname(abs);
  return parent === abs ? abs : join(realish(parent), abs.slice(parent.length + (parent.endsWith('/') ? 0 : 1)));
}

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** --out must not lie in source/ or in a book folder: the build would write into its own inputs. */
function checkOut(out: string, dirs: string[]) {
  const target = realish(out);
  for (const source of [...(existsSync('source') ? ['source'] : []), ...dirs]) {
    if (inside(target, realish(source))) {
      throw new UsageDiagnostic(diagnostic('TP078', { out, source: source.replace(/\/?$/, '/') }, { file: out }));
    }
  }
}

/** setTimeout waits at most 2^31−1 ms (24.8 days); a longer --timeout would fire at once. */
export const MAX_TIMEOUT_S = Math.floor((2 ** 31 - 1) / 1000);

async function build(args: string[], values: BuildFlags, io: Io, debug: boolean): Promise<number> {
  const { buildCorpus, discoverBooks, parseShard, progressLine, summaryTable } = await import('./corpus.ts');
  const { defaultContext } = await import('./core/context.ts');
  const formats = new Set((values.format ?? 'epub,pdf').split(',').map((f) => f.trim()).filter(Boolean));
  for (const f of formats) if (f !== 'epub' && f !== 'pdf') throw new UsageError(`unknown format "${f}"`, 'write --format epub, --format pdf or --format epub,pdf');
  if (formats.size === 0) throw new UsageError('--format names no format', 'write --format epub, --format pdf or --format epub,pdf');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) throw new UsageError(`--shard "${values.shard}" is not I/N with 1 ≤ I ≤ N`, 'write the slice and the count, e.g. --shard 2/4');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs "${values.jobs}" is not a whole number ≥ 1`, 'write e.g. --jobs 2 (books built at once)');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0 && timeout <= 86_400)) throw new UsageError(`--timeout "${values.timeout}" is not a number of seconds between 0 and 86400`, 'write e.g. --timeout 600 (at most 86400, one day)');
  const maxMb = values['max-mb'] === undefined ? undefined : Number(values['max-mb']);
  if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError(`--max-mb "${values['max-mb']}" is not a number > 0`, 'write e.g. --max-mb 40');
  const dirs = bookDirs(args, discoverBooks);
  checkOut(values.out ?? 'dist', dirs);
  const ctx = defaultContext({ debug, log: (line) => io.err(line + '\n') });
  const outcomes = await buildCorpus(dirs, {
    out: values.out ?? 'dist', formats: formats as Set<Format>, ctx, jobs, force: !!values.force, shard, launch: io.launch,
    timeoutMs: timeout ? timeout * 1000 : undefined, maxMb, allowOutsideLinks: !!values['allow-outside-links'], keepHtml: !!values['keep-html'],
    onBook: (o, done, total) => {
      report(o.diagnostics.filter((d) => d.severity !== 'info'), !!values.json, io);
      io.err(progressLine(o, done, total) + '\n');
    },
  });
  if (values.json) io.out(JSON.stringify(outcomes.map((o) => ({ id: o.id, status: o.status, outDir: o.result?.outDir, files: o.result?.files, millis: o.millis, attempts: o.attempts, diagnostics: o.diagnostics }))) + '\n');
  if (outcomes.length > 1 || outcomes.some((o) => o.status === 'failed')) io.err(summaryTable(outcomes) + '\n');
  // The catalogue of everything in --out, books skipped as unchanged included (read from their folders).
  const out = values.out ?? 'dist';
  const { writeCatalog } = await import('./catalog/collect.ts');
  // Written only when a book was built or found unchanged: a run in which every book failed leaves
  // --out as it was, catalogue included.
  const catalog = existsSync(out) && outcomes.some((o) => o.status !== 'failed') ? writeCatalog([out], out) : null;
  if (catalog) {
    report(catalog.diagnostics, !!values.json, io);
    if (!values.json) io.err(`catalogue: ${catalog.count} entries in ${join(out, 'catalog.xml')} and catalog.json\n`);
  }
  return outcomes.some((o) => o.status === 'failed') || catalog?.diagnostics.length ? 1 : 0;
}

interface BuildFlags { out?: string; format?: string; json?: boolean; force?: boolean; shard?: string; jobs?: string; timeout?: string; 'max-mb'?: string; 'allow-outside-links'?: boolean; 'keep-html'?: boolean }

async function normalize(args: string[], json: boolean, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError(`normalize takes exactly one FILE (${args.length} given)`, 'write transcript-press normalize source/my-book/transcript.txt');
  const file = args[0];
  // The same reading path as build and inspect (book.ts readBookTranscript); without a book.yaml, or
  // one that does not say `language`, the language is detected from the text.
  // A bare file (no book.yaml beside it) is read without loading book.yaml's parser and schema.
  const reader = await import('./reader/read.ts');
  // Without the document tree: neither output shows it; the text alone records no change.
  const book = existsSync(reader.bookYamlBeside(file));
  if (json) {
    const result = book ? (await import('./book.ts')).readTranscriptFile(file, 'text') : reader.readBareTranscriptText(file);
    const { buildReport } = await import('./writers/report.ts');
    io.out(JSON.stringify(buildReport(file, file, '', result.changes, result.language), null, 2) + '\n');
  } else {
    const result = book ? (await import('./book.ts')).readTranscriptFile(file, 'blocks') : reader.readBareTranscriptBlocks(file);
    io.out(result.blocks.join('\n\n') + '\n');
  }
  return 0;
}

async function inspectCommand(args: string[], json: boolean, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError('inspect takes exactly one BOOK_DIR or FILE');
  // A bare file (no book.yaml) is read without loading book.yaml's parser and schema.
  const { formatInspect, inspectBare, inspectTarget } = await import('./reader/summary.ts');
  const target = inspectTarget(args[0]);
  const { diagnostics, ...result } = existsSync(target.configPath) ? (await import('./inspect.ts')).inspect(args[0]) : inspectBare(target);
  report(diagnostics, json, io);
  io.out((json ? JSON.stringify(result, null, 2) : formatInspect({ ...result, diagnostics })) + '\n');
  return 0;
}

async function indexCommand(args: string[], top: number, io: Io): Promise<number> {
  const [sub, dir, ...rest] = args;
  if (sub !== 'suggest' || !dir || rest.length) throw new UsageError('index takes the subcommand suggest and one BOOK_DIR', 'write transcript-press index suggest source/my-book [--top N]');
  if (!Number.isInteger(top) || top < 1) throw new UsageError('--top takes a whole number ≥ 1', 'write e.g. --top 60');
  const { loadBook } = await import('./book.ts');
  const { existingTerms, suggestYaml } = await import('./index/index.ts');
  const book = loadBook(dir);
  io.out(suggestYaml(book.read.tree, book.config, existingTerms(book.config.topics), top));
  return 0;
}

/** `catalog DIST_DIR... [--out DIR]`: merges the catalogue entries of several output folders (shards). */
async function catalogCommand(args: string[], out: string | undefined, json: boolean, io: Io): Promise<number> {
  if (args.length === 0) throw new UsageError('catalog takes one or more DIST_DIR', 'write transcript-press catalog shard-1 shard-2 shard-3 --out merged');
  for (const dir of args) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BuildError(diagnostic('TP001', { what: dir, reason: 'no such folder' }, { file: dir }));
  }
  const root = out ?? '.';
  const { writeCatalog } = await import('./catalog/collect.ts');
  const result = writeCatalog(args, root, { requireEntries: true });
  report(result.diagnostics, json, io);
  if (result.diagnostics.length) return 1;
  if (json) io.out(JSON.stringify({ root, entries: result.count, files: result.files }) + '\n');
  else io.err(`catalogue: ${result.count} entries from ${args.length} folder(s) in ${join(root, 'catalog.xml')} and catalog.json\n`);
  return 0;
}

async function check(args: string[], json: boolean, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError(`check takes exactly one DIST_BOOK_DIR (${args.length} given)`, 'write transcript-press check dist/my-book');
  if (!existsSync(args[0])) throw new BuildError(diagnostic('TP001', { what: args[0], reason: 'no such directory' }, { file: args[0] }));
  if (!statSync(args[0]).isDirectory()) throw new BuildError(diagnostic('TP001', { what: args[0], reason: 'not a folder (check takes a built book folder such as dist/my-book)' }, { file: args[0] }));
  // A folder holding a catalogue (dist/, or a merged root) is checked as a catalogue: links and checksums.
  const { hasCatalog, verifyCatalog } = await import('./catalog/verify.ts');
  const { checkDist } = await import('./check.ts');
  const diagnostics = hasCatalog(args[0]) && !existsSync(join(args[0], 'SHA256SUMS')) ? verifyCatalog(args[0]) : await checkDist(args[0]);
  report(diagnostics, json, io);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`${args[0]}: ${errors} errors, ${diagnostics.length - errors} warnings\n`);
  return errors ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `… | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });
  // A promise, not a top-level await: the module is also bundled as a script (scripts/compiled.mjs).
  void run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
