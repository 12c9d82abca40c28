// Validators on built output: epubcheck and Ace by DAISY (their own message ids kept), pdffonts, SHA256SUMS.
import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import { createConnection } from 'node:net';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { run } from './core/run.ts';
import { diagnostic, type Diagnostic } from './core/diagnostics.ts';
import { cachedVerdict } from './core/verdicts.ts';
import { runAce } from './epub/ace.ts';
import { inspectEpub } from './epub/inspect.ts';

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
/** epubcheck's Java heap: bounded, so a hostile EPUB cannot take the machine's memory. */
export const EPUBCHECK_HEAP_MB = 1024;
/** Generous: epubcheck takes seconds, but a loaded machine (a CI runner, a busy laptop) is slow. */
const EPUBCHECK_TIMEOUT_MS = 600_000;

export interface EpubcheckMessage { ID: string; severity: string; message: string; locations?: { path: string; line: number; column: number }[] }

/**
 * The JVM options epubcheck runs with. A check is one short run, so the JVM's optimising compiler and
 * parallel collector only add start-up work: client compilation and the serial collector halve its CPU
 * time (12 s to 5 s on the seed book, measured on 2 cores), with the same report.
 */
export const EPUBCHECK_JVM = [`-Xmx${EPUBCHECK_HEAP_MB}m`, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * The same run in an epubcheck JVM that is already warm, when TP_EPUBCHECK_SOCKET names one (the test
 * suite starts one per run: test/support/epubcheck-server.ts): true once it has written the report.
 * False (the caller starts its own JVM) when there is none or it does not answer.
 */
function viaServer(epubPath: string, report: string): Promise<boolean> {
  const socket = process.env.TP_EPUBCHECK_SOCKET;
  // One request is one line: a name with a line break or tab goes to a JVM of its own.
  if (!socket || /[\t\r\n]/.test(epubPath + report)) return Promise.resolve(false);
  return new Promise((resolve) => {
    let answer = '';
    const conn = createConnection(socket);
    conn.setTimeout(EPUBCHECK_TIMEOUT_MS, () => conn.destroy());
    conn.on('connect', () => conn.write(`${resolvePath(epubPath)}\t${report}\n`));
    conn.on('data', (d) => { answer += d.toString(); });
    conn.on('error', () => resolve(false));
    conn.on('close', () => resolve(/^\d+\n$/.test(answer)));
  });
}

/** epubcheck's messages on the EPUB (its JSON report), or why it did not run. */
async function epubcheckMessages(epubPath: string): Promise<EpubcheckMessage[] | { failed: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'epubcheck-'));
  try {
    const out = join(dir, 'report.json');
    if (!(await viaServer(epubPath, out) && existsSync(out))) {
      const r = await run('java', [...EPUBCHECK_JVM, '-jar', EPUBCHECK_JAR, epubPath, '--json', out], { timeout: EPUBCHECK_TIMEOUT_MS });
      if (!existsSync(out)) return { failed: (r.stderr || r.error?.message || 'epubcheck did not run').slice(0, 300) };
    }
    return (JSON.parse(readFileSync(out, 'utf8')).messages ?? []) as EpubcheckMessage[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runEpubcheck(epubPath: string): Promise<{ messages: EpubcheckMessage[]; diagnostics: Diagnostic[] }> {
  let failed = '';
  const messages = await cachedVerdict('epubcheck 4.2.6', epubPath, async () => {
    const m = await epubcheckMessages(epubPath);
    if (Array.isArray(m)) return m;
    failed = m.failed;
    return undefined;
  });
  if (!messages) return { messages: [], diagnostics: [diagnostic('TP040', { id: 'RUN', reason: failed }, { file: epubPath })] };
  const diagnostics = messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE').map((m) => {
    const loc = m.locations?.[0];
    return diagnostic(m.severity === 'WARNING' ? 'TP041' : 'TP040', { id: m.ID, reason: m.message },
      { file: loc ? `${epubPath}/${loc.path}` : epubPath, line: loc?.line && loc.line > 0 ? loc.line : undefined, column: loc?.column && loc.column > 0 ? loc.column : undefined });
  });
  return { messages, diagnostics };
}

export interface PdfFont { name: string; type: string; embedded: boolean; subset: boolean }

export function pdfFonts(pdfPath: string): PdfFont[] {
  const out = spawnSync('pdffonts', [pdfPath], { encoding: 'utf8' }).stdout;
  return out.split('\n').slice(2).filter(Boolean).map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type [type2] encoding emb sub uni object ID
    const n = cols.length;
    return { name: cols[0], type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
  });
}

