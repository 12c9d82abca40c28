// A book on disk: source/<id>/transcript.txt + book.yaml, loaded and read into the document model.
// A book folder is untrusted input (issue #16): every file the build reads from it must be a regular
// file inside the folder. A symlink that leads outside (transcript.txt → /etc/passwd) is refused
// (TP070) unless the user allows it, and a FIFO or device is refused (TP071) before anything reads it.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, relative, isAbsolute, sep } from 'node:path';
import type { BookConfig } from './config/schema.ts';
import { readBookConfig, type LoadedConfig } from './config/load.ts';
import type { Where } from './core/diagnostics.ts';
import { diagnostic, fail } from './core/diagnostics.ts';
import { headingWords, nameAsWritten } from './lang/headings.ts';
import { firstDate } from './reader/dates.ts';
import { dateText } from './render/variables.ts';
import { sha256 } from './core/files.ts';
import { inlineText, titleText } from './model/walk.ts';
import type { Inline } from './model/types.ts';
import { bookYamlBeside, readBareTranscriptBlocks, readBareTranscriptFile, readBareTranscriptText, readTranscript, readTranscriptBlocks, readTranscriptText, type BlocksReading, type ReadResult, type TextReading } from './reader/read.ts';
import { resolveTemplateSet } from './render/templates.ts';
import { xmlChars } from './render/xml.ts';

export interface Book {
  /** Folder name: the book's id in dist/ and in file names. */
  id: string;
  dir: string;
  config: BookConfig;
  /** Where a value of book.yaml is written (`['topics', 3, 'term']`), from the one parse of it. */
  place: (path: (string | number)[]) => Where | undefined;
  /** book.yaml's text, from the one read of it (the config and its places come from the same read). */
  configText: string;
  /** Paths as shown in diagnostics (relative to the working directory). */
  transcriptFile: string;
  configFile: string;
  sourceSha256: string;
  read: ReadResult;
}

/** Largest transcript one book takes (a 20 MB Chinese transcript is already ~10,000 printed pages). */
export const DEFAULT_MAX_MB = 20;

/**
 * Most paragraphs and sections one book lays out. Each section is a chapter file of the EPUB and a
 * named page of the PDF, and each paragraph a page-map target: far above any real transcript (a press
 * conference has 20–40 questions), and low enough that the EPUB and PDF finish in minutes. A
 * transcript above them (100,000 one-line paragraphs, 20 MB) is refused up front with TP073.
 */
export const MAX_PARAGRAPHS = 50_000;
export const MAX_SECTIONS = 5_000;
/**
 * Longest paragraph and most text one book lays out, in characters. Chromium's line breaking of one
 * giant paragraph is far from linear (one 5 MB line, 1.7 million characters, did not even load within
 * 120 s). A 500,000-character book (1,273 A5 pages) was measured to build in 15 minutes on a
 * 2-core machine under heavy load, inside its default timeout; larger ones were not seen to finish.
 */
export const MAX_PARAGRAPH_CHARS = 20_000;
export const MAX_CHARS = 500_000;

export interface LoadOptions {
  maxMb?: number;
  /** Follow symlinks that lead outside the book folder (`--allow-outside-links`). */
  allowOutsideLinks?: boolean;
}

const show = (p: string) => relative(process.cwd(), p) || p;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** True if `path` (already resolved, no links) is `dir` or inside it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Checks that a file of the book may be read: it resolves (through any links) to a place inside the
 * book folder, unless outside links are allowed, and, when `regular`, is a regular file.
 */
