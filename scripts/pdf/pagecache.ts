// One print instead of two when the book's print document is unchanged: Chromium lays out the same
// HTML, stylesheets and fonts the same way, so the page map a build found (id → page, and the blank
// pages placed for right-hand starts) is kept under a key made of everything the layout depends on,
// and the next build prints the final document at once. Nothing is trusted blindly: the writer checks
// the print against the pages it found, exactly as after a measuring pass, and falls back to measuring
// when they differ (a stale or foreign entry costs a pass, never a wrong number).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../render/templates.ts';
import { writeCacheFile } from '../core/files.ts';

/** Where page maps are kept (beside the other caches, removed with node_modules). */
export const PAGE_CACHE_DIR = join(projectRoot, 'node_modules', '.cache', 'transcript-press', 'pages');
/** Entries kept; the oldest beyond this are removed when a new one is written. */
const KEEP = 200;

export interface PageLayout {
  pages: Map<string, number>;
  blanks: Set<string>;
  /** Paragraphs pulled onto a short section end's page (render/ends.ts); none when absent. */
  pulls?: ReadonlySet<string>;
  /** The classes that keep section ends together (render/ends.ts endKeeps), by paragraph id; none when absent. */
  keeps?: ReadonlyMap<string, string[]>;
}

/** The key of a layout: a hash of every input that decides where things fall (the caller lists them). */
export function layoutKey(parts: string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(String(p.length)).update(':').update(p);
  return hash.digest('hex').slice(0, 40);
}

export function readLayout(dir: string, key: string): PageLayout | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, `${key}.json`), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(text) as { pages: [string, number][]; blanks: string[]; pulls?: string[]; keeps?: [string, string[]][] };
    if (!Array.isArray(data.pages) || !Array.isArray(data.blanks)) return undefined;
    return { pages: new Map(data.pages), blanks: new Set(data.blanks), pulls: new Set(Array.isArray(data.pulls) ? data.pulls : []), keeps: new Map(Array.isArray(data.keeps) ? data.keeps : []) };
  } catch {
    return undefined; // a damaged entry is a miss
  }
}

/** Writes an entry atomically (temp + rename); a cache that cannot be written is no error. */
export function writeLayout(dir: string, key: string, layout: PageLayout): void {
  // Read-only node_modules: the next build measures again.
  if (!writeCacheFile(join(dir, `${key}.json`), JSON.stringify({ pages: [...layout.pages], blanks: [...layout.blanks], pulls: [...(layout.pulls ?? [])], keeps: [...(layout.keeps ?? [])] }))) return;
  try { prune(dir); } catch { /* pruned next time */ }
}

function prune(dir: string) {
  const entries = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (entries.length <= KEEP) return;
  const aged = entries.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { f } of aged.slice(0, entries.length - KEEP)) rmSync(join(dir, f), { force: true });
}
