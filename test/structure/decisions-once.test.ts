// Decisions that were written twice or three times, each now made in one module (issue #24): what a
// news outlet and its dateline are (lang/outlets.ts), what a rule line is (reader/convention.ts RULE) and
// how wide a character is (render/ems.ts). Each is shown in use where it was written before, and no file
// under scripts/ but the owner writes the pattern again.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../scripts/render/templates.ts';
import { isNewsLead, isOutletName, opensWithDateline } from '../../scripts/lang/outlets.ts';
import { FURNITURE, RULE } from '../../scripts/reader/convention.ts';
import { charWidth as titleWidth } from '../../scripts/render/lines.ts';
import { charWidth, emWidth } from '../../scripts/render/ems.ts';
import { readTranscript } from '../../scripts/reader/read.ts';
import { turns } from '../../scripts/model/walk.ts';

/** The source of every module under scripts/, comments left out, by path from the project root. */
function sources(): Map<string, string> {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : []);
  return new Map(files(join(projectRoot, 'scripts')).map((f) => [relative(projectRoot, f).split('\\').join('/'),
    readFileSync(f, 'utf8').replace(/^\s*(?:\/\/|\/?\*).*$/gm, '')]));
}

/** The files whose code matches `pattern`. */
const writers = (pattern: RegExp, skip: (line: string) => boolean = () => false) => [...sources()]
  .filter(([, text]) => text.split('\n').some((l) => !skip(l) && pattern.test(l))).map(([f]) => f).sort();

describe('one place for each decision', () => {
  it('an outlet and its dateline: the reader and the index ask lang/outlets.ts, and nobody else writes them', () => {
    expect(['路透社', '总台央视', '美国有线电视新闻网', '联合报'].every(isOutletName)).toBe(true);
    expect(isOutletName('王毅')).toBe(false);
    expect(['华夏经纬网讯', '新京报讯', '新华社北京6月12日电'].every(isNewsLead)).toBe(true);
    expect(isNewsLead('外交部发言人')).toBe(false);
    expect(opensWithDateline('据新华社北京3月7日电 外交部发言人…') && opensWithDateline('中新網3月7日電')).toBe(true);
    // The reader: an outlet's wire line before a colon opens no turn; it is the lead.
    const r = readTranscript(Buffer.from('外交部发言人答记者问\n\n华夏经纬网讯：6月12日上午，外交部举行例行记者会。\n\n记者：请问中方如何看待？\n\n王毅：中方的立场是一贯的。'), { speaker: '王毅' });
    expect(turns(r.tree).map((t) => t.speaker.label)).toEqual(['记者', '王毅']);
    expect(r.tree.children.some((c) => c.type === 'dateline')).toBe(true);
    // An ending list of outlets (社|台|网…) or a dateline's day and 电 is written in lang/outlets.ts only. The
    // index's ORG_END (zh.ts: how any organisation's name ends, outlets among them) is another decision.
    expect(writers(/[(|](?:社|台|网|報|报)\|(?:[^()|]*\|)*?(?:社|台|网|報|报)[|)]|月\\d\{1,2\}日[^`'/]{0,30}[电電]/, (l) => /const ORG_END\b/.test(l)))
      .toEqual(['scripts/lang/outlets.ts']);
  });

  it('a rule line: line splitting and the furniture pass read reader/convention.ts, and nobody else writes one', () => {
    for (const line of ['*****', '-----', '＊＊＊', '· · ·', '='.repeat(24), '-'.repeat(30)]) expect(RULE.test(line), line).toBe(true);
    // Every long rule that is furniture is a rule.
    for (const line of ['-'.repeat(20), '='.repeat(40)]) expect(FURNITURE.test(line) && RULE.test(line), line).toBe(true);
    expect(RULE.test('- Hansard -')).toBe(false);
    expect(writers(/-\{20,?\}|=\{20,?\}|\[\\s\*＊/)).toEqual(['scripts/reader/convention.ts']);
  });

  it('a character\'s width: the title breaker and the print estimates agree on which characters are full width', () => {
    const sample = ['字', '國', 'あ', 'ア', '한', '，', '（', 'Ａ', '￥', '𠀀', 'ｱ', 'A', 'é', '1', ',', ' ', '—'];
    for (const ch of sample) expect(titleWidth(ch) === 1, ch).toBe(charWidth(ch) === 1);
    expect(emWidth('外交部 briefing')).toBe(3 + 9 * 0.5);
    // The table of full-width characters (East Asian wide: Han to Yi, the full-width forms), or a width
    // mapping of its own (full ? 1 : a fraction), is written in render/ems.ts only.
    expect(writers(/\\u2e80-\\ua4cf|\\uff00-\\uff60|\?\s*1\s*:\s*0?\.\d/)).toEqual(['scripts/render/ems.ts']);
  });
});
