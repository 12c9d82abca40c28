// The automatic index (issue 26): names cut and merged right on real text, short forms and
// abbreviations gathered under the full name, places nested, generic words and speaker labels left
// out, size fitted to the book, book.yaml `index:` modes and their codes, and the figures against
// the hand-written gold entries of test/index-gold/ (floors: the figures reached, see README).
import { describe, it, expect } from 'vitest';
import { autoEntries, entriesToTopics, flatEntries, indexSize, type AutoEntry } from '../scripts/index/candidates.ts';
import { initialOf, sortKey } from '../scripts/index/model.ts';
import { labelOutlet, labelPerson, labelSeatAndParty } from '../scripts/index/en.ts';
import { bookTopics, indexMode, headLines } from '../scripts/index/auto.ts';
import { markTopics } from '../scripts/index/match.ts';
import { allEntries } from '../scripts/index/model.ts';
import { parseBookConfig } from '../scripts/config/load.ts';
import { readTranscript } from '../scripts/reader/read.ts';
import { loadCorpus, corpusRoot } from '../scripts/fixtures/corpus.ts';
import { figures, scoreAll, scoreBook, loadGold, autoIndexOf, goldTexts } from '../scripts/eval/index-gold.ts';
import { turns } from '../scripts/model/walk.ts';
import { renderBody, renderLabels } from '../scripts/render/html.ts';
import { loadStrings, defaultStringsSet } from '../scripts/lang/strings.ts';
import type { Transcript } from '../scripts/model/types.ts';
import { isPersonalName, simplified } from '../scripts/reader/labels.ts';
import { ALL_SURNAMES, COMMON_SURNAMES, COMMON_SURNAMES_WIDE, REGIONAL_SURNAMES, SURNAMES, isMarriedName, sameGivenName } from '../scripts/lang/names.ts';

const renderHtmlOf = (tree: Transcript) => renderBody(tree, { flavour: 'html', labels: renderLabels(loadStrings(defaultStringsSet(), 'zh-Hans')) });

const terms = (list: AutoEntry[]) => flatEntries(list).map((e) => e.term);
const find = (list: AutoEntry[], term: string) => flatEntries(list).find((e) => e.term === term);
/** A corpus book read with only automatic entries, marked; and the speaker labels written `label`. */
const autoMarked = (book: ReturnType<typeof loadCorpus>[number], label: string) => {
  const read = readTranscript(Buffer.from(book.text), book.config);
  const chosen = bookTopics(read.tree, { ...book.config, index: undefined, topics: [] }, { file: 'book.yaml' });
  const { index } = markTopics(read.tree, chosen.topics, 'book.yaml', new Map(), { automaticFrom: 0 });
  return { read, chosen, index, labels: turns(read.tree).map((t) => t.speaker).filter((s) => s.label === label) };
};

/** The ten dev texts added in session 38 (test/index-gold/texts/README.md). */
const SESSION38 = new Set(['zh-hant-gcs-2014-06-23', 'zh-hant-govcn-2010-09-02', 'zh-hant-cna-2025-10-16', 'zh-hans-eastday-2020-03-13', 'zh-hans-xinhua-2022-10-20',
  'zh-hans-qilu-2014-04-29', 'en-mofajp-2018-12-12', 'en-pmau-2021-03-04', 'en-rev-2020-06-29', 'en-dss-2004-02-26']);
/** The nine dev texts added in session 39 (test/index-gold/texts/README.md). */
const SESSION39 = new Set(['zh-hant-hk-2015-05-26', 'zh-hans-hk-2012-04-13', 'zh-hans-mfa-2019-12-19', 'zh-hant-ly-2015-03-24', 'en-wh-2017-01-10',
  'en-pmau-2025-12-11', 'en-hansard-2011-02-10', 'en-lz-2008-05-02', 'en-mtp-2007-10-21']);
/** The five dev texts added in session 39's second round (test/index-gold/texts/README.md). */
const SESSION39B = new Set(['en-ecb-2022-03-10', 'en-senate-2017-06-13', 'en-senate-2020-05-20', 'en-sgmof-2021-09-03', 'zh-hans-cppcc-2017-03-02']);
const before39 = (id: string) => !SESSION39.has(id) && !SESSION39B.has(id);

// Sentences from published news reports, cut short (provenance beside each).
// news.youth.cn/jsxw/201601/t20160129_7586354.htm (中新社, 2016-01-29)
const KAMILOV = '中国外交部长王毅29日在北京同来华进行工作访问的乌兹别克斯坦外长卡米洛夫举行会谈。\n卡米洛夫表示，中国是上合组织重要创始成员国。\n王毅表示，中乌是真诚互信的好朋友。王外长还说，中方愿以乌方举办上合组织塔什干峰会为契机。';
// caisexing.com/news/2005/2005-05-13/26/573877.shtml (中新网, 2005-05-13)
const AZIMOV = '外交部长李肇星在钓鱼台国宾馆会见了来华进行工作访问的乌兹别克斯坦共和国第一副总理兼经济部长鲁斯塔姆·阿济莫夫。胡锦涛主席去年成功访乌，同卡里莫夫总统就发展双边关系达成一系列重要共识。阿济莫夫说，乌方珍视同中国的友好合作伙伴关系。';

describe('automatic index: names from real text', () => {
  it('keeps a transliterated name whole (卡米洛夫, not 卡米洛) and gathers 王外长 under 王毅', () => {
    const list = autoEntries(KAMILOV, { language: 'zh-Hans', size: 20 });
    expect(terms(list)).toContain('卡米洛夫');
    expect(terms(list)).not.toContain('卡米洛');
    expect(find(list, '王毅')).toMatchObject({ kind: 'person', aliases: ['王外长'] });
    expect(find(list, '上合组织')?.kind).toBe('organisation');
    expect(find(list, '乌兹别克斯坦')?.kind).toBe('place');
    // Generic words of the genre never: 中方, 乌方, 外长, 朋友.
    for (const w of ['中方', '乌方', '外长', '好朋友', '中乌']) expect(terms(list)).not.toContain(w);
  });

  it('reads a name joined by · whole, with its surname alone as alias, and names after titles', () => {
    const list = autoEntries(AZIMOV, { language: 'zh-Hans', size: 20 });
    expect(find(list, '鲁斯塔姆·阿济莫夫')).toMatchObject({ kind: 'person', aliases: ['阿济莫夫'] });
    for (const name of ['李肇星', '胡锦涛', '卡里莫夫']) expect(find(list, name)?.kind, name).toBe('person');
    expect(terms(list).some((t) => /会见|副总理/.test(t))).toBe(false);
  });

  it('nests a place under the sea it lies in, and files an abbreviation under the full name', () => {
    // Wording of the kind the MFA's briefings use (test/corpus/zh-hans-mfa-2020-02-24 names 中国—东盟).
    const list = autoEntries('菲律宾船只非法闯入南海仁爱礁海域。中方愿同东盟国家一道维护南海和平稳定。东盟即东南亚国家联盟。', { language: 'zh-Hans', size: 20 });
    expect(find(list, '南海')?.sub.map((s) => s.term)).toEqual(['仁爱礁']);
    expect(find(list, '东南亚国家联盟')).toMatchObject({ kind: 'organisation', aliases: ['东盟'] });
  });

  it('English: full names with later surnames, acronyms with what they stand for, no honorifics', () => {
    const text = 'Secretary Blinken met Foreign Minister Wang Yi. Blinken said the Association of Southeast Asian Nations (ASEAN) matters. ASEAN leaders agreed. Antony Blinken left for Manila.';
    const list = autoEntries(text, { language: 'en', size: 20 });
    expect(find(list, 'Antony Blinken')).toMatchObject({ kind: 'person', aliases: ['Blinken'] });
    expect(find(list, 'Association of Southeast Asian Nations')).toMatchObject({ kind: 'organisation', aliases: ['ASEAN'] });
    expect(find(list, 'Wang Yi')?.kind).toBe('person');
    expect(terms(list).some((t) => /^(Secretary|Foreign Minister)/.test(t))).toBe(false);
  });

  it('never lists a speaker label, a principal or the title', () => {
    const text = '朱凤莲：欢迎大家。国台办发言人朱凤莲在北京主持发布会，浙江举办论坛。\n记者：请问朱凤莲。';
    const list = autoEntries(text, { language: 'zh-Hans', title: '国台办新闻发布会', labels: ['记者'], principals: ['朱凤莲'], size: 20 });
    expect(terms(list)).not.toContain('朱凤莲');
    expect(terms(list)).not.toContain('记者');
    expect(terms(list)).toContain('北京');
  });
});

// Sentences of the corpus's dev part (test/corpus/<id>/transcript.txt), where the mechanisms below were found.
describe('automatic index: classes of errors found on the dev part, fixed in the mechanism', () => {
  it('a country that starts like a preposition (以色列) and a city the dictionary knows whole (耶路撒冷) are places; a government nests under its country', () => {
    // zh-hans-mfa-2017-12-06
    const list = autoEntries('问：据报道，一名美国政府高官称，特朗普总统可能于6日宣布美国承认耶路撒冷是以色列的首都，同时表示将继续推迟美国驻以使馆迁址6个月。', { language: 'zh-Hans', size: 20 });
    expect(find(list, '以色列')?.kind).toBe('place');
    expect(find(list, '耶路撒冷')?.kind).toBe('place');
    expect(list.find((e) => e.term === '美国')?.sub.map((s) => s.term)).toEqual(['美国政府']);
  });

  it('a transliterated name the tagger cut after its first syllable is whole (泽连斯基, not 连斯基)', () => {
    // zh-hans-mfa-2022-03-18
    const list = autoEntries('路透社记者：追问一下彭博社刚才的问题，我们注意到，泽连斯基总统已对多国政客发表演讲，最近一次是在德国议会。是否计划与乌克兰总统泽连斯基通话？', { language: 'zh-Hans', size: 20 });
    expect(find(list, '泽连斯基')?.kind).toBe('person');
    expect(terms(list)).not.toContain('连斯基');
  });

  it('a photo credit gives the agency and the photographer; an era in a date is no entry', () => {
    // zh-hans-tao-2021-09-15, zh-hant-ly-2017-12-27
    const list = autoEntries('国台办发言人朱凤莲回答记者提问。（中国台湾网 尹赛楠 摄）', { language: 'zh-Hans', size: 20, principals: ['朱凤莲'] });
    expect(find(list, '尹赛楠')?.kind).toBe('person');
    expect(find(list, '中国台湾网')?.kind).toBe('organisation');
    expect(terms(autoEntries('時  間 中華民國106年12月27日（星期三）上午9時', { language: 'zh-Hant', size: 20 }))).not.toContain('中華民國');
  });

  it('English: a title inside a run introduces the name; of joins only after an institution; a place named in its government is an entry', () => {
    // en-wh-2022-03-11, en-wh-2022-06-28, en-state-2023-02-02
    const counsel = autoEntries('Conservative attorney William Burck, who represented Trump White House Counsel Don McGahn and a number of other senior Trump officials in court, has said that she is as qualified as anyone can be.', { language: 'en', size: 20 });
    expect(find(counsel, 'Don McGahn')?.kind).toBe('person');
    expect(terms(counsel).some((t) => /Counsel/.test(t))).toBe(false);
    const trilateral = terms(autoEntries('President Biden looks forward to seeing Indo-Pacific leaders at NATO for the first time, including when he will attend a trilateral meeting with President Yoon of the Republic of Korea and Prime Minister Kishida of Japan to follow up on their conversations in Seoul and Tokyo last month.', { language: 'en', size: 20 }));
    for (const t of ['Yoon', 'Republic of Korea', 'Kishida', 'Japan', 'Indo-Pacific']) expect(trilateral).toContain(t);
    expect(trilateral.some((t) => / of (Japan|the Republic)/.test(t) && !t.startsWith('Republic'))).toBe(false);
    const ethiopia = autoEntries('First, today marks three months since the Government of Ethiopia and the Tigray People’s Liberation Front signed a permanent cessation of hostilities agreement in Pretoria, ending a horrific two-year conflict.', { language: 'en', size: 20 });
    expect(ethiopia.find((e) => e.term === 'Ethiopia')?.sub.map((s) => s.term)).toEqual(['Government of Ethiopia']);
  });

  it('English: a headline in title case names only what the tagger knows as a name (CNN)', () => {
    // en-cnn-2004-04-23, line 3
    const list = terms(autoEntries('Pat Tillman Killed in Iraq; Interview With Bob Woodward\nThe former football player was killed in Afghanistan.', { language: 'en', size: 20 }));
    expect(list).toContain('Pat Tillman');
    expect(list.some((t) => /Killed/.test(t))).toBe(false);
  });
});

// Third session: classes found on the grown dev part (7 more gold books), each from its dev transcript.
describe('automatic index: classes of the grown dev part', () => {
  it('a name with a title inside (王委員育敏, 蘇院長嘉全) is the person, the written form an alias; a roll of officials gives names and their organisations', () => {
    // zh-hant-ly-2018-03-20, zh-hant-ly-2017-12-27
    const list = autoEntries('主  席  蘇院長嘉全\n秘書  林志嘉\n針對報告事項第二案，王委員育敏等對程序委員會的意見有異議，要求退回程序委員會重新提出。\n科技部資訊處處長               薛大勇\n國家安全局第五處副處長            呂哲旭\n專門委員：張智為', { language: 'zh-Hant', size: 5 });
    expect(find(list, '蘇嘉全')).toMatchObject({ kind: 'person', aliases: ['蘇院長嘉全'] });
    expect(find(list, '王育敏')).toMatchObject({ kind: 'person', aliases: ['王委員育敏'] });
    for (const name of ['林志嘉', '薛大勇', '呂哲旭', '張智為']) expect(find(list, name)?.kind, name).toBe('person');
    for (const org of ['科技部', '國家安全局']) expect(find(list, org)?.kind, org).toBe('organisation');
    expect(terms(list).some((t) => /處長|委員：/u.test(t))).toBe(false);
  });

  it('every sure name is an entry whatever the size: a committee roll of 41 names in 900 characters lists them all', () => {
    const c = loadCorpus(corpusRoot, 'all').find((x) => x.id === 'zh-hant-ly-2017-12-27')!;
    const read = readTranscript(Buffer.from(c.text), c.config);
    const { auto } = bookTopics(read.tree, c.config, { file: 'book.yaml' });
    const people = flatEntries(auto).filter((e) => e.kind === 'person').map((e) => e.term);
    for (const name of ['李俊俋', '周陳秀霞', '高金素梅', '楊鎮浯', '何佩珊', '周厚增']) expect(people, name).toContain(name);
    expect(auto.filter((e) => e.kind === 'subject').length).toBeLessThanOrEqual(indexSize(c.text, 'zh-Hant'));
  });

  it('a ship named after a place is the ship (山东舰), “many countries” no place, a subject joined by a dash whole', () => {
    // zh-hans-mfa-2022-03-18, zh-hans-mfa-2021-02-09
    const ship = terms(autoEntries('我不知道你所说的有关山东舰航母的具体情况。但是我觉得山东舰航母有例行的训练安排。泽连斯基总统已对多国政客发表演讲。', { language: 'zh-Hans', size: 20 }));
    expect(ship).toContain('山东舰');
    for (const t of ['山东', '多国']) expect(ship).not.toContain(t);
    // Two paragraphs, as in the book (a run of nouns said twice needs two: the dispersion rule of round 3).
    const dash = terms(autoEntries('9年来，中国—中东欧国家合作机制建设日益完善。\n各方将在回顾总结中国—中东欧国家合作9年来历程和经验基础上探讨新思路。', { language: 'zh-Hans', size: 20 }));
    expect(dash).toContain('中国—中东欧国家合作');
    expect(dash).not.toContain('中东欧国家合作');
  });

  it('English: an organisation’s possessive ends a name, a surname ending like a nationality is a person, a headline’s verb is no last name, a hall named with a title word is whole', () => {
    // en-cnn-2004-09-28, en-un-2024-09-20
    const cnn = terms(autoEntries('Italian Female Hostages Released; Captured CNN Producer Released; Bush, Kerry Prepare for Debate; Floridians in the Dark After Jeanne\nWe get the details from CNN\'s Alessio Vinci now in Rome. Well, in addition to the two Italian aid workers, Italian Prime Minister Berlusconi also confirmed the fact.', { language: 'en', size: 20 }));
    for (const t of ['Alessio Vinci', 'Berlusconi', 'Kerry', 'CNN']) expect(cnn).toContain(t);
    for (const t of ["CNN's Alessio Vinci", 'Kerry Prepare']) expect(cnn).not.toContain(t);
    const un = terms(autoEntries('This will also take place in the General Assembly Hall, and you will be able to watch the conversation live on UN WebTV.', { language: 'en', size: 20 }));
    expect(un).toContain('General Assembly Hall');
    expect(un).not.toContain('Assembly Hall');
  });
});

