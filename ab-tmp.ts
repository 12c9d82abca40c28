import { whole } from './scripts/bench/pairs.ts';
import { loadavg } from 'node:os';
const [, , n, ...specs] = process.argv;
// specs: label=cmd|arg|arg
const runs = specs.map((s) => { const [label, rest] = s.split('='); const [cmd, ...args] = rest!.split('|'); return { label: label!, f: whole(cmd!, args) }; });
const out: Record<string, { ms: number; cpu: number }[]> = {};
for (const r of runs) await r.f(); // warm
const l0 = loadavg()[0];
for (let i = 0; i < Number(n); i++) {
  const order = i % 2 ? [...runs].reverse() : runs;
  for (const r of order) { const t = await r.f(); (out[r.label] ??= []).push({ ms: t.ms, cpu: t.cpuMs ?? NaN }); }
}
const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const base = runs[runs.length - 1]!.label;
for (const r of runs) {
  const w = out[r.label]!.map((x, i) => x.ms / out[base]![i]!.ms), c = out[r.label]!.map((x, i) => x.cpu / out[base]![i]!.cpu);
  console.log(`${r.label}: wall ${Math.round(med(out[r.label]!.map((x) => x.ms)))} ms, cpu ${Math.round(med(out[r.label]!.map((x) => x.cpu)))} ms; ÷${base}: wall ${med(w).toFixed(2)}× (${Math.min(...w).toFixed(2)}–${Math.max(...w).toFixed(2)}), cpu ${med(c).toFixed(2)}× (${Math.min(...c).toFixed(2)}–${Math.max(...c).toFixed(2)})`);
}
console.log(`load ${l0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}, ${n} rounds`);
