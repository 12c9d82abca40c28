// Every index locator on the page that prints the term, in print and EPUB, for built corpus books
// (issue 26): `npx tsx scripts/eval/index-locators.ts DIST_DIR [ID...]` after
// `transcript-press build test/corpus/<id>... --out DIST_DIR`. The index model (terms, aliases, anchors)
// comes from prepareBook on the corpus folder, the same as the build's; the PDF is read with pdf.js
// (link annotations and destinations) and pdftotext (page text and word boxes), the EPUB as its XHTML.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusRoot } from '../fixtures/corpus.ts';
import { prepareBook } from '../prepare.ts';
import type { Occurrence } from '../index/model.ts';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit, EXIT } from 'unist-util-visit';
import type { Element, Root } from 'hast';

/** Elements of a tree that pass a test, in document order. */
function elements(tree: Root, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e) => { if (test(e)) out.push(e); });
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '').replace(/\u00ad/g, '');

export interface LocatorReport { id: string; pdfChecked: number; epubChecked: number; failures: string[] }

type Doc = Awaited<ReturnType<(typeof import('pdfjs-dist/legacy/build/pdf.mjs'))['getDocument']>['promise']>;

function pageText(pdf: string, page: number): string {
  // Hyphenation points (soft hyphens) first, then a word hyphenated at a line end (Re‐|search) read whole.
  return squash(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' })
    .replace(/\u00ad/g, '').replace(/(\p{L})[-\u2010]\n(\p{Ll})/gu, '$1$2'));
}

function wordBoxes(pdf: string, page: number): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const tree = fromHtml(execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }));
  const n = (v: unknown) => Number(v);
  return elements(tree, (e) => e.tagName === 'word').map((w) => ({ x0: n(w.properties.xmin), y0: n(w.properties.ymin), x1: n(w.properties.xmax), y1: n(w.properties.ymax), text: toString(w) }));
}

/** The index pages' links: destination name and the page number printed inside the link. */
async function printedLinks(doc: Doc, pdf: string, page: number): Promise<{ dest: string; from: number; to: number }[]> {
  const p = await doc.getPage(page);
  const height = p.view[3] - p.view[1];
  const words = wordBoxes(pdf, page);
  const out: { dest: string; from: number; to: number }[] = [];
  for (const a of await p.getAnnotations()) {
    if (a.subtype !== 'Link' || typeof a.dest !== 'string') continue;
    const [x0, y0, x1, y1] = a.rect as number[];
    const w = words.find((w) => w.x0 >= x0 - 1 && w.x0 <= x1 && (w.y0 + w.y1) / 2 >= height - y1 - 1 && (w.y0 + w.y1) / 2 <= height - y0 + 1);
    const m = w && /^(\d+)(?:–(\d+))?/.exec(w.text);
    if (m) out.push({ dest: a.dest, from: Number(m[1]), to: Number(m[2] ?? m[1]) });
  }
  return out;
}

/** Print: each printed number is its anchor's page, and that page prints the occurrence (or its start, at a page foot). */
async function checkPdf(pdf: string, occurrences: Map<string, Occurrence>, failures: string[]): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const dests = await doc.getDestinations() as Record<string, unknown[]>;
    const pageOf = async (name: string) => dests[name] ? (await doc.getPageIndex(dests[name][0] as { num: number; gen: number })) + 1 : -1;
    const indexFrom = await pageOf('back-index');
    // The note may begin on the index's last page (a short index): that page is read too; links there
    // that are no index locator (not an occurrence) are skipped below.
    const notePage = await pageOf('note');
    const indexTo = notePage > 0 ? notePage : doc.numPages;
    if (indexFrom < 1) { failures.push('pdf: no index'); return 0; }
    const texts = new Map<number, string>();
    const text = (p: number) => texts.get(p) ?? texts.set(p, pageText(pdf, p)).get(p)!;
    // Hyphens aside on both sides: pdftotext joins a term broken at its own hyphen (COVID-|19) without it,
    // and a term broken across pages leaves its line-end hyphen before the folio (In‐ 8 | terstate).
    const bare = (t: string) => t.replace(/[-\u2010]/g, '');
    const printsOn = (t: string, p: number) => {
      const [here, term] = [bare(text(p)), bare(t)];
      return here.includes(term) || [...Array(term.length - 1).keys()].some((k) => here.replace(/\d+$/, '').endsWith(term.slice(0, k + 1)) && bare(text(p + 1)).includes(term.slice(k + 1)));
    };
    let checked = 0;
    for (let page = indexFrom; page <= indexTo; page++) {
      for (const link of await printedLinks(doc, pdf, page)) {
        const occ = occurrences.get(link.dest);
        if (!occ) continue;
        checked++;
        const at = await pageOf(link.dest);
        if (at !== link.from) failures.push(`pdf: ${occ.term} printed ${link.from}, anchor on ${at}`);
        else if (!printsOn(squash(occ.text), at)) failures.push(`pdf: ${occ.term} (${occ.text}) not printed on page ${at}`);
      }
    }
    return checked;
  } finally {
    await doc.destroy();
  }
}

