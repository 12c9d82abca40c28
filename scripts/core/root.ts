// The project's root folder (templates/, package.json, node_modules/): the nearest folder above this
// module with a package.json. Not a fixed `../..`, because the CLI also runs compiled, from
// node_modules/.cache/transcript-press/js/ (scripts/compiled.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    if (dirname(dir) === dir) return join(from, '..', '..');
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
