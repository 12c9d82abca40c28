// The mechanisms behind hostile-folder safety, each on its own (no browser): CSS escaping for the
// running heads, linear-time aliases, schema limits, calendar dates and language tags, files confined
// to the book, `check` on FIFOs, usage errors with a fix.
import { describe, it, expect } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { cssString, pageCss, TRIMS } from '../../scripts/pdf/layout.ts';
import { compileAlias, findHits } from '../../scripts/index/match.ts';
import { parseBookConfig } from '../../scripts/config/load.ts';
import { BuildError } from '../../scripts/core/diagnostics.ts';
import { loadBook } from '../../scripts/book.ts';
import { checkDist } from '../../scripts/check.ts';
import { run } from '../../scripts/cli.ts';
import { tempDir } from '../helpers.ts';
import { cssProblems, xmlProblems, isLocalUrl } from '../../scripts/core/markup.ts';
import { normalizeUrl } from '../../scripts/markdown/parse.ts';
import { toMarkup } from '../../scripts/render/html.ts';
import { invalidUtf8 } from '../../scripts/reader/decode.ts';
import { h } from 'hastscript';
import { smallTranscript } from './fixtures.ts';

const codeOf = (f: () => unknown): string | undefined => {
  try { f(); } catch (err) { return (err as BuildError).diagnostic?.code ?? String(err); }
  return undefined;
};

/** What CSS makes of a string literal: the escapes decoded (CSS Syntax §4.3.7). */
function cssDecode(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal.slice(1, -1).replace(/\\([0-9A-Fa-f]{1,6}) ?|\\(.)/gsu, (_, hex, ch) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch));
}

describe('CSS strings in the <style> element', () => {
  it('nothing a title holds can end the string, the rule or the <style> element', () => {
    for (const s of ['</style><script>alert(1)</script>', '"; } body { display: none } @page { content: "', ']]>', "it's \\ \"quoted\"", '</STYLE >', 'a\nb\r\nc', '{};&<>']) {
      const lit = cssString(s);
      expect(lit.slice(1, -1)).not.toMatch(/[<>&"'{};\n\r]/);
      expect(cssDecode(lit)).toBe(s.replace(/[\r\n]+/g, ' '));
    }
  });

  it('any text round-trips through the escaping, and the page CSS never holds < > &', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 60 }), (title, heading) => {
      const flat = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');
      expect(cssDecode(cssString(title))).toBe(flat(title));
      const css = pageCss({ trim: TRIMS.A5, bookTitle: title, sections: [{ id: 's1', heading }], parts: [] });
      expect(css).not.toMatch(/[<>&]/);
    }));
  });

  it('an id that is not a plain identifier never reaches a selector', () => {
    expect(() => pageCss({ trim: TRIMS.A5, bookTitle: 't', sections: [{ id: 's1{}</style>', heading: 'h' }], parts: [] })).toThrow();
  });
});

describe('regular-expression aliases', () => {
  const hits = (alias: string, text: string) => {
    const m = /^\/(.+)\/([a-z]*)$/s.exec(alias)!;
    const c = compileAlias(m[1]!, m[2]!);
    if (!('regex' in c)) throw new Error(c.reason);
    return findHits(text, [{ flat: {} as never, regex: c.regex }]).map((h) => text.slice(h.start, h.end));
  };

  it('a catastrophic pattern runs in linear time: /(a+)+$/ on 100,000 a’s and a !', () => {
    expect(hits('/(a+)+$/', `${'a'.repeat(100_000)}!`)).toEqual([]);
    expect(hits('/(a+)+$/', 'baaa')).toEqual(['aaa']);
  });

  it('lookbehind, and a lookahead at the end, work as in JavaScript', () => {
    const text = 'a准则b“准则”c“准则d中国人中国';
    expect(hits('/(?<=“)准则(?=”)/', text)).toEqual(['准则']);
    expect(hits('/(?<!“)准则/', text)).toEqual(['准则']);
    expect(hits('/中国(?!人)/', text)).toEqual(['中国']);
    expect(hits('/中美(?:关系)?/i', 'x中美关系y中美😀中美')).toEqual(['中美关系', '中美', '中美']);
  });

  it('invalid → TP011; valid JavaScript RE2 cannot run in linear time → unsupported', () => {
    expect(compileAlias('(', '')).toMatchObject({ invalid: true });
    expect(compileAlias('(a)\\1', '')).toMatchObject({ invalid: false });
    expect(compileAlias('a(?=b)c', '')).toMatchObject({ invalid: false });
    expect(compileAlias('a', 'y')).toMatchObject({ invalid: false, reason: expect.stringContaining('flag y') });
  });
});

