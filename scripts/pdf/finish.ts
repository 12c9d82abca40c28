// The last step on Chromium's PDF (pdf-lib): exact trim boxes, optional bleed with crop marks, no
// running head or folio on opening pages, the document's metadata, and a fixed /ID and dates so the
// same book gives the same bytes.
import { createHash } from 'node:crypto';
import {
  PDFArray, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, ParseSpeeds, cmyk, decodePDFRawStream, type PDFPage,
} from 'pdf-lib';
import { BLEED_MM, MM, SLUG_MM, type Trim } from './layout.ts';
import { IncrementalUpdate, RawPdf, RawPdfError, ascii, isDict, isRef, name, num, ref, text, type PdfDict, type PdfValue } from './raw.ts';

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

/**
 * Finishes Chromium's bytes by appending an incremental update: Chromium's own objects stay as they
 * are, and only what changes is written after them (the Info dictionary, every page dictionary with
 * its boxes, the content streams of opening pages without their margin boxes, the crop marks), with
 * the fixed /ID in the new trailer. Chromium's clock-stamped dates in the original Info dictionary are
 * blanked in place (same length, so no offset moves). Throws RawPdfError on a file it cannot read;
 * finishPdf (pdf-lib) is the fallback.
 */
export function finishIncremental(bytes: Uint8Array, input: FinishInput): FinishResult {
  const pdf = new RawPdf(bytes);
  const up = new IncrementalUpdate(pdf);
  const marks = input.bleed ? cropMarkStreams(up, input.trim) : undefined;
  const stripped = finishPages(pdf, up, input, marks);
  const infoNum = replaceInfo(pdf, up, input.meta);
  setCatalogLanguage(pdf, up, input.meta.lang);
  const id = { t: 'str' as const, raw: `<${createHash('sha256').update(input.idSeed).digest('hex').slice(0, 32)}>` };
  const pdfOut = up.save(new Map<string, PdfValue>([['Info', ref(infoNum)], ['ID', [id, id]]]));
  return { pdf: pdfOut, stripped };
}

/** Two new content streams that wrap every page's own: `q` before, `Q` and the crop marks after. */
function cropMarkStreams(up: IncrementalUpdate, trim: Trim): { before: number; after: number } {
  const marks = { before: up.allocate(), after: up.allocate() };
  up.setStream(marks.before, Buffer.from('q\n'));
  up.setStream(marks.after, Buffer.from(`Q\n${cropMarkOps(trim)}`));
  return marks;
}

/** Every page dictionary anew with its boxes (and crop marks); bare pages lose their margin boxes. Returns how many did. */
function finishPages(pdf: RawPdf, up: IncrementalUpdate, input: FinishInput, marks: { before: number; after: number } | undefined): number {
  const boxes = pageBoxes(input.trim, input.bleed);
  let stripped = 0;
  pdf.pages().forEach((pageRef, i) => {
    const page = pdf.dict(pageRef);
    if (!page) throw new RawPdfError(`page ${i + 1} is not a dictionary`);
    const next: PdfDict = new Map(page);
    const contents = pageContents(pdf, next.get('Contents'));
    if (input.bare.has(i + 1) && isRef(contents[0]) && stripMarginGroup(pdf, up, contents[0].num)) stripped++;
    if (marks) next.set('Contents', [ref(marks.before), ...contents, ref(marks.after)]);
    next.set('MediaBox', boxes.media.map(num));
    next.set('TrimBox', boxes.trim.map(num));
    if (boxes.bleed) next.set('BleedBox', boxes.bleed.map(num)); else next.delete('BleedBox');
    up.set(pageRef.num, next);
  });
  return stripped;
}

/** A page's content streams as a list (one reference or an array of them). */
function pageContents(pdf: RawPdf, c: PdfValue | undefined): PdfValue[] {
  const resolved = pdf.resolve(c);
  if (Array.isArray(resolved)) return resolved;
  return isRef(c) ? [c] : [];
}

/** Removes the margin boxes (running head, folio) from an opening page's first content stream; false when it has none. */
function stripMarginGroup(pdf: RawPdf, up: IncrementalUpdate, streamNum: number): boolean {
  const stream = pdf.decodedStream(streamNum).toString('latin1');
  const cut = marginGroup(stream);
  if (!cut) return false;
  up.setStream(streamNum, Buffer.from(stream.slice(0, cut.start) + stream.slice(cut.end), 'latin1'));
  return true;
}

