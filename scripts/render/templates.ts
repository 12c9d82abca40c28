// Templates are data (STYLE.md §8): writers build a variables object, templates only lay it out.
// Mustache escapes {{var}} by default; {{{var}}} is used only for markup our renderer built.
// A book may override any file by putting its own in source/<book>/templates/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import { fail } from '../core/diagnostics.ts';

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

export function renderTemplate(set: TemplateSet, file: string, view: object): string {
  return Mustache.render(readTemplate(set, file), view, {}, { escape: escapeXml });
}

/** Escapes for HTML and XHTML alike (Mustache's default also escapes / and =, which is noisy). */
export function escapeXml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
