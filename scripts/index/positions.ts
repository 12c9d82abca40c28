// Where each topic is written in book.yaml, so "topic matches nothing" can point at its line with a
// caret like every other config diagnostic (STYLE.md §9). The places come from the config loader,
// which parsed book.yaml once (scripts/config/load.ts); a missing place just means no line:column.
import type { Topic } from '../config/schema.ts';
import type { Where } from '../core/diagnostics.ts';
import type { TopicPositions } from './match.ts';

/** `topics.3` → where `term:` of topic 3 starts; also `topics.3.sub.1` and `topics.3.aliases.0`. */
export function topicPositions(topics: Topic[], place: (path: (string | number)[]) => Where | undefined): TopicPositions {
  const out: TopicPositions = new Map();
  const visit = (list: Topic[], prefix: (string | number)[]) => {
    list.forEach((topic, i) => {
      const path = [...prefix, i];
      // Point at the term's value: that is the word the editor will look for.
      const where = place([...path, 'term']) ?? place(path);
      if (where) out.set(path.join('.'), where);
      (topic.aliases ?? []).forEach((_, j) => { const w = place([...path, 'aliases', j]); if (w) out.set(`${path.join('.')}.aliases.${j}`, w); });
      visit(topic.sub ?? [], [...path, 'sub']);
    });
  };
  visit(topics, ['topics']);
  return out;
}
