// Hostile book folders are inert (issue #16), through the real command: script in book.yaml, in the
// transcript and in a book's own templates and cover runs nowhere and reaches nothing (a listener on
// 127.0.0.1 counts every TCP connection and UDP datagram); text comes out as written; links to host
// files, FIFOs, a catastrophic regex, huge fields and huge transcripts end in a build or a coded
// refusal, never a hang, a crash or a host file in the output. The builds are shared: one PDF+EPUB
// build of the three injection books, one EPUB build of the rest (generous timeouts: this asserts that
// the builds finish, not how fast).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { spawnSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { projectRoot } from '../../scripts/render/templates.ts';
import { chromiumFlags, chromiumPath, connectBrowser, killBrowser, launchBrowser } from '../../scripts/core/browser.ts';
import { buildBook } from '../../scripts/build.ts';
import { defaultContext } from '../../scripts/core/context.ts';
import { sha256 } from '../../scripts/core/files.ts';
import { pdftotext, tempDir } from '../helpers.ts';
import { epubcheckErrors } from '../support/validators.ts';
import { readZip } from '../support/zip.ts';
import { hostileCorpus, pageScript, type HostileCorpus, runProcess } from './fixtures.ts';
import { listen, type Listener } from './listener.ts';

const BIN = join(projectRoot, 'bin/transcript-press.mjs');

interface Outcome { id: string; status: string; diagnostics: { code: string; severity: string; message: string; hint: string; file?: string; line?: number; column?: number }[] }

/** The command, run asynchronously: the listener in this process must keep accepting meanwhile. */
function run(args: string[], timeoutMs = 600_000): Promise<{ code: number | null; out: string; err: string }> {
  return runProcess(process.execPath, [BIN, ...args], timeoutMs);
}


const outcomes = (out: string): Map<string, Outcome> => new Map((JSON.parse(out) as Outcome[]).map((o) => [o.id, o]));

/** Every file below `dir` with its hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out[f] = sha256(readFileSync(p));
  }
  return out;
}

/** The text of every output: files as they are, EPUB entries unzipped, PDFs as text. */
function outputTexts(dir: string): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    texts.push({ name: f, text: readFileSync(p, 'latin1') });
    if (f.endsWith('.pdf')) texts.push({ name: `${f} (text)`, text: pdftotext(p) });
    if (f.endsWith('.epub')) {
      // Every entry, as `unzip -p` would print it (test/support/zip.ts: no process per entry).
      for (const entry of readZip(p)) texts.push({ name: `${f}/${entry.name}`, text: entry.data.toString('utf8') });
    }
  }
  return texts;
}

/** Lines of host files that must never be published (long enough not to occur by chance). */
function hostSecrets(): string[] {
  const lines = ['/etc/passwd', '/etc/hostname'].filter(existsSync)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n')).map((l) => l.trim()).filter((l) => l.length >= 8);
  return [...new Set(lines)];
}

function sha256sumCheck(dir: string): number | null {
  return spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' }).status;
}

let listener: Listener;
let corpus: HostileCorpus;
let root: string;
let dist: string;
let injection: { code: number | null; out: string; err: string };
let rest: { code: number | null; out: string; err: string };

beforeAll(async () => {
  listener = await listen();
  root = tempDir('hostile-');
  dist = join(root, 'dist');
  corpus = hostileCorpus(join(root, 'source'), { tcp: listener.tcp, udp: listener.udp });
  const { yamlStrings, transcriptText, ownTemplates } = corpus.injection;
  injection = await run(['build', yamlStrings, transcriptText, ownTemplates, '--out', dist, '--json', '--jobs', '2']);
  rest = await run(['build', corpus.builds.catastrophicRegex, ...corpus.refused.map((r) => r.dir), '--out', dist, '--format', 'epub', '--json', '--jobs', '2']);
  // Anything sent in the last moments of a build is in the listener's queue: let it through.
  await new Promise((r) => setImmediate(r));
}, 1_200_000);

afterAll(async () => { await listener?.close(); });

