// The reader's quick paths give what the plain ones gave (issue 25: the normaliser's speed, with no
// output changed): the English repeat search run only where a repeat can begin, against the global
// regex over every corpus transcript; the English lexicon read from its sorted cache file, against the
// package's own table, entry by entry; the language detected without the script counts an English
// verdict does not need; the test that lets English paragraphs skip the rules of Chinese punctuation.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ENGLISH_REPEAT, englishRepeats } from '../../scripts/reader/dedupe.ts';
import { auxiliaryForms, bisect, canBeGrammatical, lexiconLines, linesOf, tagsOf, wordClass } from '../../scripts/reader/english.ts';
import { corpusRoot } from '../../scripts/fixtures/corpus.ts';
import { hanLatinCounts, mayBeCjk } from '../../scripts/reader/chars.ts';
import { detectLanguage, languageEvidence } from '../../scripts/lang/language.ts';

/** Every corpus transcript's id and text, in the folders' order. */
const corpusTexts = (): [string, string][] => readdirSync(corpusRoot).sort()
  .filter((id) => existsSync(join(corpusRoot, id, 'transcript.txt')))
  .map((id) => [id, readFileSync(join(corpusRoot, id, 'transcript.txt'), 'utf8')]);

const shown = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0], m[1], m[2]]);
const global = (s: string) => shown([...s.matchAll(ENGLISH_REPEAT)]);

describe('English repeats: tried only where one can begin, found as the global regex finds them', () => {
  it.each([
    'the the the the', 'I I I think that that that is is right right right.', 'Go - go - go ahead, ahead... ahead… ahead — ahead—ahead -- ahead',
    'The The the THE the', "don't don't t t; it's it’s it’s", '3rd rd x_x x x_ y y1 y _a a', 'Walla Walla, walla walla; ab abc abc ab',
    'a b c d a b c d a b c d e', 'in the in the in the market', 'one two three four five one two three four five', 'yes yes, yes — yes',
    'ſ s ſ s K k K', '王毅 said said 他说 the the。', '',
  ])('%s', (s) => {
    expect(shown(englishRepeats(s))).toEqual(global(s));
  });

  it('on every corpus transcript, each paragraph and each whole text', () => {
    let found = 0;
    for (const [id, text] of corpusTexts()) {
      for (const s of [text, ...text.split(/\n\s*\n/)]) {
        const quick = shown(englishRepeats(s));
        expect(quick, id).toEqual(global(s));
        found += quick.length;
      }
    }
    // The corpus has repeats to find (stutters, "that that", "had had"), so the comparison is not empty.
    expect(found).toBeGreaterThan(100);
  });
});

describe('the English lexicon from its sorted cache', () => {
  const table = (createRequire(import.meta.url)('en-lexicon') as { lexicon: Record<string, string> }).lexicon;
  it('holds every entry of en-lexicon, and nothing else', () => {
    const lines = lexiconLines();
    expect(lines).toBe(linesOf(table));
    const keys = Object.keys(table);
    expect(keys.length).toBeGreaterThan(100_000);
    const wrong = keys.filter((k) => bisect(lines, k) !== table[k]);
    expect(wrong).toEqual([]);
    for (const k of ['', 'zzzzqx', 'Zebrafish!', '\u0000', '\uffff', 'the ', ' the']) expect(bisect(lines, k)).toBe(Object.hasOwn(table, k) ? table[k] : undefined);
  });
  it('knows the forms of be, have and do that en-inflectors knows, among every lexicon word', () => {
    const { Inflectors } = createRequire(import.meta.url)('en-inflectors') as { Inflectors: new (w: string) => { toPresent(): string } };
    const stems = new Set(['be', 'have', 'do']);
    const words = [...new Set(Object.keys(table).map((k) => k.toLowerCase()))];
    const forms = new Set(auxiliaryForms().split('\n'));
    expect(words.filter((w) => stems.has(new Inflectors(w).toPresent()) !== forms.has(w))).toEqual([]);
    for (const w of ['was', 'had', 'does', 'been']) expect(forms.has(w)).toBe(true);
    expect(['Had', 'been', 'is'].map(wordClass)).toEqual(['function', 'function', 'function']);
    expect(canBeGrammatical('had')).toBe(true);
  });
  it('tags a word by its own entry, else by its lower case', () => {
    expect(tagsOf('the')).toEqual(table.the!.split('|'));
    expect(tagsOf('The')).toEqual((Object.hasOwn(table, 'The') ? table.The! : table.the!).split('|'));
    expect(tagsOf('Xqzzy')).toEqual([]);
  });
});

describe('language detection and the rules of Chinese text, on every corpus transcript', () => {
  it('counts Latin letters as the regex does, decides as the full evidence does, and finds Han where there is some', () => {
    let english = 0;
    for (const [id, text] of corpusTexts()) {
      expect(hanLatinCounts(text).latin, id).toBe((text.match(/\p{Script=Latin}/gu) ?? []).length);
      expect(detectLanguage(text), id).toBe(languageEvidence(text).language);
      if (detectLanguage(text) === 'en') english++;
      for (const p of text.split(/\n\s*\n/)) expect(mayBeCjk(p), p.slice(0, 40)).toBe(/[\p{Script=Han}\u2e80-\uffff]/u.test(p) || /[\ud800-\udfff]/.test(p));
    }
    expect(english).toBeGreaterThan(50);
  });
});
