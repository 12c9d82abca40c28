// `transcript-press inspect`: the stable JSON shape for tools, readable text for people, a bare file
// without book.yaml (language detected, principal guessed).
import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../scripts/cli.ts';
import { tempDir } from '../helpers.ts';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

describe('inspect', () => {
  it('prints the structure of a book as JSON with the stable shape', async () => {
    const { code, out } = await cli(['inspect', 'test/structure/fixtures/mfa-2024-10-08', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.title).toEqual({ text: '毛宁主持例行记者会', line: 1 });
    expect(r.turns[0]).toEqual({ line: 9, label: '总台央视记者', speaker: '总台央视', role: 'question' });
    expect(r.turns[1]).toMatchObject({ line: 11, speaker: '毛宁', role: 'answer' });
    // The unlabelled announcements are the opening remarks: a section, not a turn.
    expect(r.sections[0]).toMatchObject({ role: 'remarks', heading: '毛宁开场发言', turns: [] });
    expect(r.sections[1]).toMatchObject({ role: 'question', turns: [9, 11] });
  });
  it('keeps a reporter\'s greeting in the opening remarks: no section, no unanswered-question warning', async () => {
    const { code, out, err } = await cli(['inspect', 'test/corpus/en-state-2023-02-02', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    // QUESTION: Good afternoon. / QUESTION: Happy Groundhog Day. are greetings, not questions asked.
    expect(r.sections.map((s: { heading: string }) => s.heading)).toEqual(['Opening Remarks: Mr Price']);
    expect(err).not.toContain('TP025');
  });
  it('sets a capitalised label as a name in the heading, small words in lower case', async () => {
    const r = JSON.parse((await cli(['inspect', 'test/corpus/en-dod-2021-01-14', '--json'])).out);
    expect(r.sections[0].heading).toBe('Opening Remarks: Acting Secretary of Defense Christopher C. Miller');
  });
  it('gives title.line null when the title comes from book.yaml', async () => {
    const r = JSON.parse((await cli(['inspect', 'test/structure/fixtures/npc-2026-03-04-hant', '--json'])).out);
    expect(r.title).toEqual({ text: '十四屆全國人大四次會議新聞發布會', line: null });
    expect(r.turns.map((t: { role: string }) => t.role)).toEqual(['moderator', 'remarks']);
  });
  it('reads a bare file: language detected, the principal is whoever answers', async () => {
    const dir = tempDir('tp-inspect-');
    mkdirSync(join(dir, 'x'));
    copyFileSync('test/corpus/zh-hant-mfa-2020-07-17/transcript.txt', join(dir, 'x', 'briefing.txt'));
    const r = JSON.parse((await cli(['inspect', join(dir, 'x', 'briefing.txt'), '--json'])).out);
    expect(r.language).toBe('zh-Hant');
    expect(r.speakers[0]).toBe('華春瑩');
    expect(r.turns.find((t: { label: string }) => t.label === '彭博社記者')).toMatchObject({ role: 'question' });
  });
  it('prints a readable outline for people', async () => {
    const { out } = await cli(['inspect', 'test/structure/fixtures/tao-2023-04-26']);
    expect(out).toContain('title: 国台办新闻发布会辑录（2023-04-26）  (transcript.txt:1)');
    expect(out).toMatch(/\n {5}11 {2}question {3}中央广播电视总台央视海峡两岸记者/);
  });
  it('is a usage error without exactly one target', async () => {
    expect((await cli(['inspect'])).code).toBe(2);
  });
});
