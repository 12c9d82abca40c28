// changes.html is written by the report's own serialiser (writers/report.ts reportMarkup), not by
// hast-util-to-html (0.1–0.15 s of a long report's build): it must write the same bytes, on real
// reports and on text that needs escaping.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { corpusIds, corpusRoot } from '../scripts/fixtures/corpus.ts';
import { projectRoot } from '../scripts/render/templates.ts';
import { readTranscript } from '../scripts/reader/read.ts';
import { buildReport, reportMarkup, reportTree, volumeReportTree, type ChangeReport } from '../scripts/writers/report.ts';
import { defaultStringsSet, loadStrings } from '../scripts/lang/strings.ts';
import type { Change } from '../scripts/model/changes.ts';

const viewFor = (language: string) => ({ title: 'T & <t>', lang: language, strings: loadStrings(defaultStringsSet(), language) });
const general = (report: ChangeReport, language: string) => toHtml(reportTree(report, viewFor(language)), { upperDoctype: true });
const ours = (report: ChangeReport, language: string) => reportMarkup(reportTree(report, viewFor(language)));

describe('change report markup', () => {
  it('is byte for byte hast-util-to-html on real reports (the seed, every eighth corpus transcript)', () => {
    const ids = corpusIds(corpusRoot, 'all').filter((_, i) => i % 8 === 0);
    let changes = 0;
    const parts: { report: ChangeReport; view: ReturnType<typeof viewFor> }[] = [];
    for (const id of [...ids, 'seed']) {
      const file = id === 'seed' ? join(projectRoot, 'source/wangyi-2024-03-07/transcript.txt') : join(corpusRoot, id, 'transcript.txt');
      const read = readTranscript(readFileSync(file), {}, { transcript: file });
      const report = buildReport(id, file, 'abc', read.changes, read.language);
      changes += report.changes.length;
      expect(ours(report, read.language), id).toBe(general(report, read.language));
      if (parts.length < 3 || id === 'seed') parts.push({ report, view: viewFor(read.language) });
    }
    // A volume's report: the parts' articles (each with its language) between rules.
    const volume = volumeReportTree(parts, viewFor('zh-Hans'));
    expect(reportMarkup(volume)).toBe(toHtml(volume, { upperDoctype: true }));
    expect(ids.length).toBeGreaterThan(15);
    expect(changes).toBeGreaterThan(400);
  });

  it('escapes what hast-util-to-html escapes, in text and in attributes', () => {
    const change: Change = { rule: 'quotes', line: 3, column: 7, offset: 40, before: 'a "b" & <c>', after: "a “b” & 'c' `d`\0", context: '<p> & "x" \'y\'', confidence: 0.5, applied: false, note: 'R&D <b>' };
    const report = buildReport('b', 'dir/t&t.txt', 'abc', [change, { ...change, applied: true, confidence: 0.995, rule: 'dash' }], 'en');
    const html = ours(report, 'en');
    expect(html).toContain('&#x3C;p> &#x26; "x"');
    expect(html).toBe(general(report, 'en'));
  });
});
