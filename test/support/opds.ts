// Validating catalogue feeds against the specification's own schemas: OPDS 2.0 JSON Schemas with ajv
// (test/schemas/opds-2.0/, provenance in PROVENANCE.md), OPDS 1.2 RELAX NG with Debian's jing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { SaxesParser } from 'saxes';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { run } from '../../scripts/core/run.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schemaRoot = join(import.meta.dirname, '..', 'schemas');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.json') ? [join(dir, n)] : []));
}

/** The schemas name one another by several URLs (https and http readium.org, drafts.opds.io for specs.opds.io). */
function aliases(file: string): string[] {
  const rel = relative(join(schemaRoot, 'opds-2.0'), file).split(sep).join('/');
  if (rel.startsWith('specs/')) {
    const name = rel.slice('specs/'.length);
    return ['https://specs.opds.io', 'http://specs.opds.io', 'https://drafts.opds.io', 'http://drafts.opds.io'].map((h) => `${h}/schema/${name}`);
  }
  const name = rel.slice('readium/'.length);
  return ['https', 'http'].map((p) => `${p}://readium.org/webpub-manifest/schema/${name}`);
}

/** The `language` patterns repeat a named group (JavaScript refuses that); without the names they match the same strings. */
const regExp = Object.assign((pattern: string, flags: string) => new RegExp(pattern.replace(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g, '(?:'), flags), { code: 'unnamedGroups' });

let feedValidator: ReturnType<Ajv['compile']> | null = null;

/** ajv's verdict on an OPDS 2.0 feed: the list of errors (empty when valid). */
export function opds2Errors(feed: unknown): ErrorObject[] {
  if (!feedValidator) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, code: { regExp } });
    addFormats(ajv);
    for (const file of files(join(schemaRoot, 'opds-2.0'))) {
      const { $id: _id, id: _old, ...schema } = JSON.parse(readFileSync(file, 'utf8'));
      for (const key of aliases(file)) ajv.addSchema(schema, key);
    }
    feedValidator = ajv.getSchema('https://specs.opds.io/schema/feed.schema.json')!;
  }
  return feedValidator(feed) ? [] : [...(feedValidator.errors ?? [])];
}

/**
 * The folder holding `opds.rnc` (OPDS 1.2) and the `atom.rnc` it includes (RFC 4287 Appendix B),
 * committed in test/schemas/opds-1.2/ with their provenance (test/schemas/PROVENANCE.md).
 */
export function opdsRncDir(): string {
  const dir = join(schemaRoot, 'opds-1.2');
  for (const name of ['opds.rnc', 'atom.rnc']) if (!existsSync(join(dir, name))) throw new Error(`${join(dir, name)} is missing: see test/schemas/PROVENANCE.md`);
  return dir;
}

/**
 * jing's verdict on OPDS 1.2 feeds. One correction is applied to the published opds.rnc, as asked in
 * opds-community/specs issue #3 (open since 2020): its atomUri pattern `[ <>{}|^\`"\nrt]` names the
 * letters r and t where `\r\t` was meant, so it refuses every URI holding an r or a t (`http:`,
 * `urn:`, `catalog.xml`); the test uses `\n\r\t`.
 */
export async function opds12Errors(feeds: string[], rncDir: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tp-rnc-'));
  const rnc = readFileSync(join(rncDir, 'opds.rnc'), 'utf8');
  const fixed = rnc.replace('"\\nrt]', '"\\n\\r\\t]');
  if (fixed === rnc && !rnc.includes('\\n\\r\\t]')) throw new Error('opds.rnc: the atomUri pattern is not the one issue #3 describes; look at it again');
  writeFileSync(join(dir, 'opds.rnc'), fixed);
  writeFileSync(join(dir, 'atom.rnc'), readFileSync(join(rncDir, 'atom.rnc')));
  const r = await run('jing', ['-c', join(dir, 'opds.rnc'), ...feeds], { timeout: 300_000 });
  // jing's launcher warns about optional jars on stderr; its verdict is the exit code and stdout.
  return r.status === 0 ? '' : `${r.stdout}\n${r.stderr}`.trim() || `jing exited ${r.status}`;
}

/** One acquisition or image link a client would download, with what the feed says of it. */
export interface CrawledFile { path: string; type: string; rel: string; length?: number; sha256?: string; from: string }

/**
 * What an OPDS client does with a catalogue: it parses each feed (XML with an XML parser, JSON as
 * JSON), follows every navigation and acquisition-feed link to the feeds it names, and collects the
 * publication links it would download. Returns every feed reached, every file linked, and every link
 * that leads nowhere.
 */
export function crawlCatalog(start: string[]): { feeds: Set<string>; files: CrawledFile[]; dangling: string[] } {
  const feeds = new Set<string>();
  const files: CrawledFile[] = [];
  const dangling: string[] = [];
  const visit = (feed: string) => {
    if (feeds.has(feed)) return;
    feeds.add(feed);
    const links = feed.endsWith('.xml') ? atomLinks(readFileSync(feed, 'utf8')) : jsonLinks(JSON.parse(readFileSync(feed, 'utf8')));
    for (const l of links) {
      const path = join(feed, '..', decodeURIComponent(l.href));
      if (!existsSync(path)) { dangling.push(`${feed} → ${l.href}`); continue; }
      if (/profile=opds-catalog|application\/opds\+json/.test(l.type)) visit(path);
      else files.push({ path, type: l.type, rel: l.rel, length: l.length, sha256: l.sha256, from: feed });
    }
  };
  for (const s of start) visit(s);
  return { feeds, files, dangling };
}

interface FeedLink { href: string; rel: string; type: string; length?: number; sha256?: string }

/** Every atom:link of an Atom document, read with an XML parser (namespaces resolved). */
function atomLinks(xml: string): FeedLink[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: FeedLink[] = [];
  parser.on('opentag', (tag) => {
    if (tag.local !== 'link' || tag.uri !== 'http://www.w3.org/2005/Atom') return;
    const attr = (name: string) => Object.values(tag.attributes).find((a) => a.local === name)?.value;
    const length = attr('length');
    out.push({ href: attr('href') ?? '', rel: attr('rel') ?? '', type: attr('type') ?? '', length: length ? Number(length) : undefined, sha256: attr('sha256') });
  });
  parser.write(xml).close();
  return out;
}

/** Every link of an OPDS 2.0 feed: its links, navigation, groups, and each publication's links and images. */
function jsonLinks(feed: { links?: unknown[]; navigation?: unknown[]; publications?: { links?: unknown[]; images?: unknown[] }[]; groups?: { navigation?: unknown[]; publications?: { links?: unknown[]; images?: unknown[] }[] }[] }): FeedLink[] {
  type L = { href: string; rel?: string | string[]; type?: string; properties?: { size?: number; sha256?: string } };
  const all = [feed, ...(feed.groups ?? [])].flatMap((f) => [
    ...((f as typeof feed).links ?? []), ...(f.navigation ?? []),
    ...(f.publications ?? []).flatMap((p) => [...(p.links ?? []), ...(p.images ?? [])]),
  ]) as L[];
  return all.map((l) => ({ href: l.href, rel: [l.rel ?? ''].flat().join(' '), type: l.type ?? '', length: l.properties?.size, sha256: l.properties?.sha256 }));
}