// Found by looking at the index pages of three new books built from the test part (said so in the
// report): the sentences are from those transcripts.
describe('automatic index: classes seen on the index pages of three new books', () => {
  it('an abbreviation the tagger cuts (亚|投行) is gathered under the full name; a known organisation the tagger cuts (金砖|国家) is found', () => {
    // zh-hans-mfa-2025-06-24
    const list = autoEntries('国务院总理李强将于6月26日在北京出席2025年亚洲基础设施投资银行第十届理事会年会开幕式并致辞。亚投行是习近平主席亲自倡议建立、亲自推动成立的21世纪新型多边开发银行。中国领导人会否出席7月6日至7日在里约热内卢举行的金砖国家领导人会晤？', { language: 'zh-Hans', size: 20 });
    expect(find(list, '亚洲基础设施投资银行')).toMatchObject({ kind: 'organisation', aliases: ['亚投行'] });
    expect(find(list, '金砖国家')?.kind).toBe('organisation');
  });

  it('English: a battle is named whole (Battle of the Somme), a common word in capitals is no acronym (NOW), a place line does not run on (Lima Convention Center / Lima)', () => {
    // en-hansard-2016-06-09, en-wh-2024-11-15-peru
    const list = terms(autoEntries('Only last week, young people played a prominent role in our commemorations to mark the Battle of Jutland. We will commemorate the centenary of the Battle of the Somme. All our programmes, including the 14-18 NOW culture programme, engage children. My “Forget Never” project, commemorating the 100th anniversary of the Battle of the Somme, is already getting young people involved.\nLima Convention Center Lima, Peru. The US and China met.', { language: 'en', size: 20 }));
    for (const t of ['Battle of Jutland', 'Battle of the Somme', 'Lima Convention Center', 'Lima', 'Peru', 'US']) expect(list).toContain(t);
    for (const t of ['Battle', 'NOW', 'Lima Convention Center Lima']) expect(list).not.toContain(t);
  });
});

// Fourth session: classes named by the coordinator (first names, plural titles, phrases as subjects,
// gazette furniture), fixed in the mechanism and tested on sentences of dev transcripts only.
describe('automatic index: first names, plural titles, subjects that are terms, gazette furniture (dev text)', () => {
  it('a name a reporter is called on by is no entry and nobody’s alias (Jeff, Karine, Matt); a name after a title stays', () => {
    // en-wh-2022-01-21 (Go ahead, Jeff.), en-wh-2021-05-17 (Jeff Zients), en-wh-2022-09-14 (Karine), en-state-2015-01-27 (Matt, King Abdullah), en-dod-2024-11-07 (Laura)
    const list = autoEntries('Yes, go ahead, Jeff. We’ll have more in the coming days on how our team — led by Jeff Zients, in partnership with our national partners — will do it. '
      + 'Thanks, Karine. Can you tell us why the President went? Karine, can you give us an update on Taiwan? Don’t take it personally, Matt. I’m sure other people will join you. '
      + 'The Secretary joined President Obama and other members of the U.S. delegation to offer condolences for the passing of King Abdullah. '
      + 'I hate to see Laura go, but I think that Bull Holsey will be a tremendous replacement.', { language: 'en', size: 30 });
    for (const t of ['Jeff', 'Karine', 'Matt']) expect(terms(list)).not.toContain(t);
    expect(find(list, 'Jeff Zients')?.aliases ?? []).not.toContain('Jeff');
    for (const t of ['Jeff Zients', 'Abdullah', 'Bull Holsey', 'Obama']) expect(terms(list)).toContain(t);
  });

  it('a title in the plural is stripped like the singular (Representatives Delahunt), a body named in one is not (House of Representatives)', () => {
    // en-gpo-2007-09-27, en-rules-2003-06-04
    const list = terms(autoEntries('Present: Representatives Delahunt, Davis, Herseth Sandlin, Pence, LaTourette and Hulshof. While these previous hearings all focused on processes and procedures of the House of Representatives, any review of our parliament matters.', { language: 'en', size: 30 }));
    expect(list).toContain('Delahunt');
    expect(list).toContain('House of Representatives');
    expect(list.some((t) => /^Representatives /.test(t))).toBe(false);
  });

  it('English subjects are terms: no phrase of a verb or an adverb (go ahead, looking forward), no judging adjective first, no common word alone (Summit)', () => {
    // en-wh-2022-01-25 / -03-11 (go ahead), en-wh-2021-05-20 (looking forward), en-wh-2021-06-11 (G7 Summit)
    const text = 'Yes, go ahead, Jeff. Linda, go ahead. With that, go ahead, Aamer. So, President Biden is very much looking forward to welcoming the Republic of Korea President, Moon Jae-in. '
      + 'We’re all very much looking forward to this. I’ll start and just point out, you know, this is the first G7 Summit in nearly two years. It’s the first G7 Summit that President Biden is attending. '
      + 'It is the first G7 Summit that has been held since the outbreak of the COVID-19 pandemic. That is a possible base of popular support, and the possible base of popular support grows.';
    const list = terms(autoEntries(text, { language: 'en', size: 40 }));
    for (const t of ['go ahead', 'looking forward', 'Summit', 'possible base of popular support', 'possible base']) expect(list).not.toContain(t);
    expect(list).toContain('Moon Jae-in');
  });

  it('a word never an entry alone ends an institution’s name (the State Department); nationalities in a row name nobody (Palestinian American)', () => {
    // en-wh-2021-05-19
    const list = terms(autoEntries('And was the President looking to send a message to Israel by making sure to meet with a Palestinian American congresswoman on the tarmac yesterday? I don’t want to get ahead of the report.  I refer you to the State Department for details.', { language: 'en', size: 20 }));
    expect(list).toContain('State Department');
    expect(list).toContain('Israel');
    expect(list).not.toContain('Palestinian American');
  });

  it('initials of a place with full stops (U.S.) are an alias of the place (United States), not a second entry', () => {
    // en-wh-2021-05-19 (seen on its printed index: United States 8, U.S. 9)
    const list = autoEntries('So, as you know, the United States is working tirelessly through various levels of government to express support for a ceasefire. And what recourse does the U.S. have to take if Israel doesn’t meet that deadline?', { language: 'en', size: 20 });
    expect(terms(list)).not.toContain('U.S.');
    expect(find(list, 'United States')?.aliases).toContain('U.S.');
  });

  it('gazette furniture: no term starts after an ordinal (第3次會議議事錄); a word only inside a longer quoted title is a fragment (陸海空軍)', () => {
    // zh-hant-ly-2018-03-20
    const list = terms(autoEntries('一、宣讀本院第9屆第5會期第3次會議議事錄。（全文見本期議事錄）\n主席：報告院會，針對第5會期第3次會議議事錄，並無委員或黨團提出錯誤或遺漏之處，作以下宣告：第5會期第3次會議議事錄確定。\n二、本院委員許毓仁等17人擬具「陸海空軍刑法部分條文修正草案」，請審議案。', { language: 'zh-Hant', size: 20 }));
    expect(list).not.toContain('會議議事錄');
    expect(list).not.toContain('陸海空軍');
  });
});

describe('automatic index: names the tagger never proposes (round 6, dev text)', () => {
  it('an institution whose last word the tagger glues to its head’s title (海|协会会长, 資通 安全 處處長) is found whole; 安全 alone starts none', () => {
    // zh-hans-tao-2023-04-26
    const hans = terms(autoEntries('中央广播电视总台央视海峡两岸记者：1993年4月，在“九二共识”基础上，海协会会长汪道涵与台湾海基会董事长辜振甫在新加坡举行了汪辜会谈。', { language: 'zh-Hans', size: 20 }));
    expect(hans).toContain('海协会');
    // zh-hant-ly-2017-12-27: a roll of officials
    const hant = terms(autoEntries('列席人員\n資通安全處處長             簡宏偉\n科技部資訊處處長               薛大勇\n', { language: 'zh-Hant', size: 20 }));
    expect(hant).toContain('資通安全處');
    expect(hant).not.toContain('安全處');
  });

  it('a county the dictionary holds as a rare verb (台湾/ns 彰化/v) is a place under its region; a common word after a region is none', () => {
    // zh-hans-tao-2023-04-26
    const list = flatEntries(autoEntries('国台办例行发布会。昨天台湾彰化联华食品工厂发生火灾，造成多名消防员死亡。台湾民众十分关注。', { language: 'zh-Hans', size: 20 }));
    const zhanghua = list.find((e) => e.term === '彰化');
    expect(zhanghua?.kind).toBe('place');
    expect(list.map((e) => e.term)).not.toContain('民众');
  });

  it('an army named by its country’s short form is an organisation whether the dictionary knows it (俄军/j) or the HMM made it (乌军/x)', () => {
    // zh-hans-mfa-2022-03-18
    const list = flatEntries(autoEntries('确认一下，据中国政府了解，那些中方感到痛惜的平民伤亡，大部分是由俄军造成的还是由乌军造成的？', { language: 'zh-Hans', size: 20 }));
    expect(list.find((e) => e.term === '乌军')?.kind).toBe('organisation');
    expect(list.find((e) => e.term === '俄军')?.kind).toBe('organisation');
  });
});

describe('automatic index: a subject only a run of nouns makes needs dispersion (round 3)', () => {
  // zh-hans-mfa-2020-02-24, line 5: 出院病例 said twice in one paragraph, a figure's wording, no subject.
  const CURED = '首先向大家通报一组数字：根据中国国家卫生健康委今天上午发布的统计数字，2月23日0—24时，中国境内新增治愈出院病例1846例。截至2月23日24时，中国境内累计治愈出院病例24734例。';
  it('a noun run said twice in one paragraph is no subject; in two paragraphs, or three times, it is', () => {
    // (Since round 9 the run is the one each use goes on with: 治愈出院病例, every time written so.)
    expect(terms(autoEntries(CURED, { language: 'zh-Hans', size: 20 })).filter((t) => t.includes('出院病例'))).toEqual([]);
    const twoTurns = CURED.replace('。截至', '。\n截至');
    expect(terms(autoEntries(twoTurns, { language: 'zh-Hans', size: 20 }))).toContain('治愈出院病例');
    const thrice = `${CURED}其中湖北省治愈出院病例较多。`;
    expect(terms(autoEntries(thrice, { language: 'zh-Hans', size: 20 }))).toContain('治愈出院病例');
  });
  it('on corpus books: the one-passage runs are gone (出院病例, 內地部門), a run said in two turns stays (中國外交官)', () => {
    const corpus = loadCorpus(corpusRoot, 'all');
    const of = (id: string) => terms(autoIndexOf(corpus.find((c) => c.id === id)!));
    expect(of('zh-hans-mfa-2020-02-24')).not.toContain('出院病例');
    expect(of('zh-hant-hkce-2016-06-21')).not.toContain('內地部門');
    expect(of('zh-hant-embassy-2020-04-18')).toContain('中國外交官');
  });
});

describe('automatic index: size fits the book', () => {
  it('about one entry per 150 characters of English (50 Han characters), at least 5', () => {
    expect(indexSize('x'.repeat(300), 'en')).toBe(5);
    expect(indexSize('x'.repeat(3000), 'en')).toBe(20);
    expect(indexSize('字'.repeat(650), 'zh-Hans')).toBe(13);
    expect(indexSize('字'.repeat(20_000), 'zh-Hant')).toBe(400);
  });

  it('a short corpus briefing gets a short index: the size bounds everything but the names it gives surely', () => {
    for (const c of loadCorpus().filter((c) => ['zh-hans-mfa-2017-12-06', 'en-state-2023-02-02', 'zh-hant-tao-2022-01-12'].includes(c.id))) {
      const read = readTranscript(Buffer.from(c.text), c.config);
      const { auto } = bookTopics(read.tree, c.config, { file: 'book.yaml' });
      const size = indexSize(c.text, c.config.language);
      expect(auto.length, c.id).toBeGreaterThanOrEqual(5);
      expect(auto.filter((e) => e.kind === 'subject').length, c.id).toBeLessThanOrEqual(size);
      // Names past the size are the text's own names, never more than twice the size in a briefing.
      expect(auto.length, c.id).toBeLessThanOrEqual(2 * size);
    }
  });
});

describe('book.yaml index: auto | curated | both', () => {
  const yaml = (extra: string) => `id: urn:x:auto\ntitle: 测试\nspeaker: 耿爽\nsource: 外交部\ndate: 2017-12-06\nlanguage: zh-Hans\n${extra}`;
  const corpus = loadCorpus().find((c) => c.id === 'zh-hans-mfa-2017-12-06')!;

  it('defaults to auto without topics and to curated with them', () => {
    expect(indexMode(parseBookConfig(yaml('')))).toBe('auto');
    expect(indexMode(parseBookConfig(yaml('topics:\n  - term: 耶路撒冷\n')))).toBe('curated');
    expect(indexMode(parseBookConfig(yaml('index: both\ntopics:\n  - term: 耶路撒冷\n')))).toBe('both');
  });

  it('both: the curated topics first, automatic entries for what they leave out, every one marked in the text', () => {
    const config = parseBookConfig(yaml('index: both\ntopics:\n  - term: 耶路撒冷地位问题\n  - term: 韩国\n    aliases: [中韩]\n'));
    const read = readTranscript(Buffer.from(corpus.text), config);
    const chosen = bookTopics(read.tree, config, { file: 'book.yaml' });
    expect(chosen.topics.slice(0, 2).map((t) => t.term)).toEqual(['耶路撒冷地位问题', '韩国']);
    expect(chosen.curated).toBe(2);
    expect(chosen.topics.slice(2).map((t) => t.term)).not.toContain('韩国');
    expect(chosen.topics.slice(2).map((t) => t.term)).toContain('文在寅');
    const { index, diagnostics } = markTopics(read.tree, chosen.topics, 'book.yaml', new Map(), { automaticFrom: chosen.curated });
    expect(diagnostics).toEqual([]);
    for (const e of allEntries(index)) expect(e.anchors.length + e.sub.length, e.term).toBeGreaterThan(0);
  });

  it('speaker labels: the outlet and the member they name are automatic entries, marked in the label and printed there; a curated topic is not marked in a label', () => {
    // zh-hans-mfa-2022-03-18 (路透社记者：), zh-hant-ly-2018-03-20 (柯委員建銘：, the member named only in labels)
    const mfa = loadCorpus().find((c) => c.id === 'zh-hans-mfa-2022-03-18')!;
    const { read, chosen, index, labels } = autoMarked(mfa, '路透社记者');
    expect(chosen.auto.find((e) => e.term === '路透社')?.kind).toBe('organisation');
    expect(chosen.auto.find((e) => e.term === '彭博社')?.kind).toBe('organisation');
    expect(labels.length).toBeGreaterThan(0);
    for (const s of labels) expect(s.anchors?.map((a) => s.label.slice(a.start, a.end))).toEqual(['路透社']);
    const reuters = allEntries(index).find((e) => e.term === '路透社')!;
    expect(reuters.anchors.length).toBe(labels.length + (mfa.text.match(/路透社(?!记者：)/gu) ?? []).length);
    const html = renderHtmlOf(read.tree);
    expect(html).toMatch(new RegExp(`<span id="${reuters.anchors[0]}" class="topic">路透社</span>记者`));
    // The principal's label is never marked; a curated topic stays in the body.
    expect(turns(read.tree).every((t) => t.speaker.role !== 'principal' || !t.speaker.anchors)).toBe(true);
    const curatedRead = readTranscript(Buffer.from(mfa.text), mfa.config);
    markTopics(curatedRead.tree, [{ term: '路透社', aliases: [], sub: [], seeAlso: [] }], 'book.yaml');
    expect(turns(curatedRead.tree).some((t) => t.speaker.anchors)).toBe(false);

    const ly = loadCorpus(corpusRoot, 'dev').find((c) => c.id === 'zh-hant-ly-2018-03-20')!;
    const lyTree = readTranscript(Buffer.from(ly.text), ly.config).tree;
    const ko = bookTopics(lyTree, { ...ly.config, index: undefined, topics: [] }, { file: 'book.yaml' }).auto.find((e) => e.term === '柯建銘');
    expect(ko).toMatchObject({ kind: 'person', aliases: ['柯委員建銘'] });
  });

  it('a speaker label that writes an organisation before the title (立法會主席梁君彥議員) gives the organisation an entry, marked in the label', () => {
    // zh-hant-legco-2020-01-16: 立法會 is written only inside the chair's label.
    const legco = loadCorpus(corpusRoot, 'dev').find((c) => c.id === 'zh-hant-legco-2020-01-16')!;
    const { chosen, index, labels } = autoMarked(legco, '立法會主席梁君彥議員');
    expect(chosen.auto.find((e) => e.term === '立法會')?.kind).toBe('organisation');
    expect(chosen.auto.find((e) => e.term === '梁君彥')?.kind).toBe('person');
    expect(labels.length).toBeGreaterThan(0);
    for (const s of labels) expect(s.anchors?.map((a) => s.label.slice(a.start, a.end)).sort()).toEqual(['梁君彥', '立法會'].sort());
    expect(allEntries(index).find((e) => e.term === '立法會')!.anchors.length).toBeGreaterThanOrEqual(labels.length);
  });

  it('a speaker label is marked for the entry it names only, not for another automatic entry it prints (记者 of 路透社记者)', () => {
    // zh-hans-mfa-2022-03-18 (路透社记者：): 记者 stands for any automatic entry the label's words hold.
    const mfa = loadCorpus().find((c) => c.id === 'zh-hans-mfa-2022-03-18')!;
    const read = readTranscript(Buffer.from(mfa.text), mfa.config);
    const auto = ['路透社', '记者'].map((term) => ({ term, aliases: [], sub: [], seeAlso: [] }));
    markTopics(read.tree, auto, 'book.yaml', new Map(), { automaticFrom: 0 });
    const labels = turns(read.tree).map((t) => t.speaker).filter((s) => s.label === '路透社记者');
    expect(labels.length).toBeGreaterThan(0);
    for (const s of labels) expect(s.anchors?.map((a) => s.label.slice(a.start, a.end))).toEqual(['路透社']);
  });

  it('TP170: index: curated with no topics leaves the book without an index', () => {
    const config = parseBookConfig(yaml('index: curated\n'));
    const read = readTranscript(Buffer.from(corpus.text), config);
    const chosen = bookTopics(read.tree, config, { file: 'book.yaml', line: 7, column: 8 });
    expect(chosen.topics).toEqual([]);
    expect(chosen.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['TP170', 'warning', 7]]);
  });

  it('TP171: index: auto leaves curated topics unused, and says so', () => {
    const config = parseBookConfig(yaml('index: auto\ntopics:\n  - term: 韩国\n'));
    const read = readTranscript(Buffer.from(corpus.text), config);
    const chosen = bookTopics(read.tree, config, { file: 'book.yaml' });
    expect(chosen.curated).toBe(0);
    expect(chosen.diagnostics.map((d) => d.code)).toEqual(['TP171']);
    expect(chosen.diagnostics[0].message).toContain('1 curated topics');
  });

  it('an invalid index: value is a book.yaml error naming the field', () => {
    expect(() => parseBookConfig(yaml('index: automatic\n'))).toThrow(/index/);
  });
});