/** EPUB: each locator links to an anchor whose text is the term or an alias, and prints the page break before it. */
function checkEpub(epub: string, occurrences: Map<string, Occurrence>, failures: string[]): number {
  const read = (name: string) => fromHtml(execFileSync('unzip', ['-p', epub, `EPUB/${name}`], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const files = new Map<string, ReturnType<typeof read>>();
  let checked = 0;
  for (const a of elements(read('index.xhtml'), (e) => e.tagName === 'a' && e.properties['epub:type'] === 'index-locator')) {
    const [file, id] = String(a.properties.href).split('#');
    const occ = occurrences.get(id);
    if (!occ) continue;
    checked++;
    const doc = files.get(file) ?? files.set(file, read(file)).get(file)!;
    const target = elements(doc, (e) => e.properties.id === id)[0];
    if (!target || squash(toString(target)) !== squash(occ.text)) { failures.push(`epub: ${occ.term} → #${id} holds ${target ? toString(target) : 'nothing'}`); continue; }
    // The last page break before the anchor, in document order.
    let page: string | undefined;
    visit(doc, 'element', (e) => {
      if (e === target) return EXIT;
      if (e.properties.role === 'doc-pagebreak') page = String(e.properties.ariaLabel);
    });
    if (page !== undefined && !toString(a).split('–').includes(page)) failures.push(`epub: ${occ.term} printed ${toString(a)}, page break before it ${page}`);
  }
  return checked;
}

/**
 * One built book's locators: `dist/<id>/<id>.pdf` and `.epub` against the index model of its source folder
 * (`source`, the corpus folder by default; the print check passes the minimal-book.yaml folder it built).
 */
export async function checkBook(dist: string, id: string, source = join(corpusRoot, id)): Promise<LocatorReport> {
  const failures: string[] = [];
  const prepared = prepareBook(source);
  const occurrences = new Map(prepared.index.occurrences.map((o) => [o.id, o]));
  const dir = join(dist, id);
  const pdfChecked = await checkPdf(join(dir, `${id}.pdf`), occurrences, failures);
  const epubChecked = checkEpub(join(dir, `${id}.epub`), occurrences, failures);
  if (occurrences.size && (!pdfChecked || !epubChecked)) failures.push('index printed without locators');
  return { id, pdfChecked, epubChecked, failures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist, ...ids] = process.argv.slice(2);
  const books = ids.length ? ids : readdirSync(dist).filter((d) => existsSync(join(dist, d, `${d}.pdf`)) && existsSync(join(corpusRoot, d)));
  let bad = 0;
  let pdf = 0;
  let epub = 0;
  for (const id of books) {
    const r = await checkBook(dist, id);
    pdf += r.pdfChecked;
    epub += r.epubChecked;
    if (r.failures.length) bad++;
    console.log(`${id}: ${r.pdfChecked} print locators, ${r.epubChecked} EPUB locators${r.failures.length ? `; ${r.failures.length} wrong: ${r.failures.slice(0, 5).join('; ')}` : ', all on the page that prints the term'}`);
  }
  console.log(`${books.length} books, ${pdf} print and ${epub} EPUB locators checked; ${bad} books with a wrong locator`);
  process.exitCode = bad ? 1 : 0;
}
