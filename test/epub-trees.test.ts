// The EPUB side reads and rewrites markup as trees (issue #24): links into other documents, and the
// characters a font subset must carry.
import { describe, it, expect } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { ElementContent } from 'hast';
import { relink } from '../scripts/writers/epub.ts';
import { usedCharacters } from '../scripts/epub/font.ts';
import { withoutOutsideImages } from '../scripts/epub/cover.ts';
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

  it('the cover is drawn without the images it would read from a file or the network, as the XML parser reads them', () => {
    const svg = (inner: string) => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><text>王毅 𠀀 ?&gt;</text>${inner}<rect/></svg>`;
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    // Paths (absolute, relative, file: and http: URLs), in href or xlink:href, empty or with children: cut whole.
    expect(withoutOutsideImages(svg('<image href="/etc/x.png" width="9"/><image\n xlink:href="../y.png"></image><g><image href="file:///z.png"/></g>')))
      .toBe(svg('<g></g>'));
    expect(withoutOutsideImages(svg('<filter id="f"><feImage href="http://127.0.0.1:9/a.png"/></filter>'))).toBe(svg('<filter id="f"></filter>'));
    // An inline picture stays, an inline SVG (which could name a file itself) does not; a cover without either is as it was.
    expect(withoutOutsideImages(svg(`<image href="${png}"/><image href="data:image/svg+xml,%3Csvg/%3E"/>`))).toBe(svg(`<image href="${png}"/>`));
    expect(withoutOutsideImages(svg('<image width="3"/>'))).toBe(svg('<image width="3"/>'));
  });
});
