// Which topics a book's index is made of (book.yaml `index: auto | curated | both`): the curated
// `topics:`, the automatic ones found in the text (candidates.ts), or both, the curated first. The
// result goes through the same matching as curated topics (match.ts), so automatic entries get the
// same exact pages in print and EPUB. A plain function over the tree (STYLE.md §6).
import type { BookConfig, Topic } from '../config/schema.ts';
import type { Transcript } from '../model/types.ts';
import { walk, inlineText } from '../model/walk.ts';
import { diagnostic, type Diagnostic, type Where } from '../core/diagnostics.ts';
import { autoEntries, entriesToTopics, type AutoEntry } from './candidates.ts';
import { flattenTopics } from './model.ts';

export type IndexMode = 'auto' | 'curated' | 'both';

export interface BookTopics {
  mode: IndexMode;
  /** Curated topics first, then automatic ones. */
  topics: Topic[];
  /** How many of `topics` (at the start) are curated: the rest are automatic. */
  curated: number;
  /** The automatic entries with their kinds and counts (for `index suggest` and the report). */
  auto: AutoEntry[];
  diagnostics: Diagnostic[];
}

/** The body text: paragraphs and the dateline, not speaker labels, headings or the title. */
/** The fields of a news database's record whose values file the text (not BYLINE or GUESTS: their names are the text's). */
const DATABASE_FIELD = /^(?:SECTION|LENGTH|LANGUAGE|LOAD-DATE|PUBLICATION-TYPE|DOCUMENT-TYPE|JOURNAL-CODE)$/u;

export function indexableText(tree: Transcript): string {
  const parts: string[] = [];
  walk(tree, (n) => {
    if (n.type === 'title' || n.type === 'speaker') return false;
    // A news database's filing fields (SECTION: NEWS; International, LENGTH: 8869 words) are no matter of the text.
    if (n.type === 'turn' && DATABASE_FIELD.test(n.speaker.label)) return false;
    if (n.type === 'paragraph' || n.type === 'dateline') { parts.push(inlineText(n.children)); return false; }
  });
  return parts.join('\n');
}

/**
 * The head lines before the first turn: the dateline and the short lines that name the occasion and its
 * medium (Via Teleconference, Q2 2020 Earnings Call, Commons Chamber), as furniture, not as the book's words.
 * A text with no turn at all (a statement read by one voice) has no head: its short lines are its headings.
 */
export function headLines(tree: Transcript): string[] {
  const lines: string[] = [];
  let body = false;
  walk(tree, (n) => {
    if (body) return false;
    if (n.type === 'turn' || n.type === 'speaker') { body = true; return false; }
    if (n.type === 'paragraph' || n.type === 'dateline') { lines.push(inlineText(n.children)); return false; }
  });
  return body ? lines : [];
}

/** `index:` as written, or its default: `auto` without `topics:`, `curated` with them. */
export function indexMode(config: Pick<BookConfig, 'index' | 'topics'>): IndexMode {
  return config.index ?? (config.topics.length ? 'curated' : 'auto');
}

/** What never becomes an entry: the title, role labels (问, 答, 记者, QUESTION, 行政长官) and the principals. */
export function bannedTerms(tree: Transcript, config: Pick<BookConfig, 'title' | 'speaker' | 'speakers'>): { title: string; labels: string[]; principals: string[] } {
  const labels: string[] = [];
  const principals = [config.speaker, ...config.speakers];
  let title = config.title;
  walk(tree, (n) => {
    if (n.type === 'title') { title = inlineText(n.children) || title; return false; }
    if (n.type === 'speaker') {
      if (n.role === 'principal') principals.push(n.name, n.label);
      else if (n.role !== 'other') labels.push(n.label);
      else labels.push(n.label);
    }
  });
  return { title, labels, principals };
}

/** The automatic entries of a book's text. */
export function autoIndex(tree: Transcript, config: Pick<BookConfig, 'title' | 'speaker' | 'speakers' | 'language'>, exclude: Iterable<string> = [], size?: number): AutoEntry[] {
  const banned = bannedTerms(tree, config);
  return autoEntries(indexableText(tree), { language: config.language, ...banned, exclude, size, speakers: labelSpeakers(tree), head: headLines(tree) });
}

/** Who the labels name, principals left out (their words fill every page), each label once. */
export function labelSpeakers(tree: Transcript): { name: string; label: string; principal?: boolean }[] {
  const out = new Map<string, { name: string; label: string; principal?: boolean }>();
  walk(tree, (n) => {
    if (n.type !== 'speaker') return;
    // A principal's label names no entry of the person (their words fill the book), but its seat and party may be.
    if (!n.implicit && n.name) out.set(n.label, { name: n.name, label: n.label, ...(n.role === 'principal' ? { principal: true } : {}) });
    return false;
  });
  return [...out.values()];
}

/**
 * The topics of a book's index. `index: curated` with no topics leaves the book without an index
 * (TP170); `index: auto` with curated topics leaves them unused (TP171).
 */
export function bookTopics(tree: Transcript, config: Pick<BookConfig, 'index' | 'topics' | 'title' | 'speaker' | 'speakers' | 'language'>, where: Where): BookTopics {
  const mode = indexMode(config);
  const diagnostics: Diagnostic[] = [];
  if (mode === 'curated') {
    if (config.index === 'curated' && config.topics.length === 0) diagnostics.push(diagnostic('TP170', {}, where));
    return { mode, topics: config.topics, curated: config.topics.length, auto: [], diagnostics };
  }
  if (mode === 'auto' && config.topics.length) diagnostics.push(diagnostic('TP171', { count: config.topics.length }, where));
  const curated = mode === 'both' ? config.topics : [];
  const taken = flattenTopics(curated).flatMap((f) => [f.topic.term, ...(f.topic.aliases ?? []).filter((a) => !/^\/.+\/[a-z]*$/s.test(a))]);
  const auto = autoIndex(tree, config, taken);
  return { mode, topics: [...curated, ...entriesToTopics(auto)], curated: curated.length, auto, diagnostics };
}
