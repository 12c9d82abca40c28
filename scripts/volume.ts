// A bound volume (issue #27): a folder in source/ whose volume.yaml lists book folders (or a pattern
// over them), bound in date order into one EPUB and one PDF. Each part is read exactly as a book is
// (prepareBook: the same reader, corrections, notes, change report); the volume then
// - gives every id of a part a prefix (`v3-s2`), so the parts' anchors stay apart;
// - wraps each part in a `part` container with its heading (date and title), dateline and sections;
// - merges every part's curated and automatic topics into one list and marks them once on the whole
//   volume, so the index has one entry per term with its locators (and page ranges) across all parts;
// - keeps each part's notes numbered as in the part (1, 2, … in every part), closing its sections;
// - builds the volume's view (title page, contents grouped by part), its matter and the running heads;
// - hands the build the same `Edition` a book gives (volumeEdition): one pipeline writes both.
// Too big a volume is refused before anything is read or rendered (TP190), with how to split it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Element } from 'hast';
import { readBookConfig, readVolumeConfig } from './config/load.ts';
import type { Topic, VolumeConfig } from './config/schema.ts';
import { fail, type Diagnostic } from './core/diagnostics.ts';
import { sha256 } from './core/files.ts';
import { epubIndexTree, markTopics, printIndexTree, topicPositions, type IndexModel, type PageLookup } from './index/index.ts';
import { flattenTopics } from './index/model.ts';
import type { Block, Container, Matter, Note, Paragraph, Section, Transcript } from './model/types.ts';
import { sections as sectionsOf, walk } from './model/walk.ts';
import { prepareBook, printNote, renderOptions, checkGlyphs, type Edition, type PreparedBook } from './prepare.ts';
import { editorialNote, loadMatter, type MatterVariables } from './markdown/matter.ts';
import { renderBlock, renderBodyTree } from './render/html.ts';
import { sectionBreakFor } from './render/sections.ts';
import { volumeReportHtml } from './writers/report.ts';
import { formatString } from './lang/strings.ts';
import { dateText, type BookView, type TocEntry } from './render/variables.ts';
import { titleUnits } from './render/lines.ts';
import { loadStrings } from './lang/strings.ts';
import { MAX_CHARS, type LoadOptions } from './book.ts';
import type { ChangeReport } from './writers/report.ts';

export const VOLUME_FILE = 'volume.yaml';
/** Most parts one volume binds: a year of working-day briefings (about 250) fits with room to spare. */
export const MAX_VOLUME_PARTS = 400;
/** Most text one volume lays out: the one-book limit (about 1,300 A5 pages, 15 minutes on 2 cores). */
export const MAX_VOLUME_CHARS = MAX_CHARS;

export interface VolumePart {
  /** `part-3`: the part's element id (named page, EPUB document). */
  id: string;
  book: PreparedBook;
  /** The part's date as its language writes it, and its title. */
  dateText: string;
  title: string;
  /** Running head and contents line: date and title. */
  heading: string;
  block: Container;
  sections: Section[];
}

export interface PreparedVolume {
  id: string;
  dir: string;
  configFile: string;
  config: VolumeConfig;
  parts: VolumePart[];
  tree: Transcript;
  notes: Note[];
  index: IndexModel;
  view: BookView;
  reports: ChangeReport[];
  /** The editorial note with the volume's own counts and checksum, as the document model. */
  note: Matter;
  /** The volume's own front and back matter in Markdown (volume.yaml `matter`). */
  matter: Matter[];
  printIndex: (pages: PageLookup) => Element | null;
  epubIndex: (pages: PageLookup, hrefOf: (id: string) => string) => Element | null;
  diagnostics: Diagnostic[];
}

export const isVolumeDir = (dir: string) => existsSync(join(dir, VOLUME_FILE));

const show = (p: string) => relative(process.cwd(), p) || p;

