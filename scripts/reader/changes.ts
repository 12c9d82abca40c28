// Every change the reader makes, or considers and leaves for review, is recorded with its rule,
// source position, before/after and confidence. This list becomes changes.json and the report.
import type { LineIndex, TrackedText } from './tracked-text.ts';

import type { Change, RuleId } from '../model/changes.ts';

export { rules, type Change, type RuleId } from '../model/changes.ts';

export class ChangeLog {
  readonly changes: Change[] = [];
  /**
   * `keep` false: a reading whose changes no one reads (`normalize` printing only the text) records
   * nothing. No rule reads the log to decide anything (dedupe asks only its length, to tell one pass's
   * records from the next), so the text is the same either way.
   */
  constructor(private readonly lines: LineIndex, readonly keep = true) {}

  record(rule: RuleId, text: TrackedText, start: number, end: number, after: string,
    opts: { confidence?: number; applied?: boolean; note?: string; before?: string } = {}): void {
    if (!this.keep) return;
    const offset = text.sourceOffset(start);
    // (The line alone, and the column from its start: no point object per change.)
    const line = this.lines.line(offset);
    const column = offset - this.lines.starts[line - 1]! + 1;
    const change: Change = {
      rule, line, column, offset,
      before: opts.before ?? text.text.slice(start, end), after,
      context: text.text.slice(Math.max(0, start - 12), Math.min(text.length, end + 12)),
      confidence: round(opts.confidence ?? 1),
      applied: opts.applied ?? true,
    };
    // Added last, as the spread of `{ note }` put it: the key order of changes.json is unchanged.
    if (opts.note) change.note = opts.note;
    this.changes.push(change);
  }

  /** Drops the changes recorded from index `from` on that repeat an earlier one since index `since` (a
   * later pass over one paragraph listing the same thing again; `since` is where the paragraph's changes
   * begin, so a long file does not compare every paragraph with all those before it). */
  dropRepeats(from: number, since = 0): void {
    const key = (c: Change) => `${c.rule}\u0000${c.offset}\u0000${c.before}\u0000${c.after}\u0000${c.applied}`;
    const seen = new Set(this.changes.slice(since, from).map(key));
    const later = this.changes.splice(from).filter((c) => !seen.has(key(c)));
    this.changes.push(...later);
  }

  /** By source offset, then rule id by code point (rule ids are lowercase ASCII and hyphens, so this is
   * the order localeCompare gave, without its cost per comparison or its dependence on the locale). The
   * sort is stable: changes at one offset under one rule keep the order they were recorded in. (A
   * counting sort by offset was tried first; on a large transcript, whose changes are sparse among its
   * offsets, it gave up after a pass over every change, and the comparison sort ran anyway.) */
  sorted(): Change[] {
    return [...this.changes].sort(byOffsetThenRule);
  }
}

const byOffsetThenRule = (a: Change, b: Change) => a.offset - b.offset || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

const round = (n: number) => Math.round(n * 1000) / 1000;
