// `transcript-press index suggest`: the automatic index (auto.ts, the engine a book with `index: auto`
// is built with) printed as a `topics:` list an editor can paste into book.yaml and curate. It
// proposes only; it never writes book.yaml. Terms already curated are left out.
import type { BookConfig } from '../config/schema.ts';
import type { Transcript } from '../model/types.ts';
import { autoIndex } from './auto.ts';
import type { AutoEntry } from './candidates.ts';

export { indexableText } from './auto.ts';

export type SuggestConfig = Pick<BookConfig, 'title' | 'speaker' | 'speakers' | 'language'>;

/** The automatic entries, best first, at most `top` (sub-entries ride with their heading). */
export function suggestTopics(tree: Transcript, config: SuggestConfig, existing: Iterable<string> = [], top = 60): AutoEntry[] {
  // The build lists every sure name whatever the size (a roll of members, the outlets in the labels);
  // a suggestion list asked for `top` is at most that long.
  return autoIndex(tree, config, existing, top).slice(0, top);
}

/** YAML quoting only where needed, so the pasted list reads like the hand-written one. */
function yamlString(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}—·]*$/u.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/^\d/.test(s) ? s : JSON.stringify(s);
}

function entryLines(e: AutoEntry, indent: string): string[] {
  return [
    `${indent}- term: ${yamlString(e.term)}  # ${e.kind}, ${e.count}×`,
    ...(e.aliases.length ? [`${indent}  aliases: [${e.aliases.map(yamlString).join(', ')}]`] : []),
    ...(e.sub.length ? [`${indent}  sub:`, ...e.sub.flatMap((s) => entryLines(s, `${indent}    `))] : []),
  ];
}

/**
 * The suggestions as a `topics:` list to paste into book.yaml. Each entry carries, in a comment, its
 * kind (person, place, organisation, subject) and how often the text names it.
 */
export function suggestYaml(tree: Transcript, config: SuggestConfig, existing: Iterable<string> = [], top = 60): string {
  const list = suggestTopics(tree, config, existing, top);
  return [
    `# ${list.length} topics found in the text, best first: the automatic index (index: auto) of this book.`,
    '# Paste the ones you want under topics: in book.yaml (with index: curated or both); add aliases for',
    '# other wordings, sub: for sub-entries, see / seeAlso for cross-references.',
    'topics:',
    ...list.flatMap((e) => entryLines(e, '  ')),
  ].join('\n') + '\n';
}