/** A pattern's last segment (`mfa-2022-*`) as a regular expression: * any run, ? one character. */
function segmentPattern(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** The parts' folders, in date order (then by folder name): each names a folder holding book.yaml. */
export function resolveParts(dir: string, config: VolumeConfig, configFile: string, place: (p: (string | number)[]) => ReturnType<ReturnType<typeof readVolumeConfig>['place']>): string[] {
  const found: string[] = [];
  config.parts.forEach((pattern, i) => {
    const where = place(['parts', i]) ?? { file: configFile };
    if (/[*?]/.test(pattern)) {
      const parent = resolve(dir, dirname(pattern));
      if (/[*?]/.test(dirname(pattern))) fail('TP191', { pattern, reason: 'only the last segment may hold * or ?' }, where);
      const re = segmentPattern(basename(pattern));
      const matches = existsSync(parent) ? readdirSync(parent).filter((n) => re.test(n) && existsSync(join(parent, n, 'book.yaml'))).map((n) => join(parent, n)) : [];
      if (!matches.length) fail('TP191', { pattern, reason: `matches no book folder in ${show(parent)}` }, where);
      found.push(...matches);
    } else {
      const path = resolve(dir, pattern);
      if (!existsSync(join(path, 'book.yaml'))) fail('TP191', { pattern, reason: `${show(path)} holds no book.yaml` }, where);
      found.push(path);
    }
  });
  const unique = [...new Set(found)];
  const dated = unique.map((d) => ({ dir: d, date: readBookConfig(join(d, 'book.yaml'), show(join(d, 'book.yaml'))).config.date }));
  return dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : basename(a.dir) < basename(b.dir) ? -1 : 1)).map((d) => d.dir);
}

/** TP190 before anything is rendered: the limit named, and where to split (groups of whole parts, in date order). */
function refuse(what: string, count: number, limit: number, sizes: { dir: string; size: number }[], configFile: string): never {
  const groups: { from: string; to: string }[] = [];
  let used = 0;
  const per = what === 'parts' ? 1 : 0;
  for (const s of sizes) {
    const add = per || s.size;
    if (!groups.length || used + add > limit) { groups.push({ from: basename(s.dir), to: basename(s.dir) }); used = 0; }
    groups[groups.length - 1].to = basename(s.dir);
    used += add;
  }
  fail('TP190', { what, count, limit, volumes: groups.length, split: groups.map((g) => `${g.from} … ${g.to}`).join('; ') }, { file: configFile });
}

/** The volume read: every part prepared as a book, bound, its topics marked once. */
export function prepareVolume(volumeDir: string, options: LoadOptions = {}): PreparedVolume {
  const { dir, configFile, config, place, books } = readParts(volumeDir, options);
  const language = place(['language']) ? config.language : books[0].view.lang;
  const parts = books.map((b, i) => bindPart(b, i + 1, language));
  const notes = parts.flatMap((p) => p.notes);
  const tree: Transcript = { type: 'transcript', children: parts.map((p) => p.part.block) };
  // One index: every part's topics (curated, and automatic where its book.yaml chose them) merged by
  // term, marked once on the whole volume.
  const chosen = volumeTopics(config, books);
  const { index, diagnostics: indexDiagnostics } = markTopics(tree, chosen.topics, configFile,
    topicPositions(config.topics, place), { automaticFrom: chosen.curated });
  const view = volumeView(config, books, parts.map((p) => p.part), language);
  const first = books[0];
  const vars: MatterVariables = {
    title: view.title, source: view.source, corrections: view.correctionsCount, automatic: view.automaticCount,
    review: view.reviewCount, notes: notes.length, sourceSha256: view.sourceSha256,
  };
  const { matter, diagnostics: matterDiagnostics } = loadMatter(config.matter, {
    bookDir: dir, configFile, showDir: show(dir), vars, fileAt: (i) => place(['matter', i, 'file']),
  });
  const note = editorialNote(first.templates, language, view.strings.editorialNote ?? '', vars);
  const s = view.strings;
  const words = { index: s.index!, see: s.see!, seeAlso: s.seeAlso!, xrefSeparator: s.xrefSeparator!, locatorSeparator: s.locatorSeparator! };
  return {
    id: basename(dir), dir, configFile, config, parts: parts.map((p) => p.part), tree, notes, index, view, matter,
    reports: books.map((b) => b.report), note: note.matter,
    printIndex: (pages) => printIndexTree(index, pages, words),
    epubIndex: (pages, hrefOf) => epubIndexTree(index, pages, words, hrefOf),
    diagnostics: [...books.flatMap((b) => b.diagnostics), ...indexDiagnostics, ...matterDiagnostics, ...note.diagnostics],
  };
}

