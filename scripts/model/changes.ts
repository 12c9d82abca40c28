// What a change to the text is: its rule, source position, before/after and confidence. The reader
// records changes (scripts/reader/changes.ts); the report, the colophon and the benchmarks read them,
// so the shape lives in the model, below all of them.
// The rules a change can come from. What each does, in words for people, is in the strings files
// (templates/<set>/lang/<tag>.json, key ruleDescriptionKey(rule): `ruleDupChar`), in the book's language.
export const rules = [
  'invisible',
  'cp1252',
  'line-end',
  'nfc',
  'whitespace',
  'punct-width',
  'punct-doubled',
  'cjk-joiner',
  'ellipsis',
  'dash',
  'quotes',
  'quotes-unbalanced',
  'para-join',
  'para-fragment',
  'dup-char',
  'dup-word',
  'dup-clause',
  'speech-repetition',
  'correction',
  'page-furniture',
] as const;

export type RuleId = typeof rules[number];

/** The strings key of a rule's description: `dup-char` → `ruleDupChar`. */
export function ruleDescriptionKey(rule: string): string {
  return 'rule' + rule.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export interface Change {
  rule: RuleId;
  /** Position in the raw transcript.txt (1-based line and column, 0-based UTF-16 offset). */
  line: number;
  column: number;
  offset: number;
  before: string;
  after: string;
  /** A little of the surrounding (already normalised) text, for the editor's report. */
  context: string;
  /** 0–1: how sure the reader is that this is an error and the repair is right. */
  confidence: number;
  /** false: listed for review only; the text was left as it was. */
  applied: boolean;
  note?: string;
}
