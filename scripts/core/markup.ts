// The rules every XML document and stylesheet of an EPUB obeys, whoever wrote it (issue #22), checked
// with a real XML parser (saxes) rather than patterns:
// - well-formed XML with namespaces; no DOCTYPE other than `<!DOCTYPE html>` and no entity
//   declarations (an external entity would read a host file into the book);
// - no script: no `<script>`, no event attribute (`onload=`), no `javascript:` URL;
// - nothing fetched from outside the book: `src`, `href` (except a link the reader follows, `<a href>`),
//   `xlink:href`, `poster`, `data`, `srcset`, `@import` and CSS `url()` hold local paths only.
// The same rules the print page has, there enforced by the sandboxed browser (core/browser.ts); an
// EPUB goes to reading systems that have no such sandbox, so here they are checked before it ships.
// Plain functions over text: no file system, no browser.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type ProblemKind = 'malformed' | 'doctype' | 'entity' | 'script' | 'event' | 'remote';

export interface MarkupProblem {
  kind: ProblemKind;
  /** 1-based, in the text given. */
  line: number;
  column: number;
  /** What was found, short enough for a message. */
  what: string;
}

/** A URL nothing is fetched from outside the publication for: a relative path, a fragment, or an inline image or font. */
export function isLocalUrl(url: string): boolean {
  // What a browser does first: leading and trailing C0 controls and spaces go, tabs and newlines anywhere.
  const u = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (/^data:(?:image|font)\//i.test(u)) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return false; // any scheme: http:, file:, javascript:, data:text/html…
  if (u.startsWith('/') || u.startsWith('\\')) return false; // //host/… or an absolute path
  return true;
}

/** Schemes of links a reader follows by choice (`<a href>`): never fetched while reading. */
const FOLLOWED = /^(?:https?:|mailto:)/i;

const shorten = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** 1-based line and column of string index `at`. */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, column: at - start + 1 };
}

/** CSS with comments removed and escapes decoded, index for index where possible (a decoded escape keeps its first index). */
function cssPlain(css: string): { text: string; index: number[] } {
  let text = '';
  const index: number[] = [];
  for (let i = 0; i < css.length;) {
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      text += ' ';
      index.push(i - 1);
      continue;
    }
    if (css[i] === '\\') {
      const m = /^\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|^\\([\s\S])?/.exec(css.slice(i, i + 8))!;
      const ch = m[1] ? String.fromCodePoint(Math.min(parseInt(m[1], 16), 0x10ffff) || 0xfffd) : (m[2] ?? '');
      text += ch;
      for (let k = 0; k < ch.length; k++) index.push(i);
      i += m[0].length;
      continue;
    }
    text += css[i];
    index.push(i);
    i++;
  }
  return { text, index };
}

