/** Undo the search corpus's folding of full-width punctuation in Chinese text (see restore.mjs). */
export function restoreChineseLine(line: string): string;
/** transcript.txt as made from excerpt.txt: lines trimmed, blank runs collapsed, Chinese punctuation restored. */
export function restore(text: string, language: string): string;
/** Markdown from a GitHub archive: no-break spaces restored (when the copy folded them), hard breaks kept, wrapped lines joined, escapes removed. */
export function unwrapMarkdown(text: string, options?: { nbspFolded?: boolean }): string;
/** transcript.txt as made from excerpt.txt for a source format (`pages`, the default, or `wh-markdown`). */
export function restoreSource(text: string, language: string, format?: string): string;
