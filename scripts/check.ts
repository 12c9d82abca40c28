// Validators on built output: epubcheck and Ace by DAISY (their own message ids kept), pdffonts, SHA256SUMS.
import { existsSync, lstatSync, readdirSync, readFileSync, mkdtempSync, rmSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { run } from './core/run.ts';
import { diagnostic, type Diagnostic } from './core/diagnostics.ts';
import { sha256 } from './core/files.ts';
import { runAce } from './epub/ace.ts';

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
/** Generous: epubcheck takes seconds, but a loaded machine (a CI runner, a busy laptop) is slow. */
const EPUBCHECK_TIMEOUT_MS = 600_000;

export interface EpubcheckMessage { ID: string; severity: string; message: string; locations?: { path: string; line: number; column: number }[] }

export async function runEpubcheck(epubPath: string): Promise<{ messages: EpubcheckMessage[]; diagnostics: Diagnostic[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'epubcheck-'));
  try {
    const out = join(dir, 'report.json');
    const r = await run('java', ['-jar', EPUBCHECK_JAR, epubPath, '--json', out], { timeout: EPUBCHECK_TIMEOUT_MS });
    if (!existsSync(out)) {
      return { messages: [], diagnostics: [diagnostic('TP040', { id: 'RUN', reason: (r.stderr || r.error?.message || 'epubcheck did not run').slice(0, 300) }, { file: epubPath })] };
    }
    const messages = (JSON.parse(readFileSync(out, 'utf8')).messages ?? []) as EpubcheckMessage[];
    const diagnostics = messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE').map((m) => {
      const loc = m.locations?.[0];
      return diagnostic(m.severity === 'WARNING' ? 'TP041' : 'TP040', { id: m.ID, reason: m.message },
        { file: loc ? `${epubPath}/${loc.path}` : epubPath, line: loc?.line && loc.line > 0 ? loc.line : undefined, column: loc?.column && loc.column > 0 ? loc.column : undefined });
    });
    return { messages, diagnostics };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

export function verifySums(dir: string): Diagnostic[] {
  const file = join(dir, 'SHA256SUMS');
  if (!existsSync(file)) return [diagnostic('TP001', { what: file, reason: 'missing' }, { file })];
  const problems: Diagnostic[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const [hash, name] = line.split(/\s+\*?/, 2);
    const path = join(dir, name);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (st && !st.isFile()) { problems.push(notRegular(path, st)); continue; }
    if (!existsSync(path) || sha256(readFileSync(path)) !== hash) problems.push(diagnostic('TP001', { what: path, reason: 'does not match SHA256SUMS' }, { file: path }));
  }
  return problems;
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
    if (name.endsWith('.epub')) diagnostics.push(...(await runEpubcheck(path)).diagnostics, ...(await runAce(path)).diagnostics);
    if (name.endsWith('.pdf')) {
      for (const f of pdfFonts(path)) {
        if (f.type.startsWith('Type 3') || !f.embedded) {
          diagnostics.push(diagnostic('TP036', { font: f.name, file: name, problem: f.embedded ? f.type : 'not embedded' }, { file: path }));
        }
      }
    }
  }
  return diagnostics;
}
