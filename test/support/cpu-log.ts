// Opt-in (TP_CPU_LOG=<file>): after each test file, one line with the file, the CPU seconds it used and
// the CPU seconds of the processes it started and waited for (Chromium, CLIs, Java, Ace): the per-file
// cost on a shared machine, where wall times measure the neighbours. Both lanes keep their workers from
// file to file (vitest.config.ts): a file in the forks lane is counted by its process, a file in the
// browser-free lane (one worker thread for them all) by its thread, each from where the worker's
// previous file left off. A fourth column: the CPU of the worker's warm browser (test/support/browser.ts)
// during the file, which is no waited-for child of the worker.
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { afterAll, beforeAll } from 'vitest';

const log = process.env.TP_CPU_LOG;
const TICKS = 100; // clock ticks per second (USER_HZ)

/** utime + stime, and the waited-for children's cutime + cstime, of /proc/<which>/stat, in seconds. */
function cpu(which: 'self' | 'thread-self'): [number, number] {
  const stat = readFileSync(`/proc/${which}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  return [(f[11]! + f[12]!) / TICKS, (f[13]! + f[14]!) / TICKS];
}

/** utime + stime + cutime + cstime of every process in the worker's warm browser's group (test/support/browser.ts). */
function warmCpu(): number {
  const pgid = (globalThis as { tpWarmPid?: number }).tpWarmPid;
  if (!pgid) return 0;
  let sum = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
      // The browser's own helpers, reaped by it, are in its cutime; its live helpers are counted themselves.
      if (f[2] === pgid) sum += (f[11]! + f[12]! + (Number(name) === pgid ? f[13]! + f[14]! : 0)) / TICKS;
    } catch { /* gone */ }
  }
  return sum;
}

if (log) {
  const state = globalThis as { tpCpuBefore?: [number, number]; tpWarmBefore?: number };
  // Every process the file starts inherits its name: `cpu-total.mjs --by TP_CPU_FILE` sums by file.
  beforeAll((suite) => {
    const file = ((suite as { filepath?: string }).filepath ?? suite.file?.filepath ?? '').split('\\').join('/');
    if (isMainThread) process.env.TP_CPU_FILE = file.slice(file.lastIndexOf('/test/') + 1);
  });
  afterAll((suite) => {
    const warm = isMainThread ? warmCpu() : 0;
    // A browser replaced since (killed on a fault) starts again from 0.
    const warmUsed = Math.max(0, warm - (state.tpWarmBefore ?? 0));
    state.tpWarmBefore = warm;
    const now = cpu(isMainThread ? 'self' : 'thread-self');
    const before = state.tpCpuBefore ?? [0, 0];
    state.tpCpuBefore = now;
    const file = ((suite as { filepath?: string }).filepath ?? suite.file?.filepath ?? '').split('\\').join('/');
    // A thread has no children of its own: its files' child processes are not counted (browser-free files start few).
    appendFileSync(log, `${file.slice(file.lastIndexOf('/test/') + 1)}\t${(now[0] - before[0]).toFixed(1)}\t${isMainThread ? (now[1] - before[1]).toFixed(1) : '-'}\t${warmUsed.toFixed(1)}\n`);
  });
}
