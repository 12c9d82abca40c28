// A book on disk: source/<id>/transcript.txt + book.yaml, loaded and read into the document model.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve, relative } from 'node:path';
import type { BookConfig } from './config/schema.ts';
import { readBookConfig } from './config/load.ts';
import type { Where } from './core/diagnostics.ts';
import { fail } from './core/diagnostics.ts';
import { sha256 } from './core/files.ts';
import { headingWordsFrom, readTranscript, type ReadResult } from './reader/index.ts';
import { resolveTemplateSet } from './render/templates.ts';
import { loadStrings } from './render/strings.ts';

export interface Book {
  /** Folder name: the book's id in dist/ and in file names. */
  id: string;
  dir: string;
  config: BookConfig;
  /** Where a value of book.yaml is written (`['topics', 3, 'term']`), from the one parse of it. */
  place: (path: (string | number)[]) => Where | undefined;
  /** Paths as shown in diagnostics (relative to the working directory). */
  transcriptFile: string;
  configFile: string;
  sourceSha256: string;
  read: ReadResult;
}

/** Largest transcript one book takes (a 20 MB Chinese transcript is already ~10,000 printed pages). */
export const DEFAULT_MAX_MB = 20;

export function loadBook(dirArg: string, options: { maxMb?: number } = {}): Book {
  const dir = resolve(dirArg);
  const show = (p: string) => relative(process.cwd(), p) || p;
  if (!existsSync(dir)) fail('TP001', { what: show(dir), reason: 'no such directory' }, { file: show(dir) });
  const transcriptPath = join(dir, 'transcript.txt');
  const configPath = join(dir, 'book.yaml');
  for (const [path, name] of [[transcriptPath, 'transcript.txt'], [configPath, 'book.yaml']]) {
    if (!existsSync(path)) fail('TP014', { dir: show(dir), missing: name }, { file: show(dir) });
  }
  const { config, place } = readBookConfig(configPath, show(configPath));
  const limit = options.maxMb ?? DEFAULT_MAX_MB;
  const size = statSync(transcriptPath).size;
  if (size > limit * 1024 * 1024) fail('TP006', { size: (size / 1024 / 1024).toFixed(1), limit }, { file: show(transcriptPath) });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(transcriptPath);
  } catch (err) {
    fail('TP001', { what: show(transcriptPath), reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: show(transcriptPath) });
  }
  // Default section headings are in the book's language, from its template set's strings.
  const strings = loadStrings(resolveTemplateSet(config.template, dir, show(configPath)), config.language);
  const read = readTranscript(bytes, { ...config, headingWords: headingWordsFrom(strings, config.language) }, { transcript: show(transcriptPath), config: show(configPath) });
  return { id: basename(dir), dir, config, place, transcriptFile: show(transcriptPath), configFile: show(configPath), sourceSha256: sha256(bytes), read };
}
