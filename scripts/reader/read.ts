// The reader: raw transcript bytes to the document model, with every change recorded.
// decode → characters → blocks → normalise → repair paragraphs → repair duplicates → corrections → structure.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Transcript } from '../model/types.ts';
import type { BookConfig } from '../config/schema.ts';
import { diagnostic, fail, type Diagnostic } from '../core/diagnostics.ts';
import { decodeTranscript } from './decode.ts';
import { crOnly, lineJoiner, splitBlocks } from './blocks.ts';
import { cleanCharacters } from './characters.ts';
import { dropLineNumbers } from './numbered-lines.ts';
import { LineIndex, TrackedText, type Edit } from './tracked-text.ts';
import { ChangeLog, type Change } from './changes.ts';
import { normalizeParagraph } from './normalize.ts';
import { repairParagraphs } from './paragraphs.ts';
import { splitLines } from './line-breaks.ts';
import { dedupeParagraph } from './dedupe.ts';
import { applyCorrections } from './corrections.ts';
import { buildTree } from './structure.ts';
import type { LabelRule } from './labels.ts';
import { documentLabels, type DocumentLabels } from './document-labels.ts';
import { CUE_MARKUP, CUE_TIMING, FURNITURE, RULE_LINE, SUBTITLE_HEADER, cueTimes, opensWithVoice } from './convention.ts';
import type { Conventions } from './convention.ts';
import { latinLanguage, resolveLanguage, type Language } from '../lang/language.ts';
import { headingWords } from '../lang/headings.ts';
import type { TemplateSet } from '../lang/strings.ts';

export type ReaderOptions = Pick<BookConfig, 'speaker' | 'speakers' | 'style' | 'cjkJoiner' | 'corrections' | 'sections'> & {
  /** The editor's label patterns (book.yaml `labels`). */
  labels?: LabelRule[];
  /** BCP 47 tag from book.yaml; when absent the language is detected from the text (zh-Hans, zh-Hant or en). */
  language?: string;
  /** The template set whose strings give the default headings' words (lang/<tag>.json), in the
   * language the text is read in; the default set when absent. */
  templates?: TemplateSet;
};

export interface ReadResult {
  tree: Transcript;
  /** The normalised paragraphs as plain text (title first), what `normalize` prints. */
  blocks: string[];
  changes: Change[];
  diagnostics: Diagnostic[];
  /** The decoded source text (positions refer to it). */
  source: string;
  /** The language the text was read in: book.yaml's, or detected when it has none. */
  language: Language;
  /** The book's language tag: book.yaml's, or detected (zh-Hans, zh-Hant, en, fr, de) when it has none;
   * the strings, hyphenation and documents' `lang` follow it, the reading rules follow `language`. */
  tag: string;
  /** The label conventions induced from the text (for `inspect`). */
  conventions: Conventions['list'];
}

/**
 * What a caller may look at of a reading that the result does not keep: the label decisions every stage
 * read (document-labels.ts), each line or paragraph asked about and its label. A book holds its reading
 * for the whole build; the table, one entry per distinct line, is needed only while reading.
 */
export interface ReadWatch { labels?: (labels: DocumentLabels) => void }

export const defaultReaderOptions: ReaderOptions = { speaker: '', speakers: [], style: 'verbatim', cjkJoiner: '—', corrections: [], sections: [] };

/**
 * A reading without its document tree: what `normalize` prints (the text, the changes) needs none, and
 * building it was a fifth of the reader's time. The tree is still built when book.yaml names section
 * headings, whose check (TP022) counts the tree's questions; its diagnostics are then not kept.
 */
export type TextReading = Omit<ReadResult, 'tree'>;

export function readTranscript(bytes: Uint8Array, options: Partial<ReaderOptions> = {},
  files: { transcript?: string; config?: string } = {}, watch: ReadWatch = {}): ReadResult {
  const read = readStages(bytes, options, files, watch);
  const structure = treeOf(read);
  read.diagnostics.push(...structure.diagnostics);
  return { tree: structure.tree, ...finish(read) };
}

