// The catalogue as files: an OPDS 1.2 acquisition feed (`catalog.xml`, Atom, what KOReader, calibre
// and Thorium read) and the same entries as an OPDS 2.0 feed (`catalog.json`), plus navigation feeds
// grouping the entries by year, by speaker and by institution, each group an acquisition feed of its own.
// A pure function of the entries: no clock (a feed's `updated` is its newest entry's edition date),
// entries in a fixed order (newest event first, then by id), so equal entries give equal bytes.
import { sha256 } from '../core/files.ts';
import { xmlChars, xmlDocument } from '../render/xml.ts';
import type { CatalogEntry, EntryFile } from './entry.ts';
import { isChinese } from '../lang/language.ts';

/** An entry and where its output folder is, relative to the catalogue's root (URL path segments, encoded). */
export interface PlacedEntry { entry: CatalogEntry; base: string }

export const ACQUISITION = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
export const NAVIGATION = 'application/atom+xml;profile=opds-catalog;kind=navigation';
export const OPDS2 = 'application/opds+json';
/** Namespace of the one attribute OPDS 1.2 has no word for: a file's SHA-256 on its link. */
export const TP_NS = 'urn:x-transcript-press:catalog';

/** The catalogue's words (the feeds mix the books' languages, so one set of English labels). */
const WORDS = {
  root: 'Transcripts', byYear: 'By year', bySpeaker: 'By speaker', byInstitution: 'By institution',
  year: (y: string) => y, undated: 'Undated', noSource: 'Source not named', group: (kind: string, name: string) => `${kind}: ${name}`,
};

/** A URL path from folder names: each segment percent-encoded. */
export function urlPath(...segments: string[]): string {
  return segments.flatMap((s) => s.split('/')).filter(Boolean).map((s) => encodeURIComponent(s)).join('/');
}

/** A file-name-safe, stable slug for a group name (any script): ASCII words plus a short hash. */
export function slug(name: string): string {
  const ascii = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');
  return `${ascii ? ascii + '-' : ''}${sha256(name).slice(0, 8)}`;
}

const order = (a: PlacedEntry, b: PlacedEntry) =>
  (a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : 0) || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0);

const newest = (entries: PlacedEntry[], fallback: string) =>
  entries.reduce((m, e) => (e.entry.modified > m ? e.entry.modified : m), entries.length ? '' : fallback) || fallback;

interface Group { key: string; title: string; entries: PlacedEntry[] }

