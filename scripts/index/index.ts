// The topic index stage: one module the build wires in with one call per edition.
//   const { index, diagnostics } = markTopics(tree, config.topics, configFile, topicPositions(yamlText, configFile));
//   printIndex = (pages) => printIndexTree(index, pages, strings);
//   epubIndex  = (pages) => epubIndexTree(index, pages, strings, hrefOf);
//   bookTopics(tree, config, where) chooses curated, automatic or both topics (book.yaml `index`);
//   suggestYaml(tree, config, existingTerms, 60) for `transcript-press index suggest BOOK_DIR`.
export { markTopics, type MarkResult, type MarkOptions, type TopicPositions } from './match.ts';
export { bookTopics, autoIndex, indexMode, type BookTopics, type IndexMode } from './auto.ts';
export { autoEntries, indexSize, flatEntries, type AutoEntry, type EntryKind } from './candidates.ts';
export { topicPositions } from './positions.ts';
export { buildIndexModel, sortKey, compareEntries, allEntries, type IndexModel, type IndexEntry, type IndexGroup, type IndexXref, type Occurrence } from './model.ts';
export { printIndexTree, epubIndexTree, printLocators, epubLocators, UNKNOWN_PAGE, type PageLookup, type IndexStrings, type Locator } from './render.ts';
export { suggestTopics, suggestYaml, indexableText } from './suggest.ts';

import type { Topic } from '../config/schema.ts';
import { flattenTopics } from './model.ts';

/** Every term and literal alias of the curated topics: what `suggest` should not propose again. */
export function existingTerms(topics: Topic[]): string[] {
  return flattenTopics(topics).flatMap((f) => [f.topic.term, ...(f.topic.aliases ?? []).filter((a) => !/^\/.+\/[a-z]*$/s.test(a))]);
}
