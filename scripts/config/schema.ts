// book.yaml as a schema with descriptions (STYLE.md §9). The README's field table is generated from
// this file (`transcript-press schema --markdown`), so the documentation cannot drift.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const topicSchema: z.ZodType<Topic> = z.lazy(() => z.object({
  term: z.string().min(1).describe('The index heading as printed, e.g. 中美关系.'),
  sort: z.string().optional().describe('Sort key in pinyin, for polyphones: 长城 → "changcheng".'),
  aliases: z.array(z.string().min(1)).default([]).describe('Other wordings that count as this topic; /…/ is a regular expression.'),
  sub: z.array(topicSchema).default([]).describe('Sub-entries, indented under the term.'),
  see: z.string().optional().describe('Cross-reference: "see X" (no page numbers of its own).'),
  seeAlso: z.array(z.string()).default([]).describe('Cross-references: "see also X, Y".'),
}).strict());

export interface Topic {
  term: string;
  sort?: string;
  aliases: string[];
  sub: Topic[];
  see?: string;
  seeAlso: string[];
}

export const correctionSchema = z.object({
  find: z.string().min(1).describe('Exact text of the automatically normalised transcript; must occur exactly once.'),
  replace: z.string().describe('What to print instead.'),
  note: z.string().optional().describe('Why: shown in the change report.'),
}).strict();

export const noteSchema = z.object({
  quote: z.string().min(1).describe('Exact text of the final (normalised, corrected) transcript; must occur exactly once. The note reference goes right after it.'),
  note: z.string().min(1).describe('The note, in Markdown.'),
}).strict();

export const matterKinds = ['preface', 'foreword', 'introduction', 'afterword', 'epilogue', 'appendix', 'acknowledgments'] as const;

export const matterSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.md$/, 'must be the name of a Markdown file in the book folder, e.g. preface.md').describe('Markdown file in the book folder.'),
  title: z.string().min(1).describe('Title printed above it and listed in the contents.'),
  place: z.enum(['front', 'back']).default('front').describe('front: after the contents; back: after the transcript, before the index.'),
  kind: z.enum(matterKinds).optional().describe('EPUB semantics and DPUB-ARIA role; default preface (front) or afterword (back).'),
}).strict();

export const bookSchema = z.object({
  id: z.string().min(3).describe('Stable identifier (a URN or URL); the EPUB\'s dc:identifier.'),
  title: z.string().min(1).describe('Book title.'),
  subtitle: z.string().optional().describe('Subtitle on the cover and title page.'),
  language: z.string().default('zh-Hans').describe('BCP 47 language tag of the text.'),
  speaker: z.string().min(1).describe('The principal speaker, as labelled in the transcript (王毅); a job title before the name in a label is fine.'),
  speakers: z.array(z.string().min(1)).default([]).describe('Further principals who answer questions (a press conference with several ministers).'),
  author: z.string().min(1).optional().describe('Whose words these are, as a name is written (Matthew Miller, not the label MR MILLER): the EPUB\'s creator and the PDF\'s Author. Defaults to `speaker`.'),
  contributors: z.array(z.object({
    name: z.string().min(1).describe('The name as printed.'),
    role: z.string().regex(/^[a-z]{3}$/, 'must be a three-letter MARC relator code such as edt, trl or ctb').default('ctb').describe('MARC relator code: edt editor, trl translator, ctb contributor.'),
  }).strict()).default([]).describe('Others who made this edition (editors, translators): EPUB contributors.'),
  source: z.string().min(1).describe('Who published the transcript (新华社).'),
  publisher: z.string().optional().describe('Publisher of this edition; defaults to `source`.'),
  date: isoDate.describe('Date of the event, YYYY-MM-DD.'),
  modified: isoDate.optional().describe('Date this edition was last revised, YYYY-MM-DD: the EPUB\'s dcterms:modified and the PDF\'s dates. SOURCE_DATE_EPOCH overrides it; with neither, the build\'s own date.'),
  description: z.string().default('').describe('One-paragraph description for catalogues.'),
  subjects: z.array(z.string()).default([]).describe('Subject keywords for catalogues.'),
  rights: z.string().default('').describe('Rights and source note printed in the colophon.'),
  edition: z.string().default('1').describe('Edition statement.'),
  template: z.string().default('default').describe('Template set: a folder in templates/ (or source/<book>/templates/).'),
  style: z.enum(['edited', 'verbatim']).default('edited').describe('edited: repair speech-like repetition too; verbatim: keep it (artefacts are repaired in both).'),
  cjkJoiner: z.enum(['—', '–', '-']).default('—').describe('What an ASCII hyphen between CJK names becomes (GB/T 15834: —).'),
  trim: z.enum(['A5', 'B5', 'A4', '6x9']).default('A5').describe('Print trim size.'),
  print: z.object({
    bleed: z.boolean().default(false).describe('Add 3 mm bleed, crop marks, TrimBox and BleedBox.'),
    rectoSections: z.boolean().default(false).describe('Start every section on a right-hand page.'),
    sectionBreak: z.enum(['auto', 'page', 'space']).default('auto').describe('Before each section: a new page, a space, or auto (a new page only when sections are long).'),
  }).strict().default({ bleed: false, rectoSections: false, sectionBreak: 'auto' }).describe('Print options.'),
  epub: z.object({
    embedFont: z.boolean().default(false).describe('Embed the book\'s fonts in the EPUB, cut down to the characters it uses.'),
    certifiedBy: z.string().min(1).optional().describe('Who checked this edition against EPUB Accessibility 1.1 and WCAG 2.1 AA. Only then does the EPUB claim that conformance (dcterms:conformsTo, a11y:certifiedBy); leave it out otherwise.'),
  }).strict().default({ embedFont: false }).describe('EPUB options.'),
  sections: z.array(z.object({
    question: z.number().int().min(1).describe('1-based number of the question in the transcript.'),
    heading: z.string().min(1).describe('Heading printed for that question and answer.'),
  }).strict()).default([]).describe('Section headings set by the editor; others get a default.'),
  topics: z.array(topicSchema).default([]).describe('The curated topic index.'),
  corrections: z.array(correctionSchema).default([]).describe('Editorial corrections applied after the automatic pass.'),
  matter: z.array(matterSchema).default([]).describe('Front and back matter in Markdown, in this order: `{ file: preface.md, title: 前言, place: front \\| back, kind: preface }`. Raw HTML prints as text; images are not embedded; `{{corrections}}`, `{{automatic}}`, `{{review}}`, `{{notes}}`, `{{source}}` are filled in.'),
  notes: z.array(noteSchema).default([]).describe('Editor\'s notes on passages, anchored by quoted text: `{ quote: 贸易航线于此, note: "Markdown" }`. A quote that occurs nowhere or more than once stops the build (TP080).'),
}).strict();

export type BookConfig = z.infer<typeof bookSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type NoteConfig = z.infer<typeof noteSchema>;
export type MatterConfig = z.infer<typeof matterSchema>;
