// Candidate index entries in Chinese text: people, places, organisations (jieba's part-of-speech tags
// nr/nrt, ns, nt, j and its HMM words), with rules where the tagger cuts or merges a name wrongly,
// and subjects (quoted coinages, titles in 《》, noun phrases) ranked by salience against jieba's IDF
// and the genre's own background (genre.ts). Traditional text is tagged in Simplified (OpenCC, one
// character for one character) and every term is read back from the original text at the same place,
// so a zh-Hant book gets zh-Hant headings.
import { getJieba } from '../reader/segmenter.ts';
import { t2s } from '../lang/language.ts';
import { LINE_DATELINES, MEDIA_NAME, isOutletName } from '../lang/outlets.ts';
import { isPersonalName } from '../reader/labels.ts';
import { ALL_SURNAMES, COMMON_SURNAMES_WIDE, isMarriedName } from '../lang/names.ts';
import { TRANSLITERATION, TRANSLITERATION_ENDS, isTransliterated } from '../lang/transliteration.ts';
import { genreDf, idfOf } from './genre.ts';
import type { Candidate, RejectTrace } from './candidate.ts';
import { dictEntry, isChinesePlace } from './gazetteer.ts';


/** Job titles and forms of address that follow a name (王毅外长, 文在寅总统) or a surname (王外长). */
const TITLES = ['国务委员', '外交部长', '国务卿', '外长', '部长', '副部长', '总统', '副总统', '主席', '副主席', '总理', '副总理', '首相', '大使', '总书记',
  '委员长', '议员', '议长', '司长', '副司长', '局长', '副局长', '发言人', '先生', '女士', '秘书长', '国王', '女王', '王储', '亲王', '特首', '市长', '省长', '州长', '大校', '上将', '中将', '少将', '主任', '书记', '教授', '博士'];
/** Endings of organisation names (国务院台湾事务办公室, 全国台联, 东南亚国家联盟). */
const ORG_END = /(中学|小学|小组|医疗队|办公室|委员会|办事处|事务所|总处|部|局|署|院|社|网|台|报|会|联|组织|联盟|集团|公司|银行|基金|大学|学院|军|政府|理事会|议会|法院|党|中心|协会|论坛|峰会|司|使馆|领事馆|代表处|办)$/u;
/** Gatherings, not organisations, though they end in 会 (酒会, 记者会, 茶话会). */
const EVENT_END = /(院会|酒会|晚会|宴会|茶话会|记者会|发布会|招待会|研讨会|座谈会|见面会|交流会|报告会|运动会|博览会|展览会|演唱会|音乐会|舞会)$/u;
/** A word the tagger glued to a preposition or conjunction (对外部): not a name. */
const FUNCTION_START = /^[对在和与向把被从为以于及或将让应同跟由据]/u;
/** Heads that make a noun phrase no subject (时间性方面, 有关情况). */
const VAGUE_HEAD = new Set(['方面', '情况', '工作', '时候', '时期', '期间', '之际', '时间', '意见', '问题', '事情', '东西', '内容', '方式', '部分', '领域', '层面', '新闻', '记者', '见面', '言论', '讲话', '发言', '消息', '信息', '会见', '会谈', '访问', '通话', '会晤', '表示', '时候', '事项', '名义']);
/** Endings of place names a tagger splits off (仁爱|礁, 钓鱼|岛). */
const PLACE_END = /^(礁|岛|群岛|海峡|湾|港|省|市|县|乡|镇|州|自治区|半岛|山|河|湖|海)$/u;

/** Words the genre uses everywhere: never an entry, never the head of a subject, whatever the tagger says. */
const GENERIC = new Set(['中方', '我们', '国家', '世界', '国际', '双方', '各方', '各国', '人民', '问题', '发展', '合作', '关系', '和平', '记者',
  '主席', '总统', '今年', '去年', '一道', '方面', '进程', '作用', '利益', '前景', '事实', '立场', '社会', '地区', '时代', '历史', '道路', '理念',
  '共同', '大国', '两国', '对话', '国际社会', '未来', '目标', '成果', '努力', '大家', '挑战', '机遇', '今天', '坚持', '推动', '推进', '开放',
  '安全', '稳定', '繁荣', '外长', '友好邻邦', '朋友', '同胞', '政府', '当局', '有关', '方面', '情况', '工作', '期间', '时间', '会议', '活动',
  '国内', '海外', '境外', '全球', '地方', '本地', '中外', '两岸', '全国',
  // A party committee by its level alone (四川省委常委 cut to 省委): every province has one.
  '省委', '市委', '县委', '区委', '党委', '党组', '华', '中', '美', '台', '港', '澳', '欧', '日', '俄', '韩', '朝']);

/**
 * Common words jieba's dictionary tags as names (东西 ns, 安宁 ns, 夏令营 nr, 日电 j): never a name.
 * A closed list of the dictionary's own mistakes, not of any book's words.
 */
const NOT_NAMES = new Set(['多谢', '谢谢', '感谢', '东西', '安宁', '海峡', '加大力度', '夏令营', '贺信', '日电', '仁爱', '内地', '大陆', '海内外', '中外', '全国', '两岸', '本地', '当地',
  '西方', '东方', '南方', '北方', '中华', '华夏', '江山', '天下', '人间', '长城', '黄金', '太平', '和平', '光明', '新华', '高新', '上下', '左右', '前后']);
/** Titles that come before a name (发言人朱凤莲, 行政长官林郑月娥, 国家主席习近平). */
const TITLES_BEFORE = ['新闻发言人', '发言人', '行政长官', '特首', '总理', '副总理', '主席', '副主席', '总统', '副总统', '外长', '部长', '国务卿', '国务委员', '大使',
  '委员长', '总书记', '书记', '常委', '局长', '司长', '议员', '首相', '秘书长', '记者', '主任', '院长', '市长', '省长', '官员',
  // Taiwan's deputy minister (教育部次長蔡清華: the tagger reads 蔡|清華, a university).
  '次长',
  // A gazette's member before the name (本院委員許毓仁等17人擬具): 委員會 is one word to the tagger, so no name follows it.
  '委员'];

/** Organisations whose name ends in no organisation word. */
// 行政会议: the Executive Council of Hong Kong and Macao (行政長官於行政會議前會見傳媒), a body, though 会议 ends an event.
const KNOWN_ORGS = new Set(['联合国', '北约', '东盟', '欧盟', '非盟', '世卫组织', '世贸组织', '上合组织', '金砖国家', '二十国集团', '七国集团', '亚太经合组织', '中共', '国民党', '民进党', '行政会议']);
/** Common words jieba's dictionary tags as places; found by listing its most frequent ns words. */
const NOT_PLACES = new Set(['上市', '东西', '哥哥', '城市', '外国', '大桥', '太阳', '平原', '建国', '朝廷', '湖泊', '爱国', '美丽', '英雄', '高原', '海洋', '南北', '永乐',
  '长安', '天门', '安宁', '海峡', '国内', '国外', '境内', '境外', '当地', '各地', '外地', '本土', '华夏', '神州', '中华', '世界', '全球', '东方', '西方',
  // seen as "places" in the corpus's dev part: guests, welfare, worship, fences, "as long as", the ruling and opposition parties
  '嘉宾', '贵宾', '礼拜', '福利', '藩篱', '长达', '朝野', '北门',
  // seen in session 38's dev texts: dignified (李娥…端庄大方)
  '端庄']);
/** Not a place: a common word jieba tags as one, or a number of states (多国, 他国, 本国, 邻国, 列国). */
const notPlace = (w: string) => NOT_PLACES.has(w) || /^[多他本邻列]国$/u.test(w);
/** A name does not end in a particle, a verb of saying or a suffix of abstract nouns (王毅就, 迟早会, 单一化). */
const BAD_END = /[会就在说和的了是也还又将已对把被化性等与及]$/u;

/**
 * Whether a tagged word can really be a name of its kind. jieba's dictionary tags many common words as
 * names (城市 ns, 高水平 nr, 新兴产业 nt): a place must be a known country or region, end in a place
 * word, or be a short dictionary place that is not a common word; a person found without a title must
 * be rare in jieba's dictionary; an organisation must end in an organisation word or be a known one.
 */
/** A three-character "name" whose last two characters are a word general Chinese uses all the time (这|段时间, 那|段时候): a phrase. */
const commonTail = (key: string): boolean => key.length === 3 && (dictEntry(key.slice(1))?.freq ?? 0) >= 10000;

function plausible(kind: Candidate['kind'], key: string, score: number): boolean {
  if (kind === 'subject') return true;
  // …but a place found surely (score 3: listed with places, right after its region) may end so (彰化, 怀化).
  if (kind !== 'organisation' && BAD_END.test(key) && !isChinesePlace(key) && !(kind === 'place' && score >= 3)) return false;
  if (kind === 'place') {
    if (isChinesePlace(key)) return true;
    // 中美, 中巴, 中日韩: countries in one breath (the first words of 中美关系), not a place.
    if (/^[中美俄日韩朝英法德印巴欧非澳加越泰菲老柬缅蒙哈吉塔乌土伊以沙埃南]{2,3}$/u.test(key) || /[于的了和与在是]/u.test(key)) return false;
    if (notPlace(key)) return false;
    // Listed with places the gazetteer or the dictionary knows (placesInLists) or a record's venue (venueLines): a place however it is spelt.
    if (score >= 3) return true;
    if (key.length >= 3 && /[省市县州区岛湾山河湖海峡礁江洋城镇港]$/u.test(key)) return true;
    // A longer place jieba's dictionary knows as one (耶路撒冷, 东耶路撒冷) is a place; a phrase its HMM made is not.
    return key.length <= 3 || isTransliterated(key) || dictEntry(key)?.tag === 'ns';
  }
  if (kind === 'person') {
    if (commonTail(key)) return false;
    const entry = dictEntry(key);
    // A common word is no name, title or not (特别外长会: 特别 is an adverb).
    if (entry && entry.freq >= 1000 && !entry.tag.startsWith('nr')) return false;
    if (score >= 3) return true;
    // A full name the dictionary itself holds as a person's (李金华 nr, 54): a known person, however often named.
    if (entry && entry.tag.startsWith('nr') && key.length >= 3 && isPersonalName(key)) return true;
    return !entry || entry.freq < 30;
  }
  if (KNOWN_ORGS.has(key)) return true;
  // An outlet a dateline or a credit names (人民网北京5月14日电: 人民 is a generic word, the site is a name).
  if (score >= 3 && isOutletName(key)) return true;
  // An institution jieba's dictionary knows well (全国人大, 人民大会堂): its rare nt entries are phrases (新兴产业, 3).
  const known = dictEntry(key);
  if (known && known.tag === 'nt' && known.freq >= 50) return true;
  // A rare abbreviation of the dictionary's (联大/j): the short form of a name, whatever its last character.
  if (known && known.tag === 'j' && rareAbbreviation(key)) return true;
  // A head of state's or government's office (总统府, 首相府): 府 alone ends no organisation word of ORG_END.
  if (key.length === 3 && key.endsWith('府') && FU_STEM.test(key.slice(0, 2))) return true;
  const m = ORG_END.exec(key);
  // A government's office (资通安全处, 亚洲处): four characters or more before 处, not a phrase's 之处 (不足之处).
  if (!m && /^\p{Script=Han}{3,}处$/u.test(key) && !key.endsWith('之处')) return true;
  if (!m) return key.length <= 4 && /[盟联办委局署共]$/u.test(key);
  const stem = key.slice(0, key.length - m[0].length);
  return stem.length >= 1 && !GENERIC.has(stem) && !notPlace(stem) && !/^(国内|国外|内|外|全|本|各|该|此)$/u.test(stem);
}

