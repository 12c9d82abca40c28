// The characters that spell foreign names in Chinese, the one table (issue #24: the reader's
// doubled-character repair and the index's name finder each had a list, 181 and 199 characters, and
// they disagreed on 56). This is their union, in pinyin order: the characters of Xinhua's
// transliteration tables (世界人名翻译大辞典) that transcripts use, enough to tell 巴特策策格 (a name, its
// doubled 策 kept) from a stutter, and 卡米洛夫 or 布林肯 from words. Simplified forms; Traditional
// text is looked up through its Simplified view.

/** Characters of transliterated foreign names. */
export const TRANSLITERATION: ReadonlySet<string> = new Set(
  '阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕别宾波伯博布策查茨达戴丹道德迪蒂丁东杜顿多厄恩尔耳法菲费芬丰夫弗福盖甘冈戈格根古瓜圭哈海汉豪赫亨胡华霍基吉济加贾杰捷金卡凯坎康考柯科克肯库夸奎拉莱兰朗劳勒雷蕾黎里丽利莉连列林琳留卢鲁伦罗洛马迈麦曼芒梅门蒙米密敏明莫默姆穆纳娜奈南内妮尼涅宁纽努诺欧帕潘佩彭皮珀普齐奇琪恰乔切钦琼丘萨塞桑瑟森沙莎尚舍什施舒斯松苏索塔泰坦汤特滕提廷图托娃瓦万旺威韦维温沃乌伍西希锡谢辛休雅亚娅扬耶伊因英尤于约泽扎詹兹祖佐',
);

/** Ending characters a word segmenter tends to cut off a transliterated name (卡米洛|夫, 马克龙|…). */
export const TRANSLITERATION_ENDS: ReadonlySet<string> = new Set('夫娃娜诺斯基奇克科尔特拉维娅妮耶姆');

/** Whether every character of `s` is a transliteration character (布林肯, 卡米洛). */
export function isTransliterated(s: string): boolean {
  for (const c of s) if (!TRANSLITERATION.has(c)) return false;
  return true;
}