export function confineToBook(bookDir: string, path: string, options: { allowOutsideLinks?: boolean; regular?: boolean } = {}): void {
  const root = realpathSync(bookDir);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    // A dangling link: say where it points, so the user sees why it cannot be read.
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) fail('TP001', { what: show(path), reason: `a link that leads nowhere (${code})` }, { file: show(path) });
    fail('TP001', { what: show(path), reason: code }, { file: show(path) });
  }
  if (!options.allowOutsideLinks && !isInside(root, real)) {
    fail('TP070', { what: show(path), target: real, dir: show(bookDir) }, { file: show(path) });
  }
  if (options.regular !== false) {
    const st = statSync(real);
    if (!st.isFile()) fail('TP071', { what: show(path), kind: kindOf(st) }, { file: show(path) });
    // A hard link is the same file under another name, perhaps outside the book (`ln /etc/passwd
    // preface.md`, archives extracted with links, cp -al, rsync -H): its identity, not its path, says so.
    if (!options.allowOutsideLinks && st.nlink > 1) fail('TP123', { what: show(path), links: st.nlink, dir: show(bookDir) }, { file: show(path) });
  }
}

/**
 * Reads a file of the book (a Markdown preface, a note) under the same rules as the transcript: a
 * regular file inside the book folder. Other stages should read book files through this.
 */
export function readBookFile(bookDir: string, path: string, options: { allowOutsideLinks?: boolean } = {}): Buffer {
  confineToBook(bookDir, path, options);
  try {
    return readFileSync(path);
  } catch (err) {
    fail('TP001', { what: show(path), reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: show(path) });
  }
}

/** Every entry of the book's own template folder (if any) is inside the book and regular. */
function confineTemplates(bookDir: string, options: { allowOutsideLinks?: boolean }): void {
  const dir = join(bookDir, 'templates');
  if (!lstatSync(dir, { throwIfNoEntry: false })) return;
  confineToBook(bookDir, dir, { ...options, regular: false });
  if (!statSync(dir).isDirectory()) return;
  // Links inside the book are followed (a link to a folder is walked once: a loop ends).
  const seen = new Set<string>();
  const walk = (d: string) => {
    const real = realpathSync(d);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const isDir = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
      confineToBook(bookDir, path, { ...options, regular: !isDir });
      // With outside links allowed, a linked folder outside the book is trusted, not walked.
      if (isDir && isInside(realpathSync(bookDir), realpathSync(path))) walk(path);
    }
  };
  walk(dir);
}

export function loadBook(dirArg: string, options: LoadOptions = {}): Book {
  const dir = resolve(dirArg);
  if (!existsSync(dir)) fail('TP001', { what: show(dir), reason: 'no such directory' }, { file: show(dir) });
  const transcriptPath = join(dir, 'transcript.txt');
  const configPath = join(dir, 'book.yaml');
  for (const [path, name] of [[transcriptPath, 'transcript.txt'], [configPath, 'book.yaml']]) {
    if (!lstatSync(path, { throwIfNoEntry: false })) fail('TP014', { dir: show(dir), missing: name }, { file: show(dir) });
    confineToBook(dir, path, options);
  }
  confineTemplates(dir, options);
  const { config, place, text: configText } = readBookConfig(configPath, show(configPath));
  // Markdown matter files are book files too (markdown/matter.ts refuses what is missing or not a file).
  for (const m of config.matter) {
    const path = join(dir, m.file);
    if (isInside(dir, resolve(path)) && lstatSync(path, { throwIfNoEntry: false })?.isFile()) confineToBook(dir, path, options);
  }
  const limit = options.maxMb ?? DEFAULT_MAX_MB;
  const size = statSync(transcriptPath).size;
  if (size > limit * 1024 * 1024) fail('TP006', { size: (size / 1024 / 1024).toFixed(1), limit }, { file: show(transcriptPath) });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(transcriptPath);
  } catch (err) {
    fail('TP001', { what: show(transcriptPath), reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: show(transcriptPath) });
  }
  precheckSize(bytes, show(transcriptPath));
  const read = readBookTranscript(bytes, { config, place, text: configText }, dir, { transcript: show(transcriptPath), config: show(configPath) });
  checkSize(read, show(transcriptPath));
  blankToAbsent(config);
  completeConfig(config, read, dir, show(configPath));
  return { id: basename(dir), dir, config, place, configText, transcriptFile: show(transcriptPath), configFile: show(configPath), sourceSha256: sha256(bytes), read };
}

