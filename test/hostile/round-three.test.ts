// Round three (issue #22): the files a book brings with it, through the real command. Each case ends
// in a coded refusal naming the right file and line, or in a book that builds, passes epubcheck with 0
// errors and gives a PDF qpdf accepts; nothing reaches the listener on 127.0.0.1, no host file is
// published, and a build killed with SIGKILL leaves no Chromium behind. `check` opens PDFs and refuses
// zip entries that leave the container; messages name the right path and cause.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { projectRoot } from '../../scripts/render/templates.ts';
import { loadBook } from '../../scripts/book.ts';
import { BuildError } from '../../scripts/core/diagnostics.ts';
import { checkedSvg, coverPng } from '../../scripts/epub/cover.ts';
import { coverFonts } from '../../scripts/writers/epub.ts';
import { BROWSER_ENDPOINT } from '../../scripts/core/browser.ts';
import { sha256 } from '../../scripts/core/files.ts';
import { tempDir } from '../helpers.ts';
import { readZip } from '../support/zip.ts';
import { epubcheckErrors } from '../support/validators.ts';
import { smallTranscript, runProcess, type Ran } from './fixtures.ts';
import { listen, type Listener } from './listener.ts';
import { cliInProcess } from '../support/cli.ts';
import { buildingBook, refusedBooks, type Refusal } from './round-three.ts';

const BIN = join(projectRoot, 'bin/transcript-press.mjs');

interface Outcome { id: string; status: string; millis?: Record<string, number>; diagnostics: { code: string; severity: string; message: string; hint: string; file?: string; line?: number; column?: number }[] }

const cli = (args: string[], timeoutMs = 900_000) => runProcess(process.execPath, [BIN, ...args], timeoutMs);
/** The command's run() in this process (test/support/cli.ts), for cases where the process boundary proves nothing. */
const here = (args: string[]) => cliInProcess(args);
/** `check --json` writes its diagnostics to stderr, one JSON array on a line. */
const checkJson = <T>(r: Pick<Ran, 'err'>): T[] => JSON.parse(r.err.split('\n').find((l) => l.startsWith('[')) ?? '[]') as T[];
const outcomes = (out: string): Map<string, Outcome> => new Map((JSON.parse(out) as Outcome[]).map((o) => [o.id, o]));

/** The text of every output file, EPUB entries unzipped. */
function outputTexts(dir: string): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    texts.push({ name: f, text: readFileSync(p, 'latin1') });
    if (f.endsWith('.pdf')) texts.push({ name: `${f} (text)`, text: spawnSync('pdftotext', ['-enc', 'UTF-8', p, '-'], { encoding: 'utf8' }).stdout });
    if (f.endsWith('.epub')) {
      // Every entry, as `unzip -p` would print it (test/support/zip.ts: no process per entry).
      for (const entry of readZip(p)) texts.push({ name: `${f}/${entry.name}`, text: entry.data.toString('utf8') });
    }
  }
  return texts;
}

const SECRET = 'host-secret-line-7f3a9c: root:x:0:0:not-for-any-book';

let listener: Listener;
let root: string;
let dist: string;
let hostFile: string;
let refused: Refusal[];
let refusedRun: Ran;
let built: Ran;
let builtDir: string;

beforeAll(async () => {
  listener = await listen();
  root = tempDir('hostile3-');
  dist = join(root, 'dist');
  hostFile = join(root, 'host', 'passwd');
  mkdirSync(join(root, 'host'));
  writeFileSync(hostFile, `${SECRET}\n`);
  const source = join(root, 'source');
  refused = refusedBooks(source, hostFile, listener);
  builtDir = buildingBook(source, listener);
  refusedRun = await cli(['build', ...refused.map((r) => r.dir), '--out', dist, '--json', '--jobs', '2']);
  built = await cli(['build', builtDir, '--out', dist, '--json']);
  await new Promise((r) => setImmediate(r));
}, 1_800_000);

afterAll(async () => { await listener?.close(); });

