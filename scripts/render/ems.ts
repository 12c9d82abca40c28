// How wide a text runs, roughly, before it is laid out: what the print decisions that need a paragraph's
// lines ahead of Chromium count with (a short section end in render/html.ts, the pulls in ends.ts). One
// measure, so the two never count differently.

/** Ems of a line of running text at the narrowest trim (A5: 113 mm at 10.5 pt). */
export const LINE_EMS = 30;

/** A text's width in ems, roughly: a CJK character (or a full-width form) an em, anything else half. */
export function emWidth(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5;
  return ems;
}
