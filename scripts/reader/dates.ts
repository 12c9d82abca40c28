// Dates and times in a transcript's lines, in one place (issue #24: three patterns in two files each
// said what a date line is). Four questions, each asked by one stage:
// - isDateLine: the line is a date or a time of day and nothing else (2024-03-07, 2024年3月7日,
//   12:32 P.M. EDT); a line break next to one is a paragraph break (line-breaks.ts);
// - isTimeLine: the line is a time of day (9:42 A.M. EDT) or a bracketed date ((March 7, 2024)), what
//   stands under a briefing's place line (structure.ts: that place line is no title);
// - onlyDateAndTime: nothing but figures, a.m./p.m., time zones and date separators (10/11/2022 07:54 PM
//   EDT): no title (structure.ts looksLikeTitle);
// - mentionsDate: a date or a time somewhere in the text: a lead paragraph's mark (structure.ts isLead).

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

const DATE_LINE = /^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[A-Z]{2,4})?$/u;
const TIME_LINE = new RegExp(`^(?:\\d{1,2}:\\d{2}\\s*[AaPp]\\.?\\s?[Mm]\\.?(?:\\s+[A-Z]{2,4})?|\\((?:${MONTHS}) \\d{1,2}, \\d{4}\\))$`);
const DATE_AND_TIME_PARTS = /\d+|[ap]\.?m\.?|[AP]\.?M\.?|\b[A-Z]{1,4}T\b|UTC|GMT|[-–/:.,年月日时分 ]/g;
const DATE_MENTION = new RegExp(`\\d{1,2}[:：]\\d{2}|\\d{4}年|\\d+月\\d+日|\\b(?:${MONTHS})\\b`);

/** The line is a date or a time of day and nothing else. */
export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line);
}

/** The line (trimmed) is a time of day, or a date in brackets: what follows a place line. */
export function isTimeLine(line: string): boolean {
  return TIME_LINE.test(line.trim());
}

/** The text holds nothing but a date or a time (fewer than two other letters or figures). */
export function onlyDateAndTime(text: string): boolean {
  return text.replace(DATE_AND_TIME_PARTS, '').replace(/\p{P}/gu, '').length < 2;
}

/** The text mentions a date or a time of day. */
export function mentionsDate(text: string): boolean {
  return DATE_MENTION.test(text);
}