/**
 * Credits and datelines of the news agencies that publish a briefing: a photo credit （中国台湾网 尹赛楠
 * 摄）, a reporter's （记者 郭至君）, an outlet's lead in square brackets too ([环球网报道]), a dateline 中评社北京9月29日电. The agency is an organisation and the
 * photographer or reporter a person, found where the tagger reads the name as unknown letters (尹赛/楠).
 */
function mediaCredits(text: string, add: (kind: Candidate['kind'], start: number, end: number, score?: number) => void): void {
  const credit = new RegExp(`[（(【\\[](${MEDIA_NAME})?[\\s　]*(?:记者)?[\\s　]*(\\p{Script=Han}{2,4}?)[\\s　]*(?:摄|报道)?[）)】\\]]`, 'gu');
  for (const m of text.matchAll(credit)) {
    if (!m[1] && !/记者|摄|报道/u.test(m[0])) continue;
    const nameAt = m.index! + m[0].indexOf(m[2], 1 + (m[1]?.length ?? 0));
    if (isPersonalName(m[2])) add('person', nameAt, nameAt + m[2].length, 3);
    if (m[1]) add('organisation', m.index! + 1, m.index! + 1 + m[1].length, 2);
  }
  for (const m of text.matchAll(LINE_DATELINES)) add('organisation', m.index!, m.index! + m[1].length, 3);
  // …two or more reporters of one credit (（记者申铖、潘洁）): each a person.
  for (const m of text.matchAll(/[（(]记者((?:\p{Script=Han}{2,3}、)+\p{Script=Han}{2,3})[）)]/gu)) {
    let at = m.index! + 3;
    for (const name of m[1].split('、')) { if (isPersonalName(name)) add('person', at, at + name.length, 3); at += name.length + 1; }
  }
  // …a credit written without brackets at a picture's caption (新华社记者 李涛 摄), and the outlet and reporter a
  // question is credited to, with a form of address (（自由時報呂伊萱小姐）, （公視韓瑩小姐）).
  const bare = new RegExp(`(${MEDIA_NAME})记者[\\s　]+(\\p{Script=Han}{2,3})[\\s　]*摄`, 'gu');
  for (const m of text.matchAll(bare)) {
    const nameAt = m.index! + m[0].lastIndexOf(m[2]);
    if (isPersonalName(m[2])) { add('person', nameAt, nameAt + m[2].length, 3); add('organisation', m.index!, m.index! + m[1].length, 2); }
  }
  for (const m of text.matchAll(/[（(](\p{Script=Han}{2,8}?)(\p{Script=Han}{2,3})(?:小姐|先生|女士)[）)]/gu)) {
    if (!isOutletName(m[1]) || !isPersonalName(m[2])) continue;
    add('organisation', m.index! + 1, m.index! + 1 + m[1].length, 3);
    add('person', m.index! + 1 + m[1].length, m.index! + 1 + m[1].length + m[2].length, 3);
  }
}

/** Simplified text of the same length as the input, so an offset in one is an offset in the other. */
function simplifiedAligned(text: string): string {
  const whole = t2s(text);
  if (whole.length === text.length) return whole;
  return [...text].map((ch) => { const s = t2s(ch); return s.length === ch.length ? s : ch; }).join('');
}

interface Tok { word: string; tag: string; start: number; end: number }

function tagged(sentence: string, offset: number): Tok[] {
  let at = offset;
  return getJieba().tag(sentence, true).map(({ word, tag }) => ({ word, tag, start: at, end: (at += word.length) }));
}

const HAN = /^\p{Script=Han}+$/u;
type Add = (kind: Candidate['kind'], start: number, end: number, score?: number, parent?: string) => void;
type Tagged = ReturnType<typeof tagged>;

/** Candidates of one Chinese text (the book's body text); terms are in the text's own script. */
export function chineseCandidates(original: string, trace?: RejectTrace): Candidate[] {
  const text = simplifiedAligned(original);
  const found = new Map<string, Candidate>();
  const state = { source: '' };
  const add = collector(original, text, found, state, trace);
  const run = (source: string, finder: () => void) => { state.source = source; finder(); };
  run('dottedNames', () => dottedNames(text, add));
  run('mediaCredits', () => mediaCredits(text, add));
  run('nameRolls', () => nameRolls(text, add));
  run('officialsLines', () => officialsLines(text, add));
  run('venueLines', () => venueLines(text, add));
  run('knownOrganisations', () => knownOrganisations(text, add));
  run('abbreviatedInstitutions', () => abbreviatedInstitutions(text, add));
  run('namesAroundTitles', () => namesAroundTitles(original, text, found));
  let offset = 0;
  for (const sentence of text.split(/(?<=[。！？\n；])/u)) {
    const toks = tagged(sentence, offset);
    run('namesAfterTitles', () => namesAfterTitles(text, sentence, offset, toks, add));
    run('namesBeforeTitles', () => namesBeforeTitles(text, sentence, offset, toks, add));
    run('foreignNamesAfterTitles', () => foreignNamesAfterTitles(text, toks, add));
    run('foreignNamesBeforeTitles', () => foreignNamesBeforeTitles(text, toks, add));
    run('unknownNamesBeforeTitles', () => unknownNamesBeforeTitles(toks, add));
    run('placesInLists', () => placesInLists(text, toks, add));
    run('institutionsBeforeTitles', () => institutionsBeforeTitles(text, toks, add));
    run('tokens', () => { for (let i = 0; i < toks.length; i++) i += tokenCandidate(text, toks, i, add); });
    offset += sentence.length;
  }
  run('quotedSubjects', () => quotedSubjects(text, add));
  run('nounRunSubjects', () => nounRunSubjects(text, add));
  // 中华民国106年, 民国108年: an era's name in a date is the date, not the state: those uses do not count.
  const furniture = furnitureLines(text);
  for (const c of found.values()) {
    c.count = countIn(text, c.key!) + c.aliases.reduce((n, a) => n + countIn(text, simplifiedAligned(a)), 0) - (c.kind === 'subject' ? 0 : eraUses(text, c.key!))
      - (c.kind === 'subject' ? usesIn(furniture, c.key!) : 0) - (c.kind === 'place' ? datelineUses(text, c.key!) : 0);
  }
  longerInstitutions(found);
  maximalRuns(found, text, original);
  const quoted = quotedSpans(text);
  const titles = quotedSpans(text, false);
  return [...found.values()].filter((c) => {
    const keep = c.count > 0 && !onlyInsideTitles(text, c.key!, c.kind === 'organisation' || c.kind === 'place' ? titles : quoted);
    if (!keep) trace?.(c.key!, c.kind, c.count > 0 ? 'inside a quoted title' : 'no use outside dates');
    return keep;
  });
}

/**
 * An organisation whose full name is a longer run of the text (农业|农村部, the tagger's 农村部 a tail of
 * 农业农村部): where a run of nouns ending in an institution's word ends in a found organisation, and the
 * organisation is never written outside it (the same count), the run is the organisation's name; the
 * tail, then inside it everywhere, gives no entry (candidates.ts dropInside).
 */
function longerInstitutions(found: Map<string, Candidate>): void {
  const orgs = [...found.values()].filter((c) => c.kind === 'organisation');
  for (const c of found.values()) {
    if (c.kind !== 'subject' || !ORG_END.test(c.key!) || EVENT_END.test(c.key!) || GENERIC.has(c.key!)) continue;
    // Not a name the dictionary holds as an organisation's (民进党/nt: 媒体报道|民进党 is a phrase), nor a
    // place before an institution (北京|香山论坛: the city is an entry of its own).
    const tail = orgs.find((o) => o.key !== c.key && c.key!.endsWith(o.key!) && c.key!.length - o.key!.length <= 4 && o.count === c.count
      && dictEntry(o.key!)?.tag !== 'nt' && !isChinesePlace(c.key!.slice(0, -o.key!.length)) && dictEntry(c.key!.slice(0, -o.key!.length))?.tag !== 'ns');
    if (tail) c.kind = 'organisation';
  }
}

/** Characters that end a run of a term (particles, conjunctions, prepositions, copulas). */
const RUN_STOP = /[的是了和与在等及或对把被也就都而并为以将从向之着过]/u;

/**
 * A subject made of the tagger's nouns is the longest run the text writes each time (农业转型 of 推动农业转型升级
 * ×3, 人民日报创刊 of 人民日报创刊70周年 ×2): where every use of it (two or more) goes on with the same character,
 * a Han character or a digit, the run goes on with it, where it stops within four characters.
 */
function maximalRuns(found: Map<string, Candidate>, text: string, original: string): void {
  const people = [...found.values()].filter((c) => c.kind === 'person').map((c) => c.key!);
  for (const c of [...found.values()]) {
    if (c.kind !== 'subject' || c.source !== 'nounRunSubjects' || !found.has(c.term)) continue;
    const key = c.key!;
    const at: number[] = [];
    for (let p = text.indexOf(key); p >= 0; p = text.indexOf(key, p + 1)) at.push(p);
    if (at.length < 2) continue;
    const same = (offset: number) => { const ch = text[at[0] + offset]; return ch !== undefined && /[\p{Script=Han}\d]/u.test(ch) && !RUN_STOP.test(ch) && at.every((p) => text[p + offset] === ch); };
    let from = 0;
    let to = key.length;
    while (to - key.length < 5 && same(to)) to++;
    while (-from < 5 && same(from - 1)) from--;
    // A run that goes on further still is part of a fixed phrase of the page (a title and a name, 原国际部副主任温宪):
    // that side stays as the tagger made it.
    if (to - key.length === 5) to = key.length;
    if (from === -5) from = 0;
    // The run ends where the tagger ends a word (美国会众院外委会审议|通过: not inside 通过, where a particle's character stopped it).
    ({ from, to } = onWordBounds(text, at[0], key.length, from, to));
    if (from === 0 && to === key.length) continue;
    // Nor into a person's name (原国际部副主任 + 温宪): a name is no part of a subject.
    const added = text.slice(at[0] + from, at[0]) + text.slice(at[0] + key.length, at[0] + to);
    if (people.some((name) => added.includes(name) || name.includes(added))) continue;
    const term = original.slice(at[0] + from, at[0] + to);
    found.delete(c.term);
    if (!found.has(term)) found.set(term, { ...c, term, key: text.slice(at[0] + from, at[0] + to), first: at[0] + from });
  }
}

/** A run widened around the key at `at` cut back to the tagger's word bounds on each side it was widened (maximalRuns). */
function onWordBounds(text: string, at: number, length: number, from: number, to: number): { from: number; to: number } {
  const base = Math.max(0, at + from - 6);
  const toks = tagged(text.slice(base, at + to + 6), base);
  const bounds = new Set(toks.flatMap((t) => [t.start, t.end]));
  // …and a verb the run would end in after an institution goes (美国会众院外委会 + 审议/v): a clause, no term (农业转型 + 升级/v stays).
  const verbEnds = new Set(toks.filter((t, k) => /^[vpdu]/.test(t.tag) && k > 0 && (/^(nt|j)$/.test(toks[k - 1].tag) || ORG_END.test(toks[k - 1].word))).map((t) => t.end));
  while (to > length && (!bounds.has(at + to) || verbEnds.has(at + to))) to--;
  while (from < 0 && !bounds.has(at + from)) from++;
  return { from, to };
}

/**
 * Spans of titles and quotations: 「陆海空军刑法部分条文修正草案」, 《基本法》 (their inner text, from, to), in order and apart. With `clause` false, a quotation of a clause (“将台湾排除在国际民航组织、
 * 世界卫生组织等国际组织之外”: its 、) is left out: the organisations and places in it are the text's; a
 * person's "name" inside one stays inside (“未见其人，先闻其声”).
 */
function quotedSpans(text: string, clause = true): [number, number][] {
  return [...text.matchAll(/[「『《“]([^「」『』《》“”\n]{2,40})[」』》”]/gu)].filter((m) => clause || !/[，、；：。]/u.test(m[1])).map((m) => [m.index! + 1, m.index! + 1 + m[1].length]);
}

