// The EPUB side reads and rewrites markup as trees (issue #24): links into other documents, and the
// characters a font subset must carry.
import { describe, it, expect } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { ElementContent } from 'hast';
import { relink } from '../scripts/writers/epub.ts';
import { usedCharacters } from '../scripts/epub/font.ts';
import { withoutXmlDeclaration } from '../scripts/epub/cover.ts';
import { toMarkup } from '../scripts/render/html.ts';

const fragment = (html: string) => fromHtml(html, { fragment: true }).children as ElementContent[];

describe('EPUB markup as trees', () => {
  it('relink points #id at the file the id lives in, and leaves same-file, unknown and outside links alone', () => {
    const files = new Map([['s3', 's3.xhtml'], ['note-p1', 'note.xhtml']]);
    const nodes = relink(fragment('<p><a href="#s3">q3</a> <a href="#note-p1">n</a> <a href="#nowhere">x</a> <a href="https://example.org/#s3">e</a> <span title="#s3">t</span></p>'), files, 'note.xhtml');
    expect(toMarkup(nodes, 'xhtml')).toBe('<p><a href="s3.xhtml#s3">q3</a> <a href="#note-p1">n</a> <a href="#nowhere">x</a> <a href="https://example.org/#s3">e</a> <span title="#s3">t</span></p>');
  });

  it('a font subset carries the text of the documents, references decoded, no markup and no comments', () => {
    const doc = fromHtml('<p class="zz">a&amp;b&#x4E2D;&lt;<i>é</i><!-- qq --></p>', { fragment: true });
    expect(usedCharacters([doc])).toBe([...'a&b中<é'].sort().join(''));
  });

  it('the cover page drops only the SVG\'s XML declaration, as the XML parser reads it', () => {
    expect(withoutXmlDeclaration('<?xml version="1.0" encoding="UTF-8"?>\n  <svg xmlns="http://www.w3.org/2000/svg"><text>?&gt;</text></svg>'))
      .toBe('<svg xmlns="http://www.w3.org/2000/svg"><text>?&gt;</text></svg>');
    expect(withoutXmlDeclaration('<svg xmlns="http://www.w3.org/2000/svg"><?xml-stylesheet href="a.css"?></svg>'))
      .toBe('<svg xmlns="http://www.w3.org/2000/svg"><?xml-stylesheet href="a.css"?></svg>');
  });
});