/** readTranscript without the document tree (TextReading). */
export function readTranscriptText(bytes: Uint8Array, options: Partial<ReaderOptions> = {},
  files: { transcript?: string; config?: string } = {}, watch: ReadWatch = {}): TextReading {
  return finish(readWithoutTree(readStages(bytes, options, files, watch)));
}

/**
 * Only the text of a reading (what `normalize` prints without --json): the same text as
 * readTranscriptText's, with no change recorded (ChangeLog `keep` false) and so no report: building,
 * sorting and turning into diagnostics the changes of a large transcript was about a fifth of the work.
 * What fails fails as in any reading.
 */
export type BlocksReading = Pick<TextReading, 'blocks' | 'language' | 'tag'>;

export function readTranscriptBlocks(bytes: Uint8Array, options: Partial<ReaderOptions> = {},
  files: { transcript?: string; config?: string } = {}): BlocksReading {
  const { blocks, language, tag } = readWithoutTree(readStages(bytes, options, files, {}, false));
  return { blocks: blocks.map((b) => b.text), language, tag };
}

function readWithoutTree(read: Stages): Stages {
  // The heading words are still loaded: a template set whose strings cannot be read fails as before.
  if (read.opts.sections.length) treeOf(read);
  else headingWords(read.tag, read.opts.templates);
  return read;
}

type Stages = ReturnType<typeof readStages>;

/** decode → characters → blocks → normalise → repair paragraphs → repair duplicates → corrections. */
function readStages(bytes: Uint8Array, options: Partial<ReaderOptions>, files: { transcript?: string; config?: string }, watch: ReadWatch, keepChanges = true) {
  const opts = { ...defaultReaderOptions, ...options };
  const file = files.transcript ?? 'transcript.txt';
  const { text, diagnostics } = decodeTranscript(bytes, file);
  // A BOM is dropped; columns on line 1 count from after it, as an editor shows them.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const language = resolveLanguage(opts.language, source);
  // The tag as detectTag gives it, without reading the text's scripts a second time.
  const tag = opts.language || (language === 'en' ? latinLanguage(source) : language);
  const lines = new LineIndex(source);
  const log = new ChangeLog(lines, keepChanges);
  // Characters first: invisible and control characters out (each recorded), so no later rule and no
  // writer ever sees them.
  const cleaned = cleanCharacters(TrackedText.fromSource(source, 0, source.length), log, lines, file);
  diagnostics.push(...cleaned.diagnostics);
  // A court reporter's numbered lines: the margin's line and page numbers out, each recorded.
  cleaned.text = dropLineNumbers(cleaned.text, log);
  if (crOnly(source)) diagnostics.push(diagnostic('TP009', {}, { file }));
  const principals = [opts.speaker, ...opts.speakers].filter(Boolean);
  // The label decisions, once for every stage (document-labels.ts): the document's label conventions
  // are induced from all its lines, with the principals and the editor's patterns (book.yaml `labels`),
  // and each line or paragraph is decided once and the answer carried to every stage that asks.
  const labels = documentLabels(cleaned.text.text.split('\n'), principals, opts.labels);
  watch.labels?.(labels);
  // Lines that are paragraphs (one per line, a label opening a line) are split before anything else.
  let blocks: TrackedText[] = splitLines(splitBlocks(cleaned.text), (o) => lines.line(o), labels).map((b) => normalizeParagraph(b, log, { cjkJoiner: opts.cjkJoiner, language }));
  blocks = blocks.filter((b) => b.text.length > 0);
  blocks = dropFurniture(blocks, labels, log);
  blocks = repairParagraphs(blocks, log, labels, { style: opts.style });
  blocks = blocks.map((b) => dedupeParagraph(b, log, { style: opts.style, language, tag }));
  blocks = applyCorrections(blocks, opts.corrections, log, files.config ?? 'book.yaml');
  return { opts, file, files, source, language, tag, lines, log, labels, blocks, diagnostics };
}

