// `transcript-press inspect BOOK_DIR|FILE`: the structure the reader recognised — title, turns (who
// speaks, in what role, on which line) and sections — as data for tools (a stable JSON shape, in the
// spirit of pandoc's `-t json`) and as text for people. The CLI only prints what this returns. A book
// folder's book.yaml is read here; the report itself and a bare file's reading are reader/summary.ts.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { readBookConfig } from './config/load.ts';
import { readBookTranscript } from './book.ts';
import { inspectBare, inspectTarget, summarise, targetBytes, type InspectResult } from './reader/summary.ts';

export { formatInspect, type InspectResult, type InspectSection, type InspectTurn } from './reader/summary.ts';

/** The structure of one transcript: a book folder (transcript.txt + book.yaml) or a transcript file. */
export function inspect(target: string): InspectResult {
  const t = inspectTarget(target);
  const { path, isDir, transcript, configPath, show } = t;
  if (!existsSync(configPath)) return inspectBare(t);
  const loaded = readBookConfig(configPath, show(configPath));
  const bytes = targetBytes(t);
  const files = { transcript: show(transcript), config: show(configPath) };
  // The same reading path as a build (book.ts readBookTranscript): same language, same reader.
  const config = loaded.config;
  const read = readBookTranscript(bytes, loaded, isDir ? path : dirname(path), files);
  return summarise(read, config.title, config.language, [config.speaker, ...config.speakers]);
}