function groupBy(entries: PlacedEntry[], kind: string, label: string, name: (e: CatalogEntry) => string, keyOf: (n: string) => string, desc = false): Group[] {
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const n = name(e.entry) || '?';
    const key = `${kind}-${keyOf(n)}`;
    if (!groups.has(key)) groups.set(key, { key, title: label === '' ? n : WORDS.group(label, n), entries: [] });
    groups.get(key)!.entries.push(e);
  }
  return [...groups.values()].sort((a, b) => (desc ? -1 : 1) * (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

interface Feed {
  /** File name without extension (catalog, catalog-year-2024, …). */
  name: string;
  title: string;
  kind: 'acquisition' | 'navigation';
  entries?: PlacedEntry[];
  children?: { name: string; title: string; count: number; kind: 'acquisition' | 'navigation' }[];
}

/** Every feed of the catalogue, as file name → text (`.xml` OPDS 1.2, `.json` OPDS 2.0). */
export function catalogFiles(placed: PlacedEntry[], options: { id?: string; fallbackDate?: string } = {}): Map<string, string> {
  const id = options.id ?? 'urn:x-transcript-press:catalog';
  const fallback = options.fallbackDate ?? '1970-01-01T00:00:00Z';
  const entries = [...placed].sort(order);
  // A book without a date (book.yaml gave none, the transcript's head neither) is listed under Undated.
  const years = groupBy(entries, 'year', '', (e) => e.date.slice(0, 4) || WORDS.undated, (n) => (n === WORDS.undated ? 'undated' : n), true);
  const speakers = groupBy(entries, 'speaker', '', (e) => e.speaker || e.author, slug);
  const institutions = groupBy(entries, 'institution', '', (e) => e.institution || e.publisher || WORDS.noSource, slug);
  const navs: [string, string, Group[]][] = [['catalog-by-year', WORDS.byYear, years], ['catalog-by-speaker', WORDS.bySpeaker, speakers], ['catalog-by-institution', WORDS.byInstitution, institutions]];
  const feeds: Feed[] = [
    { name: 'catalog', title: WORDS.root, kind: 'acquisition', entries },
    ...navs.flatMap(([name, title, groups]) => [
      { name, title, kind: 'navigation' as const, children: groups.map((g) => ({ name: `catalog-${g.key}`, title: g.title, count: g.entries.length, kind: 'acquisition' as const })) },
      ...groups.map((g) => ({ name: `catalog-${g.key}`, title: g.title, kind: 'acquisition' as const, entries: g.entries })),
    ]),
  ];
  const files = new Map<string, string>();
  for (const feed of feeds) {
    const updated = newest(feed.entries ?? entries, fallback);
    files.set(`${feed.name}.xml`, atomFeed(feed, { id, updated, navs }));
    files.set(`${feed.name}.json`, opds2Feed(feed, { updated, navs }));
  }
  return files;
}

// ---- OPDS 1.2 (Atom) ----

const esc = (s: string) => xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${esc(text)}</${name}>`;

interface FeedContext { id: string; updated: string; navs: [string, string, Group[]][] }

function atomFeed(feed: Feed, ctx: FeedContext): string {
  const type = feed.kind === 'acquisition' ? ACQUISITION : NAVIGATION;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog" xmlns:tp="${TP_NS}">`,
    `  ${el('id', feed.name === 'catalog' ? ctx.id : `${ctx.id}:${feed.name.replace(/^catalog-/, '')}`)}`,
    `  ${el('title', feed.title)}`,
    `  ${el('updated', ctx.updated)}`,
    `  <author>${el('name', 'transcript-press')}</author>`,
    `  <link rel="self" href="${esc(feed.name)}.xml" type="${type}"/>`,
    `  <link rel="start" href="catalog.xml" type="${ACQUISITION}"/>`,
    ...(feed.name === 'catalog' ? [] : [`  <link rel="up" href="catalog.xml" type="${ACQUISITION}"/>`]),
    `  <link rel="alternate" href="${esc(feed.name)}.json" type="${OPDS2}"/>`,
    // Every feed offers the three ways in; an acquisition feed also as facets (clients show them as filters).
    ...ctx.navs.map(([name, title]) => `  <link rel="subsection" href="${name}.xml" type="${NAVIGATION}" title="${esc(title)}"/>`),
    ...(feed.kind === 'acquisition' ? ctx.navs[0][2].map((g) =>
      `  <link rel="http://opds-spec.org/facet" href="catalog-${g.key}.xml" type="${ACQUISITION}" title="${esc(g.title)}" opds:facetGroup="${esc(WORDS.byYear)}"${feed.name === `catalog-${g.key}` ? ' opds:activeFacet="true"' : ''}/>`) : []),
  ];
  for (const child of feed.children ?? []) {
    lines.push('  <entry>', `    ${el('title', child.title)}`, `    ${el('id', `${ctx.id}:${child.name.replace(/^catalog-/, '')}`)}`,
      `    ${el('updated', ctx.updated)}`, `    ${el('content', `${child.count} ${child.count === 1 ? 'publication' : 'publications'}`, ' type="text"')}`,
      `    <link rel="subsection" href="${esc(child.name)}.xml" type="${child.kind === 'acquisition' ? ACQUISITION : NAVIGATION}"/>`, '  </entry>');
  }
  for (const { entry, base } of feed.entries ?? []) lines.push(...atomEntry(entry, base));
  lines.push('</feed>', '');
  return xmlDocument(lines.join('\n'));
}

function atomLink(f: EntryFile, base: string): string {
  const acquisition = f.rel.includes('acquisition');
  return `    <link rel="${f.rel}" href="${esc(urlPath(base, f.href))}" type="${esc(f.type)}"` +
    `${acquisition ? ` length="${f.size}"` : ''} tp:sha256="${f.sha256}"/>`;
}

