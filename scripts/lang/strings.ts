// The words an edition prints, per language: templates/<set>/lang/<tag>.json (STYLE.md §8: templates
// are data). Adding a language is adding one file there (and its fonts in scripts/fonts.ts); no code
// names a language's words. A key the code or a template asks for that the file lacks stops the build
// with TP061 naming the key and the file, never an empty heading or `undefined` in a book.
//
// Strings may hold Mustache fields (`{{name}}开场发言`, `{{#review}}…{{/review}}`): formatString fills
// them as plain text; the result goes into a syntax tree or an escaping template, never raw markup.
import { projectRoot } from '../core/root.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMustache } from '../core/mustache.ts';
import { fail } from '../core/diagnostics.ts';
import { scriptTag } from './language.ts';

/** Where strings files are looked for: a template set's folders (a book's overrides first). The same
 * shape as render/templates.ts's TemplateSet, so a template set is passed as it is; the reader, which
 * may not know the renderer, uses defaultStrings() below. */
export interface TemplateSet { name: string; dirs: string[] }

const DEFAULT_SET = join(projectRoot, 'templates', 'default');

/** The default template set, for tools that have no book (the reader's default headings, tests). */
export function defaultStringsSet(): TemplateSet {
  return { name: 'default', dirs: [DEFAULT_SET] };
}

/** The loaded strings: reading a key the file does not have throws TP061. */
export type Strings = Readonly<Record<string, string>>;

const LANG_DIR = 'lang';

/**
 * The strings files to try for a BCP 47 tag, most specific first: `zh-Hant-TW` → zh-Hant-TW, zh-Hant,
 * zh; a Chinese tag without a script gets the script its region implies (zh-TW → zh-Hant, zh-CN → zh-Hans).
 */
export function languageCandidates(tag: string): string[] {
  let canonical = tag;
  try { canonical = Intl.getCanonicalLocales(tag)[0] ?? tag; } catch { /* an invalid tag is tried as written */ }
  const out: string[] = [];
  const add = (t: string) => { if (t && !out.includes(t)) out.push(t); };
  const parts = canonical.split('-');
  for (let n = parts.length; n > 0; n--) {
    const t = parts.slice(0, n).join('-');
    if (n === 1) add(scriptTag(canonical));
    add(t);
  }
  return out;
}

/** The strings file for a language in a template set (book overrides first), or TP060. */
export function stringsPath(set: TemplateSet, language: string): string {
  for (const candidate of languageCandidates(language)) {
    for (const dir of set.dirs) {
      const file = join(dir, LANG_DIR, `${candidate}.json`);
      if (existsSync(file)) return file;
    }
  }
  const available = [...new Set(set.dirs.flatMap((d) => existsSync(join(d, LANG_DIR))
    ? readdirSync(join(d, LANG_DIR)).filter((f) => /^[\w-]+\.json$/.test(f)).map((f) => f.slice(0, -5)) : []))].sort();
  fail('TP060', { language, template: set.name, available: available.join(', ') || 'none' });
}

const cache = new Map<string, Strings>();

/** The book's strings: lang/<tag>.json of the template set, for the book's language. */
export function loadStrings(set: TemplateSet, language: string): Strings {
  const file = stringsPath(set, language);
  const hit = cache.get(file);
  if (hit) return hit;
  const shown = relative(process.cwd(), file) || file;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail('TP001', { what: shown, reason: err instanceof SyntaxError ? `not valid JSON: ${err.message}` : String(err) }, { file: shown });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.values(data).some((v) => typeof v !== 'string')) {
    fail('TP001', { what: shown, reason: 'a strings file is one JSON object of "key": "text" pairs' }, { file: shown });
  }
  const strings = guard(Object.freeze({ ...(data as Record<string, string>) }), shown);
  cache.set(file, strings);
  return strings;
}

/** Properties tools probe on any object (promises, JSON, test printers): absent, not an error. */
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName', '$$typeof', 'constructor']);

function guard(target: Record<string, string>, file: string): Strings {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || key in t || PROBES.has(key) || key.startsWith('@@')) return Reflect.get(t, key, receiver);
      fail('TP061', { key, file });
    },
  });
}

/** A string with its `{{fields}}` filled in, as plain text. */
export function formatString(strings: Strings, key: string, params: object = {}): string {
  return renderMustache(strings[key]!, params, { file: `the string "${key}" of the strings file`, escape: (v: unknown) => String(v) });
}

/** Every strings file of the default template set, by language tag (for tests and tools). */
export function defaultStringsFiles(): Map<string, string> {
  const dir = join(DEFAULT_SET, LANG_DIR);
  return new Map(readdirSync(dir).filter((f) => /^[\w-]+\.json$/.test(f)).sort().map((f) => [f.slice(0, -5), join(dir, f)]));
}
