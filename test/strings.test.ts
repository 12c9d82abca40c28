// Interface words per language (templates/default/lang/<tag>.json): the same keys in every file, every
// key the code and templates ask for present, the right file for a tag, a clear error for a gap, and
// the words of each file in their own script (no Simplified word in zh-Hant, no CJK in en).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { defaultStringsFiles, defaultStringsSet, formatString, languageCandidates, loadStrings, stringsPath } from '../scripts/lang/strings.ts';
import { BuildError } from '../scripts/core/diagnostics.ts';
import { ruleDescriptionKey, rules } from '../scripts/model/changes.ts';
import { tempDir } from './helpers.ts';

const files = defaultStringsFiles();
const read = (tag: string) => JSON.parse(readFileSync(files.get(tag)!, 'utf8')) as Record<string, string>;
const codeOf = (f: () => unknown) => { try { f(); } catch (err) { return (err as BuildError).diagnostic?.code; } return undefined; };

/** Every string key named in scripts/ (strings.x, formatString(…, 'x'), say('x')) and templates (strings.x). */
function keysUsed(): Set<string> {
  const keys = new Set<string>();
  const scan = (dir: string, ext: RegExp) => {
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (!ext.test(f)) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/(?<![/\w.])strings\.([a-zA-Z]\w*)/g)) keys.add(m[1]!);
      for (const m of text.matchAll(/(?:formatString\([^,]+,|\bsay\()\s*'([a-zA-Z]\w*)'/g)) keys.add(m[1]!);
      for (const m of text.matchAll(/'(report(?:Col)?[A-Z]\w*)'/g)) keys.add(m[1]!);
    }
  };
  scan('scripts', /\.ts$/);
  scan('templates/default', /\.(html|xhtml|opf|ncx|svg)$/);
  return keys;
}

describe('strings per language', () => {
  it('has zh-Hans, zh-Hant, en, fr, de, es and it, all with the same keys', () => {
    expect([...files.keys()]).toEqual(['de', 'en', 'es', 'fr', 'it', 'zh-Hans', 'zh-Hant']);
    const reference = Object.keys(read('en')).sort();
    for (const tag of files.keys()) expect(Object.keys(read(tag)).sort(), tag).toEqual(reference);
  });

  it('has every key the code and the templates ask for', () => {
    const used = [...keysUsed()];
    expect(used.length).toBeGreaterThan(30);
    for (const tag of files.keys()) expect(used.filter((k) => !(k in read(tag))), tag).toEqual([]);
  });

  it('describes every rule of the change report in every language (no rule\'s words are written in code)', () => {
    expect(rules.length).toBeGreaterThan(15);
    for (const tag of files.keys()) expect(rules.map(ruleDescriptionKey).filter((k) => !(k in read(tag))), tag).toEqual([]);
    expect(ruleDescriptionKey('dup-char')).toBe('ruleDupChar');
  });

  it('writes each language in its own script: no CJK in en, no Simplified form in zh-Hant, no Traditional in zh-Hans', () => {
    const cjk = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
    for (const tag of ['en', 'fr', 'de', 'es', 'it']) expect(Object.entries(read(tag)).filter(([, v]) => cjk.test(v)), tag).toEqual([]);
    // French sets a narrow no-break space before a colon or semicolon, never a plain space a line could break at.
    expect(Object.entries(read('fr')).filter(([, v]) => / [:;?!]/.test(v))).toEqual([]);
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    expect(Object.entries(read('zh-Hant')).filter(([, v]) => toTraditional(v) !== v)).toEqual([]);
    expect(Object.entries(read('zh-Hans')).filter(([, v]) => toSimplified(v) !== v)).toEqual([]);
    // And the two Chinese files really differ where the scripts do.
    expect(read('zh-Hant').contents).toBe('目錄');
    expect(read('zh-Hans').contents).toBe('目录');
  });

  it('picks the file for a tag: regions and scripts map to the right one', () => {
    const set = defaultStringsSet();
    const pick = (tag: string) => stringsPath(set, tag).split('/').pop();
    expect(pick('zh-Hans')).toBe('zh-Hans.json');
    expect(pick('zh')).toBe('zh-Hans.json');
    expect(pick('zh-CN')).toBe('zh-Hans.json');
    expect(pick('zh-TW')).toBe('zh-Hant.json');
    expect(pick('zh-HK')).toBe('zh-Hant.json');
    expect(pick('zh-Hant-TW')).toBe('zh-Hant.json');
    expect(pick('en-US')).toBe('en.json');
    expect(pick('EN-gb')).toBe('en.json');
    expect(languageCandidates('zh-TW')).toEqual(['zh-TW', 'zh-Hant', 'zh']);
  });

  it('TP060: a language the template set has no strings for', () => {
    expect(codeOf(() => stringsPath(defaultStringsSet(), 'pt'))).toBe('TP060');
    expect(codeOf(() => stringsPath(defaultStringsSet(), 'fr-CA'))).toBeUndefined();
  });

  it('TP061: a key the file lacks is an error naming the key and the file, not an empty word', () => {
    const dir = tempDir('strings-');
    mkdirSync(join(dir, 'lang'));
    writeFileSync(join(dir, 'lang', 'en.json'), JSON.stringify({ contents: 'Contents' }));
    const strings = loadStrings({ name: 'mine', dirs: [dir] }, 'en');
    expect(strings.contents).toBe('Contents');
    try {
      void strings.index;
      expect.unreachable();
    } catch (err) {
      const d = (err as BuildError).diagnostic;
      expect(d.code).toBe('TP061');
      expect(d.message).toContain('"index"');
      expect(d.message).toContain(join('lang', 'en.json'));
    }
  });

  it('fills fields as text: headings, counts, sections that appear only when true', () => {
    const zh = loadStrings(defaultStringsSet(), 'zh-Hans');
    const en = loadStrings(defaultStringsSet(), 'en');
    expect(formatString(zh, 'headingOpening', { name: '王毅' })).toBe('王毅开场发言');
    expect(formatString(en, 'notePage', { page: 12 })).toBe('p. 12');
    expect(formatString(en, 'coverAlt', { title: 'A & B', subtitle: '<x>' })).toBe('Cover: A & B: <x>');
  });
});
