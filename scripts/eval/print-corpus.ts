// The print check over the corpus (issue #23's "Done when"): every selected transcript of test/corpus
// is built as a book from a minimal book.yaml (id, speaker, source, date; no language, so it is
// detected; no title when the first line is the title) and its PDF and EPUB are read back:
//   - a title line the reader did not take for one (a TP141 warning: the book is built under a made-up title);
//   - 〓 printed (pdftotext), and books that failed (TP140 fails a book with a glyph no face has);
//   - title lines broken inside a word: half-title, title page, cover (the EPUB cover's SVG lines), body title, running heads and contents
//     entries, each line end checked against the segmenter's words (lang/words.ts: jieba, spaces);
//   - empty pages (a blank verso is allowed only before a right-hand page) and a contents page with
//     nothing under its heading;
//   - pages holding 1–3 lines of a section's end (render/ends.ts on the finished PDF's lines), the index's end too;
//   - the print contents against the EPUB navigation (less title page and colophon, which precede it);
//   - pdffonts: one subset per face and weight, all embedded, none Type 3.
// The books are built in this process through the build library (scripts/corpus.ts buildCorpus: one
// shared Chromium, --jobs books in flight, PDF and EPUB, the print HTML kept), at low priority:
//   nice -n 10 npx tsx scripts/eval/print-corpus.ts [--split test|dev|all] [--ids a,b] [--limit N] [--jobs N] [--chunk N] [--out DIR] [--record FILE] [--force] [--skip-build]
// Each book's line goes into the record (test/corpus/print-check.jsonl unless --record), one line per
// book, rewritten after each chunk; the line carries the build library's input hash (transcript,
// minimal book.yaml, the tool's code and templates, this checker included), and a book whose line
// carries the hash it would be built at now is not checked again: a line left from an older tool is
// stale and is checked again by the next run.
//   npx tsx scripts/eval/print-corpus.ts --table FILE[,FILE] prints the figures per part and language (README).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, inputHash } from '../corpus.ts';
import type { Format } from '../build.ts';
import { defaultContext } from '../core/context.ts';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { writeFileAtomic } from '../core/files.ts';
import { spawnSync } from 'node:child_process';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { corpusRoot, loadCorpus, type CorpusEntry, type Selection } from '../fixtures/corpus.ts';
import { projectRoot } from '../core/root.ts';
import { parseBboxLayout, type PageLine } from '../pdf/page-lines.ts';
import { TRIMS } from '../pdf/layout.ts';
import { readDestinations } from '../pdf/dests.ts';
import { runsOf, shortEnds } from '../render/ends.ts';
import { chineseWords } from '../lang/words.ts';
import { coverSvg } from '../epub/cover.ts';
import { fontsFor } from '../fonts.ts';
import { resolveTemplateSet } from '../render/templates.ts';
import type { BookView } from '../render/variables.ts';
import { SaxesParser } from 'saxes';
import { checkBook } from './index-locators.ts';

export interface BookReport {
  id: string; split: string; language: string; built: boolean; failure?: string; pages?: number;
  missingGlyphs?: number; brokenTitles?: string[]; emptyPages?: number[]; shortEnds?: string[];
  contents?: 'same' | 'none (one section)' | string; fonts?: string[];
  /** The index's locators checked (scripts/eval/index-locators.ts), in print and EPUB, and those not on the page that prints the term. */
  locators?: { pdf: number; epub: number; wrong: string[] };
  /** Built under a made-up title although the transcript opens with a title line (TP141 warning). */
  titleMissed?: boolean;
  /** The build library's input hash the book was checked at (transcript, minimal book.yaml, the tool's code and templates). */
  hash?: string;
}

const squash = (s: string) => s.replace(/[\s\u00ad\u2010\u00a0]+/g, '');

/** A minimal book.yaml: what the schema requires, a title only when the text's first line is none. */
function minimalYaml(entry: CorpusEntry): string {
  const c = entry.config;
  const q = (s: string) => JSON.stringify(s);
  const lines = [`id: ${q(`urn:transcript-press:print-check:${entry.id}`)}`, `speaker: ${q(c.speaker)}`, `source: ${q(c.source)}`, `date: ${c.date}`];
  if (!entry.expected.title) lines.push(`title: ${q(c.title)}`);
  return lines.join('\n') + '\n';
}

