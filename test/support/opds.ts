// Validating catalogue feeds against the specification's own schemas: OPDS 2.0 JSON Schemas with ajv
// (test/schemas/opds-2.0/, provenance in PROVENANCE.md), OPDS 1.2 RELAX NG with Debian's jing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
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
