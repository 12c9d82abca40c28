// One warm epubcheck JVM for the run (EpubcheckServer.java beside this file). The global setup starts it
// and sets TP_EPUBCHECK_SOCKET for the workers and every CLI they start; runEpubcheck
// (scripts/check.ts) sends its EPUBs there and gets the same JSON report a `java -jar epubcheck.jar` run
// writes. Anything wrong (no javac to compile the server, the server gone or silent) and runEpubcheck
// starts its own JVM as it always did, so the server only ever makes the run faster.
import { createHash } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EPUBCHECK_JAR, EPUBCHECK_JVM } from '../../scripts/check.ts';
import { projectRoot } from '../../scripts/render/templates.ts';

const SOURCE = join(import.meta.dirname, 'EpubcheckServer.java');

/** The folder with EpubcheckServer.class, compiled once per change of the source; null without javac. */
function compiled(): string | null {
  const source = readFileSync(SOURCE);
  const key = createHash('sha256').update(source).update(readFileSync(EPUBCHECK_JAR)).digest('hex').slice(0, 16);
  const dir = join(projectRoot, 'node_modules', '.cache', 'transcript-press', 'epubcheck-server', key);
  if (existsSync(join(dir, 'EpubcheckServer.class'))) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  mkdirSync(tmp, { recursive: true });
  const r = spawnSync('javac', ['-nowarn', '-cp', EPUBCHECK_JAR, '-d', tmp, SOURCE], { encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(tmp, 'EpubcheckServer.class'))) {
    rmSync(tmp, { recursive: true, force: true });
    return null;
  }
  try { renameSync(tmp, dir); } catch { rmSync(tmp, { recursive: true, force: true }); }
  return dir;
}

/** Starts the server on `socket`; resolves with a stop function once it listens, or null if it cannot. */
export async function startEpubcheckServer(socket: string): Promise<(() => void) | null> {
  const classes = compiled();
  if (!classes) return null;
  const child: ChildProcess = spawn('java', [...EPUBCHECK_JVM, '-cp', `${EPUBCHECK_JAR}:${classes}`, 'EpubcheckServer', socket],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  const listening = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 120_000);
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('listening')) { clearTimeout(timer); resolve(true); } });
    child.on('error', () => { clearTimeout(timer); resolve(false); });
    child.on('exit', () => { clearTimeout(timer); resolve(false); });
  });
  // Its output after that (epubcheck's progress lines) is not wanted; keep the pipe drained.
  child.stdout!.resume();
  const stop = () => { child.kill('SIGKILL'); rmSync(socket, { force: true }); };
  if (!listening) { stop(); return null; }
  child.unref();
  return stop;
}