/**
 * A word written only inside longer quoted titles (陆海空军 only in 「陆海空军刑法部分条文修正草案」) is a
 * fragment of the title, not an entry; the quotation that is the word itself (「九二共识」) is not a longer title.
 */
function onlyInsideTitles(text: string, key: string, spans: [number, number][]): boolean {
  let uses = 0;
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length)) {
    uses++;
    // The spans are in order and apart: only the last one that opens at or before the use can hold it.
    const span = spans[lastAtOrBefore(spans, i)];
    if (!span || !(i + key.length <= span[1] && span[1] - span[0] > key.length)) return false;
  }
  return uses > 0;
}

/** Index of the last span that opens at or before `at` (binary search), -1 when none does. */
function lastAtOrBefore(spans: [number, number][], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][0] <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** Uses of a state's name as an era in a date (中华民国106年): the date, not the state (a subject is never an era). */
function eraUses(text: string, key: string): number {
  return (text.match(new RegExp(`${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\d〇一二三四五六七八九十百零]+年`, 'gu')) ?? []).length;
}

/**
 * A page's furniture: a line written three times or more, alone or repeated on its line (a picture's
 * caption, 农业部答记者问 after each photo of a reprint): its words are no subject of the text.
 */
function furnitureLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim().replace(/^(.{2,}?)\1+$/u, '$1')).filter((l) => l.length >= 4);
  const times = new Map<string, number>();
  for (const l of lines) times.set(l, (times.get(l) ?? 0) + 1);
  return lines.filter((l) => (times.get(l) ?? 0) >= 3).join('\n');
}

/**
 * A city written only as a news agency's dateline (新华社北京10月19日电, （中央社記者李雅雯台北16日電）): where the
 * report was filed, not a place the text is about; those uses do not count.
 */
function datelineUses(text: string, key: string): number {
  const at = new RegExp(`${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\d{1,2}月)?\\d{1,2}日(?:电|讯)`, 'gu');
  return (text.match(at) ?? []).length;
}

/** How often a term is written in a piece of text. */
function usesIn(piece: string, key: string): number {
  return key ? piece.split(key).length - 1 : 0;
}

/** The one way a candidate is added: the checks every kind passes, then counted under its term. */
function collector(original: string, text: string, found: Map<string, Candidate>, state: { source: string }, trace?: RejectTrace): Add {
  const orig = (start: number, end: number) => original.slice(start, end);
  const add: Add = (kindIn, start, end, score = 1, parent) => {
    const term = orig(start, end);
    const key = text.slice(start, end);
    // A "name" the tagger read as a person that ends in a county's or city's word (花莲县/nr) is the place.
    const kind = kindIn === 'person' && (isChinesePlace(key) || /^\p{Script=Han}{2,3}[县市]$/u.test(key)) ? 'place' : kindIn;
    // …and one that ends in an institution's word is the institution (卫福部/nr), or, on a common word's stem, a
    // department's common noun before its head's title (宣传部/nr 部长): no entry.
    const office = kind === 'person' && /^(\p{Script=Han}{2,})(部|局|署|委员会|办公室)$/u.exec(key);
    if (office && (dictEntry(office[1])?.freq ?? 0) >= 1000) { trace?.(key, kind, `${state.source}: a department's common noun`); return; }
    if (office) return add('organisation', start, end, score, parent);
    const why = rejection(kind, key, term, score, found, text, start);
    if (why) { if (kind !== 'subject') trace?.(key, kind, `${state.source}: ${why}`); return; }
    const c = found.get(term) ?? { term, kind, aliases: [], count: 0, first: start, score: 0, key: text.slice(start, end), source: state.source };
    if (kind !== c.kind && kind !== 'subject' && c.kind === 'subject') c.kind = kind;
    c.score = Math.max(c.score, score);
    if (parent && !c.parent) c.parent = parent;
    found.set(term, c);
  };
  return add;
}

/** The check a proposed term fails (the collector's), or undefined when it is taken. */
function rejection(kind: Candidate['kind'], key: string, term: string, score: number, found: Map<string, Candidate>, text: string, start: number): string | undefined {
  if (!plausible(kind, key, score)) return 'implausible';
  if (term.length < 2) return 'one character';
  if (GENERIC.has(key)) return 'generic';
  if (kind !== 'subject' && NOT_NAMES.has(key)) return 'not a name';
  // 对外部 is a preposition glued to a word; 以色列 is a country (a place the gazetteer or the dictionary knows).
  if (kind !== 'subject' && FUNCTION_START.test(key) && !found.has(term) && !(kind === 'place' && (isChinesePlace(key) || dictEntry(key)?.tag === 'ns'))) return 'function word first';
  if (kind === 'place' && /(人|市民|居民|同胞|人民|民众)$/u.test(key)) return 'people of a place';
  // 北京9月29日电: a news agency's dateline, not an organisation.
  if (kind === 'organisation' && /[\d月日]$/u.test(text.slice(0, start))) return 'dateline';
  return undefined;
}

function dottedNames(text: string, add: Add): void {
  // Names joined by the middle dot: 安东尼·布林肯, 穆罕默德·本·萨勒曼.
  for (const m of text.matchAll(/\p{Script=Han}{1,8}(?:[·・•]\p{Script=Han}{1,8})+/gu)) {
    const parts = m[0].split(/[·・•]/u);
    // The given name is glued to the words before it and the surname to those after (…部长鲁斯塔姆,
    // 阿济莫夫说): jieba cuts them off; name-like tokens (nr, nrt, x, transliteration) are kept.
    const nameish = (t: { word: string; tag: string }) => /^(nr|nrt|nrfg|x|nz)$/.test(t.tag) || isTransliterated(t.word);
    const headToks = getJieba().tag(parts[0], true);
    let k = headToks.length;
    while (k > 0 && nameish(headToks[k - 1])) k--;
    const first = headToks.slice(k).map((t) => t.word).join('');
    const tailToks = getJieba().tag(parts[parts.length - 1], true);
    let n = 0;
    while (n < tailToks.length && nameish(tailToks[n])) n++;
    let last = tailToks.slice(0, n).map((t) => t.word).join('');
    // The HMM glues a verb or a particle of one character to an unknown surname (史蒂芬·比根会/x 在访华期间): not the name's.
    if (n > 0 && tailToks[n - 1].tag === 'x' && tailToks[n - 1].word.length >= 3 && /[会说将在对是也都曾已则和与]$/u.test(last)) last = last.slice(0, -1);
    if (!first || !last) continue;
    const start = m.index! + parts[0].length - first.length;
    const end = m.index! + m[0].length - (parts[parts.length - 1].length - last.length);
    add('person', start, end, 3);
  }
}

function nameRolls(text: string, add: Add): void {
  // Names listed one after another with spaces between (a committee's roll: 李俊俋  鍾孔炤  林為洲):
  // three or more personal names in a row on one line are people.
  for (const m of text.matchAll(/[^\n]+/gu)) {
    const chunks = [...m[0].matchAll(/\p{Script=Han}+/gu)];
    const isName = (c: string) => isPersonalName(c) || isMarriedName(c) || (c.length === 4 && isPersonalName(c.slice(1)) && isPersonalName(c.slice(0, 1) + c.slice(2)));
    const run: RegExpMatchArray[] = [];
    const flush = () => { if (run.length >= 3) for (const c of run) add('person', m.index! + c.index!, m.index! + c.index! + c[0].length, 3); run.length = 0; };
    for (const c of chunks) {
      const gap = run.length ? m[0].slice(run[run.length - 1].index! + run[run.length - 1][0].length, c.index!) : '';
      if (isName(c[0]) && (!run.length || /^[\s\p{Script=Latin}.]+$/u.test(gap))) run.push(c);
      else { flush(); if (isName(c[0])) run.push(c); }
    }
    flush();
  }
}

/** Titles written between a surname and the given name (王委員育敏, 蘇院長嘉全, 蔡召集委員易餘: the Legislative Yuan's form of address). */
const INSIDE_TITLES = ['召集委员', '委员', '副院长', '院长', '部长', '主委', '秘书长', '署长', '局长', '次长', '议员'];

/**
 * Names with a title inside them: the person's entry is the name (王育敏), the written form its alias,
 * so its locators are the pages that print it. The given name must be no common word (李委員表示).
 */
function namesAroundTitles(original: string, text: string, found: Map<string, Candidate>): void {
  const re = new RegExp(`(\\p{Script=Han})(${INSIDE_TITLES.join('|')})(\\p{Script=Han}{2})`, 'gu');
  for (const m of text.matchAll(re)) {
    const [whole, surname, , given] = m;
    const key = surname + given;
    const common = dictEntry(given);
    // A given name the dictionary also holds as a name or a place (王院長金平, 毛院長治國: 金平/nr, 治国/ns) is still the
    // given name; a common word of another class is not (李委員表示).
    if (!isPersonalName(key) || (common && common.freq >= 30 && !/^n[rsz]/u.test(common.tag)) || FUNCTION_START.test(given) || BAD_END.test(given) || NOT_NAMES.has(given)) continue;
    // Not a title after a place or an organisation (立法院院长…): the surname stands after a boundary.
    if (/\p{Script=Han}/u.test(text[m.index! - 1] ?? '') && !/[：:]/u.test(text[m.index! - 1])) {
      const tok = tagged(text.slice(Math.max(0, m.index! - 4), m.index! + 1), 0);
      if (tok[tok.length - 1]?.word.length !== 1) continue;
    }
    const at = m.index!;
    const term = original[at] + original.slice(at + whole.length - 2, at + whole.length);
    const written = original.slice(at, at + whole.length);
    const c = found.get(term) ?? { term, kind: 'person' as const, aliases: [], count: 0, first: at, score: 3, key, source: 'namesAroundTitles' };
    c.score = Math.max(c.score, 3);
    if (!c.aliases.includes(written)) c.aliases.push(written);
    found.set(term, c);
  }
}

/** Organisations whose name ends in no organisation word (金砖国家, 上合组织), wherever the text writes them: the tagger cuts them (金砖|国家). */
/**
 * An institution written in full and then its Latin abbreviation in brackets (中央流行疫情指揮中心（CECC）):
 * the whole clause before the bracket, when it ends in an institution's word, is its name, however the
 * tagger cuts it (中央/n 流行/v 疫情/n 指挥/v 中心/n).
 */
function abbreviatedInstitutions(text: string, add: Add): void {
  for (const m of text.matchAll(/(?<=^|[，。、；：！？\s“”])(\p{Script=Han}{4,14})[（(][A-Z]{2,8}[）)]/gmu)) {
    const name = m[1];
    if (ORG_END.test(name) && !EVENT_END.test(name) && !FUNCTION_START.test(name) && !/[的了是在和与]/u.test(name)) add('organisation', m.index!, m.index! + name.length, 3);
  }
}

function knownOrganisations(text: string, add: Add): void {
  for (const org of KNOWN_ORGS) for (let at = text.indexOf(org); at >= 0; at = text.indexOf(org, at + org.length)) add('organisation', at, at + org.length, 2);
}

/** A job title ending: 处长, 委员, 秘书, 分析师, 编审, 技正, 主任 (the end of an official's title in a gazette's roll). */
const TITLE_END = /[长员书师审正任官席理监]$/u;
/** Where an official's title starts with the organisation: 科技部资讯处处长, 国家安全局第五处副处长, 行政院主计总处主计资讯处…
 * (a 总处 of a 院 is its own organisation: the Directorate-General of Budget). */
const OFFICE_ORG = /^(?:\p{Script=Han}{1,10}?)(?:委员会|部|院|局|署)(?:\p{Script=Han}{2,4}?总处)?/u;

/**
 * Lines of a roll of officials: a title, a gap (spaces or a colon) and a name at the line's end
 * (秘書  林志嘉, 資通安全處處長   簡宏偉, 專門委員：張智為): the name is a person, and the organisation
 * the title starts with (科技部資訊處處長 → 科技部) an organisation.
 */
