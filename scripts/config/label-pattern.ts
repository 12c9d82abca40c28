// An editor's label pattern (book.yaml `labels:`), compiled for RE2 (re2js, as topic aliases are):
// matching takes time linear in the text whatever the pattern. `/…/flags` is a regular expression
// (flags i, m, s); anything else is the label written out literally. The schema validates with it
// (an invalid pattern is TP011 at its line and column) and the reader matches with it.
import { RE2JS } from 're2js';

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };
const compiled = new Map<string, RE2JS>();

/** The pattern compiled and anchored at the start of a paragraph; throws with RE2's reason when invalid. */
export function compileLabelPattern(pattern: string): RE2JS {
  let re = compiled.get(pattern);
  if (!re) {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
    const source = m ? m[1]! : pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const flags = [...(m?.[2] ?? '')].reduce((acc, c) => {
      if (!(c in FLAGS)) throw new Error(`flag ${c} is not supported (use i, m or s)`);
      return acc | FLAGS[c]!;
    }, 0);
    re = RE2JS.compile(`^(?:${RE2JS.translateRegExp(source)})`, flags);
    compiled.set(pattern, re);
  }
  return re;
}

/** Why a pattern cannot be used, or null when it can. */
export function labelPatternError(pattern: string): string | null {
  try { compileLabelPattern(pattern); return null; } catch (err) { return (err as Error).message.replace(/^error parsing regexp: /, ''); }
}
