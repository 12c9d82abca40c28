// What a change to the text is: its rule, source position, before/after and confidence. The reader
// records changes (scripts/reader/changes.ts); the report, the colophon and the benchmarks read them,
// so the shape lives in the model, below all of them.
export const rules = {
  'invisible': 'invisible or control character removed',
  'cp1252': 'control character from a Windows-1252 conversion made the character it stood for',
  'line-end': 'form feed or vertical tab made a line end',
  'nfc': 'Unicode normalised to NFC',
  'whitespace': 'stray or doubled white space removed',
  'punct-width': 'ASCII punctuation next to Chinese made full-width',
  'punct-doubled': 'doubled punctuation mark removed',
  'cjk-joiner': 'hyphen between Chinese names replaced by the house dash',
  'ellipsis': 'ellipsis normalised to ……',
  'dash': 'dash normalised to ——',
  'quotes': 'straight quotes made curly',
  'quotes-unbalanced': 'quotation marks do not balance',
  'para-join': 'paragraph broken mid-sentence joined to the next',
  'para-fragment': 'stray fragment repeating the end of the previous paragraph removed',
  'dup-char': 'doubled character removed',
  'dup-word': 'doubled word removed',
  'dup-clause': 'clause repeated back to back removed',
  'speech-repetition': 'repetition in speech (stutter, restart) removed in edited style',
  'correction': 'editorial correction from book.yaml',
  'page-furniture': 'a web page\'s furniture between a speaker label and the speech removed (- Hansard - - - Excerpts)',
} as const;

export type RuleId = keyof typeof rules;

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