describe('hostile book folders', () => {
  it('the listener on 127.0.0.1 receives 0 connections (HTTP, WebSocket, UDP for WebRTC)', () => {
    expect(listener.seen).toEqual([]);
  });

  it('the injection books build; their blocked requests are reported, not silent', () => {
    const o = outcomes(injection.out);
    expect(injection.code, injection.err).toBe(0);
    for (const id of ['yaml-strings', 'transcript-text', 'own-templates']) expect(o.get(id)?.status, id).toBe('built');
    // The book's own print template asked for the listener and for host files: blocked and said so.
    const blocked = o.get('own-templates')!.diagnostics.filter((d) => d.code === 'TP033').map((d) => d.message).join('\n');
    expect(blocked).toContain('file:///etc/passwd');
    expect(blocked).toMatch(/127\.0\.0\.1/);
  });

  it('script text in book.yaml prints as text, in the running heads too (the <style> held)', () => {
    const pdf = join(dist, 'yaml-strings', 'yaml-strings.pdf');
    const pages = pdftotext(pdf).split('\f');
    // A running head is one line: the long title is cut after a word with an ellipsis (render/lines.ts
    // runningHead), so the head holds the payload's start, printed as text.
    const headed = pages.filter((p) => /<\/style><\/script><script>fetch\(.*…$/.test((p.split('\n').find((l) => l.trim()) ?? '').trim()));
    // Every left-hand body page carries the title as its running head: many pages, not one.
    expect(headed.length).toBeGreaterThanOrEqual(3);
    const text = pages.join('\n');
    expect(text).toContain('a"b\\c</style>d]]>e'); // section 2's heading, in the contents
    expect(text).toContain(`/correction')`); // a correction's replacement, in the body
  });

  it('script text in the transcript (title line, a speaker label, question and answer) prints as text', () => {
    const text = pdftotext(join(dist, 'transcript-text', 'transcript-text.pdf'));
    expect(text).toContain('</style><script>a=1</script>');
    expect(text).toContain(`/question')`);
    expect(text).toContain(`/answer')`);
  });

  it('the EPUBs hold the payloads as escaped text and pass epubcheck', async () => {
    for (const id of ['yaml-strings', 'transcript-text']) {
      const docs = outputTexts(join(dist, id)).filter((t) => /\.(xhtml|opf|ncx|html)$/.test(t.name));
      expect(docs.length).toBeGreaterThan(3);
      for (const d of docs) expect(d.text, d.name).not.toMatch(/<script|<img src=\/\//i);
      // The payload is there as text: escaped in the markup (&lt; or &#x3C;), whole once decoded.
      const decoded = (t: string) => t.replace(/&lt;|&#x3C;|&#60;/gi, '<').replace(/&gt;|&#x3E;|&#62;/gi, '>').replace(/&#39;|&#x27;/g, "'");
      expect(docs.some((d) => decoded(d.text).includes('</style></script><script>fetch(')), id).toBe(true);
    }
    expect(await epubcheckErrors(join(dist, 'yaml-strings', 'yaml-strings.epub'))).toEqual([]);
  });

  it('no host file is published: no line of /etc/passwd or /etc/hostname in any output', () => {
    const secrets = hostSecrets();
    expect(secrets.length).toBeGreaterThan(0);
    for (const t of outputTexts(dist)) for (const s of secrets) expect(t.text.includes(s), `${s} in ${t.name}`).toBe(false);
  });

  it('a catastrophic regex alias /(a+)+$/ finishes (linear-time matching)', () => {
    const o = outcomes(rest.out).get('catastrophic-regex');
    expect(o?.status).toBe('built');
    expect(sha256sumCheck(join(dist, 'catastrophic-regex'))).toBe(0);
  });

  it('links out of the book, FIFOs, a 100,000-character title and 100,000 paragraphs are refused up front with a code and a fix', () => {
    const o = outcomes(rest.out);
    expect(rest.code).toBe(1);
    for (const { dir, code } of corpus.refused) {
      const id = basename(dir);
      expect(o.get(id)?.status, id).toBe('failed');
      expect(o.get(id)?.diagnostics.map((d) => d.code), id).toEqual([code]);
      expect(o.get(id)?.diagnostics[0].hint.length).toBeGreaterThan(10);
      expect(existsSync(join(dist, id)), id).toBe(false);
    }
    expect(rest.err).not.toMatch(/TP090|heap|^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('severity decides, output is atomic per book', () => {
  it('an error diagnostic (an alias RE2 cannot run) fails the book: exit 1, printed once with its place, previous output untouched', async () => {
    const dir = corpus.builds.catastrophicRegex;
    const out = join(dist, 'catastrophic-regex');
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('SHA256SUMS');
    const yaml = readFileSync(join(dir, 'book.yaml'), 'utf8');
    writeFileSync(join(dir, 'book.yaml'), yaml.replace("aliases: ['/(a+)+$/'", "aliases: ['/(a)\\1/'"));
    try {
      const r = await run(['build', dir, '--out', dist, '--format', 'epub']);
      expect(r.code, r.err).toBe(1);
      expect(r.err.match(/TP072/g)).toHaveLength(1);
      const line = yaml.split('\n').findIndex((l) => l.includes('aliases:')) + 1;
      expect(r.err).toMatch(new RegExp(`book\\.yaml:${line}:\\d+`));
      expect(snapshot(out)).toEqual(before);
    } finally {
      writeFileSync(join(dir, 'book.yaml'), yaml);
    }
  });

  it('the incremental check verifies the set: a damaged folder is rebuilt, not called unchanged', async () => {
    const dir = corpus.builds.catastrophicRegex;
    const out = join(dist, 'catastrophic-regex');
    const same = await run(['build', dir, '--out', dist, '--format', 'epub']);
    expect(same.err).toContain('skipped catastrophic-regex (unchanged)');
    appendFileSync(join(out, 'changes.html'), '<!-- half of another build -->');
    expect(sha256sumCheck(out)).not.toBe(0);
    const again = await run(['build', dir, '--out', dist, '--format', 'epub']);
    expect(again.err).toContain('built catastrophic-regex');
    expect(sha256sumCheck(out)).toBe(0);
  });

  it('a build that fails half-way (after the change report, in the PDF) leaves the previous set whole', async () => {
    const dir = corpus.builds.catastrophicRegex;
    const out = join(dist, 'catastrophic-regex');
    const before = snapshot(out);
    await expect(buildBook(dir, {
      out: dist, formats: new Set(['pdf', 'epub']), ctx: defaultContext({ log: () => {} }),
      browser: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
    })).rejects.toThrow(/ENOSPC/);
    expect(snapshot(out)).toEqual(before);
    expect(sha256sumCheck(out)).toBe(0);
    expect(readdirSync(dist).filter((n) => n.includes('staging') || n.includes('.old-'))).toEqual([]);
  });
});

describe('the renderer is a sandbox', () => {
  it('a page that phones home does so from a plain Chromium, and not from the build\'s (nor will build connect to the plain one)', async () => {
    const l = await listen();
    const file = join(tempDir('phone-'), 'page.html');
    writeFileSync(file, `<!DOCTYPE html><html><head>${pageScript(l, 'p')}</head><body><img src="http://127.0.0.1:${l.tcp}/img"></body></html>`);
    const visit = async (browser: import('puppeteer-core').Browser) => {
      const page = await browser.newPage();
      page.setDefaultTimeout(0); // a loaded machine is slow; the run's limit catches a hang
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      // Give the page's own requests the time they take (the check is on the listener, not a clock).
      await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 }).catch(() => undefined);
      await page.close();
    };
    try {
      const plain = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumFlags });
      try {
        await visit(plain);
        // Nor will `build` render in it when pointed at it (TRANSCRIPT_PRESS_BROWSER): its flags are read first.
        const refused = await connectBrowser(plain.wsEndpoint()).then(() => null, (err: unknown) => err as { diagnostic?: { code: string }; message: string });
        expect(refused?.diagnostic?.code).toBe('TP032');
        expect(refused?.message).toMatch(/not started with the sandbox flags \(.*--proxy-server=socks5/);
      } finally { await plain.close(); }
      // The control: the listener does see an ordinary Chromium's requests, WebSocket included.
      expect(l.seen.some((s) => s.startsWith('http'))).toBe(true);
      expect(l.seen.some((s) => s.startsWith('upgrade'))).toBe(true);
      l.seen.length = 0;
      const sandbox = await launchBrowser();
      try { await visit(sandbox); } finally { await sandbox.close(); }
      expect(l.seen).toEqual([]);
    } finally {
      await l.close();
    }
  });

  it('a frozen browser is killed with its whole process group: no stray Chromium', async () => {
    const browser = await launchBrowser();
    const pid = browser.process()!.pid!;
    // Live members of its process group (a killed process the test has not reaped yet is a zombie: dead).
    const group = () => spawnSync('ps', ['-eo', 'pid=,pgid=,stat='], { encoding: 'utf8' }).stdout.split('\n')
      .map((l) => l.trim().split(/\s+/)).filter(([, pgid, stat]) => pgid === String(pid) && !stat?.startsWith('Z'));
    expect(group().length).toBeGreaterThan(1); // the browser and its helpers
    process.kill(pid, 'SIGSTOP'); // frozen: it will answer nothing, close() included
    await killBrowser(browser);
    expect(group()).toEqual([]);
  });
});