// Fifth session: organisations of the gazettes and an earnings call's furniture, found on dev transcripts
// (zh-hant-ly-2017-12-27, zh-hant-ly-2018-03-20, zh-hant-mnd-2023-09-28, en-hanover-2005-04-01) and on the printed index of the last.
describe('automatic index: gazette organisations, units under their ministry, an earnings call (dev text)', () => {
  it('a committee named by two fields (司法及法制委員會), an institution the dictionary holds as a set phrase (立法院), a member after 委員 (許毓仁)', () => {
    const list = autoEntries('立法院第9屆第4會期司法及法制委員會第22次全體委員會議議事錄\n二、本院委員許毓仁等17人擬具「陸海空軍刑法部分條文修正草案」，請審議案。', { language: 'zh-Hant', size: 20 });
    expect(find(list, '立法院')?.kind).toBe('organisation');
    expect(find(list, '司法及法制委員會')?.kind).toBe('organisation');
    expect(find(list, '許毓仁')?.kind).toBe('person');
    expect(terms(list)).not.toContain('法制委員會');
  });

  it('a unit written with its ministry nests under it, the ministry an entry though named only inside the unit’s name; a 總處 of a 院 is whole', () => {
    const list = autoEntries('列席官員：\n交通部管理資訊中心副主任           范玉琳\n行政院政務副秘書長              何佩珊\n行政院主計總處主計資訊處高級分析師      林文遠', { language: 'zh-Hant', size: 20 });
    expect(list.find((e) => e.term === '交通部')?.sub.map((s) => s.term)).toEqual(['交通部管理資訊中心']);
    expect(list.find((e) => e.term === '行政院')?.sub.map((s) => s.term)).toEqual(['行政院主計總處']);
    // No cut name as an abbreviation (國防部新 of 國防部新聞局).
    const mnd = autoEntries('國防部新聞局今天表示，國防部將派員出席。國防部新聞局並說明。', { language: 'zh-Hant', size: 20 });
    expect(flatEntries(mnd).flatMap((e) => e.aliases)).not.toContain('國防部新');
  });

  it('English: role words are no entries (CEO, the Company), nor the principal’s surname (Burchett), a firm’s short name is its alias, a hyphenated act is one name, a headline’s common words name nothing', () => {
    const text = 'Hanover Capital Mortgage Holdings to Hold Conference Call to Update 2004 Fourth-Quarter and Year-End Financial Results\n'
      + 'Hanover Capital Mortgage Holdings - CEO\nStifel Nicolaus and Company - Analyst\n'
      + 'It is now my pleasure to introduce your host, Mr. John Burchett, chief executive officer of Hanover Capital Mortgage.  Thank you, Mr. Burchett, you may begin. '
      + 'Clearly, the Sarbanes-Oxley reporting is a burden. It also points out our need to continue to grow the capital base of the Company. '
      + 'Our first question is coming from Joe Stieven of Stifel Nicolaus.';
    // The principal (book.yaml speaker) is no entry, nor his surname alone.
    const list = autoEntries(text, { language: 'en', size: 30, principals: ['John Burchett'] });
    for (const t of ['CEO', 'Company', 'Hold Conference', 'End Financial', 'Nicolaus and Company', 'Sarbanes', 'Oxley', 'Hanover Capital Mortgage', 'Stifel Nicolaus', 'Burchett', 'John Burchett']) expect(terms(list), t).not.toContain(t);
    expect(find(list, 'Hanover Capital Mortgage Holdings')?.aliases).toContain('Hanover Capital Mortgage');
    expect(find(list, 'Stifel Nicolaus and Company')?.aliases).toContain('Stifel Nicolaus');
    expect(terms(list)).toContain('Sarbanes-Oxley');
  });

  it('English: a word capitalised mid-sentence that the lexicon does not know is a name, said once or more (Hamas, Auschwitz); a people in the plural is not (Israelis)', () => {
    // en-wh-2021-05-19, en-state-2015-01-27 (each said once in a long text, both hand-written entries)
    const long = ' The President spoke about it at length.'.repeat(300);
    const list = terms(autoEntries('“The two leaders had a detailed discussion on the state of events in Gaza, Israelis’ progress in degrading the capabilities of Hamas and other terrorist elements, and ongoing diplomatic efforts by regional governments and the United States.'
      + ' Today, we also mark the 70th anniversary of the liberation of Auschwitz in 1945 by the Soviet Army.' + long, { language: 'en', size: 30 }));
    for (const t of ['Hamas', 'Auschwitz', 'Gaza', 'Soviet Army']) expect(list).toContain(t);
    expect(list).not.toContain('Israelis');
  });

  it('English: a title in the plural is a title only before a name (Queens, Presidents Day stay whole)', () => {
    // The review's cases (index/en.ts isTitle): no dev transcript writes them, so the sentences are made up around them.
    const list = terms(autoEntries('Over the Presidents Day weekend, the President traveled. She grew up in Queens and still lives in Queens. Senators Roger Wicker and Dan Sullivan wrote.', { language: 'en', size: 30 }));
    expect(list).toContain('Queens');
    expect(list).not.toContain('Day');
    expect(list).toContain('Roger Wicker');
  });
});

describe('automatic index: classes of the dev part grown to 41 books (fifth session)', () => {
  it('a foreign name after a title is whole, however the tagger cuts it (呼日勒苏赫, 奥云额尔登, 金達尼亞, 洛钦, 特使孫國祥)', () => {
    // zh-hans-mfa-2022-08-09, zh-hant-mofa-2001-01-15, zh-hans-mfa-2020-02-24, zh-hant-mfa-2021-11-19
    const mongolia = terms(autoEntries('王毅国务委员分别同蒙古国总统呼日勒苏赫、总理奥云额尔登和国家大呼拉尔主席赞登沙特尔会见，同蒙外长巴特策策格举行会谈。', { language: 'zh-Hans', size: 20 }));
    for (const name of ['呼日勒苏赫', '奥云额尔登', '赞登沙特尔', '巴特策策格']) expect(mongolia, name).toContain(name);
    for (const cut of ['额尔登', '沙特尔', '巴特']) expect(mongolia, cut).not.toContain(cut);
    const salvador = terms(autoEntries('外交部已將總統、副總統、行政院張院長以及我本人致薩爾瓦多總統佛洛瑞斯、副總統金達尼亞及外長阿畢拉夫人的慰問信經由我駐館轉達。', { language: 'zh-Hant', size: 20 }));
    for (const name of ['佛洛瑞斯', '金達尼亞', '阿畢拉']) expect(salvador, name).toContain(name);
    for (const cut of ['瑞斯', '尼亞']) expect(salvador, cut).not.toContain(cut);
    expect(terms(autoEntries('21日，菲律宾外长洛钦发布多条推文称，此次特别外长会基于科学和事实。', { language: 'zh-Hans', size: 20 }))).toContain('洛钦');
    expect(terms(autoEntries('關於你的第二個問題，外交部亞洲事務特使孫國祥近日訪問緬甸等東盟國家。', { language: 'zh-Hant', size: 20 }))).toContain('孫國祥');
  });

  it('institutions: one the dictionary holds as a common noun, written with its head or beside another (行政院); a department (亚洲司); a mission with 驻, its country an entry', () => {
    // zh-hant-mofa-2001-01-15, zh-hant-ly-2017-04-12, zh-hans-mfa-2020-02-24
    const salvador = autoEntries('外交部已將總統、副總統、行政院張院長以及我本人致薩爾瓦多總統佛洛瑞斯的慰問信。', { language: 'zh-Hant', size: 20 });
    expect(find(salvador, '行政院')?.kind).toBe('organisation');
    expect(find(autoEntries('首先感謝立法院跟行政院的推薦，讓我有機會回到我之前工作過的地方。', { language: 'zh-Hant', size: 20 }), '行政院')?.kind).toBe('organisation');
    // A common word ending like an institution, written with neither, is none (电影院).
    expect(terms(autoEntries('我们昨天去电影院看了电影，电影院里人很多。', { language: 'zh-Hans', size: 20 }))).not.toContain('电影院');
    const zhao = autoEntries('赵立坚副司长从事外交工作已经24年，曾经在外交部亚洲司、驻美国使馆和驻巴基斯坦使馆工作过。', { language: 'zh-Hans', size: 20 });
    expect(terms(zhao)).toContain('外交部亚洲司');
    expect(find(zhao, '巴基斯坦')?.sub.map((e) => e.term)).toEqual(['驻巴基斯坦使馆']);
    expect(find(zhao, '美国')?.sub.map((e) => e.term)).toEqual(['驻美国使馆']);
  });

  it('English: a name is found where it is written as a whole word (Parliament beside Parliamentary Papers Act, Europe beside European Union)', () => {
    // en-hansard-2013-02-04, en-wh-2022-03-22
    const hansard = terms(autoEntries('What he said on that occasion may not be impeached or questioned in any court or place outside Parliament. However, the extent of the protection afforded under section 3 of the Parliamentary Papers Act 1840 is a matter for the courts.', { language: 'en', size: 20 }));
    expect(hansard).toContain('Parliament');
    const nato = terms(autoEntries('He’ll also do so when he addresses the 27 leaders of the European Union, because, on April 1st, the European Union is having a summit with China. Are you — do you anticipate additional U.S. troop deployments to Europe? Right now, Secretary of Defense, the Supreme Allied Commander of Europe believe that they have effective posture today.', { language: 'en', size: 20 }));
    expect(nato).toContain('Europe');
  });

  it('English: a roll of members after a title lists every one (Sessions, LaTourette, Hastings of Florida, Diaz-Balart); an act with its subject in brackets is one name', () => {
    // en-rules-2003-06-04, en-gpo-2007-09-27, en-hansard-2013-02-04
    const rules = autoEntries('The subcommittee met, pursuant to call, at 10:00 a.m., in Room H-313, The Capitol, Hon. John Linder [chairman of the subcommittee] presiding.\n\nPresent: Representatives Linder, Myrick, Sessions, Dreier, Hastings of Florida, and McGovern.\nAlso Present: Representative Hastings of Washington and Diaz-Balart.\n', { language: 'en', size: 20, principals: ['Mr. Linder'] });
    for (const name of ['Myrick', 'Sessions', 'Dreier', 'Hastings of Florida', 'McGovern', 'Hastings of Washington', 'Diaz-Balart']) expect(find(rules, name)?.kind, name).toBe('person');
    expect(terms(rules)).not.toContain('Diaz');
    const gpo = terms(autoEntries('Present: Representatives Delahunt, Davis, Herseth Sandlin, Pence, LaTourette and Hulshof.\n\nThe Chairman. A quorum being present, the select committee will come to order.', { language: 'en', size: 20 }));
    for (const name of ['LaTourette', 'Hulshof', 'Herseth Sandlin']) expect(gpo, name).toContain(name);
    // Not a roll: a title before one name and a clause (Secretary Blinken met …).
    expect(terms(autoEntries('Secretary Blinken met the press, and President Biden spoke.', { language: 'en', size: 20 }))).not.toContain('Blinken met the press');
    const bill = terms(autoEntries('You will recall that last week I raised with you the fact that the Marriage (Same Sex Couples) Bill will not be committed to the whole House tomorrow. His contribution is protected entirely by article 9 of the Bill of Rights.', { language: 'en', size: 20 }));
    expect(bill).toContain('Marriage (Same Sex Couples) Bill');
    for (const cut of ['Same Sex Couples', 'Bill']) expect(bill, cut).not.toContain(cut);
  });

  it('speaker labels name people and outlets in English too (Senator Bunning, MS KELLY, CNN of SUZANNE MALVEAUX, CNN …), marked in the label; a role is no one (MODERATOR, UNIDENTIFIED MALE)', () => {
    // en-chrg-2008-02-28: Senator Bunning and Chairman Dodd speak only in their labels.
    const chrg = loadCorpus(corpusRoot, 'dev').find((c) => c.id === 'en-chrg-2008-02-28')!;
    const { chosen, index, labels } = autoMarked(chrg, 'Senator Bunning');
    expect(chosen.auto.find((e) => e.term === 'Bunning')?.kind).toBe('person');
    expect(chosen.auto.find((e) => e.term === 'Dodd')?.kind).toBe('person');
    expect(labels.length).toBeGreaterThan(0);
    for (const s of labels) expect(s.anchors?.map((a) => s.label.slice(a.start, a.end))).toEqual(['Senator Bunning']);
    expect(allEntries(index).find((e) => e.term === 'Bunning')!.anchors.length).toBe(labels.length);
    // en-cnn-2005-12-14: CNN is written only in the correspondent's label.
    const cnn = loadCorpus(corpusRoot, 'dev').find((c) => c.id === 'en-cnn-2005-12-14')!;
    const tv = autoMarked(cnn, 'SUZANNE MALVEAUX, CNN WHITE HOUSE CORRESPONDENT');
    expect(tv.chosen.auto.find((e) => e.term === 'CNN')?.kind).toBe('organisation');
    for (const s of tv.labels) expect(s.anchors?.map((a) => s.label.slice(a.start, a.end)).sort()).toEqual(['CNN', 'SUZANNE MALVEAUX']);
    expect(labelPerson('MS KELLY')).toBe('Kelly');
    expect(labelPerson('SEN. JOHN EDWARDS')).toBe('John Edwards');
    for (const role of ['MODERATOR', 'UNIDENTIFIED MALE', 'SENIOR ADMINISTRATION OFFICIAL TWO', 'THE PRESIDENT', 'Operator', 'WHITE HOUSE AIDE']) expect(labelPerson(role), role).toBeUndefined();
    expect(labelOutlet('JOE WATKINS, GUEST HOST', 'JOE WATKINS')).toBeUndefined();
    // A parliament's label: the member's seat and party in the brackets (OpenAustralia, dev text en-au-2018-03-27).
    expect(labelSeatAndParty('Mr Tony Burke (Watson, Australian Labor Party, Manager of Opposition Business (House))', 'Mr Tony Burke')).toEqual({ seat: 'Watson', party: 'Australian Labor Party' });
    expect(labelSeatAndParty('Tony Smith (Speaker)', 'Tony Smith')).toEqual({ seat: undefined, party: undefined });
    expect(labelSeatAndParty('Anthony Albanese (Grayndler, Australian Labor Party, Prime Minister)', 'Anthony Albanese').seat).toBe('Grayndler');
    // zh-hans-embassy-2020-03-22: the interviewer 斯旺 (a transliteration) speaks only in his label.
    const embassy = loadCorpus(corpusRoot, 'dev').find((c) => c.id === 'zh-hans-embassy-2020-03-22')!;
    expect(autoMarked(embassy, '斯旺').chosen.auto.find((e) => e.term === '斯旺')?.kind).toBe('person');
  });
});

