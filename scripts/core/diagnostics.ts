// A diagnostic is a value (STYLE.md §4): code, severity, file, line:column, message, hint.
// Stages push them onto the book's message list; only an unrecoverable one stops the build.
import { appendFileSync } from 'node:fs';
import { codes, type Code, type Severity } from './codes.ts';

export interface Diagnostic {
  code: Code;
  severity: Severity;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  hint: string;
  /** The source line, shown with a caret under `column` by the human reporter. */
  excerpt?: string;
}

export interface Where {
  file?: string;
  line?: number;
  column?: number;
  excerpt?: string;
}

export function diagnostic(code: Code, params: Record<string, string | number> = {}, where: Where = {}): Diagnostic {
  const entry = codes[code];
  if (process.env.TP_TRACE_CODES) trace(process.env.TP_TRACE_CODES, code);
  return { code, severity: entry.severity, ...where, message: entry.message(params), hint: entry.hint(params) };
}

/**
 * `TP_TRACE_CODES=FILE` appends one line per diagnostic made, `CODE<TAB>where it was made` (the first
 * stack frame outside this file). The test suite sets it to prove that every code in the registry is
 * raised by a fixture through the code that raises it, in this process or a CLI it starts.
 */
function trace(file: string, code: Code): void {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const caller = frames.find((f) => !f.includes('core/diagnostics.ts'))?.trim() ?? '?';
  try { appendFileSync(file, `${code}\t${caller}\n`); } catch { /* tracing must never break a build */ }
}

/** Thrown to stop a book's build; carries the diagnostic that explains why. */
export class BuildError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function fail(code: Code, params: Record<string, string | number> = {}, where: Where = {}): never {
  throw new BuildError(diagnostic(code, params, where));
}

const READ_CALLS = new Set(['open', 'read', 'scandir', 'stat', 'lstat', 'readlink', 'access', 'opendir']);

/**
 * The diagnostic for an error that is not a bug (STYLE.md §10: TP090 only for real bugs): a failed
 * file-system call (EACCES, ENOSPC, EROFS, EMFILE…) names the path and becomes TP001 (reading) or TP050
 * (writing); a BuildError keeps its own. Anything else is an internal error.
 */
export function errorDiagnostic(err: unknown, where: Where = {}, output?: string): Diagnostic {
  if (err instanceof BuildError) return err.diagnostic;
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e.code === 'string' && typeof e.syscall === 'string') {
    const reason = `${e.code} (${e.syscall})`;
    if (READ_CALLS.has(e.syscall) && !/ENOSPC|EROFS|EDQUOT/.test(e.code)) {
      const path = e.path ?? where.file ?? '';
      return diagnostic('TP001', { what: path || 'a file', reason }, { ...where, file: path || where.file });
    }
    // A failed write without a path (ENOSPC on write()) happened under the output folder, not in the
    // source the caller's `where` names.
    const path = e.path ?? output ?? '';
    return diagnostic('TP050', { path: path || 'the output', reason }, { file: path || undefined });
  }
  return diagnostic('TP090', { reason: (e?.message ?? String(err)).split('\n')[0] }, where);
}

/** One line for people: `TP012 book.yaml:14:5 warning topic "中美" …; fix: …`, plus an excerpt with a caret. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''} ` : '';
  let out = `${d.code} ${place}${d.severity}: ${d.message}\n    fix: ${d.hint}`;
  if (d.excerpt !== undefined && d.column) {
    // Controls and invisible format characters (a bidi override could reorder the terminal line) show as ·.
    const excerpt = d.excerpt.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, (c) => (c === '\t' ? ' ' : '·'));
    out += `\n    | ${excerpt}\n    | ${' '.repeat(Math.max(0, displayWidth(excerpt.slice(0, d.column - 1))))}^`;
  }
  return out;
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

export function listCodes(): string {
  return Object.entries(codes)
    .map(([code, e]) => `${code}  ${e.severity.padEnd(7)}  ${e.title}`)
    .join('\n');
}
