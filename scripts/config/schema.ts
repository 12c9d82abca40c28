// book.yaml as a schema with descriptions (STYLE.md §9). The README's field table is generated from
// this file (`transcript-press schema --markdown`), so the documentation cannot drift.
import { z } from 'zod';
import { labelPatternError } from './label-pattern.ts';

/**
 * Longest values book.yaml takes (characters, or items for lists). Well above any real book, low
 * enough that no value can exhaust memory or time downstream: a title is set on the cover, the title
 * page and every left-hand running head. Documented in README.md ("Limits").
 */
export const LIMITS = {
  /** title, subtitle, speaker, source, publisher, edition, template, section headings, topic terms */
  line: 300,
  /** id (a URN or URL) */
  id: 500,
  /** description, rights, a correction's find/replace/note */
  paragraph: 10_000,
  /** an alias (literal text or /regex/) */
  alias: 500,
  /** subjects, sections, aliases, seeAlso of one topic, sub-topics of one topic */
  list: 1_000,
  /** topics (all levels together are bounded by list × depth; keep the curated index below this) */
  topics: 5_000,
  /** corrections */
  corrections: 5_000,
  /** levels of sub-topics (an index prints two or three; deeper nesting only costs recursion) */
  topicDepth: 8,
} as const;

/** How deep topics nest (1 for a flat list). */
function depth(topics: { sub?: unknown[] }[]): number {
  let deepest = 0;
  for (const t of topics) deepest = Math.max(deepest, 1 + depth((t.sub ?? []) as { sub?: unknown[] }[]));
  return deepest;
}

const line = (min = 0) => z.string().min(min).max(LIMITS.line);

/** A real calendar date: 2024-02-30 matches the pattern but is no day. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').refine((s) => {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}, 'is not a day of the calendar');

/** A well-formed BCP 47 language tag, as Intl understands it (zh-Hans, zh-Hant-TW, en-GB). */
const languageTag = z.string().max(LIMITS.line).refine((s) => {
  try { return Intl.getCanonicalLocales(s).length === 1; } catch { return false; }
}, 'is not a BCP 47 language tag');

export const topicSchema: z.ZodType<Topic> = z.lazy(() => z.object({
  term: line(1).describe('The index heading as printed, e.g. 中美关系.'),
  sort: line().optional().describe('Sort key in pinyin, for polyphones: 长城 → "changcheng".'),
  aliases: z.array(z.string().min(1).max(LIMITS.alias)).max(LIMITS.list).default([]).describe('Other wordings that count as this topic; /…/ is a regular expression.'),
  sub: z.array(topicSchema).max(LIMITS.list).default([]).describe('Sub-entries, indented under the term.'),
  see: line().optional().describe('Cross-reference: "see X" (no page numbers of its own).'),
  seeAlso: z.array(line()).max(LIMITS.list).default([]).describe('Cross-references: "see also X, Y".'),
}).strict());

export interface Topic {
  term: string;
  sort?: string;
  aliases: string[];
  sub: Topic[];
  see?: string;
  seeAlso: string[];
}

export const labelSchema = z.object({
  pattern: z.string().min(1).max(LIMITS.alias).superRefine((s, ctx) => {
    const error = labelPatternError(s);
    if (error) ctx.addIssue({ code: 'custom', message: `is not a pattern RE2 can run (${error})`, input: s });
  }).describe('The label at the start of a paragraph: `/…/` is an RE2 regular expression (flags i, m, s), anything else the label written out. The colon or spaces after it go with it.'),
  role: z.enum(['question', 'answer', 'principal', 'moderator', 'other']).describe('What a turn it opens is: question (a reporter or member asking), answer or principal (the book\'s speaker), moderator (chair, host), other.'),
  name: line(1).optional().describe('Who speaks, when the label does not say it as it should be printed.'),
}).strict();

export type LabelConfig = z.infer<typeof labelSchema>;

export const correctionSchema = z.object({
  find: z.string().min(1).max(LIMITS.paragraph).describe('Exact text of the automatically normalised transcript; must occur exactly once.'),
  replace: z.string().max(LIMITS.paragraph).describe('What to print instead.'),
  note: z.string().max(LIMITS.paragraph).optional().describe('Why: shown in the change report.'),
}).strict();

export const noteSchema = z.object({
  quote: z.string().min(1).max(LIMITS.paragraph).describe('Exact text of the final (normalised, corrected) transcript; must occur exactly once. The note reference goes right after it.'),
  note: z.string().min(1).max(LIMITS.paragraph).describe('The note, in Markdown.'),
}).strict();