describe('book.yaml limits, dates and language tags', () => {
  const base = 'id: urn:x:1\ntitle: T\nspeaker: S\nsource: X\ndate: 2024-03-07\n';
  const issue = (yaml: string) => {
    try { parseBookConfig(yaml); return null; } catch (err) { return (err as BuildError).diagnostic; }
  };
  it('rejects days the calendar does not have, accepts leap days', () => {
    expect(issue(base.replace('2024-03-07', '2024-02-30'))).toMatchObject({ code: 'TP011', line: 5, column: 7, message: expect.stringContaining('not a day') });
    expect(issue(base.replace('2024-03-07', '2023-02-29'))?.code).toBe('TP011');
    expect(issue(base.replace('2024-03-07', '2024-13-01'))?.code).toBe('TP011');
    expect(issue(base.replace('2024-03-07', '2024-02-29'))).toBeNull();
  });
  it('rejects a language tag that is not BCP 47', () => {
    expect(issue(`${base}language: zh_Hans!\n`)).toMatchObject({ code: 'TP011', line: 6, message: expect.stringContaining('BCP 47') });
    expect(issue(`${base}language: en-GB\n`)).toBeNull();
    expect(issue(`${base}language: zh-Hant-TW\n`)).toBeNull();
  });
  it('a 100,000-character title is refused with its place and a short excerpt', () => {
    const d = issue(base.replace('title: T', `title: ${'题'.repeat(100_000)}`))!;
    expect(d).toMatchObject({ code: 'TP011', line: 2, column: 8, message: expect.stringContaining('100000 characters') });
    expect(d.excerpt!.length).toBeLessThan(200);
  });
});

describe('files stay inside the book', () => {
  const bookIn = (root: string) => {
    const dir = join(root, 'b');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'book.yaml'), 'id: urn:x:1\ntitle: T\nspeaker: 王毅\nsource: X\ndate: 2024-03-07\n');
    return dir;
  };
  it('a transcript linked outside is refused (TP070) unless allowed; one linked inside is fine', () => {
    const root = tempDir('link-');
    writeFileSync(join(root, 'outside.txt'), smallTranscript());
    const dir = bookIn(root);
    symlinkSync(join(root, 'outside.txt'), join(dir, 'transcript.txt'));
    expect(codeOf(() => loadBook(dir))).toBe('TP070');
    expect(loadBook(dir, { allowOutsideLinks: true }).read.tree.children.length).toBeGreaterThan(1);
    const inside = bookIn(tempDir('link-'));
    writeFileSync(join(inside, 'raw.txt'), smallTranscript());
    symlinkSync('raw.txt', join(inside, 'transcript.txt'));
    expect(loadBook(inside).read.tree.children.length).toBeGreaterThan(1);
  });
  it('a template name is a name, not a path: .. is no template set', () => {
    const dir = bookIn(tempDir('tname-'));
    writeFileSync(join(dir, 'transcript.txt'), smallTranscript());
    writeFileSync(join(dir, 'book.yaml'), 'id: urn:x:1\ntitle: T\nspeaker: 王毅\nsource: X\ndate: 2024-03-07\ntemplate: ..\n');
    expect(codeOf(() => loadBook(dir))).toBe('TP013');
  });
  it('a template folder linking out (a file, a folder, a loop) is refused; a FIFO is not read', () => {
    const dir = bookIn(tempDir('tlink-'));
    writeFileSync(join(dir, 'transcript.txt'), smallTranscript());
    mkdirSync(join(dir, 'templates', 'epub'), { recursive: true });
    symlinkSync('..', join(dir, 'templates', 'epub', 'loop'));
    expect(loadBook(dir).id).toBe('b');
    symlinkSync('/etc', join(dir, 'templates', 'etc'));
    expect(codeOf(() => loadBook(dir))).toBe('TP070');
    const fifo = bookIn(tempDir('fifo-'));
    spawnSync('mkfifo', [join(fifo, 'transcript.txt')]);
    expect(codeOf(() => loadBook(fifo))).toBe('TP071');
  });
});

