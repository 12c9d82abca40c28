// No function under scripts/ is longer than 60 lines (issue #24): a long function hides its stages, so
// it is split into stages named for what they do. Functions are found with the TypeScript compiler API
// (declarations, methods, accessors, function expressions and arrow functions; a nested function counts
// inside its parent too). A function's length runs from its first line to its closing brace.
//
// The exceptions are named below, each with its owner and reason. The list only shrinks: a listed
// function that is no longer long (or no longer exists) fails the test until it is taken off the list.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../scripts/render/templates.ts';

const LIMIT = 60;

/** Files that are generated tables, not code written by hand; none holds a function today. */
const GENERATED: string[] = [];

/** `file:function` → who will split it and why it is long today. */
const EXCEPTIONS: Record<string, string> = {
};

interface Found { key: string; lines: number; line: number }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|cjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The name a person would look for: the function's own name, else the variable, property or method it is bound to. */
function nameOf(node: ts.SignatureDeclaration, file: ts.SourceFile): string {
  if (node.name) return node.name.getText(file);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
    return parent.name.getText(file);
  }
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return `(anonymous)@${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
}

/** Every function with a body in one file, with its length in lines. */
export function functionLengths(path: string, text: string): Found[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ key: `${path}:${nameOf(node, file)}`, lines: last - first + 1, line: first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function allFunctions(): Found[] {
  return sourceFiles(join(projectRoot, 'scripts'))
    .map((f) => relative(projectRoot, f).split('\\').join('/'))
    .filter((f) => !GENERATED.includes(f))
    .flatMap((f) => functionLengths(f, readFileSync(join(projectRoot, f), 'utf8')));
}

describe('function length', () => {
  const functions = allFunctions();
  const long = functions.filter((f) => f.lines > LIMIT);

  it(`no function under scripts/ is longer than ${LIMIT} lines, except those named with a reason`, () => {
    const unexplained = long.filter((f) => !(f.key in EXCEPTIONS)).map((f) => `${f.key} (line ${f.line}): ${f.lines} lines`);
    expect(unexplained).toEqual([]);
  });

  it('the exception list only shrinks: every listed function is still there and still long', () => {
    const stale = Object.keys(EXCEPTIONS).filter((key) => !long.some((f) => f.key === key));
    expect(stale).toEqual([]);
  });

  it('the measure finds a long function, names an arrow function by its variable, and counts a nested one inside its parent', () => {
    const body = Array.from({ length: 70 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `export function outer() {\n  const inner = () => {\n${body}\n  };\n  return inner;\n}\nconst short = () => 1;\n`;
    const found = functionLengths('x.ts', text);
    expect(found.map((f) => [f.key, f.lines])).toEqual([['x.ts:outer', 75], ['x.ts:inner', 72], ['x.ts:short', 1]]);
  });
});