/** The Info dictionary with the book's metadata and fixed dates; returns its object number. */
function replaceInfo(pdf: RawPdf, up: IncrementalUpdate, meta: FinishInput['meta']): number {
  const infoRef = pdf.trailer.get('Info');
  const infoNum = isRef(infoRef) ? infoRef.num : up.allocate();
  if (isRef(infoRef)) {
    // Blank Chromium's dates where they stand: the superseded dictionary must not carry the clock either.
    const { start, end } = pdf.range(infoRef.num);
    for (const m of pdf.text.slice(start, end).matchAll(/\/(?:CreationDate|ModDate)\s*\((?:\\.|[^\\)])*\)/g)) {
      up.patch(start + m.index, ' '.repeat(m[0].length));
    }
  }
  up.set(infoNum, new Map<string, PdfValue>([
    ['Title', text(meta.title)], ['Author', text(meta.author)], ['Subject', text(meta.subject)],
    ['Keywords', text(meta.keywords.join(' '))], ['Creator', text('transcript-press')], ['Producer', text('transcript-press (Chromium)')],
    ['CreationDate', ascii(pdfDate(meta.date))], ['ModDate', ascii(pdfDate(meta.date))],
  ]));
  return infoNum;
}

/** Chromium's tagged output already has /Lang from <html lang> and DisplayDocTitle; set them if not. */
function setCatalogLanguage(pdf: RawPdf, up: IncrementalUpdate, language: string): void {
  const rootRef = pdf.trailer.get('Root');
  const catalog = pdf.catalog;
  const lang = catalog.get('Lang');
  const prefs = pdf.dict(catalog.get('ViewerPreferences'));
  const langOk = lang && !Array.isArray(lang) && !(lang instanceof Map) && lang.t === 'str' && lang.raw === ascii(language).raw;
  const prefsOk = serializeKw(prefs?.get('DisplayDocTitle')) === 'true';
  if (isRef(rootRef) && (!langOk || !prefsOk)) {
    const next: PdfDict = new Map(catalog);
    next.set('Lang', ascii(language));
    next.set('ViewerPreferences', new Map<string, PdfValue>([...(prefs ?? []), ['DisplayDocTitle', { t: 'kw', word: 'true' }]]));
    up.set(rootRef.num, next);
  }
}

function serializeKw(v: PdfValue | undefined): string | undefined {
  return v && !Array.isArray(v) && !isDict(v) && v.t === 'kw' ? v.word : undefined;
}

/**
 * Finishes Chromium's bytes: an incremental update by the small reader (raw.ts), or, for a file it does
 * not understand (a cross-reference stream, a filter it lacks), a full rewrite by pdf-lib.
 */
export async function finishChromiumPdf(pdf: Uint8Array, input: FinishInput): Promise<FinishResult> {
  try {
    return finishIncremental(pdf, input);
  } catch (err) {
    if (!(err instanceof RawPdfError)) throw err;
    return finishPdf(await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), input);
  }
}

/** `D:YYYYMMDDHHmmSSZ` in UTC, as pdf-lib writes it. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

/** MediaBox, TrimBox and (with bleed) BleedBox as [x0 y0 x1 y1] in points. */
export function pageBoxes(trim: Trim, bleed: boolean): { media: number[]; trim: number[]; bleed?: number[] } {
  const w = trim.width * MM, h = trim.height * MM;
  if (!bleed) return { media: [0, 0, w, h], trim: [0, 0, w, h] };
  const b = BLEED_MM * MM, s = SLUG_MM * MM;
  return { media: [-s, -s, w + s, h + s], trim: [0, 0, w, h], bleed: [-b, -b, w + b, h + b] };
}

/**
 * Crop marks: hairlines in registration colour (all four inks) on the trim lines, starting outside the
 * bleed so they never print on the sheet that is kept.
 */
export function cropMarkOps(trim: Trim): string {
  const w = trim.width * MM, h = trim.height * MM, b = BLEED_MM * MM, s = SLUG_MM * MM;
  const from = b, to = s - 1 * MM;
  const f = (n: number) => num(n).raw;
  const lines: [number, number, number, number][] = [];
  for (const x of [0, w]) lines.push([x, -from, x, -to], [x, h + from, x, h + to]);
  for (const y of [0, h]) lines.push([-from, y, -to, y], [w + from, y, w + to, y]);
  return ['q', '1 1 1 1 K', '0.25 w', '0 J', ...lines.map(([x0, y0, x1, y1]) => `${f(x0)} ${f(y0)} m ${f(x1)} ${f(y1)} l S`), 'Q', ''].join('\n');
}

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
        // Tagged content (an MCID) is the page's own; a /Span with /ActualText (Chromium's word for a glyph
        // the font shares between two code points, 月 and the radical ⽉) may stand in a running head.
        if (/\sW\*? n\b/.test(group) || /\/MCID\b|\bBMC\b/.test(group) || !/\bBT\b/.test(group)) return undefined;
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

