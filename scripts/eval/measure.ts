// Measures the reader on real transcripts: characters changed on clean text (each wrong change with
// its place), error reduction on the same text corrupted by the seeded generator, precision and
// recall of each rule, and the reliability of its confidence (per bin: how often a proposal with
// that confidence was right). Used by the tests (test/eval/) and by `npm run bench`.
import { diffChars } from 'diff';
import { readingLanguage } from '../lang/language.ts';
import { readTranscript, type ReaderOptions } from '../reader/read.ts';
import { splitBlocks } from '../reader/blocks.ts';
import { FURNITURE } from '../reader/convention.ts';
import type { Change } from '../reader/changes.ts';
import { corrupt, type Corrupted, type Defect, type DefectKind, type Language } from './corrupt.ts';

export interface EvalText {
  id: string;
  /** The clean transcript as published. */
  text: string;
  language: Language;
  /** Reader options from the text's book.yaml (speaker, style, language). */
  options: Partial<ReaderOptions>;
  /** The corpus part it belongs to: rules and confidence are tuned on dev only (test/corpus/README.md). */
  split?: 'dev' | 'test';
}

/** A corruption generator: the seeded one (corrupt.ts) or the independent one (independent.ts). */
export type Generator = (clean: string, options: { seed: number; rate: number; language: Language }) => Corrupted;

export interface WrongChange { id: string; line: number; column: number; rule: string; before: string; after: string; context: string; confidence: number }

export interface Proposal { rule: string; confidence: number; applied: boolean; right: boolean; language: Language }

export interface EvalReport {
  /** Applied changes on clean text: every one is wrong. */
  cleanChanges: WrongChange[];
  /** Characters they change (inserted + deleted). */
  cleanChangedChars: number;
  /** Edit distance (insertions + deletions) corrupted → clean and repaired → clean, per language. */
  reduction: Record<string, { before: number; after: number; errorReduction: number; texts: number }>;
  /** Per rule: applied changes right / wrong (on corrupted and clean text). */
  rules: Record<string, { right: number; wrong: number; precision: number }>;
  /** Per defect kind: how many there were, how many an applied change repaired, how many a change
   *  applied or listed for review caught. */
  defects: Record<string, { made: number; repaired: number; recall: number; caught: number }>;
  /** Characters of clean text read (the size the figures are measured on). */
  chars: Record<string, number>;
  proposals: Proposal[];
}

/** Paragraph breaks of any kind (a blank line, one paragraph per line) as one newline, for comparing texts. */
export function flat(text: string): string {
  return text.replace(/[ \t\u3000]*\n\s*/g, '\n').trim();
}

/** What the reader's output is compared with: the clean text's paragraphs as the reader splits them. */
export function reference(text: string): string {
  return flat(splitBlocks(text).map((b) => b.text).join('\n\n'));
}

export function readerOutput(text: string, options: Partial<ReaderOptions>): { text: string; changes: Change[] } {
  const r = readTranscript(Buffer.from(text), options);
  return { text: r.blocks.join('\n\n'), changes: r.changes };
}

/** Insertions plus deletions that turn a into b (Myers diff: fast when the texts are close). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let n = 0;
  for (const part of diffChars(a, b)) if (part.added || part.removed) n += part.value.length;
  return n;
}

/** Characters one change inserts and deletes. */
export function changedChars(c: Change): number {
  if (c.before === '¶') return 2; // a paragraph break removed
  return editDistance(c.before, c.after);
}

/** Rules whose confidence is a modelled probability (the others are mechanical, confidence 1). */
export const JUDGED_RULES = new Set(['dup-char', 'dup-word', 'dup-clause', 'para-join', 'para-fragment', 'speech-repetition']);

/** Which rule is meant to repair each kind of damage. */
export const RULE_FOR: Record<DefectKind, string> = {
  char: 'dup-char', span: 'dup-word', word: 'dup-word', clause: 'dup-clause', split: 'para-join',
  fragment: 'para-fragment', punct: 'punct-width', 'en-word': 'dup-word', 'en-span': 'dup-word', 'en-clause': 'dup-clause',
};

function overlaps(c: Change, d: Defect): boolean {
  const start = c.offset;
  const end = c.offset + Math.max(1, c.before === '¶' ? 1 : c.before.length);
  return start < d.end + 2 && d.start < end + 2;
}

/**
 * `distance: false` skips the edit distances (error reduction): on long English texts the character
 * diff is most of the cost, and the typed-double figures need only the changes and the defects.
 */
