// Templates are data (STYLE.md §8): writers build a variables object, templates only lay it out.
// Mustache escapes {{var}} by default; {{{var}}} is used only for markup our renderer built.
// A book may override any file by putting its own in source/<book>/templates/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../core/diagnostics.ts';
import { checkMustache, renderMustache } from '../core/mustache.ts';
import { blankMustache, cssProblems, xmlProblems, type MarkupProblem } from '../core/markup.ts';

import { projectRoot } from '../core/root.ts';
export { projectRoot };
export const templatesRoot = join(projectRoot, 'templates');

export interface TemplateSet {
  name: string;
  /** Directories searched in order: the book's own overrides, then the named set. */
  dirs: string[];
}

export function availableTemplates(): string[] {
  return existsSync(templatesRoot) ? readdirSync(templatesRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

export function resolveTemplateSet(name: string, bookDir: string, configFile = 'book.yaml'): TemplateSet {
  const dir = join(templatesRoot, name);
  // A name, not a path: `..` would make the project folder a template set.
  if (!/^\w[\w.-]*$/.test(name) || !existsSync(dir)) {
    fail('TP013', { name, available: availableTemplates().join(', ') }, { file: configFile });
  }
  return { name, dirs: [join(bookDir, 'templates'), dir] };
}

/** Absolute path of a template file, honouring the book's overrides. */
export function templatePath(set: TemplateSet, file: string): string {
  for (const dir of set.dirs) {
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
  }
  fail('TP001', { what: `template file ${file}`, reason: `not in ${set.dirs.join(' or ')}` });
}

export function readTemplate(set: TemplateSet, file: string): string {
  return readFileSync(templatePath(set, file), 'utf8');
}

/** A path as shown in diagnostics (relative to the working directory). */
const show = (p: string) => relative(process.cwd(), p) || p;

export function renderTemplate(set: TemplateSet, file: string, view: object): string {
  const path = templatePath(set, file);
  return renderMustache(readFileSync(path, 'utf8'), view, { file: show(path), escape: escapeXml });
}

/** Files of a template folder that Mustache fills in. */
const MUSTACHE_FILE = /\.(html|xhtml|opf|ncx|svg|css|md|json)$/;

/**
 * Every Mustache file the book brings (source/<book>/templates/), parsed before anything renders: an
 * unclosed section in print.html is the editor's error at its line (TP126), found in a second, not
 * after the browser started.
 */
export function checkBookTemplates(set: TemplateSet): void {
  if (set.dirs.length < 2 || !existsSync(set.dirs[0])) return;
  for (const f of readdirSync(set.dirs[0], { recursive: true, withFileTypes: true })) {
    if (!f.isFile() || !MUSTACHE_FILE.test(f.name) || f.name.endsWith('.json')) continue;
    const path = join(f.parentPath, f.name);
    checkMustache(readFileSync(path, 'utf8'), { file: show(path) });
  }
}

/** True if the book brings its own copy of `file` (source/<book>/templates/…): untrusted input. */
export function isBookTemplate(set: TemplateSet, file: string): boolean {
  return set.dirs.length > 1 && templatePath(set, file) === join(set.dirs[0], file);
}

/**
 * A book's own EPUB template obeys the print page's rules (issue #22), checked on its source with the
 * Mustache tags blanked, so a problem is named at the template's own line and column: no DOCTYPE but
 * `<!DOCTYPE html>` and no entity declaration (TP122); no script, event attribute or file from outside
 * the book (TP121). `kind` says how the file is read: a whole XML document, a fragment the writer puts
 * into one, or CSS. The template set's own files are the project's and are not checked here (the
 * writer's output gate checks everything that ships).
 */
export function checkBookTemplate(set: TemplateSet, file: string, kind: 'xml' | 'fragment' | 'css', rules: 'all' | 'declarations' = 'all'): void {
  if (!isBookTemplate(set, file)) return;
  const path = templatePath(set, file);
  const source = blankMustache(readFileSync(path, 'utf8'));
  const problems: MarkupProblem[] = kind === 'css' ? cssProblems(source) : xmlProblems(source, { fragment: kind === 'fragment' });
  for (const p of problems) {
    const where = { file: show(path), line: p.line, column: p.column, excerpt: source.split('\n')[p.line - 1]?.slice(0, 200) };
    // The cover's DOCTYPE (Illustrator and Inkscape write one) is dropped when drawn; its entities are not.
    if (rules === 'declarations' && p.kind === 'doctype') continue;
    if (p.kind === 'doctype' || p.kind === 'entity') fail('TP122', { file: show(path), what: p.kind === 'entity' ? `entities (${p.what})` : `a DOCTYPE (${p.what})` }, where);
    if (rules === 'declarations') continue;
    if (p.kind === 'malformed') {
      fail('TP120', { doc: show(path), reason: 'is not well-formed XML', what: p.what,
        fix: 'fix the markup at the place shown (every element closed, attributes quoted, & written &amp;), or remove the book\'s copy of the template' }, where);
    }
    const reason = p.kind === 'script' ? 'holds script' : p.kind === 'event' ? 'has an event attribute' : 'loads a file from outside the book';
    fail('TP121', { reason: `the book's template ${show(path)} ${reason}`, what: p.what }, where);
  }
}

/** Escapes for HTML and XHTML alike (Mustache's default also escapes / and =, which is noisy). */
export function escapeXml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