describe('automatic index: more classes of the grown dev part (fifth session)', () => {
  it('a full name the dictionary holds as a person’s (李金华), one the HMM made (李文亮/x), a place listed with known places (宏都拉斯), a unit the tagger cuts (內政部消防署)', () => {
    // zh-hans-cctv-2006-03-12, zh-hans-embassy-2020-03-22, zh-hant-mofa-2001-01-15
    expect(terms(autoEntries('我觉得采访这些部长给我印象比较深的可以说是“三李”，李肇星、李毅中、李金华。', { language: 'zh-Hans', size: 20 }))).toEqual(expect.arrayContaining(['李肇星', '李毅中', '李金华']));
    expect(find(autoEntries('你知道吗？（你刚才提到的）李文亮医生也是中国共产党党员，你知道吗？', { language: 'zh-Hans', size: 20 }), '李文亮')?.kind).toBe('person');
    const quake = autoEntries('這一次薩爾瓦多的大地震，事實上在其鄰近國家如宏都拉斯、瓜地馬拉也受到一些災害。在此特別要感謝內政部消防署以及台北市政府消防局。', { language: 'zh-Hant', size: 20 });
    expect(find(quake, '宏都拉斯')?.kind).toBe('place');
    expect(find(quake, '內政部消防署')?.kind).toBe('organisation');
    // A list of common words names no place (经贸、投资、矿能).
    expect(terms(autoEntries('双方同意推进经贸、投资、矿能、科技、农牧业等领域合作。', { language: 'zh-Hans', size: 20 }))).toEqual([]);
  });

  it('a people-heavy briefing: names after any head’s title (室长郑义溶, 会长汪道涵), foreign names before a title (向洪森首相, 布拉索昆副首相), a rare surname the tagger knows (栗战书委员长), a city after its country (越南河内), an office after its parent (中共湖南省委台办)', () => {
    // zh-hans-mfa-2018-09-07, zh-hans-tao-2023-04-26 (the second batch of dev gold, written after this session's first changes)
    const mfa = autoEntries('据韩方称，韩国国家安保室长郑义溶将于8日来华。李克强总理、栗战书委员长和王毅国务委员兼外长已分别向洪森首相、韩桑林国会主席和布拉索昆副首相兼外交大臣致电祝贺。国务院副总理胡春华将于9月11日至13日出席在越南河内举行的世界经济论坛东盟会议。', { language: 'zh-Hans', size: 30 });
    for (const name of ['郑义溶', '李克强', '栗战书', '王毅', '洪森', '韩桑林', '布拉索昆', '胡春华']) expect(find(mfa, name)?.kind, name).toBe('person');
    expect(find(mfa, '越南')?.sub.map((e) => e.term)).toEqual(['河内']);
    // A country before a title is a place, not a name (美国总统特朗普); words before a Chinese full name are not its part (先请|李克强).
    const trump = terms(autoEntries('美国总统特朗普和法国总统马克龙会谈。下面先请李克强总理讲话。', { language: 'zh-Hans', size: 30 }));
    expect(trump).toEqual(expect.arrayContaining(['特朗普', '马克龙', '美国', '法国', '李克强']));
    expect(trump.some((t) => /先请|美国总统/u.test(t))).toBe(false);
    const tao = terms(autoEntries('来源：中共湖南省委台办、湖南省政府台办 发布时间：2023-04-27\n1993年4月，海协会会长汪道涵与台湾海基会董事长辜振甫在新加坡举行了汪辜会谈。', { language: 'zh-Hans', size: 30 }));
    expect(tao).toEqual(expect.arrayContaining(['中共湖南省委台办', '湖南省政府台办', '汪道涵', '辜振甫']));
    for (const cut of ['台办', '中共', '湖南省政府']) expect(tao, cut).not.toContain(cut);
  });

  it('English: the first name of the principal’s full name is the principal too (Theresa of Theresa May)', () => {
    // en-uk-2017-12-01: May (a month) cuts the name short in the headline line.
    const list = terms(autoEntries('Theresa May – 2017 Speech on World Aids Day\nBelow is the text of the speech made by Theresa May, the Prime Minister, on World Aids Day on 1 December 2017.', { language: 'en', size: 20, principals: ['Theresa May'] }));
    expect(list).not.toContain('Theresa');
  });

  it('a record’s venue line names a numbered room (紅樓101會議室), not the chamber (議場)', () => {
    // zh-hant-ly-2017-04-12, zh-hant-ly-2018-03-20
    const room = autoEntries('時  間 中華民國106年4月12日（星期三）9時3分至13時27分\n地  點 本院紅樓101會議室\n主  席 邱委員議瑩\n', { language: 'zh-Hant', size: 20 });
    expect(find(room, '紅樓101會議室')?.kind).toBe('place');
    expect(terms(autoEntries('地  點  本院議場\n主  席 蘇院長嘉全\n', { language: 'zh-Hant', size: 20 })).some((t) => t.includes('議場'))).toBe(false);
  });

  it('a broadcaster’s label that writes the outlet after the name (任永蔚 中央电视台记者) gives the outlet', () => {
    // zh-hans-cctv-2006-03-12
    const cctv = loadCorpus(corpusRoot, 'dev').find((c) => c.id === 'zh-hans-cctv-2006-03-12')!;
    const { chosen, labels } = autoMarked(cctv, '任永蔚 中央电视台记者');
    expect(chosen.auto.find((e) => e.term === '中央电视台')?.kind).toBe('organisation');
    expect(chosen.auto.map((e) => e.term)).not.toContain('任永蔚 中央电视台');
    expect(labels.length).toBeGreaterThan(0);
  });

  it('fragments: no phrase starts inside a hyphenated word (top-to-bottom review) or after a number (30周年紀念峰會); a date ends a name (NATO Summit on Thursday); a legal ending ends a firm’s name and the headline after it names nothing; a chief officer’s initials are a role (CSO)', () => {
    // en-chrg-2008-07-16, zh-hant-mfa-2021-11-19, en-wh-2022-03-22, en-fool-2020-04
    const review = terms(autoEntries('I described in my testimony here in July that we were going to do a top-to-bottom review of all these issues. You need a top-to-bottom review for something this simple?', { language: 'en', size: 20 }));
    expect(review).not.toContain('bottom review');
    const summit = terms(autoEntries('在即將召開的中國—東盟建立對話關系30周年紀念峰會上，中國對有關南海問題的討論有何期待？', { language: 'zh-Hant', size: 20 }));
    expect(summit).not.toContain('周年紀念峰會');
    const nato = terms(autoEntries('That is something the President will discuss with his Allies at the NATO Summit on Thursday.', { language: 'en', size: 20 }));
    expect(nato).toContain('NATO Summit');
    expect(nato).not.toContain('NATO Summit on Thursday');
    const call = autoEntries('Good day, and welcome to the OneSmart International Education Group Limited Announces Unaudited Financial Results for the Second Fiscal Quarter Ended February 29, 2020 Conference Call. Joining me today are Mr. Steve Zhang, Chairman and CEO; Mr. Greg Zuo, our CSO and CFO.', { language: 'en', size: 20 });
    expect(find(call, 'OneSmart International Education Group Limited')?.kind).toBe('organisation');
    for (const t of ['OneSmart International Education Group Limited Announces Unaudited Financial Results', 'Announces Unaudited Financial Results', 'CSO']) expect(terms(call), t).not.toContain(t);
  });

  it('English: an institution named whole after a title is the entry (Chairman of the Federal Reserve, Chair of the House Rules Committee); a capital The inside a sentence names what follows (The Capitol)', () => {
    // en-chrg-2008-07-16, en-gpo-2007-09-27, en-rules-2003-06-04
    const fed = terms(autoEntries('Chairman Bernanke, quickly, when did you become Chairman of the Federal Reserve?', { language: 'en', size: 20 }));
    expect(fed).toContain('Federal Reserve');
    const rules = terms(autoEntries('I would be remiss not to begin by thanking the Chair of the House Rules Committee, Louise Slaughter, and the Ranking Member, David Dreier.', { language: 'en', size: 20 }));
    expect(rules).toContain('House Rules Committee');
    expect(rules).not.toContain('Chair of the House Rules Committee');
    // A one-word domain is no institution of its own (Leader of the House, Secretary of the Treasury).
    expect(terms(autoEntries('The Leader of the House spoke to the Secretary of the Treasury.', { language: 'en', size: 20 }))).not.toContain('Treasury');
    expect(terms(autoEntries('The subcommittee met, pursuant to call, at 10:00 a.m., in Room H-313, The Capitol, Hon. John Linder presiding.', { language: 'en', size: 20 }))).toContain('Capitol');
  });
});

describe('automatic index: general changes of the stage diagnostic (scripts/eval/index-why.ts)', () => {
  it('English: a common noun capitalised after the/this and never in lower case names an institution (the Pentagon); not the firm speaking of itself, nor a word the text also writes in lower case', () => {
    // en-cnn-2004-12-02
    const pentagon = find(autoEntries('Here is what is happening now in the news. Beginning in the Pentagon, it is bolstering U.S. troop strength in Iraq.', { language: 'en', size: 20 }), 'Pentagon');
    expect(pentagon?.kind).toBe('organisation');
    expect(terms(autoEntries('We thank the Company for its results. Revenue at the Company rose in the quarter.', { language: 'en', size: 20 }))).not.toContain('Company');
    expect(terms(autoEntries('He said this Government would act. The government of the day always says so.', { language: 'en', size: 20 }))).not.toContain('Government');
  });

  it('a proper name of no kind the tagger knows is not cut by the size for surer names (Hamas)', () => {
    // en-state-2024-07-19, cut short
    const text = 'Secretary Blinken met Prime Minister Netanyahu and President Herzog in Jerusalem, and then Foreign Minister Shoukry in Cairo, to talk about the hostages that Hamas still holds.';
    expect(terms(autoEntries(text, { language: 'en', size: 1 }))).toContain('Hamas');
  });

  it('Chinese: a rare abbreviation of the dictionary is an organisation (联大, 俄军), a common one is not (深化)', () => {
    // zh-hans-premier-2017-03-15, zh-hans-mfa-2022-03-18, zh-hans-mfa-2017-12-06 (cut short)
    expect(find(autoEntries('你的提问让我回想起去年9月份我去联大出席系列高级别会议期间到美国纽约经济俱乐部演讲。', { language: 'zh-Hans', size: 20 }), '联大')?.kind).toBe('organisation');
    expect(terms(autoEntries('中方感到痛惜的平民伤亡，大部分是由俄军造成的还是由乌军造成的？', { language: 'zh-Hans', size: 20 }))).toContain('俄军');
    expect(terms(autoEntries('双方同意深化各领域务实合作。', { language: 'zh-Hans', size: 20 }))).not.toContain('深化');
  });

  it('Chinese: two places the tagger writes as one token are the region and its city (广西 › 南宁)', () => {
    // zh-hans-mfa-2018-09-07
    const list = autoEntries('第15届中国—东盟博览会暨中国—东盟商务与投资峰会将于9月12日至15日在广西南宁举行。', { language: 'zh-Hans', size: 20 });
    expect(find(list, '广西')?.sub.map((e) => e.term)).toContain('南宁');
    expect(terms(list)).not.toContain('广西南宁');
  });
});

describe('automatic index against hand-written entries (test/index-gold)', () => {
  it('test (held out, never tuned on): precision and names recall at or above the floors reached', () => {
    const f = figures(scores.filter((s) => s.split === 'test'));
    expect(f.books).toBeGreaterThanOrEqual(15);
    expect(f.unjudged).toBe(0);
    // Reached on 2026-12-05: 70.9 % useful, 47.6 % of hand-written names found (targets 90 % / 80 %);
    // second session (same day): 79.3 % and 54.5 % on 12 books; 82.1 % and 56.3 % with the earnings
    // call added to the test part (gold written before the engine ran on it).
    // Third session: 85.3 % and 69.7 % on 15 books (the two test earnings calls en-amzn, en-googl added,
    // their gold written before the engine ran on them).
    // Fourth session: 87.0 % and 70.9 % (names in speaker labels found; new entries judged by reading the text).
    // Fifth session: 88.2 % and 77.7 % (gazette committees and institutions, units under their ministry, role words,
    // unknown proper names said once; tuned on dev only; one new test entry judged by reading the text).
    // Seventh (2026-12-06): 88.6 % and 78.9 %, measured once at the end after tuning on a dev part grown to 50 books
    // (three new test entries judged by reading the text; two of them wrong, a glued 正对澳大利亚 and a cut 廖萬堅, left unfixed).
    // Round 2 of the seventh: 88.3 % (188/213) and 80.0 % (140/175), measured at the end after four general changes chosen
    // by the stage diagnostic on the dev halves (scripts/eval/index-why.ts); one more entry a person had judged wrong before.
    // Round 3: 88.2 % (187/212) and 80.0 %: the dispersion rule for Chinese noun-run subjects dropped one useful test subject.
    // Round 4: 88.7 % (188/212) and 80.6 % (141/175), measured once at the end (surname particles, units after a number,
    // the occasion in the head lines; one new test entry judged wrong by reading the text: al-Zawahiri Attacks, a headline's glue).
    // Round 5 (2026-12-06): 88.9 % (185/208) and 80.0 % (140/175), measured at the end (English: a long text's phrase said
    // twice a subject only when nouns make it, names called on, broken-off words, lexicon organisations whole; all chosen on
    // dev, where the halves did not change, and checked on the dev books without gold). Four fewer entries, one of them a
    // hand-written person: the names floor is the measurement, 0.6 pt under round 4's (a rule not confirmed on test).
    // Round 6: 88.5 % (184/208) and 80.0 % (140/175), measured once at the end. The one new zh-Hant entry, 略過 (a verb
    // read as a place after 香港 by the rare-county rule), was judged wrong by reading the text; no rule was changed
    // because of it (the rule was chosen on dev). The useful floor is the measurement.
    // Round 7 (2026-12-06): 89.1 % (188/211) and 81.1 % (142/175), measured once at the end, after tuning on a dev part
    // widened with 18 real texts the corpus does not hold (test/index-gold/texts/). One new test entry, al-Zawahiri (the
    // surname beside the full name), judged wrong by reading the text; no rule was changed because of it. Floors: the measurement.
    // Eighth session (2026-12-06): 88.3 % (189/214) and 81.1 % (142/175), measured once at the end, after tuning on a dev part
    // widened with seven more real texts (国新办, 行政院, 中評社, Commons, an earnings call, PBS, WNYC). Three more test entries,
    // all zh-Hant subjects let in by the share of the size now kept for subjects (chosen on dev: 13 hand-written subjects in, 1
    // wrong); two of them a person had judged wrong before. No rule was changed because of it: the useful floor is the measurement,
    // 0.8 pt under round 7's (a rule not confirmed on test, as in round 5).
    // Ninth session (2026-12-06): 88.7 % (189/213) and 81.1 % (142/175), measured once at the end, after tuning on a dev part
    // widened with eleven more real texts (商务部, 人民网, 新华社, 全国人大 记者会, Taiwan 外交部, 香港特區政府, NATO, UN, NPR). One
    // wrong headline entry of en-cnn-2006-09-29 (… Journalist Bob Woodward's New Book) became two (the full name's possessive now
    // ends a name), both judged wrong by reading; three other wrong ones were gone. No rule was changed because of it. Floors: the measurement.
    // Session 38 (2026-12-06): 88.7 % (188/212) and 80.6 % (141/175), measured once at the end, after tuning on a dev part
    // widened with ten more real texts of sources it lacked (澳門新聞局, 教育部 Big5, 中央社, 东方网, 新华社 2022, 齐鲁网, Japan's
    // MOFA, pm.gov.au, Rev, Downing Street Says). One new zh-Hant entry, 蔡副 of 蔡副院長其昌 (the new finder of unknown names
    // before a title), judged wrong by reading the text; one hand-written zh-Hant name fewer found. No rule was changed because
    // of it. Floors: the measurement (0.1 pt and 0.5 pt under the ninth session's: rules not confirmed on test).
    // Session 39 (2026-12-06): 89.2 % (190/213) and 81.7 % (143/175), measured once at the end, after tuning on a dev part
    // widened with nine more real texts (香港 行政長官 2015 and 2012, MFA 2019, 立法院 2015, an Obama gaggle, pm.gov.au 2025,
    // Commons 2011, a Seeking Alpha call of 2008, Meet the Press 2007); no test entry was unjudged, none was looked at.
    // Floors: the measurement.
    expect(f.precision).toBeGreaterThanOrEqual(0.892);
    expect(f.recall).toBeGreaterThanOrEqual(0.817);
  });

  const scores = scoreAll();

  it('takes each book’s part from the corpus table, and refuses a gold file that says another', () => {
    const corpus = [...goldTexts().values()];
    for (const s of scores) expect(s.split, s.id).toBe(corpus.find((c) => c.id === s.id)!.expected.split);
    const gold = loadGold().find((g) => g.id === 'en-wh-2021-05-19')!;
    const entry = corpus.find((c) => c.id === gold.id)!;
    expect(() => scoreBook(entry, { ...gold, split: 'test' })).toThrow(/corpus puts en-wh-2021-05-19 in dev/);
  });

  it('has gold entries for dev transcripts in zh-Hans, zh-Hant and English', () => {
    const gold = loadGold();
    for (const lang of ['zh-hans', 'zh-hant', 'en']) expect(gold.filter((g) => g.id.startsWith(lang) && g.split === 'dev').length, lang).toBeGreaterThanOrEqual(4);
  });

  it('dev: precision and names recall at or above the floors reached', () => {
    const f = figures(scores.filter((s) => s.split === 'dev'));
    // Share of automatic entries that are a gold entry or judged useful, of all (unjudged count as wrong).
    // Floors: the figures reached (first session of 2026-12-05: dev 87.7 % and 52.2 %; second: 99.2 %
    // and 57.2 %), the recall still below the issue's target of 80 %: raise them as the engine
    // improves, never lower them.
    // Third session, on 22 dev books (7 added, gold written before the engine ran on them): 96.8 % and 82.3 %.
    // Fourth session, on 23 dev books (en-wh-2021-05-19 added; Kyra neutral where she is the principal): 97.5 % and 86.7 %.
    // Fifth session: 98.6 % and 89.8 %; sixth: 98.6 % and 90.2 % (organisations in speaker labels).
    // Seventh (2026-12-06): the dev part grown to 41 books (18 added, gold written before the engine ran on them,
    // spread over hearings, an earnings call, TV, Hansard, LY, MFA zh-Hant, State, DoD, an embassy interview):
    // the engine before this session measured 93.6 % and 79.3 % on them; after the fixes of this session's classes 97.0 % and 87.7 %.
    // Then nine more (written after those fixes, to check them on books they were not made on): on those nine the engine
    // measured 90.4 % and 71.2 % at its first run, 80.8 % names found after the next fixes; all 50 dev books: 96.8 % and 86.7 %.
    // Round 2: four general changes chosen by the stage diagnostic (scripts/eval/index-why.ts) on fixed dev halves:
    // 96.7 % and 89.1 % (the Earth, an institution by its capital, judged wrong: the precision floor 0.1 pt lower).
    // Round 3: 97.3 % and 89.1 % (Chinese noun-run subjects need two paragraphs or three mentions).
    // Round 4: 97.6 % and 89.1 % (conference call and Teleconference, the occasion named in the head lines, gone).
    // Round 6: 97.6 % and 89.9 % (452/503: Chinese institutions glued to their head's title, a county after its region, 乌军).
    // Round 7: the dev part widened with 18 real texts the corpus does not hold (test/index-gold/texts/: MFA, 国台办, 国防部,
    // 總統府, State, UN, the Australian House, CNN, an earnings call), gold written before the engine ran on them. The engine
    // as it was measured on them what the held-out part showed; after this round's fixes 85.7 % and 81.0 %. All 68 dev books:
    // 94.3 % and 87.3 % (the floors); the 50 corpus dev books 97.8 % and 89.9 % (their own floors below: no change may lose them).
    // Eighth session (2026-12-06): seven more real texts of shapes the gold lacked (test/index-gold/texts/: 国新办 2019, 行政院
    // 院長提示, a 中評社 report, a Commons debate, an earnings call, PBS NewsHour, WNYC), gold written before the engine ran on
    // them: 87.7 % and 85.3 % at the first run, 89.7 % and 85.3 % after this session's fixes. The bare word House is no longer a
    // hand-written form (test/index-gold/README.md): two House of Commons entries that only House found are now missed.
    // All 75 dev books: 94.6 % (809/855) and 87.0 % (669/769; floors 0.945 and 0.869); the 68 of round 7: 95.1 % and 87.2 %; the 50 corpus books 98.0 % and 89.5 %.
    // Ninth session (2026-12-06): eleven more real texts of kinds and sources the dev part lacked (test/index-gold/texts/:
    // 商务部, 人民网, 新华社, 全国人大 记者会, Taiwan 外交部, two 香港特區政府, NATO, a Security Council meeting, two NPR), gold
    // written before the engine ran on them: 80.9 % and 78.6 % at the first run (83.0 % once its 27 new entries were judged),
    // 95.2 % and 93.6 % after this session's fixes (tuned on them: no longer a held-out figure). All 86 dev books: 94.7 %
    // (949/1002) and 87.9 % (786/894; floors 0.947 and 0.879); the 75 of round 8 kept theirs (94.6 %, 810/856; 87.0 %).
    // On merging with the reader's shapes round of the same session, NPR's `Mr. BILL MOYERS (Author, "…"):` is read as a
    // label, and its role word Author became one more entry, judged wrong: 94.6 % (948/1002), floor 0.946.
    // Session 38: ten more real texts of sources the dev part lacked (test/index-gold/texts/: 澳門新聞局, 教育部 as the central
    // portal's Big5 mirror prints it, 中央社, 东方网, 新华社 2022, 齐鲁网, Japan's MOFA, pm.gov.au, Rev, Downing Street Says), gold
    // written before the engine ran on them: 69.7 % (76/109) and 65.6 % (59/90) at the first run, 90.8 % (99/109) and 90.0 %
    // (81/90) after this session's fixes (tuned on them now). All 96 dev books: 94.6 % (1050/1110) and 88.1 % (867/984); the
    // 86 of the ninth session 95.0 % (951/1001) and 87.9 % (786/894), up from 94.6 % and 87.9 %.
    // On merging the reader's rule for an interviewer who is the book's principal (CR:, AL:; test/structure/shapes-s38.test.ts),
    // en-cnn-2005-10-09 (speaker BLITZER) reads as questions and answers, not remarks and moderation, and its Kentucky,
    // said in Blitzer's questions only, is no longer proposed: 88.0 % (866/984), floor 0.880; the 86: 87.8 % (785/894), floor 0.878.
    // Session 39: nine more real texts of shapes the dev part lacked (test/index-gold/texts/: 香港 行政長官 2015 and a
    // 候任行政长官 of 2012 in simplified characters, an MFA reprint of 2019, 立法院 2015 as lysayit prints it, an Obama
    // gaggle, pm.gov.au 2025, the Commons' Business of the House 2011, a Seeking Alpha call of 2008, Meet the Press 2007),
    // gold written before the engine ran on them: 70.3 % (78/111) and 81.2 % (69/85) at the first run, 89.7 % (87/97) and
    // 87.1 % (74/85) after this session's fixes (tuned on them now). All 105 dev books: 94.9 % (1147/1209) and 89.0 %
    // (951/1069); the 96 of session 38: 95.3 % (1060/1112) and 89.1 % (877/984), up from 94.6 % and 88.0 %.
    // Session 39, second round: five more real texts of new shapes (an ECB press conference, two Senate hearings, a Singapore
    // minister, a 全国政协 report), gold written before the engine ran on them: 87.2 % (34/39) and 72.7 % (24/33) at the first
    // run, 92.1 % (35/38) and 78.8 % (26/33) after the round's fixes. All 110 dev books: 95.3 % (1186/1244) and 88.9 %
    // (980/1102); the 105 of round 1: 95.4 % (1151/1206) and 89.2 % (954/1069), up from 94.9 % and 89.0 %.
    expect(f.precisionStrict).toBeGreaterThanOrEqual(0.953);
    expect(f.recall).toBeGreaterThanOrEqual(0.889);
    expect(f.books).toBe(loadGold().filter((g) => g.split === 'dev').length);
    // Each earlier group keeps its own floors: [name, books, useful, found].
    const dev = scores.filter((s) => s.split === 'dev');
    const groups: [string, typeof dev, number, number, number][] = [
      ['the 105 of session 39, round 1', dev.filter((s) => !SESSION39B.has(s.id)), 105, 0.954, 0.892],
      ['the 5 of session 39, round 2', dev.filter((s) => SESSION39B.has(s.id)), 5, 0.921, 0.787],
      ['the 96 of session 38', dev.filter((s) => before39(s.id)), 96, 0.958, 0.893],
      ['the 9 of session 39', dev.filter((s) => SESSION39.has(s.id)), 9, 0.907, 0.882],
      ['the 86 of the ninth session', dev.filter((s) => !SESSION38.has(s.id) && before39(s.id)), 86, 0.963, 0.891],
      ['the 10 of session 38', dev.filter((s) => SESSION38.has(s.id)), 10, 0.917, 0.911],
    ];
    for (const [name, group, books, useful, found] of groups) {
      const g = figures(group);
      expect([g.books, g.precisionStrict >= useful, g.recall >= found], name).toEqual([books, true, true]);
    }
    const round8 = figures(scores.filter((s) => s.split === 'dev' && !s.id.match(/^(zh-hans-(mofcom-2025-06-05|people-2018-05-14|xinhua-2018-03-03|npc-2018-03-07)|zh-hant-(mofa-2020-12-03|hk-2016-06-21|hk-2016-01-14)|en-(nato-2019-11-19|unsc-2019-06-06|npr-2011-05-23|npr-2021-06-11))$/u) && !SESSION38.has(s.id) && before39(s.id)));
    expect(round8.books).toBe(75);
    expect(round8.precisionStrict).toBeGreaterThanOrEqual(0.948);
    expect(round8.recall).toBeGreaterThanOrEqual(0.868); // 0.869 until Kentucky (see above)
    const corpusIdsAll = new Set(loadCorpus(corpusRoot, 'all').map((c) => c.id));
    const corpusDev = figures(scores.filter((s) => s.split === 'dev' && corpusIdsAll.has(s.id)));
    expect(corpusDev.books).toBe(50);
    expect(corpusDev.precisionStrict).toBeGreaterThanOrEqual(0.980);
    // 0.898 until the bare House stopped being a hand-written form (two House of Commons entries; see above).
    expect(corpusDev.recall).toBeGreaterThanOrEqual(0.894);
  });
});