function officialsLines(text: string, add: Add): void {
  const line = /^([^\n。，？！]{2,40}?)(?:[ \t\u3000]+|[ \t\u3000]*[:：][ \t\u3000]*)(\p{Script=Han}{2,4})(?:[（(][^）)\n]*[）)])?[ \t\u3000]*$/gmu;
  for (const m of text.matchAll(line)) {
    const [, title, name] = m;
    if (!TITLE_END.test(title.trim()) || !(isPersonalName(name) || isMarriedName(name)) || NOT_NAMES.has(name)) continue;
    const nameAt = m.index! + m[0].indexOf(name, title.length);
    add('person', nameAt, nameAt + name.length, 3);
    const office = OFFICE_ORG.exec(title.replace(/^[^\p{Script=Han}]+/u, ''));
    if (office && office[0].length >= 3) {
      const at = m.index! + title.indexOf(office[0]);
      add('organisation', at, at + office[0].length, 2);
    }
  }
}

/**
 * A record's venue line (地  點 本院紅樓302會議室): a numbered room is a place of the book, named as the line
 * writes it after the house's own word (本院, 本會); an unnumbered hall (本院議場: the chamber) is the
 * record's furniture, no entry.
 */
function venueLines(text: string, add: Add): void {
  for (const m of text.matchAll(/^地[ \t\u3000]*点[ \t\u3000:：]*(?:本院|本会)?(\p{Script=Han}{1,8}\d+\p{Script=Han}{1,4})[ \t\u3000]*$/gmu)) {
    const at = m.index! + m[0].indexOf(m[1]);
    add('place', at, at + m[1].length, 3);
  }
}

/**
 * Where job titles end in a sentence: the titles that come before a name (发言人, 行政长官) and any head's
 * title the tagger reads as one noun ending in 长 (室长, 会长, 董事长: 国家安保室长郑义溶, 海协会会长汪道涵).
 */
/** A head's title ending in 长 (部长, 院长, 县长, 秘书长, 董事长), not an adjective or verb that does (绵长 福祉, 增长, 漫长). */
const HEAD_TITLE = /(?:[部院局处科室市县省校所站厅司署会社行队团馆书员事组班镇乡村区州议船舰机首军旅师营连排]|委员|董事)长$/u;

function titleEnds(sentence: string, base: number, toks: Tagged): number[] {
  const ends = new Set(toks.map((t) => t.end));
  const out = new Set<number>();
  for (const title of TITLES_BEFORE) {
    for (let at = sentence.indexOf(title); at >= 0; at = sentence.indexOf(title, at + 1)) if (ends.has(base + at + title.length)) out.add(base + at + title.length);
  }
  for (const t of toks) if (t.tag === 'n' && t.word.length >= 2 && t.word.length <= 5 && HEAD_TITLE.test(t.word) && HAN.test(t.word)) out.add(t.end);
  return [...out];
}

function namesAfterTitles(text: string, sentence: string, base: number, toks: Tagged, add: Add): void {
  // A name after a job title: 发言人朱凤莲, 行政长官林郑月娥 (a Hong Kong name with both surnames).
  const ends = new Set(toks.map((t) => t.end));
  for (const from of titleEnds(sentence, base, toks)) {
    for (const n of isMarriedName(text.slice(from, from + 4)) ? [4, 3, 2] : [3, 2]) {
      const name = text.slice(from, from + n);
      const double = n === 4 && isMarriedName(name);
      const tagged = toks.find((t) => t.start === from && t.end === from + n && t.tag.startsWith('nr'));
      // …or three characters the HMM made one unknown word, then a verb or a mark (国侨办主任 裘援平/x 走到): a name
      // whose surname the reader's list lacks.
      const unknown = n === 3 && toks.some((t) => t.start === from && t.end === from + 3 && t.tag === 'x')
        && toks.some((t) => t.start === from + 3 && (/^v/.test(t.tag) || /^[，。、；：！？]$/u.test(t.word)));
      if (!ends.has(from + n) || !(isPersonalName(name) || double || tagged || unknown) || NOT_NAMES.has(name) || !HAN.test(name)) continue;
      if (FUNCTION_START.test(name) || givenAfterInsideTitle(text, from)) continue;
      // No name ends in a word the tagger reads as a preposition (蒋钊|向 农业部部长: 蒋钊).
      const preposition = (at: number) => toks.some((t) => t.start === at && t.end === at + 1 && t.tag === 'p');
      if (n === 3 && preposition(from + 2)) continue;
      const tok = toks.find((t) => t.start === from);
      if (n === 2 && !(tok && tok.end === from + 2 && tok.tag.startsWith('nr')) && !TITLES.some((x) => text.startsWith(x, from + n))
        && /^[\p{Script=Han}]/u.test(text.slice(from + n, from + n + 1)) && !/^[主回答表指说会]/u.test(text.slice(from + n, from + n + 1)) && !preposition(from + n)) continue;
      add('person', from, from + n, 3);
      break;
    }
  }
}

/**
 * Whether a name read after a title at `from` is the given name of a title written inside a name (王院長|金平,
 * 毛院長|治國: the surname stands right before the title): the whole name is namesAroundTitles', 金平 alone a fragment.
 */
function givenAfterInsideTitle(text: string, from: number): boolean {
  return INSIDE_TITLES.some((t) => text.startsWith(t, from - t.length) && from - t.length >= 1 && ALL_SURNAMES.includes(text[from - t.length - 1]));
}

/** Titles a foreign leader's or envoy's name follows (蒙古国总统呼日勒苏赫, 外长巴特策策格, 特使孙国祥). */
const FOREIGN_TITLES = new Set(['总统', '副总统', '总理', '副总理', '主席', '副主席', '外长', '外交部长', '部长', '国务卿', '首相', '国王', '女王', '大使', '特使', '议长', '总督', '总司令']);
/** What ends a name written after a title: punctuation, a conjunction, a preposition, a particle. */
const NAME_STOP = /^(?:[、，。；：！？\s（）()“”]|和|与|及|同|跟|的|在|等)$/u;

/**
 * A foreign name written after a title, up to the punctuation, conjunction or word that follows it
 * (总统呼日勒苏赫、总理奥云额尔登和…主席赞登沙特尔会见，…外长巴特策策格举行会谈; 副總統金達尼亞及…): the tagger
 * reads such a name as pieces it does not know (呼日勒/x 苏赫/x), names (沙特尔/nr) or places (瑞斯/ns), and a
 * transliteration character alone (金/nr 达/v 尼亚/ns). The pieces together are the name: at least one
 * piece the tagger made up or read as a name, two to seven characters, no place the gazetteer knows.
 */
function foreignNamesAfterTitles(text: string, toks: Tagged, add: Add): void {
  for (let i = 0; i < toks.length - 1; i++) {
    if (!FOREIGN_TITLES.has(toks[i].word) && toks[i].word !== '代表') continue;
    let j = i + 1;
    const piece = (t: Tok) => HAN.test(t.word) && !NAME_STOP.test(t.word) && !TITLES.includes(t.word)
      && (/^(x|nr|nrt|nrfg|ns|nz)$/.test(t.tag) || (t.word.length === 1 && TRANSLITERATION.has(t.word)));
    while (j < toks.length && j - i <= 4 && piece(toks[j]) && toks[j].start === toks[j - 1].end) j++;
    if (j === i + 1 || (j < toks.length && !NAME_STOP.test(toks[j].word) && !/^(v|vn|n|i|l|d|t|p|c|uj)$/.test(toks[j].tag))) continue;
    const run = toks.slice(i + 1, j);
    const from = run[0].start;
    const to = run[run.length - 1].end;
    const name = text.slice(from, to);
    if (name.length < 2 || name.length > 7 || !run.some((t) => /^(x|nr|nrt|nrfg)$/.test(t.tag)) || isChinesePlace(name) || NOT_NAMES.has(name)) continue;
    // A Chinese name after a title is namesAfterTitles' (发言人朱凤莲); three pieces or more of one character each are words, not a name.
    if (run.length === 1 && run[0].tag !== 'x' && !isTransliterated(name) && !isPersonalName(name)) continue;
    add('person', from, to, 3);
  }
}

/**
 * A list of places (鄰近國家如宏都拉斯、瓜地馬拉; 台湾、西藏、新疆、香港): a name in a list with a place the gazetteer
 * or the dictionary knows is a place too, when the tagger read it as a name or an unknown word (宏都拉斯/nz, Taiwan's spelling of Honduras).
 */
function placesInLists(text: string, toks: Tagged, add: Add): void {
  let i = 0;
  while (i < toks.length) {
    // Items: single words joined by 、 (the last one by 和, 及 or 与).
    const items: Tok[] = [toks[i]];
    let j = i + 1;
    while (j + 1 < toks.length && /^(、|和|及|与)$/u.test(toks[j].word) && toks[j].start === items[items.length - 1].end) { items.push(toks[j + 1]); j += 2; }
    i = items.length > 1 ? j : i + 1;
    const known = (t: Tok) => isChinesePlace(t.word) || (t.tag === 'ns' && dictEntry(t.word)?.tag === 'ns' && !notPlace(t.word));
    if (items.length < 2 || !items.some(known)) continue;
    for (const t of items) {
      if (known(t) || !HAN.test(t.word) || t.word.length < 2 || !/^(ns|nz|nrt|x)$/.test(t.tag) || GENERIC.has(t.word) || notPlace(t.word)) continue;
      add('place', t.start, t.end, 3);
    }
  }
}

/**
 * A foreign name written before a title, the pieces the tagger made of it joined (…和布拉/nrt 索昆/x 副首相兼外交大臣,
 * 向洪森/nr 首相): the pieces run back to a conjunction, a preposition or punctuation; at least one is a name
 * or a made-up word, and the whole is no place (美国总统).
 */
function foreignNamesBeforeTitles(text: string, toks: Tagged, add: Add): void {
  for (let k = 1; k < toks.length; k++) {
    if (!FOREIGN_TITLES.has(toks[k].word)) continue;
    let j = toks[k - 1].word === '副' ? k - 1 : k;
    const end = toks[j - 1]?.end;
    const piece = (t: Tok) => HAN.test(t.word) && !TITLES.includes(t.word) && (/^(x|nr|nrt|nrfg|nz)$/.test(t.tag) || (t.word.length === 1 && TRANSLITERATION.has(t.word)));
    // A Chinese full name (李克强/nr) is a name of its own: nothing before it is part of it (先请|李克强总理).
    const whole = (t: Tok) => t.word.length >= 3 && isPersonalName(t.word) && t.tag.startsWith('nr');
    while (j > 0 && k - j < 4 && piece(toks[j - 1]) && (j === k || (toks[j - 1].end === toks[j].start && !whole(toks[j])))) j--;
    const before = toks[j - 1];
    if (end === undefined || j >= k || (toks[k - 1].word === '副' && j === k - 1)) continue;
    if (before && !(NAME_STOP.test(before.word) || /^(p|c)$/.test(before.tag))) continue;
    const run = toks.slice(j, toks[k - 1].word === '副' ? k - 1 : k);
    const name = text.slice(run[0].start, end);
    // One piece: a name the tagger knows (洪森/nr); more: one of them made up or foreign (布拉/nrt 索昆/x).
    const sure = run.length === 1 ? /^(nr|nrt|nrfg)$/.test(run[0].tag) && name.length >= 2 : name.length >= 3 && run.some((t) => /^(x|nrt)$/.test(t.tag));
    // An institution before its head's title (宣传部|部长) is no foreign name.
    if (!sure || name.length > 7 || isChinesePlace(name) || NOT_NAMES.has(name) || ORG_END.test(name)) continue;
    add('person', run[0].start, end, 3);
  }
}

