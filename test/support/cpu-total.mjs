#!/usr/bin/env node
// The CPU seconds a command and every process it starts use, by program:
//   node test/support/cpu-total.mjs [--out FILE] [--by VAR] -- npx vitest run test/foo.test.ts
// --by VAR: also the CPU and browsers by the value of VAR in each process's environment (a process
// without it, or whose environment Chromium wrote over, takes its parent's): with TP_CPU_LOG set, the
// suite's workers set TP_CPU_FILE to the test file they run (test/support/cpu-log.ts).
// /usr/bin/time counts only the children that were waited for: Chromium's helpers, killed as a process
// group (scripts/core/browser.ts killBrowser) and reaped by init, and a JVM left to die with its parent
// are missed (a whole `vitest run` showed 438 CPU s under time, while the per-file log alone, test/support/cpu-log.ts, counted 373 s inside the test files). This runs the command with a
// marker in its environment, which every process it starts inherits, and samples /proc five times a
// second: each marked process's own CPU, last seen before it ended. What a process's parent reaped
// (cutime) beyond what was seen of those children is added too, so short-lived children (pdftotext,
// unzip) count. Linux only; a measuring tool, not part of the suite.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ
const args = process.argv.slice(2);
let out = null;
let by = null;
let topN = 0;
for (;;) {
  if (args[0] === '--procs') { topN = Number(args[1]); args.splice(0, 2); continue; }
  if (args[0] === '--out') { out = args[1]; args.splice(0, 2); continue; }
  if (args[0] === '--by') { by = args[1]; args.splice(0, 2); continue; }
  break;
}
if (args[0] === '--') args.shift();
if (!args.length) { process.stderr.write('usage: cpu-total.mjs [--out FILE] -- command args…\n'); process.exit(2); }

const tag = `TP_CPU_TAG=${process.pid}-${Date.now()}`;
/** key pid:starttime → { pid, ppid, comm, self, reaped } (seconds), for marked processes. */
const seen = new Map();
/** pids of live marked processes (a reused pid is looked at again: its start time differs). */
const marks = new Set();
/** key of every process looked at and found unmarked (or unreadable). */
const other = new Set();

function stat(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  // Fields from the 3rd: state ppid … utime(14) stime(15) cutime(16) cstime(17) … starttime(22).
  return { comm, ppid: Number(f[1]), self: (Number(f[11]) + Number(f[12])) / TICKS, reaped: (Number(f[13]) + Number(f[14])) / TICKS, start: f[19] };
}

function sample() {
  marks.add(child.pid);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let st;
    try { st = stat(name); } catch { continue; }
    const key = `${name}:${st.start}`;
    if (other.has(key)) continue;
    const known = seen.get(key);
    if (known) { known.self = st.self; known.reaped = st.reaped; continue; }
    // Chromium writes its process titles over its environment: a child of a marked process is marked too.
    let marked = marks.has(st.ppid);
    let env = [];
    try { env = readFileSync(`/proc/${name}/environ`, 'latin1').split('\0'); marked ||= env.includes(tag); } catch { /* gone or not ours */ }
    if (!marked) { other.add(key); continue; }
    // A browser's main process: chromium without --type= (its helpers have one).
    let cmd = '';
    try { cmd = readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').join(' ').slice(0, 160); } catch { /* gone */ }
    let browser = false;
    if (st.comm === 'chromium') try { browser = !readFileSync(`/proc/${name}/cmdline`, 'latin1').includes('--type='); } catch { /* gone */ }
    let group = by ? env.find((e) => e.startsWith(`${by}=`))?.slice(by.length + 1) : undefined;
    if (by && !group) group = [...seen.values()].find((p) => p.pid === st.ppid && marks.has(p.pid))?.group;
    seen.set(key, { pid: Number(name), ppid: st.ppid, comm: st.comm, self: st.self, reaped: st.reaped, browser, group: group ?? '(none)', cmd });
    marks.add(Number(name));
  }
}

const started = Date.now();
const child = spawn(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, [tag.split('=')[0]]: tag.split('=')[1] } });
const timer = setInterval(sample, 200);
child.on('close', (code) => {
  clearInterval(timer);
  sample();
  // A process's subtree: itself, its sampled children's subtrees, and what it reaped beyond those (children
  // never sampled, or the tails after their last sample). Reaped CPU is compared with the children's whole
  // subtrees, not their last-seen cutime: a browser reaps its helpers in its last moments, after its
  // last sample, and those helpers were counted already.
  const procs = [...seen.values()];
  const pids = new Set(procs.map((p) => p.pid));
  const children = new Map();
  for (const p of procs) if (pids.has(p.ppid)) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byComm = new Map();
  const byGroup = new Map();
  let browsers = 0;
  const add = (name, s) => byComm.set(name, (byComm.get(name) ?? 0) + s);
  const addGroup = (p, s, browser) => {
    const g = byGroup.get(p.group) ?? { cpu: 0, browsers: 0 };
    g.cpu += s; g.browsers += browser ? 1 : 0;
    byGroup.set(p.group, g);
  };
  const subtree = (p) => {
    const below = (children.get(p.pid) ?? []).reduce((n, c) => n + subtree(c), 0);
    const unseen = Math.max(0, p.reaped - below);
    add(/^(chrom|Chrom)/.test(p.comm) ? 'chromium' : p.comm, p.self);
    add('(reaped, unsampled)', unseen);
    if (p.browser) browsers++;
    addGroup(p, p.self + unseen, p.browser);
    return p.self + unseen + below;
  };
  const total = procs.filter((p) => !pids.has(p.ppid)).reduce((n, p) => n + subtree(p), 0);
  const lines = [`cpu-total: ${total.toFixed(1)} CPU s in ${((Date.now() - started) / 1000).toFixed(0)} s wall, ${seen.size} processes, ${browsers} Chromium browsers started; exit ${code}`,
    ...[...byComm].sort((a, b) => b[1] - a[1]).filter(([, s]) => s >= 0.05).map(([n, s]) => `  ${n}\t${s.toFixed(1)}`),
    ...(topN ? ['processes, by own CPU (+ reaped, unsampled children):', ...[...seen.values()].sort((a, b) => b.self - a.self).slice(0, topN)
      .map((p) => `  ${p.self.toFixed(1)}\t+${Math.max(0, p.reaped - (children.get(p.pid) ?? []).reduce((n, c) => n + c.self + c.reaped, 0)).toFixed(1)}\t${p.pid}<${p.ppid}\t${p.cmd}`)] : []),
    ...(by ? [`by ${by} (CPU s, browsers started):`, ...[...byGroup].sort((a, b) => b[1].cpu - a[1].cpu).filter(([, g]) => g.cpu >= 0.05 || g.browsers)
      .map(([n, g]) => `  ${n}\t${g.cpu.toFixed(1)}\t${g.browsers}`)] : [])];
  process.stderr.write(`${lines.join('\n')}\n`);
  if (out) writeFileSync(out, `${lines.join('\n')}\n`);
  process.exit(code ?? 1);
});
