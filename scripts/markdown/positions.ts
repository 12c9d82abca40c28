// Where `notes` and `matter` entries are written in book.yaml, so a note whose quote names no place or a
// matter file that is missing points at its line with a caret (STYLE.md §9). Like index/positions.ts
// this only re-reads the text for places and never fails: a missing place just means no line:column.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, Scalar, type Node as YamlNode } from 'yaml';
import type { Where } from '../core/diagnostics.ts';

export interface ApparatusPositions {
  /** `notes.2.quote`, `notes.2.note`, `matter.0.file` → where the value starts. */
  get(path: string): Where | undefined;
  /** Where a point of a note's Markdown body is in book.yaml (`notes.2.note` + line 3, column 5 of the body). */
  inValue(path: string, point: { line: number; column: number } | undefined): Where;
}

export function apparatusPositions(yamlText: string, file = 'book.yaml'): ApparatusPositions {
  const places = new Map<string, { where: Where; node: YamlNode }>();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lines = yamlText.split(/\r?\n/);
  const whereAt = (offset: number): Where => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, excerpt: lines[line - 1] };
  };
  if (!doc.errors.length && isMap(doc.contents)) {
    for (const list of ['notes', 'matter']) {
      const seq = doc.contents.get(list, true) as YamlNode | undefined;
      if (!isSeq(seq)) continue;
      seq.items.forEach((item, i) => {
        if (!isMap(item)) return;
        for (const pair of item.items) {
          const key = (pair.key as { value?: unknown })?.value;
          const value = pair.value as YamlNode | null;
          const offset = value?.range?.[0];
          if (typeof key === 'string' && value && offset !== undefined) places.set(`${list}.${i}.${key}`, { where: whereAt(offset), node: value });
        }
      });
    }
  }
  return {
    get: (path) => places.get(path)?.where,
    inValue(path, point) {
      const place = places.get(path);
      if (!place) return { file };
      if (!point) return place.where;
      const { where, node } = place;
      const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
      if (!block) return { ...where, column: (where.column ?? 1) + point.column - 1 + (isScalar(node) && node.type !== Scalar.PLAIN ? 1 : 0) };
      // A block scalar's text starts on the line after `|`, indented; folded lines keep their count.
      const line = (where.line ?? 0) + point.line;
      const text = lines[line - 1] ?? '';
      const indent = text.length - text.trimStart().length;
      return { file, line, column: indent + point.column, excerpt: text };
    },
  };
}
