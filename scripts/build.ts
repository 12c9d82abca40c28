// Building one book: read → render → write EPUB, PDF, change report and SHA256SUMS into dist/<book>/.
// Output is atomic per book (issue #16): every file is written into a staging folder beside
// dist/<book>/, which then replaces the old folder whole (rename old away, rename staging in, delete
// old), so dist/<book>/ always holds one consistent set that `sha256sum -c SHA256SUMS` accepts.
// Severity decides (issue #10): a book with any error-severity diagnostic fails and its previous
// output stays as it was; warnings never fail.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import v8 from 'node:v8';
import type { Browser } from 'puppeteer-core';
import type { Context } from './core/context.ts';
import { fail, type Diagnostic } from './core/diagnostics.ts';
import { sha256 } from './core/files.ts';
import { prepareBook, bookEdition, type Edition } from './prepare.ts';
import { preflightEpub, writeEpub } from './writers/epub.ts';
import { ENTRY_FILE, entryFile, entryJson, type EntryFile } from './catalog/entry.ts';
import { isVolumeDir, prepareVolume, volumeEdition } from './volume.ts';
import { releaseLexicon } from './reader/lexicon.ts';
import { releaseScriptMarks } from './lang/language.ts';

export type Format = 'epub' | 'pdf';

export interface BuildOptions {
  /** Output root; the book goes to `<out>/<book id>/`. */
  out: string;
  formats: Set<Format>;
  ctx: Context;
  /** A shared browser (for corpus builds); one is started when needed and absent. */
  browser?: () => Promise<Browser>;
  /** Largest transcript accepted, in MB (TP006 above it). */
  maxMb?: number;
  /** Follow symlinks in the book folder that lead outside it (TP070 otherwise). */
  allowOutsideLinks?: boolean;
  /** Written as `.inputs.sha256` into the same set, so the incremental check sees what built it. */
  inputHash?: string;
  /** Set when the caller gave up on this build (timeout): it must not replace the output any more. */
  signal?: AbortSignal;
  /** Leave the final print HTML and its stylesheets beside the PDF (build --keep-html): `<book>.print.html`, `<book>.print.css`, `<book>.fonts.css`. */
  keepHtml?: boolean;
}

export interface BookResult {
  id: string;
  outDir: string;
  files: string[];
  diagnostics: Diagnostic[];
  millis: Record<string, number>;
}

/** A book whose diagnostics include an error: nothing was written; all its diagnostics, once each. */
export class BookFailed extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`).join('; '));
  }
}

/** Hidden file in a book's output recording the input hash it was built from (not in SHA256SUMS). */
export const INPUT_HASH_FILE = '.inputs.sha256';

const hasError = (ds: Diagnostic[]) => ds.some((d) => d.severity === 'error');

/** Builds a book folder, or a volume folder (volume.yaml): both are prepared into an Edition first. */
export async function buildBook(dir: string, options: BuildOptions): Promise<BookResult> {
  smallYoungGeneration();
  const millis: Record<string, number> = {};
  const time = timer(millis);
  const load = { maxMb: options.maxMb, allowOutsideLinks: options.allowOutsideLinks };
  const edition = await time('read', () => isVolumeDir(dir) ? volumeEdition(prepareVolume(dir, load)) : bookEdition(prepareBook(dir, load)));
  return buildEdition(edition, options, millis);
}

/**
 * Keeps V8's young generation at its starting size (1 MB semi-spaces) instead of letting it grow to 16 MB
 * each while a book is read: once grown it is never given back, and its 32 MB stood beside Chromium's
 * print at the process tree's peak (about 35 MB of Node's 160 MB PSS at 600 pages). A build is no slower
 * for it (Node's CPU time up to the print measured 3.2–3.9 s against 4.0 s at 600 pages). The growth
 * factor is the one semi-space flag V8 reads while running; set once per process.
 */
function smallYoungGeneration(): void {
  try { v8.setFlagsFromString('--semi-space-growth-factor=1'); } catch { /* only memory is at stake */ }
}

/** Times each stage into `millis` under its label. */
function timer(millis: Record<string, number>) {
  return async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try { return await f(); } finally { millis[label] = Math.round(performance.now() - t0); }
  };
}

/**
 * The one pipeline: glyph check, then the PDF (its page map feeds the EPUB's page-list and index
 * locators), the EPUB, the change report, the catalogue entry and SHA256SUMS, written into a staging
 * folder that replaces dist/<id>/ whole.
 */
export async function buildEdition(edition: Edition, options: BuildOptions, millis: Record<string, number> = {}): Promise<BookResult> {
  const time = timer(millis);
  const diagnostics: Diagnostic[] = [...edition.diagnostics];
  // Glyph coverage (TP037): characters no font of the book has; the PDF sets 〓 for them.
  const glyphs = await time('glyphs', () => edition.glyphs());
  diagnostics.push(...glyphs.diagnostics);
  // An error found while reading (an invalid regex alias) fails the book before anything is rendered.
  if (hasError(diagnostics)) throw new BookFailed(diagnostics);
  // The book's own EPUB templates and cover are judged before the PDF spends minutes.
  if (options.formats.has('epub')) preflightEpub(edition.view, edition.templates);
  const root = resolve(options.out);
  const outDir = join(root, edition.id);
  recover(root, edition.id);
  const staging = join(root, `.${edition.id}.staging-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    try {
      makeDirs(staging);
    } catch (err) {
      fail('TP050', { path: outDir, reason: writeReason(err) }, { file: outDir });
    }
    const outputs = await writeEditions(edition, options, { staging, missingGlyphs: glyphs.missing, diagnostics, time });
    if (hasError(diagnostics)) throw new BookFailed(diagnostics);
    writeSet(staging, outDir, outputs, options);
    return { id: edition.id, outDir, files: [...outputs.keys(), 'SHA256SUMS'], diagnostics, millis };
  } finally {
    // Cleaning up must never hide why the build stopped (an unwritable --out fails here too).
    removeQuietly(staging);
  }
}