/** `@import` and `url()` in a stylesheet (or a style attribute) that leave the book, and `expression()`. */
export function cssProblems(css: string, offset: { line: number; column: number } = { line: 1, column: 1 }): MarkupProblem[] {
  const { text, index } = cssPlain(css);
  const problems: MarkupProblem[] = [];
  const at = (i: number, kind: ProblemKind, what: string) => {
    const p = lineColumn(css, index[i] ?? 0);
    problems.push({ kind, what, line: offset.line + p.line - 1, column: p.line === 1 ? offset.column + p.column - 1 : p.column });
  };
  // url(…) in any case, quoted or not; @import "…" without url(); image-set("…") and src() take strings too.
  for (const m of text.matchAll(/\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))|\b(?:src|image-set|-webkit-image-set)\(\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const url = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (!isLocalUrl(url)) at(m.index, 'remote', `url(${shorten(url)})`);
  }
  for (const m of text.matchAll(/@import\s*(?:"([^"]*)"|'([^']*)')?/gi)) {
    const url = m[1] ?? m[2];
    // @import url(…) is judged by its url() above; @import "…" here.
    if (url !== undefined && !isLocalUrl(url)) at(m.index, 'remote', `@import "${shorten(url)}"`);
  }
  for (const m of text.matchAll(/\bexpression\s*\(|\bbehavior\s*:|-moz-binding\s*:/gi)) at(m.index, 'script', shorten(m[0]));
  return problems;
}

export interface XmlCheckOptions {
  /** A template fragment (several roots, or none): no document rules, no namespace checks. */
  fragment?: boolean;
}

/**
 * Every problem of an XML document (or template fragment) under the rules above. A document that is
 * not well-formed gets its first error only (what follows it cannot be trusted).
 */
export function xmlProblems(text: string, options: XmlCheckOptions = {}): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  const parser = new SaxesParser({ xmlns: !options.fragment, fragment: !!options.fragment, position: true });
  let stopped = false;
  const here = () => ({ line: parser.line, column: parser.column + 1 });
  parser.on('error', (err) => {
    if (stopped) return;
    stopped = true;
    const m = /^(?:[^:]*:)?(\d+):(\d+): ([\s\S]*)$/.exec(err.message);
    problems.push({ kind: 'malformed', line: m ? Number(m[1]) : parser.line, column: m ? Number(m[2]) : parser.column + 1, what: shorten(m ? m[3] : err.message) });
  });
  parser.on('doctype', (doctype) => {
    const kind = /<!ENTITY/i.test(doctype) ? 'entity' : doctype.trim().toLowerCase() === 'html' ? null : 'doctype';
    // Named where it starts (saxes reports its end); a document has one DOCTYPE at most.
    const start = text.search(/<!DOCTYPE/i);
    if (kind) problems.push({ kind, ...(start >= 0 ? lineColumn(text, start) : here()), what: shorten(`<!DOCTYPE${doctype}>`) });
  });
  let tagStart = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length) };
  });
  let inStyle = false;
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'script') problems.push({ kind: 'script', ...tagStart, what: `<${tag.name}>` });
    if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet', 'form', 'foreignObject'].includes(name)) problems.push({ kind: 'remote', ...tagStart, what: `<${tag.name}>` });
    if (name === 'meta' && /refresh/i.test(String(attr(tag, 'http-equiv') ?? ''))) problems.push({ kind: 'remote', ...tagStart, what: '<meta http-equiv="refresh">' });
    for (const [qname, raw] of Object.entries(tag.attributes)) {
      const value: string = typeof raw === 'string' ? raw : String((raw as { value: string }).value);
      const a = local(qname).toLowerCase();
      if (/^on/.test(a)) { problems.push({ kind: 'event', ...tagStart, what: shorten(`${qname}="${value}"`) }); continue; }
      if (a === 'style') { problems.push(...cssProblems(value, tagStart)); continue; }
      if (/^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) { problems.push({ kind: 'script', ...tagStart, what: shorten(`${qname}="${value}"`) }); continue; }
      const fetched = a === 'src' || a === 'poster' || a === 'data' || a === 'background' || a === 'action' || a === 'formaction'
        || a === 'srcset' || (a === 'href' && !((name === 'a' || name === 'area') && (FOLLOWED.test(value.trim()) || isLocalUrl(value))));
      const urls = a === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value];
      if (fetched && urls.some((u) => !isLocalUrl(u))) problems.push({ kind: 'remote', ...tagStart, what: shorten(`<${tag.name} ${qname}="${value}">`) });
    }
    inStyle = name === 'style';
  });
  parser.on('closetag', () => { inStyle = false; });
  parser.on('text', (t) => { if (inStyle) problems.push(...cssProblems(t, { line: parser.line - (t.match(/\n/g)?.length ?? 0), column: 1 })); });
  parser.on('cdata', (t) => { if (inStyle) problems.push(...cssProblems(t, here())); });
  parser.on('processinginstruction', (pi) => {
    if (/^xml-stylesheet$/i.test(pi.target)) {
      const href = /href\s*=\s*["']([^"']*)/.exec(pi.body)?.[1] ?? '';
      if (!isLocalUrl(href)) problems.push({ kind: 'remote', ...here(), what: shorten(`<?xml-stylesheet ${pi.body}?>`) });
    }
  });
  try {
    parser.write(text).close();
  } catch (err) {
    // saxes throws only when no error handler is set; kept for safety.
    if (!stopped) problems.push({ kind: 'malformed', ...here(), what: shorten((err as Error).message) });
  }
  return problems;
}

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

function attr(tag: SaxesTagPlain | { attributes: Record<string, unknown> }, name: string): string | undefined {
  for (const [k, v] of Object.entries(tag.attributes)) if (k.toLowerCase() === name) return typeof v === 'string' ? v : (v as { value: string }).value;
  return undefined;
}

/**
 * A Mustache template with every `{{…}}` tag blanked to spaces (newlines kept), so an XML parser reads
 * the markup the template writes at the template's own lines and columns.
 */
export function blankMustache(template: string): string {
  return template.replace(/\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g, (tag) => tag.replace(/[^\n]/g, ' '));
}