/** A book's source folder for the check: its transcript and a minimal book.yaml. */
function sourceDir(entry: CorpusEntry, out: string): string {
  const dir = join(out, 'src', entry.id);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(entry.dir, 'transcript.txt'), join(dir, 'transcript.txt'));
  writeFileSync(join(dir, 'book.yaml'), minimalYaml(entry));
  return dir;
}

/** What the build library hashes for a book (its inputs and the tool's code, this checker included), checked formats and print HTML on. */
export function checkHash(entry: CorpusEntry, out: string): string {
  return inputHash(sourceDir(entry, out), FORMATS, true);
}

const FORMATS = new Set<Format>(['pdf', 'epub']);
const firstError = (ds: Diagnostic[]) => ds.find((d) => d.severity === 'error');

/**
 * Builds the books in this process through the build library (scripts/corpus.ts buildCorpus: one shared
 * Chromium, `jobs` books in flight, a book whose inputs and tool are unchanged is not rebuilt); returns
 * why each failed, and which books whose transcript opens with a title line (expected.json `title`) were
 * built under a made-up title because the reader did not take that line for one (a TP141 warning).
 */
async function build(entries: CorpusEntry[], out: string, jobs: number): Promise<{ failures: Map<string, string>; untitled: Set<string> }> {
  const dirs = entries.map((e) => sourceDir(e, out));
  const ctx = defaultContext({ log: () => undefined });
  const outcomes = await buildCorpus(dirs, { out: join(out, 'build'), formats: FORMATS, ctx, jobs, keepHtml: true });
  const failures = new Map<string, string>();
  const titled = new Set(entries.filter((e) => e.expected.title).map((e) => e.id));
  const untitled = new Set<string>();
  for (const o of outcomes) {
    if (titled.has(o.id) && o.diagnostics.some((d) => d.code === 'TP141')) untitled.add(o.id);
    if (o.status !== 'failed') continue;
    const d = firstError(o.diagnostics) ?? o.diagnostics[0];
    failures.set(o.id, d ? formatDiagnostic(d).split('\n')[0].slice(0, 200) : 'failed');
  }
  return { failures, untitled };
}

