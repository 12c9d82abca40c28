// Structure figures per corpus split (scripts/eval/structure.ts): floors at what the reader reaches,
// so that a regression fails. Rules are tuned on `dev`; `test` is reported beside it and held to the
// figures measured on it, not to the targets, which it does not reach yet in every shape.
// History: 66 test transcripts: 99.5 %, 3 false turns, 4 title errors; 74 (8 whole White House briefings
// added by the reader work, and the reader's short-line rule for Chinese text): 99.7 %, 12 false turns,
// 2 title errors. Then (issue 20, rules written on dev examples added for them: a label holding a
// no-break space, a place line above no time line, a point of order; the wh-briefing annotator's own
// pattern fixed to take labels with a no-break space, which added 5 golden turns to two test briefings):
// 99.8 % (3169/3176; 4093/4100 after main added 5 whole briefings), 7 false turns (all Chinese page furniture and a wire's lead, which no dev
// transcript shows yet), 0 title errors; English 0 false turns; debates 90.9 %, earnings calls 79.3 %.
// Then (a page header's empty fields read as labels, written on the dev example zh-hant-tao-2021-09-29):
// 1 false turn (a news site's lead 华夏经纬网讯：, no dev example yet).
// Then (second session of 2026-12-05: five congressional hearings from GPO text, three of 2009 in the
// test part, two of 2008 in dev; a 国新办 press conference of 2019 in dev; a news outlet's lead is the
// dateline; the moderator's announcement of the next questioner; 'Several hon. Members rose—' taken out
// of the Hansard golden turns as no turn): 82 test transcripts, 100.0 % (4146/4147), 0 false turns,
// 0 title errors; hearings 100 % (48/48, 3 transcripts), debates 100 % (10/10), earnings calls 96.6 %
// (28/29: an investor-relations host who hands over to the Operator with a question is read as asking).
import { describe, it, expect } from 'vitest';
import { evaluateStructure, formatEval } from '../../scripts/eval/structure.ts';

const e = evaluateStructure();
const all = (split: string) => e.groups.find((g) => g.split === split && g.by === 'all')?.totals;

describe('structure evaluation per split', () => {
  it('reports dev beside test per language and per shape, with sizes', () => {
    const table = formatEval(e);
    expect(table).toMatch(/^\| language \| dev: transcripts/m);
    expect(table).toMatch(/^\| en \| \d+ \/ [\d,]+ \| \d+\.\d % /m);
    expect(table).toMatch(/^\| daily-briefing \| /m);
  });
  it('dev: turns right ≥ 99 %, no false turn, no title error', () => {
    const t = all('dev')!;
    expect(t.cases).toBeGreaterThanOrEqual(104);
    expect(t.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(t.falseTurns).toBe(0);
    expect(t.titleErrors).toBe(0);
    for (const g of e.groups.filter((x) => x.split === 'dev' && x.by === 'language')) expect(g.totals.accuracy, g.key).toBeGreaterThanOrEqual(0.96);
    // Hearings, written on dev: a label followed by a figure (Mr. Bernanke. 1994.), a senator who only
    // hands over his time (Senator Schumer. Mr. Chairman, with your … permission …) still questions.
    expect(e.groups.find((g) => g.split === 'dev' && g.by === 'shape' && g.key === 'hearing')!.totals.accuracy).toBe(1);
  });
  it.skipIf(!all('test'))('test: at least the figures last measured on it', () => {
    const t = all('test')!;
    expect(t.cases).toBeGreaterThanOrEqual(82);
    expect(t.accuracy).toBeGreaterThanOrEqual(0.999);
    expect(t.falseTurns).toBe(0);
    expect(t.titleErrors).toBe(0);
    const group = (by: string, key: string) => e.groups.find((g) => g.split === 'test' && g.by === by && g.key === key)?.totals;
    for (const g of e.groups.filter((x) => x.split === 'test' && x.by !== 'all')) expect([g.key, g.totals.falseTurns, g.totals.titleErrors]).toEqual([g.key, 0, 0]);
    expect(group('shape', 'hearing')!.cases).toBeGreaterThanOrEqual(3);
    expect(group('shape', 'hearing')!.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(group('shape', 'debate')!.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(group('shape', 'earnings-call')!.accuracy).toBeGreaterThanOrEqual(0.96);
  });
});
