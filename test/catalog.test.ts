// The catalogue (issue #27): `build` writes dist/catalog.xml (OPDS 1.2) and catalog.json (OPDS 2.0)
// with navigation feeds by year, speaker and institution; both validate against the specification's
// schemas; a skipped book is still listed; three shards merged with `catalog` equal one machine's
// catalogue; `check` finds a dangling link, a wrong checksum, a missing book; a client that parses
// every feed follows every link from catalog.xml and catalog.json. The first build is also the suite's
// batch build: `build` with no folder builds every book in source/ in one command, with a progress line
// per book and a summary table (it was corpus-batch.test.ts, 20 generated books built for that alone;
// the 20-book batch is the bench's row, scripts/bench).
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { run, tempDir } from './helpers.ts';
import { cliInProcess } from './support/cli.ts';
import { shardOf } from '../scripts/corpus.ts';
import { crawlCatalog, opds2Errors, opds12Errors, opdsRncDir } from './support/opds.ts';
import { readZip } from './support/zip.ts';

const CLI = resolve('bin/transcript-press.mjs');
const BOOKS = ['en-dod-2021-03-29', 'en-wh-2021-01-22', 'zh-hans-hkce-2017-02-28', 'zh-hant-tao-2022-01-12'];
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
const cli = (args: string[], cwd?: string) => run('node', [CLI, ...args], { env, cwd, timeout: 900_000 });
/**
 * The same command's run() in this process (test/support/cli.ts), for the calls that build nothing (the
 * shards find their books unchanged, the catalogue merges, the checks): each spawned CLI costs about 1 s
 * of CPU to start. The batch build and the merge of the three shards stay spawned through the binary.
 */
const here = async (args: string[]) => {
  const r = await cliInProcess(args, { SOURCE_DATE_EPOCH: '1700000000' });
  return { status: r.code, stdout: r.out, stderr: r.err };
};

