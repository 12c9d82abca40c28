// Suggestions for the curated index: candidate topics found in the text, ranked, printed as YAML an
// editor can paste into book.yaml. It proposes only; the editor decides (it never writes book.yaml).
// Four sources, because each misses what another finds: TF-IDF keywords (words that stand out
// against jieba's general-language IDF), quoted names (“一带一路”, “两国方案”: the speaker's own
// coinages), proper nouns by part of speech (places ns, organisations nt, other names nz, persons
// nr), and repeated multi-word phrases (人类命运共同体, 中美关系: jieba cuts them into words, but an
// index heading is the whole phrase).
import type { Transcript } from '../model/types.ts';
import { walk, inlineText } from '../model/walk.ts';
import { getJieba, keywords } from '../reader/segmenter.ts';

export type SuggestionSource = 'tfidf' | 'quoted' | 'name' | 'phrase';

export interface Suggestion {
  term: string;
  score: number;
  /** How often it occurs in the text. */
  count: number;
  sources: SuggestionSource[];
}

export interface SuggestOptions {
  /** How many to return (default 60). */
  top?: number;
}

/** Word classes that can head an index entry (nouns, names, noun-like verbs, idioms, abbreviations). */
const NOUNISH = ['n', 'nr', 'ns', 'nt', 'nz', 'nrt', 'vn', 'l', 'i', 'j', 'eng'];
const NAMES = new Set(['ns', 'nt', 'nz', 'nr', 'nrt', 'j']);
/**
 * Words frequent in any diplomatic text that no reader looks up. A short, general list: the point is
 * not to tune to one book but to keep the top of the list for names and concepts.
 */
const GENERIC = new Set(['中方', '中国', '我们', '国家', '世界', '国际', '双方', '各方', '各国', '人民', '问题', '发展', '合作',
  '关系', '和平', '记者', '主席', '总统', '今年', '去年', '一道', '方面', '进程', '作用', '利益', '前景', '事实', '立场',
  '社会', '地区', '时代', '历史', '道路', '理念', '共同', '大国', '两国', '对话', '国际社会', '未来', '目标', '成果', '努力',
  '公道', '大家', '根本', '挑战', '机遇', '一年', '今天', '坚持', '推动', '推进', '开放', '安全', '稳定', '繁荣']);