function namesBeforeTitles(text: string, sentence: string, base: number, toks: Tagged, add: Add): void {
  // A name before a job title: 何启明议员 (jieba reads 何 as a pronoun), 文在寅总统.
  const starts = new Set(toks.map((t) => t.start));
  for (const title of TITLES) {
    for (let at = sentence.indexOf(title); at >= 0; at = sentence.indexOf(title, at + 1)) {
      const to = base + at;
      if (!starts.has(to)) continue;
      for (const n of [4, 3, 2]) {
        const name = text.slice(to - n, to);
        // …nor the first words of a longer title (常务副|省长).
        if (to - n < base || !HAN.test(name) || FUNCTION_START.test(name) || NOT_NAMES.has(name) || /副$|^常务/u.test(name)) continue;
        // Two characters: a transliteration after a word boundary or a conjunction (和普京总统, 同拜登总统).
        const before = text[to - n - 1] ?? '';
        if (n === 2 ? !(isTransliterated(name) && /^$|[和与同及、，。：；\s]/u.test(before) && !isChinesePlace(name)) : !starts.has(to - n)) continue;
        // A name does not start with a word the tagger reads as a preposition, conjunction, adverb or pronoun
        // (关于|董|部长: about Minister Dong; the surname alone with the title is a short form, no full name).
        if (toks.some((t) => t.start === to - n && t.word.length >= 2 && /^(p|c|d|r|u)/.test(t.tag))) continue;
        // Three characters: a personal name, a transliteration, or a surname the tagger knows though it is rare (栗/nr 战书 委员长).
        const rareSurname = n === 3 && toks.some((t) => t.start === to - 3 && t.word.length === 1 && t.tag === 'nr');
        if (n !== 2 && !(n === 3 ? isPersonalName(name) || isTransliterated(name) || rareSurname : isMarriedName(name))) continue;
        add('person', to - n, to, 3);
        break;
      }
    }
  }
}

/** Titles a person's name is written before, as a teacher's, a firm's head's or a publisher's (黄华老师, 杨耕总经理, 所广一社长). */
const TITLE_AFTER_NAME = new Set(['老师', '总经理', '社长', '校长', '院长', '董事长', '总裁', '教授', '主任', '馆长', '会长', '理事长', '总编辑', '医师', '厂长']);

/**
 * A name the tagger does not know (an HMM word, x) right before such a title: two characters with a surname
 * first, or three (所广一, whose surname is rare) — 的黄华老师, 教育科学出版社所广一社长.
 */
function unknownNamesBeforeTitles(toks: Tagged, add: Add): void {
  for (let k = 1; k < toks.length; k++) {
    const name = toks[k - 1];
    // Not a surname and the first character of a title the tagger cut (洪副|院長秀柱: 副 starts 副院長).
    if (!TITLE_AFTER_NAME.has(toks[k].word) || name.tag !== 'x' || name.end !== toks[k].start || !HAN.test(name.word) || /副$/u.test(name.word)) continue;
    if (name.word.length === 3 || (name.word.length === 2 && isPersonalName(name.word))) add('person', name.start, name.end, 3);
  }
}

/** The candidate a token starts; returns how many tokens after it it used up. */
function tokenCandidate(text: string, toks: Tagged, i: number, add: Add): number {
  const t = toks[i];
  const next = toks[i + 1];
  const prev = toks[i - 1];
  if (!HAN.test(t.word)) return 0;
  const glued = gluedToTitle(text, toks, i, add);
  if (glued >= 0) return glued;
  // A transliterated name the tagger cut short: 卡米洛 + 夫同 → 卡米洛夫.
  let end = t.end;
  if (next && (t.tag === 'nr' || t.tag === 'nrt' || t.tag === 'x') && isTransliterated(t.word) && t.word.length >= 2 && HAN.test(next.word)
    && TRANSLITERATION_ENDS.has(next.word[0]) && (next.word.length === 1 || !TRANSLITERATION.has(next.word[1]) || next.tag === 'x')) end = t.end + 1;
  if (text[t.start - 1] === '·' || text[end] === '·') return 0; // part of a dotted name, handled above
  // …and cut its first syllable off (泽|连斯基, 同泽|连斯基 after a preposition): 泽连斯基.
  let from = t.start;
  if (prev && prev.end === t.start && (t.tag === 'nr' || t.tag === 'nrt') && isTransliterated(t.word) && t.word.length >= 2 && TRANSLITERATION.has(prev.word[prev.word.length - 1])
    && (prev.word.length === 1 ? /^(nr|x)$/.test(prev.tag) : prev.word.length === 2 && prev.tag === 'x' && FUNCTION_START.test(prev.word))) from = prev.end - 1;
  if (from < t.start && (t.tag === 'nr' || t.tag === 'nrt')) { add('person', from, end, TITLES.some((x) => text.startsWith(x, end)) ? 3 : 2); return 0; }
  const word = text.slice(t.start, end);
  const titled = next && TITLES.includes(text.slice(end, end + (next.end - next.start))) || TITLES.some((x) => text.startsWith(x, end));
  // jieba's dictionary knows many leaders by name (习近平 nr): three characters tagged nr are a name, unless
  // they end in a word general Chinese uses all the time (这|段时间/nr: 时间); four (安倍晋三 nr) when the
  // dictionary holds them as a name and they end in no institution's word (靖国神社 nr).
  if ((t.tag === 'nr' || t.tag === 'nrfg') && word.length === 3 && end === t.end && !isTransliterated(word) && !NOT_NAMES.has(word)
    && !commonTail(word)) { add('person', t.start, end, titled ? 3 : 2); return 0; }
  if (t.tag === 'nr' && word.length === 4 && end === t.end && dictEntry(word)?.tag === 'nr' && prev && prev.end === t.start && afterTitle(prev.word)) { add('person', t.start, end, 3); return 0; }
  // A two-character name the HMM made (陈菊/x 担任, 林全/x 今天): a common surname, then a verb or a day; not an
  // institution's short form (蓝厅/x 的, 乌军/x), nor two common surnames, nor the two sides of a meeting (汪辜/x 会谈).
  if (t.tag === 'x' && word.length === 2 && end === t.end && COMMON_SURNAME.has(word[0]) && !/[厅军方部队局处院会党团]$/u.test(word) && !COMMON_SURNAME.has(word[1])
    && next && next.start === t.end && (/^v/.test(next.tag) || (next.tag === 't' && /^[今昨明]天$/u.test(next.word))) && !/^(会谈|会晤|会面)$/u.test(next.word) && (!prev || prev.end < t.start || /^(p|v|x|c)$/.test(prev.tag)) && !NOT_NAMES.has(word)) { add('person', t.start, end, 2); return 0; }
  if ((t.tag === 'nr' || t.tag === 'x' || t.tag === 'nrfg') && isPersonalName(word)) {
    // A Chinese name: jieba tags it nr, or leaves an unknown one to its HMM (x); a title after it
    // (王毅外长) or a name of three characters makes it sure.
    if (t.tag === 'nr' && word.length === 2 && !titled) { /* 2-character nr alone is often a word (仁爱) */ }
    // A surname and a given name of two characters that the HMM made one word (李文亮/x, 孙国祥/x): a name.
    else if (t.tag === 'nr' || titled || (t.tag === 'x' && word.length === 3 && end === t.end && !CREDIT_VERB.test(word))) { add('person', t.start, end, titled ? 3 : 2); return 0; }
  }
  if ((t.tag === 'nrt' || t.tag === 'nr' || t.tag === 'x') && isTransliterated(word) && (word.length >= 3 || titled) && !isPersonalName(word)) {
    // A transliterated name: after a country it is a place (美国纽约, 菲律宾马尼拉), else a person.
    if (prev && prev.tag === 'ns' && prev.end === t.start) add('place', t.start, end, 2, prev.word);
    else if (titled || t.tag !== 'x' || isChinesePlace(word)) add('person', t.start, end, titled ? 3 : 2);
    return 0;
  }
  return tokenPlaceOrOrganisation(text, toks, i, add);
}

/** A word that ends in a leader's title (日本首相, 总统, 高级代表): a dictionary name of four characters after it is the leader's (安倍晋三 nr; not 今天下午 nr). */
const afterTitle = (w: string): boolean => [...FOREIGN_TITLES, '代表', '主席', '总书记'].some((x) => w.endsWith(x));

/** The most common surnames of the mainland, Taiwan and Hong Kong (lang/names.ts): a two-character word the HMM made that starts with one may be a name. */
const COMMON_SURNAME = new Set(COMMON_SURNAMES_WIDE);
/** 新 and a common noun the dictionary knows well (新内阁/ns, 新政府): a phrase, though the tagger reads a place; 新德里, 新西兰 are places (ns after 新). */
const newCommonNoun = (w: string): boolean => w.length === 3 && w[0] === '新' && dictEntry(w.slice(1))?.tag === 'n' && (dictEntry(w.slice(1))?.freq ?? 0) >= 1000;
/** The verb of a photo credit the HMM glues to the photographer's name (中国网 宗超摄/x): no name ends in it. */
const CREDIT_VERB = /摄$/u;
/** Titles jieba glues to the country before them (日本首相/n, 英国首相/nz). */
const COUNTRY_TITLE = /^(\p{Script=Han}{2,5}?)(首相|总统|总理|外长|国王|女王|国务卿|外交部长|防长|议长)$/u;
/** Titles of a county's or a city's head that jieba glues to the name before them (徐榛/x 蔚县/ns 长). */
const LOCAL_HEAD = /^(县长|市长)$/u;

/**
 * A name or a place glued to a title (tokenCandidate's first rule); returns the tokens used up after it, or
 * -1 when none is: a country and a leader's title read as one word (日本首相/n: 日本, a place); a place and
 * its head's title (金门/n 县长/n: 金门县); a three-character name whose last character the tagger read with
 * the title as a county (徐榛/x 蔚县/ns 长/a: 徐榛蔚, the county head), not a county.
 */
function gluedToTitle(text: string, toks: Tagged, i: number, add: Add): number {
  const t = toks[i];
  const next = toks[i + 1];
  const country = /^(n|nz|nt)$/.test(t.tag) ? COUNTRY_TITLE.exec(t.word) : null;
  if (country && isChinesePlace(country[1])) { add('place', t.start, t.start + country[1].length, 3); return 0; }
  if (next && next.start === t.end && LOCAL_HEAD.test(next.word) && (/^(n|ns|nz)$/.test(t.tag) || (t.tag === 'x' && !isPersonalName(t.word))) && t.word.length >= 2 && t.word.length <= 3
    && !GENERIC.has(t.word)) { add('place', t.start, t.end + 1, 3); return 1; }
  const after = toks[i + 2];
  if (/^(x|nr)$/.test(t.tag) && next && after && next.start === t.end && after.start === next.end && next.tag === 'ns' && next.word.length === 2
    && /[县市]$/u.test(next.word) && after.word === '长' && isPersonalName(t.word + next.word[0])) { add('person', t.start, next.start + 1, 3); return 2; }
  return -1;
}