/**
 * What a book.yaml may leave out, taken from the transcript or the folder, each with a warning that
 * says what was used and how to set it: a minimal book.yaml (`speaker:` only) still builds a book.
 * - `title`: the transcript's title line; with none (a briefing that opens with its place line), the
 *   strings file's `titleUntitled` with the principal and the date (TP141);
 * - `id`: `urn:transcript-press:` and the folder name; `date`: the first whole date in the transcript's
 *   head; `source`: what the head names after 来源：/Source: (TP192; a date or source not found is left out).
 */
function completeConfig(config: BookConfig, read: ReadResult, dir: string, configFile: string): void {
  const head = headText(read.tree);
  const used: string[] = [];
  if (!config.id) used.push(`id: ${config.id = `urn:transcript-press:${basename(dir).replace(/[^\w.~-]+/gu, '-')}`}`);
  if (!config.date) {
    config.date = firstDate(head) ?? '';
    used.push(config.date ? `date: ${config.date} (from the transcript's head)` : 'no date (none in the transcript\'s head)');
  }
  if (!config.source) {
    config.source = sourceNamed(head) ?? '';
    if (!config.source && config.publisher === undefined) config.publisher = '';
    used.push(config.source ? `source: ${config.source} (from the transcript's head)` : 'no source');
  }
  if (used.length) read.diagnostics.push(diagnostic('TP192', { used: used.join('; ') }, { file: configFile }));
  // No `author`: the principal's label as a name is written (MS. JEAN-PIERRE → Ms. Jean-Pierre).
  config.author ??= nameAsWritten(config.speaker, config.language);
  if (config.title) return;
  config.title = titleText(read.tree);
  if (config.title) return;
  config.title = headingWords(config.language, resolveTemplateSet(config.template, dir, configFile)).untitled(config.author, dateText(config.date, config.language));
  read.diagnostics.push(diagnostic('TP141', { first: firstBlock(read.tree), title: config.title }, { file: configFile }));
}

/** The transcript's head: its title, datelines and lead, before the first turn (a date or source there is the event's, not a speaker's). */
function headText(tree: ReadResult['tree']): string {
  const parts: string[] = [];
  for (const node of tree.children.slice(0, 6)) {
    if (node.type === 'section') break;
    if ('children' in node) parts.push(inlineText(node.children as Inline[]));
  }
  return parts.join('\n').slice(0, 2000);
}

/** The publisher a transcript's head names (`来源：中国网`, `Source: The White House`). */
function sourceNamed(head: string): string | undefined {
  const m = /(?:来源|來源|出处|出處|Source)\s*[：:]\s*([^\n]{1,60})/u.exec(head);
  const named = m?.[1]?.trim().split(/\s{2,}|[|｜]/u)[0]?.replace(/[。，,.;；]+$/u, '').trim();
  return named && /[\p{L}\p{N}]/u.test(named) ? (/[\p{sc=Han}]/u.test(named) ? named.split(/\s/u)[0] : named) : undefined;
}

/** What the transcript's first block was read as, for TP141: a dateline (a place or time line) or a turn is never the title. */
function firstBlock(tree: ReadResult['tree']): string {
  const first = tree.children[0];
  if (!first) return 'nothing';
  const text = (inlineText('children' in first && first.type !== 'section' ? (first.children as Inline[]) : []) || '').slice(0, 40);
  const what = first.type === 'dateline' ? 'a dateline (place or time)' : first.type === 'section' ? 'the first turn' : 'body text';
  return `${first.position ? `line ${first.position.start.line}` : 'the first line'}${text ? `, "${text}",` : ''} reads as ${what}`;
}

/**
 * A metadata text with nothing to show (only spaces, or only characters XML cannot carry, which every
 * edition drops) counts as not written: `title` then falls back to the transcript's title line (TP141
 * when there is none), `publisher` to `source`, and the optional ones are left out, so no edition
 * prints an empty title or an empty dc:publisher (which epubcheck refuses).
 */
