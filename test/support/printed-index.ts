// The printed index checked as a reader would (issues 5, 6 and 27), shared by the book and volume tests:
// every page number an index prints is a page where pdftotext finds that term or one of its aliases,
// read through the link annotations (pdf.js) and word boxes (pdftotext -bbox) of the index pages.
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { poppler, pdftotext } from '../helpers.ts';
import type { IndexModel } from '../../scripts/index/model.ts';

const squash = (s: string) => s.replace(/\s+/g, '');

/** pdftotext of one page, cached per file. */
const texts = new Map<string, string>();
export function pageText(pdf: string, page: number): string {
  const key = `${pdf}#${page}`;
  if (!texts.has(key)) texts.set(key, pdftotext(pdf, page));
  return texts.get(key)!;
}

export interface Word { text: string; x0: number; y0: number; x1: number; y1: number }
export function wordsOf(pdf: string, page: number): Word[] {
  const out = poppler('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...out.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]!.replace(/&amp;/g, '&') }));
}

export type PdfjsDoc = Awaited<ReturnType<(typeof import('pdfjs-dist/legacy/build/pdf.mjs'))['getDocument']>['promise']>;
export async function openPdf(file: string): Promise<PdfjsDoc> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true }).promise;
}

/** Every named destination with its 1-based page, read by pdf.js (an independent reader of the file). */
export async function pdfjsDestinations(doc: PdfjsDoc): Promise<Map<string, number>> {
  const dests = await doc.getDestinations() as Record<string, unknown[]>;
  const out = new Map<string, number>();
  for (const [name, dest] of Object.entries(dests)) {
    out.set(name, (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
  }
  return out;
}

/** The printed locators of one index page: each link's destination and the number(s) printed in it. */
export async function printedLocators(doc: PdfjsDoc, file: string, page: number): Promise<{ anchor: string; from: number; to: number; word: string }[]> {
  const p = await doc.getPage(page);
  const height = p.view[3]! - p.view[1]!;
  const words = wordsOf(file, page);
  const out: { anchor: string; from: number; to: number; word: string }[] = [];
  for (const a of await p.getAnnotations()) {
    if (a.subtype !== 'Link' || typeof a.dest !== 'string') continue;
    const [x0, y0, x1, y1] = a.rect as number[];
    const top = height - y1!, bottom = height - y0!;
    const word = words.find((w) => {
      const cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
      return w.x0 >= x0! - 1 && w.x0 <= x1! && cx >= x0! - 1 && cy >= top - 1 && cy <= bottom + 1;
    });
    const m = word && /^(\d+)(?:–(\d+))?/.exec(word.text);
    if (m) out.push({ anchor: a.dest, from: Number(m[1]), to: Number(m[2] ?? m[1]), word: word.text });
  }
  return out;
}

/**
 * Every page number an index prints is the page of its anchor, the linked occurrence is on it, and
 * every page of a range holds the term or an alias; the pages printed for an entry are exactly the
 * pages of its occurrences. Returns how many page numbers were checked.
 */
export async function checkIndexPages(book: { file: string; index: IndexModel; pageMap: Map<string, number> }, doc: PdfjsDoc): Promise<number> {
  const { pageMap } = book;
  // Hyphenation points (soft hyphens, which pdftotext keeps) and a word hyphenated at a line end
  // (Liber-|ation) are dropped: the words read whole.
  const pageOf = (p: number) => squash(pageText(book.file, p).replace(/\u00ad/g, '').replace(/(\p{L})[-\u2010]\n(\p{Ll})/gu, '$1$2'));
  // A term may begin at the foot of a page and end at the top of the next ("大國責任與全 | 球安全合作"):
  // it is on the page where it begins, as an index locates it.
  const onPage = (text: string, p: number) => {
    const here = pageOf(p);
    if (here.includes(text)) return true;
    for (let k = text.length - 1; k > 0; k--) if (here.endsWith(text.slice(0, k)) || here.replace(/\d+$/, '').endsWith(text.slice(0, k))) return pageOf(p + 1).replace(/^.*?(?=\S)/, '').includes(text.slice(k));
    return false;
  };
  // A term broken across a page break: the page before ends with its head, this page carries its tail
  // (an occurrence printed as a range, 5–6).
  const endsOnPage = (text: string, p: number) => {
    const before = pageOf(p - 1).replace(/\d+$/, '');
    for (let k = text.length - 1; k > 0; k--) if (before.endsWith(text.slice(0, k)) && pageOf(p).includes(text.slice(k))) return true;
    return false;
  };
  const byAnchor = new Map(book.index.occurrences.map((o) => [o.id, o]));
  const textsOf = new Map<string, Set<string>>();
  for (const o of book.index.occurrences) textsOf.set(o.entry, new Set([...(textsOf.get(o.entry) ?? []), o.text, o.term]));
  // The index ends on the page before the note, or on the note's page when the note runs on below a one-page index.
  const first = pageMap.get('back-index')!, last = Math.max(first, pageMap.get('note')! - 1);
  expect(last).toBeGreaterThanOrEqual(first);
  const printed = new Map<string, Set<number>>(); // entry → pages the index prints for it
  let checked = 0;
  for (let page = first; page <= last; page++) {
    for (const loc of await printedLocators(doc, book.file, page)) {
      const occ = byAnchor.get(loc.anchor);
      if (!occ) continue; // a see / see also link to another entry
      // The number printed is the page the PDF's destination for that anchor is on…
      expect(loc.from, `${occ.term} (${loc.anchor}) printed as ${loc.word}`).toBe(pageMap.get(loc.anchor));
      expect(loc.to).toBeGreaterThanOrEqual(loc.from);
      // …and the linked occurrence is on that page, and every page of a range has the term or an alias.
      expect(onPage(squash(occ.text), loc.from), `${occ.text} on page ${loc.from}`).toBe(true);
      for (let p = loc.from; p <= loc.to; p++) {
        expect([...textsOf.get(occ.entry)!].some((t) => onPage(squash(t), p) || (p > loc.from && endsOnPage(squash(t), p))), `${occ.term} on page ${p} (${loc.word})`).toBe(true);
        printed.set(occ.entry, new Set([...(printed.get(occ.entry) ?? []), p]));
        checked++;
      }
    }
  }
  // Nothing is left out: the pages printed for an entry are exactly the pages its occurrences are on.
  for (const [entry, texts] of textsOf) {
    const pages = new Set(book.index.occurrences.filter((o) => o.entry === entry).map((o) => pageMap.get(o.id)!));
    expect([...(printed.get(entry) ?? [])].sort((a, b) => a - b), `${[...texts][0]}`).toEqual([...pages].sort((a, b) => a - b));
  }
  return checked;
}

