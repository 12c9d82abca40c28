// Golden structure: `inspect` over real transcripts compared with the turns a person wrote down
// (expected.json beside each transcript). Shared by test/structure/golden.test.ts and the benchmark.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect, type InspectResult } from '../../scripts/inspect.ts';
import { labelKey } from '../../scripts/reader/labels.ts';

export interface ExpectedTurn { line: number; label?: string; speaker: string; role: string }
export interface Expected { title: { text: string; line: number | null } | null; turns: ExpectedTurn[] }

export interface Score {
  id: string;
  expected: number;
  /** Turns found on the expected line with the right speaker and the right question/non-question role. */
  right: number;
  /** …and with exactly the expected role (question, answer, remarks, moderator). */
  rightStrict: number;
  /** Turns found where the transcript has none. */
  falseTurns: { line: number; label: string }[];
  /** Expected turns missed or wrong: what was expected and what was found. */
  wrong: { expected: ExpectedTurn; found?: { speaker: string; label: string; role: string } }[];
  /** A paragraph taken as the title, or the title missed. */
  titleError: string | null;
}

/** Folders holding transcript.txt + expected.json (book.yaml optional) under these roots. */
export function goldenCases(roots: string[]): string[] {
  return roots.filter(existsSync).flatMap((root) => readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'expected.json')) && existsSync(join(root, d.name, 'transcript.txt')))
    .map((d) => join(root, d.name))).sort();
}

const asQuestion = (role: string) => role === 'question';
function sameSpeaker(found: { speaker: string; label: string }, expected: ExpectedTurn): boolean {
  const a = [found.speaker, found.label].filter(Boolean).map(labelKey);
  const b = [expected.speaker, expected.label ?? ''].filter(Boolean).map(labelKey);
  return a.some((x) => b.includes(x));
}

export function scoreCase(dir: string): Score & { result: InspectResult } {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  // The held-out evaluation gives each transcript a minimal book.yaml (speaker, language); without one
  // the transcript is inspected as a bare file.
  const result = inspect(existsSync(join(dir, 'book.yaml')) ? dir : join(dir, 'transcript.txt'));
  const found = new Map(result.turns.map((t) => [t.line, t]));
  const wanted = new Set(expected.turns.map((t) => t.line));
  let right = 0;
  let rightStrict = 0;
  const wrong: Score['wrong'] = [];
  for (const e of expected.turns) {
    const f = found.get(e.line);
    if (f && sameSpeaker(f, e) && asQuestion(f.role) === asQuestion(e.role)) {
      right++;
      if (f.role === e.role) rightStrict++;
    } else wrong.push({ expected: e, found: f && { speaker: f.speaker, label: f.label, role: f.role } });
  }
  const falseTurns = result.turns.filter((t) => !wanted.has(t.line)).map((t) => ({ line: t.line, label: t.label }));
  const want = expected.title && expected.title.line !== null ? expected.title : null;
  const got = result.title && result.title.line !== null ? result.title : null;
  const titleError = !want && got ? `line ${got.line} taken as the title: ${got.text.slice(0, 40)}`
    : want && !got ? `title on line ${want.line} missed`
      : want && got && want.line !== got.line ? `title on line ${got.line}, expected line ${want.line}` : null;
  return { id: dir.split('/').at(-1)!, expected: expected.turns.length, right, rightStrict, falseTurns, wrong, titleError, result };
}

export interface Totals { cases: number; turns: number; right: number; rightStrict: number; accuracy: number; strictAccuracy: number; falseTurns: number; titleErrors: number }

export function totals(scores: Score[]): Totals {
  const turns = scores.reduce((n, s) => n + s.expected, 0);
  const right = scores.reduce((n, s) => n + s.right, 0);
  const rightStrict = scores.reduce((n, s) => n + s.rightStrict, 0);
  return {
    cases: scores.length, turns, right, rightStrict,
    accuracy: turns ? right / turns : 1, strictAccuracy: turns ? rightStrict / turns : 1,
    falseTurns: scores.reduce((n, s) => n + s.falseTurns.length, 0),
    titleErrors: scores.filter((s) => s.titleError).length,
  };
}

/** Where golden transcripts live: the development corpus and this folder's fixtures. */
export function goldenRoots(projectRoot: string): string[] {
  return [join(projectRoot, 'test/corpus'), join(projectRoot, 'test/structure/fixtures')];
}
