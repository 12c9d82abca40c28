import { readTranscript, type ReaderOptions } from '../../scripts/reader/read.ts';

/** Normalised text of `raw` (paragraphs joined by blank lines) and the change list. */
export function norm(raw: string, options: Partial<ReaderOptions> = {}) {
  const r = readTranscript(Buffer.from(raw), { speaker: '王毅', ...options });
  return { text: r.blocks.join('\n\n'), changes: r.changes, tree: r.tree, applied: r.changes.filter((c) => c.applied) };
}

/** Normalises one body paragraph (a title line is added so the text is not taken as a title). */
export function body(paragraph: string, options: Partial<ReaderOptions> = {}) {
  const r = norm(`标题\n\n${paragraph}`, options);
  return { ...r, text: r.text.slice('标题\n\n'.length) };
}
