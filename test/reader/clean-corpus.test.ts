// Issue 21, "0 characters changed on clean text": every transcript of the corpus, development and
// held-out test part alike (test/corpus/README.md), read as published, with and without `language`
// in its book.yaml, and as mixed-script documents built from them. Two checks each time:
// - no change is applied to its words (a change listed for review is fine: verbatim keeps the text);
// - nothing changes silently either: the reader's paragraphs hold exactly the source's characters,
//   white space aside (a line break may become a paragraph break, never disappear between words).
// The only change allowed is dropping a web page's furniture line (`- Hansard - - - Excerpts`),
// which is no part of the transcript. Pure functions, no browser: a few seconds of CPU.
import { describe, it, expect } from 'vitest';
import { loadCorpus, corpusRoot } from '../../scripts/fixtures/corpus.ts';
import { corpusTexts, readerOutput, type EvalText } from '../../scripts/eval/measure.ts';
import { FURNITURE } from '../../scripts/reader/convention.ts';

const all = corpusTexts(loadCorpus(corpusRoot, 'all'));
const entries = loadCorpus(corpusRoot, 'all');

/** White space runs as one space: paragraphing may differ, characters may not. */
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What reading `t` changed, one line per change, with its place (empty when nothing). */
function damage(t: EvalText, language: string | undefined): string[] {
  const { text, changes } = readerOutput(t.text, { ...t.options, language });
  const out: string[] = [];
  let source = t.text;
  for (const c of changes.filter((x) => x.applied).sort((a, b) => b.offset - a.offset)) {
    if (c.rule === 'page-furniture' && FURNITURE.test(c.before.trim()) && source.startsWith(c.before, c.offset)) {
      source = source.slice(0, c.offset) + source.slice(c.offset + c.before.length);
      continue;
    }
    out.push(`${t.id}:${c.line}:${c.column} ${c.rule} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)} in “${c.context}”`);
  }
  if (!out.length && words(text) !== words(source)) {
    const a = words(source);
    const b = words(text);
    let i = 0;
    while (a[i] === b[i]) i++;
    out.push(`${t.id}: silent change at character ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 30))} → ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 30))}`);
  }
  return out;
}

/** One document of several transcripts' paragraphs (the first one's title heads it). */
function mixed(id: string, parts: EvalText[], language: EvalText['language']): EvalText {
  const text = parts.map((p, i) => (i ? p.text.split('\n').slice(1).join('\n') : p.text).trim()).join('\n\n') + '\n';
  return { id, text, language, options: { speaker: parts[0].options.speaker, language } };
}

describe('clean published transcripts are left exactly as they are (issue 21)', () => {
  it('the test part holds at least 1,000,000 characters of whole published briefings (not gaggles or calls)', () => {
    const test = entries.filter((e) => (e.expected as { split?: string }).split === 'test');
    const whole = test.filter((e) => /whole/.test((e.expected as { source?: { excerpt?: string } }).source?.excerpt ?? ''));
    // A full briefing: a whole document the house itself titles a press briefing (the briefing room's
    // daily briefings), as opposed to a gaggle on a plane or a background press call.
    const briefings = whole.filter((e) => /^Press Briefing by /.test(e.config.title ?? ''));
    const size = (xs: typeof test) => xs.reduce((n, e) => n + e.text.length, 0);
    expect(size(test)).toBeGreaterThanOrEqual(1_000_000);
    expect(size(whole)).toBeGreaterThanOrEqual(1_000_000);
    expect(size(briefings)).toBeGreaterThanOrEqual(1_000_000);
  });

  for (const split of ['dev', 'test'] as const) {
    const texts = all.filter((t) => t.split === split);
    it(`${split} part (${texts.length} transcripts): 0 characters changed, with the language of book.yaml and without it`, () => {
      expect(texts.length).toBeGreaterThan(50);
      const wrong = texts.flatMap((t) => [...damage(t, t.options.language), ...damage(t, undefined)]);
      expect(wrong).toEqual([]);
    });
  }

  it('mixed-script documents (Traditional with Simplified, Chinese with English): 0 characters changed, however the language is given', () => {
    const hant = all.filter((t) => t.language === 'zh-Hant');
    const hans = all.filter((t) => t.language === 'zh-Hans');
    const en = all.filter((t) => t.language === 'en' && t.text.length < 3000);
    const docs = [
      // A Hong Kong or Taipei transcript followed by a mainland one, pair by pair.
      ...hant.map((t, i) => mixed(`${t.id}+${hans[i % hans.length].id}`, [t, hans[i % hans.length]], 'zh-Hant')),
      ...hans.map((t, i) => mixed(`${t.id}+${hant[i % hant.length].id}`, [t, hant[i % hant.length]], 'zh-Hans')),
      // Chinese and English paragraphs in one book.
      ...hans.slice(0, 8).map((t, i) => mixed(`${t.id}+${en[i % en.length].id}`, [t, en[i % en.length]], 'zh-Hans')),
    ];
    expect(docs.length).toBeGreaterThan(40);
    const wrong = docs.flatMap((d) => [...damage(d, 'zh-Hans'), ...damage(d, 'zh-Hant'), ...damage(d, undefined)]);
    expect(wrong).toEqual([]);
  });
});
