// The change report for editors (changes.json and changes.html). The editorial note printed at the end
// of both editions is Markdown in the template set (templates/default/lang/<tag>.editorial-note.md,
// scripts/markdown/matter.ts).
import { diffChars } from 'diff';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { Change } from '../model/changes.ts';
import { ruleDescriptionKey } from '../model/changes.ts';
import type { BookView } from '../render/variables.ts';
import { defaultStringsSet, formatString, loadStrings, type Strings } from '../lang/strings.ts';

export interface ChangeReport {
  book: string;
  source: string;
  sourceSha256: string;
  counts: { applied: number; review: number; byRule: Record<string, number> };
  /** Each change, with how sure the reader is in plain words (almost certain, likely, doubtful). */
  changes: (Change & { certainty: string })[];
  /** The book's language (the report's words for certainty follow it). */
  language?: string;
}

/**
 * How sure the reader is, in plain words of the book's language (`certaintyCertain`, `certaintyLikely`,
 * `certaintyDoubtful` in lang/<tag>.json), by confidence (a calibrated probability: 0.99 is right 99
 * times in 100 on the development corpus): almost certain (≥ 0.99), likely (≥ 0.9), doubtful (below).
 */
export function certainty(confidence: number, strings: Strings): string {
  return formatString(strings, confidence >= 0.99 ? 'certaintyCertain' : confidence >= 0.9 ? 'certaintyLikely' : 'certaintyDoubtful');
}

/** `strings` defaults to the default template set's words for `language`. */
export function buildReport(book: string, source: string, sourceSha256: string, changes: Change[], language?: string,
  strings: Strings = loadStrings(defaultStringsSet(), language ?? 'zh-Hans')): ChangeReport {
  const byRule: Record<string, number> = {};
  const sure = memo((confidence: number) => certainty(confidence, strings));
  for (const c of changes) if (c.applied) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
  return {
    book, source, sourceSha256,
    counts: { applied: changes.filter((c) => c.applied).length, review: changes.filter((c) => !c.applied).length, byRule },
    changes: changes.map((c) => ({ ...c, certainty: sure(c.confidence) })),
    ...(language ? { language } : {}),
  };
}

/** Before and after with the difference highlighted (<del>/<ins>). */
function diffCells(c: Change): ElementContent[] {
  const show = (s: string) => (s === '' ? '∅' : s);
  const before: ElementContent[] = [];
  const after: ElementContent[] = [];
  for (const part of diffChars(c.before, c.after)) {
    if (part.added) after.push(el('ins', show(part.value)));
    else if (part.removed) before.push(el('del', show(part.value)));
    else { before.push({ type: 'text', value: part.value }); after.push({ type: 'text', value: part.value }); }
  }
  if (!before.length) before.push({ type: 'text', value: '∅' });
  if (!after.length) after.push(el('ins', '∅'));
  return [el('td', before, { className: ['before'] }), el('td', after, { className: ['after'] })];
}

/**
 * A hast element, as hastscript's h() makes it for the report's simple cases (a string content is one
 * text node), without its selector parsing and property lookups (a long report has thousands of cells).
 */
function el(tagName: string, content: string | ElementContent[] = [], properties: Properties = {}): Element {
  return { type: 'element', tagName, properties, children: typeof content === 'string' ? [{ type: 'text', value: content }] : content };
}

/** Rules whose changes are typographic and mechanical; the editor reads the others first. */
const MECHANICAL = new Set(['nfc', 'whitespace', 'punct-width', 'punct-doubled', 'cjk-joiner', 'ellipsis', 'dash', 'quotes']);

export function reportHtml(report: ChangeReport, view: Pick<BookView, 'title' | 'lang' | 'strings'>): string {
  return reportMarkup(reportTree(report, view));
}

/** The report as a hast tree (reportHtml writes it; a test serialises it with hast-util-to-html too). */
export function reportTree(report: ChangeReport, view: Pick<BookView, 'title' | 'lang' | 'strings'>): Root {
  return reportDocument(view, reportBody(report, view));
}

/**
 * A volume's change report: every part's report in turn, each in an article of its own (its title and
 * the part's own words), in one document headed by the volume's title.
 */
export function volumeReportHtml(parts: { report: ChangeReport; view: Pick<BookView, 'title' | 'lang' | 'strings'> }[], view: Pick<BookView, 'title' | 'lang' | 'strings'>): string {
  return reportMarkup(volumeReportTree(parts, view));
}

/** A volume's change report as a hast tree (volumeReportHtml writes it). */
export function volumeReportTree(parts: { report: ChangeReport; view: Pick<BookView, 'title' | 'lang' | 'strings'> }[], view: Pick<BookView, 'title' | 'lang' | 'strings'>): Root {
  return reportDocument(view, parts.flatMap((p, i) => [
    ...(i ? [el('hr')] : []),
    el('article', reportBody(p.report, p.view), { className: ['part-report'], lang: p.view.lang }),
  ]));
}

function reportDocument(view: Pick<BookView, 'title' | 'lang' | 'strings'>, body: ElementContent[]): Root {
  const say = (key: string, params: object = {}) => formatString(view.strings, key, params);
  const doc = el('html', [
    el('head', [el('meta', [], { charSet: 'utf-8' }), el('title', say('reportDocTitle', { title: view.title })), el('style', REPORT_CSS)]),
    el('body', body),
  ], { lang: view.lang });
  // `<!DOCTYPE html>` on a line of its own, as the report has always begun.
  return { type: 'root', children: [{ type: 'doctype' }, { type: 'text', value: '\n' }, doc] };
}

