#!/usr/bin/env node
// The installed command: loads the TypeScript CLI through tsx (no separate compile step).
import { register } from 'tsx/esm/api';
register();
const { run } = await import('../scripts/cli.ts');
process.exitCode = await run(process.argv.slice(2));
