#!/usr/bin/env node
// The installed command. It runs the CLI compiled to JavaScript by `node scripts/setup.mjs` when that
// output matches the sources (scripts/compiled.mjs), with V8's code cache, so nothing is compiled at
// start; otherwise it loads the TypeScript sources through tsx.
import { compiledCli, runCompiled } from '../scripts/compiled.mjs';

const compiled = compiledCli();
if (compiled) {
  process.exitCode = await runCompiled(compiled, process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { run } = await import('../scripts/cli.ts');
  process.exitCode = await run(process.argv.slice(2));
}