/** The document tree of a reading; a heading for a question the transcript does not have fails (TP022). */
function treeOf({ opts, file, files, language, tag, lines, labels, blocks }: Stages) {
  const structure = buildTree(blocks, lines, {
    speaker: opts.speaker, speakers: opts.speakers, language, labels,
    headings: new Map(opts.sections.map((s) => [s.question, s.heading])),
    // The book's strings give the words, in the language the text is read in (declared or detected).
    words: headingWords(tag, opts.templates),
  }, file);
  // A heading for a question the transcript does not have is a stale or mistyped entry.
  const questions = structure.tree.children.filter((c) => c.type === 'section' && c.role === 'question').length;
  opts.sections.forEach((s, i) => {
    if (s.question > questions) fail('TP022', { index: i, question: s.question, count: questions }, { file: files.config ?? 'book.yaml' });
  });
  return structure;
}

/** The result of a reading, but its tree. */
function finish({ file, source, language, tag, log, labels, blocks, diagnostics }: Stages): TextReading {
  const changes = log.sorted();
  // Repairs left for review become info diagnostics too, so `--json` consumers see them.
  for (const c of changes.filter((x) => !x.applied)) {
    // The hint proposes a correction on the passage around it, long enough to occur only once.
    const at = c.context.indexOf(c.before);
    const fixed = at < 0 ? c.context : c.context.slice(0, at) + c.after + c.context.slice(at + c.before.length);
    diagnostics.push(diagnostic('TP021', { rule: c.rule, before: c.before, confidence: c.confidence, find: c.context, replace: fixed }, { file, line: c.line, column: c.column }));
  }
  return { blocks: blocks.map((b) => b.text), changes, diagnostics, source, language, tag, conventions: labels.conventions };
}

/** The book.yaml that governs a transcript file: the one in its folder. */
export function bookYamlBeside(file: string): string {
  return join(dirname(resolve(file)), 'book.yaml');
}

/**
 * A transcript file read without a book.yaml (the language detected from the text): what
 * book.ts readTranscriptFile does when its folder has none, without loading the book.yaml machinery
 * (YAML, the schema), so `normalize` of a bare file starts quicker.
 */
export function readBareTranscriptFile(file: string): ReadResult {
  return readTranscript(bareBytes(file), {}, { transcript: file });
}

/** readBareTranscriptFile without the document tree. */
export function readBareTranscriptText(file: string): TextReading {
  return readTranscriptText(bareBytes(file), {}, { transcript: file });
}

/** readBareTranscriptFile's text alone (BlocksReading). */
export function readBareTranscriptBlocks(file: string): BlocksReading {
  return readTranscriptBlocks(bareBytes(file), {}, { transcript: file });
}

