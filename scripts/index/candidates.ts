// The automatic index (issue 26): from a book's body text to index topics — people, places,
// organisations and subjects — through one engine that the build (`index: auto | both`) and
// `index suggest` share. Language tools find candidates (zh.ts: jieba; en.ts: compromise); this file
// merges short forms into full names, abbreviations into what they abbreviate, nests places, drops
// speaker labels, the title and curated terms, and sizes the index to the book.
import type { Topic } from '../config/schema.ts';
import { isPersonalName, simplified } from '../reader/labels.ts';
import { abbreviates, chineseAbbreviations, chineseCandidates, chineseNameAliases, labelOrganisation, simplifiedAligned } from './zh.ts';
import { acronymOf, companyShortForm, countWords, englishCandidates, englishNameAliases, labelOutlet, labelPerson, labelSeatAndParty } from './en.ts';
import { isChinesePlace, isEnglishPlace } from './gazetteer.ts';
import { genreDf } from './genre.ts';
import { isChinese as isZh } from '../lang/language.ts';
import { latinNames, namesOnlyLanguage } from './latin.ts';
import { isOutletName } from '../lang/outlets.ts';
import { isTransliterated } from '../lang/transliteration.ts';
import { surnameSort } from './model.ts';
import { isTitleWord } from '../lang/titles.ts';
import { sameGivenName } from '../lang/names.ts';

export type { Candidate, EntryKind } from './candidate.ts';
import type { Candidate, EntryKind, RejectTrace } from './candidate.ts';

export interface AutoEntry {
  term: string;
  kind: EntryKind;
  aliases: string[];
  count: number;
  sub: AutoEntry[];
}

export interface AutoOptions {
  /** The book's language: zh-Hans, zh-Hant or en (anything starting `zh` is Chinese). */
  language: string;
  /** The book's title: never an entry. */
  title?: string;
  /** Speaker labels as written: never entries, unless a label is a personal name the text also names (何议员 asks, 何启明 is named). */
  labels?: string[];
  /** The book's principal speakers (book.yaml speaker, speakers): their words fill every page, so they are no entry. */
  principals?: string[];
  /** Terms and aliases already curated (index: both): left to the curated entry. */
  exclude?: Iterable<string>;
  /** At most this many entries (default: indexSize of the text). */
  size?: number;
  /** Who speaks, as the labels print them (not the principals): the outlet of 路透社记者, the member 柯建銘 of 柯委員建銘. */
  speakers?: { name: string; label: string; principal?: boolean }[];
  /** The lines before the first turn (auto.ts headLines): the dateline and the occasion's furniture. */
  head?: string[];
}

/**
 * How many entries a text's index holds: about one per 150 characters of English, which is one per
 * 50 Han characters (an English word is about five letters, a Chinese word about 1.5 characters: the
 * same text is about three times shorter in Chinese; reader/language.ts weighs scripts the same way), and
 * at least 5, so that a short briefing does not print an index page with two or three entries.
 */
export function indexSize(text: string, language: string): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const units = isZh(language) ? han * 3 + (text.length - han) * 0.3 : text.length;
  return Math.max(5, Math.round(units / 150));
}

const keyOf = (s: string, zh: boolean) => (zh ? simplified(s) : s.toLowerCase()).replace(/[\s.:：]/g, '');

/** The automatic index of a text: entries best first (people, places and organisations before subjects of equal weight). */
export function autoEntries(text: string, options: AutoOptions): AutoEntry[] {
  return autoStages(text, options).entries;
}

/**
 * The candidates after each stage of the engine, and the entries: what scripts/eval/index-why.ts reads to
 * tell at which stage a hand-written name was lost (never proposed, dropped by a filter, merged, cut by the size).
 */
export interface AutoStages {
  found: Candidate[]; labelled: Candidate[]; unbanned: Candidate[]; gathered: Candidate[]; abbreviated: Candidate[];
  inside: Candidate[]; ranked: Candidate[]; size: number; entries: AutoEntry[];
}