export const matterKinds = ['preface', 'foreword', 'introduction', 'afterword', 'epilogue', 'appendix', 'acknowledgments'] as const;

export const matterSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.md$/, 'must be the name of a Markdown file in the book folder, e.g. preface.md').describe('Markdown file in the book folder.'),
  title: z.string().min(1).describe('Title printed above it and listed in the contents.'),
  place: z.enum(['front', 'back']).default('front').describe('front: after the contents; back: after the transcript, before the index.'),
  kind: z.enum(matterKinds).optional().describe('EPUB semantics and DPUB-ARIA role; default preface (front) or afterword (back).'),
}).strict();

export const bookSchema = z.object({
  id: z.string().min(3).max(LIMITS.id).default('').describe('Stable identifier (a URN or URL); the EPUB\'s dc:identifier. Default: `urn:transcript-press:` and the book\'s folder name (a warning, TP192).'),
  title: line().default('').describe('Book title. May be left out when the transcript\'s first line is its title: that line is then the title, so the title page and the body agree.'),
  subtitle: line().optional().describe('Subtitle on the cover and title page.'),
  language: languageTag.default('zh-Hans').describe('BCP 47 language tag of the text; when absent it is detected from the transcript (zh-Hans, zh-Hant, en, fr, de, es or it), so a Traditional, English, French, German, Spanish or Italian book needs none.'),
  speaker: line(1).describe('The principal speaker, as labelled in the transcript (王毅); a job title before the name in a label is fine.'),
  speakers: z.array(line(1)).max(LIMITS.list).default([]).describe('Further principals who answer questions (a press conference with several ministers).'),
  author: line(1).optional().describe('Whose words these are, as a name is written (Matthew Miller, not the label MR MILLER): the EPUB\'s creator and the PDF\'s Author. Defaults to `speaker`, a label in capitals set as a name (MS. JEAN-PIERRE → Ms. Jean-Pierre).'),
  contributors: z.array(z.object({
    name: line(1).describe('The name as printed.'),
    role: z.string().regex(/^[a-z]{3}$/, 'must be a three-letter MARC relator code such as edt, trl or ctb').default('ctb').describe('MARC relator code: edt editor, trl translator, ctb contributor.'),
  }).strict()).max(LIMITS.list).default([]).describe('Others who made this edition (editors, translators): EPUB contributors.'),
  source: line(1).default('').describe('Who published the transcript (新华社). Default: what the transcript\'s head names after 来源： or Source:, else none (a warning, TP192).'),
  publisher: line().optional().describe('Publisher of this edition; defaults to `source`.'),
  date: isoDate.default('').describe('Date of the event, YYYY-MM-DD. Default: the first whole date in the transcript\'s head (2019-03-14, 2019年3月14日, April 23, 2004), else none (a warning, TP192).'),
  modified: isoDate.optional().describe('Date this edition was last revised, YYYY-MM-DD: the EPUB\'s dcterms:modified and the PDF\'s dates. SOURCE_DATE_EPOCH overrides it; with neither, the build\'s own date.'),
  description: z.string().max(LIMITS.paragraph).default('').describe('One-paragraph description for catalogues.'),
  subjects: z.array(line()).max(LIMITS.list).default([]).describe('Subject keywords for catalogues.'),
  rights: z.string().max(LIMITS.paragraph).default('').describe('Rights and source note printed in the colophon.'),
  edition: line().default('1').describe('Edition statement.'),
  template: line().default('default').describe('Template set: a folder in templates/ (or source/<book>/templates/).'),
  style: z.enum(['edited', 'verbatim']).default('verbatim').describe('verbatim: keep what the speaker said, repetition included ("it is – it is", "I I", "the the", 这个这个, 谢谢大家，谢谢大家), listed for review at most; edited: also tidy that repetition. Copying artefacts (a doubled character no word explains, a content word typed twice, a clause pasted whole) are repaired in both.'),
  cjkJoiner: z.enum(['—', '–', '-']).default('—').describe('What an ASCII hyphen between CJK names becomes (GB/T 15834: —).'),
  trim: z.enum(['A5', 'B5', 'A4', '6x9']).default('A5').describe('Print trim size.'),
  allowMissingGlyphs: z.boolean().default(false).describe('Accept characters that no shipped font has: the PDF prints 〓 in their place (a warning, TP037). Without it such a character fails the book (TP140).'),
  print: z.object({
    bleed: z.boolean().default(false).describe('Add 3 mm bleed, crop marks, TrimBox and BleedBox.'),
    rectoSections: z.boolean().default(false).describe('Start every section on a right-hand page.'),
    sectionBreak: z.enum(['auto', 'page', 'space']).default('auto').describe('Before each section in print: a new page, a space, or auto (decided by the space left: a section follows on the page, and opens the next one when its heading and 4 lines of text do not fit). In the EPUB, auto gives long sections a document each and groups short ones.'),
  }).strict().default({ bleed: false, rectoSections: false, sectionBreak: 'auto' }).describe('Print options.'),
  epub: z.object({
    embedFont: z.boolean().default(false).describe('Embed the book\'s fonts in the EPUB, cut down to the characters it uses.'),
    certifiedBy: line(1).optional().describe('Who checked this edition against EPUB Accessibility 1.1 and WCAG 2.1 AA. Only then does the EPUB claim that conformance (dcterms:conformsTo, a11y:certifiedBy); leave it out otherwise.'),
  }).strict().default({ embedFont: false }).describe('EPUB options.'),
  labels: z.array(labelSchema).max(LIMITS.list).default([]).describe('Speaker labels the reader does not find by itself, for a house style it has not met: `{ pattern: "/[A-Z]+ [A-Z]+ \\(voice-over\\)/", role: other }`. Tried before the document\'s own label conventions; `inspect` shows the conventions it found.'),
  sections: z.array(z.object({
    question: z.number().int().min(1).describe('1-based number of the question in the transcript.'),
    heading: line(1).describe('Heading printed for that question and answer.'),
  }).strict()).max(LIMITS.list).default([]).describe('Section headings set by the editor; others get a default.'),
  index: z.enum(['auto', 'curated', 'both']).optional().describe('Which index the book gets: auto (people, places, organisations and subjects found in the text), curated (the `topics:` list), or both (the curated topics, then automatic entries for what they leave out). Default: curated when `topics:` lists any, else auto.'),
  topics: z.array(topicSchema).max(LIMITS.topics).refine((ts) => depth(ts) <= LIMITS.topicDepth, `nest sub-topics at most ${LIMITS.topicDepth} levels deep`).default([]).describe('The curated topic index.'),
  corrections: z.array(correctionSchema).max(LIMITS.corrections).default([]).describe('Editorial corrections applied after the automatic pass.'),
  matter: z.array(matterSchema).max(LIMITS.list).default([]).describe('Front and back matter in Markdown, in this order: `{ file: preface.md, title: 前言, place: front \\| back, kind: preface }`. Raw HTML prints as text; images are not embedded; `{{corrections}}`, `{{automatic}}`, `{{review}}`, `{{notes}}`, `{{source}}` are filled in.'),
  notes: z.array(noteSchema).max(LIMITS.list).default([]).describe('Editor\'s notes on passages, anchored by quoted text: `{ quote: 贸易航线于此, note: "Markdown" }`. A quote that occurs nowhere or more than once stops the build (TP080).'),
}).strict();

export type BookConfig = z.infer<typeof bookSchema>;

/**
 * volume.yaml: a bound volume of book folders (issue #27). The fields of book.yaml (the volume's own
 * title, identifier, publisher…; `speaker`, `source` and `date` default to the parts'), plus its parts.
 */
export const volumeSchema = bookSchema.extend({
  parts: z.array(z.string().min(1).max(LIMITS.line)).min(1).max(LIMITS.list).describe('The parts: book folders relative to the volume folder, or a pattern over them (`../mfa-2022-*`, * and ? in the last segment), bound in date order.'),
  editor: line(1).optional().describe('Who edited the volume: on the title page, an EPUB contributor (edt).'),
  dates: line(1).optional().describe('The span the volume covers as printed (2022年1月–3月); default: the first and last part\'s dates.'),
  speaker: line(1).optional().describe('The principal speaker; default: the one most parts name.'),
  source: line(1).optional().describe('Who published the transcripts; default: the one most parts name.'),
  date: isoDate.optional().describe('The volume\'s date; default: its first part\'s.'),
}).strict();

export type VolumeConfig = z.infer<typeof volumeSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type NoteConfig = z.infer<typeof noteSchema>;
export type MatterConfig = z.infer<typeof matterSchema>;
