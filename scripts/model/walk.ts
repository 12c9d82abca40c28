// Traversal helpers for the document model: the only place that knows how to walk it.
import type { Node as UnistNode } from 'unist';
import { visit as unistVisit, SKIP, CONTINUE } from 'unist-util-visit';
import type { Node, Parent, Paragraph, Section, Transcript, Inline, Turn } from './types.ts';

export function isParent(node: Node): node is Parent {
  return Array.isArray((node as { children?: unknown }).children);
}

/**
 * Depth-first, pre-order visit of every node (unist-util-visit), the turn's speaker label before its
 * paragraphs; `visit` may return false to skip children.
 */
export function walk(node: Node, visit: (node: Node, parent: Parent | null) => void | false): void {
  unistVisit(node as UnistNode, (n, _index, p) => {
    const child = n as Node;
    const parent = (p ?? null) as Parent | null;
    if (visit(child, parent) === false) return SKIP;
    if (child.type === 'turn') walk(child.speaker, (s, p) => visit(s, p ?? child));
    return CONTINUE;
  });
}

/** Every node of one type, in document order. */
function ofType<T extends Node>(tree: Node, type: T['type']): T[] {
  const out: T[] = [];
  walk(tree, (n) => { if (n.type === type) out.push(n as T); });
  return out;
}

export const paragraphs = (tree: Node): Paragraph[] => ofType<Paragraph>(tree, 'paragraph');
export const sections = (tree: Transcript): Section[] => ofType<Section>(tree, 'section');
export const turns = (tree: Node): Turn[] => ofType<Turn>(tree, 'turn');

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