function atomEntry(e: CatalogEntry, base: string): string[] {
  return [
    '  <entry>',
    `    ${el('title', e.subtitle ? `${e.title}${isChinese(e.language) ? '：' : ': '}${e.subtitle}` : e.title)}`,
    `    ${el('id', e.identifier)}`,
    `    ${el('updated', e.modified)}`,
    `    <author>${el('name', e.author)}</author>`,
    `    ${el('dc:identifier', e.identifier)}`,
    `    ${el('dc:language', e.language)}`,
    ...(e.date ? [`    ${el('dc:issued', e.date)}`] : []),
    ...(e.publisher ? [`    ${el('dc:publisher', e.publisher)}`] : []),
    ...(e.pages ? [`    ${el('dc:extent', `${e.pages} pages`)}`] : []),
    ...e.subjects.map((s) => `    <category term="${esc(s)}" label="${esc(s)}"/>`),
    ...e.subjects.map((s) => `    ${el('dc:subject', s)}`),
    ...(e.description ? [`    ${el('summary', e.description, ' type="text"')}`] : []),
    ...sortFiles(e.files).map((f) => atomLink(f, base)),
    '  </entry>',
  ];
}

/** Images first, then the acquisitions (EPUB before PDF): the order clients show them in. */
function sortFiles(files: EntryFile[]): EntryFile[] {
  const rank = (f: EntryFile) => (f.rel.endsWith('thumbnail') ? 1 : f.rel.endsWith('image') ? 0 : f.type === 'application/epub+zip' ? 2 : 3);
  return [...files].sort((a, b) => rank(a) - rank(b) || (a.href < b.href ? -1 : 1));
}

// ---- OPDS 2.0 (JSON) ----

function opds2Feed(feed: Feed, ctx: Omit<FeedContext, 'id'>): string {
  const links = [
    { rel: 'self', href: `${feed.name}.json`, type: OPDS2 },
    { rel: 'start', href: 'catalog.json', type: OPDS2 },
    ...(feed.name === 'catalog' ? [] : [{ rel: 'up', href: 'catalog.json', type: OPDS2 }]),
    { rel: 'alternate', href: `${feed.name}.xml`, type: feed.kind === 'acquisition' ? ACQUISITION : NAVIGATION },
  ];
  const nav = feed.name === 'catalog' || feed.kind === 'acquisition'
    ? ctx.navs.map(([name, title]) => ({ href: `${name}.json`, title, type: OPDS2, rel: 'subsection' }))
    : (feed.children ?? []).map((c) => ({ href: `${c.name}.json`, title: c.title, type: OPDS2, rel: 'subsection', properties: { numberOfItems: c.count } }));
  const out: Record<string, unknown> = {
    metadata: { title: feed.title, modified: ctx.updated, ...(feed.entries ? { numberOfItems: feed.entries.length } : {}) },
    links,
    navigation: nav,
  };
  if (feed.entries?.length) out.publications = feed.entries.map(({ entry, base }) => publication(entry, base));
  return JSON.stringify(out, null, 2) + '\n';
}

function publication(e: CatalogEntry, base: string): unknown {
  const files = sortFiles(e.files);
  const link = (f: EntryFile) => ({
    rel: f.rel, href: urlPath(base, f.href), type: f.type,
    ...(f.width ? { width: f.width, height: f.height } : {}),
    properties: { size: f.size, sha256: f.sha256 },
  });
  return {
    metadata: {
      '@type': 'http://schema.org/Book', identifier: e.identifier, title: e.title, ...(e.subtitle ? { subtitle: e.subtitle } : {}),
      author: { name: e.author }, ...(e.publisher ? { publisher: { name: e.publisher } } : {}), language: e.language, ...(e.date ? { published: e.date } : {}), modified: e.modified,
      ...(e.subjects.length ? { subject: e.subjects } : {}), ...(e.description ? { description: e.description } : {}),
      ...(e.pages ? { numberOfPages: e.pages } : {}),
    },
    links: files.filter((f) => f.rel.includes('acquisition')).map(link),
    ...(files.some((f) => !f.rel.includes('acquisition')) ? { images: files.filter((f) => !f.rel.includes('acquisition')).map(link) } : {}),
  };
}