function pdfText(pdf: string, args: string[] = []): string {
  return spawnSync('pdftotext', ['-q', '-enc', 'UTF-8', ...args, pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
}

/** Every page's lines, margins included (heads and folios), and the type-area lines alone. */
function linesOf(pdf: string): { all: PageLine[][]; body: PageLine[][] } {
  const xhtml = pdfText(pdf, ['-bbox-layout']);
  const none = { width: 0, height: 0, top: -50, bottom: -50, inner: 0, outer: 0 };
  return { all: parseBboxLayout(xhtml, none), body: parseBboxLayout(xhtml, TRIMS.A5) };
}

/** Offsets (in the title without spaces) where a line may end: between the segmenter's words. */
export function wordEnds(title: string): Set<number> {
  const ends = new Set<number>([0]);
  let at = 0;
  // Spaces part words in any script; runs of Han are cut by the segmenter.
  for (const w of title.split(/(\s+)/).flatMap((t) => (/\p{Script=Han}/u.test(t) ? chineseWords(t) : [t]))) {
    at += squash(w).length;
    ends.add(at);
    // A word's end before the punctuation after it ("Rules;" cut as "Rules…").
    const trail = /[\p{P}]+$/u.exec(squash(w))?.[0].length ?? 0;
    if (trail && trail < squash(w).length) ends.add(at - trail);
  }
  // A line may also end after a hyphen or dash.
  const flat = squash(title);
  for (let i = 0; i < flat.length; i++) if (/[-–—/]/.test(flat[i])) ends.add(i + 1);
  return ends;
}

/**
 * Where `title` is set on consecutive lines of `lines`: the offsets its line ends fall at that are not
 * word ends. Null when the title is not found there.
 */
export function badBreaks(title: string, lines: PageLine[], stripNumbers = false): number[] | null {
  const flat = squash(title);
  if (!flat) return [];
  const texts = lines.map((l) => squash(l.text).replace(stripNumbers ? /\d+$/ : /$^/, ''));
  for (let i = 0; i < texts.length; i++) {
    if (!texts[i] || !flat.startsWith(texts[i].slice(0, Math.min(texts[i].length, 4)))) continue;
    let joined = ''; const cuts: number[] = [];
    for (let j = i; j < texts.length && joined.length < flat.length; j++) {
      joined += texts[j];
      if (!flat.startsWith(joined)) break;
      cuts.push(joined.length);
    }
    if (joined === flat) {
      const ends = wordEnds(title);
      return cuts.slice(0, -1).filter((c) => !ends.has(c));
    }
  }
  return null;
}

function textOf(e: Element | undefined): string {
  if (!e) return '';
  return e.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

function find(root: Root | Element, test: (e: Element) => boolean, all: Element[] = []): Element[] {
  for (const c of root.children) {
    if (c.type !== 'element') continue;
    if (test(c)) all.push(c);
    find(c, test, all);
  }
  return all;
}

const hasClass = (e: Element, c: string) => Array.isArray(e.properties?.className) && (e.properties.className as string[]).includes(c);

/** Titles as the print HTML sets them, and where they are read back. */
function titleChecks(doc: Root, lines: { all: PageLine[][]; body: PageLine[][] }, pages: Map<string, number>): string[] {
  const bad: string[] = [];
  const check = (what: string, title: string, on: PageLine[] | undefined, numbers = false) => {
    const cuts = on ? badBreaks(title, on, numbers) : null;
    if (cuts === null) bad.push(`${what}: not found as set lines`);
    else if (cuts.length) bad.push(`${what}: ${cuts.map((c) => `${squash(title).slice(0, c).slice(-4)}|${squash(title).slice(c, c + 4)}`).join(', ')}`);
  };
  const lang = String(find(doc, (e) => e.tagName === 'html')[0]?.properties?.lang ?? 'en');
  const half = find(doc, (e) => hasClass(e, 'half-title'))[0];
  if (half) check('cover', textOf(half), coverLines(textOf(half), lang));
  if (half) check('half-title', textOf(half), lines.all[0]);
  const title = find(doc, (e) => hasClass(e, 'book-title'))[0];
  if (title) check('title page', textOf(title), lines.all[2]);
  const bodyTitle = find(doc, (e) => e.properties?.id === 'body-h')[0];
  const bodyPage = pages.get('body');
  if (bodyTitle && bodyPage) check('body title', textOf(bodyTitle), lines.body[bodyPage - 1]);
  const toc = find(doc, (e) => hasClass(e, 'toc'))[0];
  const tocPage = pages.get('toc');
  if (toc && tocPage) {
    const tocLines = lines.body.slice(tocPage - 1, (bodyPage ?? tocPage + 1) - 1).flat();
    for (const e of find(toc, (x) => hasClass(x, 'toc-heading'))) check(`contents entry ${textOf(e).slice(0, 20)}`, textOf(e), tocLines, true);
  }
  return bad.concat(headChecks(doc, lines.all, lines.body), bareOpenings(lines, pages));
}

/**
 * The cover's title lines as the EPUB writer draws them (epub/cover.ts coverSvg, the default template
 * set's cover.svg): the bold <text> lines, read back from the SVG. The PNG is drawn from that SVG.
 */
export function coverLines(title: string, lang: string): PageLine[] {
  const view = { title, lang, dateText: '', publisher: '' } as unknown as BookView;
  const svg = coverSvg(view, resolveTemplateSet('default', projectRoot), { serif: 'serif', sans: 'sans-serif', faces: fontsFor(lang) });
  // Read as XML (saxes decodes the references): the text of each <text font-weight="700">.
  const lines: string[] = [];
  let bold = false;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => { bold = tag.name === 'text' && tag.attributes['font-weight'] === '700'; if (bold) lines.push(''); });
  parser.on('text', (t) => { if (bold) lines[lines.length - 1] += t; });
  parser.on('closetag', () => { bold = false; });
  parser.write(svg).close();
  return lines.map((text, i) => ({ text, top: i }));
}

/** Opening pages (the body's first, the index, the editorial note) carry no running head and no folio. */
function bareOpenings(lines: { all: PageLine[][]; body: PageLine[][] }, pages: Map<string, number>): string[] {
  const out: string[] = [];
  for (const id of ['body', 'back-index', 'note']) {
    const p = pages.get(id);
    if (!p) continue;
    const margin = lines.all[p - 1].filter((l) => !lines.body[p - 1].some((b) => Math.abs(b.top - l.top) < 1));
    if (margin.length) out.push(`head or folio on opening page ${p} (${id}): ${margin.map((l) => l.text).join(' / ').slice(0, 40)}`);
  }
  return out;
}

/** Running heads: each head above the type area is one of the heads the book sets, whole; a wrapped one breaks between words. */
export function headChecks(doc: Root, all: PageLine[][], body: PageLine[][]): string[] {
  const heads = new Map<string, string>();
  const style = find(doc, (e) => e.tagName === 'style').map(textOf).join('\n');
  for (const m of style.matchAll(/content: "((?:[^"\\]|\\.)*)"/g)) {
    const text = m[1].replace(/\\([0-9A-F]+) ?/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
    heads.set(squash(text), text);
  }
  const bad: string[] = [];
  // A head cut short (…) ends at a word end of the title it was cut from.
  const titles = find(doc, (e) => /^h[1-3]$/.test(e.tagName) || hasClass(e, 'book-title')).map(textOf);
  for (const text of heads.values()) {
    if (!text.endsWith('…')) continue;
    const kept = text.slice(0, -1);
    const full = titles.find((t) => t.startsWith(kept) && t.length > kept.length);
    if (!full) bad.push(`running head ${text.slice(0, 20)}: cut from no title`);
    else if (!wordEnds(full).has(squash(kept).length)) bad.push(`running head cut inside a word: ${squash(kept).slice(-4)}|${squash(full).slice(squash(kept).length, squash(kept).length + 4)}`);
  }
  all.forEach((page, i) => {
    const top = page.filter((l) => !body[i].some((b) => Math.abs(b.top - l.top) < 1) && l.top < 60);
    if (!top.length || !body[i].length) return;
    const head = squash(top.map((l) => l.text).join(''));
    if (/^\d+$/.test(head)) return;
    if (!heads.has(head)) bad.push(`running head p.${i + 1}: ${head.slice(0, 30)}`);
    else if (top.length > 1) {
      const cuts = badBreaks(heads.get(head)!, top);
      bad.push(`running head p.${i + 1} on ${top.length} lines${cuts?.length ? ', broken inside a word' : ''}`);
    }
  });
  return bad;
}

/** Pages after the front matter with nothing in the type area (a verso before a right-hand start is allowed), and a contents page with only its heading. */
export function emptyPages(body: PageLine[][], pages: Map<string, number>, rectoStarts = ['body']): number[] {
  const from = pages.get('toc') ?? pages.get('body') ?? 1;
  const out: number[] = [];
  for (let p = from; p <= body.length; p++) {
    const n = body[p - 1].length;
    // The minimal book.yaml asks for no recto sections: the body is the one right-hand start.
    const blankVerso = n === 0 && p % 2 === 0 && rectoStarts.some((id) => pages.get(id) === p + 1);
    if (n === 0 && !blankVerso) out.push(p);
  }
  const toc = pages.get('toc');
  if (toc && body[toc - 1].length <= 1) out.push(toc);
  return out;
}

function contentsCheck(doc: Root, epub: string): string {
  const toc = find(doc, (e) => hasClass(e, 'toc'))[0];
  const nav = spawnSync('unzip', ['-p', epub, 'EPUB/nav.xhtml'], { encoding: 'utf8' }).stdout;
  const navDoc = fromHtml(nav);
  const navToc = find(navDoc, (e) => e.tagName === 'nav' && e.properties?.id === 'toc')[0];
  const navEntries = navToc ? find(navToc, (e) => e.tagName === 'a').filter((a) => !/^(titlepage|colophon|cover)\.xhtml/.test(String(a.properties?.href))).map((a) => squash(textOf(a))) : [];
  if (!toc) return navEntries.length <= 4 ? 'none (one section)' : `no contents page, nav has ${navEntries.length}`;
  const printEntries = find(toc, (e) => hasClass(e, 'toc-heading')).map((e) => squash(textOf(e)));
  const empty = find(toc, (e) => hasClass(e, 'toc-page')).filter((e) => !textOf(e).trim()).length;
  if (empty) return `${empty} entries without a page number`;
  if (printEntries.join('\n') === navEntries.join('\n')) return 'same';
  const missing = navEntries.filter((e) => !printEntries.includes(e));
  const extra = printEntries.filter((e) => !navEntries.includes(e));
  return `differs: missing ${missing.slice(0, 3).join(' / ')}; extra ${extra.slice(0, 3).join(' / ')}`;
}

/** The index's end as a section's: a last page of the index holding 1–3 lines (on the baselines of its columns) counts. */
export function indexEnd(body: PageLine[][], pages: Map<string, number>): string[] {
  const from = pages.get('back-index');
  const next = pages.get('note');
  if (!from || !next || next - 1 <= from) return [];
  const n = body[next - 2]?.length ?? 0;
  return n > 0 && n < 4 ? [`index p.${next - 1}: ${n} line(s)`] : [];
}

/** pdffonts: one subset per face (name after the subset tag), embedded, not Type 3. */
function fontCheck(pdf: string): string[] {
  return fontProblems(spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout);
}

/** What is wrong in pdffonts' table: a face in more than one subset, a font not embedded, a Type 3 font. */
export function fontProblems(pdffonts: string): string[] {
  const out = pdffonts.split('\n').slice(2).filter(Boolean);
  const bad: string[] = [];
  const faces = new Map<string, number>();
  for (const line of out) {
    const name = line.split(/\s+/)[0];
    const base = name.replace(/^[A-Z]{6}\+/, '');
    faces.set(base, (faces.get(base) ?? 0) + 1);
    if (/Type 3/.test(line)) bad.push(`Type 3: ${name}`);
    else if (!/TrueType|Type 1C|CFF/.test(line)) bad.push(`neither TrueType nor CFF: ${name}`);
    if (!/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(line)) bad.push(`not embedded: ${name}`);
  }
  for (const [base, n] of faces) if (n > 1) bad.push(`${n} subsets of ${base}`);
  return bad;
}

export async function check(entry: CorpusEntry, out: string, failure?: string): Promise<BookReport> {
  const dir = join(out, 'build', entry.id);
  const pdf = join(dir, `${entry.id}.pdf`);
  const report: BookReport = { id: entry.id, split: entry.expected.split, language: entry.expected.language, built: existsSync(pdf) };
  if (!report.built) return { ...report, failure: failure ?? 'no PDF' };
  if (failure) report.failure = failure;
  const doc = fromHtml(readFileSync(join(dir, `${entry.id}.print.html`), 'utf8'));
  const lines = linesOf(pdf);
  const pages = await readDestinations(new Uint8Array(readFileSync(pdf)));
  report.pages = lines.all.length;
  report.missingGlyphs = [...pdfText(pdf).matchAll(/〓/g)].length;
  report.brokenTitles = titleChecks(doc, lines, pages);
  report.emptyPages = emptyPages(lines.body, pages);
  const main = find(doc, (e) => e.properties?.id === 'body')[0];
  const hasIndex = find(doc, (e) => e.properties?.id === 'back-index')[0]?.children.some((c) => c.type === 'element');
  const matter = find(doc, (e) => e.tagName === 'section' && hasClass(e, 'matter'));
  const after = matter.find((m) => (pages.get(String(m.properties?.id)) ?? 0) > (pages.get('body') ?? 0));
  const end = after ? String(after.properties?.id) : hasIndex ? 'back-index' : 'note';
  const runs = main ? runsOf({ type: 'root', children: main.children }, textOf(find(main, (e) => e.properties?.id === 'body-h')[0])) : [];
  report.shortEnds = shortEnds(runs, end, (id) => pages.get(id), lines.body).map((s) => `${s.run} p.${s.page}: ${s.lines} line(s)`)
    .concat(indexEnd(lines.body, pages));
  report.contents = contentsCheck(doc, join(dir, `${entry.id}.epub`));
  report.fonts = fontCheck(pdf);
  const loc = await checkBook(join(out, 'build'), entry.id, join(out, 'src', entry.id));
  report.locators = { pdf: loc.pdfChecked, epub: loc.epubChecked, wrong: loc.failures };
  return report;
}

function readReports(file: string): BookReport[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as BookReport) : [];
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function totals(reports: BookReport[]): Record<string, number | string> {
  const built = reports.filter((r) => r.built);
  return {
    books: reports.length, built: built.length, failed: reports.length - built.length,
    'title line not read as a title (TP141 warning)': reports.filter((r) => r.titleMissed).length,
    '〓 printed': built.reduce((n, r) => n + (r.missingGlyphs ?? 0), 0),
    'titles broken inside a word': built.reduce((n, r) => n + (r.brokenTitles?.length ?? 0), 0),
    'empty pages': built.reduce((n, r) => n + (r.emptyPages?.length ?? 0), 0),
    'pages with 1-3 lines of a section end': built.reduce((n, r) => n + (r.shortEnds?.length ?? 0), 0),
    'contents = navigation': `${built.filter((r) => r.contents === 'same' || r.contents === 'none (one section)').length}/${built.length}`,
    'font problems (pdffonts)': built.reduce((n, r) => n + (r.fonts?.length ?? 0), 0),
    'index locators checked (print + EPUB)': built.reduce((n, r) => n + (r.locators ? r.locators.pdf + r.locators.epub : 0), 0),
    'index locators not on the page that prints the term': built.reduce((n, r) => n + (r.locators?.wrong.length ?? 0), 0),
  };
}

/** One row of the figures: books checked of the part, built of those, then each check's count over the built ones. */
function row(label: string, reports: BookReport[], inPart: number): string {
  const built = reports.filter((r) => r.built);
  const sum = (f: (r: BookReport) => number) => built.reduce((n, r) => n + f(r), 0);
  const contents = built.filter((r) => r.contents === 'same' || r.contents === 'none (one section)').length;
  return `| ${[label, `${reports.length}/${inPart}`, `${built.length}/${reports.length}`, sum((r) => r.missingGlyphs ?? 0), sum((r) => r.brokenTitles?.length ?? 0),
    sum((r) => r.emptyPages?.length ?? 0), sum((r) => r.shortEnds?.length ?? 0), `${contents}/${built.length}`, sum((r) => r.fonts?.length ?? 0),
    locatorCell(built), built.reduce((n, r) => n + (r.pages ?? 0), 0)].join(' | ')} |`;
}

/** Index locators: wrong of checked (print + EPUB), and how many books were checked, when some built book has no record of them. */
function locatorCell(built: BookReport[]): string {
  const checked = built.filter((r) => r.locators);
  const n = checked.reduce((k, r) => k + r.locators!.pdf + r.locators!.epub, 0);
  const wrong = checked.reduce((k, r) => k + r.locators!.wrong.length, 0);
  return `${wrong} of ${n}${checked.length < built.length ? ` (${checked.length} books)` : ''}`;
}

/**
 * The figures as a Markdown table, per part (test first, dev beside) and language, with how many of the
 * part's transcripts were checked (`corpus`: every transcript of test/corpus); the last report of an id counts.
 */
export function table(reports: BookReport[], corpus: { split: string; language: string }[]): string {
  const last = [...new Map(reports.map((r) => [r.id, r])).values()];
  const out = ['| part / language | checked / in the part | built | 〓 printed | title lines broken inside a word | empty pages | pages with 1–3 lines of a section end | contents = navigation | pdffonts problems | index locators wrong of checked (print + EPUB) | pages |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const split of ['test', 'dev']) {
    const part = last.filter((r) => r.split === split);
    for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
      out.push(row(`${split} ${lang}`, part.filter((r) => r.language === lang), corpus.filter((e) => e.split === split && e.language === lang).length));
    }
    out.push(row(`**${split}**`, part, corpus.filter((e) => e.split === split).length));
  }
  return out.join('\n');
}

