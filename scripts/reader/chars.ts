// Character classes shared by the reader's rules.
export const HAN = '\\p{Script=Han}';
/** Full-width (CJK) punctuation. */
export const CJK_PUNCT = '、。，：；？！“”‘’（）《》「」『』【】〔〕…—·～';
const HAN_RE = /\p{Script=Han}/u;
/** Per UTF-16 unit: 0 not yet asked, 1 Han, 2 not (a lone surrogate is not Han, as the regex says). */
const hanUnit = new Uint8Array(0x10000);
/** Whether `ch` holds a Han character. One-unit strings (most calls, in the reader's loops over every
 * character) are answered from a table filled on first use, with the regex's own answer. */
export const isHan = (ch: string | undefined): boolean => {
  if (!ch) return false;
  if (ch.length !== 1) return HAN_RE.test(ch);
  const c = ch.charCodeAt(0);
  if (c < 0x2e80) return false; // no Han character lies below the CJK radicals
  let known = hanUnit[c]!;
  if (known === 0) hanUnit[c] = known = HAN_RE.test(ch) ? 1 : 2;
  return known === 1;
};
export const isCjkPunct = (ch: string | undefined): boolean => !!ch && CJK_PUNCT.includes(ch);
/** A character that makes its neighbourhood "Chinese text" for punctuation purposes. */
export const isCjk = (ch: string | undefined): boolean => isHan(ch) || isCjkPunct(ch);
/** Marks that may end a paragraph properly. */
export const CLOSING = '。！？；：…”’」』）》.!?;:)"\'—';
