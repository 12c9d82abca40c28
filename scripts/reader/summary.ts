// What `inspect` reports of a transcript (title, turns, sections, conventions) and the reading of a bare
// transcript (no book.yaml): here, below book.ts, so `inspect FILE` of a bare file starts without
// loading book.yaml's parser and schema. scripts/inspect.ts reads a book folder's book.yaml and comes
// here for the rest.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fail, type Diagnostic } from '../core/diagnostics.ts';
import { readTranscript } from './read.ts';
import type { Section, Transcript, TurnKind } from '../model/types.ts';
import { titleText } from '../model/walk.ts';
import { describeConvention, type Convention } from './convention.ts';
import { resolveTemplateSet } from '../render/templates.ts';

export interface InspectTurn {
  /** 1-based line of transcript.txt where the turn's label stands. */
  line: number;
  /** The label as printed, without its colon. */
  label: string;
  /** Who speaks: a principal as book.yaml spells it, the outlet for a reporter, else the label. */
  speaker: string;
  role: TurnKind;
}

export interface InspectSection {
  id: string;
  /** 1-based line where the section's first turn starts. */
  line: number;
  role: Section['role'];
  heading: string;
  headingSource: Section['headingSource'];
  /** Lines of the turns in this section (labelled turns only). */
  turns: number[];
}

export interface InspectResult {
  /** The title and the line it stands on; `line` is null when it comes from book.yaml; null when there is none. */
  title: { text: string; line: number | null } | null;
  language: string;
  /** The principal speakers the structure was read with (book.yaml, or guessed for a bare file). */
  speakers: string[];
  /** The label conventions found in the text (position, delimiter, case), with how sure each is. */
  conventions: (Convention & { description: string })[];
  turns: InspectTurn[];
  sections: InspectSection[];
  diagnostics: Diagnostic[];
}

/** Where an inspect target's transcript and book.yaml are (a book folder or a transcript file). */
export interface InspectTarget { path: string; isDir: boolean; transcript: string; configPath: string; show: (p: string) => string }

export function inspectTarget(target: string): InspectTarget {
  const path = resolve(target);
  const show = (p: string) => relative(process.cwd(), p) || p;
  if (!existsSync(path)) fail('TP001', { what: show(path), reason: 'no such file or directory' }, { file: show(path) });
  const isDir = statSync(path).isDirectory();
  const transcript = isDir ? join(path, 'transcript.txt') : path;
  const configPath = join(isDir ? path : dirname(path), 'book.yaml');
  if (isDir && !existsSync(transcript)) fail('TP014', { dir: show(path), missing: 'transcript.txt' }, { file: show(path) });
  return { path, isDir, transcript, configPath, show };
}

/** The transcript's bytes (TP001 when it cannot be read). */
export function targetBytes(t: InspectTarget): Uint8Array {
  try { return readFileSync(t.transcript); } catch (err) {
    fail('TP001', { what: t.show(t.transcript), reason: (err as NodeJS.ErrnoException).code ?? String(err) }, { file: t.show(t.transcript) });
  }
}

/** A bare file (no book.yaml): the language from the decoded text; the principal is whoever answers the questions. */
export function inspectBare(t: InspectTarget, bytes = targetBytes(t)): InspectResult {
  const { path, show, configPath, transcript } = t;
  const files = { transcript: show(transcript), config: show(configPath) };
  const templates = resolveTemplateSet('default', dirname(path), show(configPath));
  const read = readTranscript(bytes, { templates }, files);
  const speakers = guessPrincipals(read.tree);
  const again = speakers.length ? readTranscript(bytes, { language: read.tag, speaker: speakers[0], speakers: speakers.slice(1), templates }, files) : read;
  return summarise(again, undefined, read.tag, speakers);
}

export function summarise(read: ReturnType<typeof readTranscript>, bookTitle: string | undefined, language: string, speakers: string[]): InspectResult {
  const tree = read.tree;
  const titleNode = tree.children.find((c) => c.type === 'title');
  const title = titleNode ? { text: titleText(tree), line: titleNode.position?.start.line ?? 1 }
    : bookTitle ? { text: bookTitle, line: null } : null;
  const sections = tree.children.filter((c): c is Section => c.type === 'section');
  const turns: InspectTurn[] = sections.flatMap((s) => s.children).filter((t) => !t.speaker.implicit).map((t) => ({
    line: t.speaker.position?.start.line ?? 0, label: t.speaker.label, speaker: t.speaker.name, role: t.kind,
  }));
  return {
    title, language, speakers, turns,
    conventions: read.conventions.map((c) => ({ ...c, description: describeConvention(c) })),
    sections: sections.map((s) => ({
      id: s.id, line: s.position?.start.line ?? 0, role: s.role, heading: s.heading, headingSource: s.headingSource,
      turns: s.children.filter((t) => !t.speaker.implicit).map((t) => t.speaker.position?.start.line ?? 0),
    })),
    diagnostics: read.diagnostics.filter((d) => d.code === 'TP023' || d.code === 'TP024' || d.code === 'TP025'),
  };
}

/** Without book.yaml: the speakers who answer questions, most answers first. */
function guessPrincipals(tree: Transcript): string[] {
  const count = new Map<string, number>();
  for (const s of tree.children) {
    if (s.type !== 'section') continue;
    for (const t of s.children) if (t.kind === 'answer' && !t.speaker.implicit) count.set(t.speaker.label, (count.get(t.speaker.label) ?? 0) + 1);
  }
  const ranked = [...count].sort((a, b) => b[1] - a[1]);
  return ranked.filter(([, n]) => n >= Math.max(1, (ranked[0]?.[1] ?? 0) / 4)).map(([name]) => name);
}

/** For people: the title, then one line per section with its turns. */
export function formatInspect(r: InspectResult, file = 'transcript.txt'): string {
  const out: string[] = [];
  out.push(r.title ? `title: ${r.title.text}  (${r.title.line === null ? 'from book.yaml' : `${file}:${r.title.line}`})` : 'title: none');
  out.push(`language: ${r.language}   principal${r.speakers.length === 1 ? '' : 's'}: ${r.speakers.join(', ') || 'none found'}`);
  const counts = new Map<TurnKind, number>();
  for (const t of r.turns) counts.set(t.role, (counts.get(t.role) ?? 0) + 1);
  for (const c of r.conventions) out.push(`convention: ${c.description}`);
  if (!r.conventions.length) out.push('convention: none found (labels were recognised by name and role only)');
  out.push(`turns: ${r.turns.length} (${[...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'})   sections: ${r.sections.length}`);
  const byLine = new Map(r.turns.map((t) => [t.line, t]));
  for (const s of r.sections) {
    out.push('', `§ ${s.id}  ${s.heading}${s.headingSource === 'book' ? '  (book.yaml)' : ''}`);
    for (const line of s.turns) {
      const t = byLine.get(line);
      if (t) out.push(`  ${String(t.line).padStart(5)}  ${t.role.padEnd(9)}  ${t.label}${t.speaker !== t.label ? `  → ${t.speaker}` : ''}`);
    }
  }
  return out.join('\n');
}
