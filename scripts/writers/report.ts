// The change report for editors (changes.json and changes.html) and the short editorial note
// printed at the end of both editions.
import { diffChars } from 'diff';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Change } from '../reader/changes.ts';
import { rules } from '../reader/changes.ts';
import { toMarkup } from '../render/html.ts';
import type { BookView } from '../render/variables.ts';

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
 * How sure the reader is, in plain words of the book's language, by confidence (a calibrated
 * probability: 0.99 is right 99 times in 100 on the development corpus). String-keyed by language
 * tag so the per-language strings can take them over.
 */
export const CERTAINTY: Record<string, { certain: string; likely: string; doubtful: string }> = {
  'zh-Hans': { certain: '几乎确定', likely: '很可能', doubtful: '存疑' },
  'zh-Hant': { certain: '幾乎確定', likely: '很可能', doubtful: '存疑' },
  en: { certain: 'almost certain', likely: 'likely', doubtful: 'doubtful' },
};

/** almost certain (≥ 0.99), likely (≥ 0.9), doubtful (below). */
export function certainty(confidence: number, language = 'zh-Hans'): string {
  const words = CERTAINTY[language] ?? CERTAINTY[language.startsWith('en') ? 'en' : /^zh-(Hant|TW|HK|MO)/i.test(language) ? 'zh-Hant' : 'zh-Hans'];
  return confidence >= 0.99 ? words.certain : confidence >= 0.9 ? words.likely : words.doubtful;
}

export function buildReport(book: string, source: string, sourceSha256: string, changes: Change[], language?: string): ChangeReport {
  const byRule: Record<string, number> = {};
  for (const c of changes) if (c.applied) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
  return {
    book, source, sourceSha256,
    counts: { applied: changes.filter((c) => c.applied).length, review: changes.filter((c) => !c.applied).length, byRule },
    changes: changes.map((c) => ({ ...c, certainty: certainty(c.confidence, language) })),
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

export function reportHtml(report: ChangeReport, title: string): string {
  const file = report.source.split('/').pop() ?? report.source;
  const row = (c: Change) => h('tr', { className: [c.applied ? 'applied' : 'review'] }, [
    h('td', `${file}:${c.line}:${c.column}`), h('td', h('code', c.rule)), ...diffCells(c),
    h('td', c.context), h('td', { title: String(c.confidence) }, certainty(c.confidence, report.language)), h('td', c.applied ? '已改' : '待核'), h('td', c.note ?? ''),
  ]);
  const table = (changes: Change[]) => h('table', { className: ['changes'] }, [
    h('thead', h('tr', ['位置', '规则', '原文', '改为', '上下文', '置信度', '状态', '备注'].map((t) => h('th', t)))),
    h('tbody', changes.map(row)),
  ]);
  // Items left for review first, then the repairs that change words, then the typographic ones.
  const review = report.changes.filter((c) => !c.applied);
  const substantive = report.changes.filter((c) => c.applied && !MECHANICAL.has(c.rule));
  const mechanical = report.changes.filter((c) => c.applied && MECHANICAL.has(c.rule));
  const counts = Object.entries(report.counts.byRule).map(([rule, n]) => h('tr', [h('td', h('code', rule)), h('td', rules[rule as keyof typeof rules] ?? ''), h('td', String(n))]));
  const doc = h('html', { lang: 'zh-Hans' }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('title', `变更报告 · ${title}`), h('style', REPORT_CSS)]),
    h('body', [
      h('h1', `变更报告：${title}`),
      h('p', `底本 ${report.source}（SHA-256 ${report.sourceSha256}）。已改 ${report.counts.applied} 处，待核 ${report.counts.review} 处。位置均指底本的行:列。`),
      h('h2', '按规则统计'),
      h('table', [h('thead', h('tr', [h('th', '规则'), h('th', '说明'), h('th', '处数')])), h('tbody', counts)]),
      h('h2', `待核（${review.length}）`),
      review.length ? table(review) : h('p', '没有待核的疑似问题。'),
      h('h2', `文字校改（${substantive.length}）`),
      h('p', '删除重复、合并断段、删去残片和编辑校订：请逐条过目。'),
      substantive.length ? table(substantive) : h('p', '无。'),
      h('details', [h('summary', `标点与排印规范（${mechanical.length}）`), table(mechanical)]),
    ]),
  ]);
  return '<!DOCTYPE html>\n' + toMarkup([doc], 'html');
}

const REPORT_CSS = `body{font-family:"Noto Sans SC","Noto Sans CJK SC",sans-serif;margin:2rem;line-height:1.6}
table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;vertical-align:top}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
tr.review{background:#fff8e0}td:first-child{white-space:nowrap;font-family:monospace}
summary{font-size:1.3em;font-weight:bold;margin:1.5rem 0 1rem;cursor:pointer}`;

/** The editorial note at the end of the book: what was done to the source, in numbers. */
export function editorialNoteHtml(view: BookView, report: ChangeReport): string {
  const automatic = report.counts.applied - (report.counts.byRule.correction ?? 0);
  const editorial = report.counts.byRule.correction ?? 0;
  return toMarkup([
    h('p', `本书据${view.source}播发的文字实录整理，底本原文保存不动，一切校改均在排版时进行，并逐条记入变更报告（changes.html）。`),
    h('p', `自动校勘共改动 ${automatic} 处（标点规范、断段合并、重复字词删除等），编辑校订 ${editorial} 处；` + (report.counts.review
      ? `另有 ${report.counts.review} 处疑似问题未予改动，列入报告待核。`
      : '未留下待核的疑似问题。')),
    h('p', { className: ['hash'] }, `底本 SHA-256：${report.sourceSha256}`),
  ], 'xhtml');
}
