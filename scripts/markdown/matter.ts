// Front and back matter in Markdown (book.yaml `matter`) and the editorial note, into Matter nodes of
// the document model. Counts such as {{corrections}} are filled in with Mustache first (escaped for
// Markdown, so a value can never become markup), then the text goes through parse.ts.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderMustache } from '../core/mustache.ts';
import type { Matter } from '../model/types.ts';
import type { MatterConfig } from '../config/schema.ts';
import { fail, type Diagnostic, type Where } from '../core/diagnostics.ts';
import { templatePath, type TemplateSet } from '../render/templates.ts';
import { languageCandidates } from '../lang/strings.ts';
import { markdownToBlocks } from './parse.ts';

/** What Markdown matter may say with `{{…}}`: the edition's own figures, so a preface never goes stale. */
export interface MatterVariables {
  title: string;
  source: string;
  /** Editorial corrections from book.yaml applied. */
  corrections: number;
  /** Automatic repairs applied. */
  automatic: number;
  /** Suspected problems left for review. */
  review: number;
  /** Editor's notes. */
  notes: number;
  sourceSha256: string;
}

/** Backslash-escapes Markdown's punctuation, so a filled-in value is always text. */
export function escapeMarkdown(value: unknown): string {
  return String(value).replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (c) => `\\${c}`);
}

/**
 * Largest Markdown matter file, in bytes (read) and characters (parsed): a long preface is 20,000
 * characters; a 30 MB file took minutes and gigabytes. Refused before it is read whole (TP124).
 */
export const MAX_MATTER_BYTES = 1024 * 1024;
export const MAX_MATTER_CHARS = 200_000;

/** Fills in the edition's figures; a Mustache typo is the editor's error at its place in `file` (TP126). */
export function fillVariables(text: string, vars: MatterVariables, file = 'matter'): string {
  return renderMustache(text, vars, { file, escape: escapeMarkdown });
}

/** An ASCII id for a matter part from its file name: `preface.md` → `m-preface`; `m3` when nothing is left or taken. */
function matterId(file: string, index: number, taken: Set<string>): string {
  const slug = file.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const id = slug ? `m-${slug}` : `m${index + 1}`;
  return taken.has(id) ? `m${index + 1}` : id;
}

export function markdownMatter(input: { text: string; id: string; title: string; place: Matter['place']; kind: Matter['kind']; file: string; vars: MatterVariables;
  where: (point: { line: number; column: number } | undefined) => Where }): { matter: Matter; diagnostics: Diagnostic[] } {
  const { blocks, diagnostics } = markdownToBlocks(fillVariables(input.text, input.vars, input.file), { idPrefix: input.id, where: input.where });
  return { matter: { type: 'matter', id: input.id, title: input.title, place: input.place, kind: input.kind, file: input.file, children: blocks }, diagnostics };
}

export interface LoadMatterOptions {
  bookDir: string;
  /** book.yaml as shown in diagnostics, and the book folder as shown. */
  configFile: string;
  showDir: string;
  vars: MatterVariables;
  /** Where `matter.N.file` is written in book.yaml. */
  fileAt?: (index: number) => Where | undefined;
}

/** Reads every `matter` entry. A file that is missing, not a regular file or not UTF-8 stops the book (TP081). */
export function loadMatter(configs: MatterConfig[], options: LoadMatterOptions): { matter: Matter[]; diagnostics: Diagnostic[] } {
  const taken = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const matter = configs.map((c, index) => {
    const path = join(options.bookDir, c.file);
    const where = { file: options.configFile, ...options.fileAt?.(index) };
    const refuse = (reason: string): never => fail('TP081', { index: index + 1, file: c.file, reason }, where);
    let stat;
    try { stat = lstatSync(path); } catch { return refuse(`is not in ${options.showDir}`); }
    // lstat: a link is refused like any other non-file, so matter never reads outside the book folder.
    if (!stat.isFile()) refuse('is not a regular file (links and folders are refused)');
    const shown = join(options.showDir, c.file);
    const fix = 'a preface or afterword is a few pages: split it into several matter files, or shorten it';
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    if (stat.size > MAX_MATTER_BYTES) fail('TP124', { what: shown, size: mb(stat.size), limit: `${mb(MAX_MATTER_BYTES)} per matter file`, fix }, { file: shown });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)).replace(/^\uFEFF/, '');
    } catch (err) {
      return refuse(err instanceof TypeError ? 'is not UTF-8 text' : `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (text.length > MAX_MATTER_CHARS) {
      fail('TP124', { what: shown, size: `${text.length.toLocaleString('en')} characters`, limit: `${MAX_MATTER_CHARS.toLocaleString('en')} characters per matter file`, fix }, { file: shown });
    }
    const id = matterId(c.file, index, taken);
    taken.add(id);
    const result = markdownMatter({
      text, id, title: c.title, place: c.place, kind: c.kind ?? (c.place === 'front' ? 'preface' : 'afterword'), file: shown, vars: options.vars,
      where: (point) => ({ file: shown, line: point?.line, column: point?.column, excerpt: point ? text.split(/\r?\n/)[point.line - 1] : undefined }),
    });
    diagnostics.push(...result.diagnostics);
    return result.matter;
  });
  return { matter, diagnostics };
}

/**
 * The language's editorial-note file in the template set (a book overrides it in
 * source/<book>/templates/lang/), found the way the strings file is: the most specific tag first,
 * then the script a region implies (zh-TW → zh-Hant), then English.
 */
export function editorialNoteFile(templates: TemplateSet, lang: string): string {
  for (const candidate of [...languageCandidates(lang), 'en']) {
    const file = `lang/${candidate}.editorial-note.md`;
    if (templates.dirs.some((d) => existsSync(join(d, file)))) return file;
  }
  return 'lang/en.editorial-note.md';
}

/** The editorial note printed at the end of both editions, from the template set's Markdown. */
export function editorialNote(templates: TemplateSet, lang: string, title: string, vars: MatterVariables): { matter: Matter; diagnostics: Diagnostic[] } {
  const path = templatePath(templates, editorialNoteFile(templates, lang));
  const text = readFileSync(path, 'utf8');
  return markdownMatter({
    text, id: 'note', title, place: 'back', kind: 'appendix', file: relative(process.cwd(), path) || path, vars,
    where: (point) => ({ file: path, line: point?.line, column: point?.column }),
  });
}
