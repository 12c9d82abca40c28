// News outlets in Chinese text and the lines they put before a story, in one place (issue #24: the
// reader's labels, the reader's structure and the index each wrote their own pattern). Three questions:
// - isOutletName: a name is a news organisation's or a broadcaster's (路透社, 总台央视, 美国有线电视新闻网),
//   so a reporter's outlet in a label is an organisation of the index (index/candidates.ts);
// - isNewsLead: the phrase before a colon is an outlet's wire line (华夏经纬网讯, 新京报讯) or an agency's
//   dateline (新华社北京6月12日电): it narrates the event, no one speaks (reader/labels.ts: no label;
//   reader/structure.ts: the lead);
// - opensWithDateline: a paragraph opens with an agency's dateline (据新华社北京3月7日电 …, 中新網3月7日電):
//   the lead (reader/structure.ts);
// - MEDIA_NAME, LINE_DATELINES: an outlet named in running text, in a photo credit （中国台湾网 尹赛楠 摄）
//   or at a line's start before its dateline (中评社北京9月29日电): an organisation of the index (index/zh.ts).
// All but opensWithDateline take Simplified text (reader/labels.ts `simplified`); it reads either script.

/** How an outlet's name ends, in either script: an agency, a station, a site, a paper, a company. */
const OUTLET_ENDINGS = '社|台|网|報|报|视|視|刊|电视|電視|广播|廣播|新闻|新聞|媒体|媒體|公司';
/** How a site's, a paper's or an agency's name ends before its wire line (…讯). */
const WIRE_ENDINGS = '网|报|社|台|刊|网站|中心';
/** How an agency's, a station's or a paper's name ends before the place and day of its dateline (…电). */
const AGENCY_ENDINGS = '社|网|台|报';
/** The month and day of a dateline (6月12日). */
const DAY = '\\d{1,2}月\\d{1,2}日';

/** An outlet's name in running text (中国台湾网, 中评社, 新华社): up to 8 characters ending in 网, 社, 报, 电视台 or 台 (a pattern's source, for a credit's pattern). */
export const MEDIA_NAME = '[^\\s\\d（）()，。：]{1,8}?(?:网|社|报|电视台|台)';
/** Outlets' datelines at the start of a line (中评社北京9月29日电, …讯): the outlet's name is group 1 (global: for matchAll). */
export const LINE_DATELINES = new RegExp(`^(${MEDIA_NAME})\\p{Script=Han}{0,4}${DAY}\\p{Script=Han}{0,4}(?:电|讯)`, 'gmu');

const OUTLET_NAME = new RegExp(`(${OUTLET_ENDINGS})$`, 'u');
const NEWS_LEAD = new RegExp(`(?:${WIRE_ENDINGS})讯$|(?:${AGENCY_ENDINGS})\\p{Script=Han}{0,8}?${DAY}电$`, 'u');
const OPENS_WITH_DATELINE = new RegExp(`^\\S{0,24}?${DAY}[电電]`, 'u');

/** The (Simplified) name is a news organisation's or a broadcaster's. */
export function isOutletName(name: string): boolean {
  return OUTLET_NAME.test(name);
}

/** The (Simplified) phrase before a colon is an outlet's wire line or an agency's dateline. */
export function isNewsLead(phrase: string): boolean {
  return NEWS_LEAD.test(phrase);
}

/** The paragraph opens with an agency's dateline (…3月7日电). */
export function opensWithDateline(text: string): boolean {
  return OPENS_WITH_DATELINE.test(text);
}
