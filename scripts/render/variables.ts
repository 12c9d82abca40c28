// The variables object every template sees. Writers add medium-specific fields (page numbers,
// file URLs); the common part is built here once.
import type { BookConfig } from '../config/schema.ts';
import type { Section, Transcript } from '../model/types.ts';
import { ruleDescriptionKey, type Change } from '../model/changes.ts';
import { sections, titleText } from '../model/walk.ts';
import type { TemplateSet } from './templates.ts';
import { formatString, loadStrings, type Strings } from '../lang/strings.ts';
import { titleUnits } from './lines.ts';

export type { Strings };

export interface TocEntry {
  id: string;
  heading: string;
  /** Print page label, filled in by the PDF stage. */
  page?: string;
  /** In a volume's contents: `part` (a transcript: date and title) or `section` (a question below it). */
  level?: 'part' | 'section';
  /** What the contents (print contents, EPUB navigation) list for this section: its heading, another
   * heading (`Questions and Answers` for a run of questions), or nothing (null). See contentsHeadings. */
  contents?: string | null;
}

export interface BookView {
  lang: string;
  title: string;
  subtitle?: string;
  /** The transcript's own title line, or book.yaml `title` when the transcript has none. */
  transcriptTitle: string;
  /** `title` and `transcriptTitle` cut where a line may break (titleUnits): the print pages keep each piece whole. */
  titleUnits: { text: string; space: string }[];
  transcriptTitleUnits: { text: string; space: string }[];
  speaker: string;
  /** Whose words these are, as a name (book.yaml `author`, else `speaker`). */
  author: string;
  /** Others who made the edition, with MARC relator codes. */
  contributors: { id: string; name: string; role: string }[];
  /** Who checked the edition's accessibility (book.yaml `epub.certifiedBy`); no conformance is claimed without. */
  certifiedBy?: string;
  source: string;
  publisher: string;
  date: string;
  /** The date as people write it in the book's language: 2024年3月7日, March 7, 2024. */
  dateText: string;
  identifier: string;
  edition: string;
  description: string;
  rights: string;
  subjects: string[];
  sourceSha256: string;
  /** Editorial corrections from book.yaml that were applied. */
  correctionsCount: number;
  /** Automatic repairs applied (punctuation, paragraphs, duplicates). */
  automaticCount: number;
  changesCount: number;
  reviewCount: number;
  changesByRule: { rule: string; description: string; count: number }[];
  /** The colophon's line on corrections, in the book's language. */
  correctionsText: string;
  toc: TocEntry[];
  strings: Strings;
}

export function buildView(input: { config: BookConfig; tree: Transcript; changes: Change[]; sourceSha256: string; templates: TemplateSet }): BookView {
  const { config, tree, changes } = input;
  const applied = changes.filter((c) => c.applied);
  const byRule = new Map<string, number>();
  for (const c of applied) byRule.set(c.rule, (byRule.get(c.rule) ?? 0) + 1);
  const strings = loadStrings(input.templates, config.language);
  const correctionsCount = applied.filter((c) => c.rule === 'correction').length;
  const automaticCount = applied.length - correctionsCount;
  return {
    lang: config.language,
    title: config.title,
    subtitle: config.subtitle,
    transcriptTitle: titleText(tree) || config.title,
    titleUnits: titleUnits(config.title, config.language),
    transcriptTitleUnits: titleUnits(titleText(tree) || config.title, config.language),
    speaker: config.speaker,
    author: config.author ?? config.speaker,
    contributors: config.contributors.map((c, i) => ({ id: `contributor-${i + 1}`, name: c.name, role: c.role })),
    certifiedBy: config.epub.certifiedBy,
    source: config.source,
    publisher: config.publisher ?? config.source,
    date: config.date,
    dateText: dateText(config.date, config.language),
    identifier: config.id,
    edition: config.edition,
    description: config.description,
    rights: config.rights,
    subjects: config.subjects,
    sourceSha256: input.sourceSha256,
    correctionsCount, automaticCount,
    correctionsText: formatString(strings, 'correctionsText', { correctionsCount, automaticCount }),
    changesCount: applied.length,
    reviewCount: changes.length - applied.length,
    changesByRule: [...byRule].map(([rule, count]) => ({ rule, description: formatString(strings, ruleDescriptionKey(rule)), count })),
    toc: contentsHeadings(sections(tree), strings.questionsAndAnswers!),
    strings,
  };
}

/**
 * The sections as the contents list them. A professional edition's contents is a finding aid for the
 * document's parts: the opening remarks and statements, the headings the editor wrote (book.yaml
 * `sections`) or the document printed (一、…). A question whose heading was only made up from its first
 * words (`Karine`, `How are you doing`) is no part: a run of such questions is listed once, as
 * `Questions and Answers` at its first question; the questions' topics are found through the index.
 */
export function contentsHeadings(list: Section[], questionsAndAnswers: string): TocEntry[] {
  return list.map((s, i) => {
    const made = s.role === 'question' && s.headingSource === 'auto';
    const runStart = made && !(list[i - 1]?.role === 'question' && list[i - 1]?.headingSource === 'auto');
    return { id: s.id, heading: s.heading, contents: !made ? s.heading : runStart ? questionsAndAnswers : null };
  });
}

/**
 * A YYYY-MM-DD date as the language writes it (2024年3月7日, March 7, 2024), from ICU's data for that
 * language: fixed by the tag and the UTC zone, never by the machine's locale or time zone.
 */
export function dateText(date: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  } catch {
    return date;
  }
}

/** The book's date (book.yaml `date`) as midnight UTC: what files are stamped with when no SOURCE_DATE_EPOCH is set. */
export function bookDate(view: Pick<BookView, 'date'>): Date {
  return new Date(`${view.date}T00:00:00Z`);
}