describe('automatic index: particles of a surname, units after a number (round 4, dev text)', () => {
  it('a full name with lower-case particles is read whole, its particle-less surname no entry (von der Leyen, bin Salman)', () => {
    // en-wh-2021-10-30 (the first sentence); the second is made to hold the full name and the short form together.
    const eu = terms(autoEntries('Before I take a second to go through the details, I do want to thank our counterparts in the EU, particularly President von der Leyen and my counterpart**,** Executive Vice-President Valdis Dombrovskis, for their partnership.', { language: 'en', size: 20 }));
    expect(eu).toContain('von der Leyen');
    expect(eu).toContain('Valdis Dombrovskis');
    expect(eu).not.toContain('Leyen');
    expect(eu).not.toContain('von der');
    const full = autoEntries('Ursula von der Leyen met Mohammed bin Salman. Later, von der Leyen said the talks went well, and von der Leyen left.', { language: 'en', size: 20 });
    expect(terms(full)).toContain('Ursula von der Leyen');
    expect(terms(full)).toContain('Mohammed bin Salman');
    expect(terms(full)).not.toContain('Leyen');
    expect(find(full, 'Ursula von der Leyen')?.aliases).toContain('von der Leyen');
  });

  it('a phrase whose first word is the unit after a number is a fragment (50 percent tariff → no "percent tariff")', () => {
    // en-wh-2021-10-30
    const text = 'As many of you know, the EU was set to increase tariffs on December 1st to 50 percent on iconic American companies, like Harley Davidson and the Kentucky bourbon industry.  I don’t think we can underestimate how crippling a 50 percent tariff is.  A business can’t survive with a 50 percent tariff.  The 25 percent tariff on steel stays.';
    expect(terms(autoEntries(text, { language: 'en', size: 20 })).filter((t) => /percent/.test(t))).toEqual([]);
  });
});

describe('automatic index: the occasion named in the head lines is no subject (round 4, dev text)', () => {
  it('a subject whose head word ends a short head line (Q2 2020 Earnings Call, Via Teleconference) is furniture; a topic stays', () => {
    // en-fool-2020-04: the dateline and the first sentence of the call.
    const call = 'Good morning and good evening, everyone, and thank you for joining OneSmart International Education Group Limited second fiscal quarter 2020 earnings conference call. The conference call covers tuition revenue. Our tuition revenue grew, and tuition revenue will grow again.';
    const withHead = terms(autoEntries(call, { language: 'en', size: 20, head: ['Q2 2020 Earnings Call', ', 8:00 a.m. ET'] }));
    expect(terms(autoEntries(call, { language: 'en', size: 20 }))).toContain('conference call');
    expect(withHead).not.toContain('conference call');
    expect(withHead).toContain('tuition revenue');
    // en-wh-2022-12-08: the head line, read from the transcript as the build reads it.
    const book = loadCorpus(corpusRoot, 'all').find((c) => c.id === 'en-wh-2022-12-08')!;
    const read = readTranscript(Buffer.from(book.text), book.config);
    expect(headLines(read.tree)).toEqual(['Via Teleconference']);
    const auto = terms(autoEntries('Via Teleconference\nThe Teleconference is on background. The Teleconference ends at noon.', { language: 'en', size: 20, head: headLines(read.tree) }));
    expect(auto).not.toContain('Teleconference');
    expect(auto).not.toContain('Via Teleconference');
  });

  it('a text with no turn has no head: its short lines are headings, not furniture', () => {
    const statement = 'Climate Change\n\nWe will act on climate change this year. Climate change costs every country.\n\nTrade\n\nTrade grew again.';
    const read = readTranscript(Buffer.from(statement), { ...loadCorpus(corpusRoot, 'all').find((c) => c.id === 'en-wh-2022-12-08')!.config, speaker: 'Nobody Here' });
    expect(headLines(read.tree)).toEqual([]);
  });
});

describe('automatic index: a long text’s subjects must be salient in it (round 5, dev text)', () => {
  it('in a long English text, a phrase said twice is a subject only when nouns make it (vaccine doses, human rights), not an adjective (constructive role, private sector)', () => {
    // en-wh-2021-05-17 (dev, 40,000 characters): both kinds said twice, the nouns' compounds stay.
    const auto = terms(autoIndexOf(loadCorpus(corpusRoot, 'all').find((c) => c.id === 'en-wh-2021-05-17')!));
    for (const gone of ['constructive role', 'private sector', 'economic prosperity', 'monthly payment', 'period of conflict']) expect(auto).not.toContain(gone);
    for (const kept of ['vaccine doses', 'weapons sales', 'human rights', 'war crimes']) expect(auto).toContain(kept);
  });
  it('a short text keeps an adjective’s phrase said twice; said three times it stays in a long one too', () => {
    // en-wh-2021-05-17, lines 137 and 395: the two sentences that hold “constructive role”; then the same with
    // 10,000 characters of other talk between them (a sentence of line 395 repeated), then with a third mention.
    const first = 'The President’s view and the view of senior leaders in the White House is that our role as the White House, as the federal government, as the President of the United States is to play a constructive role in diplomacy to use our role, our relationships around the world to have intensive, quiet discussions with leaders in the region that we have longstanding relationships with.\n';
    const second = 'We will remain in touch about what the direct needs are on the ground, and hope that we can play a constructive role in reducing the numbers and bringing some relief to the people of India.\n';
    const filler = 'So, we will continue to provide a range of assistance.\n'.repeat(190);
    expect(terms(autoEntries(first + second, { language: 'en', size: 20 }))).toContain('constructive role');
    expect(terms(autoEntries(first + filler + second, { language: 'en', size: 200 }))).not.toContain('constructive role');
    expect(terms(autoEntries(first + filler + second + second, { language: 'en', size: 200 }))).toContain('constructive role');
  });
});

describe('automatic index: a name mostly called on is no entry (round 5, dev text)', () => {
  it('a one-word name that two thirds of its uses address (Thank you, Karine. / Karine —) is no entry, though the tagger knows no first name', () => {
    // en-wh-2022-09-08, lines 99, 259, 295, 373 and 375 (reporters to the press secretary), the questions cut short.
    const text = ['Thank you, Karine.  Has the White House specifically inquired about the Queen’s health this morning?',
      'Thanks, Karine.  Yeah, you’ve talked about trying to get costs down.', '— Karine, on that?', 'Karine —', 'Karine, the Queen has died.'].join('\n');
    expect(terms(autoEntries(text, { language: 'en', size: 20 }))).not.toContain('Karine');
  });
});

describe('automatic index: a phrase the text mostly capitalises is a name’s words (round 5, dev text)', () => {
  it('inflation reduction, said once in lower case and thrice in the Inflation Reduction Act, is no subject; the act is an entry', () => {
    // en-wh-2022-09-08, lines 57, 179 and 369, cut short, and a sentence of line 365.
    const text = ['So, we support the permitting reform bill, which will help us realize the benefits of the historic investments in the Inflation Reduction Act and the Bipartisan Infrastructure Law as well.',
      'We had a string of successes, as you know: the Inflation Reduction Act, which is going to lower cost for Americans.',
      'Why do you guys keep saying the Inflation Reduction Act is reducing prices?',
      'So where’s the inflation reduction for everything else?'].join('\n');
    const auto = terms(autoEntries(text, { language: 'en', size: 20 }));
    expect(auto).not.toContain('inflation reduction');
    expect(auto).toContain('Inflation Reduction Act');
  });
});

describe('automatic index: a subject in the singular and the plural is one entry (round 5, dev text)', () => {
  it('war crime and war crimes: one entry, headed by the form said more often, the other its alias', () => {
    // en-wh-2022-03-11, lines 50, 60, 64 and 66.
    const text = ['U.S. Ambassador to the U.N., Linda Thomas-Greenfield, she said that what Putin has done to Ukraine constitutes a war crime.  Does it believe that Russia’s actions against Ukraine constitute war crimes?',
      'When it comes to war crimes, we have all seen the devastating images coming out of Ukraine and are appalled by Russia’s brutal tactics.',
      'If Russia is intentionally targeting civilians, that would be a war crime.  And as we are all seeing on live television, evidence is mounting.',
      'There are strong indications that this is occurring and that the heinous way Russia is prosecuting this war will result in war crimes.'].join('\n');
    const auto = autoEntries(text, { language: 'en', size: 20 });
    expect(terms(auto)).toContain('war crimes');
    expect(terms(auto)).not.toContain('war crime');
    expect(find(auto, 'war crimes')?.aliases).toContain('war crime');
  });
});

describe('automatic index: a first name between commas is said to the person (round 5, dev text)', () => {
  it('Well, Trevor, I think… / With that, Colleen, welcome back. / I think, Kelly, what… : no entry', () => {
    // en-wh-2021-05-17, en-wh-2022-09-14, en-wh-2021-10-13, en-wh-2022-06-14 (the press secretary's answers, cut short).
    const text = ['Well, Trevor, I think it’s clear to everyone who has been watching that the President is focused on diplomacy.',
      'With that, Colleen, welcome back.', 'Well, I think, Kelly, what’s motivating some of these steps is the supply chain.',
      'Okay.  With that, Darlene, you want to kick us off?'].join('\n');
    const auto = terms(autoEntries(text, { language: 'en', size: 20 }));
    for (const name of ['Trevor', 'Colleen', 'Kelly', 'Darlene']) expect(auto).not.toContain(name);
  });
});

describe('automatic index: a word the speaker broke off is no entry (round 5, dev text)', () => {
  it('Bipartisan Infrastruc- — Infrastructure Law, Big Fo- — the Big Four: the cut words are no entries, what was said again is', () => {
    // en-wh-2022-09-08 line 57; en-wh-2022-01-25 line 307 (cut short).
    const text = ['So, we support the permitting reform bill, which will help us realize the benefits of the historic investments in the Inflation Reduction Act and the Bipartisan Infrastruc- — Infrastructure Law as well.',
      'And since December, we’ve had dozens of engagements with Congress on Ukraine and Russia, including two by President Biden, including one on December 7th with Big Fo- — with the Big Four; a January 19th virtual meeting with CODEL members.'].join('\n');
    const auto = terms(autoEntries(text, { language: 'en', size: 20 }));
    expect(auto).not.toContain('Bipartisan Infrastruc');
    expect(auto).not.toContain('Big Fo');
    expect(auto).toContain('Big Four');
  });
});

describe('automatic index: on or for does not join a place to a body (round 5, dev text)', () => {
  it('engagements with Congress on Ukraine: Congress and Ukraine, not “Congress on Ukraine”', () => {
    // en-wh-2022-01-25, line 307 (cut short).
    const text = 'And since December, we’ve had dozens of engagements with Congress on Ukraine and Russia, including two by President Biden.';
    const auto = terms(autoEntries(text, { language: 'en', size: 20 }));
    expect(auto).not.toContain('Congress on Ukraine');
    expect(auto).toContain('Congress');
    expect(auto).toContain('Ukraine');
  });
});

