// What `check` reads of an EPUB before Ace's browser opens it (scripts/epub/inspect.ts): script found
// by the output gate's XML parser, never by a pattern over the text (issue #24). Plain functions and a
// zip written here with yazl; no browser.
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { firstScript, inspectEpub } from '../scripts/epub/inspect.ts';
import { tempDir } from './helpers.ts';

const page = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>${body}</body></html>`;

describe('script in an EPUB document', () => {
  it('finds a script element, an event attribute and a javascript: URL (in XHTML and in SVG)', () => {
    expect(firstScript(page('<p>a</p><script>fetch("http://example.com/")</script>'))).toBe('<script>');
    expect(firstScript(page('<p onclick="steal()">a</p>'))).toBe('onclick="steal()"');
    expect(firstScript(page('<a href=" javascript:alert(1)">a</a>'))).toBe('href=" javascript:alert(1)"');
    expect(firstScript('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:x()"><text>t</text></a></svg>'))
      .toBe('xlink:href="javascript:x()"');
  });

  it('reads on past a well-formedness error: script after an unclosed element is still found', () => {
    expect(firstScript(page('<p>a<br></p><script>x()</script>'))).toBe('<script>');
  });

  it('passes documents without script, whatever text they hold (words, escaped tags, a remote link)', () => {
    expect(firstScript(page('<p>&lt;script&gt; and onclick= are words here; <a href="https://example.com/">a link</a></p>'))).toBeUndefined();
    expect(firstScript('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/></package>')).toBeUndefined();
  });

  it('inspectEpub names the document that holds script and skips entries over the limit', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false });
    zip.addBuffer(Buffer.from(page('<p>clean</p>')), 'EPUB/a.xhtml');
    zip.addBuffer(Buffer.from(page('<img src="x.png" alt="" onerror="x()"/>')), 'EPUB/b.xhtml');
    zip.addBuffer(Buffer.from(page('<script>x()</script>'.padEnd(5000, ' '))), 'EPUB/big.xhtml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const path = join(tempDir('inspect-'), 'a.epub');
    writeFileSync(path, Buffer.concat(chunks));
    const r = inspectEpub(path, 4000);
    expect(r.entries.map((e) => e.name)).toEqual(['mimetype', 'EPUB/a.xhtml', 'EPUB/b.xhtml', 'EPUB/big.xhtml']);
    expect(r.tooLarge.map((e) => e.name)).toEqual(['EPUB/big.xhtml']);
    expect(r.scripted).toEqual([{ name: 'EPUB/b.xhtml', what: 'onerror="x()"' }]);
  });
});