/** The corpus as the table counts it: each transcript's part and language. */
export function corpusParts(): { split: string; language: string }[] {
  return loadCorpus(corpusRoot, 'all').map((e) => ({ split: e.expected.split, language: e.expected.language }));
}

async function main() {
  const out = option('out') ?? '/tmp/transcript-press-print-corpus';
  const tableOf = option('table');
  if (tableOf) {
    const reports = tableOf.split(',').flatMap(readReports);
    console.log(table(reports, corpusParts()));
    for (const r of reports.filter((x) => !x.built || x.failure)) console.log(`- ${r.id}: ${r.failure ?? 'not built'}`);
    const missed = reports.filter((r) => r.titleMissed).map((r) => r.id);
    console.log(`- title line not read as a title (TP141 warning, built under a made-up title): ${missed.length}${missed.length ? ` (${missed.join(', ')})` : ''}`);
    // Which lines a run would check again: those not at the hash their book would be built at now.
    const all = new Map(loadCorpus(corpusRoot, 'all').map((e) => [e.id, e]));
    const stale = reports.filter((r) => !all.has(r.id) || r.hash !== checkHash(all.get(r.id)!, out));
    console.log(`- ${reports.length - stale.length} of ${reports.length} lines at the current tool's hash; ${all.size - reports.length} corpus books without a line${stale.length ? `; stale: ${stale.map((r) => r.id).join(', ')}` : ''}`);
    return;
  }
  const ids = option('ids')?.split(',');
  let entries = loadCorpus(corpusRoot, (option('split') ?? 'test') as Selection);
  if (ids) { const all = loadCorpus(corpusRoot, 'all'); entries = ids.flatMap((id) => all.filter((e) => e.id === id)); }
  mkdirSync(out, { recursive: true });
  // The record: one line per book, rewritten whole (atomically) after each chunk. A book whose line
  // carries the hash it would be built at now is not checked again (--force checks it anyway).
  const record = option('record') ?? join(projectRoot, 'test/corpus/print-check.jsonl');
  const recorded = new Map(readReports(record).map((r) => [r.id, r]));
  // Shortest transcripts first, so that a run cut short has covered the most books.
  const size = (e: CorpusEntry) => statSync(join(e.dir, 'transcript.txt')).size;
  const stale = entries.filter((e) => process.argv.includes('--force') || recorded.get(e.id)?.hash !== checkHash(e, out)).sort((a, b) => size(a) - size(b));
  console.log(`${entries.length - stale.length} of ${entries.length} books recorded at the current hash; checking ${Math.min(stale.length, Number(option('limit') ?? stale.length))}`);
  entries = stale.slice(0, Number(option('limit') ?? stale.length));
  const jobs = Number(option('jobs') ?? 2);
  const reports: BookReport[] = [];
  const chunk = Number(option('chunk') ?? 2 * jobs);
  for (let i = 0; i < entries.length; i += chunk) {
    const part = entries.slice(i, i + chunk);
    const { failures, untitled } = process.argv.includes('--skip-build') ? { failures: new Map<string, string>(), untitled: new Set<string>() } : await build(part, out, jobs);
    for (const e of part) {
      const r: BookReport = { ...(await check(e, out, failures.get(e.id))), hash: checkHash(e, out) };
      if (untitled.has(e.id)) r.titleMissed = true;
      reports.push(r);
      recorded.set(e.id, r);
      const flags = [r.failure, r.titleMissed ? 'TP141: title line not read as one' : '', r.missingGlyphs ? `${r.missingGlyphs} 〓` : '', ...(r.brokenTitles ?? []), ...(r.emptyPages ?? []).map((p) => `empty p.${p}`),
        ...(r.shortEnds ?? []), r.contents && !['same', 'none (one section)'].includes(r.contents) ? r.contents : '', ...(r.fonts ?? []),
        ...(r.locators?.wrong ?? [])].filter(Boolean);
      console.log(`${e.id} (${r.pages ?? '-'} pp.): ${flags.length ? flags.join('; ') : 'ok'}`);
    }
    writeFileAtomic(record, [...recorded.values()].sort((a, b) => a.id.localeCompare(b.id)).map((r) => JSON.stringify(r) + '\n').join(''));
  }
  console.log(JSON.stringify(totals(reports), null, 2));
}

if (process.argv[1]?.endsWith('print-corpus.ts')) await main();