describe('check and the CLI', () => {
  it('check refuses a FIFO in the output folder instead of waiting on it', async () => {
    const dir = tempDir('check-');
    writeFileSync(join(dir, 'a.txt'), 'x');
    spawnSync('mkfifo', [join(dir, 'book.pdf')]);
    writeFileSync(join(dir, 'SHA256SUMS'), `${'0'.repeat(64)}  book.pdf\n`);
    const ds = await checkDist(dir);
    expect(ds.filter((d) => d.code === 'TP071')).toHaveLength(1);
  });

  it('every usage error says what to type instead', async () => {
    for (const args of [['build', '--format', 'docx'], ['frobnicate'], [], ['build', '--shard', '3/2'], ['build', '--jobs', '0'],
      ['build', '--timeout', '-1'], ['build', '--max-mb', 'x'], ['build', '--frobnicate'], ['normalize'], ['check'], ['index', 'x']]) {
      let err = '';
      const code = await run(args, { out: () => {}, err: (s) => { err += s; } });
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toMatch(/\n {4}fix: \S/);
    }
  });
});

describe('the EPUB rules (issue #22), on their own', () => {
  it('XHTML is XML: < in an attribute, ]]> in text and a void element come out well-formed', () => {
    const x = toMarkup([h('p', ['a ]]> b', h('br'), h('a', { href: 'mailto:a@b.c?subject=<x>' }, 'm'), h('span', { id: 'pg1' })])], 'xhtml');
    expect(x).toBe('<p>a ]]&gt; b<br/><a href="mailto:a@b.c?subject=&#x3C;x&#x3E;">m</a><span id="pg1"></span></p>');
    expect(xmlProblems(`<html xmlns="http://www.w3.org/1999/xhtml"><body>${x}</body></html>`)).toEqual([]);
  });

  it('a DOCTYPE other than html, an entity, script, an event attribute and remote URLs are each found at their line', () => {
    const doc = '<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>\n<link rel="stylesheet" href="//evil/x.css"/>\n'
      + '<style>\n@import "http://a/b.css";\n</style></head><body onload="x()">\n<script>1</script><img src="data:image/png;base64,AA" alt=""/>'
      + '<a href="https://ok.example/">ok</a><a href="javascript:alert(1)">no</a></body></html>';
    expect(xmlProblems(doc).map((p) => [p.kind, p.line])).toEqual([['remote', 4], ['remote', 6], ['event', 7], ['script', 8], ['script', 8]]);
    expect(xmlProblems('<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<p>&e;</p>').map((p) => p.kind)).toEqual(['entity', 'malformed']);
    expect(xmlProblems('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"/>')[0]).toMatchObject({ kind: 'doctype', line: 1, column: 1 });
  });

  it('CSS: url() and @import leaving the book are found through comments and escapes; local and inline ones pass', () => {
    expect(cssProblems('a { background: u\\72 l(http://x/y) }\n@import/**/"//x";').map((p) => p.line)).toEqual([1, 2]);
    expect(cssProblems('@font-face { src: url(fonts/a.woff) } b { background: url("data:image/png;base64,AA") }')).toEqual([]);
    expect(isLocalUrl(' \tfile:///etc/passwd')).toBe(false);
    expect(isLocalUrl('fonts/a.woff#x')).toBe(true);
  });

  it('a link target becomes a valid URI; what is already encoded stays', () => {
    expect(normalizeUrl('mailto:a@b.c?subject=<x> y&z="q"')).toBe('mailto:a@b.c?subject=%3Cx%3E%20y&z=%22q%22');
    expect(normalizeUrl('https://x/%41%zz')).toBe('https://x/%41%25zz');
  });

  it('UTF-8 damage: a stray byte, a CESU-8 pair and a cut-off character are located by byte', () => {
    const ok = Buffer.from('中文', 'utf8');
    const bad = invalidUtf8(Buffer.concat([ok, Buffer.from([0xff]), ok, Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]), ok, Buffer.from([0xe4, 0xb8])]));
    expect(bad.valid).toBe(6);
    expect(bad.sequences).toEqual([{ offset: 6, length: 1, kind: 'stray' }, { offset: 13, length: 6, kind: 'surrogate' }, { offset: 25, length: 2, kind: 'truncated' }]);
  });
});
