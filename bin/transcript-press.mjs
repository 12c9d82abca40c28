#!/usr/bin/env node
// The installed command. It runs the CLI compiled to JavaScript by `node scripts/setup.mjs` when that
// output matches the sources (scripts/compiled.mjs), so nothing is compiled at start; otherwise it
// loads the TypeScript sources through tsx.
import { compiledCli } from '../scripts/compiled.mjs';

const compiled = compiledCli();
let run;
if (compiled) {
  ({ run } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../scripts/cli.ts'));
}
process.exitCode = await run(process.argv.slice(2));