function blankToAbsent(config: BookConfig): void {
  const blank = (s: string | undefined) => s !== undefined && xmlChars(s).trim() === '';
  if (blank(config.title)) config.title = '';
  if (blank(config.subtitle)) config.subtitle = undefined;
  if (blank(config.publisher)) config.publisher = undefined;
  if (blank(config.description)) config.description = '';
  if (blank(config.rights)) config.rights = '';
  if (blank(config.edition)) config.edition = '1';
  // A `source` with nothing to show gives no publisher either (the view's default).
  if (config.publisher === undefined && blank(config.source)) config.publisher = '';
}

/**
 * The one reading path of a book, for `build`, `normalize` and `inspect` alike: the reader decodes the
 * bytes and resolves the language on the decoded text (book.yaml's `language` wins when it is
 * written); a book.yaml without one then takes the language read. Default headings come from the
 * book's template set's strings in that language.
 */
export function readBookTranscript(bytes: Uint8Array, loaded: LoadedConfig, dir: string, files: { transcript: string; config: string }): ReadResult;
export function readBookTranscript(bytes: Uint8Array, loaded: LoadedConfig, dir: string, files: { transcript: string; config: string }, text: 'text'): TextReading;
export function readBookTranscript(bytes: Uint8Array, loaded: LoadedConfig, dir: string, files: { transcript: string; config: string }, text: 'blocks'): BlocksReading;
export function readBookTranscript(bytes: Uint8Array, loaded: LoadedConfig, dir: string, files: { transcript: string; config: string }, text?: 'text' | 'blocks'): ReadResult | TextReading | BlocksReading {
  const { config, place } = loaded;
  const declared = place(['language']) ? config.language : undefined;
  const options = { ...config, language: declared, templates: resolveTemplateSet(config.template, dir, files.config) };
  const read = text === 'blocks' ? readTranscriptBlocks(bytes, options, files) : text ? readTranscriptText(bytes, options, files) : readTranscript(bytes, options, files);
  if (!declared) config.language = read.tag;
  return read;
}

/**
 * What `normalize FILE` reads: one transcript file, with the book.yaml beside it when there is one
 * (else the language is detected and no principal is known), by the same path as a build.
 */