/** volume.yaml read, its parts found and each prepared as a book; too big a volume refused (TP190). */
function readParts(volumeDir: string, options: LoadOptions) {
  const dir = resolve(volumeDir);
  const configPath = join(dir, VOLUME_FILE);
  const configFile = show(configPath);
  const { config, place } = readVolumeConfig(configPath, configFile);
  const dirs = resolveParts(dir, config, configFile, place);
  // Up front, from the files alone: too many parts, or more transcript than a volume lays out.
  if (dirs.length > MAX_VOLUME_PARTS) refuse('parts', dirs.length, MAX_VOLUME_PARTS, dirs.map((d) => ({ dir: d, size: 1 })), configFile);
  const sizes = dirs.map((d) => ({ dir: d, size: statSync(join(d, 'transcript.txt'), { throwIfNoEntry: false })?.size ?? 0 }));
  // UTF-8 bytes are at least the characters (3 per CJK character): a sure refusal without reading.
  const bytes = sizes.reduce((n, s) => n + s.size, 0);
  if (bytes > MAX_VOLUME_CHARS * 3) refuse('bytes of transcript', bytes, MAX_VOLUME_CHARS * 3, sizes, configFile);
  const books = dirs.map((d) => prepareBook(d, { ...options, markTopics: false }));
  const chars = books.map((b, i) => ({ dir: dirs[i], size: b.book.read.blocks.reduce((n, t) => n + t.length, 0) }));
  const total = chars.reduce((n, c) => n + c.size, 0);
  if (total > MAX_VOLUME_CHARS) refuse('characters', total, MAX_VOLUME_CHARS, chars, configFile);
  return { dir, configFile, config, place, books };
}

/**
 * The volume's topics: its own and every part's curated ones merged by term first, then every part's
 * automatic ones (where its book.yaml `index` chose them) merged by term, less any term or alias a
 * curated topic already has. `index: curated` in volume.yaml leaves the automatic ones out.
 */
export function volumeTopics(config: Pick<VolumeConfig, 'topics' | 'index'>, books: Pick<PreparedBook, 'topics' | 'book'>[]): { topics: Topic[]; curated: number } {
  const curated = mergeTopics([config.topics, ...books.map((b) => b.book.config.topics)]);
  if (config.index === 'curated') return { topics: curated, curated: curated.length };
  const literal = (a: string) => !/^\/.+\/[a-z]*$/s.test(a);
  const taken = new Set(flattenTopics(curated).flatMap((f) => [f.topic.term, ...(f.topic.aliases ?? []).filter(literal)]));
  // bookTopics puts a part's curated topics (the very objects of its book.yaml) before its automatic ones.
  const automatic = mergeTopics(books.map((b) => b.topics.filter((t) => !b.book.config.topics.includes(t))))
    .filter((t) => !taken.has(t.term))
    .map((t) => ({ ...t, aliases: t.aliases.filter((a) => !taken.has(a)) }));
  return { topics: [...curated, ...automatic], curated: curated.length };
}

