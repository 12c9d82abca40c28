// The last step on Chromium's PDF (pdf-lib): exact trim boxes, optional bleed with crop marks, no
// running head or folio on opening pages, the document's metadata, and a fixed /ID and dates so the
// same book gives the same bytes.
import { createHash } from 'node:crypto';
import {
  PDFArray, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, cmyk, decodePDFRawStream, type PDFPage,
} from 'pdf-lib';
import { BLEED_MM, MM, SLUG_MM, type Trim } from './layout.ts';

export interface FinishInput {
  trim: Trim;
  bleed: boolean;
  /** 1-based pages whose running head and folio are removed (openings of body, sections, back matter). */
  bare: Set<number>;
  meta: { title: string; author: string; subject: string; keywords: string[]; lang: string; date: Date };
  /** Seeds the document /ID: the same final HTML and options give the same ID. */
  idSeed: string;
}

export interface FinishResult { pdf: Uint8Array; stripped: number }

/** Finishes `doc` (Chromium's output, loaded with pdf-lib) in place and serialises it. */
export async function finishPdf(doc: PDFDocument, input: FinishInput): Promise<FinishResult> {
  let stripped = 0;
  doc.getPages().forEach((page, i) => {
    if (input.bare.has(i + 1) && stripMarginBoxes(doc, page)) stripped++;
    setBoxes(page, input.trim, input.bleed);
  });
  const { meta } = input;
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('transcript-press');
  doc.setProducer('transcript-press (Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage(meta.lang);
  // Skia writes a random /ID; ours is derived from what was rendered, so it is stable but still
  // changes when the book does.
  const id = createHash('sha256').update(input.idSeed).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return { pdf: await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity }), stripped };
}

/**
 * Chromium paints the page-margin boxes (running head, folio) first, as one top-level `q … Q` group of
 * plain text before the group that clips to the page area (`… re W* n`). CSS cannot single out the
 * first page of a named page in this Chromium (`@page s3:first` does not match), so on opening pages
 * we drop that group. Returns false, touching nothing, when the stream does not have that shape.
 */
export function stripMarginBoxes(doc: PDFDocument, page: PDFPage): boolean {
  const contents = page.node.Contents();
  if (!contents) return false;
  const ref = contents instanceof PDFArray ? contents.get(0) : page.node.get(PDFName.of('Contents'));
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream) || !(ref instanceof PDFRef)) return false;
  const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  const cut = marginGroup(text);
  if (!cut) return false;
  doc.context.assign(ref, doc.context.flateStream(Buffer.from(text.slice(0, cut.start) + text.slice(cut.end), 'latin1')));
  return true;
}

/** Offsets of the first top-level q…Q group if it is margin-box text (no clip, no marked content). */
export function marginGroup(text: string): { start: number; end: number } | undefined {
  const lines = text.split('\n');
  let offset = 0, depth = 0, start = -1;
  for (const line of lines) {
    const op = line.trim();
    if (op === 'q') { if (depth === 0) start = offset; depth++; }
    else if (op === 'Q') {
      depth--;
      if (depth === 0 && start >= 0) {
        const end = offset + line.length + 1;
        const group = text.slice(start, end);
        if (/\sW\*? n\b/.test(group) || /\bBDC\b|\bBMC\b/.test(group) || !/\bBT\b/.test(group)) return undefined;
        return { start, end };
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** MediaBox exactly the trim (Chromium rounds to whole CSS pixels), or trim + bleed + slug with marks. */
function setBoxes(page: PDFPage, trim: Trim, bleed: boolean) {
  const w = trim.width * MM, h = trim.height * MM;
  if (!bleed) {
    page.setMediaBox(0, 0, w, h);
    page.setTrimBox(0, 0, w, h);
    return;
  }
  const b = BLEED_MM * MM, s = SLUG_MM * MM;
  page.setMediaBox(-s, -s, w + 2 * s, h + 2 * s);
  page.setBleedBox(-b, -b, w + 2 * b, h + 2 * b);
  page.setTrimBox(0, 0, w, h);
  // Crop marks: hairlines in registration colour on the trim lines, starting outside the bleed so
  // they never print on the sheet that is kept.
  const reg = cmyk(1, 1, 1, 1), thickness = 0.25;
  const from = b, to = s - 1 * MM;
  for (const x of [0, w]) {
    page.drawLine({ start: { x, y: -from }, end: { x, y: -to }, thickness, color: reg });
    page.drawLine({ start: { x, y: h + from }, end: { x, y: h + to }, thickness, color: reg });
  }
  for (const y of [0, h]) {
    page.drawLine({ start: { x: -from, y }, end: { x: -to, y }, thickness, color: reg });
    page.drawLine({ start: { x: w + from, y }, end: { x: w + to, y }, thickness, color: reg });
  }
}