interface Stage {
  staging: string;
  missingGlyphs: string[];
  /** Diagnostics of the writers are added here. */
  diagnostics: Diagnostic[];
  time: ReturnType<typeof timer>;
}

/** Every file of the edition, by name: reports, PDF (and --keep-html files), EPUB, covers, catalogue entry. */
async function writeEditions(edition: Edition, options: BuildOptions, stage: Stage): Promise<Map<string, Uint8Array | string>> {
  const outputs = new Map<string, Uint8Array | string>();
  // One date for every file of this build, from the context: SOURCE_DATE_EPOCH, else `modified`, else
  // the clock (never the event's date).
  const date = edition.stamp(options.ctx);
  const print = options.formats.has('pdf') ? await writePrint(edition, options, stage, date, outputs) : undefined;
  let images: { cover: Uint8Array; thumbnail: Uint8Array } | undefined;
  if (options.formats.has('epub')) {
    const input = edition.epubInput({ pageMap: print?.pageMap ?? new Map(), pageTexts: print?.pageTexts, modified: date, browser: options.browser, onCover: (i) => { images = i; } });
    outputs.set(`${edition.id}.epub`, await stage.time('epub', () => writeEpub(input)));
  }
  // The change report is made after the print: its JSON and HTML (12 MB of strings at 600 pages) would
  // otherwise be held while Chromium prints, at the process tree's peak.
  const reports = edition.reports();
  outputs.set('changes.json', reports.json);
  outputs.set('changes.html', reports.html);
  const files = entryFiles(edition.id, outputs, images);
  outputs.set(ENTRY_FILE, entryJson({ ...edition.entry, modified: isoSeconds(date), pages: print?.pages, files }));
  return outputs;
}

