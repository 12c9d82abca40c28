// Building one book: read → render → write EPUB, PDF, change report and SHA256SUMS into dist/<book>/.
// Output is atomic per book (issue #16): every file is written into a staging folder beside
// dist/<book>/, which then replaces the old folder whole (rename old away, rename staging in, delete
// old), so dist/<book>/ always holds one consistent set that `sha256sum -c SHA256SUMS` accepts.
// Severity decides (issue #10): a book with any error-severity diagnostic fails and its previous
// output stays as it was; warnings never fail.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Context } from './core/context.ts';
import { fail, type Diagnostic } from './core/diagnostics.ts';
import { sha256 } from './core/files.ts';
import { prepareBook, pdfInputOf, epubInputOf, stampDate, checkGlyphs } from './prepare.ts';
import { writePdf } from './writers/pdf.ts';
import { PAGE_CACHE_DIR } from './pdf/pagecache.ts';
import { pdfPageTexts } from './pdf/text.ts';
import { preflightEpub, writeEpub } from './writers/epub.ts';
import { reportHtml } from './writers/report.ts';
import { ENTRY_FILE, entryFile, entryJson, type CatalogEntry, type EntryFile } from './catalog/entry.ts';
import { renderOptions, type PreparedBook } from './prepare.ts';
import { isVolumeDir, prepareVolume } from './volume.ts';
import { renderBodyTree } from './render/html.ts';
import { sectionBreakFor } from './render/sections.ts';

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

