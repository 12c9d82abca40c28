// Markup is built and read as trees (hast, xast) and serialised once per file (issue #24): no regular
// expression reads markup and no string literal holds a tag that code concatenates into a document.
// This test reads every string, template and regular-expression literal under scripts/ with the
// TypeScript compiler API (so comments do not count) and flags:
// - a regular expression that matches a tag, an `href=` attribute or a character reference;
// - a string or template piece that holds a tag (`<p`, `</p>`), an XML declaration, a DOCTYPE or a comment.
// What remains is named below, file by file, with the number of such literals and why they stay. The
// list only shrinks: a file whose count changes fails until its entry is brought in line.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../scripts/render/templates.ts';

/** `file` → how many markup literals it holds, and why they are not trees. */
const EXCEPTIONS: Record<string, { literals: number; why: string }> = {
  'scripts/catalog/feeds.ts': { literals: 20, why: 'volumes helper (scripts/catalog): the OPDS Atom feeds are written line by line as strings; to become xast' },
  'scripts/catalog/verify.ts': { literals: 5, why: 'volumes helper (scripts/catalog): the feed check reads <link> elements and decodes references with patterns; to read with saxes' },
  'scripts/bench/run.ts': { literals: 3, why: 'fast helper (scripts/bench): benchmark pages written by hand and a stylesheet link swapped in the print HTML; never shipped' },
  'scripts/bench/pdf.ts': { literals: 1, why: 'fast helper (scripts/bench): swaps the print HTML\'s font stylesheet link for a benchmark; never shipped' },
  'scripts/core/markup.ts': { literals: 5, why: 'the output gate itself: saxes hands over a DOCTYPE\'s internal subset as text (searched for <!ENTITY), and its messages quote the markup they refuse' },
  'scripts/core/codes.ts': { literals: 3, why: 'diagnostic hints: words for people that name a tag or a placeholder (<script>, <!DOCTYPE html>, <book-id>)' },
  'scripts/config/schema.ts': { literals: 1, why: 'a field description naming the placeholder source/<book>/' },
  'scripts/cli.ts': { literals: 1, why: 'the usage text: placeholders such as <book> in words for people' },
  'scripts/render/xml.ts': { literals: 1, why: 'the one XML serialiser (xast to text) writes comments' },
  'scripts/writers/report.ts': { literals: 1, why: 'throughput helper: the change report serialises its own hast tree (a long report took 0.1–0.15 s through hast-util-to-html); it writes the doctype, and test/report-html.test.ts proves the output byte for byte equal to hast-util-to-html\'s' },
  'scripts/pdf/page-lines.ts': { literals: 3, why: 'fast helper (scripts/pdf): reads pdftotext -bbox-layout XHTML with patterns; to read with saxes' },
  'scripts/reader/convention.ts': { literals: 2, why: 'the reader\'s subtitle input: a WebVTT cue\'s voice tag (the speaker) and its markup are read from the transcript, input text in the WebVTT format, not a document this tool builds' },
  'scripts/eval/fidelity-table.ts': { literals: 1, why: 'reader helper: replaces the README\'s generated table between two Markdown comment markers (README text, not a document)' },
};

const TAG_IN_STRING = /<\/?[A-Za-z][\w:.-]*(?=[\s>/])|<\?xml|<!DOCTYPE|<!--/i;
const MARKUP_PATTERN = /<\\?[A-Za-z/!?]|<\[\^>\]|href=|&(?:amp|lt|gt|quot|apos);/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|cjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The literals of one file that build or read markup, with their lines. */
export function markupLiterals(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let markup = false;
    if (ts.isRegularExpressionLiteral(node)) {
      // Look-behinds and named groups (`(?<=`, `(?<!`, `(?<name>`) are not tags.
      markup = MARKUP_PATTERN.test(node.text.slice(1, node.text.lastIndexOf('/')).replace(/\(\?<[=!]?[A-Za-z]*/g, '('));
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      markup = TAG_IN_STRING.test(node.text);
    }
    if (markup) found.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1} ${node.getText(file).slice(0, 80)}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('markup as trees', () => {
  const byFile = new Map<string, string[]>();
  for (const f of sourceFiles(join(projectRoot, 'scripts'))) {
    const path = relative(projectRoot, f).split('\\').join('/');
    const found = markupLiterals(path, readFileSync(f, 'utf8'));
    if (found.length) byFile.set(path, found);
  }

  it('no regular expression or string under scripts/ builds or reads markup, except in the files named with a reason', () => {
    const unexplained = [...byFile].filter(([path]) => !(path in EXCEPTIONS)).flatMap(([, found]) => found);
    expect(unexplained).toEqual([]);
  });

  it('the exception list only shrinks: each named file still holds exactly the literals it is listed with', () => {
    const changed = Object.entries(EXCEPTIONS).filter(([path, e]) => (byFile.get(path)?.length ?? 0) !== e.literals)
      .map(([path, e]) => `${path}: listed ${e.literals}, found ${byFile.get(path)?.length ?? 0}\n  ${(byFile.get(path) ?? []).join('\n  ')}`);
    expect(changed).toEqual([]);
  });

  it('finds a tag-stripping pattern, an href rewrite and a concatenated tag, and passes look-behinds and trees', () => {
    const text = [
      "const a = s.replace(/<[^>]*>/g, '');",
      'const b = s.replace(/href="#([^"]+)"/g, f);',
      'const c = `<section class="x">${body}</section>`;',
      "const d = s.split(/(?<=[.?!])(?<name>x)/);",
      "const e = h('section', { className: ['x'] }, body);",
      '// a comment with <p> in it',
    ].join('\n');
    expect(markupLiterals('x.ts', text).map((f) => f.split(' ')[0])).toEqual(['x.ts:1', 'x.ts:2', 'x.ts:3', 'x.ts:3']);
  });
});
