// Reading Chromium's named destinations: every id some `<a href="#id">` targets becomes a /Dests entry
// pointing at the page where the element's box begins. That is how we learn id → page without
// target-counter().
import { PDFArray, PDFDict, PDFDocument, ParseSpeeds, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import { RawPdf, RawPdfError, rawDestinations, rawPositions, type DestAt } from './raw.ts';

/**
 * id → 1-based physical page (our folios count every page, so this is also the printed number). Reads
 * only the catalog, the page tree and the destinations (raw.ts); a file that reader does not
 * understand is loaded whole with pdf-lib instead.
 */
export async function readDestinations(pdf: Uint8Array): Promise<Map<string, number>> {
  try {
    return rawDestinations(new RawPdf(pdf));
  } catch (err) {
    if (!(err instanceof RawPdfError)) throw err;
  }
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  return destinationsOf(doc);
}

/**
 * id → page and the top of the element's box (`/XYZ` y, in points from the page's foot), or undefined
 * when the small reader does not understand the file (the caller then reads lines with pdftotext).
 */
export function readPositions(pdf: Uint8Array): Map<string, DestAt> | undefined {
  try {
    return rawPositions(new RawPdf(pdf));
  } catch (err) {
    if (!(err instanceof RawPdfError)) throw err;
    return undefined;
  }
}

export function destinationsOf(doc: PDFDocument): Map<string, number> {
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const map = new Map<string, number>();
  const add = (name: string, value: PDFObject | undefined) => {
    let dest = value && doc.context.lookup(value);
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    if (!(dest instanceof PDFArray)) return;
    const target = dest.get(0);
    const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined;
    if (page !== undefined) map.set(name, page);
  };
  // PDF 1.1 style: a /Dests dictionary in the catalog (what Skia writes).
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(key.decodeText(), value);
  // PDF 1.2 style: a /Names → /Dests name tree, in case a future Chromium switches.
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (names) walkNameTree(doc, names, add);
  return map;
}

function walkNameTree(doc: PDFDocument, node: PDFDict, add: (name: string, value: PDFObject | undefined) => void) {
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (pairs) {
    for (let i = 0; i + 1 < pairs.size(); i += 2) {
      const key = pairs.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), pairs.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) walkNameTree(doc, kids.lookup(i, PDFDict), add);
}
