// Dates and times in a transcript's lines, in one place (issue #24: three patterns in two files each
// said what a date line is). Four questions, each asked by one stage:
// - isDateLine: the line is a date or a time of day and nothing else (2024-03-07, 2024年3月7日,
//   12:32 P.M. EDT); a line break next to one is a paragraph break (line-breaks.ts);
// - isTimeLine: the line is a time of day (9:42 A.M. EDT) or a bracketed date ((March 7, 2024)), what
//   stands under a briefing's place line (structure.ts: that place line is no title);
// - onlyDateAndTime: nothing but figures, a.m./p.m., time zones, months, weekdays and date separators
//   (10/11/2022 07:54 PM EDT, May 3, 2023): no title (structure.ts looksLikeTitle);
// - mentionsDate: a date or a time somewhere in the text: a lead paragraph's mark (structure.ts isLead).

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

const DATE_LINE = /^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[A-Z]{2,4})?$/u;
const TIME_LINE = new RegExp(`^(?:\\d{1,2}:\\d{2}\\s*[AaPp]\\.?\\s?[Mm]\\.?(?:\\s+[A-Z]{2,4})?|\\((?:${MONTHS}) \\d{1,2}, \\d{4}\\))$`);
// (A month or a weekday written out is a date's part too: `May 3, 2023` alone heads the Fed's transcripts.)
const DATE_AND_TIME_PARTS = new RegExp(`\\d+|[ap]\\.?m\\.?|[AP]\\.?M\\.?|\\b[A-Z]{1,4}T\\b|UTC|GMT|\\b(?:${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|[-–/:.,年月日时分 ]`, 'g');
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

const MONTH_NAMES = MONTHS.split('|');
const WHOLE_DATE = new RegExp(`(?<![\\d.])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d:.])|(\\d{4})年(\\d{1,2})月(\\d{1,2})日|\\b(${MONTHS})\\.? (\\d{1,2}),? (\\d{4})\\b|\\b(\\d{1,2}) (${MONTHS}),? (\\d{4})\\b`, 'giu');

/**
 * The whole date a text's head gives (2019-03-14, 2019年3月14日, April 23, 2004, THURSDAY, SEPTEMBER 27,
 * 2007), as YYYY-MM-DD: the first on a line of its own (a weekday, "Aired" or brackets beside it at
 * most), else the first anywhere; undefined when none, or when what looks like one is no calendar day.
 * The book's date when book.yaml gives none: asked of the transcript's head only, never of speech.
 */
export function firstDate(text: string): string | undefined {
  const lines = text.split('\n');
  for (const line of lines) {
    const found = datesIn(line)[0];
    if (found && line.replace(WHOLE_DATE, '').replace(/[^\p{L}]/gu, '').length <= 10) return found;
  }
  return datesIn(text)[0];
}

function datesIn(text: string): string[] {
  const out: string[] = [];
  const month = (name: string) => String(MONTH_NAMES.findIndex((n) => n.toLowerCase() === name.toLowerCase()) + 1);
  for (const m of text.matchAll(WHOLE_DATE)) {
    // Groups: 1–4 2019-03-14 (one separator), 5–7 2019年3月14日, 8–10 April 23, 2004, 11–13 23 April 2004.
    const [y, mo, d] = m[1] ? [m[1], m[3], m[4]] : m[5] ? [m[5], m[6], m[7]] : m[8] ? [m[10], month(m[8]), m[9]] : [m[13], month(m[12]!), m[11]];
    const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    const day = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(day.getTime()) && day.toISOString().startsWith(iso)) out.push(iso);
  }
  return out;
}
