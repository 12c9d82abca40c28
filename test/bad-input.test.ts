// Bad input and faults, through the real command: each gets one clear diagnostic naming the file and
// what to do, exit code 1 (2 for usage), no stack trace, nothing written to dist/ and source/ untouched.
import { sha256 } from '../scripts/core/files.ts';
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, readFileSync, symlinkSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateBook } from '../scripts/fixtures/generate.ts';
import { projectRoot } from '../scripts/render/templates.ts';
import { poppler, pdftotext, run, tempDir } from './helpers.ts';
import { cliInProcess } from './support/cli.ts';

const BIN = join(projectRoot, 'bin/transcript-press.mjs');

/** The CLI in a child process, waited for without blocking this worker (see scripts/core/run.ts). */
async function spawned(args: string[], env: Record<string, string> = {}) {
  const r = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 600_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * The CLI's run() in this process (test/support/cli.ts): the same code, exit code and output without
 * 3 s of start-up per case. The contract through the real binary is proved by the cases that spawn it
 * (the empty transcript, a usage error, the two project copies below).
 */
const cli = cliInProcess;

/** Every file below `dir` with its hash: to prove a failed build changed nothing. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out[f] = sha256(readFileSync(p));
  }
  return out;
}

/** A fresh small book in its own workspace; `mutate` breaks it. */
function workspace(mutate: (bookDir: string) => void = () => {}) {
  const root = tempDir('bad-');
  const book = generateBook(join(root, 'source'), 'book', 1500);
  mutate(book.dir);
  return { root, book: book.dir, dist: join(root, 'dist') };
}

/** Builds a broken book and checks the failure contract. */
async function expectFailure(ws: ReturnType<typeof workspace>, code: string, fileHint: RegExp, extraArgs: string[] = [], env: Record<string, string> = {}, via = cli) {
  const sourceBefore = snapshot(ws.book);
  const distBefore = snapshot(ws.dist);
  const r = await via(['build', ws.book, '--out', ws.dist, ...extraArgs], env);
  expect(r.code, r.err).toBe(1);
  expect(r.err).toContain(code);
  expect(r.err).toMatch(fileHint);
  expect(r.err).toMatch(/fix: /);
  expect(r.err).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
  expect(snapshot(ws.book)).toEqual(sourceBefore);
  expect(snapshot(ws.dist)).toEqual(distBefore);
  return r;
}

describe('bad input', () => {
  it('empty transcript → TP002 (through the real binary: exit status 1, no stack trace)', async () => {
    await expectFailure(workspace((d) => writeFileSync(join(d, 'transcript.txt'), '\n  \n')), 'TP002', /transcript\.txt/, [], {}, spawned);
  });
  it('binary file → TP003', async () => {
    await expectFailure(workspace((d) => writeFileSync(join(d, 'transcript.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]))), 'TP003', /transcript\.txt/);
  });
  it('invalid UTF-8 that is not GB18030 either → TP005', async () => {
    await expectFailure(workspace((d) => writeFileSync(join(d, 'transcript.txt'), Buffer.from([0xff, 0xfe, 0xff, 0x41, 0x0a, 0xff, 0x30]))), 'TP005', /transcript\.txt/);
  });
  it('malformed book.yaml → TP010 with line:column and a caret', async () => {
    const r = await expectFailure(workspace((d) => writeFileSync(join(d, 'book.yaml'), 'id: urn:x\ntitle: [unclosed\nspeaker: 王毅\n')), 'TP010', /book\.yaml:\d+:\d+/);
    expect(r.err).toMatch(/\|\s+\^/);
  });
  it('a field of the wrong kind → TP011 naming the field and the fix', async () => {
    const r = await expectFailure(workspace((d) => writeFileSync(join(d, 'book.yaml'), readFileSync(join(d, 'book.yaml'), 'utf8').replace('date: 2024-03-07', 'date: 7 March 2024'))), 'TP011', /book\.yaml:5:7/);
    expect(r.err).toContain('field "date"');
  });
  it('unknown template → TP013 listing the templates there are', async () => {
    const r = await expectFailure(workspace((d) => writeFileSync(join(d, 'book.yaml'), readFileSync(join(d, 'book.yaml'), 'utf8') + 'template: fancy\n')), 'TP013', /book\.yaml/);
    expect(r.err).toContain('default');
  });
  it('stale correction → TP020', async () => {
    await expectFailure(workspace((d) => writeFileSync(join(d, 'book.yaml'), readFileSync(join(d, 'book.yaml'), 'utf8') + 'corrections:\n  - { find: 这句话不存在, replace: x }\n')), 'TP020', /book\.yaml/);
  });
  it('a 50 MB transcript → TP006 (split it into volumes), quickly', async () => {
    const ws = workspace((d) => writeFileSync(join(d, 'transcript.txt'), '标题\n\n' + '王毅：我们愿同各方一道，共同推动合作。\n\n'.repeat(900_000)));
    expect(statSync(join(ws.book, 'transcript.txt')).size).toBeGreaterThan(50 * 1000 * 1000);
    await expectFailure(ws, 'TP006', /transcript\.txt/);
  });
  it('a folder without book.yaml → TP014', async () => {
    const ws = workspace();
    const empty = join(ws.root, 'source', 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'transcript.txt'), '标题\n\n正文。\n');
    const r = await cli(['build', empty, '--out', ws.dist]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('TP014');
    expect(r.err).toContain('book.yaml');
    expect(existsSync(join(ws.dist, 'empty'))).toBe(false);
  });
  it('an unwritable output folder → TP050', async () => {
    const ws = workspace();
    writeFileSync(join(ws.root, 'not-a-dir'), 'x');
    const r = await cli(['build', ws.book, '--out', join(ws.root, 'not-a-dir', 'dist'), '--format', 'epub']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('TP050');
    expect(r.err).not.toMatch(/^\s+at /m);
  });
  it('Chromium missing → TP030 with the fix', async () => {
    const r = await expectFailure(workspace(), 'TP030', /PUPPETEER_EXECUTABLE_PATH|npm run setup/, ['--format', 'pdf'], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' });
    expect(r.err).toContain('/nonexistent/chromium');
  });
  it('fonts missing → TP031 naming the package and the fix', async () => {
    // A copy of the project whose node_modules has every package but the fonts.
    const project = tempDir('nofonts-');
    for (const part of ['bin', 'scripts', 'templates', 'package.json']) cpSync(join(projectRoot, part), join(project, part), { recursive: true });
    mkdirSync(join(project, 'node_modules', '@expo-google-fonts'), { recursive: true });
    for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
      if (entry === '@expo-google-fonts' || entry === '.bin') continue;
      symlinkSync(join(projectRoot, 'node_modules', entry), join(project, 'node_modules', entry));
    }
    const ws = workspace();
    const r = await run(process.execPath, [join(project, 'bin/transcript-press.mjs'), 'build', ws.book, '--out', ws.dist, '--format', 'pdf'], { timeout: 600_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('TP031');
    expect(r.stderr).toContain('@expo-google-fonts/noto-serif-sc');
    expect(r.stderr).toContain('npm ci');
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(snapshot(ws.dist)).toEqual({});
  });
  it('usage errors exit 2', async () => {
    expect((await cli(['build', '--format', 'docx'])).code).toBe(2);
    expect((await spawned(['frobnicate'])).code).toBe(2); // the real binary's exit status
    expect((await cli(['build', '--shard', '3/2'])).code).toBe(2);
  });
});

describe('awkward but valid input builds', () => {
  it('node_modules outside the project (hoisted or linked) still loads the fonts: no Type 3, nothing blocked', async () => {
    const project = tempDir('linked-');
    for (const part of ['bin', 'scripts', 'templates', 'package.json']) cpSync(join(projectRoot, part), join(project, part), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'));
    const ws = workspace();
    const r = await run(process.execPath, [join(project, 'bin/transcript-press.mjs'), 'build', ws.book, '--out', ws.dist, '--format', 'pdf'], { timeout: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('TP033');
    const fonts = poppler('pdffonts', [join(ws.dist, 'book', 'book.pdf')]);
    expect(fonts).toContain('CID TrueType');
    expect(fonts).not.toContain('Type 3');
  });
  it('GB18030 text is converted, with a TP004 warning', async () => {
    const ws = workspace();
    const utf8 = readFileSync(join(ws.book, 'transcript.txt'), 'utf8');
    writeFileSync(join(ws.book, 'transcript.txt'), new Uint8Array(gb18030(utf8)));
    const r = await cli(['build', ws.book, '--out', ws.dist, '--format', 'epub']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('TP004');
    const normalised = (await cli(['normalize', join(ws.book, 'transcript.txt')])).out;
    expect(normalised).toContain('我们愿同');
  });
  it('BOM and CRLF read exactly like plain LF UTF-8', async () => {
    const ws = workspace();
    const file = join(ws.book, 'transcript.txt');
    const plain = (await cli(['normalize', file])).out;
    writeFileSync(file, '\uFEFF' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect((await cli(['normalize', file])).out).toBe(plain);
    expect((await cli(['build', ws.book, '--out', ws.dist, '--format', 'epub'])).code).toBe(0);
  });
  it('a transcript with no speaker labels builds as plain prose', async () => {
    const ws = workspace((d) => writeFileSync(join(d, 'transcript.txt'), '一篇文章\n\n第一段，讲城市更新。\n\n第二段，讲社区治理。\n'));
    const r = await cli(['build', ws.book, '--out', ws.dist]);
    expect(r.code, r.err).toBe(0);
    expect(pdftotext(join(ws.dist, 'book', 'book.pdf')).replace(/\s+/g, '')).toContain('第二段，讲社区治理。');
  });
  it('HTML and script in the transcript are shown as text, never run, nothing fetched', async () => {
    const ws = workspace((d) => writeFileSync(join(d, 'transcript.txt'),
      '标题\n\n王毅：请看<img src="http://127.0.0.1:9/x.png" onerror="document.title=1">和<script>document.body.innerHTML=""</script>这段。\n\n王毅：<link rel=stylesheet href=https://example.invalid/a.css>第二段。\n'));
    const r = await cli(['build', ws.book, '--out', ws.dist]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('TP033'); // no request was even attempted
    // pdftotext breaks lines where the page did; compare without white space.
    const text = pdftotext(join(ws.dist, 'book', 'book.pdf')).replace(/\s+/g, '');
    // (The straight quotes inside became Chinese quotes: the script is text like any other.)
    expect(text).toContain('<script>document.body.innerHTML=');
    expect(text).toContain('<imgsrc=“http://127.0.0.1:9/x.png”');
    expect(text).toContain('第二段');
  });
});

/** GB18030 encoder for the test (TextEncoder only does UTF-8): via the decoder's table, inverted. */
function gb18030(text: string): number[] {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    if (lo === 0x7f) continue;
    const ch = decoder.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no GB18030 two-byte code for ${ch}`);
  }
  return out;
}
