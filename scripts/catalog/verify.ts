// `check` on a catalogue: every link of every feed (OPDS 1.2 and 2.0) leads to a file under the root,
// each acquisition and image link's size and SHA-256 are the file's, every feed a feed links to exists,
// and every built book under the root is listed in catalog.xml and catalog.json.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { sha256 } from '../core/files.ts';
import { ENTRY_FILE, parseEntry } from './entry.ts';
import { isCatalogFile } from './collect.ts';
import { TP_NS } from './feeds.ts';

interface FoundLink { href: string; size?: number; sha256?: string }

/** Links of an OPDS 1.2 feed we wrote: attributes of every atom:link. */
function atomLinks(xml: string): FoundLink[] {
  const prefix = /xmlns:([A-Za-z_][\w.-]*)="([^"]*)"/g;
  let tp = 'tp';
  for (const m of xml.matchAll(prefix)) if (m[2] === TP_NS) tp = m[1];
  const attr = (tag: string, name: string) => new RegExp(`\\s${name.replace('.', '\\.')}="([^"]*)"`).exec(tag)?.[1];
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<link\b[^>]*>/g)].map((m) => {
    const length = attr(m[0], 'length');
    return { href: unescape(attr(m[0], 'href') ?? ''), size: length === undefined ? undefined : Number(length), sha256: attr(m[0], `${tp}:sha256`) };
  });
}

/** Links of an OPDS 2.0 feed: links, navigation, and every publication's links and images. */
function opds2Links(json: string): FoundLink[] {
  const feed = JSON.parse(json) as { links?: L[]; navigation?: L[]; publications?: { links?: L[]; images?: L[] }[] };
  type L = { href: string; properties?: { size?: number; sha256?: string } };
  const all = [...(feed.links ?? []), ...(feed.navigation ?? []), ...(feed.publications ?? []).flatMap((p) => [...(p.links ?? []), ...(p.images ?? [])])];
  return all.map((l) => ({ href: l.href, size: l.properties?.size, sha256: l.properties?.sha256 }));
}

export function verifyCatalog(root: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const feeds = readdirSync(root).filter(isCatalogFile).sort();
  const hashes = new Map<string, string>();
  const listed = new Map<string, Set<string>>();
  // One finding per file, however many feeds link it (every group feed repeats the entries).
  const said = new Set<string>();
  const once = (key: string, d: Diagnostic) => { if (!said.has(key)) { said.add(key); diagnostics.push(d); } };
  for (const feed of feeds) {
    const file = join(root, feed);
    const text = readFileSync(file, 'utf8');
    let links: FoundLink[];
    try { links = feed.endsWith('.xml') ? atomLinks(text) : opds2Links(text); } catch (err) {
      diagnostics.push(diagnostic('TP180', { feed, href: `(unreadable: ${(err as Error).message})`, root }, { file })); continue;
    }
    const mine = new Set<string>();
    listed.set(feed, mine);
    for (const link of links) {
      let path: string;
      try { path = resolve(root, decodeURIComponent(link.href)); } catch { path = resolve(root, link.href); }
      const rel = relative(resolve(root), path);
      const st = statSync(path, { throwIfNoEntry: false });
      if (/^[a-z][a-z0-9+.-]*:/i.test(link.href) || rel.startsWith('..') || !st?.isFile()) {
        once(`180 ${link.href}`, diagnostic('TP180', { feed, href: link.href, root }, { file }));
        continue;
      }
      mine.add(dirname(rel));
      if (link.size !== undefined && link.size !== st.size) once(`181s ${path}`, diagnostic('TP181', { feed, href: link.href, what: 'size', listed: link.size, actual: st.size }, { file }));
      if (link.sha256 !== undefined) {
        const actual = hashes.get(path) ?? sha256(readFileSync(path));
        hashes.set(path, actual);
        if (actual !== link.sha256) once(`181h ${path}`, diagnostic('TP181', { feed, href: link.href, what: 'SHA-256', listed: link.sha256, actual }, { file }));
      }
    }
  }
  // Every built book under the root is in the complete feeds.
  for (const feed of ['catalog.xml', 'catalog.json']) {
    const mine = listed.get(feed);
    if (!mine) continue;
    for (const book of booksUnder(root)) {
      const id = parseEntry(readFileSync(join(book, ENTRY_FILE), 'utf8'))?.id;
      if (id && !mine.has(relative(resolve(root), resolve(book)))) diagnostics.push(diagnostic('TP182', { book: relative(root, book) || '.', root, feed }, { file: join(root, feed) }));
    }
  }
  return diagnostics;
}

/** Built books at the root and one level below (the shard folders of a merged catalogue). */
function booksUnder(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      const sub = join(dir, name);
      if (name.startsWith('.') || !statSync(sub).isDirectory()) continue;
      if (existsSync(join(sub, ENTRY_FILE))) out.push(sub);
      else if (depth === 0) visit(sub, 1);
    }
  };
  visit(root, 0);
  return out;
}

/** True when `dir` holds a catalogue (then `check` verifies it). */
export const hasCatalog = (dir: string) => existsSync(join(dir, 'catalog.xml')) || existsSync(join(dir, 'catalog.json'));
