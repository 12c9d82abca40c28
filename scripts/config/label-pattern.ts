// An editor's label pattern (book.yaml `labels:`), compiled for RE2 (re2js, as topic aliases are):
// matching takes time linear in the text whatever the pattern. `/…/flags` is a regular expression
// (flags i, m, s); anything else is the label written out literally. The schema validates with it
// (an invalid pattern is TP011 at its line and column) and the reader matches with it.
import type { RE2JS } from 're2js';
import { re2 } from '../core/re2.ts';

const FLAG_NAMES: Record<string, 'CASE_INSENSITIVE' | 'MULTILINE' | 'DOTALL'> = { i: 'CASE_INSENSITIVE', m: 'MULTILINE', s: 'DOTALL' };
const compiled = new Map<string, RE2JS>();

/** The pattern compiled and anchored at the start of a paragraph; throws with RE2's reason when invalid. */
export function compileLabelPattern(pattern: string): RE2JS {
  let re = compiled.get(pattern);
  if (!re) {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
    const source = m ? m[1]! : pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const RE2 = re2();
    const flags = [...(m?.[2] ?? '')].reduce((acc, c) => {
      if (!(c in FLAG_NAMES)) throw new Error(`flag ${c} is not supported (use i, m or s)`);
      return acc | RE2[FLAG_NAMES[c]!];
    }, 0);
    re = RE2.compile(`^(?:${RE2.translateRegExp(source)})`, flags);
    compiled.set(pattern, re);
  }
  return re;
}

/** Why a pattern cannot be used, or null when it can. */
export function labelPatternError(pattern: string): string | null {
  try { compileLabelPattern(pattern); return null; } catch (err) { return (err as Error).message.replace(/^error parsing regexp: /, ''); }
}