/** Places, their sub-entries and organisations a token starts (tokenCandidate's second half). */
function tokenPlaceOrOrganisation(text: string, toks: Tagged, i: number, add: Add): number {
  const t = toks[i];
  const next = toks[i + 1];
  const prev = toks[i - 1];
  if (next && PLACE_END.test(next.word) && /^(nr|ns|nz|n|x)$/.test(t.tag) && t.word.length >= 2 && !GENERIC.has(t.word)) {
    // 仁爱 + 礁 → 仁爱礁, under the sea or country written right before it (南海仁爱礁).
    add('place', t.start, next.end, 2, prev && prev.tag === 'ns' && prev.end === t.start ? prev.word : undefined);
    return 1;
  }
  if (t.tag === 'nrt' && prev && prev.tag === 'ns' && prev.end === t.start) { add('place', t.start, t.end, 2, prev.word); return 0; }
  // 中国 + 大陆: the mainland, one place (中國大陸國台辦, 中國大陸國務院台灣事務辦公室), not China and a generic word.
  if (t.word === '中国' && next?.word === '大陆' && next.start === t.end) { add('place', t.start, next.end, 3); return 1; }
  // A building the tagger reads with its city as one body (北京人民大会堂/nt): the city, and the building under it.
  const building = t.tag === 'nt' ? /^(\p{Script=Han}{2,3}?)(\p{Script=Han}{2,6}(?:大会堂|宾馆|国宾馆|饭店|体育馆|展览馆|广场|大厦))$/u.exec(t.word) : null;
  if (building && (isChinesePlace(building[1]) || dictEntry(building[1])?.tag === 'ns')) { add('place', t.start, t.start + building[1].length, 2); add('place', t.start + building[1].length, t.end, 3, building[1]); return 0; }
  // A place word (s) right after a country (越南/ns 河内/s): a city of it.
  if (t.tag === 's' && t.word.length >= 2 && prev && prev.tag === 'ns' && prev.end === t.start && isChinesePlace(prev.word)) { add('place', t.start, t.end, 3, prev.word); return 0; }
  // A county the dictionary holds rarely and as another word (台湾/ns 彰化/v 联华/nz): right after its
  // region and before a noun, a two-character word general Chinese hardly uses is the place's name.
  if (t.word.length === 2 && /^(v|a|vn|n)$/.test(t.tag) && prev && prev.end === t.start && prev.word.length >= 2 && isChinesePlace(prev.word)
    && next && next.start === t.end && /^(n|nz|ns|nt|x)$/.test(next.tag) && (dictEntry(t.word)?.freq ?? 0) < 50 && !GENERIC.has(t.word)) { add('place', t.start, t.end, 3, prev.word); return 0; }
  // Two places the tagger wrote as one (广西南宁/ns, 美国纽约/nz): the region and, nested under it, the city.
  const pair = placePair(t);
  if (pair) { add('place', t.start, t.start + pair, 2); add('place', t.start + pair, t.end, 2, text.slice(t.start, t.start + pair)); return 0; }
  if (t.tag === 'ns') {
    // A long "place" that ends in no place word and is no transliteration is a phrase (庆祝国庆); so is 新内阁.
    // A number of places (三国, 两地, 四方) is none; a place named with a numeral's character (四川, 三亚, 十堰) is one.
    if (t.word.length < 2 || /^[一二三四五六七八九十两几][国地方岸边省市区县洲]$/u.test(t.word) || newCommonNoun(t.word) || afterAmount(prev, t)) return 0;
    // A ship named after a place (山东舰): the ship, a subject, not the province.
    if (next && next.start === t.end && next.word === '舰') { add('subject', t.start, next.end, 2.5); return 1; }
    if (t.word.length >= 4 && /^v/.test(getJieba().tag(t.word.slice(0, 2), false)[0]?.tag ?? '') && getJieba().tag(t.word.slice(0, 2), false).length === 1) return 0;
    // A place right after another (印度新德里, 美国纽约) is a sub-entry of it.
    add('place', t.start, t.end, 2, prev && prev.tag === 'ns' && prev.end === t.start && prev.word.length >= 2 && !isChinesePlace(t.word) ? prev.word : undefined);
    return 0;
  }
  if (taggedOrganisation(text, toks, i, add)) return 0;
  if (commonNounInstitution(toks, i, add)) return 1;
  // A country's army by its one-character short form (俄军/j, 乌军/x the HMM made): an organisation.
  if (t.word.length === 2 && t.word[1] === '军' && COUNTRY_CHAR.test(t.word[0]) && /^(x|n|nz)$/.test(t.tag)) { add('organisation', t.start, t.end, 2); return 0; }
  // A committee named by its remit, two fields joined by 及/和/与 (司法及法制委员会, 程序委员会).
  if (t.word === '委员会' && t.tag === 'n') {
    const from = committeeStart(toks, i);
    if (from < t.start) add('organisation', from, t.end, 2);
  }
  // An institution jieba's dictionary holds as a set phrase (立法院/l): its name ends in an institution's word.
  if (t.tag === 'l' && t.word.length >= 3 && t.word.length <= 6 && /(院|部|局|署|委员会|办公室)$/u.test(t.word) && !FUNCTION_START.test(t.word)) { add('organisation', t.start, t.end, 2); return 0; }
  // 上合 + 组织 (jieba reads 组织 as a verb here): an abbreviated name and an organisation word, with 国际 before it (国际 + 民航 + 组织).
  if (next && /^(x|j|nz)$/.test(t.tag) && t.word.length >= 2 && t.word.length <= 4 && /^(组织|联盟|集团)$/.test(next.word) && next.start === t.end) {
    add('organisation', prev && prev.word === '国际' && prev.end === t.start ? prev.start : t.start, next.end, 2);
    return 1;
  }
  namedInFull(text, toks, i, add);
  municipalBody(toks, i, add);
  // A city the tagger reads as a common noun right after its province (河北省/ns 保定市/n): a place under it.
  if (t.tag === 'n' && /^\p{Script=Han}{2,3}[市县]$/u.test(t.word) && prev && prev.end === t.start && PLACE_TOKEN(prev)) add('place', t.start, t.end, 2, prev.word);
  headedInstitution(toks, i, add);
  institutionBeforeItsHead(toks, i, add);
  return 0;
}

/** A token a body's full name may hold before its last word: a noun, a name, an ordinal (第一, 第三批), 附属, an unknown word (援鄂, 新冠). */
const IN_NAME = (x: Tok): boolean => HAN.test(x.word) && (/^(ns|nt|nz|n|vn|j)$/.test(x.tag) || (x.tag === 'x' && x.word.length >= 2 && !isPersonalName(x.word))
  || (x.tag === 'm' && /^第[\d一二三四五六七八九十百]+[次批届]?$/u.test(x.word)) || (x.tag === 'b' && x.word === '附属'));
/** A place a body's name may start with: tagged so, known, or a division written out (玉树县/nr, 保定市/n). */
/**
 * No place follows an amount of money or an index's points: 70万亿元人民币大关, 3000点大关 is the milestone
 * (大关), not the county the dictionary tags. (A year, 2022年北京, is no amount and keeps its place.)
 */
function afterAmount(prev: Tok | undefined, t: Tok): boolean {
  return !!prev && prev.end === t.start && (/[元币]$/u.test(prev.word) || (prev.tag === 'm' && /点$/u.test(prev.word)));
}

const PLACE_TOKEN = (x: Tok): boolean => x.tag === 'ns' || isChinesePlace(x.word) || (x.word.length >= 3 && /^(nr|n|ns|x)$/.test(x.tag) && /[省市县]$/u.test(x.word));

/**
 * An organisation named in full: a run of nouns ending in an organisation word, starting at a name
 * (国务院 + 台湾 + 事务 + 办公室, 中国 + 台湾 + 网), through ordinals and unknown words (上海市 + 第三批 + 援鄂 +
 * 医疗队, 中国共产党 + 第二十次 + 全国代表大会 + 新闻 + 中心, 上海交通大学 + 医学院 + 附属 + 仁济 + 医院). Of places
 * written one after another, the last begins the name (河北省 + 平山县 + 王坡 + 乡 + 第二 + 小学: 平山县王坡乡第二小学).
 */
function namedInFull(text: string, toks: Tagged, i: number, add: Add): void {
  const t = toks[i];
  if (!/^n[st]?$|^nz$|^vn$/.test(t.tag) || !ORG_END.test(t.word) || NOT_ORG_HEAD.test(t.word)) return;
  let j = i;
  const known = (x: Tok) => /^(ns|nt|nz|j)$/.test(x.tag) || (x.tag === 'nrt' && isChinesePlace(x.word)) || PLACE_TOKEN(x);
  // An event's or a term's count (第一次 of 新内阁第一次院会, 第十届 of 第十届理事会年会) is in a name only before a body's
  // name (第二十次 + 全国代表大会/nt).
  const counted = (k: number) => /[次届]$/u.test(toks[k].word) && toks[k].tag === 'm' && toks[k + 1]?.tag !== 'nt';
  // A township's name the tagger leaves unknown (王坡/x 乡) is in it too.
  const inName = (k: number) => IN_NAME(toks[k]) || (toks[k].tag === 'x' && /^[乡镇村]$/u.test(toks[k + 1]?.word ?? ''));
  while (j > 0 && i - j < 6 && (inName(j - 1) || known(toks[j - 1])) && !counted(j - 1) && toks[j - 1].end === toks[j].start) j--;
  while (j < i && !known(toks[j])) j++;
  // 美国 + 纽约 + 经济俱乐部: the club is 纽约经济俱乐部; the country or region before the city is not part of it (two countries are: 台湾 日本 关系 协会).
  while (j + 1 < i && PLACE_TOKEN(toks[j]) && PLACE_TOKEN(toks[j + 1]) && !isCountry(toks[j + 1].word)) j++;
  if (j < i && !EVENT_END.test(text.slice(toks[j].start, t.end))) add('organisation', missionStart(text, toks, i, toks[j].start), t.end, 2);
}

/**
 * Words that end like an organisation (会) and are none: society, chance, banquet (香港 + 社会 is no body), and a
 * modal verb the HMM glued to what comes before it (我亦会/x 邀请: I will also invite).
 */
const NOT_ORG_HEAD = /(?:社会|机会|宴会|晚会|聚会|集会|误会|体会|约会|[亦也将都就还才不只又仍]会)$/u;
/** A day or time word the HMM glues to a name after it (今早/x 政务司): no part of an institution's name. */
const TIME_WORD = /^(?:今早|今晨|今日|今天|昨日|昨天|昨晚|今晚|明日|明天|日前|近日|早前|当日|同日)$/u;

/** A country's name (日本, 美国), not a province or a city. */
const isCountry = (w: string): boolean => isChinesePlace(w) && !/[省市县区州]$/u.test(w) && !REGION_LIKE.has(w);
const REGION_LIKE = new Set(['香港', '澳门', '台湾', '西藏', '新疆', '内蒙古', '广西', '宁夏']);

/**
 * A city's or province's body named by its level (市 + 交通委, 市 + 民政局; 市卫健委 the tagger's unknown word): the
 * name the text writes, with 市; the body without it is no entry of its own (交通委 of every city).
 */
function municipalBody(toks: Tagged, i: number, add: Add): void {
  const t = toks[i];
  const next = toks[i + 1];
  if (/^[市省县区]$/u.test(t.word) && next && next.start === t.end && next.word.length >= 2 && next.word.length <= 5
    && (next.tag === 'nt' || (/^(x|j|n)$/.test(next.tag) && /[委局办厅署]$/u.test(next.word)))) add('organisation', t.start, next.end, 2);
  if (t.tag === 'x' && /^[市省县区]\p{Script=Han}{1,3}[委局办厅]$/u.test(t.word)) add('organisation', t.start, t.end, 2);
}

/** Stems of 院 and 府 that name a government's institution (行政院, 国务院, 总统府), not a building's use (医院, 电影院). */
const YUAN_STEM = /^(行政|立法|司法|考试|监察|国务|参议|众议|科学|工程|研究|检察)$/u;
const FU_STEM = /^(总统|首相|市政|县政|省政|州政)$/u;

/**
 * A ministry or an office the dictionary holds as a common noun (教育部/n, 总统府/n, 行政院/n): a real word of
 * two characters, no place or direction (东北部), and 部, or 院 and 府 after a government's stem; and an
 * agency the tagger cut from its last character (营建/v 署/ng、): the two are its name. Returns whether the
 * next token was used up (the cut one).
 */
