// Valid by construction (issue 17), as a property: whatever Unicode the transcript and every
// book.yaml text field hold, a build either refuses with a coded error, or writes an EPUB whose every
// XML document is well-formed (expat, as strict as XML 1.0 is: `]]>` in text, C0 controls, U+FFFF
// and lone surrogates are fatal) and which epubcheck accepts (on a few of them: it costs seconds).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import { buildBook } from '../scripts/build.ts';
import { defaultContext } from '../scripts/core/context.ts';
import { BuildError } from '../scripts/core/diagnostics.ts';
import { epubcheckErrors } from './support/validators.ts';
import { zipEntries, entryData } from '../scripts/epub/inspect.ts';
import { xmlDocument, XML_INVALID } from '../scripts/render/xml.ts';
import { tempDir } from './helpers.ts';

/** Characters and sequences that break XML or text handling, mixed into arbitrary Unicode. */
const hostile = fc.constantFrom(']]>', ']]', '>', '<', '&', '&amp;', '<![CDATA[', '<!--', '-->', '"', "'", '\u0000', '\u0001', '\u0008',
  '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u0093', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u202E', '\u2066', '\u200B', '\u200D',
  '\uFEFF', '\r', '\r\n', '\n', '\n\n', '😀', '👩‍💻', '𠀀', '한', '王毅：', '记者：', '。', '，', '{{', '}}', '{{{x}}}', '\\', '$&');
const text = fc.array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));

/** Every XML document of an EPUB, by path. */
function xmlEntries(epub: string): Map<string, Buffer> {
  const fd = openSync(epub, 'r');
  try {
    return new Map(zipEntries(fd).filter((e) => /\.(xhtml|opf|ncx|xml|svg)$/.test(e.name)).map((e) => [e.name, entryData(fd, e, 64 << 20)]));
  } finally {
    closeSync(fd);
  }
}

/** Expat's verdict on each file: '' when well-formed, else the error. */
function wellFormed(files: string[]): string[] {
  const r = spawnSync('python3', ['-c', `
import sys, xml.parsers.expat
for f in sys.argv[1:]:
    p = xml.parsers.expat.ParserCreate()
    try:
        p.ParseFile(open(f, 'rb')); print('')
    except Exception as e:
        print(str(e))
`, ...files], { encoding: 'utf8' });
  return r.stdout.split('\n').slice(0, files.length);
}

describe('XML gate', () => {
  it('xmlDocument leaves no XML-invalid character and no `]]>`, and changes nothing else', () => {
    fc.assert(fc.property(text, (s) => {
      const out = xmlDocument(s);
      expect(out).not.toMatch(XML_INVALID);
      expect(out).not.toContain(']]>');
      expect(out.replaceAll(']]&gt;', ']]>')).toBe(s.replace(XML_INVALID, ''));
    }), { numRuns: 500 });
  });
});

describe('any Unicode in, valid EPUB or coded refusal out', () => {
  it('transcript and every book.yaml text field', { timeout: 900_000 }, async () => {
    const root = tempDir('prop-');
    const epubs: string[] = [];
    let refused = 0;
    let n = 0;
    await fc.assert(fc.asyncProperty(
      fc.record({ title: text, subtitle: text, speaker: text, source: text, publisher: text, description: text, rights: text, edition: text,
        subjects: fc.array(text, { maxLength: 3 }), topic: text, heading: text, lines: fc.array(text, { minLength: 3, maxLength: 8 }) }),
      async (f) => {
        const dir = join(root, 'source', `b${++n}`);
        mkdirSync(dir, { recursive: true });
        // Real text around the generated pieces, so the reader has turns to find. Required fields get a
        // word when the generated one is empty (an empty one is refused, TP011: fine, but not news).
        writeFileSync(join(dir, 'transcript.txt'), [f.lines[0], '据新华社北京3月7日电', ...f.lines.slice(1).map((l, i) => `${i % 2 ? '王毅' : '记者'}：${l}合作。`)].join('\n\n'));
        writeFileSync(join(dir, 'book.yaml'), YAML.stringify({
          // Any Unicode includes characters no shipped font has (TP140 refuses those books): the editor's
          // acceptance lets the EPUB's validity be tested on them too.
          allowMissingGlyphs: true,
          id: `urn:x:prop-${n}`, title: f.title || '标题', subtitle: f.subtitle, language: 'zh-Hans', speaker: f.speaker || '王毅', source: f.source || '新华社', publisher: f.publisher,
          date: '2024-03-07', description: f.description, rights: f.rights, edition: f.edition, subjects: f.subjects,
          sections: [{ question: 1, heading: f.heading || '标题' }], topics: [{ term: f.topic || '合作', seeAlso: [f.topic] }, { term: '合作' }],
        }));
        let result;
        try {
          result = await buildBook(dir, { out: join(root, 'dist'), formats: new Set(['epub']), ctx: defaultContext({ log: () => {} }) });
        } catch (err) {
          // A refusal must be a coded diagnostic, never a crash.
          expect(err, String((err as Error).stack)).toBeInstanceOf(BuildError);
          expect((err as BuildError).diagnostic.code).toMatch(/^TP0(0\d|1\d|2\d)$/);
          refused++;
          return;
        }
        const epub = join(result.outDir, `b${n}.epub`);
        const files = [...xmlEntries(epub)].map(([name, data], i) => {
          const file = join(root, `x${n}-${i}.xml`);
          writeFileSync(file, data);
          return { name, file };
        });
        const verdicts = wellFormed(files.map((x) => x.file));
        files.forEach((x, i) => expect(verdicts[i], `${x.name}: ${readFileSync(x.file, 'utf8').slice(0, 400)}`).toBe(''));
        epubs.push(epub);
      }), { numRuns: 16, seed: 17 });
    expect(epubs.length + refused).toBe(16);
    expect(epubs.length).toBeGreaterThan(8);
    // epubcheck on three of them, in parallel (each is a JVM start).
    const checked = await Promise.all([epubs[0], epubs[Math.floor(epubs.length / 2)], epubs[epubs.length - 1]].map(epubcheckErrors));
    expect(checked).toEqual([[], [], []]);
  });
});