export async function buildBook(bookDir: string, options: BuildOptions): Promise<BookResult> {
  if (isVolumeDir(bookDir)) return buildVolume(bookDir, options);
  const millis: Record<string, number> = {};
  const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try { return await f(); } finally { millis[label] = Math.round(performance.now() - t0); }
  };
  const prepared = await time('read', () => prepareBook(bookDir, { maxMb: options.maxMb, allowOutsideLinks: options.allowOutsideLinks }));
  const { book, report } = prepared;
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  // Glyph coverage (TP037): characters no font of the book has; the PDF sets 〓 for them.
  const glyphs = await time('glyphs', () => checkGlyphs(prepared));
  diagnostics.push(...glyphs.diagnostics);
  // An error found while reading (an invalid regex alias) fails the book before anything is rendered.
  if (hasError(diagnostics)) throw new BookFailed(diagnostics);
  // The book's own EPUB templates and cover are judged before the PDF spends minutes.
  if (options.formats.has('epub')) preflightEpub(prepared.view, prepared.templates);
  const root = resolve(options.out);
  const outDir = join(root, book.id);
  recover(root, book.id);
  const staging = join(root, `.${book.id}.staging-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    try {
      makeDirs(staging);
    } catch (err) {
      fail('TP050', { path: outDir, reason: writeReason(err) }, { file: outDir });
    }
    const outputs = new Map<string, Uint8Array | string>();
    outputs.set('changes.json', JSON.stringify(report, null, 2) + '\n');
    outputs.set('changes.html', reportHtml(report, prepared.view));

    // The PDF goes first: the EPUB's page-list and index locators need its id → page map.
    // One date for every file of this build, from the context: SOURCE_DATE_EPOCH, else book.yaml
    // `modified`, else the clock (never the event's date).
    const date = stampDate(prepared, options.ctx);
    let pageMap = new Map<string, number>();
    let pageTexts: string[] | undefined;
    if (options.formats.has('pdf')) {
      const workDir = join(staging, '.work');
      mkdirSync(workDir);
      try {
        const browser = await (options.browser ?? (() => { throw new Error('no browser'); }))();
        const result = await time('pdf', () => writePdf({ ...pdfInputOf(prepared, { browser, workDir, date, missingGlyphs: glyphs.missing }), keepHtml: options.keepHtml ? book.id : undefined, pageCache: PAGE_CACHE_DIR }));
        diagnostics.push(...result.diagnostics);
        outputs.set(`${book.id}.pdf`, result.pdf);
        if (result.printFiles) {
          // Flat names beside the PDF (SHA256SUMS lists plain names only); the HTML links the two by these names.
          outputs.set(`${book.id}.print.html`, result.printFiles.html);
          for (const [name, text] of Object.entries(result.printFiles.files)) outputs.set(name, text);
        }
        pageMap = result.pageMap;
        pageTexts = await time('pageText', () => pdfPageTexts(result.pdf));
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    }
    let images: { cover: Uint8Array; thumbnail: Uint8Array } | undefined;
    if (options.formats.has('epub')) {
      outputs.set(`${book.id}.epub`, await time('epub', () => writeEpub(epubInputOf(prepared, { pageMap, pageTexts, modified: date, browser: options.browser, onCover: (i) => { images = i; } }))));
    }
    if (hasError(diagnostics)) throw new BookFailed(diagnostics);
    outputs.set(ENTRY_FILE, entryJson(catalogEntry(prepared, outputs, images, date, pageTexts?.length)));
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
    return { id: book.id, outDir, files: [...outputs.keys(), 'SHA256SUMS'], diagnostics, millis };
  } finally {
    // Cleaning up must never hide why the build stopped (an unwritable --out fails here too).
    removeQuietly(staging);
  }
}

/** Media types of the files a book's catalogue entry links. */
const MEDIA: Record<string, string> = { epub: 'application/epub+zip', pdf: 'application/pdf' };

/**
 * The book's catalogue entry (catalog/entry.ts): its metadata and its EPUB and PDF with their sizes and
 * checksums; the cover and its thumbnail join the outputs here (when the EPUB drew them).
 */
export function catalogEntry(p: PreparedBook, outputs: Map<string, Uint8Array | string>, images: { cover: Uint8Array; thumbnail: Uint8Array } | undefined, date: Date, pages?: number): CatalogEntry {
  const { book, view } = p;
  const c = book.config;
  const files = entryFiles(book.id, outputs, images);
  return {
    id: book.id, kind: 'book', identifier: c.id, title: c.title, subtitle: c.subtitle, author: c.author ?? c.speaker,
    speaker: view.author, institution: c.source, publisher: c.publisher ?? c.source, language: view.lang, date: c.date,
    modified: isoSeconds(date), subjects: c.subjects, description: c.description, pages, files,
  };
}

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
 * A volume (volume.ts): its parts read as books and bound, then the same writers as a book's, the
 * parts as named pages with their own running heads (PDF) and documents (EPUB), one cumulative index.
 */
export async function buildVolume(volumeDir: string, options: BuildOptions): Promise<BookResult> {
  const millis: Record<string, number> = {};
  const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try { return await f(); } finally { millis[label] = Math.round(performance.now() - t0); }
  };
  const volume = await time('read', () => prepareVolume(volumeDir, { maxMb: options.maxMb, allowOutsideLinks: options.allowOutsideLinks }));
  const diagnostics: Diagnostic[] = [...volume.diagnostics];
  const glyphs = await time('glyphs', async () => {
    const all = await Promise.all(volume.parts.map((p) => checkGlyphs(p.book)));
    return { missing: [...new Set(all.flatMap((g) => g.missing))], diagnostics: all.flatMap((g) => g.diagnostics) };
  });
  diagnostics.push(...glyphs.diagnostics);
  if (hasError(diagnostics)) throw new BookFailed(diagnostics);
  const root = resolve(options.out);
  const outDir = join(root, volume.id);
  recover(root, volume.id);
  const staging = join(root, `.${volume.id}.staging-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const { view } = volume;
  const first = volume.parts[0].book;
  const date = options.ctx.stamp(volume.config.modified ? new Date(`${volume.config.modified}T00:00:00Z`) : undefined);
  try {
    mkdirSync(staging, { recursive: true });
    const outputs = new Map<string, Uint8Array | string>();
    // The change report covers every part, in the volume's order.
    outputs.set('changes.json', JSON.stringify({ volume: volume.id, parts: volume.reports }, null, 2) + '\n');
    outputs.set('changes.html', volumeReportHtml(volume.parts.map((p) => reportHtml(p.book.report, p.book.view))));
    let pageMap = new Map<string, number>();
    let pageTexts: string[] | undefined;
    const runningParts = volume.parts.map((p) => ({ id: p.id, heading: p.heading }));
    if (options.formats.has('pdf')) {
      const workDir = join(staging, '.work');
      mkdirSync(workDir);
      try {
        const browser = await (options.browser ?? (() => { throw new Error('no browser'); }))();
        const result = await time('pdf', () => writePdf({
          view, body: (pages) => renderBodyTree(volume.tree, renderOptions(view, 'html', { notes: volume.notes, pages })),
          matter: [], index: volume.printIndex, noteHtml: volume.noteHtml, templates: first.templates, trim: volume.config.trim,
          browser, workDir, date, print: { ...volume.config.print, sectionBreak: 'space' }, missingGlyphs: glyphs.missing, runningParts, pageCache: PAGE_CACHE_DIR,
        }));
        diagnostics.push(...result.diagnostics);
        outputs.set(`${volume.id}.pdf`, result.pdf);
        pageMap = result.pageMap;
        pageTexts = await time('pageText', () => pdfPageTexts(result.pdf));
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    }
    let images: { cover: Uint8Array; thumbnail: Uint8Array } | undefined;
    if (options.formats.has('epub')) {
      outputs.set(`${volume.id}.epub`, await time('epub', () => writeEpub({
        tree: volume.tree, view, templates: first.templates, pageMap, pageTexts, index: volume.epubIndex, noteHtml: volume.noteHtml,
        matter: [], notes: volume.notes, modified: date, browser: options.browser, embedFont: volume.config.epub.embedFont,
        sectionBreak: sectionBreakFor(volume.tree, 'space', false), parts: volume.parts.map((p) => ({ id: p.id, heading: p.heading, block: p.block, sections: p.sections })),
        onCover: (i) => { images = i; },
      })));
    }
    if (hasError(diagnostics)) throw new BookFailed(diagnostics);
    const files = entryFiles(volume.id, outputs, images);
    outputs.set(ENTRY_FILE, entryJson({
      id: volume.id, kind: 'volume', identifier: view.identifier, title: view.title, subtitle: view.subtitle, author: view.author,
      speaker: view.author, institution: view.source, publisher: view.publisher, language: view.lang, date: view.date,
      modified: isoSeconds(date), subjects: view.subjects, description: view.description, pages: pageTexts?.length, files,
    }));
    const sums = [...outputs].sort(([a], [b]) => a.localeCompare(b)).map(([name, data]) => `${sha256(data)}  ${name}`).join('\n') + '\n';
    for (const [name, data] of outputs) writeFileSync(join(staging, name), data);
    writeFileSync(join(staging, 'SHA256SUMS'), sums);
    if (options.inputHash) writeFileSync(join(staging, INPUT_HASH_FILE), options.inputHash + '\n');
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('build abandoned');
    swapIn(staging, outDir);
    return { id: volume.id, outDir, files: [...outputs.keys(), 'SHA256SUMS'], diagnostics, millis };
  } finally {
    removeQuietly(staging);
  }
}

/** The parts' change reports as one document: each part's report in turn (same head, bodies joined). */
function volumeReportHtml(reports: string[]): string {
  const head = reports[0].slice(0, reports[0].indexOf('<body>') + '<body>'.length);
  const bodies = reports.map((r) => r.slice(r.indexOf('<body>') + '<body>'.length, r.lastIndexOf('</body>')));
  return `${head}${bodies.map((b) => `<article class="part-report">${b}</article>`).join('\n<hr>\n')}</body></html>\n`;
}

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