/** The volume's view: its own title page and colophon (sums over the parts), contents grouped by part. */
function volumeView(config: VolumeConfig, books: PreparedBook[], parts: VolumePart[], language: string): BookView {
  const first = books[0];
  const strings = loadStrings(first.templates, language);
  const mostCommon = (values: string[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const speaker = config.speaker ?? mostCommon(books.map((b) => b.view.author));
  const source = config.source ?? mostCommon(books.map((b) => b.view.source));
  const last = books[books.length - 1].view;
  const span = config.dates ?? (first.view.date === last.date ? dateText(first.view.date, language) : `${dateText(first.view.date, language)} – ${dateText(last.date, language)}`);
  const toc: TocEntry[] = parts.flatMap((p) => [
    { id: p.id, heading: p.heading, level: 'part' as const },
    ...p.sections.map((s) => ({ id: s.id, heading: s.heading, level: 'section' as const })),
  ]);
  const sum = (f: (v: BookView) => number) => books.reduce((n, b) => n + f(b.view), 0);
  const view: BookView = {
    ...first.view, lang: language, strings,
    title: config.title, subtitle: config.subtitle ?? span, transcriptTitle: config.title,
    titleUnits: titleUnits(config.title, language), transcriptTitleUnits: titleUnits(config.title, language),
    // A volume of many spokespeople is the institution's: its author is book.yaml's `author`, else the source.
    speaker, author: config.author ?? source, source, publisher: config.publisher ?? source, date: config.date ?? first.view.date, dateText: span,
    contributors: [...(config.editor ? [{ id: 'contributor-1', name: config.editor, role: 'edt' }] : []),
      ...config.contributors.map((c, i) => ({ id: `contributor-${i + 2}`, name: c.name, role: c.role }))],
    certifiedBy: config.epub.certifiedBy, identifier: config.id, edition: config.edition, description: config.description,
    rights: config.rights, subjects: config.subjects,
    sourceSha256: sha256(books.map((b) => b.book.sourceSha256).join('\n')),
    correctionsCount: sum((v) => v.correctionsCount), automaticCount: sum((v) => v.automaticCount),
    changesCount: sum((v) => v.changesCount), reviewCount: sum((v) => v.reviewCount),
    toc,
  };
  view.correctionsText = formatString(strings, 'correctionsText', { correctionsCount: view.correctionsCount, automaticCount: view.automaticCount });
  return view;
}

/** One part: ids prefixed (its notes keep their numbers: each part numbers its own from 1), wrapped with its heading. */
function bindPart(b: PreparedBook, n: number, language: string): { part: VolumePart; notes: Note[] } {
  const prefix = `v${n}-`;
  const tree = b.book.read.tree;
  walk(tree, (node) => {
    const x = node as { id?: string; note?: string };
    if (node.type !== 'speaker' && typeof x.id === 'string') x.id = prefix + x.id;
    if (node.type === 'noteRef') x.note = prefix + x.note;
  });
  const sections = sectionsOf(tree);
  const notes = b.notes.map((note) => ({ ...note, id: prefix + note.id, refId: prefix + note.refId,
    // A note called before the first section closes the part's first section.
    section: note.section ? prefix + note.section : sections[0]?.id ?? null }));
  const id = `part-${n}`;
  const title = b.view.transcriptTitle || b.view.title;
  const date = dateText(b.view.date, language);
  const shown = titleWithoutDate(title, date, b.view.date);
  const para = (pid: string, value: string): Paragraph => ({ type: 'paragraph', id: pid, children: [{ type: 'text', value }] });
  const heading: Container = { type: 'container', name: 'part-title', attributes: { id: `${id}-h` }, children: [para(`${id}-d`, date), para(`${id}-t`, shown)] };
  const body = tree.children.filter((c) => c.type !== 'title') as Block[];
  const block: Container = { type: 'container', name: 'part', attributes: { id, 'aria-labelledby': `${id}-h` }, children: [heading, ...body] };
  return { part: { id, book: b, dateText: date, title, heading: `${date} ${shown}`, block, sections }, notes };
}

/**
 * A part's title as printed after its date: briefing titles often carry the date already, at the start
 * (2022年3月18日外交部发言人…) or at the end (Daily Press Briefing – February 4, 2016; …, Jan. 27, 2015);
 * the part heading prints it once.
 */
export function titleWithoutDate(title: string, date: string, iso: string): string {
  const bare = (t: string) => t.replace(/\s+/g, '');
  if (bare(title).startsWith(bare(date))) return title.slice(title.indexOf(date.slice(-2)) + 2).trim() || title;
  const day = new Date(`${iso}T00:00:00Z`);
  const month = (style: 'long' | 'short') => new Intl.DateTimeFormat('en', { month: style, timeZone: 'UTC' }).format(day);
  const d = day.getUTCDate();
  const y = day.getUTCFullYear();
  const trailing = new RegExp(`[\\s,:;–—-]*\\(?(?:${month('long')}|${month('short')}\\.?)\\s+${d},?\\s+${y}\\)?\\s*$`);
  return title.replace(trailing, '').trim() || title;
}

/** Topics of all parts, one per term: aliases, sub-topics and cross-references merged. */
export function mergeTopics(lists: Topic[][]): Topic[] {
  const byTerm = new Map<string, Topic>();
  for (const list of lists) {
    for (const t of list) {
      const had = byTerm.get(t.term);
      if (!had) { byTerm.set(t.term, { ...t, aliases: [...t.aliases], sub: [...t.sub], seeAlso: [...t.seeAlso] }); continue; }
      for (const a of t.aliases) if (!had.aliases.includes(a)) had.aliases.push(a);
      had.sub = mergeTopics([had.sub, t.sub]);
      had.see ??= t.see;
      had.seeAlso = [...new Set([...had.seeAlso, ...t.seeAlso])];
    }
  }
  return [...byTerm.values()];
}

/** A prepared volume as an edition: the parts as named pages (PDF) and documents (EPUB), one index. */
export function volumeEdition(v: PreparedVolume): Edition {
  const { view } = v;
  const templates = v.parts[0].book.templates;
  const matter = (flavour: 'html') => v.matter.map((m) => ({ id: m.id, heading: m.title, place: m.place, tree: renderBlock(m, renderOptions(view, flavour)) }));
  return {
    id: v.id, view, templates, diagnostics: v.diagnostics,
    glyphs: async () => {
      const all = await Promise.all(v.parts.map((p) => checkGlyphs(p.book)));
      return { missing: [...new Set(all.flatMap((g) => g.missing))], diagnostics: all.flatMap((g) => g.diagnostics) };
    },
    // The change report covers every part, in the volume's order.
    reports: () => ({
      json: JSON.stringify({ volume: v.id, parts: v.reports }, null, 2) + '\n',
      html: volumeReportHtml(v.parts.map((p) => ({ report: p.book.report, view: p.book.view })), view),
    }),
    stamp: (ctx) => ctx.stamp(v.config.modified ? new Date(`${v.config.modified}T00:00:00Z`) : undefined),
    pdfInput: (o) => ({
      view, body: (pages) => renderBodyTree(v.tree, renderOptions(view, 'html', { notes: v.notes, pages })),
      matter: matter('html'), index: v.printIndex, note: printNote(v.note, view), templates, trim: v.config.trim,
      browser: o.browser, workDir: o.workDir, date: o.date, print: { ...v.config.print, sectionBreak: 'space' },
      missingGlyphs: o.missingGlyphs, runningParts: v.parts.map((p) => ({ id: p.id, heading: p.heading })),
    }),
    epubInput: (o) => ({
      tree: v.tree, view, templates, pageMap: o.pageMap, pageTexts: o.pageTexts, index: v.epubIndex, note: v.note,
      matter: v.matter, notes: v.notes, modified: o.modified, browser: o.browser, embedFont: v.config.epub.embedFont,
      sectionBreak: sectionBreakFor(v.tree, 'space', false), onCover: o.onCover,
      parts: v.parts.map((p) => ({ id: p.id, heading: p.heading, block: p.block, sections: p.sections })),
    }),
    entry: {
      id: v.id, kind: 'volume', identifier: view.identifier, title: view.title, subtitle: view.subtitle, author: view.author,
      speaker: view.author, institution: view.source, publisher: view.publisher, language: view.lang, date: view.date,
      subjects: view.subjects, description: view.description,
    },
  };
}
