// lang/opencc.ts: OpenCC with tries of only the entries a text uses must convert exactly as the full
// converter, both ways, on the seed, Traditional and Simplified corpus files and mixed samples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { cachedTelling, changeable, changingCharacters, changingOf, converter, mayChangeUnder, scopedConvert } from '../scripts/lang/opencc.ts';
import { loadCorpus } from '../scripts/fixtures/corpus.ts';
import { SEED } from './helpers.ts';

const configs = (OpenCC.Locale as unknown as { configs: Record<string, Parameters<typeof scopedConvert>[0]> }).configs;

describe('OpenCC with a text\'s own entries', () => {
  it('converts t→cn and cn→t like the full converter', () => {
    const corpus = loadCorpus();
    const texts = [readFileSync(join(SEED, 'transcript.txt'), 'utf8'), ...corpus.filter((c) => /zh/.test(c.id)).slice(0, 16).map((c) => c.text)];
    const samples = texts.flatMap((t) => t.split('\n').filter((l) => l.trim()).slice(0, 120));
    expect(samples.length).toBeGreaterThan(200);
    const full = { t2s: OpenCC.Converter({ from: 't', to: 'cn' }), s2t: OpenCC.Converter({ from: 'cn', to: 't' }) };
    let changed = 0;
    for (const s of samples) {
      for (const k of ['t2s', 's2t'] as const) {
        const want = full[k](s);
        if (want !== s) changed++;
        expect(scopedConvert(configs[k]!, s), `${k}: ${s.slice(0, 40)}`).toBe(want);
      }
    }
    // The shortcut: a text in which no changing entry's source occurs is returned as it is; it must be
    // the full converter's result, and the converter with the shortcut must still agree on every sample.
    let unchanged = 0;
    for (const k of ['t2s', 's2t'] as const) {
      const convert = converter(k);
      for (const s of samples) {
        if (!mayChangeUnder(k, s)) { unchanged++; expect(full[k](s), `${k} shortcut: ${s.slice(0, 40)}`).toBe(s); }
        expect(convert(s)).toBe(full[k](s));
      }
    }
    expect(unchanged).toBeGreaterThan(100);
    // The samples exercise the conversions (Simplified lines change under cn→t, Traditional ones under t→cn).
    expect(changed).toBeGreaterThan(150);
  });
});

describe('OpenCC tables kept in the cache', () => {
  it('are the ones its dictionaries give, made or read back', () => {
    // The first call may make the file, the second reads it: both must be what the dictionaries say.
    for (const k of ['t2s', 's2t'] as const) {
      const made = changingOf(configs[k]!);
      expect(made.size).toBeGreaterThan(1000);
      for (let n = 0; n < 2; n++) expect(changingCharacters(k)).toEqual(made);
      const telling = changeable(configs[k]!);
      for (let n = 0; n < 2; n++) {
        const cached = cachedTelling(k);
        expect(cached.chars).toEqual(telling.chars);
        expect(cached.phrases).toEqual(telling.phrases);
        expect(cached.units).toEqual(telling.units);
      }
    }
  });
});