/**
 * Opens the PDF with qpdf (`qpdf --check`: the trailer, the /Root catalogue, the page tree and every
 * object's syntax) and says why it cannot be read, or null. Exit status 0 is a sound file, 3 one qpdf
 * read with warnings (still opens), 2 one it could not read.
 */
export async function openPdf(path: string): Promise<Diagnostic | null> {
  const r = await run('qpdf', ['--check', path], { timeout: EPUBCHECK_TIMEOUT_MS });
  if (r.status === 0 || r.status === 3) return null;
  const lines = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.split(path).join('').replace(/^(qpdf|WARNING):\s*:?\s*/, '').trim()).filter(Boolean);
  // qpdf's last word is why it gave up ("unable to find /Root dictionary"); the warnings before it say what it met.
  const fatal = `${r.stderr}`.split('\n').filter((l) => l.startsWith('qpdf:')).map((l) => l.split(path).join('').replace(/^qpdf:\s*:?\s*/, '').trim());
  const reason = r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT'
    ? 'qpdf is not installed (run `npm run setup` as root, or apt-get install qpdf)'
    : [...new Set([...fatal, ...lines.filter((l) => /nested|damaged|not a PDF|header/i.test(l))])].slice(0, 3).join('; ').slice(0, 300) || lines.slice(-1)[0] || `qpdf exited with ${r.status}`;
  return diagnostic('TP128', { file: path, reason }, { file: path });
}

/** Largest file `check` reads or hands to a validator (a built book is far smaller). */
export const MAX_CHECK_MB = 512;
/** Largest document inside an EPUB that is given to epubcheck or Ace (each loads it whole). */
export const MAX_ENTRY_MB = 64;

/** SHA-256 of a regular file read in 1 MB chunks (memory stays flat whatever the size). */
export function hashFile(path: string): string {
  // O_NOFOLLOW: a symlink swapped in after the lstat is not followed; O_NONBLOCK: a FIFO does not hang the open.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    const hash = createHash('sha256');
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a SHA256SUMS name may not be opened, or null. Names are what the build writes: a plain relative
 * path to a regular file inside the folder. No absolute path, no `..`, no symlink, nothing that is
 * not a regular file (a FIFO would hang the read, a device never end).
 */
export function unsafeName(dir: string, name: string): string | null {
  if (name === '' || isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.includes('\\')) return 'an absolute path';
  if (name.split('/').some((seg) => seg === '..' || seg === '')) return 'a path that leaves the folder';
  if (/[\u0000-\u001F]/.test(name)) return 'a name with control characters';
  const path = join(dir, name);
  let st;
  try { st = lstatSync(path); } catch { return null; } // missing: reported as a mismatch
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (!st.isFile()) return 'not a regular file';
  // A folder on the way may itself be a link out of the folder.
  const real = realpathSync(path);
  const rel = relative(realpathSync(dir), real);
  if (rel.startsWith('..') || isAbsolute(rel)) return 'a path that leaves the folder';
  return null;
}

export function verifySums(dir: string): Diagnostic[] {
  const file = join(dir, 'SHA256SUMS');
  let st;
  try { st = lstatSync(file); } catch { return [diagnostic('TP001', { what: file, reason: 'missing' }, { file })]; }
  if (!st.isFile()) return [diagnostic('TP045', { line: 0, name: 'SHA256SUMS', reason: 'which is itself not a regular file' }, { file })];
  if (st.size > 1024 * 1024) return [diagnostic('TP046', { path: file, size: (st.size / 1024 / 1024).toFixed(1), limit: 1 }, { file })];
  const problems: Diagnostic[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!m) { problems.push(diagnostic('TP045', { line: i + 1, name: line.slice(0, 80), reason: 'which is not a "HASH  NAME" line' }, { file, line: i + 1 })); return; }
    const [, hash, name] = m;
    // A sum of SHA256SUMS inside SHA256SUMS cannot hold: the line would change the hash it states.
    if (name === 'SHA256SUMS' || name === './SHA256SUMS') {
      problems.push(diagnostic('TP001', { what: `SHA256SUMS line ${i + 1}`, reason: 'it names SHA256SUMS itself, whose hash it cannot hold (the build never writes such a line): delete the line' }, { file, line: i + 1 }));
      return;
    }
    const unsafe = unsafeName(dir, name);
    if (unsafe) { problems.push(diagnostic('TP045', { line: i + 1, name, reason: unsafe }, { file, line: i + 1 })); return; }
    const path = join(dir, name);
    if (!existsSync(path)) { problems.push(diagnostic('TP001', { what: path, reason: 'missing, though SHA256SUMS lists it' }, { file: path })); return; }
    const size = statSync(path).size;
    if (size > MAX_CHECK_MB * 1024 * 1024) { problems.push(diagnostic('TP046', { path, size: (size / 1024 / 1024).toFixed(1), limit: MAX_CHECK_MB }, { file: path })); return; }
    let actual: string;
    try { actual = hashFile(path); } catch (err) {
      problems.push(diagnostic('TP045', { line: i + 1, name, reason: (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'a symbolic link' : 'not a regular file' }, { file, line: i + 1 }));
      return;
    }
    if (actual !== hash.toLowerCase()) problems.push(diagnostic('TP001', { what: path, reason: 'does not match SHA256SUMS' }, { file: path }));
  });
  return problems;
}

