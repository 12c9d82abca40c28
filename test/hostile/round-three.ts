// Round three of the hostile corpus (issue #22): what the files a book brings with it can still do.
// Generated, not checked in: hard links, 30 MB files and 20,000 nested quotes are made here. Every case
// is a book folder run through the real command; `expect` says what it must give: a coded refusal at
// a file (and line), or a book that builds and validates.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/render/templates.ts';
import { smallTranscript } from './fixtures.ts';

export interface Refusal {
  dir: string;
  code: string;
  /** The file the diagnostic must name (its end), and the line when there is one. */
  file: string;
  line?: number;
}

const DEFAULTS = join(projectRoot, 'templates/default');

function book(root: string, id: string, extra = '', transcript = smallTranscript()): string {
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'transcript.txt'), transcript);
  writeFileSync(join(dir, 'book.yaml'), `id: urn:transcript-press:hostile3:${id}\ntitle: 第三轮 ${id}\nspeaker: 王毅\nsource: 新华社\ndate: 2024-03-07\n${extra}`);
  return dir;
}

const matter = (file = 'preface.md') => `matter:\n  - { file: ${file}, title: 前言, place: front }\n`;

/** A line number of `text` (1-based) where `needle` first occurs. */
export const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** The books that must build: a Markdown link with `<` in its URL, `]]>` in text, and an Inkscape-style cover DOCTYPE. */
export function buildingBook(root: string, ports: { tcp: number }): string {
  const dir = book(root, 'brought-files', matter());
  writeFileSync(join(dir, 'preface.md'), [
    '# 说明', '',
    'Write to [mail](mailto:a@b.c?subject=<x>&body="q"), or see [the site](https://example.org/?a=<b>&c=d\'e).', '',
    'Text with ]]> and <![CDATA[ and &amp; and & alone.', '',
    `> ![remote](http://127.0.0.1:${ports.tcp}/md-image) quoted`, '',
  ].join('\n'));
  mkdirSync(join(dir, 'templates'));
  // What Inkscape and Illustrator export: an XML declaration and a DOCTYPE with no declarations.
  writeFileSync(join(dir, 'templates', 'cover.svg'), readFileSync(join(DEFAULTS, 'cover.svg'), 'utf8').replace(/^(<\?xml[^>]*\?>\s*)?/,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'));
  return dir;
}

/** Every book that must be refused up front, with the code, the file and the line. */
export function refusedBooks(root: string, hostFile: string, ports: { tcp: number }): Refusal[] {
  // hostFile: a file outside every book folder, on the same file system (hard links cannot cross one).
  const out: Refusal[] = [];
  const remote = `http://127.0.0.1:${ports.tcp}`;

  // 2. A book's own EPUB templates: script and a remote image; an external entity; a remote @import.
  {
    const dir = book(root, 'epub-template-script');
    mkdirSync(join(dir, 'templates', 'epub'), { recursive: true });
    const text = readFileSync(join(DEFAULTS, 'epub/document.xhtml'), 'utf8').replace('</head>', `<script>fetch('${remote}/epub-script')</script>\n</head>`)
      .replace('{{{content}}}', `<img src="${remote}/epub-img" alt=""/>\n{{{content}}}`);
    writeFileSync(join(dir, 'templates', 'epub', 'document.xhtml'), text);
    out.push({ dir, code: 'TP121', file: 'templates/epub/document.xhtml', line: lineOf(text, '<script>') });
  }
  {
    const dir = book(root, 'epub-template-xxe');
    mkdirSync(join(dir, 'templates', 'epub'), { recursive: true });
    const text = readFileSync(join(DEFAULTS, 'epub/package.opf'), 'utf8').replace(/^(<\?xml[^>]*\?>)/,
      `$1\n<!DOCTYPE package [ <!ENTITY host SYSTEM "file://${hostFile}"> ]>`).replace('</metadata>', '<dc:rights>&host;</dc:rights>\n</metadata>');
    writeFileSync(join(dir, 'templates', 'epub', 'package.opf'), text);
    out.push({ dir, code: 'TP122', file: 'templates/epub/package.opf', line: lineOf(text, '<!DOCTYPE') });
  }
  {
    const dir = book(root, 'epub-css-import');
    mkdirSync(join(dir, 'templates'), { recursive: true });
    const text = `/* the book's own EPUB style */\n@import url("${remote}/epub-css");\n` + readFileSync(join(DEFAULTS, 'epub.css'), 'utf8');
    writeFileSync(join(dir, 'templates', 'epub.css'), text);
    out.push({ dir, code: 'TP121', file: 'templates/epub.css', line: 2 });
  }

  {
    // Well-formedness of a book's template, named at its line (an unclosed <p>).
    const dir = book(root, 'epub-template-malformed');
    mkdirSync(join(dir, 'templates', 'epub'), { recursive: true });
    const text = readFileSync(join(DEFAULTS, 'epub/titlepage.xhtml'), 'utf8').replace(/\n*$/, '\n<p class="extra">未闭合\n<div>x</div>\n');
    writeFileSync(join(dir, 'templates', 'epub', 'titlepage.xhtml'), text);
    out.push({ dir, code: 'TP120', file: 'templates/epub/titlepage.xhtml' });
  }

  // 3. Hard links to a file outside the book: a matter file, the transcript, a template.
  {
    const dir = book(root, 'hardlink-matter', matter());
    linkSync(hostFile, join(dir, 'preface.md'));
    out.push({ dir, code: 'TP123', file: 'preface.md' });
  }
  {
    const dir = book(root, 'hardlink-transcript');
    const outside = join(root, 'outside-transcript.txt');
    writeFileSync(outside, smallTranscript());
    rmSync(join(dir, 'transcript.txt'));
    linkSync(outside, join(dir, 'transcript.txt'));
    out.push({ dir, code: 'TP123', file: 'transcript.txt' });
  }
  {
    const dir = book(root, 'hardlink-template');
    mkdirSync(join(dir, 'templates'));
    linkSync(hostFile, join(dir, 'templates', 'print.css'));
    out.push({ dir, code: 'TP123', file: 'templates/print.css' });
  }

  // 4. Limits for what the editor writes, each refused before parsing.
  {
    const dir = book(root, 'deep-quote', matter());
    writeFileSync(join(dir, 'preface.md'), `# 引文\n\n${'>'.repeat(20_000)} 深\n`);
    out.push({ dir, code: 'TP125', file: 'preface.md', line: 3 });
  }
  {
    const dir = book(root, 'deep-list', matter());
    // 3,000 nested lists on one line (6 KB): the nesting limit refuses it, not the size limit.
    writeFileSync(join(dir, 'preface.md'), `# 列表\n\n${'- '.repeat(3_000)}第三千层\n`);
    out.push({ dir, code: 'TP125', file: 'preface.md', line: 3 });
  }
  {
    // The same depth written with indentation, one level a line: 8.6 MB, over the size limit first.
    const dir = book(root, 'deep-list-indented', matter());
    writeFileSync(join(dir, 'preface.md'), Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n') + '\n');
    out.push({ dir, code: 'TP124', file: 'preface.md' });
  }
  {
    const dir = book(root, 'huge-matter', matter());
    writeFileSync(join(dir, 'preface.md'), '长篇序言。'.repeat(2_000_000)); // 30 MB
    out.push({ dir, code: 'TP124', file: 'preface.md' });
  }
  {
    // 3 million characters (9 MB): book.yaml itself is over its size limit.
    const dir = book(root, 'huge-note', `notes:\n  - quote: 相向而行\n    note: ${'注'.repeat(3_000_000)}\n`);
    out.push({ dir, code: 'TP124', file: 'book.yaml' });
  }
  {
    // 20,000 characters: over the note limit, refused at the note's line.
    const dir = book(root, 'long-note', `notes:\n  - quote: 相向而行\n    note: ${'注'.repeat(20_000)}\n`);
    out.push({ dir, code: 'TP011', file: 'book.yaml', line: 8 });
  }

  // 5. Mustache typos: an unclosed section in a matter file, one in the book's own print template,
  // and sections nested 5,000 deep.
  {
    const dir = book(root, 'mustache-preface', matter());
    writeFileSync(join(dir, 'preface.md'), '# 说明\n\n本版改正 {{corrections}} 处。\n\n{{#review}}另有 {{review}} 处待核。\n');
    out.push({ dir, code: 'TP126', file: 'preface.md', line: 5 });
  }
  {
    const dir = book(root, 'mustache-print');
    mkdirSync(join(dir, 'templates'));
    const text = readFileSync(join(DEFAULTS, 'print.html'), 'utf8').replace('<body', '{{#toc}}\n<body');
    writeFileSync(join(dir, 'templates', 'print.html'), text);
    out.push({ dir, code: 'TP126', file: 'templates/print.html', line: lineOf(text, '{{#toc}}') });
  }
  {
    const dir = book(root, 'mustache-deep', matter());
    writeFileSync(join(dir, 'preface.md'), `# 深\n\n${'{{#review}}'.repeat(5_000)}x${'{{/review}}'.repeat(5_000)}\n`);
    out.push({ dir, code: 'TP126', file: 'preface.md', line: 3 });
  }

  // 6. Covers: a DOCTYPE that declares entities, and one that is not well-formed.
  {
    const dir = book(root, 'cover-entity');
    mkdirSync(join(dir, 'templates'));
    const text = readFileSync(join(DEFAULTS, 'cover.svg'), 'utf8').replace(/^(<\?xml[^>]*\?>\s*)?/,
      `$1<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n  <!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">\n  <!ENTITY host SYSTEM "file://${hostFile}">\n]>\n`);
    writeFileSync(join(dir, 'templates', 'cover.svg'), text);
    out.push({ dir, code: 'TP122', file: 'templates/cover.svg', line: lineOf(text, '<!DOCTYPE') });
  }
  {
    const dir = book(root, 'cover-broken');
    mkdirSync(join(dir, 'templates'));
    const text = readFileSync(join(DEFAULTS, 'cover.svg'), 'utf8').replace('</svg>', '<g>\n</svg>');
    writeFileSync(join(dir, 'templates', 'cover.svg'), text);
    out.push({ dir, code: 'TP127', file: 'templates/cover.svg' });
  }

  // 9. Encodings: one stray byte in Chinese UTF-8, and a CESU-8 surrogate pair.
  {
    const dir = book(root, 'stray-byte');
    const text = Buffer.from(smallTranscript(), 'utf8');
    const at = text.indexOf(Buffer.from('相向而行'));
    writeFileSync(join(dir, 'transcript.txt'), Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]));
    out.push({ dir, code: 'TP129', file: 'transcript.txt', line: lineOf(smallTranscript(), '相向而行') });
  }
  {
    const dir = book(root, 'cesu-8');
    const text = Buffer.from(smallTranscript(), 'utf8');
    const at = text.indexOf(Buffer.from('合作共赢'));
    // U+1F600 in CESU-8: the surrogates D83D DE00, each as three bytes.
    writeFileSync(join(dir, 'transcript.txt'), Buffer.concat([text.subarray(0, at), Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]), text.subarray(at)]));
    out.push({ dir, code: 'TP129', file: 'transcript.txt', line: lineOf(smallTranscript(), '合作共赢') });
  }
  return out;
}
