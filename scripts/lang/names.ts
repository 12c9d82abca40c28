// Chinese surnames, the one table (issue #24: the reader's label recogniser and its doubled-character
// repair each had a list, and they disagreed). Simplified forms; Traditional text is looked up through
// its Simplified view.

/** Single-character surnames, commonest first: a closed set covering well over 90 % of people. */
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝楼';

/** Two-character surnames. */
export const DOUBLE_SURNAMES: ReadonlySet<string> = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文', '端木', '澹台', '南宫', '西门']);

/** The hundred commonest single-character surnames (王 … 汤): after one, a doubled character is most
 * likely a given name (王芳芳, 张晶晶). */
export const COMMON_SURNAMES = SURNAMES.slice(0, 100);
