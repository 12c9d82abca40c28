// Honest comparisons on a shared, noisy machine: A and B run alternately (A B A B …), each pair gives
// one ratio A/B, and the figure is the median of those ratios with their range, beside the load
// average while they ran. Whole processes are timed from spawn to exit, with the peak PSS of the
// process tree (the CLI and every Chromium process it starts), sampled from /proc.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './measure.ts';

export interface PairResult {
  /** Median of the per-pair ratios a/b, and their range. */
  ratio: number; min: number; max: number;
  a_ms: number; b_ms: number; pairs: number;
  /** One-minute load average at the start and the end. */
  load: [number, number];
  /** Peak PSS (MB) of a's and b's process trees, median over the pairs (when measured). */
  a_pss_mb?: number; b_pss_mb?: number;
  /** CPU time (user + system, the process and every child it waited for), medians and the median of
   * per-pair ratios with range: steadier than wall time on a loaded machine (whole processes only). */
  a_cpu_ms?: number; b_cpu_ms?: number; cpu_ratio?: number; cpu_min?: number; cpu_max?: number;
}

export interface Timed { ms: number; pssMb?: number; cpuMs?: number }

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Runs a and b alternately `pairs` times (after one warm-up of each) and compares them. */
export async function interleave(a: () => Promise<Timed>, b: () => Promise<Timed>, pairs = 5, warm = true): Promise<PairResult> {
  if (warm) { await a(); await b(); }
  const load0 = loadavg()[0]!;
  const as: Timed[] = [], bs: Timed[] = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so a drift in load favours neither.
    if (i % 2 === 0) { as.push(await a()); bs.push(await b()); } else { bs.push(await b()); as.push(await a()); }
  }
  const ratios = as.map((x, i) => x.ms / bs[i]!.ms);
  const pss = (xs: Timed[]) => (xs.every((x) => x.pssMb !== undefined) ? Math.round(median(xs.map((x) => x.pssMb!))) : undefined);
  const cpu = [...as, ...bs].every((x) => x.cpuMs !== undefined) ? as.map((x, i) => x.cpuMs! / Math.max(1, bs[i]!.cpuMs!)) : null;
  return {
    ...(cpu ? { a_cpu_ms: Math.round(median(as.map((x) => x.cpuMs!))), b_cpu_ms: Math.round(median(bs.map((x) => x.cpuMs!))),
      cpu_ratio: round(median(cpu)), cpu_min: round(Math.min(...cpu)), cpu_max: round(Math.max(...cpu)) } : {}),
    ratio: round(median(ratios)), min: round(Math.min(...ratios)), max: round(Math.max(...ratios)),
    a_ms: Math.round(median(as.map((x) => x.ms))), b_ms: Math.round(median(bs.map((x) => x.ms))), pairs,
    load: [round(load0, 1), round(loadavg()[0]!, 1)], a_pss_mb: pss(as), b_pss_mb: pss(bs),
  };
}

/** Times an async step in this process. */
export function stage(f: () => Promise<unknown> | unknown): () => Promise<Timed> {
  return async () => {
    const t0 = performance.now();
    await f();
    return { ms: performance.now() - t0 };
  };
}

/** Every process below `root` (by parent pid), root included. */
function tree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch { /* gone */ }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid);
  return out;
}

/** PSS of a process tree in kB (proportional set size: shared pages split between their users). */
function treePssKb(root: number): number {
  let kb = 0;
  for (const pid of tree(root)) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return kb;
}

/** GNU time, for the CPU time of a whole process tree (what it and the children it waited for used). */
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

/**
 * A whole process: spawn to exit, with the peak PSS of its tree sampled every 200 ms, and its CPU time
 * (user + system, children included) through GNU time when installed. Fails loudly on a non-zero exit.
 */
export function whole(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; pss?: boolean } = {}): () => Promise<Timed> {
  return () => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const cpuFile = hasGnuTime ? join(tmpdir(), `tp-bench-cpu-${process.pid}-${Math.random().toString(36).slice(2)}`) : null;
    const [cmd, argv] = cpuFile ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => { err = (err + c.toString()).slice(-2000); });
    let peak = 0;
    const sample = () => { if (child.pid) peak = Math.max(peak, treePssKb(child.pid)); };
    const timer = options.pss ? setInterval(sample, 200) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (timer) clearInterval(timer);
      let cpuMs: number | undefined;
      if (cpuFile) {
        try {
          const m = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(readFileSync(cpuFile, 'utf8'));
          if (m) cpuMs = (Number(m[1]) + Number(m[2])) * 1000;
        } catch { /* no figure */ }
        rmSync(cpuFile, { force: true });
      }
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err}`));
      else resolve({ ms, pssMb: options.pss ? peak / 1024 : undefined, cpuMs });
    });
  });
}

/** "1.23× (1.1–1.4, 5 pairs, load 9.1→10.2; CPU 1.1× (1.0–1.2))" */
export function describe(r: PairResult): string {
  const cpu = r.cpu_ratio !== undefined ? `; CPU ${r.cpu_ratio}× (${r.cpu_min}–${r.cpu_max})` : '';
  return `${r.ratio}× (${r.min}–${r.max}, ${r.pairs} pairs, load ${r.load[0]}→${r.load[1]}${cpu})`;
}