describe('automatic index: an organisation the lexicon knows whole keeps its words (round 5, dev text)', () => {
  it('the Associated Press and General Motors are whole, not Associated and Motors; GM is General Motors’ alias', () => {
    // en-wh-2022-10-06 (the press secretary calls on a reporter); en-wh-2022-09-14, lines 8 and 10 (cut short).
    const ap = terms(autoEntries('With that, let’s go to Chris Megerian at the Associated Press.', { language: 'en', size: 20 }));
    expect(ap).toContain('Associated Press');
    expect(ap).not.toContain('Associated');
    const gm = autoEntries(['Since President Biden took office, companies like Toyota, Honda, Ford, GM, and Panasonic have announced $85 billion in investments to make electric vehicles, batteries, and chargers across America.',
      'While in Detroit, President Biden will tour the Detroit Auto Show, where Stellantis will be showcasing two new hybrid electric Jeeps, General Motors will be highlighting their entire EV portfolio and their new electric Equinox.'].join('\n'), { language: 'en', size: 20 });
    expect(terms(gm)).toContain('General Motors');
    expect(terms(gm)).not.toContain('Motors');
    expect(find(gm, 'General Motors')?.aliases).toContain('GM');
  });
});

describe('automatic index: a word a number follows is no institution by its capital (round 5, dev text)', () => {
  it('the Title 19, the Flight 93 Memorial: no “Title”, no “Flight”', () => {
    // en-wh-2021-10-13, lines 21 and 270.
    const text = ['The multi-use trail symbolizes resiliency and character while linking the World Trade Center, the Pentagon, and the Flight 93 Memorial.',
      'This is — the Title 19, different from Title 42. So, Title 19 applies to individuals who have the proper documentation to come into the United States. It would be a different process. And Title 42, as you know, remains in place.'].join('\n');
    const auto = terms(autoEntries(text, { language: 'en', size: 20 }));
    expect(auto).not.toContain('Title');
    expect(auto).not.toContain('Flight');
    expect(auto).toContain('Pentagon');
  });
});

describe('automatic index: classes seen on the index page of en-wh-2022-10-06 (round 6, dev text)', () => {
  // en-wh-2022-10-06, lines 19, 37 and 63 (the senior official's words, cut short).
  const text = ['This pardon applies to all persons convicted of simple possession of marijuana under District of Columbia law as well.',
    'The category of charges are for “simple possession” of marijuana, and that is both under federal law and the D.C. code.  There is a particular statute.',
    'Yeah, so we know that over 6,500 U.S. citizens over — from 1992 to 2021 were convicted of simple possession of marijuana under federal law.'].join('\n');
  it('a preposition starts no subject (under federal law); a district is named with what follows of (District of Columbia, D.C. its alias)', () => {
    const auto = autoEntries(text, { language: 'en', size: 20 });
    expect(terms(auto)).not.toContain('under federal law');
    expect(terms(auto)).toContain('District of Columbia');
    expect(terms(auto)).not.toContain('District');
    expect(terms(auto)).not.toContain('Columbia');
    expect(find(auto, 'District of Columbia')?.aliases).toContain('D.C.');
  });
});

describe('automatic index: seen on the index page of zh-hans-mnd-2024-05-30 (round 6, dev text)', () => {
  it('a name before a title does not start with a preposition (关于|董部长 gives no 关于董)', () => {
    // zh-hans-mnd-2024-05-30: 吴谦's answer, its first clause.
    const auto = terms(autoEntries('关于董部长出席香格里拉对话会并顺访新加坡，我们已经发布了消息。', { language: 'zh-Hans', size: 20 }));
    expect(auto).not.toContain('关于董');
    expect(auto).toContain('新加坡');
  });
});

// Seventh session: classes found on the 18 new dev texts of test/index-gold/texts/ (real transcripts the
// corpus does not hold, gold written before the engine ran on them); each sentence is from the text named.
describe('automatic index: names glued to titles, common nouns as institutions, HMM names (new dev texts)', () => {
  it('a country glued to a leader’s title gives the country, and a dictionary name of four characters after it is the leader (日本首相|安倍晋三)', () => {
    // zh-hans-mfa-2017-10-17
    const list = autoEntries('问：据报道，日本首相安倍晋三今天向靖国神社秋季大祭供奉祭品。中方对此有何评论？', { language: 'zh-Hans', size: 20 });
    expect(find(list, '日本')?.kind).toBe('place');
    expect(find(list, '安倍晋三')?.kind).toBe('person');
    // zh-hans-mfa-2017-12-06, zh-hant-embassy-2020-04-18 (dev): four characters the dictionary tags nr with no title before them are words.
    expect(terms(autoEntries('答：今天下午我们已经发布了消息。应国家主席习近平邀请，韩国总统文在寅将于12月13日至16日对中国进行国事访问。', { language: 'zh-Hans', size: 20 }))).not.toContain('今天下午');
    expect(terms(autoEntries('中國政府和人民通過前所未有的艱苦努力和重大犧牲，阻斷境內疫情傳播，為全球贏得寶貴時間。', { language: 'zh-Hant', size: 20 }))).not.toContain('寶貴時間');
  });

  it('a county head: the name the tagger cut into a county is whole (徐榛蔚縣長), the place before 县长 is the county (金门县长陈福海)', () => {
    // zh-hant-president-2022-09-21, zh-hans-tao-2023-01-11
    const hualien = autoEntries('總統提到，稍早徐榛蔚縣長提到民宅災損部分，總統也請花蓮縣政府提供民宅損害更完整的圖像。', { language: 'zh-Hant', size: 20 });
    expect(find(hualien, '徐榛蔚')?.kind).toBe('person');
    expect(terms(hualien)).not.toContain('蔚縣');
    expect(flatEntries(hualien).filter((e) => e.kind === 'person').map((e) => e.term)).not.toContain('花蓮縣');
    const kinmen = autoEntries('中央台办、国台办副主任龙明彪1月7日前往厦门五通客运码头，欢迎搭乘首班客轮来厦门的金门县长陈福海一行，欢送返乡过年的金门乡亲。', { language: 'zh-Hans', size: 20 });
    expect(find(kinmen, '金门县')?.kind).toBe('place');
    expect(find(kinmen, '陈福海')?.kind).toBe('person');
  });

  it('a word ending in 长 that is no title (绵长) brings no name after it; a 3-character “name” ending in a common word (这段时间) is none', () => {
    // zh-hans-tao-2023-01-11
    const list = terms(autoEntries('马晓光：各位媒体朋友，大家上午好，这段时间大家辛苦了。希望两岸同胞携手共创中华民族绵长福祉，在台湾岛内引发广泛关注。', { language: 'zh-Hans', size: 20 }));
    for (const w of ['福祉', '段时间']) expect(list).not.toContain(w);
  });

  it('offices the dictionary holds as common nouns are organisations (教育部, 總統府, 營建署), two-character HMM names and Taiwanese surnames are people (陳菊, 賴清德)', () => {
    // zh-hant-president-2022-09-21, zh-hant-president-2018-05-14
    const quake = autoEntries('總統說，這一次0918的地震，在地學校的災損部分，教育部已經做了第一階段的了解，也安排營建署、建築師和土木技師陸續會勘。', { language: 'zh-Hant', size: 20 });
    for (const org of ['教育部', '營建署']) expect(find(quake, org)?.kind, org).toBe('organisation');
    const chen = autoEntries('針對陳菊擔任總統府秘書長事，總統表示，邀請菊姐擔任總統府秘書長確實是她的想法。她認為這階段需要菊姐來擔任總統府秘書長，也曾詢問行政院長賴清德的意見，賴院長認為很棒。', { language: 'zh-Hant', size: 20 });
    for (const name of ['陳菊', '賴清德']) expect(find(chen, name)?.kind, name).toBe('person');
    expect(find(chen, '總統府')?.kind).toBe('organisation');
    // zh-hans-tao-2023-04-26 (dev): two surnames of a meeting are no name.
    expect(terms(autoEntries('今年是汪辜会谈30周年。', { language: 'zh-Hans', size: 20 }))).not.toContain('汪辜');
  });

  it('a foreign name after 代表 (常驻联合国代表黑利, 高级代表莫盖里尼) is a person', () => {
    // zh-hans-mfa-2017-07-26, zh-hans-mfa-2017-10-17
    const list = autoEntries('第三，美国常驻联合国代表黑利今天表示，美中有关安理会对朝制裁新决议的磋商取得进展。\n昨天，针对特朗普总统上周五的讲话，欧盟外交与安全政策高级代表莫盖里尼表示，欧盟成员国一致支持全面有效地执行伊核协议。', { language: 'zh-Hans', size: 20 });
    for (const name of ['黑利', '莫盖里尼']) expect(find(list, name)?.kind, name).toBe('person');
  });
});

describe('automatic index: an institution and the person after it, a label left in the text (new dev texts)', () => {
  it('an institution named before a title and a name, or before a last name, is its own entry (National Security Council | Coordinator John Kirby; … Policy Council | Klein)', () => {
    // en-state-2023-01-04
    const list = autoEntries('First, this morning, Secretary Blinken, Assistant to the President and Director of the White House Gender Policy Council Klein, and the United States Agency for International Development Administrator Power launched the first-ever whole-of-government U.S. Strategy on Global Women’s Economic Security.', { language: 'en', size: 30 });
    expect(find(list, 'White House Gender Policy Council')?.kind).toBe('organisation');
    expect(find(list, 'Klein')?.kind).toBe('person');
    expect(find(list, 'United States Agency for International Development')?.kind).toBe('organisation');
    expect(terms(list).some((t) => /Council Klein|Development Administrator/u.test(t))).toBe(false);
  });

  it('a speaker’s label in capitals left in the text gives the person, not its title’s words (BEN STEIN, ACTOR/TV HOST:); McCain keeps its capital', () => {
    // en-cnn-2005-06-29 (the clips of the programme's opening, where the labels stay in the text)
    const list = autoEntries('BLITZER (voice-over): Chopper down: are al Qaeda and its allies making a come back in Afghanistan?\nCOL. JAMES YONTS, U.S. ARMY: The aircraft was taking indirect fire, direct fire from elements on the ground.\nBEN STEIN, ACTOR/TV HOST: People are going to have to dig in and start saving.\nSEN. JOHN MCCAIN (R), ARIZONA: If we win, then you will see greater progress and democracy and freedom.', { language: 'en', size: 30 });
    for (const t of ['HOST', 'U.S.', 'BLITZER', 'ARIZONA']) expect(terms(list)).not.toContain(t);
    for (const name of ['JAMES YONTS', 'BEN STEIN', 'JOHN MCCAIN']) expect(find(list, name)?.kind, name).toBe('person');
    expect(labelPerson('SEN. JOHN MCCAIN')).toBe('John McCain');
  });
});

describe('automatic index: a country’s ministries and missions whole, organisations in a quoted clause (new dev texts)', () => {
  it('a foreign ministry or mission keeps its country (巴拿马外交部, 巴驻华使馆, 中国驻巴拿马大使馆, 博茨瓦纳政府)', () => {
    // zh-hans-mfa-2017-07-26
    const list = autoEntries('问：据外媒报道，巴拿马外交部于25日发表声明称，根据巴中两国建交协议，巴驻华使馆已正式开馆。\n答：根据双方协议，中国驻巴拿马商代处已于7月13日正式变更为中国驻巴拿马大使馆，并开始履行职能。\n问：第一，博茨瓦纳政府已证实达赖喇嘛将于下月访博。', { language: 'zh-Hans', size: 20 });
    for (const org of ['巴拿马外交部', '巴驻华使馆', '中国驻巴拿马大使馆', '博茨瓦纳政府']) expect(find(list, org)?.kind, org).toBe('organisation');
    for (const cut of ['外交部', '驻华使馆', '驻巴拿马大使馆']) expect(terms(list)).not.toContain(cut);
  });

  it('organisations in a quoted clause are the text’s (国際民航組織、世界衛生組織); a quoted foundation is an organisation; a name after 官員', () => {
    // zh-hant-tao-2021-10-27
    const list = autoEntries('中央廣播電視總臺國廣記者：美國國務院官員華自強近日在“德國馬歇爾基金會”舉辦的線上會議上妄稱，中國“錯誤使用”聯合國大會2758號決議，“將臺灣排除在國際民航組織、世界衛生組織等國際組織之外”。', { language: 'zh-Hant', size: 20 });
    for (const org of ['國際民航組織', '世界衛生組織', '德國馬歇爾基金會']) expect(find(list, org)?.kind, org).toBe('organisation');
    expect(find(list, '華自強')?.kind).toBe('person');
  });

  it('English: Washington, D.C. is one place; a title’s qualifier goes with the title (Permanent Representative of India → India); a hyphenated name’s second half is no entry (BRICS-Africa Outreach)', () => {
    // en-state-2022-10-11, en-un-2023-08-23
    const dc = terms(autoEntries('Ned Price, Department Spokesperson\nWashington, D.C.\n2:39 p.m. EDT\nMR PRICE: Hello.', { language: 'en', size: 20 }));
    expect(dc).toContain('Washington, D.C.');
    expect(dc).not.toContain('D.C.');
    const un = terms(autoEntries('Once I am finished here, you will hear from the Permanent Representative of India to the United Nations, Ambassador Ruchira Kamboj.\nTomorrow, the Secretary-General, at the invitation of the BRICS, he will be participating in the BRICS-Africa Outreach and BRICS Plus Dialogue sessions.', { language: 'en', size: 20 }));
    expect(un).toContain('India');
    expect(un).toContain('Ruchira Kamboj');
    for (const t of ['Permanent Representative of India', 'Africa Outreach']) expect(un).not.toContain(t);
    // en-un-2023-07-13, seen on its index page: a form of address is no entry (their Majesties the King and Queen).
    const belgium = terms(autoEntries('The Secretary-General of these United Nations is in Belgium, and, right now, he is meeting with their Majesties the King and Queen of the Belgians.', { language: 'en', size: 20 }));
    expect(belgium).not.toContain('Majesties');
    expect(belgium).toContain('Belgium');
    // en-au-2018-03-27: a manager is a title, its office no entry.
    expect(terms(autoEntries('The two issues that the Manager of Opposition Business raised have no connection with each other at all.', { language: 'en', size: 20 })).some((t) => /Manager|Opposition Business/u.test(t))).toBe(false);
  });
});

// Issue #24: one surname list (lang/names.ts) for the reader's labels and the automatic index.
describe('one surname list for the reader and the index (lang/names.ts)', () => {
  it('Taiwan and Hong Kong surnames the mainland list lacks (賴, 洪, 蕭, 傅, 閻) are names to the reader and to the index alike', () => {
    for (const name of ['賴清德', '洪秀柱', '蕭美琴', '傅崐萁', '閻錫山']) expect(isPersonalName(simplified(name)), name).toBe(true);
    // test/index-gold/texts/zh-hant-president-2018-05-14 (president.gov.tw/NEWS/23337): a name with 賴.
    const list = autoEntries('總統也提到，找菊姐來擔任總統府秘書長，也曾詢問行政院長賴清德的意見，賴院長認為很棒。', { language: 'zh-Hant', size: 20 });
    expect(find(list, '賴清德')?.kind).toBe('person');
  });

  it('the index’s common surnames are a cut of the one list: the first hundred, the regional forms, Taiwan’s common ones', () => {
    expect(COMMON_SURNAMES_WIDE.startsWith(COMMON_SURNAMES)).toBe(true);
    for (const ch of COMMON_SURNAMES_WIDE) expect(ALL_SURNAMES.includes(ch), ch).toBe(true);
    for (const ch of REGIONAL_SURNAMES) expect(SURNAMES.includes(ch), ch).toBe(false);
    expect(new Set(ALL_SURNAMES).size).toBe([...ALL_SURNAMES].length);
    // A Hong Kong married name (林郑月娥) is two surnames and a given name; a word is not (中华民国).
    expect([isMarriedName('林郑月娥'), isMarriedName('范徐丽泰'), isMarriedName('中华民国')]).toEqual([true, true, false]);
  });
});