/** Before epubcheck and Ace: size limits, and no script for Ace's browser to run. */
function epubGate(path: string): { diagnostics: Diagnostic[]; ace: boolean; epubcheck: boolean } {
  const size = statSync(path).size;
  if (size > MAX_CHECK_MB * 1024 * 1024) {
    return { diagnostics: [diagnostic('TP046', { path, size: (size / 1024 / 1024).toFixed(1), limit: MAX_CHECK_MB }, { file: path })], ace: false, epubcheck: false };
  }
  let inspection;
  try { inspection = inspectEpub(path, MAX_ENTRY_MB * 1024 * 1024); } catch (err) {
    return { diagnostics: [diagnostic('TP040', { id: 'PKG', reason: `not a readable EPUB: ${(err as Error).message}` }, { file: path })], ace: false, epubcheck: false };
  }
  const diagnostics = inspection.tooLarge.map((e) => diagnostic('TP046', { path: `${path}/${e.name}`, size: (e.size / 1024 / 1024).toFixed(1), limit: MAX_ENTRY_MB }, { file: `${path}/${e.name}` }));
  for (const s of inspection.scripted) diagnostics.push(diagnostic('TP047', { path: `${path}/${s.name}`, what: s.what }, { file: `${path}/${s.name}` }));
  // An entry name that leaves the container: whatever unzips it (Ace does) would write outside its folder.
  for (const e of inspection.entries) {
    const reason = /^[/\\]|^[A-Za-z]:/.test(e.name) ? 'an absolute path'
      : e.name.split(/[/\\]/).includes('..') ? 'a path with ".." that leaves the container'
        : /[\u0000-\u001F]/.test(e.name) ? 'a name with control characters' : null;
    if (reason) diagnostics.push(diagnostic('TP130', { file: path, name: e.name.replace(/[\u0000-\u001F]/g, '?').slice(0, 200), reason }, { file: path }));
  }
  return { diagnostics, ace: diagnostics.length === 0, epubcheck: inspection.tooLarge.length === 0 };
}

/** A FIFO, device, socket or link in built output: reading it could wait forever, so it is not read. */
function notRegular(path: string, st: Stats): Diagnostic {
  const kind = st.isSymbolicLink() ? 'a symbolic link' : st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : 'a device';
  return diagnostic('TP071', { what: path, kind }, { file: path });
}

export async function checkDist(dir: string): Promise<Diagnostic[]> {
  const sumsStat = lstatSync(join(dir, 'SHA256SUMS'), { throwIfNoEntry: false });
  if (sumsStat && !sumsStat.isFile()) return [notRegular(join(dir, 'SHA256SUMS'), sumsStat)];
  const diagnostics: Diagnostic[] = [...verifySums(dir)];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (!st.isFile()) {
      // Reported once (SHA256SUMS may have named it already); a plain folder is no concern.
      const reported = diagnostics.some((d) => d.code === 'TP071' && d.file === path);
      if (!reported && (name.endsWith('.epub') || name.endsWith('.pdf') || !st.isDirectory())) diagnostics.push(notRegular(path, st));
      continue;
    }
    if (name.endsWith('.epub')) {
      const gate = epubGate(path);
      diagnostics.push(...gate.diagnostics);
      if (gate.epubcheck) diagnostics.push(...(await runEpubcheck(path)).diagnostics);
      if (gate.ace) diagnostics.push(...(await runAce(path)).diagnostics);
    }
    if (name.endsWith('.pdf')) {
      // Opened first: a PDF no reader can open passes a font check vacuously (no fonts found).
      const opened = await openPdf(path);
      if (opened) { diagnostics.push(opened); continue; }
      for (const f of pdfFonts(path)) {
        if (f.type.startsWith('Type 3') || !f.embedded) {
          diagnostics.push(diagnostic('TP036', { font: f.name, file: name, problem: f.embedded ? f.type : 'not embedded' }, { file: path }));
        }
      }
    }
  }
  return diagnostics;
}
