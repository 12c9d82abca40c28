// The catalogue of one or more output folders: every `<dist>/<book>/catalog-entry.json` read, links
// made relative to the catalogue's root, the feeds written there (each atomically; feeds of groups that
// no longer exist removed). `build` calls it on its --out; `transcript-press catalog DIST...` merges the
// folders of several shards (a CI matrix, an indexed Job) into one catalogue.
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { writeFileAtomic } from '../core/files.ts';
import { ENTRY_FILE, parseEntry } from './entry.ts';
import { catalogFiles, urlPath, type PlacedEntry } from './feeds.ts';

/** Files of a catalogue at the root: catalog.xml, catalog.json and catalog-*.{xml,json}. */
export const isCatalogFile = (name: string) => /^catalog(-[^/]+)?\.(xml|json)$/.test(name);

/** Every entry under the output folders, placed relative to `root`; a book id found twice is an error (TP183). */
export function collectEntries(dists: string[], root: string): { placed: PlacedEntry[]; diagnostics: Diagnostic[] } {
  const placed: PlacedEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const dist of dists) {
    if (!existsSync(dist)) continue;
    for (const name of readdirSync(dist).sort()) {
      const dir = join(dist, name);
      const file = join(dir, ENTRY_FILE);
      if (name.startsWith('.') || !lstatSync(dir).isDirectory() || !existsSync(file)) continue;
      const entry = parseEntry(readFileSync(file, 'utf8'));
      if (!entry) continue;
      const other = seen.get(entry.id);
      if (other) { diagnostics.push(diagnostic('TP183', { id: entry.id, first: other, second: dir }, { file: dir })); continue; }
      seen.set(entry.id, dir);
      placed.push({ entry, base: urlPath(relative(resolve(root), resolve(dir)).split(sep).join('/')) });
    }
  }
  return { placed, diagnostics };
}

/** Writes the catalogue of `dists` into `root`; returns the files written. */
export function writeCatalog(dists: string[], root: string, options: { requireEntries?: boolean } = {}): { files: string[]; count: number; diagnostics: Diagnostic[] } {
  const { placed, diagnostics } = collectEntries(dists, root);
  if (!diagnostics.length && !placed.length && options.requireEntries) diagnostics.push(diagnostic('TP184', { where: dists.join(', ') }, { file: dists[0] }));
  if (diagnostics.length) return { files: [], count: 0, diagnostics };
  const files = catalogFiles(placed);
  for (const [name, text] of files) writeFileAtomic(join(root, name), text);
  // A group that emptied (the last book of a year removed) leaves no stale feed behind.
  for (const name of readdirSync(root)) if (isCatalogFile(name) && !files.has(name)) rmSync(join(root, name), { force: true });
  return { files: [...files.keys()], count: placed.length, diagnostics };
}