export function readTranscriptFile(file: string): ReadResult;
/** …without the document tree (`normalize` prints only the text and the changes). */
export function readTranscriptFile(file: string, text: 'text'): TextReading;
/** …its text alone (`normalize` without --json). */
export function readTranscriptFile(file: string, text: 'blocks'): BlocksReading;
export function readTranscriptFile(file: string, text?: 'text' | 'blocks'): ReadResult | TextReading | BlocksReading {
  const configPath = bookYamlBeside(file);
  if (!existsSync(configPath)) return text === 'blocks' ? readBareTranscriptBlocks(file) : text ? readBareTranscriptText(file) : readBareTranscriptFile(file);
  const loaded = readBookConfig(configPath);
  // A FIFO or device would make the read wait forever.
  const st = statSync(file, { throwIfNoEntry: false });
  if (st && !st.isFile()) fail('TP071', { what: file, kind: st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a FIFO (named pipe)' : 'a device or socket' }, { file });
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch (err) {
    fail('TP001', { what: file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file });
  }
  const files = { transcript: file, config: configPath };
  const dir = dirname(resolve(file));
  return text === 'blocks' ? readBookTranscript(bytes, loaded, dir, files, text) : text ? readBookTranscript(bytes, loaded, dir, files, text) : readBookTranscript(bytes, loaded, dir, files);
}

/**
 * The same limits on the raw text, before the reader spends minutes on a transcript that will be
 * refused anyway (its repairs on one 5 MB paragraph take that long). Only for UTF-8 input, where the
 * characters counted are the characters read; checkSize() after reading is the exact check.
 */
function precheckSize(bytes: Uint8Array, file: string): void {
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { return; }
  const n = (x: number) => x.toLocaleString('en');
  let chars = 0;
  let blocks = 0;
  let line = 1; // of the block's start
  let from = 0;
  const separator = /\r?\n[ \t\u3000]*(?:\r?\n)+/g;
  for (;;) {
    const m = separator.exec(text);
    const block = text.slice(from, m ? m.index : text.length);
    const length = block.replace(/\s+/g, '').length;
    chars += length;
    if (length) blocks++;
    if (length > MAX_PARAGRAPH_CHARS * 1.2) {
      fail('TP073', { what: `a paragraph of about ${n(length)} characters`, limit: `${n(MAX_PARAGRAPH_CHARS)} characters in one paragraph`,
        fix: 'break it into paragraphs with blank lines (a transcript exported without paragraph breaks often has one line per speaker turn or sentence)' },
      { file, line, column: 1 });
    }
    if (!m) break;
    line += (block.match(/\n/g)?.length ?? 0) + (m[0].match(/\n/g)?.length ?? 0);
    from = m.index + m[0].length;
  }
  if (blocks > MAX_PARAGRAPHS * 1.2) fail('TP073', { what: `about ${n(blocks)} paragraphs`, limit: `${n(MAX_PARAGRAPHS)} paragraphs`, fix: 'split the transcript into volumes (one book folder each, e.g. by day or session)' }, { file });
  if (chars > MAX_CHARS * 1.2) fail('TP073', { what: `about ${n(chars)} characters`, limit: `${n(MAX_CHARS)} characters`, fix: 'split the transcript into volumes (one book folder each, e.g. by day or session)' }, { file });
}

/** Refuses, before anything renders, a transcript with more paragraphs or sections than a book lays out. */
function checkSize(read: ReadResult, file: string): void {
  let paragraphs = 0;
  let sections = 0;
  let longest = { chars: 0, line: 0 };
  let chars = 0;
  const textOf = (n: { type: string; value?: unknown; children?: unknown }): number =>
    typeof n.value === 'string' ? n.value.length : Array.isArray(n.children) ? n.children.reduce((a: number, c) => a + textOf(c), 0) : 0;
  const count = (nodes: readonly { type: string; children?: unknown; position?: { start: { line: number } } }[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph' || n.type === 'dateline' || n.type === 'title') {
        if (n.type !== 'title') paragraphs++;
        const length = textOf(n);
        chars += length;
        if (length > longest.chars) longest = { chars: length, line: n.position?.start.line ?? 0 };
        continue;
      }
      if (n.type === 'section') sections++;
      if (Array.isArray(n.children)) count(n.children as { type: string }[]);
    }
  };
  count(read.tree.children);
  const fix = 'split the transcript into volumes (one book folder each, e.g. by day or session)';
  const n = (x: number) => x.toLocaleString('en');
  if (longest.chars > MAX_PARAGRAPH_CHARS) {
    fail('TP073', { what: `a paragraph of ${n(longest.chars)} characters`, limit: `${n(MAX_PARAGRAPH_CHARS)} characters in one paragraph`,
      fix: 'break it into paragraphs with blank lines (a transcript exported without paragraph breaks often has one line per speaker turn or sentence)' },
    { file, line: longest.line || undefined, column: longest.line ? 1 : undefined });
  }
  if (chars > MAX_CHARS) fail('TP073', { what: `${n(chars)} characters`, limit: `${n(MAX_CHARS)} characters`, fix }, { file });
  if (paragraphs > MAX_PARAGRAPHS) fail('TP073', { what: `${n(paragraphs)} paragraphs`, limit: `${n(MAX_PARAGRAPHS)} paragraphs`, fix }, { file });
  if (sections > MAX_SECTIONS) fail('TP073', { what: `${n(sections)} sections (questions)`, limit: `${n(MAX_SECTIONS)} sections`, fix }, { file });
}

