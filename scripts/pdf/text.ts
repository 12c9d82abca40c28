// The text of each printed page, read back from the finished PDF: what a reader sees on the page, in
// reading order. The EPUB's page markers are placed from it (scripts/epub/pages.ts).
//
// poppler's pdftotext (installed by setup with poppler-utils) reads the seed's 34 pages in ~0.1 s;
// pdf.js, the fallback where it is missing, takes ~0.6 s and ~1 s more to load.
// It runs asynchronously, so the other books of a `--jobs 2` batch go on meanwhile.
import { run } from '../core/run.ts';
import { RawPdf, RawPdfError } from './raw.ts';

/**
 * How many pages a PDF has, from its page tree (raw.ts; pdf-lib for a file that reader refuses):
 * a PDF-only build counts its pages without reading their text, which only the EPUB's page markers need.
 */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  try {
    return new RawPdf(pdf).pages().length;
  } catch (err) {
    if (!(err instanceof RawPdfError)) throw err;
  }
  const { PDFDocument, ParseSpeeds } = await import('pdf-lib');
  return (await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })).getPageCount();
}

/** One string per physical page (index 0 = page 1). */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const result = await run('pdftotext', ['-q', '-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (result.status === 0) {
    const pages = result.stdout.split('\f');
    // pdftotext ends every page with a form feed, so the last piece is empty.
    if (pages.at(-1) === '') pages.pop();
    return pages;
  }
  return pdfjsPageTexts(pdf);
}

async function pdfjsPageTexts(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js may detach the buffer it is given: hand it a copy.
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      page.cleanup();
    }
    return texts;
  } finally {
    await doc.destroy();
  }
}
