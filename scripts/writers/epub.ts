// EPUB writer (thin first version): epub-gen-memory with one chapter per section.
import epubGen from 'epub-gen-memory';
import type { Transcript } from '../model/types.ts';
import type { BookView } from '../render/variables.ts';
import { renderBlock, toMarkup, type RenderOptions } from '../render/html.ts';
import { readTemplate, type TemplateSet } from '../render/templates.ts';
import type { PageLookup } from './pdf.ts';

export interface EpubInput {
  tree: Transcript;
  view: BookView;
  templates: TemplateSet;
  /** Element id → print page number, from the PDF stage (for the page-list and index locators). */
  pageMap: Map<string, number>;
  /** The index for the EPUB, given the print page numbers. */
  indexHtml: (pages: PageLookup) => string;
  noteHtml: string;
}

export async function writeEpub(input: EpubInput): Promise<Uint8Array> {
  const { view, tree } = input;
  const options: RenderOptions = { flavour: 'xhtml', labels: { question: view.strings.question, answer: view.strings.answer, remark: view.strings.remark } };
  const chapters = [];
  const lead = tree.children.filter((c) => c.type !== 'section' && c.type !== 'title');
  chapters.push({ title: view.transcriptTitle, content: toMarkup(lead.flatMap((b) => renderBlock(b, options)), 'xhtml') });
  for (const s of tree.children) {
    if (s.type !== 'section') continue;
    chapters.push({ title: s.heading, content: toMarkup(s.children.flatMap((t) => renderBlock(t, options)), 'xhtml') });
  }
  chapters.push({ title: view.strings.editorialNote, content: input.noteHtml });
  const generate = ((epubGen as unknown as { default?: unknown }).default ?? epubGen) as (o: object, c: object[]) => Promise<Buffer>;
  const buffer = await generate({
    title: view.title, author: view.speaker, publisher: view.publisher, description: view.description,
    lang: view.lang, date: view.date, tocTitle: view.strings.contents, css: readTemplate(input.templates, 'epub.css'),
    version: 3, verbose: false,
  }, chapters);
  return new Uint8Array(buffer);
}