/** The PDF into `outputs` (and the print HTML with --keep-html); its page map and page texts for the EPUB. */
async function writePrint(edition: Edition, options: BuildOptions, stage: Stage, date: Date, outputs: Map<string, Uint8Array | string>): Promise<{ pageMap: Map<string, number>; pageTexts?: string[]; pages: number }> {
  const workDir = join(stage.staging, '.work');
  mkdirSync(workDir);
  try {
    const browser = await (options.browser ?? (() => { throw new Error('no browser'); }))();
    // The print writer and pdf-lib are loaded only by a build that prints (an EPUB-only build never does).
    const [{ writePdf }, { PAGE_CACHE_DIR }, { pdfPageTexts, pdfPageCount }] = await Promise.all([import('./writers/pdf.ts'), import('./pdf/pagecache.ts'), import('./pdf/text.ts')]);
    const input = { ...edition.pdfInput({ browser, workDir, date, missingGlyphs: stage.missingGlyphs }), keepHtml: options.keepHtml ? edition.id : undefined, pageCache: PAGE_CACHE_DIR, whilePrinting: releaseWordTables };
    const result = await stage.time('pdf', () => writePdf(input));
    stage.diagnostics.push(...result.diagnostics);
    outputs.set(`${edition.id}.pdf`, result.pdf);
    if (result.printFiles) {
      // Flat names beside the PDF (SHA256SUMS lists plain names only); the HTML links the two by these names.
      outputs.set(`${edition.id}.print.html`, result.printFiles.html);
      for (const [name, text] of Object.entries(result.printFiles.files)) outputs.set(name, text);
    }
    // The text of every page is read back for the EPUB's page markers only: a PDF-only build counts its pages.
    if (!options.formats.has('epub')) return { pageMap: result.pageMap, pages: await pdfPageCount(result.pdf) };
    const pageTexts = await stage.time('pageText', () => pdfPageTexts(result.pdf));
    return { pageMap: result.pageMap, pageTexts, pages: pageTexts.length };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * What only reading a book needed, let go while Chromium prints it: jieba's word table (9.4 MB) and the
 * script marks (1.1 MB) would otherwise stand beside the print at the process tree's peak. A later use
 * (the EPUB's title lines, the next book of a corpus) loads them again from the cached table.
 */
function releaseWordTables(): void {
  releaseLexicon();
  releaseScriptMarks();
}

/** The files and SHA256SUMS into the staging folder, which then replaces dist/<id>/ whole. */
function writeSet(staging: string, outDir: string, outputs: Map<string, Uint8Array | string>, options: BuildOptions): void {
  const sums = [...outputs].sort(([a], [b]) => a.localeCompare(b)).map(([name, data]) => `${sha256(data)}  ${name}`).join('\n') + '\n';
  try {
    for (const [name, data] of outputs) writeFileSync(join(staging, name), data);
    writeFileSync(join(staging, 'SHA256SUMS'), sums);
    if (options.inputHash) writeFileSync(join(staging, INPUT_HASH_FILE), options.inputHash + '\n');
  } catch (err) {
    fail('TP050', { path: outDir, reason: writeReason(err) }, { file: outDir });
  }
  if (options.signal?.aborted) throw options.signal.reason ?? new Error('build abandoned');
  swapIn(staging, outDir);
}

/** Media types of the files a catalogue entry links. */
const MEDIA: Record<string, string> = { epub: 'application/epub+zip', pdf: 'application/pdf' };

/** The files a catalogue entry links (EPUB, PDF, cover, thumbnail); the cover images join the outputs. */
function entryFiles(id: string, outputs: Map<string, Uint8Array | string>, images: { cover: Uint8Array; thumbnail: Uint8Array } | undefined): EntryFile[] {
  const files: EntryFile[] = [];
  for (const ext of ['epub', 'pdf']) {
    const data = outputs.get(`${id}.${ext}`);
    if (data) files.push(entryFile(`${id}.${ext}`, data, MEDIA[ext], 'http://opds-spec.org/acquisition/open-access'));
  }
  if (images) {
    outputs.set('cover.png', images.cover);
    outputs.set('thumbnail.png', images.thumbnail);
    files.push(entryFile('cover.png', images.cover, 'image/png', 'http://opds-spec.org/image', { width: 1600, height: 2560 }));
    files.push(entryFile('thumbnail.png', images.thumbnail, 'image/png', 'http://opds-spec.org/image/thumbnail', { width: 200, height: 320 }));
  }
  return files;
}

/** An ISO 8601 date-time without milliseconds (what Atom and OPDS 2.0 readers expect). */
export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * mkdir -p one level at a time: `mkdirSync(…, { recursive: true })` reports ENOENT when a parent cannot
 * be made on a read-only file system; made level by level, the error is the true one (EROFS, EACCES).
 */
function makeDirs(path: string): void {
  const missing: string[] = [];
  for (let p = path; !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) mkdirSync(p);
}

/** What went wrong writing output, in words beside the system's code. */
export function writeReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device', EDQUOT: 'the disk quota is used up', EROFS: 'the file system is read-only',
    EACCES: 'permission denied', EPERM: 'operation not permitted', ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'something else already has that name', EIO: 'input/output error (a failing disk?)',
  };
  return code ? `${code} (${words[code] ?? 'the system refused'})` : String(err);
}

function removeQuietly(path: string): void {
  try { rmSync(path, { recursive: true, force: true }); } catch { /* nothing was made there */ }
}

/**
 * Replaces `outDir` by `staging` whole: the old folder is renamed away, the staging folder renamed in,
 * the old one deleted. Between the two renames `outDir` is briefly absent (never mixed); a crash
 * right there leaves the old set under `.<id>.old-*`, which the next build puts back (recover()).
 */
export function swapIn(staging: string, outDir: string): void {
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const moved = existsSync(outDir);
  try {
    if (moved) renameSync(outDir, old);
    renameSync(staging, outDir);
  } catch (err) {
    if (moved && !existsSync(outDir)) { try { renameSync(old, outDir); } catch { /* recover() will */ } }
    fail('TP050', { path: outDir, reason: writeReason(err) }, { file: outDir });
  }
  if (moved) removeQuietly(old);
}

/** After a crash: an old set renamed away but no new one in place is put back; stale staging folders go. */
function recover(root: string, id: string): void {
  if (!existsSync(root)) return;
  const outDir = join(root, id);
  for (const name of readdirSync(root).filter((n) => n.startsWith(`.${id}.`)).sort()) {
    const path = join(root, name);
    const pid = Number(/-(\d+)-[a-z0-9]+$/.exec(name)?.[1]);
    if (pid === process.pid || alive(pid)) continue; // another build (or this one) is still at work
    if (name.startsWith(`.${id}.old-`) && !existsSync(outDir)) renameSync(path, outDir);
    else if (name.startsWith(`.${id}.staging-`) || name.startsWith(`.${id}.old-`)) rmSync(path, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}
