// One book's (or volume's) entry in the catalogue, written by its build into its own output folder as
// `catalog-entry.json`: what the catalogue needs to list it (Dublin Core metadata, its files with media
// types, sizes and SHA-256), with links relative to that folder. The catalogue of a dist/ folder, or
// the merge of several shards' folders, is made from these files alone, so a book skipped as unchanged
// is listed exactly as when it was built, and three shards give what one machine gives.
import { sha256 } from '../core/files.ts';

export const ENTRY_FILE = 'catalog-entry.json';

export interface EntryFile {
  /** File name inside the book's output folder. */
  href: string;
  type: string;
  /** OPDS relation: an acquisition link, the cover image or its thumbnail. */
  rel: 'http://opds-spec.org/acquisition/open-access' | 'http://opds-spec.org/image' | 'http://opds-spec.org/image/thumbnail';
  size: number;
  sha256: string;
  width?: number;
  height?: number;
}

export interface CatalogEntry {
  /** The output folder's name in dist/ (the book id). */
  id: string;
  kind: 'book' | 'volume';
  /** book.yaml `id`: a URN or URL, the EPUB's dc:identifier. */
  identifier: string;
  title: string;
  subtitle?: string;
  author: string;
  /** Who spoke (book.yaml `speaker`): the "by speaker" navigation groups on it. */
  speaker: string;
  /** Who published the transcript (book.yaml `source`): the "by institution" navigation. */
  institution: string;
  publisher: string;
  language: string;
  /** The event's date, YYYY-MM-DD (a volume: its first date). */
  date: string;
  /** This edition's date (the build's stamp), ISO 8601. */
  modified: string;
  subjects: string[];
  description: string;
  pages?: number;
  files: EntryFile[];
}

/** A file of the book's output as a catalogue link. */
export function entryFile(href: string, data: string | Uint8Array, type: string, rel: EntryFile['rel'], size?: { width: number; height: number }): EntryFile {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return { href, type, rel, size: bytes, sha256: sha256(data), ...size };
}

/** The entry as written: keys in a fixed order, so equal entries are equal bytes. */
export function entryJson(entry: CatalogEntry): string {
  const ordered: CatalogEntry = {
    id: entry.id, kind: entry.kind, identifier: entry.identifier, title: entry.title,
    ...(entry.subtitle ? { subtitle: entry.subtitle } : {}),
    author: entry.author, speaker: entry.speaker, institution: entry.institution, publisher: entry.publisher,
    language: entry.language, date: entry.date, modified: entry.modified, subjects: entry.subjects,
    description: entry.description, ...(entry.pages ? { pages: entry.pages } : {}),
    files: entry.files.map((f) => ({ href: f.href, type: f.type, rel: f.rel, size: f.size, sha256: f.sha256,
      ...(f.width ? { width: f.width, height: f.height } : {}) })),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

const str = (v: unknown): v is string => typeof v === 'string';

/** Reads an entry back; null when the file is not one (an older build, or something else). */
export function parseEntry(text: string): CatalogEntry | null {
  let v: Partial<CatalogEntry>;
  try { v = JSON.parse(text); } catch { return null; }
  if (!v || typeof v !== 'object' || !str(v.id) || !str(v.identifier) || !str(v.title) || !str(v.date) || !str(v.modified) || !Array.isArray(v.files)) return null;
  if (!v.files.every((f) => f && str(f.href) && str(f.type) && str(f.rel) && typeof f.size === 'number' && str(f.sha256))) return null;
  return {
    kind: v.kind === 'volume' ? 'volume' : 'book', author: '', speaker: '', institution: '', publisher: '', language: 'und',
    subjects: [], description: '', ...v,
  } as CatalogEntry;
}