export function autoStages(text: string, options: AutoOptions, trace?: RejectTrace): AutoStages {
  const zh = isZh(options.language);
  const size = options.size ?? indexSize(text, options.language);
  const english = zh ? [] : englishCandidates(text, trace);
  const found = zh ? chineseCandidates(text, trace) : namesOnlyLanguage(options.language) ? latinNames(english, text, options.language!) : english;
  const labelled = zh ? withSpeakers([...found], options.speakers ?? [], text) : withEnglishSpeakers([...found], options.speakers ?? [], text);
  // The text's first lines count only as headings (no sentence's full stop: Welcome back to "LATE EDITION." is said).
  const occasion = [...(options.head ?? []), ...text.split('\n', 3).filter((l) => !/[.!?]["”’)]*\s*$/u.test(l))];
  const unbanned = dropBanned(labelled, options, zh).filter((c) => zh || !occasionWord(c, occasion));
  // A first name the text uses to call on someone (a reporter: Go ahead, Jeff.) is no entry and nobody's
  // alias. Any other first name alone is an alias of a full name the book writes (gatherPeople: Jeff of Jeff
  // Zients); where the book writes none, it stays (I hate to see Laura go; Kerry in a headline: on the dev
  // part all three such were hand-written entries, none wrong).
  const gathered = gatherPeople(unbanned.filter((c) => c.firstName !== 'addressed'), text, zh);
  let cands = gatherAbbreviations(gathered, zh);
  const abbreviated = cands;
  const simple = zh ? simplifiedAligned(text) : '';
  if (zh) for (const o of cands) if (o.kind === 'organisation') for (const a of chineseAbbreviations(text, o.term, simple)) if (!o.aliases.includes(a)) o.aliases.push(a);
  for (const c of cands) c.count = Math.max(c.count, ...c.aliases.map((a) => zh ? countIn(text, a) : countWords(text, a)));
  cands = nestInstitutions(cands, text, zh);
  // Curated terms stay in the ranking below as "longer" terms only: a fragment of one (人类命运 of the
  // curated 人类命运共同体) is no new entry.
  // So are the principals' personal names, as names: a cut of one (徐國 of 徐國勇, where the tagger read
  // 徐國|勇於) is no entry.
  const longerOnly = (t: string, kind: EntryKind): Candidate => ({ term: t, kind, aliases: [], count: zh ? countIn(text, t) : countWords(text, t), first: 0, score: 0 });
  const curated: Candidate[] = [...[...new Set(options.exclude ?? [])].filter((t) => t.length >= 2).map((t) => longerOnly(t, 'subject')),
    ...(zh ? [...new Set(options.principals ?? [])].filter((t) => t.length >= 3 && chineseLabelName(keyOf(t, true))).map((t) => longerOnly(t, 'person')) : [])];
  const inside = zh ? dropInside(cands, curated, text, zh) : gatherNumbers(dropInside(cands, curated, text, zh));
  const ranked = rankCandidates(inside, text, zh);
  return { found, labelled, unbanned, gathered, abbreviated, inside, ranked, size, entries: chooseAndNest(ranked, size, zh) };
}

/**
 * Chinese: the people and outlets the speaker labels name (柯委員建銘 asks, 路透社记者 asks): sure names of
 * the book, though their words are in the label, not the body. A member's label that writes a title inside
 * the name (柯委員建銘) is an alias of the name, so the label's page is found (index/match.ts marks labels).
 */
function withSpeakers(cands: Candidate[], speakers: { name: string; label: string }[], text: string): Candidate[] {
  const byKey = new Map(cands.map((c) => [keyOf(c.term, true), c]));
  for (const speaker of speakers) {
    const { label } = speaker;
    let { name } = speaker;
    // The organisation before the title (立法會 of 立法會主席梁君彥議員): a sure name of the book, found in the label.
    const org = labelOrganisation(label, name);
    if (org) {
      const orgKey = keyOf(org, true);
      let o = byKey.get(orgKey);
      if (!o) {
        o = { term: org, kind: 'organisation', aliases: [], count: countIn(text, org), first: text.length, score: 2, key: orgKey, labelOnly: countIn(text, org) === 0 };
        byKey.set(orgKey, o);
        cands.push(o);
      }
      o.count++;
    }
    // The reporter of 任永蔚 中央电视台记者 is the name before the outlet.
    if (org && name.endsWith(org) && name !== org) name = name.slice(0, name.length - org.length).trim();
    const key = keyOf(name, true);
    // A reporter's outlet (彭博社 of 彭博社记者) is an organisation, though it reads like a surname and a given name.
    const outlet = name !== label && name.length >= 2 && isOutletName(key);
    const kind: EntryKind | undefined = outlet ? 'organisation' : chineseLabelName(key) ? 'person' : undefined;
    if (!kind) continue;
    let c = byKey.get(key);
    if (c && outlet) c.kind = 'organisation';
    if (!c) {
      c = { term: name, kind, aliases: [], count: countIn(text, name), first: text.length, score: 2, key, labelOnly: countIn(text, name) === 0 };
      byKey.set(key, c);
      cands.push(c);
    }
    c.count++;
    if (!label.includes(name) && !c.aliases.includes(label)) c.aliases.push(label);
  }
  return cands;
}

/**
 * English: the people and outlets the speaker labels name (Senator Bunning asks, MS KELLY asks, SUZANNE
 * MALVEAUX, CNN WHITE HOUSE CORRESPONDENT reports): sure names of the book, though a hearing's members and
 * an interviewer may speak only in labels. The label's name as written is an alias, so its page is found.
 */
function withEnglishSpeakers(cands: Candidate[], speakers: { name: string; label: string; principal?: boolean }[], text: string): Candidate[] {
  const byKey = new Map(cands.map((c) => [c.term.toLowerCase(), c]));
  const named = (term: string, kind: EntryKind, written: string) => {
    let c = byKey.get(term.toLowerCase());
    if (!c) {
      const count = countWords(text, term);
      c = { term, kind, aliases: [], count, first: text.length, score: 2, labelOnly: count === 0 };
      byKey.set(term.toLowerCase(), c);
      cands.push(c);
    }
    if (c.kind === 'subject') c.kind = kind;
    c.score = Math.max(c.score, 2);
    c.count++;
    if (written !== c.term && !c.aliases.includes(written)) c.aliases.push(written);
  };
  for (const { name, label, principal } of speakers) {
    const { seat, party } = labelSeatAndParty(label, name);
    if (seat) named(seat, 'place', seat);
    if (party) named(party, 'organisation', party);
    if (principal) continue;
    // A member with a seat is a person, though a word of the name is a common one (Allegra Spender).
    const person = labelPerson(name) ?? (seat && /^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{L}'’-]+){1,2}$/u.test(name) ? name : undefined);
    if (person) named(person, 'person', name);
    const outlet = labelOutlet(label, name);
    if (outlet) named(outlet, 'organisation', outlet);
  }
  return cands;
}

/** A Chinese label that is a person's name: a Chinese name, or a foreign interviewer's in transliteration (斯旺), not a role (主持人, 问). */
const chineseLabelName = (key: string): boolean => isPersonalName(key) || (key.length >= 2 && key.length <= 8 && isTransliterated(key));

/** Never an entry: the title, a speaker label (or a phrase of one: senior administration official), a principal, a curated term. */
function dropBanned(cands: Candidate[], options: AutoOptions, zh: boolean): Candidate[] {
  const roleLabels = (options.labels ?? []).filter((l) => !(zh ? chineseLabelName(keyOf(l, true)) : /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+$/u.test(l)));
  // A principal's surname alone (Mr. Burchett of John Burchett) is the principal too, and so is the first
  // name of a principal's full name (Theresa of Theresa May: May, a month, cuts the name short).
  const names = zh ? [] : (options.principals ?? []).map((p) => p.trim().split(/\s+/)).filter((w) => w.length > 1 && /^\p{Lu}/u.test(w[0]));
  const surnames = [...names.map((w) => w[w.length - 1]), ...names.filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w[0]) && !isTitleWord(w[0])).map((w) => w[0])];
  const banned = new Set([options.title ?? '', ...roleLabels, ...(options.principals ?? []), ...surnames, ...(options.exclude ?? [])].filter(Boolean).map((s) => keyOf(s, zh)));
  const title = options.title ? keyOf(options.title, zh) : '';
  const labelWords = zh ? [] : [...roleLabels, ...(options.principals ?? [])].map((l) => ` ${l.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ').trim()} `);
  return cands.filter((c) => !banned.has(keyOf(c.term, zh)) && keyOf(c.term, zh) !== title
    && !(c.kind === 'subject' && labelWords.some((l) => l.includes(` ${c.term.toLowerCase()} `))));
}

/**
 * English: a subject that names the transcript's occasion or medium (conference call, Teleconference, press
 * conferences): its head word, singular or plural, is the last word of a short line before the first turn or
 * a heading among the text's first three lines (Q2 2020 Earnings Call, Via Teleconference, Prime Minister's press conference,
 * MONETARY POLICY STATEMENT PRESS CONFERENCE), which every transcript of the shape carries as furniture. A longer
 * line (a headline, a title) names topics too.
 */
function occasionWord(c: Candidate, lines: string[]): boolean {
  if (c.kind !== 'subject') return false;
  const last = (s: string) => s.toLowerCase().match(/\p{L}+(?=[^\p{L}]*$)/u)?.[0]?.replace(/s$/u, '');
  const ends = lines.map((l) => l.trim().split(/\s+/u)).filter((w) => w.length <= 5).map((w) => last(w.join(' ')));
  return ends.includes(last(c.term));
}

/** Short forms of people gathered under the full name: 王外长 → 王毅, Blinken → Antony Blinken. */
function gatherPeople(cands: Candidate[], text: string, zh: boolean): Candidate[] {
  const people = cands.filter((c) => c.kind === 'person').sort((a, b) => b.term.length - a.term.length);
  const gone = new Set<Candidate>();
  for (const p of people) {
    if (gone.has(p)) continue;
    const shorts = zh ? chineseNameAliases(text, p.term) : englishNameAliases(text, p.term);
    for (const s of shorts) if (!p.aliases.includes(s)) p.aliases.push(s);
    for (const q of zh ? people : cands) {
      if (q === p || gone.has(q)) continue;
      const words = p.term.split(/\s+/);
      const short = zh ? p.aliases.includes(q.term) : (words.length > 1 && (q.term === words[words.length - 1] || q.term === words[0]) || p.aliases.includes(q.term));
      // 文斌 inside 汪文斌 is the same man, never an entry of its own.
      if (short || (zh && p.term.includes(q.term))) { gone.add(q); if (!p.aliases.includes(q.term) && !(zh && p.term.includes(q.term) && !p.term.includes('·'))) p.aliases.push(q.term); }
    }
  }
  if (!zh) gatherFamiliarNames(people, gone);
  return cands.filter((c) => !gone.has(c));
}

/**
 * English: one person named with the formal and the familiar given name (Robert Dudley, Bob Dudley; Richard and
 * Dick Durbin): one entry, headed by the form mentioned first, the other its alias (lang/names.ts).
 */
function gatherFamiliarNames(people: Candidate[], gone: Set<Candidate>): void {
  const two = (c: Candidate) => { const w = c.term.split(/\s+/u); return w.length === 2 ? w : undefined; };
  for (const p of people) {
    const pw = two(p);
    if (!pw || gone.has(p)) continue;
    for (const q of people) {
      const qw = two(q);
      if (q === p || !qw || gone.has(q) || qw[1] !== pw[1] || qw[0] === pw[0] || !sameGivenName(pw[0], qw[0])) continue;
      const [head, other] = q.first < p.first ? [q, p] : [p, q];
      head.aliases.push(other.term, ...other.aliases.filter((a) => !head.aliases.includes(a)));
      head.count += other.count;
      head.first = Math.min(head.first, other.first);
      gone.add(other);
      if (other === p) break;
    }
  }
}

/** An English noun's plural, as a phrase's last word takes it (supply chains, policies, taxes). */
const pluralOf = (term: string): string[] => [`${term}s`, `${term}es`, term.replace(/([^aeiou])y$/u, '$1ies')];

/**
 * An English subject written in the singular and in the plural (supply chain, supply chains) is one entry,
 * headed by the form the text writes more often (the singular when even), the other its alias: two entries
 * would print the same matter twice, side by side.
 */
function gatherNumbers(cands: Candidate[]): Candidate[] {
  const subjects = new Map(cands.filter((c) => c.kind === 'subject' && /^\p{Ll}/u.test(c.term)).map((c) => [c.term, c]));
  const gone = new Set<Candidate>();
  for (const one of subjects.values()) {
    const many = pluralOf(one.term).map((p) => subjects.get(p)).find((c) => c && c !== one);
    if (!many || gone.has(many) || gone.has(one)) continue;
    const [head, other] = many.count > one.count ? [many, one] : [one, many];
    head.aliases.push(other.term, ...other.aliases);
    head.first = Math.min(head.first, other.first);
    head.score = Math.max(head.score, other.score);
    gone.add(other);
  }
  return cands.filter((c) => !gone.has(c));
}

/** Abbreviations and short names: 国台办 under 国务院台湾事务办公室, ASEAN under Association of Southeast Asian Nations, Hanover Capital Mortgage under Hanover Capital Mortgage Holdings. */
function gatherAbbreviations(cands: Candidate[], zh: boolean): Candidate[] {
  // English initials of a place too (U.S. of United States, UK of United Kingdom): one entry, not two.
  const orgs = cands.filter((c) => c.kind === 'organisation' || (!zh && c.kind === 'place' && /\s/u.test(c.term)));
  const gone = new Set<Candidate>();
  for (const short of cands) {
    if (short.kind === 'subject') continue;
    // A firm's name without its legal ending (Hanover Capital Mortgage, Stifel Nicolaus: the tagger may call it a person).
    const firm = zh ? undefined : orgs.find((o) => o !== short && !gone.has(o) && o.kind === 'organisation' && companyShortForm(short.term, o.term));
    // An abbreviation is no prefix of the name (中国 is not short for 中国政府) and is itself a name.
    if (!firm && (short.kind === 'person' || (short.kind === 'place' && zh))) continue;
    const full = firm ?? orgs.find((o) => o !== short && !gone.has(o) && !o.term.startsWith(short.term)
      && (zh ? abbreviates(keyOf(short.term, true), keyOf(o.term, true)) : acronymOf(short.term, o.term)));
    if (!full) continue;
    full.aliases.push(short.term);
    full.count += short.count;
    gone.add(short);
  }
  return cands.filter((c) => !gone.has(c));
}

/** Institutions of a place, written with it: 美国政府, 美国国防部, Government of Ethiopia. */
/** …and a mission in it (驻美国使馆: the place after 驻, group 1 is 驻 or nothing). */
const OF_PLACE_ZH = /^(驻?)(.{2,8}?)(政府|外交部|国防部|商务部|财政部|议会|国会|军队|海军|空军|陆军|军方|当局|驻华使馆|大使馆|使馆|领事馆|总统府|内阁)$/u;
const OF_PLACE_EN = /^(?:Government|Parliament|Ministry of Foreign Affairs|Embassy|Kingdom|Republic|People[’']s Republic|State|Army|Navy|President|Prime Minister) of (?:the )?(.+)$/u;

/**
 * Places with sub-entries where the text names an institution of theirs (美国 › 美国政府, Ethiopia ›
 * Government of Ethiopia): the institution nests under the place, which is an entry itself, with the
 * pages that print its name (a country named only in its government's name still gets its entry).
 */
function nestInstitutions(cands: Candidate[], text: string, zh: boolean): Candidate[] {
  const byKey = new Map(cands.map((c) => [keyOf(c.term, zh), c]));
  const out = [...cands];
  for (const c of cands) {
    if (c.kind !== 'organisation' && c.kind !== 'place' || c.parent) continue;
    const m = zh ? OF_PLACE_ZH.exec(keyOf(c.term, true)) : OF_PLACE_EN.exec(c.term);
    const place = m && (zh ? c.term.slice(m[1].length, m[1].length + m[2].length) : m[1]);
    if (!place || !(zh ? isChinesePlace(keyOf(place, true)) : isEnglishPlace(place))) continue;
    let parent = byKey.get(keyOf(place, zh));
    if (!parent) {
      parent = { term: place, kind: 'place', aliases: [], count: zh ? countIn(text, place) : countWords(text, place), first: c.first, score: c.score };
      byKey.set(keyOf(place, zh), parent);
      out.push(parent);
    }
    if (parent.kind === 'place') c.parent = parent.term;
  }
  if (zh) nestUnits(out);
  return out;
}

/** A ministry's, a yuan's or a bureau's name: the head a unit's name starts with (交通部, 行政院, 国防部). */
const UNIT_HEAD = /(部|院|局|署|委员会)$/u;

/**
 * Chinese: a unit written with its head organisation (交通部管理资讯中心, 国防部新闻局, 行政院主计总处) is a
 * sub-entry of the head when the head is an entry of the book too; the head keeps its name, though the
 * text may write it only inside the unit's.
 */
function nestUnits(cands: Candidate[]): void {
  const heads = cands.filter((o) => o.kind === 'organisation' && !o.parent && UNIT_HEAD.test(keyOf(o.term, true))).sort((a, b) => b.term.length - a.term.length);
  for (const c of cands) {
    if (c.kind !== 'organisation' || c.parent) continue;
    const head = heads.find((o) => o !== c && c.term.length > o.term.length + 1 && c.term.startsWith(o.term));
    if (head) c.parent = head.term;
  }
}

/**
 * A term whose every occurrence sits inside a longer one (台湾 inside 台湾问题, 命运 inside 命运共同体)
 * would get no page of its own: the longer one is the entry. A place with an institution nested under it
 * keeps the institution's pages.
 */
function dropInside(cands: Candidate[], curated: Candidate[], text: string, zh: boolean): Candidate[] {
  const longer = [...cands, ...curated].sort((a, b) => b.term.length - a.term.length);
  const at = new Map<string, number[]>();
  const positions = (term: string) => at.get(term) ?? at.set(term, offsets(text, term, !zh)).get(term)!;
  return cands.filter((c) => {
    // Occurrences of the term inside an occurrence of a longer one (each counted once, however many
    // longer terms hold it: 台湾 in 中国台湾网 is not also in 中国台湾).
    const covers: [number, number][] = [];
    for (const o of longer) {
      if (o.term.length <= c.term.length) break;
      // A name inside a subject (特朗普 in 特朗普政府的政策) is still a name; inside a longer name or a named
      // document (Bill of the Bill of Rights) it is not.
      if (c.kind !== 'subject' && o.kind === 'subject' && !o.named || o.parent === c.term || !o.term.includes(c.term)) continue;
      // A division written out in a body's name (平山县, 王坡乡 of 平山县王坡乡第二小学) is still the place.
      if (zh && c.kind === 'place' && o.kind === 'organisation' && /[省市县縣乡鄉镇鎮区區州]$/u.test(c.term)) continue;
      // An English name is the same written with its last word in lower case (Summit of the Future Action days):
      // the shorter run before that word is its fragment there too.
      const forms = zh ? [o.term] : [...new Set([o.term, o.term.replace(/\p{Lu}(?=\p{Ll}+$)/u, (m) => m.toLowerCase())])];
      for (const form of forms) for (const p of positions(form)) covers.push([p, p + form.length]);
    }
    // An English phrase in lower case that the text mostly capitalises (inflation reduction, 12 of its 13 uses in
    // the Inflation Reduction Act) is a name's words: its count holds the name's uses, whatever longer terms are found.
    if (!zh && c.kind === 'subject' && /^\p{Ll}/u.test(c.term) && positions(c.term).length * 2 < c.count) return false;
    const inside = positions(c.term).filter((p) => covers.some(([a, b]) => p >= a && p + c.term.length <= b)).length;
    const free = c.count - inside;
    // A subject mostly said as part of a longer one adds nothing of its own either.
    return c.kind === 'subject' ? free >= Math.max(1, 0.5 * c.count) && free > 0 : free > 0;
  });
}

/**
 * Where a term is written. In English only as whole words, as countWords counts it: Parliament is not
 * written inside Parliamentary Papers Act, nor Europe inside European Union (the counts and the places
 * must agree, or a name is dropped as "only inside longer terms" when it is not).
 */
export function offsets(text: string, term: string, wholeWords = false): number[] {
  const out: number[] = [];
  const letter = /[\p{L}\p{N}]/u;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (wholeWords && (letter.test(text[i - 1] ?? '') || letter.test(text[i + term.length] ?? ''))) continue;
    out.push(i);
  }
  return out;
}

/**
 * Rank: names by how often and how surely; subjects by salience and frequency. A subject said once is
 * kept only in a short text and only when it is salient. A place most of the genre's transcripts name
 * (中国 in a Chinese briefing, the United States in a White House one) is the genre's home, on every
 * page of every book: it comes after the book's own names.
 */
function rankCandidates(cands: Candidate[], text: string, zh: boolean): Candidate[] {
  const long = text.length > (zh ? 4000 : 10000);
  const rank = (c: Candidate) => (c.kind === 'subject' && !c.properName
    ? c.score * (1 + Math.log2(c.count))
    : 2 + c.score + Math.log2(c.count) + (c.aliases.length ? 0.5 : 0)) - (isHome(c, zh) ? 4 : 0) - (c.labelOnly ? 3 : 0);
  return cands.filter((c) => c.kind !== 'subject' || c.properName || (c.count >= 2 || (!long && c.score >= (zh ? 2.4 : 1.1))))
    .filter((c) => !phraseSubject(c, zh) || c.count >= 3 || (zh ? paragraphsOf(text, c.term, zh) >= 2 : !long || c.compound))
    .sort((a, b) => rank(b) - rank(a) || a.first - b.first);
}

/**
 * A subject that only its words make a term: in Chinese the segmenter's run of nouns (no quotation marks,
 * no title's brackets; jieba tags adjacent nouns alike whether or not they form a term), in English a noun
 * phrase (not a name, not a named document). A Chinese run said fewer than three times needs the evidence
 * of dispersion (two paragraphs); English noun phrases are bounded by syntax already (on dev half A that
 * rule removed only a useful English subject, human rights), so a short English text keeps its finder's bar.
 * In a long English text (over 10,000 characters) two mentions are no salience: a long briefing says many
 * phrases twice in passing (constructive role, private sector, senior team). There a phrase said twice
 * stays only when nouns make it (vaccine doses, debt relief, human rights), which name a matter, where an
 * adjective's phrase is mostly a way of saying. (On the dev part the same bar for Chinese runs would change
 * no entry, so it is not set: no rule without an instance.)
 */
const phraseSubject = (c: Candidate, zh: boolean) => c.kind === 'subject' && !c.properName && !c.named && c.source === (zh ? 'nounRunSubjects' : 'nounPhrases');

/**
 * Dispersion, the salience of a phrase that only its words make a term: in how many paragraphs (turns)
 * the text writes it. A run said twice in one passage (出院病例, 內地部門, 中国共产党党员 in one answer)
 * is that passage's wording, not what the book is about; said three times, or in two turns, it is.
 */
function paragraphsOf(text: string, term: string, zh: boolean): number {
  const hay = zh ? text : text.toLowerCase();
  const lines = new Set<number>();
  for (const at of offsets(hay, zh ? term : term.toLowerCase(), !zh)) lines.add(countIn(hay.slice(0, at), '\n'));
  return lines.size;
}

/**
 * A name the text gives surely (a person, place or organisation the finders tagged with a name's
 * evidence, or a proper name of no kind the tagger knows, Hamas, The Capitol): every one is an entry,
 * whatever the size. A short text that names many people (a committee's roll, a list of officials) lists
 * them all, and a proper name said once is not cut for them; the size bounds subjects and unsure names.
 */
const sureName = (c: Candidate, zh: boolean) => ((c.kind !== 'subject' && c.score >= 2) || c.properName === true) && !isHome(c, zh);

/** A place most of the genre's transcripts name (中国 in a Chinese briefing, the United States in a White House one). */
const isHome = (c: Candidate, zh: boolean): boolean => {
  const place = c.kind === 'place' ? c.term : c.kind === 'organisation' && c.parent ? c.parent : '';
  // The home's own institutions (中国政府 in a Chinese briefing) are the home too.
  return place !== '' && genreDf(zh ? 'zh' : 'en', zh ? keyOf(place, true) : place) >= 0.5;
};

/**
 * The entries: the best `size` headings, each with the places written after it nested under it (南海 ›
 * 仁爱礁) when both are entries. A sub-entry shares its parent's heading, so the size counts headings only.
 */
/** The share of the size kept for subjects when sure names fill it: one entry in four. */
const SUBJECT_SHARE = 4;

/**
 * A subject that may take a slot kept for subjects: not the home (中国政府), and in Chinese either quoted or
 * titled (兩個中國, 新复兴政策) or a run of nouns said three times (紀念峰會): a run said twice is as often a
 * passage's wording (組閣一事, 韩国国家) as a term, and in a full index the wording has no room.
 */
const quotaSubject = (c: Candidate, zh: boolean): boolean => c.kind === 'subject' && !isHome(c, zh)
  && (!zh || c.source !== 'nounRunSubjects' || c.count >= 3);

function chooseAndNest(ranked: Candidate[], size: number, zh: boolean): AutoEntry[] {
  const allKeys = new Map(ranked.map((c) => [keyOf(c.term, zh), c]));
  const chosen: Candidate[] = [];
  let topCount = 0;
  // Sure names are in whatever the size; subjects keep a quarter of the size even when sure names fill it:
  // a briefing that names many people is still about something (兩個中國, oil spill).
  const quota = Math.ceil(size / SUBJECT_SHARE);
  let unsure = 0;
  const take = (c: Candidate) => { chosen.push(c); topCount++; if (!sureName(c, zh)) unsure++; };
  for (const c of ranked) {
    if (chosen.includes(c)) continue;
    const parent = c.parent ? allKeys.get(keyOf(c.parent, zh)) : undefined;
    const nests = parent !== undefined && parent !== c;
    const full = topCount >= size && !sureName(c, zh) && (unsure >= quota || !quotaSubject(c, zh));
    if (!nests && full) continue;
    if (nests && !chosen.includes(parent)) { if (full || (topCount >= size && !sureName(parent, zh) && (unsure >= quota || !quotaSubject(parent, zh)))) continue; take(parent); }
    if (nests) chosen.push(c);
    else take(c);
  }
  const byKey = new Map(chosen.map((c) => [keyOf(c.term, zh), c]));
  const entries = new Map<Candidate, AutoEntry>(chosen.map((c) => [c, { term: c.term, kind: c.kind, aliases: c.aliases.filter((a) => a !== c.term), count: c.count, sub: [] }]));
  const top: AutoEntry[] = [];
  for (const c of chosen) {
    const parent = c.parent ? byKey.get(keyOf(c.parent, zh)) : undefined;
    if (parent && parent !== c && !parent.parent) entries.get(parent)!.sub.push(entries.get(c)!);
    else top.push(entries.get(c)!);
  }
  return top;
}

function countIn(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n++;
  return n;
}

/** Automatic entries as book.yaml topics (what the topic machinery matches). */
export function entriesToTopics(entries: AutoEntry[]): Topic[] {
  return entries.map((e) => {
    const sort = surnameFirst(e);
    return { term: e.term, aliases: [...e.aliases], sub: entriesToTopics(e.sub), seeAlso: [], ...(sort ? { sort } : {}) };
  });
}

/**
 * An English index files a person under the surname (James Cockayne under C, Ursula von der Leyen under V), printed
 * as the text writes the name: the sort key is the surname, with its particles, then the given names. A Chinese
 * name is read with its surname's reading (曾鈺成 under Z, see model.ts surnameSort).
 */
function surnameFirst(e: AutoEntry): string | undefined {
  if (e.kind === 'person' && /^\p{Script=Han}/u.test(e.term) && !isTransliterated(e.term)) return surnameSort(e.term);
  if (e.kind !== 'person' || !/^[\p{Script=Latin}][\p{Script=Latin}\s.'’-]*$/u.test(e.term)) return undefined;
  const words = e.term.split(/\s+/u).filter((w) => !/^(Jr|Sr|II|III)\.?$/u.test(w));
  if (words.length < 2) return undefined;
  let k = words.length - 1;
  while (k > 1 && /^(von|van|der|den|de|da|di|du|del|della|dos|das|bin|ibn|ter|ten|le|la|al|el)$/u.test(words[k - 1])) k--;
  // A Spanish, Portuguese or French name's lower-case de, da, do, dos, das or du is not where it is filed
  // (Chicago 16.71–16.83: Guindos, Luis de; Silva, Lula da): the key starts at the surname after it and
  // keeps the particle with the given names. Dutch and German particles stay in front (van, von der Leyen).
  while (k < words.length - 1 && /^(de|da|do|dos|das|du)$/u.test(words[k])) k++;
  return [...words.slice(k), ...words.slice(0, k)].join(' ');
}

/** Every entry, sub-entries included. */
export function flatEntries(entries: AutoEntry[]): AutoEntry[] {
  return entries.flatMap((e) => [e, ...flatEntries(e.sub)]);
}
