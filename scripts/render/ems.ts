// How wide a text runs, roughly, before it is laid out: what the print decisions that need a paragraph's
// lines ahead of Chromium count with (a short section end in render/html.ts, the pulls in ends.ts), and
// what the title line breaker measures a title with (render/lines.ts). One measure, so they never
// count differently: which characters are full width is decided here only (issue #24: lines.ts had its
// own table); a narrow character's average width depends on the face it is set in.

/** Ems of a line of running text at the narrowest trim (A5: 113 mm at 10.5 pt). */
export const LINE_EMS = 30;

/** Full-width characters, an em wide: Hangul jamo and syllables, CJK (Han, kana, marks, compatibility and vertical forms, the supplementary planes), full-width forms. */
const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
/** A narrow (Latin, digit, mark) character's average width in ems in running text (the body face)… */
export const BODY_NARROW = 0.5;
/** …and in a title's face, a little wider (the title line breaker, render/lines.ts). */
export const TITLE_NARROW = 0.56;

/** A character's width in ems, roughly: a full-width one an em, any other `narrow`. */
export function charWidth(ch: string, narrow = BODY_NARROW): number {
  return FULL_WIDTH.test(ch) ? 1 : narrow;
}

/** A text's width in ems, roughly: a full-width character (CJK, a full-width form) an em, anything else `narrow`. */
export function emWidth(text: string, narrow = BODY_NARROW): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch, narrow);
  return ems;
}
