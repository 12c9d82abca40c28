// The change report for editors (changes.json and changes.html). The editorial note printed at the end
// of both editions is Markdown in the template set (templates/default/lang/<tag>.editorial-note.md,
// scripts/markdown/matter.ts).
import { diffChars } from 'diff';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Change } from '../model/changes.ts';
import { ruleDescriptionKey } from '../model/changes.ts';
import { toHtml } from 'hast-util-to-html';
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
  for (const c of changes) if (c.applied) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
  return {
    book, source, sourceSha256,
    counts: { applied: changes.filter((c) => c.applied).length, review: changes.filter((c) => !c.applied).length, byRule },
    changes: changes.map((c) => ({ ...c, certainty: certainty(c.confidence, strings) })),
    ...(language ? { language } : {}),
  };
}

/** Before and after with the difference highlighted (<del>/<ins>). */
function diffCells(c: Change): ElementContent[] {
  const show = (s: string) => (s === '' ? '∅' : s);
  const before: ElementContent[] = [];
  const after: ElementContent[] = [];
  for (const part of diffChars(c.before, c.after)) {
    if (part.added) after.push(h('ins', show(part.value)));
    else if (part.removed) before.push(h('del', show(part.value)));
    else { before.push({ type: 'text', value: part.value }); after.push({ type: 'text', value: part.value }); }
  }
  if (!before.length) before.push({ type: 'text', value: '∅' });
  if (!after.length) after.push(h('ins', '∅'));
  return [h('td', { className: ['before'] }, before), h('td', { className: ['after'] }, after)];
}

/** Rules whose changes are typographic and mechanical; the editor reads the others first. */
const MECHANICAL = new Set(['nfc', 'whitespace', 'punct-width', 'punct-doubled', 'cjk-joiner', 'ellipsis', 'dash', 'quotes']);

export function reportHtml(report: ChangeReport, view: Pick<BookView, 'title' | 'lang' | 'strings'>): string {
  return reportDocument(view, reportBody(report, view));
}

/**
 * A volume's change report: every part's report in turn, each in an article of its own (its title and
 * the part's own words), in one document headed by the volume's title.
 */
export function volumeReportHtml(parts: { report: ChangeReport; view: Pick<BookView, 'title' | 'lang' | 'strings'> }[], view: Pick<BookView, 'title' | 'lang' | 'strings'>): string {
  return reportDocument(view, parts.flatMap((p, i) => [
    ...(i ? [h('hr')] : []),
    h('article', { className: ['part-report'], lang: p.view.lang }, reportBody(p.report, p.view)),
  ]));
}

function reportDocument(view: Pick<BookView, 'title' | 'lang' | 'strings'>, body: ElementContent[]): string {
  const say = (key: string, params: object = {}) => formatString(view.strings, key, params);
  const doc = h('html', { lang: view.lang }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('title', say('reportDocTitle', { title: view.title })), h('style', REPORT_CSS)]),
    h('body', body),
  ]);
  // `<!DOCTYPE html>` on a line of its own, as the report has always begun.
  return toHtml({ type: 'root', children: [{ type: 'doctype' }, { type: 'text', value: '\n' }, doc] }, { upperDoctype: true });
}

/** One report's headings and tables. */
function reportBody(report: ChangeReport, view: Pick<BookView, 'title' | 'lang' | 'strings'>): ElementContent[] {
  const { strings, title } = view;
  const say = (key: string, params: object = {}) => formatString(strings, key, params);
  const file = report.source.split('/').pop() ?? report.source;
  const row = (c: Change) => h('tr', { className: [c.applied ? 'applied' : 'review'] }, [
    h('td', `${file}:${c.line}:${c.column}`), h('td', h('code', c.rule)), ...diffCells(c),
    h('td', c.context), h('td', { title: String(c.confidence) }, certainty(c.confidence, strings)), h('td', c.applied ? say('reportApplied') : say('reportReview')), h('td', c.note ?? ''),
  ]);
  const columns = ['reportColPosition', 'reportColRule', 'reportColBefore', 'reportColAfter', 'reportColContext', 'reportColConfidence', 'reportColStatus', 'reportColNote'];
  const table = (changes: Change[]) => h('table', { className: ['changes'] }, [
    h('thead', h('tr', columns.map((key) => h('th', say(key))))),
    h('tbody', changes.map(row)),
  ]);
  // Items left for review first, then the repairs that change words, then the typographic ones.
  const review = report.changes.filter((c) => !c.applied);
  const substantive = report.changes.filter((c) => c.applied && !MECHANICAL.has(c.rule));
  const mechanical = report.changes.filter((c) => c.applied && MECHANICAL.has(c.rule));
  const counts = Object.entries(report.counts.byRule).map(([rule, n]) => h('tr', [h('td', h('code', rule)), h('td', say(ruleDescriptionKey(rule))), h('td', String(n))]));
  return [
    h('h1', say('reportTitle', { title })),
    h('p', say('reportSummary', { source: report.source, sha256: report.sourceSha256, applied: report.counts.applied, review: report.counts.review })),
    h('h2', say('reportByRule')),
    h('table', [h('thead', h('tr', [h('th', say('reportColRule')), h('th', say('reportColDescription')), h('th', say('reportColCount'))])), h('tbody', counts)]),
    h('h2', say('reportReviewHeading', { count: review.length })),
    review.length ? table(review) : h('p', say('reportNoReview')),
    h('h2', say('reportSubstantiveHeading', { count: substantive.length })),
    h('p', say('reportSubstantiveIntro')),
    substantive.length ? table(substantive) : h('p', say('reportNone')),
    h('details', [h('summary', say('reportMechanicalHeading', { count: mechanical.length })), table(mechanical)]),
  ];
}

// The report is read on the editor's machine: system faces, with :lang() picking the CJK forms.
const REPORT_CSS = `body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.6}
:lang(zh-Hans){font-family:"Noto Sans SC","Noto Sans CJK SC",sans-serif}:lang(zh-Hant){font-family:"Noto Sans TC","Noto Sans CJK TC",sans-serif}
table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;vertical-align:top}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
tr.review{background:#fff8e0}td:first-child{white-space:nowrap;font-family:monospace}
summary{font-size:1.3em;font-weight:bold;margin:1.5rem 0 1rem;cursor:pointer}`;