const feedsIn = (dir: string, ext: 'xml' | 'json') => readdirSync(dir).filter((n) => n.startsWith('catalog') && n.endsWith(`.${ext}`)).sort();
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('catalogue', () => {
  const root = tempDir('tp-catalog-');
  const source = join(root, 'source');
  const one = join(root, 'one');
  const sharded = join(root, 'sharded');
  let batch = { status: null as number | null, stderr: '' };

  beforeAll(async () => {
    mkdirSync(source);
    for (const b of BOOKS) cpSync(join('test/corpus', b), join(source, b), { recursive: true });
    const dirs = BOOKS.map((b) => join(source, b));
    // No folder named: every book in source/ (of the working folder).
    batch = await cli(['build', '--out', one], root);
    expect(batch.status, batch.stderr).toBe(0);
    // Three CI machines, each with its shard's books: the one-machine build's folders of that shard's
    // books copied in (what a cache of earlier builds gives a CI machine), so that `build --shard` finds
    // them unchanged and skips them instead of building every book a second time (the costly part of this
    // file). The shard's own catalogue is still written by the command; a book the command placed in
    // the wrong shard would be built there besides, and show up twice below.
    for (let i = 1; i <= 3; i++) {
      const mine = shardOf(dirs, i, 3).map((d) => basename(d));
      for (const b of mine) cpSync(join(one, b), join(sharded, `s${i}`, b), { recursive: true });
      const s = await here(['build', ...dirs, '--out', join(sharded, `s${i}`), '--shard', `${i}/3`, '--json']);
      expect(s.status, s.stderr).toBe(0);
      const outcomes = JSON.parse(s.stdout) as { id: string; status: string }[];
      expect(outcomes.map((o) => o.id).sort(), `shard ${i}/3`).toEqual([...mine].sort());
      expect(outcomes.map((o) => o.status), `shard ${i}/3`).toEqual(mine.map(() => 'skipped'));
    }
  }, 1_800_000);

  it('builds every book in source/ in one command, with a progress line per book and a summary table', () => {
    // Per-stage times: read, pdf and epub at least (the build may time more stages between them, e.g. glyphs, pageText).
    const progress = batch.stderr.match(/^\[\d+\/4\] built [a-z0-9-]+ in [\d.]+ s \(read \d+ ms, (?:\w+ \d+ ms, )*pdf \d+ ms, (?:\w+ \d+ ms, )*epub \d+ ms(?:, \w+ \d+ ms)*(?:, after 1 retry)?\)$/gm) ?? [];
    expect(progress.map((l) => /built (\S+)/.exec(l)![1]).sort(), batch.stderr).toEqual([...BOOKS].sort());
    expect(batch.stderr).toMatch(/^book\s+status\s+read\s+pdf\s+epub\s+total$/m);
    expect(batch.stderr).toContain('4 built, 0 unchanged, 0 failed');
    for (const b of BOOKS) expect(existsSync(join(one, b, `${b}.pdf`)) && existsSync(join(one, b, `${b}.epub`)), b).toBe(true);
  });

  it('dates every edition from SOURCE_DATE_EPOCH when it is set (this build sets 1700000000)', () => {
    // (Was a seed build of its own in epub.test.ts; this batch build already runs with the variable.)
    for (const b of BOOKS) {
      const opf = readZip(join(one, b, `${b}.epub`)).find((e) => e.name === 'EPUB/package.opf')!.data.toString('utf8');
      expect(opf, b).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>');
    }
  });

  it('lists every book with Dublin Core metadata, EPUB and PDF with sizes and SHA-256, and a thumbnail', () => {
    const feed = JSON.parse(readFileSync(join(one, 'catalog.json'), 'utf8'));
    expect(feed.publications.map((p: { metadata: { identifier: string } }) => p.metadata.identifier).sort())
      .toEqual(BOOKS.map((b) => `urn:transcript-press:corpus:${b}`).sort());
    const hk = feed.publications.find((p: { metadata: { identifier: string } }) => p.metadata.identifier.endsWith('zh-hans-hkce-2017-02-28'));
    expect(hk.metadata.language).toBe('zh-Hans');
    expect(hk.metadata.published).toBe('2017-02-28');
    for (const link of [...hk.links, ...hk.images]) {
      const file = join(one, decodeURIComponent(link.href));
      expect(statSync(file).size).toBe(link.properties.size);
      expect(sha(file)).toBe(link.properties.sha256);
    }
    expect(hk.links.map((l: { type: string }) => l.type)).toEqual(['application/epub+zip', 'application/pdf']);
    expect(hk.images.map((l: { rel: string }) => l.rel)).toEqual(['http://opds-spec.org/image', 'http://opds-spec.org/image/thumbnail']);
    const xml = readFileSync(join(one, 'catalog.xml'), 'utf8');
    expect(xml).toContain('<dc:issued>2017-02-28</dc:issued>');
    expect(xml).toMatch(/<link rel="http:\/\/opds-spec.org\/acquisition\/open-access" href="zh-hans-hkce-2017-02-28\/zh-hans-hkce-2017-02-28.pdf" type="application\/pdf" length="\d+" tp:sha256="[0-9a-f]{64}"\/>/);
    // Navigation: by year (2017, 2021, 2022), by speaker, by institution.
    const years = JSON.parse(readFileSync(join(one, 'catalog-by-year.json'), 'utf8'));
    expect(years.navigation.map((n: { title: string }) => n.title)).toEqual(['2022', '2021', '2017']);
    const y2021 = JSON.parse(readFileSync(join(one, 'catalog-year-2021.json'), 'utf8'));
    expect(y2021.publications).toHaveLength(2);
    expect(feedsIn(one, 'json').filter((n) => n.startsWith('catalog-speaker-')).length).toBeGreaterThanOrEqual(3);
    expect(feedsIn(one, 'json').filter((n) => n.startsWith('catalog-institution-')).length).toBeGreaterThanOrEqual(3);
  });

  it('validates against the OPDS 2.0 JSON Schemas (ajv), and the validator does refuse a broken feed', () => {
    for (const name of feedsIn(one, 'json')) {
      expect(opds2Errors(JSON.parse(readFileSync(join(one, name), 'utf8'))), name).toEqual([]);
    }
    const broken = JSON.parse(readFileSync(join(one, 'catalog.json'), 'utf8'));
    delete broken.publications[0].metadata.title;
    broken.publications[1].links = [{ href: 'x.epub', rel: 'alternate' }];
    expect(opds2Errors(broken).length).toBeGreaterThan(0);
  });

  it('validates against OPDS 1.2 opds.rnc (jing), and jing does refuse a broken feed', async () => {
    const rnc = opdsRncDir();
    expect(await opds12Errors(feedsIn(one, 'xml').map((n) => join(one, n)), rnc)).toBe('');
    const broken = join(root, 'broken.xml');
    writeFileSync(broken, readFileSync(join(one, 'catalog.xml'), 'utf8').replace(/<id>urn:transcript-press:corpus:[^<]*<\/id>/, ''));
    expect(await opds12Errors([broken], rnc)).toMatch(/error/);
  });

  it('is reproducible and rebuilt incrementally: an unchanged book is skipped and still listed, byte for byte', async () => {
    const before = new Map(readdirSync(one).filter((n) => n.startsWith('catalog')).map((n) => [n, readFileSync(join(one, n), 'utf8')]));
    const r = await here(['build', ...BOOKS.map((b) => join(source, b)), '--out', one, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((o: { status: string }) => o.status)).toEqual(BOOKS.map(() => 'skipped'));
    for (const [name, text] of before) expect(readFileSync(join(one, name), 'utf8'), name).toBe(text);
  });

  it('three shards merged with `catalog` equal the one-machine catalogue (links relative to the merged root)', async () => {
    const shards = [1, 2, 3].map((i) => join(sharded, `s${i}`));
    const placed = shards.flatMap((s) => (existsSync(s) ? readdirSync(s).filter((n) => existsSync(join(s, n, 'catalog-entry.json'))) : []));
    expect(placed.sort()).toEqual([...BOOKS].sort());
    // Each shard wrote its own part.
    for (const s of shards) if (existsSync(s)) expect(existsSync(join(s, 'catalog.xml'))).toBe(true);
    const r = await cli(['catalog', ...shards, '--out', sharded]);
    expect(r.status, r.stderr).toBe(0);
    const unshard = (text: string) => text.replace(/s[123]\//g, '');
    expect(feedsIn(sharded, 'xml')).toEqual(feedsIn(one, 'xml'));
    for (const name of [...feedsIn(one, 'xml'), ...feedsIn(one, 'json')]) {
      expect(unshard(readFileSync(join(sharded, name), 'utf8')), name).toBe(readFileSync(join(one, name), 'utf8'));
    }
    expect(readFileSync(join(sharded, 'catalog.xml'), 'utf8')).toMatch(/href="s[123]\/en-wh-2021-01-22\/en-wh-2021-01-22\.epub"/);
    const c = await here(['check', sharded]);
    expect(c.status, c.stderr).toBe(0);
  });

  it('a client that parses every feed and follows every link reaches every book file, with the sizes and checksums the feeds give', () => {
    const { feeds, files, dangling } = crawlCatalog([join(one, 'catalog.xml'), join(one, 'catalog.json')]);
    expect(dangling).toEqual([]);
    const reached = new Set(files.map((f) => f.path));
    for (const b of BOOKS) for (const f of [`${b}.epub`, `${b}.pdf`, 'thumbnail.png']) expect(reached.has(join(one, b, f)), f).toBe(true);
    for (const f of files) {
      if (f.length !== undefined) expect(statSync(f.path).size, `${f.from} → ${f.path}`).toBe(f.length);
      if (f.sha256) expect(sha(f.path), `${f.from} → ${f.path}`).toBe(f.sha256);
    }
    expect([...feeds].filter((f) => /catalog-year-\d+\.xml$/.test(f))).toHaveLength(3);
  });

  it('check finds a dangling link (TP180), a changed file (TP181), an unlisted book (TP182)', async () => {
    const copy = join(root, 'damaged');
    cpSync(one, copy, { recursive: true });
    rmSync(join(copy, BOOKS[0], 'thumbnail.png'));
    writeFileSync(join(copy, BOOKS[1], `${BOOKS[1]}.pdf`), Buffer.concat([readFileSync(join(copy, BOOKS[1], `${BOOKS[1]}.pdf`)), Buffer.from('\n')]));
    const extra = JSON.parse(readFileSync(join(copy, BOOKS[2], 'catalog-entry.json'), 'utf8'));
    cpSync(join(copy, BOOKS[2]), join(copy, 'unlisted'), { recursive: true });
    writeFileSync(join(copy, 'unlisted', 'catalog-entry.json'), JSON.stringify({ ...extra, id: 'unlisted' }));
    const r = await here(['check', copy, '--json']);
    expect(r.status).toBe(1);
    const codes = JSON.parse(r.stderr.split('\n')[0]).map((d: { code: string }) => d.code);
    expect(new Set(codes)).toEqual(new Set(['TP180', 'TP181', 'TP182']));
  });

  it('refuses the same book from two shards (TP183) and folders with no built book (TP184)', async () => {
    const twice = await here(['catalog', one, one, '--out', join(root, 'twice')]);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('TP183');
    mkdirSync(join(root, 'empty'));
    const empty = await here(['catalog', join(root, 'empty'), '--out', join(root, 'empty')]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('TP184');
  });
});
