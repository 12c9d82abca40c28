// Traversal helpers for the document model: the only place that knows how to walk it.
import type { Node, Parent, Paragraph, Section, Transcript, Inline, Turn } from './types.ts';

export function isParent(node: Node): node is Parent {
  return Array.isArray((node as { children?: unknown }).children);
}

/** Depth-first, pre-order visit of every node; `visit` may return false to skip children. */
export function walk(node: Node, visit: (node: Node, parent: Parent | null) => void | false, parent: Parent | null = null): void {
  if (visit(node, parent) === false) return;
  if (node.type === 'turn') walk(node.speaker, visit, node);
  if (isParent(node)) for (const child of node.children as Node[]) walk(child, visit, node);
}

export function paragraphs(tree: Node): Paragraph[] {
  const out: Paragraph[] = [];
  walk(tree, (n) => { if (n.type === 'paragraph') out.push(n); });
  return out;
}

export function sections(tree: Transcript): Section[] {
  const out: Section[] = [];
  walk(tree, (n) => { if (n.type === 'section') out.push(n); });
  return out;
}

export function turns(tree: Node): Turn[] {
  const out: Turn[] = [];
  walk(tree, (n) => { if (n.type === 'turn') out.push(n); });
  return out;
}

/** The plain text of inline content (a note reference is not text: it adds nothing). */
export function inlineText(children: Inline[]): string {
  return children.map((c) => {
    switch (c.type) {
      case 'text': case 'inlineCode': return c.value;
      case 'noteRef': case 'break': return '';
      default: return inlineText(c.children);
    }
  }).join('');
}

export function titleText(tree: Transcript): string {
  const title = tree.children.find((c) => c.type === 'title');
  return title && title.type === 'title' ? inlineText(title.children) : '';
}

/** A source offset as a unist point (1-based line and column), given where each line starts. */
export function pointAt(lineStarts: readonly number[], offset: number): { line: number; column: number; offset: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1, offset };
}