function bareBytes(file: string): Buffer {
  // A FIFO or device would make the read wait forever.
  const st = statSync(file, { throwIfNoEntry: false });
  if (st && !st.isFile()) fail('TP071', { what: file, kind: st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a FIFO (named pipe)' : 'a device or socket' }, { file });
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch (err) {
    fail('TP001', { what: file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file });
  }
  return bytes;
}

/** A subtitle file (SRT, WebVTT) read as a transcript: the index of its first cue's timing, when at least
 * three cues' timings make up a fifth of the blocks; null otherwise. */
function subtitleCues(blocks: TrackedText[]): number | null {
  const timed = blocks.filter((b) => CUE_TIMING.test(b.text.trim())).length;
  return timed >= 3 && timed * 5 >= blocks.length ? blocks.findIndex((b) => CUE_TIMING.test(b.text.trim())) : null;
}

/**
 * A block of a subtitle file: the header and each cue's number and timing are the format's, not text
 * (dropped, and recorded); a speaker's label repeated on the next cue is dropped too (recorded); a cue
 * that goes on with the same speaker is a line of the paragraph before (joined, as wrapped lines are),
 * unless that paragraph ended a sentence before a pause of 1.5 s or more, or has grown long (400
 * characters at a sentence's end; at a pause, 400 unpunctuated; 1,200 at most).
 * Returns the block to keep, or null when it was dropped or joined.
 */
function subtitleBlock(b: TrackedText, i: number, first: number, cue: { speaker: string | null; end: number; pause: boolean },
  out: TrackedText[], labels: DocumentLabels, log: ChangeLog, next?: TrackedText): TrackedText | null {
  const text = b.text.trim();
  const times = cueTimes(text);
  const number = /^\d+$/.test(text) && next !== undefined && CUE_TIMING.test(next.text.trim());
  if (times || number || (i < first && SUBTITLE_HEADER.test(text))) {
    log.record('page-furniture', b, 0, b.length, '', { confidence: 0.99, note: 'a subtitle file\'s header, or a cue\'s number and timing' });
    if (times) { cue.pause = times.start - cue.end >= 1.5; cue.end = times.end; }
    return null;
  }
  if (i < first) return b;
  b = withoutCueMarkup(b, labels, log);
  // Each cue repeats its speaker's label (`John Smith: …` on every cue of a Zoom transcript): the label
  // of a speaker who goes on is the format's, not a new turn.
  const l = labels.at(b.text);
  if (l && !l.alone && l.name === cue.speaker) {
    log.record('page-furniture', b, 0, l.length, '', { confidence: 0.99, note: 'a speaker label repeated on the next subtitle cue' });
    const rest = b.text.slice(l.length);
    b = b.slice(l.length + (rest.length - rest.trimStart().length));
  } else if (l) {
    cue.speaker = l.name;
    return b;
  }
  const previous = out[out.length - 1];
  if (!previous) return b;
  const ended = ENDS_SENTENCE.test(previous.text.trim());
  // (Unpunctuated captions, as Chinese subtitles often are, break at a pause once the paragraph is long.)
  const goesOn = previous.length < 400 ? !ended || !cue.pause : !ended && (!cue.pause || previous.length < 1200);
  if (!labels.at(previous.text)?.alone && goesOn) {
    out[out.length - 1] = previous.concat(lineJoiner(previous.text, b.text), b);
    return null;
  }
  return b;
}

/** A cue's text without WebVTT's markup (each tag a recorded change); a voice tag that opens the cue
 * stays, as the speaker's label. */
function withoutCueMarkup(b: TrackedText, labels: DocumentLabels, log: ChangeLog): TrackedText {
  const voice = opensWithVoice(b.text) ? labels.at(b.text)?.length ?? 0 : 0;
  const edits: Edit[] = [];
  for (const m of b.text.slice(voice).matchAll(CUE_MARKUP)) {
    const start = voice + m.index!;
    log.record('page-furniture', b, start, start + m[0].length, '', { confidence: 0.99, note: 'subtitle markup in a cue' });
    edits.push({ start, end: start + m[0].length, insert: '' });
  }
  return b.apply(edits);
}

/**
 * A web page's furniture between a label alone on its line and the speech (Parallel Parliament's
 * `- Hansard - - - Excerpts`) is no part of what was said: it is dropped, and the change recorded.
 */
const ENDS_SENTENCE = /[.!?。！？…"”’)）-]$/u;

export function dropFurniture(blocks: TrackedText[], labels: DocumentLabels, log: ChangeLog): TrackedText[] {
  const out: TrackedText[] = [];
  let afterLabel = false;
  const cues = subtitleCues(blocks);
  const cue = { speaker: null as string | null, end: -Infinity, pause: true };
  blocks.forEach((b, i) => {
    if (cues !== null) {
      const kept = subtitleBlock(b, i, cues, cue, out, labels, log, blocks[i + 1]);
      if (kept === null) return;
      b = kept;
    }
    if (afterLabel && FURNITURE.test(b.text.trim())) {
      log.record('page-furniture', b, 0, b.length, '', { confidence: 0.99, note: 'page furniture between a speaker label and the speech' });
      return;
    }
    // …and a wire's rule between a speech (a sentence ended) and the next label alone on its line
    // frames that label: it is no part of the speech above it.
    if (RULE_LINE.test(b.text.trim()) && i > 0 && ENDS_SENTENCE.test(blocks[i - 1].text.trim()) && i + 1 < blocks.length && labels.at(blocks[i + 1].text)?.alone) {
      log.record('page-furniture', b, 0, b.length, '', { confidence: 0.99, note: 'a rule framing the speaker label below it' });
      return;
    }
    afterLabel = labels.at(b.text)?.alone ?? false;
    out.push(b);
  });
  return out;
}