// Eighth session: classes seen on the seven new dev texts of test/index-gold/texts/ (provenance in its README).
describe('automatic index: a debate’s setting, news-database apostrophes, legal endings (new dev texts)', () => {
  const text = (id: string) => goldTexts().get(id)!.text;
  it('the words a legislature calls itself by (House, Chamber, Member) are no entry alone; its members and seats are', () => {
    const list = autoEntries(text('en-hansard-2012-11-29'), { language: 'en', size: 20 });
    for (const w of ['House', 'Chamber', 'Member', 'Members']) expect(terms(list)).not.toContain(w);
    expect(terms(list)).toEqual(expect.arrayContaining(['Rob Wilson', 'Reading East', 'Ofsted']));
    // A name that holds the word stays (the House Rules Committee).
    expect(terms(autoEntries('Mr. Dreier of the House Rules Committee said the House Rules Committee meets today.', { language: 'en', size: 20 }))).toContain('House Rules Committee');
  });

  it('a possessive written with a backtick (California`s) is the name; a legal ending alone (Inc) is no entry', () => {
    expect(terms(autoEntries(text('en-pbs-2010-06-16'), { language: 'en', size: 30 }))).toContain('California');
    const uhs = terms(autoEntries(text('en-uhs-2020-10-30'), { language: 'en', size: 20 }));
    expect(uhs).toContain('Universal Health Services');
    expect(uhs).not.toContain('Inc');
  });

  it('when sure names fill the size, subjects keep a quarter of it: quoted terms and runs said three times, not a passage’s wording', () => {
    // test/corpus/zh-hant-mfa-2021-11-19 (dev): 13 sure names for a size of 11; its subjects (雙重代表權 quoted, 紀念峰會 said three times) were all cut.
    const mfa = goldTexts().get('zh-hant-mfa-2021-11-19')!;
    const auto = terms(autoIndexOf(mfa));
    expect(auto).toEqual(expect.arrayContaining(['雙重代表權', '紀念峰會']));
    // test/index-gold/texts/zh-hant-crntt-2017-08-31: a run said twice (組閣一事) takes no kept slot.
    expect(terms(autoIndexOf(goldTexts().get('zh-hant-crntt-2017-08-31')!))).not.toContain('組閣一事');
    // en-pbs-2010-06-16: 21 names for a size of 12, and the broadcast is about the oil spill.
    expect(terms(autoIndexOf(goldTexts().get('en-pbs-2010-06-16')!))).toEqual(expect.arrayContaining(['oil spill', 'fossil fuels']));
  });

  it('an office said without its holder (prime minister) is no subject', () => {
    // test/corpus/en-cnn-2004-09-28 (dev)
    expect(terms(autoIndexOf(goldTexts().get('en-cnn-2004-09-28')!))).not.toContain('prime minister');
  });

  it('Chinese: a principal’s name the tagger cuts (徐國|勇於) gives no entry; a credit’s 摄 is not the name’s; a name after 次長 or before 今天', () => {
    // test/index-gold/texts/zh-hant-crntt-2017-08-31 (中評社), principal 徐國勇.
    const crntt = terms(autoIndexOf(goldTexts().get('zh-hant-crntt-2017-08-31')!));
    expect(crntt).not.toContain('徐國');
    expect(crntt).toEqual(expect.arrayContaining(['蔡清華', '林全', '賀陳旦', '呂正華']));
    // test/index-gold/texts/zh-hans-scio-2019-03-14 (中国网): （中国网 宗超摄）.
    const scio = terms(autoIndexOf(goldTexts().get('zh-hans-scio-2019-03-14')!));
    expect(scio).toContain('宗超');
    expect(scio).not.toContain('宗超摄');
  });

  it('Chinese: 新 and a common noun (新內閣) is no place; a part of a quoted oath quoted again (「恪遵國家法令」) is no subject', () => {
    // test/index-gold/texts/zh-hant-ey-2024-06-06 (行政院, 院長提示).
    const ey = terms(autoIndexOf(goldTexts().get('zh-hant-ey-2024-06-06')!));
    expect(ey).not.toContain('新內閣');
    expect(ey).not.toContain('恪遵國家法令');
    expect(ey).toEqual(expect.arrayContaining(['立法院', '交通部', '行政院']));
    // Places after 新 stay (test/corpus/zh-hans-mfa-2017-12-06).
    expect(terms(autoEntries('中俄印外长第十五次会晤将于12月11日在印度新德里举行，王毅外长将率团出席。', { language: 'zh-Hans', size: 20 }))).toContain('新德里');
  });

  it('English: one person named with the formal and the familiar given name is one entry (Robert Dudley, Bob Dudley)', () => {
    // test/index-gold/texts/en-pbs-2010-06-16 (seen on its printed index: two entries for BP's managing director).
    const pbs = flatEntries(autoIndexOf(goldTexts().get('en-pbs-2010-06-16')!));
    expect(pbs.find((e) => e.term === 'Robert Dudley')?.aliases).toContain('Bob Dudley');
    expect(pbs.map((e) => e.term)).not.toContain('Bob Dudley');
    expect([sameGivenName('Robert', 'Bob'), sameGivenName('Dick', 'Richard'), sameGivenName('Bob', 'Bobby'), sameGivenName('Robert', 'Richard')]).toEqual([true, true, true, false]);
  });
});

describe('automatic index: an address is no subject', () => {
  // The opening of a 人民网 interview (people.com.cn 访谈 pages open so): 各位网友大家好 is a greeting.
  it('a noun run holding a personal pronoun (网友大家 of 各位网友大家好) is no subject', () => {
    const text = '各位网友大家好，欢迎收看人民网访谈。今天我们邀请到了农业农村部信息中心主任王小兵，请他为我们解读数字乡村建设的新进展。\n主持人好，各位网友大家好！数字乡村建设取得了明显成效，数字乡村建设还要继续推进。';
    const auto = terms(autoEntries(text, { language: 'zh-Hans', size: 20 }));
    expect(auto).not.toContain('网友大家');
    expect(auto).toContain('数字乡村建设');
  });
});

// Round 9 (ninth session): classes seen on the eleven dev texts added then (test/index-gold/texts/), each
// from its text, each fixed in the mechanism that made the error; the older dev books kept their figures.
const indexText = (id: string) => autoIndexOf(goldTexts().get(id)!);
describe('automatic index: an institution named whole, not its tail (round 9, dev text)', () => {
  it('an institution before its head’s title is named whole, however the tagger cuts it (亞東太平洋司, 臺灣日本關係協會, 公眾外交協調會)', () => {
    // zh-hant-mofa-2020-12-03 (外交部 briefing record): 亚东/ns 太平洋/ns 司/nr 副司长, 台湾/ns 日本/ns 关系/n 协会/n 秘书长.
    const auto = indexText('zh-hant-mofa-2020-12-03');
    for (const org of ['亞東太平洋司', '臺灣日本關係協會', '公眾外交協調會', '駐印尼代表處']) expect(find(auto, org)?.kind, org).toBe('organisation');
    for (const tail of ['亞東', '太平洋', '日本關係協會']) expect(terms(auto), tail).not.toContain(tail);
  });
  it('no run is named from the tail of a name joined by 与 (市场与|信息化司), and the tagger’s 农村部 is a tail of 农业农村部', () => {
    // 国务院新闻办 press conference of 2023-10-23 (chinabee.org.cn, text not held): 农业农村部市场与信息化司 负责人.
    const text = '农业农村部市场与信息化司司长唐珂先生出席。农业农村部认真贯彻落实党中央决策部署。农业农村部表示，今年粮食丰收。';
    const list = autoEntries(text, { language: 'zh-Hans', size: 20 });
    expect(find(list, '农业农村部')?.kind).toBe('organisation');
    expect(terms(list)).not.toContain('农村部');
    expect(terms(list)).not.toContain('信息化司');
  });
  it('a known organisation is no tail of a phrase (媒體報道|民進黨), nor a city of an institution (北京|香山論壇)', () => {
    const list = terms(autoEntries('被問及媒體報道民進黨台南市長賴清德組閣一事。', { language: 'zh-Hant', size: 20 }));
    expect(list).not.toContain('媒體報道民進黨');
  });
  it('an institution written with its Latin abbreviation in brackets is named whole (中央流行疫情指揮中心（CECC）)', () => {
    expect(find(indexText('zh-hant-mofa-2020-12-03'), '中央流行疫情指揮中心')?.kind).toBe('organisation');
  });
});

describe('automatic index: credits, outlets and names after titles (round 9, dev text)', () => {
  it('a question credited to an outlet and a reporter with a form of address gives both (（自由時報呂伊萱小姐）, （公視韓瑩小姐）)', () => {
    const auto = indexText('zh-hant-mofa-2020-12-03');
    for (const org of ['自由時報', '公視']) expect(find(auto, org)?.kind, org).toBe('organisation');
    for (const name of ['呂伊萱', '韓瑩']) expect(find(auto, name)?.kind, name).toBe('person');
  });
  it('a caption’s credit without brackets (新华社记者 李涛 摄), a name whose surname the list lacks after a title (主任裘援平), a dateline’s outlet with a generic stem (人民网)', () => {
    const xinhua = indexText('zh-hans-xinhua-2018-03-03');
    for (const name of ['李涛', '裘援平']) expect(find(xinhua, name)?.kind, name).toBe('person');
    expect(find(indexText('zh-hans-people-2018-05-14'), '人民网')?.kind).toBe('organisation');
  });
  it('no name ends in a preposition (记者蒋钊向农业部部长: 蒋钊); a caption repeated after every photo is no subject (农业部答记者问)', () => {
    const npc = indexText('zh-hans-npc-2018-03-07');
    expect(find(npc, '蒋钊')?.kind).toBe('person');
    expect(terms(npc)).not.toContain('蒋钊向');
    expect(terms(npc)).not.toContain('农业部答记者问');
  });
});

describe('automatic index: English titles, possessives and quoted titles (round 9, dev text)', () => {
  it('a pronoun then a title before a name (His Excellency Teodor Meleşcanu), an institution after a qualified title (Executive Director of Security Council Report), an office for its domain (Minister for Foreign Affairs: none)', () => {
    const unsc = indexText('en-unsc-2019-06-06');
    expect(find(unsc, 'Teodor Meleşcanu')?.kind).toBe('person');
    expect(find(unsc, 'Security Council Report')?.kind).toBe('organisation');
    expect(terms(unsc).filter((t) => /Excellency|Executive|Minister|^Council$|^Jun$/u.test(t))).toEqual([]);
    expect(find(unsc, 'Côte d’Ivoire')?.kind).toBe('place');
    expect(terms(unsc)).not.toContain('Côte');
  });
  it('a full name’s possessive before an institution gives both (Lyndon Johnson’s White House); a show named with one (Ben Stein’s Money) stays whole', () => {
    const npr = indexText('en-npr-2011-05-23');
    expect(find(npr, 'Lyndon Johnson')?.kind).toBe('person');
    expect(terms(npr)).toContain('White House');
    expect(terms(npr)).not.toContain('Lyndon Johnson\'s White House');
    expect(terms(indexText('en-cnn-2005-06-29'))).toContain('Ben Stein\'s Money');
  });
  it('a quoted title with its subtitle after a colon is one entry, not its part after the colon', () => {
    const npr = indexText('en-npr-2011-05-23');
    expect(find(npr, 'Bill Moyers Journal: The Conversation Continues')?.kind).toBe('subject');
    expect(terms(npr)).not.toContain('Conversation Continues');
  });
});

describe('automatic index: groups of people, units, the longest run a subject is written in (round 9, dev text)', () => {
  it('a nationality and a plural noun name a group (European Allies: none); a unit’s ordinal is its name’s (100th Air Refueling Wing)', () => {
    expect(terms(indexText('en-nato-2019-11-19'))).not.toContain('European Allies');
    expect(find(indexText('en-npr-2021-06-11'), '100th Air Refueling Wing')?.kind).toBe('organisation');
    // en-wh-2021-05-19 (dev): an occasion's count is no unit's number (the Coast Guard Academy’s 140th Commencement Exercises).
    expect(terms(indexText('en-wh-2021-05-19'))).toContain('Commencement Exercises');
  });
  it('a noun run is the longest run each of its uses goes on with (农业转型升级 ×3, 人民日报创刊70周年 ×2), not into a name (原国际部副主任|温宪)', () => {
    expect(terms(indexText('zh-hans-npc-2018-03-07'))).not.toContain('农业转型');
    const people = terms(indexText('zh-hans-people-2018-05-14'));
    expect(people).toContain('人民日报创刊70周年');
    expect(people.filter((t) => t.includes('温宪'))).toEqual([]);
    const list = terms(autoEntries('会议强调推动农业转型升级。各地推动农业转型升级取得成效。农业转型升级是主旋律。', { language: 'zh-Hans', size: 20 }));
    expect(list).not.toContain('农业转型');
  });
});

describe('automatic index: an English index files people by surname (round 9, seen on the printed index of en-unsc-2019-06-06)', () => {
  it('a person’s sort key is the surname, with its particles, then the given names; the heading stays as written', () => {
    const topics = entriesToTopics(indexText('en-unsc-2019-06-06'));
    const cockayne = topics.find((t) => t.term === 'James Cockayne')!;
    expect(cockayne.sort).toBe('Cockayne James');
    expect(sortKey(cockayne.term, cockayne.sort)).toBe('cockaynejames');
    expect(topics.find((t) => t.term === 'Canada')?.sort).toBeUndefined();
    const leyen = entriesToTopics([{ term: 'Ursula von der Leyen', kind: 'person', aliases: [], count: 1, sub: [] }]);
    expect(leyen[0].sort).toBe('von der Leyen Ursula');
    // en-ecb-2022-03-10 (dev, session 39): the printed index filed Luis de Guindos under D; a Spanish de goes with the given names.
    const guindos = entriesToTopics(indexText('en-ecb-2022-03-10')).find((t) => t.term === 'Luis de Guindos')!;
    expect(guindos.sort).toBe('Guindos Luis de');
    expect(entriesToTopics(indexText('zh-hant-mofa-2020-12-03')).every((t) => t.sort === undefined)).toBe(true);
  });
});

describe('automatic index: no place after an amount (session 39, seen on the printed index of zh-hans-cppcc-2017-03-02)', () => {
  it('70万亿元人民币大关 is a milestone, not the county 大关; the text’s other entries stay', () => {
    // zh-hans-cppcc-2017-03-02 (dev): 突破了70万亿元人民币大关 (人民币/n 大关/ns); the printed index listed 大关 5.
    const auto = indexText('zh-hans-cppcc-2017-03-02');
    expect(terms(auto)).not.toContain('大关');
    expect(find(auto, '人民大会堂')).toBeDefined();
  });
});

describe('automatic index: a Chinese name sorts by its surname’s reading (session 39, seen on the printed index of zh-hant-hk-2015-05-26)', () => {
  it('曾鈺成 is filed under Z (zēng), not C (céng, as in 曾经); a name whose readings agree has no sort of its own', () => {
    // zh-hant-hk-2015-05-26 (dev): the Chief Executive names 曾鈺成, 王光亞 and 張曉明; the index printed 曾鈺成 under C.
    const topics = entriesToTopics(indexText('zh-hant-hk-2015-05-26'));
    const tsang = topics.find((t) => t.term === '曾鈺成')!;
    expect(tsang.sort).toBe('zeng yu cheng');
    expect(initialOf(sortKey(tsang.term, tsang.sort))).toBe('Z');
    expect(topics.find((t) => t.term === '王光亞')?.sort).toBeUndefined();
    // A transliterated foreign name keeps its plain reading (盖茨 gài cí, not the surname gě).
    expect(entriesToTopics([{ term: '盖茨', kind: 'person', aliases: [], count: 1, sub: [] }])[0].sort).toBeUndefined();
  });
});

describe('automatic index: bodies named whole, names before a teacher’s title, datelines, headings (session 38, dev text)', () => {
  it('a body is named from the place or name it starts with through ordinals and unknown words; the division it starts with stays a place', () => {
    // zh-hant-govcn-2010-09-02 (教育部 press conference, Big5 mirror): 青海省/ns 玉树县/nr 第一/m 民族/n 中学/n; 顺平县/ns 安阳/ns 中学/n.
    const govcn = indexText('zh-hant-govcn-2010-09-02');
    for (const org of ['玉樹縣第一民族中學', '安陽中學']) expect(find(govcn, org)?.kind, org).toBe('organisation');
    for (const place of ['青海省', '玉樹縣', '平山縣']) expect(find(govcn, place)?.kind, place).toBe('place');
    expect(terms(govcn)).not.toContain('安陽');
    // zh-hans-eastday-2020-03-13: 上海市/ns 第三批/m 援鄂/x 医疗队/n; 上海市 新冠/x 肺炎 疫情 防控 领导小组; 市/n 交通委/nt.
    const eastday = indexText('zh-hans-eastday-2020-03-13');
    for (const org of ['上海市第三批援鄂医疗队', '上海市新冠肺炎疫情防控领导小组', '上海交通大学医学院附属仁济医院', '市交通委', '市民政局', '市卫健委']) expect(find(eastday, org)?.kind, org).toBe('organisation');
    for (const cut of ['交通委', '民政局']) expect(terms(eastday)).not.toContain(cut);
    // zh-hans-xinhua-2022-10-20: 中国共产党/nt 第二十次/m 全国代表大会/nt 新闻/n 中心/n — the count before a body's name is the name's…
    const xinhua = indexText('zh-hans-xinhua-2022-10-20');
    expect(find(xinhua, '中国共产党第二十次全国代表大会新闻中心')?.kind).toBe('organisation');
    expect(terms(xinhua)).not.toContain('全国代表大会新闻中心');
    // …a meeting's count is not (zh-hant-ey-2024-06-06: 新內閣第一次院會 is the cabinet's first meeting, no body).
    expect(terms(indexText('zh-hant-ey-2024-06-06')).filter((t) => t.includes('第一次'))).toEqual([]);
  });
  it('a name the tagger does not know before a teacher’s, a firm’s or a publisher’s title is a person (黃華老師, 楊耕總經理, 所廣一社長)', () => {
    const govcn = terms(indexText('zh-hant-govcn-2010-09-02'));
    for (const name of ['黃華', '王磊', '楊耕', '所廣一']) expect(govcn, name).toContain(name);
  });
  it('a title chain gives its people only (宣传部|部长, 常务副|省长, 省委 are no entries); two reporters of one credit are two people', () => {
    const xinhua = terms(indexText('zh-hans-xinhua-2022-10-20'));
    for (const cut of ['宣传部', '常务副', '省委', '党委']) expect(xinhua, cut).not.toContain(cut);
    for (const name of ['申铖', '潘洁', '王晓', '张永霞']) expect(xinhua, name).toContain(name);
  });
  it('a city written only in a dateline is no place (新华社北京10月19日电, 中央社記者李雅雯台北16日電); a scare-quoted common noun is no subject', () => {
    expect(terms(indexText('zh-hans-xinhua-2022-10-20'))).not.toContain('北京');
    const cna = terms(indexText('zh-hant-cna-2025-10-16'));
    expect(cna).not.toContain('台北');
    expect(cna).toContain('李雅雯');
    // 东方网: “干货”多了, the “诞生地” of the news: the writer's quotation marks; 「沒出息」, a song's title and a set phrase, stays.
    const eastday = terms(indexText('zh-hans-eastday-2020-03-13'));
    for (const w of ['干货', '诞生地']) expect(eastday, w).not.toContain(w);
    expect(cna).toContain('沒出息');
    // 端庄大方 (dignified): a word jieba's dictionary holds as a place.
    expect(terms(indexText('zh-hans-qilu-2014-04-29'))).not.toContain('端庄');
  });
  it('English: two names a slash joins are two entries; a page separator is no word; G20 is its summit’s; an office of a place in apposition, H.E., URL and a headline’s verb after to are no entries', () => {
    const dss = terms(indexText('en-dss-2004-02-26'));
    expect(dss).toContain('Clare Short');
    expect(dss).toContain('Katharine Gun');
    expect(dss.filter((t) => t.includes('/') || t.includes('|'))).toEqual([]);
    const jp = terms(indexText('en-mofajp-2018-12-12'));
    expect(jp).toContain('G20 Osaka Summit');
    for (const wrong of ['Osaka Summit', 'of Hokkaido', 'H.E.', 'URL', 'Visit Japan']) expect(jp, wrong).not.toContain(wrong);
    expect(jp).toContain('Harumi Takahashi');
    // A common noun in initials ends a name still (Web TV, en-un-2023-07-13), but is none alone (TV, en-cnn-2005-06-29).
    expect(terms(indexText('en-un-2023-07-13'))).toContain('Web TV');
    expect(terms(indexText('en-cnn-2005-06-29'))).not.toContain('TV');
    // Thanked by first name (Thank you very much Mark, it's great to be here): the host, no entry.
    expect(terms(indexText('en-pmau-2021-03-04'))).not.toContain('Mark');
  });
});