const PUNCT = /[\s，。、：；！？,.;:!?（）()《》“”"'‘’…—·]/u;

/** The body text: paragraphs and the dateline, not speaker labels, headings or the title. */
export function indexableText(tree: Transcript): string {
  const parts: string[] = [];
  walk(tree, (n) => {
    if (n.type === 'title' || n.type === 'speaker') return false;
    if (n.type === 'paragraph' || n.type === 'dateline') { parts.push(inlineText(n.children)); return false; }
  });
  return parts.join('\n');
}

function countIn(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n++;
  return n;
}

/**
 * Candidate topics, best first. `existing` are terms and aliases already in book.yaml: they are left
 * out, so the list holds only what is new.
 */
export function suggestTopics(input: Transcript | string, existing: Iterable<string> = [], top = 60): Suggestion[] {
  const text = typeof input === 'string' ? input : indexableText(input);
  const known = new Set(existing);
  const found = new Map<string, { score: number; sources: Set<SuggestionSource> }>();
  const add = (term: string, score: number, source: SuggestionSource) => {
    term = term.trim();
    if (term.length < 2 || GENERIC.has(term) || /^[\d\s.%]+$/.test(term)) return;
    const f = found.get(term) ?? { score: 0, sources: new Set() };
    f.score += score;
    f.sources.add(source);
    found.set(term, f);
  };

  // TF-IDF: rank r of n scores 1 … 1/n, so the sources stay on one scale.
  const jieba = getJieba();
  const kw = keywords(text, 150, NOUNISH);
  kw.forEach((k, r) => {
    // A lone common noun (外交, 原则, 战略) stands out against general language in any speech on
    // foreign affairs, yet nobody looks it up: names and multi-word terms are what an index lists.
    const tags = jieba.tag(k, true);
    const common = tags.length === 1 && !NAMES.has(tags[0].tag);
    add(k, (1 - r / kw.length) * (common ? 0.3 : 1), 'tfidf');
  });

  // Quoted names: the speaker marks a coinage or a name with quotation marks.
  for (const m of text.matchAll(/[“"]([^“”"\n]{2,16})[”"]/gu)) {
    if (!/[，。；：！？]/u.test(m[1])) add(m[1], 0.8, 'quoted');
  }

  // Proper nouns and repeated phrases, sentence by sentence so a phrase never spans a full stop.
  const phrases = new Map<string, { count: number; named: boolean }>();
  for (const sentence of text.split(/[。！？\n；]/u)) {
    if (!sentence) continue;
    const tagged = jieba.tag(sentence, true);
    for (const t of tagged) if (NAMES.has(t.tag) && t.word.length >= 2) add(t.word, 0.5, 'name');
    // Runs of 2–4 adjacent noun-like words (中美 + 关系, 人类 + 命运 + 共同体).
    for (let i = 0; i < tagged.length; i++) {
      let phrase = '';
      let named = false;
      for (let j = i; j < Math.min(i + 4, tagged.length); j++) {
        const w = tagged[j];
        if (PUNCT.test(w.word) || !/^(n|v?n|ns|nt|nz|nr|j|l|i|a?n)/.test(w.tag) && w.tag !== 'vn') break;
        phrase += w.word;
        named ||= NAMES.has(w.tag);
        if (j > i && phrase.length >= 4 && phrase.length <= 10) {
          const p = phrases.get(phrase) ?? { count: 0, named };
          p.count++;
          phrases.set(phrase, p);
        }
      }
    }
  }
  // A phrase that holds a name (乌克兰 + 危机) is more likely a topic than one of common words.
  for (const [phrase, p] of phrases) if (p.count >= 2) add(phrase, 0.4 + 0.1 * Math.min(p.count, 5) + (p.named ? 0.3 : 0), 'phrase');

  const scored = [...found].filter(([term]) => !known.has(term)).map(([term, f]) => {
    const count = countIn(text, term);
    // Frequency matters, with diminishing returns: a topic named once still deserves a look.
    return { term, count, sources: [...f.sources].sort(), score: f.score * (1 + Math.log2(Math.max(count, 1))) / 2 };
  }).filter((s) => s.count > 0);
  scored.sort((a, b) => b.score - a.score || b.count - a.count || b.term.length - a.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  // A fragment that mostly occurs inside a longer candidate adds nothing of its own (命运 inside
  // 命运共同体, 中国特色大国 inside 中国特色大国外交): the longer one is the heading.
  const fragment = (s: { term: string; count: number }) =>
    scored.some((o) => o.term.length > s.term.length && o.term.includes(s.term) && o.count >= 0.75 * s.count);
  const kept: Suggestion[] = [];
  for (const s of scored) {
    if (fragment(s)) continue;
    kept.push({ ...s, score: Math.round(s.score * 1000) / 1000 });
    if (kept.length >= top) break;
  }
  return kept;
}

/** YAML quoting only where needed, so the pasted list reads like the hand-written one. */
function yamlString(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}—·]*$/u.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/^\d/.test(s) ? s : JSON.stringify(s);
}

/**
 * Suggestions as a `topics:` list an editor can paste into book.yaml. Each line carries, in a
 * comment, how often the term occurs and which sources found it, so the editor can judge quickly.
 */
export function suggestYaml(input: Transcript | string, existing: Iterable<string> = [], top = 60): string {
  const list = suggestTopics(input, existing, top);
  const lines = [
    `# ${list.length} suggested topics, best first. Paste the ones you want under topics: in book.yaml;`,
    '# add aliases for other wordings, sub: for sub-entries, see / seeAlso for cross-references.',
    'topics:',
    ...list.map((s) => `  - term: ${yamlString(s.term)}  # ${s.count}× ${s.sources.join('+')}`),
  ];
  return lines.join('\n') + '\n';
}
