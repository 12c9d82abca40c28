// Where `notes` and `matter` entries are written in book.yaml, so a note whose quote names no place, a
// matter file that is missing or a problem inside a note's Markdown points at its line with a caret
// (STYLE.md §9). The places come from the config loader, which parsed book.yaml once
// (scripts/config/load.ts); this only maps a point inside a note's text onto the YAML lines.
import type { Where } from '../core/diagnostics.ts';

export type Place = (path: (string | number)[]) => Where | undefined;

export interface ApparatusPositions {
  /** `notes.2.quote`, `notes.2.note`, `matter.0.file` → where the value starts. */
  get(path: string): Where | undefined;
  /** Where a point of a note's Markdown body is in book.yaml (`notes.2.note` + line 3, column 5 of the body). */
  inValue(path: string, point: { line: number; column: number } | undefined): Where;
}

export function apparatusPositions(place: Place, yamlText: string, file = 'book.yaml'): ApparatusPositions {
  const lines = yamlText.split(/\r?\n/);
  const get = (path: string) => place(path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
  return {
    get,
    inValue(path, point) {
      const where = get(path);
      if (!where?.line || !where.column) return { file, ...where };
      if (!point) return where;
      const start = lines[where.line - 1]?.[where.column - 1];
      // A block scalar (`|`, `>`): its text starts on the next line, indented; a flow scalar is on this
      // line, one column further in when quoted.
      if (start === '|' || start === '>') {
        const line = where.line + point.line;
        const text = lines[line - 1] ?? '';
        return { file: where.file ?? file, line, column: text.length - text.trimStart().length + point.column, excerpt: text };
      }
      return { ...where, column: where.column + point.column - 1 + (start === '"' || start === '\'' ? 1 : 0) };
    },
  };
}
