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
// Then (third round of 2026-12-05: a dev earnings call with its questions, en-hanover-2005-04-01, a
// Thomson Reuters StreetEvents transcript of 2005; a sentence addressed to the Operator hands over and
// asks nothing; the wire's numbered labels between rules): 82 test transcripts, 100.0 % (4147/4147), 0
// false turns, 0 title errors, earnings calls 100 % (29/29); dev 105 transcripts, 99.8 % (1281/1283),
// 1 title error (the wire's header line `Thomson Reuters StreetEvents Event Transcript` read as the title).
// Then (fourth round of 2026-12-05: roles scored — question, answer, remarks, moderator as the golden
// file has them — and the transcripts read also with a minimal book.yaml naming the golden chair or
// nobody; roles by position in the dialogue: a principal who chairs moderates, and whoever answers
// another's questions answers): roles right, book.yaml as it stands, dev 94.7 % (1215/1283), test 93.9 %
// (3893/4147; 93.7 % before); naming the chair, dev hearings 93.9 % (46/49; 36.7 % before), test hearings
// 83.3 % (40/48; 52.1 % before); naming nobody, dev hearings 95.9 % (67.3 % before). A wire's masthead
// directly above a stamp of furniture (E D I T E D   V E R S I O N) is no title: dev 0 title errors.
// The wire's rule above each label is no longer the end of the speech above it: dev roles 1214 (one
// fewer: an analyst's short statement, en-hanover-2005-04-01:58, weighed as a question only with the 80
// hyphens that followed it, so the reply at :63 now reads as remarks). A principal labelled by the
// presiding office alone (The Chairman, Mr Speaker, 主席) chairs: dev roles 95.6 % (1227/1283), test
// 94.3 % (3910/4147); gazettes dev 26.7 -> 86.7 %, debates dev 62.5 -> 87.5 %, hearings dev 95.9 % (47/49).
import { describe, it, expect } from 'vitest';
import { evaluateStructure, formatEval } from '../../scripts/eval/structure.ts';
import { projectRoot } from '../../scripts/render/templates.ts';

const e = evaluateStructure();
// Read with a minimal book.yaml naming the golden chair: the hearings and debates only (the chair of a
// briefing or a broadcast is its moderator or anchor, not what an editor names).
const chaired = evaluateStructure(projectRoot, (info) => info.shape === 'hearing', 'chair');
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
    expect(t.cases).toBeGreaterThanOrEqual(105);
    expect(t.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(t.falseTurns).toBe(0);
    // The wire's masthead above its edition stamp (en-hanover-2005-04-01) is no title since the fourth round.
    expect(t.titleErrors).toBe(0);
    expect(e.groups.find((g) => g.split === 'dev' && g.by === 'shape' && g.key === 'earnings-call')!.totals.accuracy).toBe(1);
    for (const g of e.groups.filter((x) => x.split === 'dev' && x.by === 'language')) expect(g.totals.accuracy, g.key).toBeGreaterThanOrEqual(0.96);
    // Hearings, written on dev: a label followed by a figure (Mr. Bernanke. 1994.), a senator who only
    // hands over his time (Senator Schumer. Mr. Chairman, with your … permission …) still questions.
    expect(e.groups.find((g) => g.split === 'dev' && g.by === 'shape' && g.key === 'hearing')!.totals.accuracy).toBe(1);
  });
  it('dev: roles right (question, answer, remarks, moderator) at least as last measured', () => {
    expect(all('dev')!.rolesRight).toBeGreaterThanOrEqual(1227);
    expect(e.groups.find((g) => g.split === 'dev' && g.by === 'shape' && g.key === 'hearing')!.totals.rolesRight).toBeGreaterThanOrEqual(47);
    // With the chair named as speaker: the witnesses answer and the members ask (36.7 % before).
    expect(e.groups.find((g) => g.split === 'dev' && g.by === 'shape' && g.key === 'gazette')!.totals.rolesRight).toBeGreaterThanOrEqual(13);
    const hearing = chaired.groups.find((g) => g.split === 'dev' && g.by === 'all')!.totals;
    expect(hearing.cases).toBeGreaterThanOrEqual(4);
    expect(hearing.rolesRight).toBeGreaterThanOrEqual(47);
    expect(hearing.accuracy).toBe(1);
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
    expect(group('shape', 'earnings-call')!.accuracy).toBe(1);
    expect(t.rolesRight).toBeGreaterThanOrEqual(3910);
    expect(chaired.groups.find((g) => g.split === 'test' && g.by === 'all')!.totals.rolesRight).toBeGreaterThanOrEqual(40);
  });
});
