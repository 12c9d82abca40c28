// A book whose book.yaml gave no date or source and whose transcript's head named none (a minimal
// book.yaml, `speaker:` only) is still listed: no empty dc:issued or dc:publisher, grouped under
// "Undated" and "Source not named", and every feed still validates against OPDS 1.2 and 2.0.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { catalogFiles } from '../scripts/catalog/feeds.ts';
import { entryFile, type CatalogEntry } from '../scripts/catalog/entry.ts';
import { opds12Errors, opds2Errors, opdsRncDir } from './support/opds.ts';

const entry = (id: string, date: string, source: string): CatalogEntry => ({
  id, kind: 'book', identifier: `urn:transcript-press:${id}`, title: `Remarks ${id}`, author: 'Ms. Jean-Pierre', speaker: 'MS. JEAN-PIERRE',
  institution: source, publisher: source, language: 'en', date, modified: '2026-01-01T00:00:00Z', subjects: [], description: '',
  files: [entryFile(`${id}.epub`, 'x', 'application/epub+zip', 'http://opds-spec.org/acquisition/open-access')],
});

describe('catalogue with an undated book', () => {
  const files = catalogFiles([{ entry: entry('wh', '', ''), base: 'wh' }, { entry: entry('dated', '2024-05-07', 'The White House'), base: 'dated' }]);
  it('lists it without empty elements, under Undated and Source not named', () => {
    const root = files.get('catalog.xml')!;
    expect(root.match(/<dc:issued>/g)).toHaveLength(1);
    expect(root.match(/<dc:publisher>/g)).toHaveLength(1);
    expect(root).not.toMatch(/<dc:(?:issued|publisher)><\/dc:/);
    expect(files.get('catalog-by-year.xml')).toContain('<title>Undated</title>');
    expect(files.get('catalog-by-institution.xml')).toContain('<title>Source not named</title>');
    expect([...files.keys()]).toContain('catalog-year-undated.xml');
    const pub = JSON.parse(files.get('catalog.json')!).publications.find((p: { metadata: { identifier: string } }) => p.metadata.identifier.endsWith(':wh'));
    expect(pub.metadata.published).toBeUndefined();
    expect(pub.metadata.publisher).toBeUndefined();
  });
  it('every feed validates (OPDS 1.2 opds.rnc with jing, OPDS 2.0 JSON Schema)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-undated-'));
    const xml: string[] = [];
    for (const [name, text] of files) {
      if (name.endsWith('.json')) expect(opds2Errors(JSON.parse(text)), name).toEqual([]);
      else { writeFileSync(join(dir, name), text); xml.push(join(dir, name)); }
    }
    expect(await opds12Errors(xml, opdsRncDir())).toBe('');
  });
});
