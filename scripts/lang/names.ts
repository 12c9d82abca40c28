// Chinese surnames, the one table (issue #24: the reader's label recogniser and its doubled-character
// repair each had a list, and they disagreed). Simplified forms; Traditional text is looked up through
// its Simplified view.

/** Single-character surnames, commonest first: a closed set covering well over 90 % of people. */
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝楼';

/** Two-character surnames. */
export const DOUBLE_SURNAMES: ReadonlySet<string> = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文', '端木', '澹台', '南宫', '西门']);

/**
 * Surnames common in Taiwan and Hong Kong that the mainland list above lacks: the forms 萧, 傅 and 阎, which
 * the mainland often writes 肖, 付 and 闫 (the list has those) but which are surnames in their own right and
 * the usual written forms in Taiwan and Hong Kong (萧美琴, 傅崐萁); and 洪 and 赖, roughly 15th and 19th in
 * Taiwan's household register (内政部 surname statistics), which the mainland list above lacks (洪秀柱,
 * 赖清德). Kept apart so the mainland ranks above stay as published.
 */
export const REGIONAL_SURNAMES = '萧傅阎赖洪';

/** Every single-character surname the tools know: the mainland list, then the regional forms. */
export const ALL_SURNAMES = SURNAMES + REGIONAL_SURNAMES;

/** The hundred commonest single-character surnames (王 … 汤): after one, a doubled character is most
 * likely a given name (王芳芳, 张晶晶). */
export const COMMON_SURNAMES = SURNAMES.slice(0, 100);

/**
 * Surnames common enough, on both sides of the strait and in Hong Kong, that a two-character word starting
 * with one may be a name (the automatic index's test of an unknown word): the first hundred of the mainland,
 * the regional forms, six more of Taiwan's first fifty (庄 游 詹 颜 柯 翁: ranks 115–163 in the list above) and 耿
 * (the index's earlier list had it: 耿爽, a spokesman of the foreign ministry).
 */
export const COMMON_SURNAMES_WIDE = `${COMMON_SURNAMES}${REGIONAL_SURNAMES}庄柯詹游翁颜耿`;

/** Single surnames that open a Hong Kong married name (林郑月娥, 范徐丽泰: husband's surname, then her own), and the second. */
const MARRIED_FIRST = '林范陈叶梁吴黄李王张刘杨何罗郑谢周徐胡';
const MARRIED_SECOND = '林郑徐陈李黄梁吴何叶王张';

/** Whether a Simplified string of four characters is a Hong Kong married name: two surnames, then a two-character given name. */
export function isMarriedName(s: string): boolean {
  const chars = [...s];
  return chars.length === 4 && MARRIED_FIRST.includes(chars[0]) && MARRIED_SECOND.includes(chars[1]) && /^\p{Script=Han}{2}$/u.test(chars[2] + chars[3]);
}

/**
 * English given names and their common familiar forms (Robert: Bob, Richard: Dick): the same person named
 * both ways in one text (Robert Dudley on the guest list, Bob Dudley in the programme) is one index entry.
 * The commonest hypocorisms of the English-speaking world, each listed under its formal name.
 */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Robert: ['Bob', 'Bobby', 'Rob', 'Robbie', 'Bert'], Richard: ['Dick', 'Rick', 'Rich', 'Richie'], William: ['Bill', 'Billy', 'Will', 'Willie'],
  James: ['Jim', 'Jimmy', 'Jamie'], Michael: ['Mike', 'Mick', 'Mickey'], Thomas: ['Tom', 'Tommy'], Joseph: ['Joe', 'Joey'],
  Charles: ['Charlie', 'Chuck'], Edward: ['Ed', 'Eddie', 'Ted', 'Ned'], Anthony: ['Tony'], Daniel: ['Dan', 'Danny'],
  David: ['Dave'], Steven: ['Steve'], Stephen: ['Steve'], Christopher: ['Chris'], Matthew: ['Matt'], Andrew: ['Andy', 'Drew'],
  Benjamin: ['Ben'], Samuel: ['Sam'], Nicholas: ['Nick'], Jonathan: ['Jon'], Timothy: ['Tim'], Gregory: ['Greg'],
  Kenneth: ['Ken'], Ronald: ['Ron'], Donald: ['Don'], Lawrence: ['Larry'], Frederick: ['Fred'], Patrick: ['Pat'],
  Elizabeth: ['Liz', 'Beth', 'Betty'], Katherine: ['Kate', 'Kathy'], Catherine: ['Kate', 'Cathy'], Margaret: ['Maggie', 'Peggy'],
  Jennifer: ['Jen', 'Jenny'], Susan: ['Sue'], Patricia: ['Pat', 'Patty'], Deborah: ['Deb', 'Debbie'], Rebecca: ['Becky'],
};

/** Whether two English given names name the same person (Robert and Bob, Bob and Bobby): equal, or a formal name and a familiar form of it. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const formsOf = (n: string) => Object.entries(NICKNAMES).filter(([formal, short]) => formal === n || short.includes(n)).map(([formal]) => formal);
  const fa = formsOf(a);
  return fa.length > 0 && formsOf(b).some((f) => fa.includes(f));
}