describe('automatic index: places a numeral starts, cities the tagger calls nouns, a ministry’s department (session 38, dev text)', () => {
  it('a province named with a numeral’s character is a place (四川), a number of countries is not (三国); a city after its province is nested (河北省 › 保定市); a township in a school’s name is a place (王坡鄉)', () => {
    expect(find(indexText('zh-hans-xinhua-2022-10-20'), '四川')?.kind).toBe('place');
    expect(find(indexText('zh-hant-gcs-2014-06-23'), '四川')?.kind).toBe('place');
    expect(terms(autoEntries('三国外长举行会谈。三国同意加强合作。', { language: 'zh-Hans', size: 20 }))).not.toContain('三国');
    const govcn = indexText('zh-hant-govcn-2010-09-02');
    expect(find(govcn, '保定市')?.kind).toBe('place');
    expect(find(govcn, '王坡鄉')?.kind).toBe('place');
    expect(find(govcn, '平山縣王坡鄉第二小學')?.kind).toBe('organisation');
  });
  it('a ministry’s department the tagger ends in 司/nr is an organisation (教育部師範教育司); a place and a body or a group of its people make no subject (中國大陸國台辦, 四川專家), 學者專家 stays', () => {
    expect(find(indexText('zh-hant-govcn-2010-09-02'), '教育部師範教育司')?.kind).toBe('organisation');
    expect(terms(indexText('zh-hant-cna-2025-10-16'))).not.toContain('中國大陸國台辦');
    expect(terms(indexText('zh-hant-gcs-2014-06-23'))).not.toContain('四川專家');
    expect(terms(indexText('zh-hant-ly-2017-04-12'))).toContain('學者專家');
  });
});

describe('automatic index: a news database’s filing fields and a guest’s role in a label (known leftovers, dev text)', () => {
  it('SECTION: NEWS; International gives no entry; a label’s description in brackets (Author, “…”) is no seat and no entry', () => {
    // en-pbs-2010-06-16 (a news database's record: SHOW:, BYLINE:, GUESTS:, SECTION:, LENGTH:), en-npr-2011-05-23 (Mr. BILL MOYERS (Author, "…"):).
    const pbs = terms(indexText('en-pbs-2010-06-16'));
    expect(pbs).not.toContain('NEWS');
    expect(pbs).toContain('Emma Cott');
    expect(pbs).toContain('Robert Dudley');
    const npr = terms(indexText('en-npr-2011-05-23'));
    expect(npr).not.toContain('Author');
    expect(npr).toContain('Bill Moyers');
    expect(labelSeatAndParty('Mr. BILL MOYERS (Author, "Bill Moyers Journal: The Conversation Continues")', 'Mr. BILL MOYERS').seat).toBeUndefined();
    expect(labelSeatAndParty('Mr Tony Burke (Watson, Australian Labor Party, Manager of Opposition Business (House))', 'Mr Tony Burke').seat).toBe('Watson');
  });
});

// Session 39: classes seen on the nine new dev texts of test/index-gold/texts/ (provenance in its README).
describe('automatic index: names cut or merged on the session-39 dev texts', () => {
  it('a gazette name with its title inside is read whole even when the given name is a dictionary word (王院長金平, 毛院長治國), no fragment (金平, 洪副)', () => {
    // zh-hant-ly-2015-03-24 (立法院公報 as lysayit prints it): the sitting's head lines and the premier's answer.
    const ly = indexText('zh-hant-ly-2015-03-24');
    expect(find(ly, '王金平')).toMatchObject({ kind: 'person', aliases: ['王院長金平'] });
    expect(find(ly, '毛治國')).toMatchObject({ kind: 'person', aliases: ['毛院長治國'] });
    expect(find(ly, '洪秀柱')?.kind).toBe('person');
    for (const t of ['金平', '治國', '洪副']) expect(terms(ly)).not.toContain(t);
    // A verb the dictionary knows is still no given name (李委員表示).
    expect(terms(autoEntries('李委員表示：水庫的進水量有限。李委員表示：還要更多降雨。', { language: 'zh-Hant', size: 20 }))).not.toContain('李表示');
  });

  it('a dotted name keeps no verb the tagger glued to it, a committee stays whole after its chamber, a clause is no subject', () => {
    // zh-hans-mfa-2019-12-19: 特别代表史蒂芬·比根会在访华期间…; 美国会众院外委会审议通过“2019年西藏政策及支持法案”.
    const mfa = indexText('zh-hans-mfa-2019-12-19');
    expect(find(mfa, '史蒂芬·比根')).toMatchObject({ kind: 'person', aliases: ['比根'] });
    expect(find(mfa, '美国会众院外委会')?.kind).toBe('organisation');
    expect(terms(mfa).filter((t) => /审议/u.test(t))).toEqual([]);
    expect(terms(mfa)).not.toContain('外委会');
    // …while a run the text repeats still runs on over a verb after a noun (农业转型升级, zh-hans-npc-2018-03-07).
    expect(terms(indexText('zh-hans-npc-2018-03-07'))).toContain('农业转型升级');
  });

  it('a day word, a modal verb and 社会 make no institution (今早政務司, 我亦会, 香港社会)', () => {
    // zh-hant-hk-2015-05-26 (今早政務司司長剛剛簽了一封信), zh-hans-hk-2012-04-13 (对香港社会和经济发展的期望; 我亦会邀请立法会其他党派的议员).
    expect(terms(indexText('zh-hant-hk-2015-05-26')).filter((t) => /今早/u.test(t))).toEqual([]);
    const hk = terms(indexText('zh-hans-hk-2012-04-13'));
    for (const t of ['我亦会', '香港社会']) expect(hk).not.toContain(t);
    expect(hk).toContain('立法会');
  });

  it('a possessive before a full name ends the run (the National Review’s Kate O’Beirne: two entries, not one)', () => {
    // en-mtp-2007-10-21 (Meet the Press, 2007-10-21).
    const mtp = terms(indexText('en-mtp-2007-10-21'));
    expect(mtp).toContain("Kate O'Beirne");
    expect(mtp).toContain('National Review');
    expect(mtp).not.toContain("National Review's Kate O'Beirne");
    expect(mtp).not.toContain("Central's Stephen Colbert");
    // The month's short form before its day is the date (transcript for Oct. 21, 2007).
    expect(mtp).not.toContain('Oct');
  });

  it('a bill whose title joins two fields by and is one entry, a document, not a person called Bill', () => {
    // en-hansard-2011-02-10 (Business of the House, 10 February 2011).
    const h = indexText('en-hansard-2011-02-10');
    for (const bill of ['Budget Responsibility and National Audit Bill', 'Parliamentary Voting System and Constituencies Bill', 'Public Services (Social Enterprise and Social Value) Bill']) expect(find(h, bill)?.kind, bill).toBe('subject');
    for (const cut of ['Budget Responsibility', 'National Audit Bill', 'Constituencies Bill', 'Parliamentary Voting System', 'Social Value', 'Bill']) expect(terms(h)).not.toContain(cut);
  });

  it('a firm named for partners joined by & is whole, two roles are not joined; a state’s code after its city and an officer’s initials are no entries', () => {
    // en-lz-2008-05-02 (Rosemarie Morbelli - Ingalls & Snyder; Sr. VP, Treasurer and CFO; Director, IR), en-wh-2017-01-10 (en route Chicago, IL).
    const lz = terms(indexText('en-lz-2008-05-02'));
    for (const t of ['Ingalls', 'Snyder', 'VP', 'IR']) expect(lz).not.toContain(t);
    expect(terms(autoEntries('Rosemarie Morbelli of Ingalls & Snyder asked. Ingalls & Snyder follows the firm, and Ingalls & Snyder wrote.', { language: 'en', size: 20 }))).toContain('Ingalls & Snyder');
    // en-streetevents-2019-10-30: Courtnee Alice Chun, Liberty Media Corporation - Chief Portfolio Officer & IR.
    expect(terms(indexText('en-streetevents-2019-10-30')).filter((t) => /&/u.test(t))).toEqual([]);
    const wh = terms(indexText('en-wh-2017-01-10'));
    expect(wh).not.toContain('IL');
    expect(wh).toContain('Illinois');
  });

  it('proper nouns ending in a plural noun or a number name a thing, not a person (National Accounts), and stay; Bull Holsey is still a person', () => {
    // en-pmau-2021-03-04: That's what yesterday's National Accounts confirmed once again.
    expect(find(indexText('en-pmau-2021-03-04'), 'National Accounts')?.kind).toBe('subject');
    expect(find(autoEntries('I hate to see Laura go, but I think that Bull Holsey will be a tremendous replacement.', { language: 'en', size: 20 }), 'Bull Holsey')?.kind).toBe('person');
  });
});

describe('automatic index: bodies, places and rolls the dev part missed (session 39, dev text)', () => {
  it('行政會議 is Hong Kong’s Executive Council, a body; 中國大陸 one place; a city and its building the tagger read as one body are two places', () => {
    // zh-hant-hk-2016-06-21 and zh-hant-hk-2015-05-26 (行政長官…出席行政會議前會見傳媒), zh-hant-cna-2025-10-16 (中國大陸國台辦),
    // zh-hans-xinhua-2018-03-03 (…在北京人民大会堂开幕: 北京人民大会堂/nt).
    for (const id of ['zh-hant-hk-2016-06-21', 'zh-hant-hk-2015-05-26']) expect(find(indexText(id), '行政會議')?.kind, id).toBe('organisation');
    const cna = indexText('zh-hant-cna-2025-10-16');
    expect(find(cna, '中國大陸')?.kind).toBe('place');
    expect(terms(cna)).not.toContain('中國大陸國台辦');
    const xinhua = indexText('zh-hans-xinhua-2018-03-03');
    expect(find(xinhua, '北京')?.kind).toBe('place');
    expect(find(xinhua, '人民大会堂')?.kind).toBe('place');
    expect(terms(xinhua)).not.toContain('北京人民大会堂');
  });

  it('a roll’s participant run into the firm on the joined line is two entries (Charles Carey | Formula One Group)', () => {
    // en-streetevents-2019-10-30: `*  Charles Carey` / `Formula One Group - CEO`, read as one paragraph.
    const se = indexText('en-streetevents-2019-10-30');
    for (const [term, kind] of [['Charles Carey', 'person'], ['Gregory B. Maffei', 'person'], ['Jeffrey Duncan Wlodarczak', 'person'], ['Formula One Group', 'organisation'], ['Pivotal Research Group LLC', 'organisation']]) expect(find(se, term)?.kind, term).toBe(kind);
    expect(terms(se).filter((t) => /Carey .|Maffei .|Wlodarczak ./u.test(t))).toEqual([]);
  });
});

describe('automatic index: first names in a list, a series title with its colon (session 39, dev text)', () => {
  it('first names listed in passing are no entries (Lucy, Caleb, Shantel, and Alex); a full name stays', () => {
    // en-pmau-2025-12-11 (pm.gov.au, 11 December 2025).
    const pm = terms(indexText('en-pmau-2025-12-11'));
    for (const t of ['Lucy', 'Alex']) expect(pm).not.toContain(t);
    expect(pm).toContain('Anika Wells');
    // A first name alone, not in a list, stays (I hate to see Laura go: en-dod-2024-11-07, a hand-written entry).
    expect(terms(autoEntries('I hate to see Laura go, but I think that Bull Holsey will be a tremendous replacement. Laura did well.', { language: 'en', size: 20 }))).toContain('Laura');
  });

  it('a title in title case with its colon after called is one entry (Judy Woodruff Presents: America at a Crossroads), not a person and a place', () => {
    // en-wnyc-2023-05: She will host a series called Judy Woodruff Presents: America at a Crossroads.
    const wnyc = indexText('en-wnyc-2023-05');
    expect(find(wnyc, 'Judy Woodruff Presents: America at a Crossroads')?.kind).toBe('subject');
    for (const t of ['Judy Woodruff Presents', 'America']) expect(terms(wnyc)).not.toContain(t);
    expect(find(wnyc, 'Judy Woodruff')?.kind).toBe('person');
  });
});

describe('automatic index: round 2 of session 39 (dev texts of new shapes)', () => {
  it('a heading among the first lines names the occasion (PRESS CONFERENCE, Prime Minister’s press conference): its head word is no subject', () => {
    // en-ecb-2022-03-10 (no turns, so no head lines) and en-dss-2004-02-26.
    expect(terms(indexText('en-ecb-2022-03-10'))).not.toContain('press conference');
    expect(terms(indexText('en-ecb-2022-03-10'))).toContain('Omicron');
    expect(terms(indexText('en-dss-2004-02-26'))).not.toContain('press conferences');
    // A first line that is a sentence is said, not a heading: CNN's programme stays (en-cnn-2005-10-09, hand-written).
    expect(terms(indexText('en-cnn-2005-10-09'))).toContain('LATE EDITION');
  });

  it('common words before a title word are the office’s (the Special Inspector General), no person; a name before a title stays', () => {
    // en-senate-2020-05-20 (Rev.com): … Brian Miller who's nominated to be the Special Inspector General for the pandemic recovery.
    const senate = terms(indexText('en-senate-2020-05-20'));
    expect(senate).not.toContain('Special Inspector');
    expect(senate).toContain('Brian Miller');
    // en-state-2023-01-04: United States Agency for International Development Administrator Power (the agency stays).
    expect(terms(indexText('en-state-2023-01-04'))).toContain('United States Agency for International Development');
  });

  it('a noun that starts a line before a capitalised word is the name’s first word (Comedy Central’s Stephen Colbert), not cut to Central', () => {
    // en-mtp-2007-10-21 (NBC): MR. RUSSERT:  Comedy Central's Stephen Colbert, right here, only on MEET THE PRESS.
    const mtp = terms(indexText('en-mtp-2007-10-21'));
    expect(mtp).toContain('Comedy Central');
    expect(mtp).not.toContain('Central');
    expect(mtp).toContain('Stephen Colbert');
    // A first name after the noun is a person called on, no name's word (Thanks Jen): not joined.
    expect(terms(autoEntries('Thanks Jen Psaki for the update. Jen Psaki spoke at noon.', { language: 'en', size: 20 }))).not.toContain('Thanks Jen Psaki');
  });

  it('a roll’s name with a middle initial and no full stop is whole, apart from its firm (Jason B Bazinet | Citigroup Inc)', () => {
    // en-streetevents-2019-10-30: `*  Jason B Bazinet` / `Citigroup Inc, Research Division - MD …`, read as one line.
    const se = indexText('en-streetevents-2019-10-30');
    expect(find(se, 'Jason B Bazinet')?.kind).toBe('person');
    expect(find(se, 'Citigroup Inc')?.kind).toBe('organisation');
    for (const t of ['Jason', 'Bazinet Citigroup Inc']) expect(terms(se)).not.toContain(t);
  });

  it('an outlet’s lead in square brackets at a line’s start is an organisation ([环球网报道])', () => {
    // zh-hans-cppcc-2017-03-02 (环球网, reprinted): [环球网报道]3月2日下午3点，全国政协十二届五次会议新闻发布会在人民大会堂……
    expect(find(indexText('zh-hans-cppcc-2017-03-02'), '环球网')?.kind).toBe('organisation');
    expect(terms(autoEntries('[环球网报道]3月2日下午3点，全国政协十二届五次会议新闻发布会在人民大会堂一楼新闻发布厅举行。', { language: 'zh-Hans', size: 20 }))).toContain('环球网');
  });

  it('a proper noun named like an outlet (人民日报/nz, 華盛頓郵報) is an organisation', () => {
    // zh-hans-cppcc-2017-03-02: 我国2016年GDP总量昨天人民日报已经公布
    expect(find(indexText('zh-hans-cppcc-2017-03-02'), '人民日报')?.kind).toBe('organisation');
    expect(find(autoEntries('我国2016年GDP总量昨天人民日报已经公布。人民日报评论说，经济稳中向好。', { language: 'zh-Hans', size: 20 }), '人民日报')?.kind).toBe('organisation');
  });

  it('an officer’s title in a roll is an office, no subject (Chief Portfolio Officer & IR)', () => {
    // en-streetevents-2019-10-30: Courtnee Alice Chun,  Liberty Media Corporation - Chief Portfolio Officer & IR   [1]
    const se = terms(indexText('en-streetevents-2019-10-30'));
    expect(se.filter((t) => /Officer/u.test(t))).toEqual([]);
    expect(se).toContain('Liberty Media Corporation');
  });

  it('a name written once with its last word in lower case still holds the shorter run (Summit of the Future Action days)', () => {
    // en-un-2024-09-20 (dev): … the Summit of the Future Action Days … the Summit of the Future Action days will kick off …
    const book = loadCorpus(corpusRoot, 'all').find((c) => c.id === 'en-un-2024-09-20')!;
    const un = terms(autoIndexOf(book));
    expect(un).toContain('Summit of the Future Action Days');
    expect(un).not.toContain('Summit of the Future Action');
    expect(un).toContain('Summit of the Future');
  });
});

