// Load → validate → resolve book.yaml. Errors point at the YAML line and column with a caret.
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { bookSchema, volumeSchema, type BookConfig, type VolumeConfig } from './schema.ts';
import { fail, type Where } from '../core/diagnostics.ts';

/** book.yaml validated, with the place of any value in it: parsed once, positions from the YAML
 * library's own nodes (diagnostics about a topic, correction or note point at its line and column). */
export interface LoadedConfig {
  config: BookConfig;
  /** Where the value at a path (`['topics', 3, 'term']`) is written; undefined for a missing one. */
  place: (path: (string | number)[]) => Where | undefined;
  /** The text of book.yaml as read, once (diagnostics quote its lines; glyph checks search it). */
  text: string;
}

export function loadBookConfig(path: string, displayPath = path): BookConfig {
  return readBookConfig(path, displayPath).config;
}

/** Largest book.yaml read (a long curated index and many notes are far below it). */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export function readBookConfig(path: string, displayPath = path): LoadedConfig {
  let text: string;
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  if (size > MAX_CONFIG_BYTES) {
    fail('TP124', { what: displayPath, size: `${(size / 1024 / 1024).toFixed(1)} MB`, limit: `${MAX_CONFIG_BYTES / 1024 / 1024} MB`,
      fix: 'book.yaml holds settings, topics, corrections and notes; keep long texts in Markdown matter files' }, { file: displayPath });
  }
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    fail('TP001', { what: displayPath, reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: displayPath });
  }
  return parseBookYaml(text, displayPath);
}

export function parseBookConfig(text: string, displayPath = 'book.yaml'): BookConfig {
  return parseBookYaml(text, displayPath).config;
}

export function parseBookYaml(text: string, displayPath = 'book.yaml'): LoadedConfig {
  return parseYamlWith(bookSchema, text, displayPath);
}

/** volume.yaml, read and checked like book.yaml (the same errors, line and column). */
export function readVolumeConfig(path: string, displayPath = path): { config: VolumeConfig; place: LoadedConfig['place'] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    fail('TP001', { what: displayPath, reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: displayPath });
  }
  return parseYamlWith(volumeSchema, text, displayPath);
}

function parseYamlWith<S extends z.ZodType>(schema: S, text: string, displayPath: string): { config: z.infer<S>; place: LoadedConfig['place']; text: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lines = text.split(/\r?\n/);
  const at = (offset: number): Where => {
    const { line, col } = lineCounter.linePos(offset);
    // A line may be 100,000 characters long: show the part around the column.
    const whole = lines[line - 1] ?? '';
    const excerpt = whole.length > col + 80 ? `${whole.slice(0, col + 80)}…` : whole;
    return { file: displayPath, line, column: col, excerpt };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    fail('TP010', { reason: e.message.split('\n')[0] }, at(e.pos[0]));
  }
  const result = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (result.success) {
    const contents = doc.contents as YamlNode | null;
    return {
      config: result.data as z.infer<S>,
      place: (path) => {
        const node = nodeAt(contents, path, true);
        return node?.range ? at(node.range[0]) : undefined;
      },
      text,
    };
  }
  const issue = result.error.issues[0];
  const path = issue.path.map(String);
  const node = nodeAt(doc.contents as YamlNode | null, issue.path as (string | number)[]);
  const field = path.join('.') || '(top level)';
  const { reason, fix } = explain(issue, field);
  fail('TP011', { field, reason, fix }, at(node?.range?.[0] ?? 0));
}

/** The YAML node at a schema path, or the deepest existing ancestor (for a missing field); with
 * `exact`, null where the path does not exist. */
function nodeAt(node: YamlNode | null, path: (string | number)[], exact = false): YamlNode | null {
  let current: YamlNode | null = node;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) return exact ? null : current;
      current = (pair.value as YamlNode) ?? (pair.key as YamlNode);
    } else if (isSeq(current)) {
      const item = current.items[Number(key)] as YamlNode | undefined;
      if (!item) return exact ? null : current;
      current = item;
    } else return exact ? null : current;
  }
  return current;
}

function explain(issue: { code: string; message: string; keys?: string[]; values?: unknown[]; expected?: string; maximum?: unknown; origin?: string; input?: unknown }, field: string): { reason: string; fix: string } {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array'
        ? { reason: `has ${Array.isArray(issue.input) ? issue.input.length : 'too many'} items; at most ${issue.maximum} are accepted`, fix: 'shorten the list (see "Limits" in README.md)' }
        : { reason: `is ${typeof issue.input === 'string' ? [...issue.input].length : 'too many'} characters long; at most ${issue.maximum} are accepted`, fix: 'shorten it: a title or heading is printed on one line of the cover and the running heads (see "Limits" in README.md)' };
    case 'custom':
      return field === 'date' || field === 'modified'
        ? { reason: `${issue.message} (${String(issue.input)})`, fix: 'write the day the event took place as YYYY-MM-DD, e.g. 2024-03-07' }
        : /^labels\.\d+\.pattern$/.test(field)
          ? { reason: `${issue.message}: ${JSON.stringify(issue.input)}`, fix: 'write the label literally (Senator Smith) or as /…/ in RE2 syntax, e.g. /(?:Mr|Ms)\\. [A-Z]+\\./ (no backreferences or lookahead)' }
        : field === 'language'
          ? { reason: `${issue.message} (${JSON.stringify(issue.input)})`, fix: 'write a language tag such as zh-Hans, zh-Hant or en' }
          : { reason: issue.message, fix: 'see the book.yaml table in README.md' };
    case 'unrecognized_keys':
      return { reason: `has an unknown key "${issue.keys?.join('", "')}"`, fix: 'remove it or check its spelling against the book.yaml table in README.md' };
    case 'invalid_value':
      return { reason: issue.message.toLowerCase(), fix: `write one of: ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'invalid_type':
      return issue.message.includes('undefined')
        ? { reason: 'is missing', fix: `add ${field.split('.').pop()}: … (see the book.yaml table in README.md)` }
        : { reason: `should be ${issue.expected ?? 'another type'}`, fix: `write ${field.split('.').pop()} as ${issue.expected === 'array' ? 'a list: [a, b]' : `a ${issue.expected}`}` };
    default:
      return { reason: issue.message, fix: 'see the book.yaml table in README.md' };
  }
}
