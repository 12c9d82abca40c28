// What a name is, where the tagger cannot tell: the names of the world's countries in Chinese and
// English (i18n-iso-countries, the ISO 3166 names with their common short forms), the continents and
// regions a briefing names, and jieba's own dictionary (frequency and tag of a word), which tells a
// leader's name (习近平, 4 uses, nrfg) from a common word it also tags as a name (城市, 25,084, ns).
// The library alone: its package entry (entry-node.js) registers all 80 locales, a megabyte of names
// parsed at every start; only Chinese and English are asked for here.
import countries from 'i18n-iso-countries/index.js';
import zhNames from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import enNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { lexicon } from '../reader/lexicon.ts';

countries.registerLocale(zhNames);
countries.registerLocale(enNames);

/** Regions and continents (not in ISO 3166) that briefings name as places. */
const REGIONS_ZH = ['亚洲', '欧洲', '非洲', '美洲', '大洋洲', '南极洲', '拉美', '拉丁美洲', '北美', '南美', '中东', '东南亚', '南亚', '中亚', '西亚', '东亚', '东北亚', '北非', '西非', '东非',
  '南部非洲', '亚太', '印太', '加勒比', '巴尔干', '高加索', '海湾', '西欧', '东欧', '中东欧', '北欧', '南欧', '台海', '南海', '东海', '黄海', '渤海', '香港', '澳门', '台湾', '西藏', '新疆', '大陆'];
const REGIONS_EN = ['Africa', 'Asia', 'Europe', 'Latin America', 'Middle East', 'Indo-Pacific', 'Asia-Pacific', 'Southeast Asia', 'Central Asia', 'South Asia', 'East Asia', 'the Balkans', 'Caribbean',
  'Gaza', 'West Bank', 'Hong Kong', 'Taiwan', 'Tibet', 'Xinjiang', 'Crimea', 'Donbas', 'Sahel', 'Horn of Africa', 'Arctic', 'Antarctica', 'Pacific', 'Atlantic', 'Baltic', 'Tigray', 'Darfur', 'Kashmir'];

let zhPlaces: Set<string> | null = null;
let enPlaces: Set<string> | null = null;

/** A country or region named in Simplified Chinese (美国, 乌兹别克斯坦, 中东). */
export function isChinesePlace(word: string): boolean {
  if (!zhPlaces) {
    zhPlaces = new Set(REGIONS_ZH);
    for (const names of Object.values(countries.getNames('zh', { select: 'all' }) as Record<string, string[]>)) for (const n of names) zhPlaces.add(n);
  }
  return zhPlaces.has(word);
}

/** A country or region named in English (United States, U.S., Ethiopia, Gaza). */
export function isEnglishPlace(word: string): boolean {
  if (!enPlaces) {
    enPlaces = new Set(REGIONS_EN);
    for (const names of Object.values(countries.getNames('en', { select: 'all' }) as Record<string, string[]>)) for (const n of names) enPlaces.add(n);
  }
  return enPlaces.has(word);
}

/** A word's entry in jieba's dictionary (frequency in its corpus, part of speech), if it has one:
 * read from the lexicon the reader has already loaded (reader/lexicon.ts). */
export function dictEntry(word: string): { freq: number; tag: string } | undefined {
  const lex = lexicon();
  const freq = lex.frequency(word);
  return freq === undefined ? undefined : { freq, tag: lex.tag(word) ?? '' };
}