/** A report's tree (reportTree) as HTML: what hast-util-to-html writes with `upperDoctype`. */
export function reportMarkup(root: Root): string {
  const out: string[] = [];
  for (const node of root.children) {
    if (node.type === 'doctype') out.push('<!DOCTYPE html>');
    else markup(node, out, false);
  }
  return out.join('');
}

/**
 * A node of the report's tree as HTML, into `out`: byte for byte what hast-util-to-html writes with its
 * defaults for the few kinds of node the report is made of (elements with text or class-list attributes,
 * text), at a fraction of its cost (a long report, 500 changes, took 0.1–0.15 s of a build through it).
 * Text escapes `&` and `<` (not inside `style`), attribute values `"`, `&`, `'`, backtick and NUL, as
 * hexadecimal references. test/report-html.test.ts compares the two on real reports.
 */
function markup(node: RootContent, out: string[], raw: boolean): void {
  if (node.type === 'text') { out.push(raw ? node.value : node.value.replace(/[<&]/g, reference)); return; }
  if (node.type !== 'element') throw new Error(`report markup: unexpected ${node.type} node`);
  out.push(`<${node.tagName}${attributes(node.properties)}>`);
  if (VOID.has(node.tagName)) return;
  for (const child of node.children) markup(child, out, node.tagName === 'style');
  out.push(`</${node.tagName}>`);
}

/** The report's void elements (hast-util-to-html's list holds more; the report uses only these). */
const VOID = new Set(['meta', 'hr', 'br']);
/** Attribute names of the properties the report sets (hastscript's property names). */
const ATTRIBUTE: Record<string, string> = { className: 'class', lang: 'lang', title: 'title', charSet: 'charset' };

function attributes(properties: Properties): string {
  let out = '';
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    const name = ATTRIBUTE[key];
    if (!name || typeof value === 'boolean' || typeof value === 'number') throw new Error(`report markup: unexpected attribute ${key}`);
    const text = Array.isArray(value) ? value.join(' ').trim() : value;
    out += ` ${name}="${text.replace(/["&'`\0]/g, reference)}"`;
  }
  return out;
}

const reference = (ch: string) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`;

/** One report's headings and tables. */
function reportBody(report: ChangeReport, view: Pick<BookView, 'title' | 'lang' | 'strings'>): ElementContent[] {
  const { strings, title } = view;
  const say = (key: string, params: object = {}) => formatString(strings, key, params);
  const file = report.source.split('/').pop() ?? report.source;
  // Three words of certainty and two of status, each formatted once (not once per change).
  const sure = memo((confidence: number) => certainty(confidence, strings));
  const status = memo((applied: boolean) => say(applied ? 'reportApplied' : 'reportReview'));
  const row = (c: Change) => el('tr', [
    el('td', `${file}:${c.line}:${c.column}`), el('td', [el('code', c.rule)]), ...diffCells(c),
    el('td', c.context), el('td', sure(c.confidence), { title: String(c.confidence) }), el('td', status(c.applied)), el('td', c.note ?? ''),
  ], { className: [c.applied ? 'applied' : 'review'] });
  const columns = ['reportColPosition', 'reportColRule', 'reportColBefore', 'reportColAfter', 'reportColContext', 'reportColConfidence', 'reportColStatus', 'reportColNote'];
  const table = (changes: Change[]) => el('table', [
    el('thead', [el('tr', columns.map((key) => el('th', say(key))))]),
    el('tbody', changes.map(row)),
  ], { className: ['changes'] });
  // Items left for review first, then the repairs that change words, then the typographic ones.
  const review = report.changes.filter((c) => !c.applied);
  const substantive = report.changes.filter((c) => c.applied && !MECHANICAL.has(c.rule));
  const mechanical = report.changes.filter((c) => c.applied && MECHANICAL.has(c.rule));
  const counts = Object.entries(report.counts.byRule).map(([rule, n]) => el('tr', [el('td', [el('code', rule)]), el('td', say(ruleDescriptionKey(rule))), el('td', String(n))]));
  return [
    el('h1', say('reportTitle', { title })),
    el('p', say('reportSummary', { source: report.source, sha256: report.sourceSha256, applied: report.counts.applied, review: report.counts.review })),
    el('h2', say('reportByRule')),
    el('table', [el('thead', [el('tr', [el('th', say('reportColRule')), el('th', say('reportColDescription')), el('th', say('reportColCount'))])]), el('tbody', counts)]),
    el('h2', say('reportReviewHeading', { count: review.length })),
    review.length ? table(review) : el('p', say('reportNoReview')),
    el('h2', say('reportSubstantiveHeading', { count: substantive.length })),
    el('p', say('reportSubstantiveIntro')),
    substantive.length ? table(substantive) : el('p', say('reportNone')),
    el('details', [el('summary', say('reportMechanicalHeading', { count: mechanical.length })), table(mechanical)]),
  ];
}

/** `f` remembering its result for each argument. */
function memo<K, V>(f: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, f(key));
    return seen.get(key)!;
  };
}

// The report is read on the editor's machine: system faces, with :lang() picking the CJK forms.
const REPORT_CSS = `body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.6}
:lang(zh-Hans){font-family:"Noto Sans SC","Noto Sans CJK SC",sans-serif}:lang(zh-Hant){font-family:"Noto Sans TC","Noto Sans CJK TC",sans-serif}
table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;vertical-align:top}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
tr.review{background:#fff8e0}td:first-child{white-space:nowrap;font-family:monospace}
summary{font-size:1.3em;font-weight:bold;margin:1.5rem 0 1rem;cursor:pointer}`;