function commonNounInstitution(toks: Tagged, i: number, add: Add): boolean {
  const t = toks[i];
  const next = toks[i + 1];
  const stem = t.word.slice(0, 2);
  const real = (w: string) => { const e = dictEntry(w); return !!e && e.tag !== 'ns' && !isChinesePlace(w) && !/[东西南北中]$/u.test(w); };
  if (t.tag === 'n' && /^\p{Script=Han}{2}[部院府]$/u.test(t.word) && real(stem)
    && (t.word.endsWith('部') || (t.word.endsWith('院') ? YUAN_STEM : FU_STEM).test(stem))) { add('organisation', t.start, t.end, 2); return false; }
  const after = toks[i + 2];
  if (next && /^(v|vn|n)$/.test(t.tag) && t.word.length === 2 && HAN.test(t.word) && next.start === t.end && /^[署局]$/u.test(next.word) && next.tag === 'ng'
    && (!after || /^[、，。；和及与]$/u.test(after.word))) { add('organisation', t.start, next.end, 2); return true; }
  return false;
}

/** An institution's last word glued to its head's title (协会会长/n, 处处长/v): the institution, then the head (协会|会长). */
const GLUED_HEAD = /^(\p{Script=Han}*?([会处局部院署司所厅室科]))\2长$/u;

/**
 * An institution whose head the text names right after it, where jieba reads the institution's last word
 * and the title as one word (海/n 协会会长/n, 资通/x 安全/an 处处长/v) and the name before it as pieces:
 * the pieces (one or two nouns or unknown words, no generic word) and the institution word are its name.
 */
function institutionBeforeItsHead(toks: Tagged, i: number, add: Add): void {
  const t = toks[i];
  const m = GLUED_HEAD.exec(t.word);
  if (!m) return;
  let j = i;
  const piece = (p: Tok) => HAN.test(p.word) && /^(n|x|an|nz|ns|nt|j|vn)$/.test(p.tag) && !TITLES.includes(p.word) && !TITLES_BEFORE.includes(p.word) && !FUNCTION_START.test(p.word);
  while (j > 0 && i - j < 2 && toks[j - 1].end === toks[j].start && piece(toks[j - 1])) j--;
  // A generic word may be inside the name (资通 安全 处), never its first word (安全 处 alone names nothing).
  while (j < i && GENERIC.has(toks[j].word)) j++;
  if (j < i) add('organisation', toks[j].start, t.start + m[1].length, 2);
}

/** A head's title written after the institution it heads (亞東太平洋司 副司長, 公眾外交協調會 執行長, 国侨办 主任). */
const HEAD_AFTER = /^(?:副|代理)?(?:\p{Script=Han}{0,2}长|主任|主委|主任委员|执行长|负责人)$/u;
/** Tags of the words an institution's name is made of (places, nouns, names the tagger reads as people: 司/nr). */
const NAME_PIECE = /^(ns|nt|nz|n|vn|j|x|nr)$/;

/**
 * An institution written whole right before its head's title, where the tagger cut its name into pieces
 * (亚东/ns 太平洋/ns 司/nr 副司长, 台湾/ns 日本/ns 关系/n 协会/n 秘书长, 公众/n 外交/n 协调会/n 执行长): the
 * longest run of name pieces that ends in an institution's word is its name, not a tail of it (太平洋,
 * 日本关系协会). Not when a conjunction comes before the run (市场与|信息化司: the run is the tail of a
 * name joined by 与, which the tagger cannot bound), nor for one piece (found by the other finders).
 */
function institutionsBeforeTitles(text: string, toks: Tagged, add: Add): void {
  for (let i = 1; i < toks.length; i++) {
    const title = toks[i];
    if (!HEAD_AFTER.test(title.word) || !HAN.test(title.word) || !ORG_END.test(toks[i - 1].word) || toks[i - 1].end !== title.start) continue;
    let j = i - 1;
    while (j > 0 && i - j < 5 && toks[j - 1].end === toks[j].start && HAN.test(toks[j - 1].word) && NAME_PIECE.test(toks[j - 1].tag)
      && !TITLES.includes(toks[j - 1].word) && !TITLES_BEFORE.includes(toks[j - 1].word) && !HEAD_AFTER.test(toks[j - 1].word)) j--;
    while (j < i - 1 && (GENERIC.has(toks[j].word) || FUNCTION_START.test(toks[j].word) || TIME_WORD.test(toks[j].word))) j++;
    const before = toks[j - 1];
    if (j >= i - 1 || (before && before.end === toks[j].start && /^[与和及暨、]$/u.test(before.word))) continue;
    const name = text.slice(toks[j].start, title.start);
    if (name.length >= 4 && !EVENT_END.test(name)) add('organisation', toks[j].start, title.start, 2);
  }
}

/**
 * Where a place token the tagger made of two places splits (广西|南宁, 美国|纽约): both halves places the
 * gazetteer or jieba's dictionary knows (ns); 0 when it is one name (耶路撒冷, 东耶路撒冷: 东 is no place).
 */
function placePair(t: Tok): number {
  if (!/^(ns|nz)$/.test(t.tag) || !HAN.test(t.word) || t.word.length < 4 || t.word.length > 6) return 0;
  const known = (w: string) => isChinesePlace(w) || (dictEntry(w)?.tag === 'ns' && !notPlace(w) && !GENERIC.has(w));
  for (let k = 2; k <= t.word.length - 2; k++) if (known(t.word.slice(0, k)) && known(t.word.slice(k))) return k;
  return 0;
}

/** A mission abroad is named with 驻 (驻美国使馆, 驻巴基斯坦使馆): where its name starts, 驻 included when written before it. */
function missionStart(text: string, toks: Tagged, i: number, from: number): number {
  if (!/(使馆|领事馆|代表处|办事处)$/u.test(toks[i].word) || text[from - 1] !== '驻') return from;
  // …and the country that sends it, written before 驻 (中国驻巴拿马大使馆).
  const sender = toks.find((t) => t.end === from - 1 && t.tag === 'ns' && isChinesePlace(t.word));
  return sender ? sender.start : from - 1;
}

/** One-character short forms of countries (中美, 俄乌, 以军). */
const COUNTRY_CHAR = /^[美俄日韩朝英法德印巴越泰菲缅蒙乌土伊以沙埃]$/u;

/** The title of an institution's head is its last character and 长 (行政院 → 院长, 教育部 → 部长, 消防局 → 局长). */
const HEAD_OF = /([院部局署])$/u;

/**
 * An institution the dictionary holds as a common noun (行政院/n, 教育部/n) is named as one where the text
 * writes its head after it, with or without a surname (行政院張院長, 教育部部长), or joins it to another
 * institution of the same kind (立法院跟行政院: 立法院/l, a set phrase, is found already).
 */
function headedInstitution(toks: Tagged, i: number, add: Add): void {
  const t = toks[i];
  const m = HEAD_OF.exec(t.word);
  if (t.tag !== 'n' || !m || t.word.length < 3 || !HAN.test(t.word)) return;
  const title = `${m[1]}长`;
  const next = toks[i + 1];
  const after = next && next.word.length === 1 && /^(nr|q|x)$/.test(next.tag) ? toks[i + 2] : next;
  const headed = after?.word === title || after?.word === `副${title}`;
  const prev = toks[i - 1];
  const before = toks[i - 2];
  const joined = prev && /^(跟|和|与|及|、)$/u.test(prev.word) && before && /^(nt|l|j)$/.test(before.tag) && before.word.endsWith(m[1]) && before.word.length >= 3;
  if (headed || joined) add('organisation', t.start, t.end, 2);
}

/** An organisation the tagger tags as one (nt), abbreviates (j) or makes up (x) with an organisation's ending; whether it was one. */
function taggedOrganisation(text: string, toks: Tagged, i: number, add: Add): boolean {
  const t = toks[i];
  const prev = toks[i - 1];
  // jieba's j (abbreviations) holds verbs too (深化, 研发): an abbreviation counts when it ends like an
  // organisation (东盟, 国台办, 全国台联, a bank's 亚投行) or is rare in the dictionary (联大, 96: a name's short form).
  // A proper noun (nz) named like an outlet (人民日报, 经济日报) is the paper's, the agency's or the site's name.
  if (t.tag === 'nt' || (t.tag === 'nz' && t.word.length >= 3 && isOutletName(t.word)) || (t.tag === 'j' && (/[盟联办委会局部院署社党军约行协]$/u.test(t.word) || rareAbbreviation(t.word))) || (t.tag === 'x' && ORG_END.test(t.word) && t.word.length >= 3 && !FUNCTION_START.test(t.word) && !NOT_ORG_HEAD.test(t.word))) {
    if (EVENT_END.test(t.word)) return true;
    // 中共 + 中央政治局, 国防部 + 新闻局: one organisation; a title at the end (…常委) is not part of it.
    let from = t.start;
    // …and an office's abbreviation after its parent's name (中共湖南省委 + 台办, 湖南省政府 + 台办).
    if (prev && prev.end === t.start && /^(nt|j)$/.test(prev.tag) && prev.word.length >= 2 && (t.tag === 'nt' || (t.tag === 'j' && prev.tag === 'nt'))) from = prev.start;
    // …and a committee after its chamber, the chamber after its parliament (美国会/nt 众院/n 外委会/nt: the House's committee).
    else if (prev && prev.end === t.start && prev.tag === 'n' && /^\p{Script=Han}{1,2}院$/u.test(prev.word) && toks[i - 2]?.end === prev.start && toks[i - 2].tag === 'nt' && t.tag === 'nt') from = toks[i - 2].start;
    // …and a foreign country's ministry or mission after its name (巴拿马/ns 外交部/nt, 巴/ns 驻华使馆/nt): the country's.
    if (prev && prev.end === t.start && prev.tag === 'ns' && prev.word !== '中国' && (isChinesePlace(prev.word) || COUNTRY_CHAR.test(prev.word)) && t.tag === 'nt' && /(部|使馆|领事馆)$/u.test(t.word)) from = prev.start;
    from = missionStart(text, toks, i, from);
    let to = t.end;
    const title = TITLES.find((x) => t.word.endsWith(x) && t.word.length > x.length + 1) ?? ['常委', '委员'].find((x) => t.word.endsWith(x));
    if (title) to -= title.length;
    add('organisation', from, to, 2);
    return true;
  }
  return false;
}

/** A dictionary abbreviation (j) of two characters or more that general Chinese uses rarely (联大 96; not 深化 1425, 研发 1976). */
const rareAbbreviation = (word: string): boolean => word.length >= 2 && HAN.test(word) && (dictEntry(word)?.freq ?? 0) < 500;

/**
 * Where a committee's name before 委员会 starts: nouns right before it, two of them joined by 及, 和 or
 * 与 at most (司法 及 法制 委员会, 社会福利 及 卫生 环境 委员会); `toks[i].start` when there are none.
 */
function committeeStart(toks: Tagged, i: number): number {
  let j = i;
  let joins = 0;
  const noun = (t: Tok) => /^(n|nz|vn|ns|an)$/.test(t.tag) && HAN.test(t.word) && t.word.length >= 2 && !/^[本该各此]|^全体$/u.test(t.word) && !TITLES.includes(t.word);
  while (j > 0 && i - j < 5 && toks[j - 1].end === toks[j].start) {
    const p = toks[j - 1];
    if (noun(p)) { j--; continue; }
    if (/^(及|和|与)$/u.test(p.word) && joins === 0 && j - 2 >= 0 && noun(toks[j - 2]) && j < i) { joins++; j--; continue; }
    break;
  }
  return toks[j].start;
}

const QUOTED_ORG = /(基金会|协会|学会|研究所|研究院|研究中心|委员会|联盟|集团|公司|银行|大学)$/u;

