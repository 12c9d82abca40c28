/** Undo the search corpus's folding of full-width punctuation in Chinese text (see restore.mjs). */
export function restoreChineseLine(line: string): string;
/** transcript.txt as made from excerpt.txt: lines trimmed, blank runs collapsed, Chinese punctuation restored. */
export function restore(text: string, language: string): string;
