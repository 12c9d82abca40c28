// Mustache for text a book brings (its own templates, Markdown matter): an editor's typo (an unclosed
// {{#review}}, a stray {{/toc}}) is the editor's error at a place in their file, with a fix (TP126),
// never an internal error. Sections nest at most MAX_MUSTACHE_DEPTH deep: Mustache renders sections by
// recursion, so 20,000 nested sections would overflow the stack.
import Mustache from 'mustache';
import { fail } from './diagnostics.ts';
import { lineColumn } from './markup.ts';

export const MAX_MUSTACHE_DEPTH = 32;

type Token = [string, string, number, number, Token[]?, number?];

export interface MustacheOptions {
  /** The file as shown in diagnostics. */
  file: string;
  escape: (value: unknown) => string;
  /** Where the text starts in `file` (a value inside book.yaml); default its start. */
  at?: { line: number; column: number };
}

/** Checks the template (parse, nesting) and renders it; a problem stops the book with TP126 at its place. */
export function renderMustache(template: string, view: object, options: MustacheOptions): string {
  checkMustache(template, options);
  return Mustache.render(template, view, {}, { escape: options.escape });
}

export function checkMustache(template: string, options: Pick<MustacheOptions, 'file' | 'at'>): void {
  const place = (offset: number) => {
    const p = lineColumn(template, offset);
    const at = options.at;
    const line = at ? at.line + p.line - 1 : p.line;
    const column = at && p.line === 1 ? at.column + p.column - 1 : p.column;
    return { file: options.file, line, column, excerpt: template.split('\n')[p.line - 1]?.slice(0, 200) };
  };
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as Token[];
  } catch (err) {
    const message = (err as Error).message;
    const m = /^(Unclosed tag|Unopened section "([^"]*)"|Unclosed section "([^"]*)"|Invalid tags)[^]*?(?: at (\d+))?$/.exec(message);
    let offset = m?.[4] ? Number(m[4]) : 0;
    let reason = message.replace(/ at \d+$/, '');
    let fix = 'check the {{ }} tags at the place shown';
    if (m?.[3] !== undefined) {
      // Mustache names the innermost open section at the end of the text or at a mismatched close;
      // the opening tag is where the editor looks. The default delimiters are replayed to find it.
      const open: { name: string; at: number }[] = [];
      for (const t of template.matchAll(/\{\{\s*([#^/])\s*([^}]*?)\s*\}\}/g)) {
        if (t.index! >= offset && offset > 0 && t[1] === '/') break;
        if (t[1] !== '/') open.push({ name: t[2], at: t.index! });
        else if (open[open.length - 1]?.name === t[2]) open.pop();
        else break;
      }
      const top = open[open.length - 1];
      if (top?.name === m[3]) offset = top.at;
      reason = `the section {{#${m[3]}}} is never closed`;
      fix = `close it with {{/${m[3]}}} where it should end`;
    } else if (m?.[2] !== undefined) {
      reason = `{{/${m[2]}}} closes a section that is not open`;
      fix = `open it with {{#${m[2]}}} before, or delete the stray {{/${m[2]}}}`;
    } else if (m?.[1] === 'Unclosed tag') {
      reason = 'a {{ tag is never closed with }}';
      fix = 'close the tag with }} (write a literal {{ in Markdown as \\{\\{)';
      const open = template.lastIndexOf('{{', offset);
      if (open >= 0) offset = open;
    }
    fail('TP126', { reason: `${options.file}: ${reason}`, fix }, place(offset));
  }
  // Deepest nesting, without recursion (the token tree itself may be 20,000 deep).
  const stack: { list: Token[]; depth: number }[] = [{ list: tokens, depth: 0 }];
  while (stack.length) {
    const { list, depth } = stack.pop()!;
    for (const t of list) {
      if ((t[0] === '#' || t[0] === '^') && t[4]) {
        if (depth + 1 > MAX_MUSTACHE_DEPTH) {
          fail('TP126', { reason: `${options.file}: Mustache sections nested more than ${MAX_MUSTACHE_DEPTH} deep`, fix: `nest {{#…}} sections at most ${MAX_MUSTACHE_DEPTH} deep` }, place(t[2]));
        }
        stack.push({ list: t[4], depth: depth + 1 });
      }
    }
  }
}
