// The variables object every template sees. Writers add medium-specific fields (page numbers,
// file URLs); the common part is built here once.
import type { BookConfig } from '../config/schema.ts';
import type { Transcript } from '../model/types.ts';
import type { Change } from '../reader/changes.ts';
import { sections, titleText } from '../model/walk.ts';
import type { TemplateSet } from './templates.ts';
import { readTemplate } from './templates.ts';

export type Strings = Record<string, string>;

export interface TocEntry {
  id: string;
  heading: string;
  /** Print page label, filled in by the PDF stage. */
  page?: string;
}

export interface BookView {
  lang: string;
  title: string;
  subtitle?: string;
  /** The transcript's own title line, or book.yaml `title` when the transcript has none. */
  transcriptTitle: string;
  speaker: string;
  source: string;
  publisher: string;
  date: string;
  /** The date as people write it in the book's language: 2024年3月7日. */
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
  toc: TocEntry[];
  strings: Strings;
}

export function buildView(input: { config: BookConfig; tree: Transcript; changes: Change[]; sourceSha256: string; templates: TemplateSet; ruleNames: Record<string, string> }): BookView {
  const { config, tree, changes } = input;
  const applied = changes.filter((c) => c.applied);
  const byRule = new Map<string, number>();
  for (const c of applied) byRule.set(c.rule, (byRule.get(c.rule) ?? 0) + 1);
  const [y, m, d] = config.date.split('-').map(Number);
  return {
    lang: config.language,
    title: config.title,
    subtitle: config.subtitle,
    transcriptTitle: titleText(tree) || config.title,
    speaker: config.speaker,
    source: config.source,
    publisher: config.publisher ?? config.source,
    date: config.date,
    dateText: config.language.startsWith('zh') ? `${y}年${m}月${d}日` : config.date,
    identifier: config.id,
    edition: config.edition,
    description: config.description,
    rights: config.rights,
    subjects: config.subjects,
    sourceSha256: input.sourceSha256,
    correctionsCount: applied.filter((c) => c.rule === 'correction').length,
    automaticCount: applied.filter((c) => c.rule !== 'correction').length,
    changesCount: applied.length,
    reviewCount: changes.length - applied.length,
    changesByRule: [...byRule].map(([rule, count]) => ({ rule, description: input.ruleNames[rule] ?? rule, count })),
    toc: sections(tree).map((s) => ({ id: s.id, heading: s.heading })),
    strings: JSON.parse(readTemplate(input.templates, 'strings.json')) as Strings,
  };
}

/** The book's date (book.yaml `date`) as midnight UTC: what files are stamped with when no SOURCE_DATE_EPOCH is set. */
export function bookDate(view: Pick<BookView, 'date'>): Date {
  return new Date(`${view.date}T00:00:00Z`);
}
