// Where each topic is written in book.yaml, so "topic matches nothing" can point at its line with a
// caret like every other config diagnostic (STYLE.md §9). Parsing is the config loader's job; this
// only re-reads the text for places and never fails: a missing place just means no line:column.
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { Where } from '../core/diagnostics.ts';
import type { TopicPositions } from './match.ts';

/** `topics.3` → where `term:` of topic 3 starts; also `topics.3.sub.1` and `topics.3.aliases.0`. */
export function topicPositions(yamlText: string, file = 'book.yaml'): TopicPositions {
  const out: TopicPositions = new Map();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  if (doc.errors.length || !isMap(doc.contents)) return out;
  const lines = yamlText.split(/\r?\n/);
  const at = (node: YamlNode | null | undefined): Where | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, excerpt: lines[line - 1] };
  };
  const get = (map: YamlNode | null, key: string): YamlNode | null => {
    if (!isMap(map)) return null;
    const pair = map.items.find((p) => (p.key as { value?: unknown })?.value === key);
    return (pair?.value as YamlNode | undefined) ?? null;
  };
  const visit = (seq: YamlNode | null, prefix: string) => {
    if (!isSeq(seq)) return;
    seq.items.forEach((item, i) => {
      const path = `${prefix}.${i}`;
      const node = item as YamlNode;
      // Point at the term's value: that is the word the editor will look for.
      const where = at(get(node, 'term')) ?? at(node);
      if (where) out.set(path, where);
      const aliases = get(node, 'aliases');
      if (isSeq(aliases)) aliases.items.forEach((a, j) => { const w = at(a as YamlNode); if (w) out.set(`${path}.aliases.${j}`, w); });
      visit(get(node, 'sub'), `${path}.sub`);
    });
  };
  visit(get(doc.contents, 'topics'), 'topics');
  return out;
}
