// Character classes shared by the reader's rules.
export const HAN = '\\p{Script=Han}';
/** Full-width (CJK) punctuation. */
export const CJK_PUNCT = '、。，：；？！“”‘’（）《》「」『』【】〔〕…—·～';
export const isHan = (ch: string | undefined): boolean => !!ch && /\p{Script=Han}/u.test(ch);
export const isCjkPunct = (ch: string | undefined): boolean => !!ch && CJK_PUNCT.includes(ch);
/** A character that makes its neighbourhood "Chinese text" for punctuation purposes. */
export const isCjk = (ch: string | undefined): boolean => isHan(ch) || isCjkPunct(ch);
/** Marks that may end a paragraph properly. */
export const CLOSING = '。！？；：…”’」』）》.!?;:)"\'—';