describe('round three: what a book brings with it', () => {
  it('every hostile case is refused with its code at the right file and line, quickly, with a fix', () => {
    const o = outcomes(refusedRun.out);
    expect(refusedRun.code).toBe(1);
    for (const r of refused) {
      const id = basename(r.dir);
      const got = o.get(id);
      expect(got?.status, id).toBe('failed');
      expect(got?.diagnostics.map((d) => d.code), `${id}: ${JSON.stringify(got?.diagnostics)}`).toEqual([r.code]);
      const d = got!.diagnostics[0];
      expect(d.file?.endsWith(r.file), `${id}: ${d.file}`).toBe(true);
      if (r.line !== undefined) expect(d.line, `${id}: ${d.message}`).toBe(r.line);
      expect(d.hint.length, id).toBeGreaterThan(20);
      expect(existsSync(join(dist, id)), id).toBe(false);
    }
    // Never an internal error, a stack trace or a garbling conversion command.
    expect(refusedRun.err).not.toMatch(/TP090|internal error|heap|^\s+at .+:\d+:\d+\)?$/m);
    expect(refusedRun.out).not.toMatch(/WINDOWS-125|iconv -f (?!UTF-8 -t UTF-8 -c)/);
  });

  it('the 30 MB matter file, 20,000 nested quotes, a list 3,000 deep and a 3-million-character note are refused in seconds', () => {
    const o = outcomes(refusedRun.out);
    for (const id of ['huge-matter', 'deep-quote', 'deep-list', 'deep-list-indented', 'huge-note', 'long-note', 'mustache-deep']) {
      const read = o.get(id)?.millis?.read;
      // The whole refused batch (19 books, 2 jobs, a shared 2-core machine) is timed too.
      if (read !== undefined) expect(read, id).toBeLessThan(20_000);
    }
    expect(refusedRun.ms).toBeLessThan(240_000);
  });

  it('messages say what is wrong: UTF-8 with bad bytes at their byte and line, CESU-8 named as such, the unclosed section by name', () => {
    const o = outcomes(refusedRun.out);
    const stray = o.get('stray-byte')!.diagnostics[0];
    expect(stray.message).toMatch(/UTF-8 except for 1 invalid byte sequence.*byte \d+ \(line \d+:\d+\) FF/);
    const cesu = o.get('cesu-8')!.diagnostics[0];
    expect(cesu.message).toMatch(/CESU-8/);
    expect(cesu.message).toMatch(/ED A0 BD ED B8 80/);
    expect(o.get('mustache-preface')!.diagnostics[0].message).toMatch(/\{\{#review\}\} is never closed/);
    expect(o.get('mustache-preface')!.diagnostics[0].column).toBe(1);
    expect(o.get('mustache-print')!.diagnostics[0].hint).toMatch(/\{\{\/toc\}\}/);
    expect(o.get('hardlink-matter')!.diagnostics[0].message).toMatch(/has \d+ hard links: the same file is also elsewhere/);
  });

  it('the book with a mailto link holding <, ]]> in text and an exported cover DOCTYPE builds: epubcheck 0 errors, qpdf accepts the PDF', async () => {
    const o = outcomes(built.out).get('brought-files');
    expect(built.code, built.err).toBe(0);
    expect(o?.status).toBe('built');
    const epub = join(dist, 'brought-files', 'brought-files.epub');
    const pdf = join(dist, 'brought-files', 'brought-files.pdf');
    const preface = readZip(epub).find((e) => e.name === 'EPUB/m-preface.xhtml')!.data.toString('utf8');
    // The link survives, percent-encoded into a valid URI (and escaped as XML).
    expect(preface).toContain('href="mailto:a@b.c?subject=%3Cx%3E&#x26;body=%22q%22"');
    expect(preface).toContain(']]&gt; and &#x3C;![CDATA[');
    expect(await epubcheckErrors(epub)).toEqual([]);
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
  }, 600_000);

  it('the listener on 127.0.0.1 saw nothing, and no line of the host file is in any output', () => {
    expect(listener.seen).toEqual([]);
    for (const t of outputTexts(dist)) expect(t.text.includes('host-secret-line-7f3a9c'), t.name).toBe(false);
    expect(refusedRun.out + refusedRun.err).not.toContain('host-secret-line-7f3a9c');
  });
});

describe('round three: pieces on their own', () => {
  it('--allow-outside-links accepts a hard link, as it accepts a symlink', () => {
    const dir = join(tempDir('hard-'), 'b');
    mkdirSync(dir);
    writeFileSync(join(dir, 'book.yaml'), 'id: urn:x:1\ntitle: T\nspeaker: 王毅\nsource: X\ndate: 2024-03-07\n');
    const outside = join(dir, '..', 'outside.txt');
    writeFileSync(outside, smallTranscript());
    linkSync(outside, join(dir, 'transcript.txt'));
    let code: string | undefined;
    try { loadBook(dir); } catch (err) { code = (err as BuildError).diagnostic?.code; }
    expect(code).toBe('TP123');
    expect(loadBook(dir, { allowOutsideLinks: true }).read.tree.children.length).toBeGreaterThan(1);
  });

  it('a cover DOCTYPE without declarations is dropped (lines kept); a broken SVG is refused, never drawn', async () => {
    const svg = readFileSync(join(projectRoot, 'templates/default/cover.svg'), 'utf8');
    const withDoctype = svg.replace(/^(<\?xml[^>]*\?>\n)?/, '$1<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n');
    const dropped = checkedSvg(withDoctype, 'cover.svg');
    expect(dropped).not.toMatch(/DOCTYPE/);
    expect(dropped.split('\n').length).toBe(withDoctype.split('\n').length);
    // Past the XML check (as if it had been skipped), a broken SVG is refused by the renderer (TP127).
    await expect(coverPng('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', coverFonts('zh-Hans'))).rejects.toMatchObject({ diagnostic: { code: 'TP127' } });
  });
});

describe('round three: check', () => {
  /** A folder as `check` takes it: the files and a SHA256SUMS naming them. */
  const distOf = (files: Record<string, Buffer | string>, extra = ''): string => {
    const dir = tempDir('check3-');
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    writeFileSync(join(dir, 'SHA256SUMS'), Object.entries(files).map(([n, d]) => `${sha256(d)}  ${n}`).join('\n') + '\n' + extra);
    return dir;
  };

  it('a PDF with no usable /Root (an object nested 200,000 deep) fails check with TP128', async () => {
    const depth = 200_000;
    const pdf = Buffer.from(`%PDF-1.7\n1 0 obj\n${'['.repeat(depth)}${']'.repeat(depth)}\nendobj\ntrailer\n<< /Root 1 0 R /Size 2 >>\n%%EOF\n`);
    const r = await cli(['check', distOf({ 'book.pdf': pdf }), '--json']);
    expect(r.code).toBe(1);
    const codes = checkJson<{ code: string }>(r).map((d) => d.code);
    expect(codes).toContain('TP128');
  });

  it('a SHA256SUMS line naming itself is TP001 at that line', async () => {
    const dir = distOf({ 'a.txt': 'x' }, `${'0'.repeat(64)}  SHA256SUMS\n`);
    const r = await here(['check', dir, '--json']);
    const ds = checkJson<{ code: string; line?: number; file?: string }>(r);
    expect(ds).toEqual([expect.objectContaining({ code: 'TP001', line: 2, file: join(dir, 'SHA256SUMS') })]);
  });

  it('zip entries with an absolute or ../ name are errors (TP130) that blame the EPUB, not Ace or npm', async () => {
    const epub = readFileSync(join(dist, 'brought-files', 'brought-files.epub'));
    // Same-length names, so offsets hold: the CSS becomes ../../../x.cs, the NCX an absolute path.
    const renamed = Buffer.from(epub);
    const swap = (from: string, to: string) => {
      expect(to.length).toBe(from.length);
      for (let at = renamed.indexOf(from); at !== -1; at = renamed.indexOf(from, at + 1)) renamed.write(to, at, 'latin1');
    };
    swap('EPUB/epub.css', '../../../x.cs');
    swap('EPUB/toc.ncx', '/tmp/evil.nc');
    const r = await here(['check', distOf({ 'book.epub': renamed }), '--json']);
    expect(r.code).toBe(1);
    const ds = checkJson<{ code: string; severity: string; message: string; hint: string }>(r);
    const zip = ds.filter((d) => d.code === 'TP130');
    expect(zip.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(zip.map((d) => d.message).join('\n')).toMatch(/"\/tmp\/evil\.nc", an absolute path[\s\S]*"\.\.\/\.\.\/\.\.\/x\.cs", a path with "\.\."|"\.\.\/\.\.\/\.\.\/x\.cs", a path with "\.\."[\s\S]*"\/tmp\/evil\.nc", an absolute path/);
    // Ace is not run on it at all: nothing blames Ace or suggests npm ci.
    for (const d of ds) expect(`${d.message} ${d.hint}`).not.toMatch(/\bAce\b.*could not|npm ci/);
    expect(ds.some((d) => d.code === 'TP044')).toBe(false);
  });
});

/** Root can mount a small tmpfs: a full disk and a read-only file system for --out. */
function mountTmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  return process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
}

describe('round three: --out that cannot be written', () => {
  it('a full disk names the output path and ENOSPC; a read-only one EROFS, not ENOENT', async (ctx) => {
    const base = tempDir('out3-');
    const full = join(base, 'full');
    const ro = join(base, 'ro');
    if (!mountTmpfs(full, 'size=8k') || !mountTmpfs(ro, 'ro,size=100k')) { ctx.skip(); return; }
    try {
      const book = join(base, 'src', 'small');
      mkdirSync(book, { recursive: true });
      writeFileSync(join(book, 'transcript.txt'), smallTranscript());
      writeFileSync(join(book, 'book.yaml'), 'id: urn:x:out\ntitle: 输出\nspeaker: 王毅\nsource: 新华社\ndate: 2024-03-07\n');
      const diskFull = await here(['build', book, '--out', join(full, 'dist'), '--format', 'epub', '--json']);
      const d1 = outcomes(diskFull.out).get('small')!.diagnostics.find((d) => d.severity === 'error')!;
      expect(d1.code).toBe('TP050');
      expect(d1.file).toBe(join(full, 'dist', 'small'));
      expect(d1.message).toMatch(/ENOSPC/);
      const readOnly = await here(['build', book, '--out', join(ro, 'dist'), '--format', 'epub', '--json']);
      const d2 = outcomes(readOnly.out).get('small')!.diagnostics.find((d) => d.severity === 'error')!;
      expect(d2.code).toBe('TP050');
      expect(d2.file).toBe(join(ro, 'dist', 'small'));
      expect(d2.message).toMatch(/EROFS \(the file system is read-only\)/);
      expect(d2.message).not.toMatch(/ENOENT/);
    } finally {
      spawnSync('umount', [full]);
      spawnSync('umount', [ro]);
    }
  }, 600_000);
});

describe('round three: Chromium dies with its build', () => {
  it('SIGKILL on a build while Chromium renders leaves no process with its user-data-dir', async () => {
    const dir = join(tempDir('kill3-'), 'kill');
    mkdirSync(dir);
    copyFileSync(join(projectRoot, 'source/wangyi-2024-03-07/transcript.txt'), join(dir, 'transcript.txt'));
    writeFileSync(join(dir, 'book.yaml'), 'id: urn:x:kill\ntitle: 杀死\nspeaker: 王毅\nsource: 新华社\ndate: 2024-03-07\n');
    // Its own Chromium, not the run's (TRANSCRIPT_PRESS_BROWSER, test/support/shared-browser.ts): that is what must die with it.
    const child = spawn(process.execPath, [BIN, 'build', dir, '--out', join(dir, '..', 'dist')], { stdio: 'ignore', env: { ...process.env, [BROWSER_ENDPOINT]: '' } });
    const ps = () => spawnSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' }).stdout.split('\n')
      .map((l) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l)).filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), stat: m[3], args: m[4] }));
    // Wait for this build's browser: a chromium whose parent is the build.
    let profile: string | undefined;
    for (let i = 0; i < 600 && !profile; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const browser = ps().find((p) => p.ppid === child.pid && /chromium/.test(p.args) && /--user-data-dir=/.test(p.args));
      profile = browser ? /--user-data-dir=(\S+)/.exec(browser.args)![1] : undefined;
    }
    expect(profile, 'the build started Chromium').toBeDefined();
    // Let it get to work, then kill the build the way a CI runner's timeout does.
    await new Promise((r) => setTimeout(r, 2000));
    child.kill('SIGKILL');
    let left = ps().filter((p) => p.args.includes(profile!) && !p.stat.startsWith('Z'));
    for (let i = 0; i < 100 && left.length; i++) {
      await new Promise((r) => setTimeout(r, 200));
      left = ps().filter((p) => p.args.includes(profile!) && !p.stat.startsWith('Z'));
    }
    expect(left).toEqual([]);
  });
});
