#!/usr/bin/env node
// `npm test`: the set-up (scripts/setup.mjs: system parts, npm packages, the compiled CLI), then the whole
// suite (vitest run, arguments passed on), then one line with the time each took and the machine's load,
// so a slow run says whether the suite or the machine was slow. Exits with vitest's status.
// Plain JavaScript with no dependencies: it runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const start = Date.now();
const load = [];
const sampler = setInterval(() => load.push(loadavg()[0]), 15_000);

const setup = spawnSync(process.execPath, [join(root, 'scripts', 'setup.mjs')], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const setupMs = Date.now() - start;

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = process.argv.slice(2);
// Asynchronous, so the load sampler keeps running while the suite does.
const run = await new Promise((done) => {
  spawn(process.execPath, [vitest, 'run', ...args], { cwd: root, stdio: 'inherit' }).on('close', (code) => done({ code }));
});
clearInterval(sampler);
const total = Date.now() - start;
const meanLoad = load.length ? load.reduce((a, b) => a + b, 0) / load.length : loadavg()[0];
process.stderr.write(`\nnpm test: ${seconds(total)} in all (setup ${seconds(setupMs)}, vitest ${seconds(total - setupMs)}); ` +
  `load average ${meanLoad.toFixed(1)} on ${cpus().length} cores during the run\n`);
process.exit(run.code ?? 1);