function quotedSubjects(text: string, add: Add): void {
  // Subjects: the speaker's coinages in quotation marks and titles of works in 《》.
  // A quoted sentence (「余誓以至誠，恪遵國家法令，…」) is a quotation; a part of it quoted again is too.
  const sentences = [...text.matchAll(/[“"「『]([^“”"「」『』\n]*[，。；：！？、,][^“”"「」『』\n]*)[”"」』]/gu)].map((q) => q[1]);
  for (const m of text.matchAll(/[“"「『]([^“”"「」『』\n]{2,12})[”"」』]|《([^《》\n]{2,20})》/gu)) {
    const inner = m[1] ?? m[2];
    if (/[，。；：！？、,]/u.test(inner) || !/\p{Script=Han}/u.test(inner)) continue;
    if (m[1] && sentences.some((q) => q.includes(inner))) continue;
    // A quoted clause (“疫病归咎于”, “大家表示感谢”) is a quotation, not a heading: only a name of a work or a noun phrase.
    // The tagger reads 大家 and 归咎于 as nouns: a quotation longer than a set phrase counts when the text repeats it.
    const start = m.index! + 1;
    // A quoted name of a foundation, an association or a firm (“德国马歇尔基金会”) is an organisation.
    if (m[1] && QUOTED_ORG.test(inner) && inner.length >= 4 && HAN.test(inner)) { add('organisation', start, start + inner.length, 2.5); continue; }
    if (m[1] && (!nounPhrase(inner) || (inner.length > 5 && countIn(text, inner) < 2))) continue;
    if (m[1] && scareQuoted(text, inner)) continue;
    add('subject', start, start + inner.length, 2.5);
  }
}

/**
 * A common noun of the dictionary quoted once and written nowhere else (“干货”多了, 发布会成了…的“诞生地”): the
 * writer's scare quotes, no coinage. A word the dictionary hardly knows (躺平, 3) or a set phrase (没出息/l) stays.
 */
function scareQuoted(text: string, inner: string): boolean {
  const entry = dictEntry(inner);
  return !!entry && entry.tag === 'n' && entry.freq >= 10 && countIn(text, inner) === 1;
}

/** An ordinal before a noun (第3次, 第九届, 第5会期): what follows is the counted event (会议), not a term. */
const ORDINAL_BEFORE = /第[\d〇一二三四五六七八九十百零]+(?:次|届|期|会期|号|条|款|项|章|节)$/u;

function nounRunSubjects(text: string, add: Add): void {
  // Subjects: runs of two to four nouns (中美 + 关系, 全球 + 安全 + 倡议) that hold at least one word
  // the genre does not use everywhere; salience = the IDF of its rarest word against the background.
  let offset = 0;
  for (const sentence of text.split(/(?<=[。！？\n；，、：])/u)) {
    const toks = tagged(sentence, offset);
    offset += sentence.length;
    for (let i = 0; i < toks.length; i++) {
      for (let j = i + 1; j < Math.min(i + 4, toks.length); j++) {
        const run = toks.slice(i, j + 1);
        // 中方, 乌方, 各方: a party in the talks, never part of a subject.
        // 署 of 内政部 + 消防 + 署 (ng: a bound morpheme to the tagger) heads an organisation's name like a noun.
        if (!run.every((t) => HAN.test(t.word) && (/^(n|ns|nt|nz|vn|j|an|l|i)$/.test(t.tag) || (/^(ng|nr)$/.test(t.tag) && /^(局|司|部|署|处)$/u.test(t.word))) && !verbPhrase(t) && !TITLES.includes(t.word) && !TITLES_BEFORE.includes(t.word) && !/^\p{Script=Han}方$/u.test(t.word))) break;
        // 中国—中东欧国家合作: two parties joined by a dash name the subject together; the part after the dash is a fragment.
        const dashed = i >= 2 && /^[—–-]$/u.test(toks[i - 1].word) && toks[i - 2].tag === 'ns' && toks[i - 2].end === toks[i - 1].start;
        const start = dashed ? toks[i - 2].start : run[0].start;
        const end = run[run.length - 1].end;
        if (end - start < 4 || end - start > 10) continue;
        // 第3次会议议事录: the noun an ordinal counts (the third meeting) is no term's first word; nor one a number
        // counts (30|周年纪念峰会: the 30th-anniversary summit).
        if (ORDINAL_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || (i > 0 && toks[i - 1].tag === 'm' && toks[i - 1].end === start)) break;
        const head = run[run.length - 1];
        // A verb first makes a clause (发展中美关系, 辛劳表示感谢), not a heading.
        if (run[0].tag === 'vn' || run.some((t) => /^(表示|感谢|欢迎|祝贺)$/u.test(t.word))) continue;
        // A personal pronoun inside makes an address, not a heading (各位网友大家好: 网友大家).
        if (run.some((t) => /^(大家|我们|我們|你们|你們|他们|他們|她们|她們|咱们|咱們|各位|诸位|諸位|自己)$/u.test(t.word))) continue;
        // A verb as head makes a clause, not a heading (钓鱼台国宾馆会见), except the nouns of policy (全球化, 建设).
        if (head.tag === 'vn' && !/化$|^(建设|改革|治理|谈判|交流|合作|发展|开放|倡议|援助|制裁|统一|复兴|防控|管控)$/u.test(head.word)) continue;
        // …a ministry's department, the tagger's 司/nr (教育部/n 师范教育/n 司/nr 管培俊 司长) too.
        if (/^(局|司|部|署|办|社)$/u.test(head.word) && (/^(nt|j)$/.test(run[0].tag) || /^\p{Script=Han}{1,4}[部院]$/u.test(run[0].word))) { add('organisation', start, end, 2); continue; }
        // A place and a body (中国|大陆|国台办), a place and its city (河北省|保定市/n): names side by side, no subject.
        // Nor a place and a group of its people (四川|专家: experts from Sichuan).
        if (PLACE_TOKEN(run[0]) && (/^(nt|j)$/.test(head.tag) || (run.length === 2 && PLACE_TOKEN(head)) || /^(专家|专家组|人士|官员|民众|学者)$/u.test(head.word))) continue;
        if (head.tag === 'nr' || head.tag === 'ns' || VAGUE_HEAD.has(head.word) || GENERIC.has(head.word) && run.length === 2 && GENERIC.has(run[0].word)) continue;
        // A copula or particle inside a "noun" the tagger made (全部都是): a clause, not a heading.
        if (/[是都的了着很也就]/u.test(text.slice(start, end))) continue;
        const rare = run.filter((t) => !GENERIC.has(t.word) && genreDf('zh', t.word) < 0.1);
        if (rare.length === 0) continue;
        const salience = Math.max(...rare.map((t) => idfOf(t.word)));
        add('subject', start, end, salience / 6);
      }
    }
  }
}

/** A set phrase or idiom that starts with a verb or an adverb (表示感谢, 十分重视, 归咎于): a clause, not a noun. */
function verbPhrase(t: { word: string; tag: string }): boolean {
  if (!/^(l|i)$/.test(t.tag) || t.word.length < 3) return false;
  const head = getJieba().tag(t.word.slice(0, 2), false);
  return head.length === 1 && /^(v|d|p)/.test(head[0].tag);
}

/**
 * Whether a quoted phrase reads as a heading: no pronoun, preposition, adverb, conjunction or particle
 * in it, and it ends in a noun, an idiom or a set phrase (一国两制, 九二共识, 老有所养 yes; 为官不在多言,
 * 中国责任论和道歉论 no).
 */
function nounPhrase(phrase: string): boolean {
  const toks = getJieba().tag(phrase, true);
  if (toks.some((t) => /^(r|p|d|c|u|uj|ul|uz|ug|uv|ud|y|e)$/.test(t.tag) || verbPhrase(t))) return false;
  return /^(n|nr|nrt|nrfg|ns|nt|nz|vn|j|l|i|an|x|ng)$/.test(toks[toks.length - 1]?.tag ?? '');
}

function countIn(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n++;
  return n;
}

/**
 * Short forms of a person's name the text uses (王外长 for 王毅外长; 文斌副司长 for 汪文斌): surname or
 * given name with a title, only when written in the text. Given in the text's own script.
 */
export function chineseNameAliases(original: string, name: string): string[] {
  const text = simplifiedAligned(original);
  const key = simplifiedAligned(name);
  if (key.includes('·')) {
    // 鲁斯塔姆·阿济莫夫, later 阿济莫夫: the surname alone, where the text says it alone.
    const surname = name.slice(name.lastIndexOf('·') + 1);
    return original.split(name).join('').includes(surname) ? [surname] : [];
  }
  if (!isPersonalName(key)) return [];
  const out = new Set<string>();
  const surname = key.length === 4 ? key.slice(0, 2) : key.slice(0, 1);
  const given = key.slice(surname.length);
  for (const title of TITLES) {
    for (const short of [surname + title, ...(given.length === 2 ? [given + title] : [])]) {
      for (let i = text.indexOf(short); i >= 0; i = text.indexOf(short, i + 1)) {
        // Not the full name with its title (汪文斌副司长 holds 文斌副司长).
        if (text.slice(Math.max(0, i - surname.length), i) === surname && short.startsWith(given)) continue;
        out.add(original.slice(i, i + short.length));
      }
    }
  }
  return [...out];
}

/**
 * Abbreviations of an organisation's full name the text uses though the tagger cut them (亚|投行 for
 * 亚洲基础设施投资银行): three or four characters in the text that abbreviate the name, end in one of
 * its last three characters (银行 → 行, 办公室 → 办) and are no common word. In the text's own script.
 */
export function chineseAbbreviations(original: string, full: string, text = simplifiedAligned(original)): string[] {
  const key = simplifiedAligned(full);
  if (key.length < 5) return [];
  const out = new Set<string>();
  for (let at = text.indexOf(key[0]); at >= 0; at = text.indexOf(key[0], at + 1)) {
    if (text.startsWith(key, at)) continue;
    for (const n of [3, 4]) {
      const short = text.slice(at, at + n);
      const common = dictEntry(short);
      // The name's own first characters (国防部新 of 国防部新闻局) are the name cut, no abbreviation.
      if (!HAN.test(short) || key.startsWith(short) || !key.slice(-3).includes(short[n - 1]) || !abbreviates(short, key) || (common && common.freq >= 30)) continue;
      // A part of the name written whole (中央政 of 中共中央政治局: 中央政治局 follows): no abbreviation either.
      const last = key.lastIndexOf(short[n - 1]);
      if (last < key.length - 1 && text.startsWith(key.slice(last + 1, last + 3), at + n)) continue;
      out.add(original.slice(at, at + n));
      break;
    }
  }
  return [...out];
}

/** An abbreviation (国台办, 全国台联) of a full name: its characters in order, the first one shared. */
export function abbreviates(short: string, full: string): boolean {
  if (short.length >= full.length || short.length < 2 || short[0] !== full[0]) return false;
  let at = 0;
  for (const ch of short) { at = full.indexOf(ch, at); if (at < 0) return false; at++; }
  return true;
}

export { simplifiedAligned };

/** A title between an organisation and a name in a speaker label (立法會主席梁君彥議員, 外交部发言人汪文斌). */
const LABEL_TITLE = /(?:副?主席|委员|议员|副?院长|副?部长|局长|署长|秘书长|议长|发言人|记者|主任|代表|行政长官)$/u;

/**
 * The organisation a speaker label writes before its speaker's title and name (立法會 of 立法會主席梁君彥議員),
 * or after the name and a space (中央电视台 of 任永蔚 中央电视台记者), as the label writes it; undefined when
 * the label holds none (柯委員建銘, 路透社记者, 行政長官).
 */
export function labelOrganisation(label: string, name: string): string | undefined {
  // A broadcaster's label writes the outlet after the reporter's name (任永蔚 中央电视台记者).
  const spaced = /^(\S+)[\s\u3000]+(\S+)$/u.exec(name);
  if (spaced && isOutletName(t2s(spaced[2]))) return spaced[2];
  const at = name ? label.indexOf(name) : -1;
  if (at <= 0) return undefined;
  const before = t2s(label.slice(0, at));
  const title = LABEL_TITLE.exec(before);
  if (!title) return undefined;
  const org = before.slice(0, title.index);
  if (org.length < 2 || !/^\p{Script=Han}+$/u.test(org) || !plausible('organisation', org, 2)) return undefined;
  return label.slice(0, org.length);
}