export function evaluateCorpus(texts: EvalText[], options: { seeds: number[]; rate: number; generator?: Generator; style?: 'edited' | 'verbatim'; distance?: boolean }): EvalReport {
  const report: EvalReport = { cleanChanges: [], cleanChangedChars: 0, reduction: {}, rules: {}, defects: {}, proposals: [], chars: {} };
  const generate = options.generator ?? corrupt;
  const rule = (id: string) => (report.rules[id] ??= { right: 0, wrong: 0, precision: 1 });
  for (const t0 of texts) {
    const t = options.style ? { ...t0, options: { ...t0.options, style: options.style } } : t0;
    report.chars[t.language] = (report.chars[t.language] ?? 0) + t.text.length;
    const clean = readerOutput(t.text, t.options);
    for (const c of clean.changes) {
      if (JUDGED_RULES.has(c.rule)) report.proposals.push({ rule: c.rule, confidence: c.confidence, applied: c.applied, right: false, language: t.language });
      // A web page's furniture line (- Hansard - - - Excerpts) is no part of the transcript.
      if (!c.applied || (c.rule === 'page-furniture' && FURNITURE.test(c.before.trim()))) continue;
      rule(c.rule).wrong++;
      report.cleanChanges.push({ id: t.id, line: c.line, column: c.column, rule: c.rule, before: c.before, after: c.after, context: c.context, confidence: c.confidence });
      report.cleanChangedChars += changedChars(c);
    }
    // The clean text as the reader paragraphs it (it changes no character of it: cleanChanges).
    const ref = flat(clean.text);
    const red = (report.reduction[t.language] ??= { before: 0, after: 0, errorReduction: 1, texts: 0 });
    red.texts++;
    for (const seed of options.seeds) {
      const bad = generate(t.text, { seed, rate: options.rate, language: t.language });
      const out = readerOutput(bad.text, t.options);
      if (options.distance !== false) {
        red.before += editDistance(flat(bad.text), ref);
        red.after += editDistance(flat(out.text), ref);
      }
      const repaired = new Set<Defect>();
      const caught = new Set<Defect>();
      for (const c of out.changes) {
        const hit = bad.defects.find((d) => overlaps(c, d));
        if (hit && JUDGED_RULES.has(c.rule)) caught.add(hit);
        if (JUDGED_RULES.has(c.rule)) report.proposals.push({ rule: c.rule, confidence: c.confidence, applied: c.applied, right: !!hit, language: t.language });
        if (!c.applied) continue;
        if (hit) { rule(c.rule).right++; repaired.add(hit); } else rule(c.rule).wrong++;
      }
      for (const d of bad.defects) {
        const k = (report.defects[`${d.kind} (${t.language})`] ??= { made: 0, repaired: 0, recall: 0, caught: 0 });
        k.made++;
        if (repaired.has(d)) k.repaired++;
        if (caught.has(d) || repaired.has(d)) k.caught++;
      }
    }
  }
  for (const r of Object.values(report.reduction)) r.errorReduction = r.before ? 1 - r.after / r.before : 1;
  for (const r of Object.values(report.rules)) r.precision = r.right + r.wrong ? r.right / (r.right + r.wrong) : 1;
  for (const d of Object.values(report.defects)) d.recall = d.made ? d.repaired / d.made : 1;
  return report;
}

/** Confidence bins for the reliability table. */
export const BINS: [number, number][] = [[0, 0.5], [0.5, 0.9], [0.9, 0.95], [0.95, 0.99], [0.99, 1.0001]];

/** Per bin: proposals, how many were right, and the mean confidence claimed. */
export function reliability(proposals: Proposal[]): { bin: [number, number]; n: number; right: number; observed: number; claimed: number }[] {
  return BINS.map((bin) => {
    const inBin = proposals.filter((p) => p.confidence >= bin[0] && p.confidence < bin[1]);
    const right = inBin.filter((p) => p.right).length;
    const claimed = inBin.length ? inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length : 0;
    return { bin, n: inBin.length, right, observed: inBin.length ? right / inBin.length : 0, claimed };
  });
}

/** The development corpus (test/corpus/, loaded by scripts/fixtures/corpus.ts) as evaluation texts, read as their book.yaml says. */
export function corpusTexts(entries: { id: string; text: string; config: { language: string; speaker: string; style?: 'edited' | 'verbatim' }; expected?: object }[]): EvalText[] {
  return entries.map((e) => ({
    split: ((e.expected as { split?: string } | undefined)?.split === 'test' ? 'test' : 'dev') as 'dev' | 'test',
    id: e.id,
    text: e.text,
    language: readingLanguage(e.config.language) ?? 'zh-Hans',
    options: { speaker: e.config.speaker, style: e.config.style, language: e.config.language },
  }));
}
