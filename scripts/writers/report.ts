// The change report for editors (changes.json and changes.html). The editorial note printed at the end
// of both editions is Markdown in the template set (templates/default/lang/<tag>.editorial-note.md,
// scripts/markdown/matter.ts).
import { diffChars } from 'diff';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Change } from '../reader/changes.ts';
import { rules } from '../reader/changes.ts';
import { toMarkup } from '../render/html.ts';

export interface ChangeReport {
  book: string;
  source: string;
  sourceSha256: string;
  counts: { applied: number; review: number; byRule: Record<string, number> };
  changes: Change[];
}

export function buildReport(book: string, source: string, sourceSha256: string, changes: Change[]): ChangeReport {
  const byRule: Record<string, number> = {};
  for (const c of changes) if (c.applied) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
  return {
    book, source, sourceSha256,
    counts: { applied: changes.filter((c) => c.applied).length, review: changes.filter((c) => !c.applied).length, byRule },
    changes,
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
    h('td', c.context), h('td', String(c.confidence)), h('td', c.applied ? '已改' : '待核'), h('td', c.note ?? ''),
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
